using System.Diagnostics;
using Segur.Engine.Law;
using Segur.Engine.Time;

namespace Segur.Batch;

/// <summary>Figures of <c>segur bench</c>: in-memory evaluation on one core, then end to end on CSV and Parquet.</summary>
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
    long PeakMemoryBytes);

public static class BatchBench
{
    /// <summary>
    /// Draws <paramref name="persons"/> workers from the national model into memory (column blocks), then
    /// times the evaluation of every person-month of <paramref name="range"/> on the calling thread, class
    /// tables warm (they are built once, as in a long run). Then writes the same population as CSV and
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

        var table = new ClassTable(law, range);
        double Measure()
        {
            var evaluator = new RowEvaluator(table);
            var synthesis = new Synthesis(table);
            void Pass()
            {
                foreach (var ch in chunks)
                {
                    for (var i = 0; i < ch.Count; i++)
                    {
                        evaluator.Evaluate(ch, i, table.Lookup(ch.RowCodes(i)));
                        synthesis.Add(ch, i, evaluator);
                    }
                }
            }
            // Warm-up: class tables, then enough passes for the tiered JIT to settle (the first timed case
            // would otherwise run partly in unoptimised code).
            for (var w = 0; w < 3; w++) Pass();
            var watch = Stopwatch.StartNew();
            Pass();
            return watch.Elapsed.TotalSeconds;
        }
        var seconds = Measure();
        // The peers draw quotités uniformly from 50 % to 100 %: measure that less repetitive case too.
        var rng = new Random(42);
        foreach (var ch in chunks)
            for (var i = 0; i < ch.Count; i++) ch.Quotite[i] = (50 + rng.Next(51)) / 100m;
        var randomSeconds = Measure();
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
        return new BenchFigures(persons, range.Count, seconds, persons * (double)range.Count / seconds, persons * (double)range.Count / randomSeconds, table.Count,
            csv, csv == 0 ? 0 : persons / csv, parquet, parquet == 0 ? 0 : persons / parquet,
            Process.GetCurrentProcess().PeakWorkingSet64);
    }
}
