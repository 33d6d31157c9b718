using Segur.Engine.Time;

namespace Segur.Engine.Law;

/// <summary>A reference for one proration step, with its grade and, when not H, why.</summary>
public sealed record ProrationStep(IReadOnlyList<Citation> Citations, Confidence Confidence, string? Note);

/// <summary>One working-time fraction of a temps partiel (80 % paid 6/7 of the traitement).</summary>
public sealed record PartTimeFraction(decimal Quotite, decimal Fraction, string Text, string Label);

/// <summary>The temps-partiel fractions in force over a span of months, and the text that sets them.</summary>
public sealed record PartTimeSpan(DateOnly From, DateOnly? To, Citation Citation, Confidence Confidence, string? Note, IReadOnlyList<PartTimeFraction> Fractions)
{
    public bool InForce(YearMonth month) => From <= month.FirstDay && (To is null || To.Value >= month.LastDay);
}

/// <summary>
/// How a measure's full-time monthly amount is reduced (<c>legislation/proratisations/</c>): the working
/// time (with, for a temps partiel, the fractions of the traitement that the statute sets), the thirtieths of
/// a partial month, the share of time in eligible structures, the share of pay kept. Each step cites its text.
/// The arithmetic itself (thirtieths, one rounding at the end) is the engine's one documented rule.
/// </summary>
public sealed class ProrationScheme
{
    public required string Id { get; init; }
    public required string Title { get; init; }

    /// <summary>Why the amount follows working time; empty when the measure's own texts say so.</summary>
    public required IReadOnlyList<Citation> Citations { get; init; }

    /// <summary>Words after the quotité in explanations (« mêmes proportions que le traitement »).</summary>
    public required string QuotiteLabel { get; init; }

    /// <summary>Temps-partiel fractions by date; empty when the quotité itself applies.</summary>
    public IReadOnlyList<PartTimeSpan> PartTime { get; init; } = [];

    /// <summary>Shown when a fraction is used but the profile did not say temps partiel or temps non complet.</summary>
    public string? AssumedPartTimeNote { get; init; }

    public required ProrationStep PartialMonth { get; init; }
    public required ProrationStep SharedPost { get; init; }
    public required ProrationStep ReducedPay { get; init; }
    public required string SourceFile { get; init; }

    /// <summary>The fraction of the traitement paid for a temps partiel at <paramref name="quotite"/> this month, if the statute sets one.</summary>
    public PartTimeFraction? Fraction(YearMonth month, decimal quotite, bool? tempsPartiel, out PartTimeSpan? span)
    {
        span = null;
        if (tempsPartiel == false) return null;
        foreach (var s in PartTime)
        {
            if (!s.InForce(month)) continue;
            foreach (var f in s.Fractions)
            {
                if (f.Quotite != quotite) continue;
                span = s;
                return f;
            }
        }
        return null;
    }

    /// <summary>The working-time factor: the statute's fraction for a temps partiel, else the quotité.</summary>
    public decimal WorkingTime(YearMonth month, decimal quotite, bool? tempsPartiel) =>
        Fraction(month, quotite, tempsPartiel, out _)?.Fraction ?? quotite;
}
