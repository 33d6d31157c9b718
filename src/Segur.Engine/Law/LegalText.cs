namespace Segur.Engine.Law;

/// <summary>How far a fact is established, as graded in the domain dossier.</summary>
public enum Confidence
{
    /// <summary>Primary text or two concordant sources.</summary>
    H,
    /// <summary>One good secondary source, or a reading of a primary text: law, with a visible note.</summary>
    M,
    /// <summary>Inference or conflicting sources: a verdict that rests on it is flagged uncertain.</summary>
    L,
}

/// <summary>One legal text of the catalogue (<c>legislation/references.yaml</c>).</summary>
public sealed record LegalText(
    string Id,
    string Title,
    string Nature,
    DateOnly? SignedOn,
    DateOnly? PublishedOn,
    string? Publication,
    string Url,
    DateOnly CheckedOn,
    Confidence Confidence,
    string? Note)
{
    /// <summary>Secondary pages (guides, FAQ, press) that help a reader; never the legal reference itself.</summary>
    public IReadOnlyList<string> SeeAlso { get; init; } = [];

    /// <summary>
    /// Earliest date the text can have been public: its publication, or failing that its signature
    /// (a text cannot be published before it is signed).
    /// </summary>
    public DateOnly? EarliestPublic => PublishedOn ?? SignedOn;

    /// <summary>True when the text was public on <paramref name="lawAsOf"/> (always, for the law as known today).</summary>
    public bool KnownOn(DateOnly? lawAsOf) => lawAsOf is null || EarliestPublic is null || EarliestPublic.Value <= lawAsOf.Value;
}

/// <summary>A reference to a text, optionally to one of its articles.</summary>
public sealed record Citation(LegalText Text, string? Article)
{
    /// <summary>French label: title, then article.</summary>
    public string Label => Article is null ? Text.Title : $"{Text.Title}, {Article}";
}
