using Segur.Engine.Law;
using Segur.Engine.Time;

namespace Segur.Engine.Evaluation;

/// <summary>One month still owed: what the engine says is due that month, unpaid by the employer.</summary>
/// <param name="Month">The month's result (its measures, amount and confidence).</param>
public sealed record OwedMonth(MonthResult Month)
{
    /// <summary>Gross owed; null when a measure due has no known amount (never zero).</summary>
    public decimal? Amount => Month.Gross;

    /// <summary>True when the month rests on a fact graded M or L, or an open question.</summary>
    public bool Uncertain => Month.Uncertain;
}

/// <summary>
/// What an employer still owes a worker who has been paid only from <see cref="PaidFrom"/>: every month of
/// the period before it where the engine says a measure is due, with its amount, and the texts that found it.
/// The employer is assumed to pay correctly from <see cref="PaidFrom"/> on.
/// </summary>
public sealed class ArrearsStatement
{
    public required YearMonth PaidFrom { get; init; }
    public required IReadOnlyList<OwedMonth> Months { get; init; }

    /// <summary>Total gross owed; null when an amount owed is unknown (see <see cref="TotalAtLeast"/>).</summary>
    public decimal? Total => Months.Any(m => m.Amount is null) ? null : Months.Sum(m => m.Amount!.Value);

    /// <summary>Sum of the amounts known: the total, or a floor when an amount is unknown.</summary>
    public decimal TotalAtLeast => Months.Sum(m => m.Month.GrossAtLeast);

    public int UnknownAmountMonths => Months.Count(m => m.Amount is null);
    public int UncertainMonths => Months.Count(m => m.Uncertain);

    /// <summary>The measures owed, in law order of first appearance.</summary>
    public required IReadOnlyList<Measure> Measures { get; init; }

    /// <summary>The texts that found the measures owed: those that institute them, then their amounts' texts.</summary>
    public required IReadOnlyList<Citation> Citations { get; init; }
}

/// <summary>The months and amounts still owed when the employer paid only from a given month.</summary>
public static class Arrears
{
    public static ArrearsStatement Compute(EvaluationResult r, YearMonth paidFrom)
    {
        var owed = r.Months.Where(m => m.Month < paidFrom && m.Eligible).Select(m => new OwedMonth(m)).ToList();
        var measures = owed.SelectMany(o => o.Month.Retained).Distinct().Select(id => r.Legislation.Measure(id)!).ToList();
        var citations = new List<Citation>();
        foreach (var m in measures)
        {
            citations.Add(new Citation(m.InstitutedBy, null));
            citations.AddRange(m.Citations);
        }
        foreach (var o in owed)
        {
            foreach (var mr in o.Month.Measures.Where(x => o.Month.Retained.Contains(x.Measure.Id)))
                citations.AddRange(mr.Calculation.SelectMany(s => s.Citations));
        }
        var distinct = citations.GroupBy(c => (c.Text.Id, c.Article)).Select(g => g.First()).ToList();
        return new ArrearsStatement { PaidFrom = paidFrom, Months = owed, Measures = measures, Citations = distinct };
    }
}
