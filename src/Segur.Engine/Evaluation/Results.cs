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

    /// <summary>When nothing is due: the id of the nearest measure (<see cref="Nearest"/>), or null when none is near.</summary>
    public string? Closest => Nearest?.Measure.Id;

    /// <summary>When nothing is due: the measure that the fewest changes of fact would open (<see cref="Reasons.Nearest"/>).</summary>
    public NearestMeasure? Nearest
    {
        get
        {
            if (!_nearestDone)
            {
                _nearest = Reasons.Nearest(this);
                _nearestDone = true;
            }
            return _nearest;
        }
    }

    /// <summary>Missing facts that decide a verdict or the decisive reason this month (<see cref="Reasons.Open"/>).</summary>
    public IReadOnlyList<OpenFact> Open => _open ??= Reasons.Open(this);

    /// <summary>The decision stated first: what is due, or the decisive grounds, in one or two sentences (<see cref="Reasons.Summarize"/>).</summary>
    public MonthSummary Summary => _summary ??= Reasons.Summarize(this);

    /// <summary>Sum of the amounts known this month: the gross when every due amount is known, a floor otherwise.</summary>
    public decimal GrossAtLeast => Measures.Where(m => Retained.Contains(m.Measure.Id)).Sum(m => m.Amount ?? 0m);

    /// <summary>True when a measure due this month has no known amount (never counted as zero).</summary>
    public bool AmountUnknown => Eligible && Gross is null;

    /// <summary>What the month was decided on, so that the summary can try a change of fact with the kernel.</summary>
    internal MonthContext? Context { get; init; }

    private NearestMeasure? _nearest;
    private bool _nearestDone;
    private IReadOnlyList<OpenFact>? _open;
    private MonthSummary? _summary;

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

    /// <summary>Total gross of the period; null when an amount due is unknown (see <see cref="TotalAtLeast"/>).</summary>
    public decimal? Total
    {
        get
        {
            decimal? total = 0m;
            foreach (var m in Months) total = total is null || m.Gross is null ? null : total + m.Gross;
            return total;
        }
    }

    /// <summary>Sum of the amounts known: the total when all are known, « au moins » this otherwise.</summary>
    public decimal TotalAtLeast => Months.Sum(m => m.GrossAtLeast);

    /// <summary>Months where a measure is due whose amount no text gives.</summary>
    public int UnknownAmountMonths => Months.Count(m => m.AmountUnknown);

    /// <summary>The month from which the employer actually paid (<c>--verse-depuis</c>), if given.</summary>
    public YearMonth? PaidFrom { get; init; }

    /// <summary>What is still owed when the employer paid only from <see cref="PaidFrom"/>; null when it is not given.</summary>
    public ArrearsStatement? Arrears => PaidFrom is { } p ? Evaluation.Arrears.Compute(this, p) : null;
}

/// <summary>The coded facts, days in post and law date a month was decided on, and the kernel that decided it.</summary>
internal sealed record MonthContext(Kernel Kernel, int[] Codes, int Thirtieths, DateOnly? LawAsOf);
