using System.Runtime.CompilerServices;
using Segur.Engine.Evaluation;
using Segur.Engine.Law;
using Segur.Engine.Time;

namespace Segur.Batch;

/// <summary>A row's working facts and its proration factors, per proration key of the class table.</summary>
public sealed partial class RowEvaluator
{
    /// <summary>Distance to a half cent under which the double product is not trusted (its error is below 10⁻⁸ cent).</summary>
    private const double HalfCentMargin = 1e-6;

    private readonly int[] _factorStamp;
    private readonly double[] _factor;
    private readonly Confidence[] _factorConfidence;
    private int _stamp;

    private decimal _quotite, _part, _fraction;
    private bool? _tempsPartiel;
    private double _quotiteD, _partD, _fractionD, _fteBase;
    private bool _partNot1, _fractionNot1;
    private int _entry, _exit, _entryIdx, _exitIdx;

    private void Begin(WorkforceChunk chunk, int row)
    {
        if (++_stamp == int.MaxValue)
        {
            Array.Clear(_factorStamp);
            _stamp = 1;
        }
        _quotite = chunk.Quotite[row];
        _quotiteD = (double)_quotite;
        var tp = chunk.TempsPartiel[row];
        _tempsPartiel = tp < 0 ? null : tp == 1;
        _part = chunk.Part[row];
        _partNot1 = _part != 1m;
        _partD = _partNot1 ? (double)_part : 1.0;
        _fraction = chunk.Fraction[row];
        _fractionNot1 = _fraction != 1m;
        _fractionD = _fractionNot1 ? (double)_fraction : 1.0;
        _fteBase = _partNot1 ? (double)(_quotite * _part) : _quotiteD;
        _entry = chunk.Entree[row];
        _exit = chunk.Sortie[row];
        _entryIdx = _entry == WorkforceChunk.NoDate ? int.MinValue : MonthIndex(_entry);
        _exitIdx = _exit == WorkforceChunk.NoDate ? int.MaxValue : MonthIndex(_exit);
    }

    private int MonthIndex(int dayNumber)
    {
        var d = DateOnly.FromDayNumber(dayNumber);
        return d.Year * 12 + d.Month - 1 - _startOrdinal;
    }

    /// <summary>Thirtieths in post in month <paramref name="mi"/> (the documented rule, <see cref="Proration.Thirtieths"/>).</summary>
    private int Thirtieths(int mi) =>
        Proration.Thirtieths(_entry == WorkforceChunk.NoDate ? null : DateOnly.FromDayNumber(_entry),
            _exit == WorkforceChunk.NoDate ? null : DateOnly.FromDayNumber(_exit), YearMonth.FromOrdinal(_startOrdinal + mi));

    /// <summary>
    /// The proration factor of the row under proration key <paramref name="key"/> for a month of <paramref name="days"/>
    /// thirtieths, in double, with whether a step of it is less than certain: the same steps, in the same cases, as
    /// <see cref="Kernel.Factor"/> (working time or the statute's fraction of a temps partiel, thirtieths, share of
    /// time in eligible structures, share of pay kept).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private double Factor(int key, int days, out bool uncertain)
    {
        if (_factorStamp[key] != _stamp) ComputeFactor(key);
        var phi = _factor[key];
        var confidence = _factorConfidence[key];
        if (days < 30)
        {
            phi = phi * days / 30.0;
            confidence = Kernel.Weakest(confidence, _table.ProrationKeys[key].Scheme.PartialMonth.Confidence);
        }
        uncertain = confidence != Confidence.H;
        return phi;
    }

    private void ComputeFactor(int key)
    {
        var info = _table.ProrationKeys[key];
        var scheme = info.Scheme;
        PartTimeFraction? fraction = null;
        PartTimeSpan? span = null;
        if (_tempsPartiel != false)
        {
            foreach (var (f, s) in info.Fractions)
            {
                if (f.Quotite != _quotite) continue;
                fraction = f;
                span = s;
                break;
            }
        }
        var phi = 1.0;
        var confidence = Confidence.H;
        var working = fraction?.Fraction ?? _quotite;
        if (working != 1m)
        {
            phi = fraction is null ? _quotiteD : (double)fraction.Fraction;
            if (span is not null) confidence = span.Confidence;
        }
        if (_partNot1)
        {
            phi *= _partD;
            confidence = Kernel.Weakest(confidence, scheme.SharedPost.Confidence);
        }
        if (_fractionNot1)
        {
            phi *= _fractionD;
            confidence = Kernel.Weakest(confidence, scheme.ReducedPay.Confidence);
        }
        _factor[key] = phi;
        _factorConfidence[key] = confidence;
        _factorStamp[key] = _stamp;
    }

    /// <summary>
    /// round(full-time amount × factor) in cents. The double product errs by less than 10⁻⁸ cent for any amount
    /// below a million euros; when it is more than <see cref="HalfCentMargin"/> from a half cent, the exact product
    /// (and the kernel's decimal one) round the same way. Otherwise the kernel's arithmetic decides.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private long Cents(int slot, double phi, int measure, int mi, int days)
    {
        var x = _table.Full100[slot] * phi;
        var r = Math.Floor(x + 0.5);
        if (Math.Abs(x - r) < 0.5 - HalfCentMargin && x < 1e10) return (long)r;
        return ExactCents(slot, measure, mi, days);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private long ExactCents(int slot, int measure, int mi, int days)
    {
        ExactFallbacks++;
        var facts = new WorkFacts(_quotite, _tempsPartiel, _part, _fraction);
        var trace = new NoTrace();
        var factor = Kernel.Factor(_measures[measure], measure, YearMonth.FromOrdinal(_startOrdinal + mi), facts, days, ref trace, out _);
        return (long)(Kernel.ToCent(_table.FullExact[slot] * factor) * 100m);
    }
}
