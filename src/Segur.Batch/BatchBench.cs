using System.Diagnostics;
using Segur.Engine.Law;
using Segur.Engine.Time;

namespace Segur.Batch;

/// <summary>
/// Figures of <c>segur bench</c>: in memory (medians of <see cref="Passes"/> passes, class tables and row memo warm),
/// on one thread at the population's own quotités and at quotités drawn as the peers draw them, then on
/// <see cref="Threads"/> threads at drawn quotités; then end to end on CSV and Parquet.
/// </summary>
public sealed record BenchFigures(
    long Persons,
    int Months,
    double InMemorySeconds,
    double PerSecond,
    double PerSecondRandomQuotites,
    int Classes,
    double CsvSeconds,
    double CsvRowsPerSecond,
    double ParquetSeconds,
    double ParquetRowsPerSecond,
    long PeakMemoryBytes)
{
    /// <summary>Timed passes whose median is reported.</summary>
    public int Passes { get; init; }

    /// <summary>Drawn quotités, one thread, counted in CPU time of that thread (NaN where the system cannot tell).</summary>
    public double CpuPerSecondRandomQuotites { get; init; }

    /// <summary>Drawn quotités, one thread, first pass with an empty row memo.</summary>
    public double ColdMemoPerSecondRandomQuotites { get; init; }

    /// <summary>Threads of the all-cores measure (the processors this process may use).</summary>
    public int Threads { get; init; }

    /// <summary>Drawn quotités on <see cref="Threads"/> threads, each with its share of the rows (0 with one processor).</summary>
    public double AllCoresPerSecondRandomQuotites { get; init; }

    /// <summary>Total cents of the synthesis at drawn quotités (the same however many threads: a check of the work).</summary>
    public long ChecksumCents { get; init; }
}

public static class BatchBench
{
    /// <summary>
    /// Draws <paramref name="persons"/> workers from the national model into memory (column blocks), then
    /// times the evaluation of every person-month of <paramref name="range"/> on the calling thread, class
    /// tables and row memo warm (they are built once, as in a long run; the first pass, memo empty, is given
    /// too), then on every processor (one share of the blocks, one class table each). Then writes the same population as CSV and
    /// Parquet in <paramref name="workDir"/> and times complete <c>simuler</c> runs on them.
    /// </summary>
    public static BenchFigures Run(Legislation law, long persons, MonthRange range, string workDir, bool endToEnd)
    {
        var model = PopulationModel.Embedded(law.Vocabulary);
        var parser = new RowParser(law.Vocabulary);
        var columns = model.Columns(law.Vocabulary);
        var fields = columns.Select(c => law.Vocabulary[c]).ToArray();
        var chunks = new List<WorkforceChunk>();
        var chunk = new WorkforceChunk(law.Vocabulary);
        long line = 0;
        foreach (var row in model.Generate(persons, 1))
        {
            if (chunk.IsFull)
            {
                chunks.Add(chunk);
                chunk = new WorkforceChunk(law.Vocabulary);
            }
            var r = chunk.Begin(++line);
            for (var c = 0; c < columns.Length; c++)
            {
                if (row.TryGetValue(columns[c], out var v)) parser.Cell(chunk, r, fields[c], v);
            }
            chunk.Commit();
        }
        chunks.Add(chunk);

        var personMonths = persons * (double)range.Count;
        var one = new BenchWorker(new ClassTable(law, range), chunks);
        var seconds = BenchTiming.OneThread(one).Wall;
        // The peers draw quotités uniformly from 50 % to 100 %: measure that less repetitive case too.
        var rng = new Random(42);
        foreach (var ch in chunks)
            for (var i = 0; i < ch.Count; i++) ch.Quotite[i] = (50 + rng.Next(51)) / 100m;
        var (randomSeconds, randomCpu) = BenchTiming.OneThread(one);
        var checksum = one.Checksum;
        var coldSeconds = BenchTiming.ColdMemoPass(one);
        if (one.Checksum != checksum) throw new InvalidOperationException("banc d'essai : le passage à mémoire vide ne donne pas le même total");
        var threads = Environment.ProcessorCount;
        double allCores = 0;
        if (threads > 1)
        {
            var workers = Enumerable.Range(0, threads)
                .Select(t => new BenchWorker(new ClassTable(law, range), chunks.Where((_, k) => k % threads == t).ToList())).ToList();
            allCores = personMonths / BenchTiming.AllThreads(workers);
            if (workers.Sum(w => w.Checksum) != checksum) throw new InvalidOperationException("banc d'essai : les fils d'exécution ne retrouvent pas le total d'un seul fil");
        }
        var clock = Stopwatch.StartNew();

        double csv = 0, parquet = 0;
        if (endToEnd)
        {
            var csvPath = Path.Combine(workDir, "segur-bench.csv");
            var parquetPath = Path.Combine(workDir, "segur-bench.parquet");
            PopulationParquet.Write(csvPath, law.Vocabulary, model.Generate(persons, 1), model.Metadata(persons, 1, law), columns);
            PopulationParquet.Write(parquetPath, law.Vocabulary, model.Generate(persons, 1), model.Metadata(persons, 1, law), columns);
            clock.Restart();
            BatchRunner.Run(law, null, new BatchOptions(csvPath, range));
            csv = clock.Elapsed.TotalSeconds;
            clock.Restart();
            BatchRunner.Run(law, null, new BatchOptions(parquetPath, range));
            parquet = clock.Elapsed.TotalSeconds;
            File.Delete(csvPath);
            File.Delete(csvPath + ".metadata.json");
            File.Delete(parquetPath);
        }
        return new BenchFigures(persons, range.Count, seconds, personMonths / seconds, personMonths / randomSeconds, one.Table.Count,
            csv, csv == 0 ? 0 : persons / csv, parquet, parquet == 0 ? 0 : persons / parquet,
            Process.GetCurrentProcess().PeakWorkingSet64)
        {
            Passes = BenchTiming.Timed,
            CpuPerSecondRandomQuotites = personMonths / randomCpu,
            ColdMemoPerSecondRandomQuotites = personMonths / coldSeconds,
            Threads = threads,
            AllCoresPerSecondRandomQuotites = allCores,
            ChecksumCents = checksum,
        };
    }
}
