using System.Numerics;
using System.Runtime.CompilerServices;
using Segur.Engine.Evaluation;
using Segur.Engine.Law;
using Segur.Engine.Time;

namespace Segur.Batch;

/// <summary>
/// The hot loop: one row, every month of the run, against a <see cref="ClassTable"/>. The class gives, per run of
/// identical months, the measures paid and their full-time amounts; the row's own working facts (quotité, temps
/// partiel, entry and exit dates, share of time in eligible structures, share of pay kept) only scale them:
/// amount = full-time amount × proration factor, rounded once to the cent, exactly as the kernel does
/// (<see cref="Kernel.Factor"/>, <see cref="Kernel.ToCent"/>). The product is computed in double and rounded
/// directly when it is provably far from a half cent; otherwise (a product within 10⁻⁶ cent of a half cent) the
/// kernel's own decimal arithmetic decides. Months out of post (before entry, after exit) are not due. Amounts are
/// computed once per run of months, not per month; per-month arrays are filled only when read; a row in post all
/// run long takes the results of an earlier row of the same class, quotité and temps partiel (RowEvaluator.Memo.cs).
/// Nothing is allocated per row.
/// </summary>
public sealed partial class RowEvaluator
{
    private readonly ClassTable _table;
    private readonly Measure[] _measures;
    private readonly int _startOrdinal;
    private readonly int _months;
    private readonly int _k;

    private readonly long[] _measureCents;
    private readonly long[] _measureEmployer;
    private readonly double[] _measureFte;
    private readonly long[] _yearCents;
    private readonly long[] _yearEmployer;
    private readonly double[] _yearFte;
    private readonly bool[] _yearTouched;
    private readonly int[] _years;
    private int _yearCount;

    private Piece[] _pieces = new Piece[16];
    private Piece[] _pieceSource;
    private int _pieceStart, _pieceCount;
    private int _class;
    private bool _materialized = true;
    private readonly long[] _monthCents;
    private readonly long[] _monthEmployer;
    private readonly double[] _monthFte;
    private readonly short[] _monthMeasures;

    /// <summary>Months of one run of a class that a row gets with the same amounts each month.</summary>
    private readonly record struct Piece(int Month, int Length, long Cents, long Employer, double Fte);

    public RowEvaluator(ClassTable table)
    {
        _table = table;
        _startOrdinal = table.Range.Start.Ordinal;
        _months = table.Months;
        _k = table.K;
        _measures = [.. table.Law.Measures];
        var years = table.Range.End.Year - table.Range.Start.Year + 1;
        _measureCents = new long[_measures.Length];
        _measureEmployer = new long[_measures.Length];
        _measureFte = new double[_measures.Length];
        _yearCents = new long[years];
        _yearEmployer = new long[years];
        _yearFte = new double[years];
        _yearTouched = new bool[years];
        _years = new int[years];
        _monthCents = new long[_months];
        _monthEmployer = new long[_months];
        _monthFte = new double[_months];
        _monthMeasures = new short[_months * _k];
        _monthMeasures.AsSpan().Fill(-1);
        _factorStamp = new int[256];
        _factor = new double[256];
        _factorConfidence = new Confidence[256];
        _firstDay = table.Range.Start.FirstDay.DayNumber;
        _afterLastDay = table.Range.End.LastDay.DayNumber + 1;
        _pieceSource = _pieces;
    }

    /// <summary>Gross cents due per month (0 when none).</summary>
    public long[] MonthCents { get { Materialize(); return _monthCents; } }

    /// <summary>Employer contributions per month in cents.</summary>
    public long[] MonthEmployerCents { get { Materialize(); return _monthEmployer; } }

    /// <summary>Full-time equivalent share per paid month (quotité × share of month × share in eligible structures).</summary>
    public double[] MonthFte { get { Materialize(); return _monthFte; } }

    /// <summary>Measure index per month and family, −1 when none.</summary>
    public short[] MonthMeasures { get { Materialize(); return _monthMeasures; } }

    public long TotalCents { get; private set; }
    public long EmployerCents { get; private set; }
    public bool EmployerUnknown { get; private set; }
    public int PaidMonths { get; private set; }
    public bool AmountUnknown { get; private set; }
    public bool Uncertain { get; private set; }
    public bool Undetermined { get; private set; }

    /// <summary>Measures paid at least one month (bit = measure index).</summary>
    public ulong MeasureMask { get; private set; }

    /// <summary>Measures paid at least one month whose amount no text gives.</summary>
    public ulong UnknownMeasureMask { get; private set; }

    /// <summary>Sum of <see cref="MonthFte"/>.</summary>
    public double Fte { get; private set; }

    /// <summary>Products that fell within 10⁻⁶ cent of a half cent and were rounded by the kernel's decimal arithmetic.</summary>
    public long ExactFallbacks { get; private set; }

    /// <summary>The row's cents, employer cents and FTE months by measure (valid for the bits of <see cref="MeasureMask"/>).</summary>
    internal long[] ByMeasureCents => _measureCents;
    internal long[] ByMeasureEmployer => _measureEmployer;
    internal double[] ByMeasureFte => _measureFte;

    /// <summary>Years (from the first of the range) with a paid month, and the row's sums for them.</summary>
    internal ReadOnlySpan<int> PaidYears => _years.AsSpan(0, _yearCount);
    internal long[] ByYearCents => _yearCents;
    internal long[] ByYearEmployer => _yearEmployer;
    internal double[] ByYearFte => _yearFte;

    /// <summary>Years in which a measure paid to the row has no known amount (bit = year index, years beyond 64 folded on the last).</summary>
    internal ulong UnknownYearMask { get; private set; }

    /// <summary>Evaluates row <paramref name="row"/> of <paramref name="chunk"/>, of class <paramref name="cls"/>, over every month of the run (from the memo when it can).</summary>
    public void Evaluate(WorkforceChunk chunk, int row, int cls)
    {
        if (!Memoizable(chunk, row, out var quotite))
        {
            Compute(chunk, row, cls);
            return;
        }
        var tp = chunk.TempsPartiel[row];
        var bucket = Probe(quotite, cls, tp);
        if (bucket >= 0)
        {
            MemoHits++;
            Restore(_memoBuckets[bucket]);
            return;
        }
        Compute(chunk, row, cls);
        Remember(quotite, cls, tp, ~bucket);
    }

    /// <summary>The row's results from the class's runs of months and the row's own working facts.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Compute(WorkforceChunk chunk, int row, int cls)
    {
        Reset();
        _class = cls;
        Begin(chunk, row);
        var t = _table;
        var runEnd = t.RunStart[cls + 1];
        var entryIdx = _entryIdx;
        var exitIdx = _exitIdx;
        for (var run = t.RunStart[cls]; run < runEnd; run++)
        {
            var a = t.RunMonth[run];
            var lo = Math.Max(a, entryIdx);
            var hi = Math.Min(a + t.RunLength[run] - 1, exitIdx);
            if (lo > hi) continue;
            var year = t.RunYear[run];
            if (lo == entryIdx || lo == exitIdx)
            {
                Months(lo, 1, Thirtieths(lo), year);
                lo++;
            }
            if (hi >= lo && hi == exitIdx)
            {
                Months(hi, 1, Thirtieths(hi), year);
                hi--;
            }
            if (hi >= lo) Months(lo, hi - lo + 1, 30, year);
        }
        Uncertain |= AmountUnknown;
    }

    /// <summary>Months <paramref name="mi"/> to <paramref name="mi"/> + <paramref name="n"/> − 1 of one run, each with <paramref name="days"/> thirtieths in post.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Months(int mi, int n, int days, int year)
    {
        var t = _table;
        var slot0 = (_class * _months + mi) * _k;
        var measures = t.Measure;
        var fteMonth = _fteBase * days / 30.0;
        long cents = 0, employer = 0;
        var any = false;
        for (var f = 0; f < _k; f++)
        {
            var slot = slot0 + f;
            int m = measures[slot];
            if (m < 0) continue;
            any = true;
            var bit = 1UL << m;
            if ((MeasureMask & bit) == 0)
            {
                MeasureMask |= bit;
                _measureCents[m] = 0;
                _measureEmployer[m] = 0;
                _measureFte[m] = 0;
            }
            _measureFte[m] += fteMonth * n;
            if (t.FullCents[slot] < 0)
            {
                AmountUnknown = true;
                UnknownMeasureMask |= bit;
                UnknownYearMask |= 1UL << Math.Min(year, 63);
                continue;
            }
            var phi = Factor(t.ProrationKey[slot], days, out var uncertain);
            if (uncertain) Uncertain = true;
            var c = Cents(slot, phi, m, mi, days);
            var rate = t.RatePpm[slot];
            long e = 0;
            if (rate < 0) EmployerUnknown = true;
            else e = (c * rate + 500_000) / 1_000_000;
            _measureCents[m] += c * n;
            _measureEmployer[m] += e * n;
            cents += c;
            employer += e;
        }
        var flags = t.MonthFlags[_class * _months + mi];
        if (!any)
        {
            if ((flags & ClassTable.FlagUndetermined) != 0) Undetermined = Uncertain = true;
            return;
        }
        if ((flags & ClassTable.FlagUncertain) != 0) Uncertain = true;
        PaidMonths += n;
        TotalCents += cents * n;
        EmployerCents += employer * n;
        Fte += fteMonth * n;
        if (!_yearTouched[year])
        {
            _yearTouched[year] = true;
            _years[_yearCount++] = year;
            _yearCents[year] = 0;
            _yearEmployer[year] = 0;
            _yearFte[year] = 0;
        }
        _yearCents[year] += cents * n;
        _yearEmployer[year] += employer * n;
        _yearFte[year] += fteMonth * n;
        if (_pieceCount == _pieces.Length)
        {
            Array.Resize(ref _pieces, _pieces.Length * 2);
            _pieceSource = _pieces;
        }
        _pieces[_pieceCount++] = new Piece(mi, n, cents, employer, fteMonth);
    }

    private void Reset()
    {
        for (var i = 0; i < _yearCount; i++) _yearTouched[_years[i]] = false;
        _yearCount = 0;
        _pieceSource = _pieces;
        _pieceStart = _pieceCount = 0;
        _materialized = false;
        TotalCents = EmployerCents = 0;
        EmployerUnknown = AmountUnknown = Uncertain = Undetermined = false;
        PaidMonths = 0;
        MeasureMask = UnknownMeasureMask = UnknownYearMask = 0;
        Fte = 0;
    }

    private void Materialize()
    {
        if (_materialized) return;
        _materialized = true;
        Array.Clear(_monthCents);
        Array.Clear(_monthEmployer);
        Array.Clear(_monthFte);
        _monthMeasures.AsSpan().Fill(-1);
        var t = _table;
        for (var p = _pieceStart; p < _pieceStart + _pieceCount; p++)
        {
            var piece = _pieceSource[p];
            for (var mi = piece.Month; mi < piece.Month + piece.Length; mi++)
            {
                _monthCents[mi] = piece.Cents;
                _monthEmployer[mi] = piece.Employer;
                _monthFte[mi] = piece.Fte;
                var slot0 = (_class * _months + mi) * _k;
                for (var f = 0; f < _k; f++) _monthMeasures[mi * _k + f] = t.Measure[slot0 + f];
            }
        }
    }
}
