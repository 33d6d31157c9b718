using System.Diagnostics;
using System.Runtime.InteropServices;

namespace Segur.Batch;

/// <summary>
/// One measuring worker of <c>segur bench</c>: its class table, row evaluator and share of the population in memory.
/// A pass evaluates every row of its share for every month and builds a fresh synthesis, as <c>simuler</c> does.
/// </summary>
internal sealed class BenchWorker(ClassTable table, IReadOnlyList<WorkforceChunk> chunks)
{
    private RowEvaluator _evaluator = new(table);

    public ClassTable Table => table;
    public IReadOnlyList<WorkforceChunk> Chunks => chunks;

    /// <summary>Total cents of the last pass's synthesis (the same on every pass: a check that the work was done).</summary>
    public long Checksum { get; private set; }

    /// <summary>Rows of the share.</summary>
    public long Rows => chunks.Sum(c => (long)c.Count);

    /// <summary>Forgets the remembered rows (the class table stays warm).</summary>
    public void ColdMemo() => _evaluator = new RowEvaluator(table);

    public void Pass()
    {
        var evaluator = _evaluator;
        var synthesis = new Synthesis(table);
        foreach (var ch in chunks)
        {
            for (var i = 0; i < ch.Count; i++)
            {
                evaluator.Evaluate(ch, i, table.Lookup(ch.RowCodes(i)));
                synthesis.Add(ch, i, evaluator);
            }
        }
        Checksum = synthesis.Total.Cents;
    }
}

/// <summary>Medians of repeated passes, at wall clock and in CPU time of the measuring thread.</summary>
internal static class BenchTiming
{
    /// <summary>Warm-up passes: class tables and row memo filled, then enough runs for the tiered JIT to settle.</summary>
    public const int WarmUp = 4;

    /// <summary>Timed passes; the median is reported (the machine may be shared).</summary>
    public const int Timed = 7;

    /// <summary>Median wall seconds and median CPU seconds of the calling thread over <see cref="Timed"/> passes of one worker.</summary>
    public static (double Wall, double Cpu) OneThread(BenchWorker worker)
    {
        for (var w = 0; w < WarmUp; w++) worker.Pass();
        var wall = new double[Timed];
        var cpu = new double[Timed];
        for (var t = 0; t < Timed; t++)
        {
            var c0 = ThreadCpuSeconds();
            var clock = Stopwatch.StartNew();
            worker.Pass();
            wall[t] = clock.Elapsed.TotalSeconds;
            cpu[t] = ThreadCpuSeconds() - c0;
        }
        return (Median(wall), Median(cpu));
    }

    /// <summary>Median wall seconds of passes where every worker runs its share on its own thread at the same time.</summary>
    public static double AllThreads(IReadOnlyList<BenchWorker> workers)
    {
        var options = new ParallelOptions { MaxDegreeOfParallelism = workers.Count };
        for (var w = 0; w < WarmUp; w++) Parallel.ForEach(workers, options, x => x.Pass());
        var wall = new double[Timed];
        for (var t = 0; t < Timed; t++)
        {
            var clock = Stopwatch.StartNew();
            Parallel.ForEach(workers, options, x => x.Pass());
            wall[t] = clock.Elapsed.TotalSeconds;
        }
        return Median(wall);
    }

    /// <summary>Wall seconds of one pass with an empty row memo (the class table warm): the first pass over a file.</summary>
    public static double ColdMemoPass(BenchWorker worker)
    {
        worker.ColdMemo();
        var clock = Stopwatch.StartNew();
        worker.Pass();
        return clock.Elapsed.TotalSeconds;
    }

    private static double Median(double[] xs)
    {
        var s = xs.Order().ToArray();
        return s.Length % 2 == 1 ? s[s.Length / 2] : (s[s.Length / 2 - 1] + s[s.Length / 2]) / 2;
    }

    /// <summary>CPU seconds used by the calling thread (Linux <c>CLOCK_THREAD_CPUTIME_ID</c>), NaN elsewhere.</summary>
    private static double ThreadCpuSeconds()
    {
        if (!OperatingSystem.IsLinux()) return double.NaN;
        return clock_gettime(3, out var ts) == 0 ? ts.Seconds + ts.Nanoseconds * 1e-9 : double.NaN;
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }

#pragma warning disable SYSLIB1054 // a plain blittable call; LibraryImport would need unsafe code in the project
    [DllImport("libc", SetLastError = false)]
    private static extern int clock_gettime(int clock, out TimeSpec time);
#pragma warning restore SYSLIB1054
}
