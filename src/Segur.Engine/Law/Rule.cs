namespace Segur.Engine.Law;

/// <summary>How a rule combines its children.</summary>
public enum RuleKind { Leaf, All, Any }

/// <summary>
/// An explained node of a measure: a criterion with its French label, the texts that set it, and
/// optionally the dates it is in force and the text that instituted it (so that <c>--droit-au</c> can
/// ignore a rule published later). A leaf holds a <see cref="Condition"/>; other nodes combine children.
/// </summary>
public sealed class Rule
{
    public required string Id { get; init; }
    public required string Label { get; init; }
    public required RuleKind Kind { get; init; }
    public Condition? Condition { get; init; }
    public IReadOnlyList<Rule> Children { get; init; } = [];
    public IReadOnlyList<Citation> Citations { get; init; } = [];
    public LegalText? InstitutedBy { get; init; }
    public DateOnly? From { get; init; }
    public DateOnly? To { get; init; }
    public Confidence Confidence { get; init; } = Confidence.H;
    public string? Note { get; init; }

    /// <summary>True when the rule's own dates cover the month (dates are whole months, checked at load).</summary>
    public bool InForce(Time.YearMonth month) =>
        (From is null || From.Value <= month.FirstDay) && (To is null || To.Value >= month.LastDay);

    /// <summary>True when the text instituting the rule was published on or before <paramref name="lawAsOf"/>.</summary>
    public bool Known(DateOnly? lawAsOf) => InstitutedBy is null || InstitutedBy.KnownOn(lawAsOf);
}
