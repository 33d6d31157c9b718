using Segur.Engine.Law;
using Segur.Engine.Time;

namespace Segur.Engine.Evaluation;

/// <summary>What a month comes to, for the first line of every explanation.</summary>
public enum SummaryOutcome
{
    /// <summary>At least one measure is due.</summary>
    Due,
    /// <summary>Nothing is due, and no missing fact could change that.</summary>
    NotDue,
    /// <summary>Nothing is due yet, but a measure is undetermined for lack of a fact.</summary>
    Undetermined,
}

/// <summary>What kind of ground rules measures out.</summary>
public enum GroundKind
{
    /// <summary>A stated exclusion (<c>legislation/exclusions/</c>) that applies to the worker.</summary>
    Exclusion,
    /// <summary>Criteria not met, grouped by the facts of the profile that make them fail.</summary>
    Criterion,
    /// <summary>The measure (or the rule) does not apply that month: dates or publication of its text.</summary>
    Period,
    /// <summary>The worker was not in post that month.</summary>
    NotInPost,
}

/// <summary>
/// One decisive ground: an exclusion, or criteria of several measures that fail on the same facts (the
/// <c>secteur</c> criteria of M1 to M4 for a worker of a private employer), with the measures it rules out.
/// </summary>
/// <param name="Kind">What rules the measures out.</param>
/// <param name="Key">Stable identity: <c>exclusion.ID</c>, <c>champs:employeur.secteur</c>, <c>periode</c>, <c>en_fonction</c>.</param>
/// <param name="Label">The exclusion's title, or the label of the first criterion.</param>
/// <param name="Nodes">The failed node in each measure it rules out, in law order.</param>
/// <param name="Measures">Every measure this ground rules out, in law order.</param>
/// <param name="Covers">The measures this ground decides in the cover (those no earlier ground rules out).</param>
/// <param name="Fields">For criteria: the profile fields whose values make them fail.</param>
/// <param name="Citations">The texts behind the ground.</param>
/// <param name="Text">The ground said in French, as one clause.</param>
public sealed record Ground(
    GroundKind Kind,
    string Key,
    string Label,
    IReadOnlyList<CriterionNode> Nodes,
    IReadOnlyList<string> Measures,
    IReadOnlyList<string> Covers,
    IReadOnlyList<FieldDef> Fields,
    IReadOnlyList<Citation> Citations,
    string Text)
{
    /// <summary>
    /// Why an exclusion applies, in the words of <c>exclusions.yaml</c> (its <c>description</c>), or null. The sentence
    /// of the summary names only the exclusion and its text; this explanation comes with the ground, below it.
    /// </summary>
    public string? Explanation => Kind == GroundKind.Exclusion ? ((ExclusionNode)Nodes[0]).Exclusion.Description : null;

    /// <summary>The external id of the ground: <c>exclusion.ID</c>, the criterion's name, <c>en_vigueur</c> or <c>en_fonction</c>.</summary>
    public string Id => Kind switch
    {
        GroundKind.Exclusion => "exclusion." + ((ExclusionNode)Nodes[0]).Exclusion.Id,
        GroundKind.Period => "en_vigueur",
        GroundKind.NotInPost => "en_fonction",
        _ => Nodes[0].Name,
    };
}

/// <summary>A measure due this month, as the summary states it.</summary>
/// <param name="Result">The measure's explained result.</param>
/// <param name="Citations">The text that institutes it, then those of its amount.</param>
public sealed record DueMeasure(MeasureResult Result, IReadOnlyList<Citation> Citations)
{
    public Measure Measure => Result.Measure;

    /// <summary>Gross amount due this month; null when no text gives it (never zero for an unknown amount).</summary>
    public decimal? Amount => Result.Amount;
}

/// <summary>What giving one value (or one of several) to a missing fact would decide.</summary>
/// <param name="Values">The codes of the field that lead to this outcome.</param>
/// <param name="Due">The measures then due, with their full-time monthly gross (null: unknown amount).</param>
/// <param name="StillOpen">True when a measure stays undetermined after this answer (another fact is missing).</param>
public sealed record FactOutcome(IReadOnlyList<int> Values, IReadOnlyList<(Measure Measure, decimal? FullTime)> Due, bool StillOpen);

/// <summary>
/// A fact the profile leaves out that decides something this month: the verdict of undetermined measures,
/// or whether a stated exclusion applies (the decisive reason).
/// </summary>
/// <param name="Field">The profile field.</param>
/// <param name="Measures">The measures whose verdict depends on it (undetermined, and where it can change the result).</param>
/// <param name="Exclusions">The stated exclusions that it decides (their condition reads it), when they would rule measures out.</param>
/// <param name="Settles">How many of <paramref name="Measures"/> it settles alone (their only missing fact).</param>
/// <param name="Outcomes">What each answer would decide (only in a <see cref="MonthSummary"/>, for facts that decide a verdict).</param>
public sealed record OpenFact(FieldDef Field, IReadOnlyList<string> Measures, IReadOnlyList<string> Exclusions, int Settles, IReadOnlyList<FactOutcome> Outcomes)
{
    /// <summary>True when the fact decides a verdict; false when it only decides the reason (an exclusion).</summary>
    public bool DecidesVerdict => Measures.Count > 0;
}

/// <summary>One fact that would have to change, or be given, for the nearest measure to open.</summary>
/// <param name="Field">The profile field.</param>
/// <param name="Missing">True when the profile leaves it out (it has to be given), false when its value would have to change.</param>
/// <param name="Values">The values that would open the measure (checked by the kernel); empty when not established.</param>
public sealed record FactChange(FieldDef Field, bool Missing, IReadOnlyList<int> Values);

/// <summary>
/// The measure that the fewest changes of fact would open: one whose only obstacle is missing information,
/// else one that a single change of the worker's situation opens (checked by the kernel). Never a measure
/// that a stated exclusion rules out.
/// </summary>
public sealed record NearestMeasure(MeasureResult Result, IReadOnlyList<FactChange> Changes)
{
    public Measure Measure => Result.Measure;

    /// <summary>True when the measure is only undetermined: nothing but missing facts stands in its way.</summary>
    public bool OnlyMissing => Changes.All(c => c.Missing);
}

/// <summary>
/// The decision of a month stated first, as a court states its decisive ground before its reasoning: what
/// is due, or the smallest set of grounds that rules every measure out, the facts still missing and what
/// each would decide, the nearest measure, and one or two French sentences. Computed by
/// <see cref="Reasons.Summarize"/> from the typed explanation; every interface renders this one object.
/// </summary>
public sealed class MonthSummary
{
    public required YearMonth Month { get; init; }
    public required SummaryOutcome Outcome { get; init; }

    /// <summary>The measures due, at most one per family.</summary>
    public required IReadOnlyList<DueMeasure> Due { get; init; }

    /// <summary>When nothing is due: the decisive grounds, in the order of the cover (widest first).</summary>
    public required IReadOnlyList<Ground> Grounds { get; init; }

    /// <summary>Missing facts that decide a verdict or the decisive reason, the most decisive first.</summary>
    public required IReadOnlyList<OpenFact> Open { get; init; }

    public NearestMeasure? Nearest { get; init; }

    /// <summary>What the law data tells the worker (a non-Ségur revaluation), shown with the summary.</summary>
    public required IReadOnlyList<Information> Informations { get; init; }

    /// <summary>One or two French sentences (three when a fact is missing) that a worker understands.</summary>
    public required string Sentence { get; init; }
}
