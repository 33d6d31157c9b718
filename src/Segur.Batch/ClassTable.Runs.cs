using Segur.Engine.Law;
using Segur.Engine.Time;

namespace Segur.Batch;

/// <summary>The proration keys of a run and the runs of identical months of each class.</summary>
public sealed partial class ClassTable
{
    private readonly List<ProrationKeyInfo> _prorationKeys = [];
    private int _runCount;

    /// <summary>
    /// A proration scheme and the set of its temps-partiel texts in force: every month with the same key prorates
    /// the same working time for the same row (<see cref="ProrationScheme.Fraction"/> depends on the month only
    /// through the texts in force). <paramref name="Representative"/> is one such month of the run;
    /// <paramref name="Fractions"/> are the temps-partiel fractions of the texts in force, in the order
    /// <see cref="ProrationScheme.Fraction"/> searches them.
    /// </summary>
    public sealed record ProrationKeyInfo(ProrationScheme Scheme, ulong SpansInForce, YearMonth Representative,
        (PartTimeFraction Fraction, PartTimeSpan Span)[] Fractions);

    /// <summary>The proration keys met so far, indexed by <see cref="ProrationKey"/>.</summary>
    public IReadOnlyList<ProrationKeyInfo> ProrationKeys => _prorationKeys;

    /// <summary>
    /// Per class, the first of its runs: runs <c>RunStart[c]</c> to <c>RunStart[c + 1] − 1</c> cover its months in
    /// order. A run is a stretch of months of one calendar year whose slots (measure, full-time amount, employer
    /// rate, proration key) and flags are identical: a row's amounts are computed once per run, not per month.
    /// </summary>
    public int[] RunStart { get; private set; }

    /// <summary>First month (index in the range) of each run.</summary>
    public int[] RunMonth { get; private set; } = [];

    /// <summary>Number of months of each run.</summary>
    public int[] RunLength { get; private set; } = [];

    /// <summary>Year of each run, counted from the first year of the range.</summary>
    public int[] RunYear { get; private set; } = [];

    private void InitRuns()
    {
        RunMonth = new int[1024];
        RunLength = new int[1024];
        RunYear = new int[1024];
    }

    private byte KeyOf(ProrationScheme scheme, YearMonth month)
    {
        ulong spans = 0;
        for (var i = 0; i < scheme.PartTime.Count && i < 64; i++)
            if (scheme.PartTime[i].InForce(month)) spans |= 1UL << i;
        for (var k = 0; k < _prorationKeys.Count; k++)
        {
            var p = _prorationKeys[k];
            if (ReferenceEquals(p.Scheme, scheme) && p.SpansInForce == spans) return (byte)k;
        }
        if (_prorationKeys.Count == 255 || scheme.PartTime.Count > 64)
            throw new InvalidOperationException("trop de règles de proratisation distinctes pour le moteur de masse");
        var fractions = scheme.PartTime.Where(p => p.InForce(month)).SelectMany(p => p.Fractions.Select(f => (f, p))).ToArray();
        _prorationKeys.Add(new ProrationKeyInfo(scheme, spans, month, fractions));
        return (byte)(_prorationKeys.Count - 1);
    }

    private void AddRuns(int cls)
    {
        RunStart[cls] = _runCount;
        var firstYear = Range.Start.Year;
        var month = Range.Start;
        for (var mi = 0; mi < Months; mi++, month = month.AddMonths(1))
        {
            var year = month.Year - firstYear;
            if (mi == 0 || year != RunYear[_runCount - 1] || !SameMonth(cls, mi - 1, mi))
            {
                if (_runCount == RunMonth.Length)
                {
                    var rm = RunMonth; Array.Resize(ref rm, rm.Length * 2); RunMonth = rm;
                    var rl = RunLength; Array.Resize(ref rl, rm.Length); RunLength = rl;
                    var ry = RunYear; Array.Resize(ref ry, rm.Length); RunYear = ry;
                }
                RunMonth[_runCount] = mi;
                RunLength[_runCount] = 0;
                RunYear[_runCount] = year;
                _runCount++;
            }
            RunLength[_runCount - 1]++;
        }
        RunStart[cls + 1] = _runCount;
    }

    private bool SameMonth(int cls, int a, int b)
    {
        if (MonthFlags[cls * Months + a] != MonthFlags[cls * Months + b]) return false;
        var sa = (cls * Months + a) * K;
        var sb = (cls * Months + b) * K;
        for (var f = 0; f < K; f++)
        {
            if (Measure[sa + f] != Measure[sb + f]) return false;
            if (Measure[sa + f] < 0) continue;
            if (FullExact[sa + f] != FullExact[sb + f] || FullCents[sa + f] != FullCents[sb + f]
                || RatePpm[sa + f] != RatePpm[sb + f] || ProrationKey[sa + f] != ProrationKey[sb + f]) return false;
        }
        return true;
    }
}
