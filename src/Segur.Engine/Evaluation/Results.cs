using Segur.Engine.Law;
using Segur.Engine.Profiles;
using Segur.Engine.Time;

namespace Segur.Engine.Evaluation;

/// <summary>What the law says of one measure for one month.</summary>
public enum Verdict
{
    /// <summary>Every criterion is met: the measure is due (its amount may still be unknown).</summary>
    Eligible,
    /// <summary>At least one criterion is not met.</summary>
    NotEligible,
    /// <summary>No criterion fails but one cannot be decided: the profile leaves out a field it tests.</summary>
    Undetermined,
    /// <summary>Eligible, but a measure of the same family takes precedence (<c>cede_a</c>).</summary>
    Superseded,
}

/// <summary>One measure for one month: verdict, amount, and why.</summary>
public sealed class MeasureResult
{
    public required Measure Measure { get; init; }
    public required Verdict Verdict { get; init; }

    /// <summary>Gross monthly amount due (rounded to the cent), 0 when not due, null when due but unknown.</summary>
    public decimal? Amount { get; init; }

    /// <summary>The legal form of the payment this month (prime, CTI...).</summary>
    public string? Form { get; init; }

    /// <summary>The criteria as evaluated, in order: period, days in post, the measure's rules, its exclusions.</summary>
    public required IReadOnlyList<CriterionNode> Criteria { get; init; }

    public IReadOnlyList<CalculationStep> Calculation { get; init; } = [];

    /// <summary>Facts graded M or L that the verdict or the amount rests on.</summary>
    public IReadOnlyList<Caveat> Caveats { get; init; } = [];

    /// <summary>Other remarks for the reader (assumptions of the profile, notes of the measure).</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];

    /// <summary>Why the amount is unknown, when the measure is due but no text gives its amount.</summary>
    public string? UnknownAmount { get; init; }

    /// <summary>Id of the measure that takes precedence, when <see cref="Verdict.Superseded"/>.</summary>
    public string? SupersededBy { get; init; }

    /// <summary>True when the verdict or amount rests on a fact graded M or L.</summary>
    public bool Uncertain => Confidence != Confidence.H;

    /// <summary>Weakest grade of the facts the verdict and amount rest on.</summary>
    public Confidence Confidence { get; init; } = Confidence.H;

    /// <summary>The stated exclusions that apply to the worker for this measure.</summary>
    public IEnumerable<ExclusionNode> TriggeredExclusions => Criteria.OfType<ExclusionNode>().Where(e => e.Applies == Tri.True);

    /// <summary>Profile fields whose absence leaves the verdict undetermined.</summary>
    public IReadOnlyList<string> MissingFields { get; init; } = [];

    /// <summary>Share of top-level criteria met, to find the measure that came closest.</summary>
    public double Score { get; init; }
}

/// <summary>Everything due for one month.</summary>
public sealed class MonthResult
{
    public required YearMonth Month { get; init; }
    public required bool Eligible { get; init; }

    /// <summary>Total gross Ségur amount due this month; null when a due amount is unknown.</summary>
    public required decimal? Gross { get; init; }

    /// <summary>Approximate net, or null when no sourced rate applies.</summary>
    public decimal? NetEstimate { get; init; }
    public string? NetBasis { get; init; }

    /// <summary>Ids of the measures paid this month (at most one per family).</summary>
    public required IReadOnlyList<string> Retained { get; init; }

    /// <summary>When nothing is due: the measure with the most criteria met.</summary>
    public string? Closest { get; init; }

    /// <summary>True when the month's verdict rests on a fact graded M or L, an open question, or a missing field.</summary>
    public bool Uncertain => Confidence != Confidence.H;

    /// <summary>Weakest grade among the facts the month's verdict rests on.</summary>
    public required Confidence Confidence { get; init; }

    public required IReadOnlyList<UncertaintyNote> Uncertainties { get; init; }

    /// <summary>What the law data tells this worker this month (non-Ségur revaluations, missing counterparts).</summary>
    public IReadOnlyList<Information> Informations { get; init; } = [];

    public required IReadOnlyList<MeasureResult> Measures { get; init; }
}

/// <summary>The evaluation of one profile over a period.</summary>
public sealed class EvaluationResult
{
    public required Profile Profile { get; init; }
    public required MonthRange Period { get; init; }

    /// <summary>The law as published on this date; null for the law as known today.</summary>
    public DateOnly? LawAsOf { get; init; }

    public required Legislation Legislation { get; init; }
    public required IReadOnlyList<MonthResult> Months { get; init; }
}
