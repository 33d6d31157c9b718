using Segur.Engine;
using Segur.Engine.Law;
using Segur.Engine.Time;

namespace Segur.Batch;

/// <summary>What to run: the workforce file, the period, and where the outputs go.</summary>
public sealed record BatchOptions(
    string Input,
    MonthRange Period,
    DateOnly? LawAsOf = null,
    bool PerMonth = false,
    bool Strict = false,
    string? Output = null,
    string? Rejects = null,
    int ChunkSize = 65_536);

/// <summary>What a reform changes compared with the law in force, over the period.</summary>
public sealed class Difference
{
    /// <summary>Workers paid, under the reform, in at least one month where the law in force pays them nothing.</summary>
    public long Gainers { get; internal set; }

    /// <summary>Workers whose total over the period changes.</summary>
    public long Changed { get; internal set; }

    public long Cents { get; internal set; }
    public long EmployerCents { get; internal set; }

    /// <summary>Added cost of the months before the reform is decided: paid as arrears (rappels).</summary>
    public long ArrearsCents { get; internal set; }

    /// <summary>Added cost of the last month of the period.</summary>
    public long LastMonthCents { get; internal set; }

    /// <summary>Added cost per calendar year of the period.</summary>
    public long[] ByYearCents { get; internal set; } = [];
}

/// <summary>Counts and syntheses of a run.</summary>
public sealed class BatchResult
{
    public required string Input { get; init; }
    public required MonthRange Period { get; init; }
    public DateOnly? LawAsOf { get; init; }
    public long RowsRead { get; internal set; }
    public long RowsEvaluated { get; internal set; }
    public long RowsRejected { get; internal set; }
    public string? RejectsPath { get; internal set; }
    public required Synthesis Baseline { get; init; }
    public Synthesis? Reform { get; init; }
    public Difference? Difference { get; init; }
    public int Classes { get; internal set; }
    public TimeSpan Elapsed { get; internal set; }
}

/// <summary>
/// Streams a workforce file through the rules: block by block, each row is evaluated under the law in
/// force and, with a scenario, under the reformed law, side by side. Memory holds one block, the class
/// tables and the totals, whatever the file size. Outputs are written atomically.
/// </summary>
public static class BatchRunner
{
    public static BatchResult Run(Legislation law, Legislation? reform, BatchOptions o, Action<double>? progress = null)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        using var reader = WorkforceReader.Open(o.Input, law, keepIds: o.Output is not null);
        if (law.Measures.Count > 64 || (reform?.Measures.Count ?? 0) > 64)
            throw new SegurException("plus de 64 mesures : le moteur de masse ne sait pas les suivre");
        var baseTable = new ClassTable(law, o.Period, o.LawAsOf);
        var baseRow = new RowEvaluator(baseTable);
        var reformTable = reform is null ? null : new ClassTable(reform, o.Period, o.LawAsOf);
        var reformRow = reformTable is null ? null : new RowEvaluator(reformTable);
        var reformSynthesis = reformTable is null ? null : new Synthesis(reformTable);
        var result = new BatchResult
        {
            Input = o.Input, Period = o.Period, LawAsOf = o.LawAsOf,
            Baseline = new Synthesis(baseTable),
            Reform = reformSynthesis,
            Difference = reform is null ? null : new Difference { ByYearCents = new long[o.Period.End.Year - o.Period.Start.Year + 1] },
        };
        var decidedOrdinal = reform?.Reform is { } info ? YearMonth.Of(info.DecidedOn).Ordinal : int.MaxValue;
        var months = o.Period.Months().ToArray();
        var periodLabel = o.Period.ToString();

        using var writer = o.Output is null ? null : ResultWriter.Open(o.Output, reform is not null, o.PerMonth);
        RejectWriter? rejects = null;
        var pending = new List<Rejection>();
        var labels = new MeasureLabels(law, reform);
        try
        {
            foreach (var (chunk, blockRejects) in Blocks(reader, law, o.ChunkSize))
            {
                pending.AddRange(blockRejects);
                Reject(pending, ref rejects, o, result);
                for (var row = 0; row < chunk.Count; row++)
                {
                    var codes = chunk.RowCodes(row);
                    baseRow.Evaluate(chunk, row, baseTable.Lookup(codes));
                    result.Baseline.Add(chunk, row, baseRow);
                    long diff = 0, arrears = 0;
                    if (reformRow is not null)
                    {
                        reformRow.Evaluate(chunk, row, reformTable!.Lookup(codes));
                        reformSynthesis!.Add(chunk, row, reformRow);
                        var d = result.Difference!;
                        var gained = false;
                        for (var mi = 0; mi < months.Length; mi++)
                        {
                            var delta = reformRow.MonthCents[mi] - baseRow.MonthCents[mi];
                            if (delta == 0) continue;
                            diff += delta;
                            if (months[mi].Ordinal < decidedOrdinal) arrears += delta;
                            d.ByYearCents[months[mi].Year - o.Period.Start.Year] += delta;
                            if (mi == months.Length - 1) d.LastMonthCents += delta;
                            if (baseRow.MonthCents[mi] == 0 && reformRow.MonthCents[mi] > 0) gained = true;
                            d.EmployerCents += reformRow.MonthEmployerCents[mi] - baseRow.MonthEmployerCents[mi];
                        }
                        if (gained) d.Gainers++;
                        if (diff != 0) d.Changed++;
                        d.Cents += diff;
                        d.ArrearsCents += arrears;
                    }
                    if (writer is not null) Write(writer, chunk, row, baseRow, reformRow, labels, periodLabel, months, o.PerMonth, diff, arrears, decidedOrdinal, baseTable);
                }
                result.RowsEvaluated += chunk.Count;
                writer?.Flush();
                progress?.Invoke(reader.Progress);
            }
            Reject(pending, ref rejects, o, result);
            result.RowsRead = reader.RowsRead;
            writer?.Commit();
            if (rejects is not null)
            {
                rejects.Commit();
                result.RejectsPath = rejects.Path;
            }
        }
        finally
        {
            rejects?.Dispose();
        }
        result.Classes = baseTable.Count;
        result.Elapsed = clock.Elapsed;
        return result;
    }

    /// <summary>
    /// Only reads and checks <paramref name="input"/> (rows parsed into blocks, rejects counted), evaluating
    /// nothing: the cost of reading alone, to set against a complete run.
    /// </summary>
    public static (long Rows, long Rejected, TimeSpan Elapsed) ReadOnly(Legislation law, string input, int chunkSize = 65_536)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        using var reader = WorkforceReader.Open(input, law, keepIds: false);
        long rejected = 0;
        foreach (var (_, blockRejects) in Blocks(reader, law, chunkSize)) rejected += blockRejects.Count;
        return (reader.RowsRead, rejected, clock.Elapsed);
    }

    /// <summary>
    /// Reads the file on a second thread, one block ahead of the evaluation: parsing and evaluating overlap
    /// on two cores. Three blocks circulate; a block is handed back for refilling once the caller moves on.
    /// </summary>
    private static IEnumerable<(WorkforceChunk Chunk, List<Rejection> Rejects)> Blocks(IWorkforceReader reader, Legislation law, int size)
    {
        using var free = new System.Collections.Concurrent.BlockingCollection<(WorkforceChunk, List<Rejection>)>(3);
        using var full = new System.Collections.Concurrent.BlockingCollection<(WorkforceChunk, List<Rejection>)>(3);
        using var stop = new CancellationTokenSource();
        for (var i = 0; i < 3; i++) free.Add((new WorkforceChunk(law.Vocabulary, size), new List<Rejection>()));
        var producer = Task.Run(() =>
        {
            try
            {
                while (true)
                {
                    var item = free.Take(stop.Token);
                    item.Item2.Clear();
                    var more = reader.Read(item.Item1, item.Item2);
                    if (more || item.Item2.Count > 0) full.Add(item, stop.Token);
                    if (!more) break;
                }
            }
            finally
            {
                full.CompleteAdding();
            }
        });
        (WorkforceChunk, List<Rejection>)? previous = null;
        try
        {
            foreach (var item in full.GetConsumingEnumerable())
            {
                if (previous is { } p) free.Add(p);
                previous = item;
                yield return item;
            }
            producer.GetAwaiter().GetResult(); // rethrows a reading error (bad file) on this thread
        }
        finally
        {
            stop.Cancel();
            try
            {
                producer.Wait();
            }
            catch (AggregateException e) when (e.InnerExceptions.All(x => x is OperationCanceledException))
            {
                // The consumer stopped first (strict mode, error): the reader was told to stop.
            }
            catch (AggregateException)
            {
                // Already rethrown above, or superseded by the consumer's own error.
            }
        }
    }

    private static void Reject(List<Rejection> pending, ref RejectWriter? rejects, BatchOptions o, BatchResult result)
    {
        if (pending.Count == 0) return;
        if (o.Strict)
        {
            var r = pending[0];
            throw new SegurException($"{o.Input}, ligne {r.Line}, colonne {r.Field} : « {r.Value} » : {r.Reason} (--strict : arrêt à la première ligne invalide ; rien n'a été écrit)");
        }
        rejects ??= new RejectWriter(o.Rejects ?? DefaultRejects(o));
        foreach (var r in pending) rejects.Write(r);
        result.RowsRejected += pending.Count;
        pending.Clear();
    }

    private static string DefaultRejects(BatchOptions o) =>
        o.Output is not null
            ? Path.Combine(Path.GetDirectoryName(Path.GetFullPath(o.Output))!, Path.GetFileNameWithoutExtension(o.Output) + ".rejets.csv")
            : Path.GetFileNameWithoutExtension(o.Input) + ".rejets.csv";

    private static void Write(ResultWriter writer, WorkforceChunk chunk, int row, RowEvaluator b, RowEvaluator? r, MeasureLabels labels,
        string period, YearMonth[] months, bool perMonth, long diff, long arrears, int decidedOrdinal, ClassTable table)
    {
        if (!perMonth)
        {
            var rec = new ResultRecord
            {
                Line = chunk.Line[row], Id = chunk.Id[row], Period = period, PaidMonths = b.PaidMonths,
                Measures = labels.Base(b.MeasureMask), Gross = b.TotalCents / 100m, Uncertain = b.Uncertain || (r?.Uncertain ?? false),
                AmountUnknown = b.AmountUnknown,
            };
            if (r is not null)
            {
                rec.ReformMeasures = labels.Reform(r.MeasureMask);
                rec.ReformGross = r.TotalCents / 100m;
                rec.Difference = diff / 100m;
                rec.Arrears = arrears / 100m;
            }
            writer.Write(rec);
            return;
        }
        var k = b.MonthMeasures.Length / months.Length;
        var cls = b.AmountUnknown ? table.Lookup(chunk.RowCodes(row)) : -1;
        for (var mi = 0; mi < months.Length; mi++)
        {
            var rec = new ResultRecord
            {
                Line = chunk.Line[row], Id = chunk.Id[row], Period = labels.Month(months[mi]),
                PaidMonths = MonthMask(b, mi, k) != 0 ? 1 : 0,
                Measures = labels.Base(MonthMask(b, mi, k)), Gross = b.MonthCents[mi] / 100m, Uncertain = b.Uncertain,
                AmountUnknown = cls >= 0 && UnknownThisMonth(table, b, cls, mi, k),
            };
            if (r is not null)
            {
                var kr = r.MonthMeasures.Length / months.Length;
                rec.ReformMeasures = labels.Reform(MonthMask(r, mi, kr));
                rec.ReformGross = r.MonthCents[mi] / 100m;
                rec.Difference = (r.MonthCents[mi] - b.MonthCents[mi]) / 100m;
                rec.Arrears = months[mi].Ordinal < decidedOrdinal ? rec.Difference : 0m;
            }
            writer.Write(rec);
        }
    }

    /// <summary>True when a measure paid to the row in month <paramref name="mi"/> has no known amount.</summary>
    private static bool UnknownThisMonth(ClassTable t, RowEvaluator e, int cls, int mi, int k)
    {
        for (var f = 0; f < k; f++)
        {
            if (e.MonthMeasures[mi * k + f] >= 0 && t.FullCents[(cls * t.Months + mi) * k + f] < 0) return true;
        }
        return false;
    }

    private static ulong MonthMask(RowEvaluator e, int mi, int k)
    {
        ulong mask = 0;
        for (var f = 0; f < k; f++)
        {
            var m = e.MonthMeasures[mi * k + f];
            if (m >= 0) mask |= 1UL << m;
        }
        return mask;
    }

    /// <summary>Caches the « M1+MED » labels of measure sets, so that writing a row allocates no string.</summary>
    private sealed class MeasureLabels(Legislation law, Legislation? reform)
    {
        private readonly Dictionary<ulong, string> _base = [];
        private readonly Dictionary<ulong, string> _reform = [];
        private readonly Dictionary<int, string> _months = [];

        public string Base(ulong mask) => Label(_base, law, mask);
        public string Reform(ulong mask) => Label(_reform, reform!, mask);

        public string Month(YearMonth m)
        {
            if (!_months.TryGetValue(m.Ordinal, out var s)) _months[m.Ordinal] = s = m.ToString();
            return s;
        }

        private static string Label(Dictionary<ulong, string> cache, Legislation l, ulong mask)
        {
            if (cache.TryGetValue(mask, out var s)) return s;
            var ids = new List<string>();
            for (var i = 0; i < l.Measures.Count; i++) if ((mask & (1UL << i)) != 0) ids.Add(l.Measures[i].Id);
            return cache[mask] = string.Join("+", ids);
        }
    }
}
