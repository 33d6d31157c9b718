using Segur.Engine.Law;
using Segur.Engine.Time;

namespace Segur.Engine.Evaluation;

/// <summary>One measure paid in a month, at its full-time gross amount (before proration).</summary>
public readonly record struct PaidMeasure(int MeasureIndex, decimal? FullTime, ProrationScheme Proration, bool Uncertain);

/// <summary>
/// The verdict of one month for one set of coded facts, without explanations: what the batch engine
/// needs. It gives the same verdicts as <see cref="Evaluator.EvaluateMonth"/> (a test checks it), at a
/// fraction of the cost, so that it can be computed once per distinct profile class and month.
/// </summary>
public sealed class MonthSchedule
{
    public required YearMonth Month { get; init; }

    /// <summary>Measures paid (at most one per family).</summary>
    public required PaidMeasure[] Paid { get; init; }

    /// <summary>No measure paid, but at least one cannot be decided for lack of a field.</summary>
    public required bool Undetermined { get; init; }

    /// <summary>The month's verdict rests on an M or L fact, an open question, or a missing field.</summary>
    public required bool Uncertain { get; init; }
}

public sealed partial class Evaluator
{
    /// <summary>Lean evaluation of one month for coded facts; see <see cref="MonthSchedule"/>.</summary>
    public MonthSchedule Schedule(ReadOnlySpan<int> codes, YearMonth month, DateOnly? lawAsOf = null)
    {
        var measures = Law.Measures;
        Span<Tri> verdicts = stackalloc Tri[measures.Count];
        Span<bool> weak = stackalloc bool[measures.Count];
        for (var i = 0; i < measures.Count; i++)
        {
            var m = measures[i];
            var t = m.From <= month.FirstDay && (m.To is null || m.To.Value >= month.LastDay) && m.InstitutedBy.KnownOn(lawAsOf)
                ? Tri.True : Tri.False;
            var w = m.Confidence != Confidence.H;
            foreach (var r in m.Criteria)
            {
                if (t == Tri.False) break;
                t = TriLogic.And(t, Fast(r, codes, month, lawAsOf, ref w));
            }
            foreach (var e in m.Exclusions)
            {
                if (t == Tri.False) break;
                t = TriLogic.And(t, TriLogic.Not(e.Condition.Evaluate(codes)));
            }
            verdicts[i] = t;
            weak[i] = w;
        }
        var paid = new List<PaidMeasure>(2);
        var undetermined = false;
        for (var i = 0; i < measures.Count; i++)
        {
            if (verdicts[i] == Tri.Unknown) undetermined = true;
            if (verdicts[i] != Tri.True) continue;
            var m = measures[i];
            var superseded = false;
            for (var j = 0; j < measures.Count && !superseded; j++)
                superseded = verdicts[j] == Tri.True && j != i && m.CedesTo.Contains(measures[j].Id);
            if (superseded) continue;
            decimal? full = null;
            var uncertain = weak[i];
            var v1 = m.Amount.IsKnown ? (m.Amount.Points ?? m.Amount.Euros)!.Find(month, lawAsOf) : null;
            var v2 = m.Amount.Points is not null ? m.Amount.PointValue!.Find(month, lawAsOf) : null;
            if (v1 is not null && (m.Amount.Points is null || v2 is not null))
            {
                uncertain |= v1.Confidence != Confidence.H || (v2 is not null && v2.Confidence != Confidence.H);
                var v3 = v2 is not null ? m.Amount.Divisor!.Find(month, lawAsOf) : null;
                if (v3 is not null) uncertain |= v3.Confidence != Confidence.H;
                full = v2 is not null ? (v3 is null ? null : v1.Value * v2.Value / v3.Value) : v1.Value;
            }
            else uncertain = true; // amount not set by any text (or none published yet at lawAsOf)
            paid.Add(new PaidMeasure(i, full, m.Proration, uncertain));
        }
        var anyNote = false;
        foreach (var u in Law.Uncertainties)
        {
            if (!u.InForce(month) || u.Condition.Evaluate(codes) != Tri.True) continue;
            if (u.MeasureIds.Count > 0 && !paid.Any(p => u.MeasureIds.Contains(measures[p.MeasureIndex].Id))) continue;
            anyNote = true;
        }
        var undeterminedMonth = paid.Count == 0 && undetermined;
        return new MonthSchedule
        {
            Month = month,
            Paid = [.. paid],
            Undetermined = undeterminedMonth,
            Uncertain = anyNote || undeterminedMonth || paid.Any(p => p.Uncertain),
        };
    }

    private static Tri Fast(Rule r, ReadOnlySpan<int> codes, YearMonth month, DateOnly? lawAsOf, ref bool weak)
    {
        if (!r.InForce(month) || !r.Known(lawAsOf)) return Tri.False;
        Tri result;
        if (r.Kind == RuleKind.Leaf) result = r.Condition!.Evaluate(codes);
        else
        {
            result = r.Kind == RuleKind.All ? Tri.True : Tri.False;
            var childWeak = false;
            foreach (var c in r.Children)
            {
                var cw = false;
                var v = Fast(c, codes, month, lawAsOf, ref cw);
                if (v == Tri.True) childWeak |= cw;
                result = r.Kind == RuleKind.All ? TriLogic.And(result, v) : TriLogic.Or(result, v);
            }
            if (result == Tri.True) weak |= childWeak;
        }
        if (result == Tri.True && r.Confidence != Confidence.H) weak = true;
        return result;
    }
}
