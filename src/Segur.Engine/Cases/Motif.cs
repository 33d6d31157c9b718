namespace Segur.Engine.Cases;

/// <summary>What a motif of a case file names.</summary>
public enum MotifKind
{
    /// <summary>« M4.lieu »: a criterion of a measure (at any depth) that must fail.</summary>
    Criterion,
    /// <summary>« exclusion.x »: a stated exclusion that must apply.</summary>
    Exclusion,
}

/// <summary>
/// A reason a case file expects the explanation to show (<c>attendu.motifs</c>), parsed once from its
/// external form: « M4.lieu » or « exclusion.organismes-securite-sociale ».
/// </summary>
public readonly record struct Motif(MotifKind Kind, string? Measure, string Id)
{
    private const string ExclusionPrefix = "exclusion.";

    /// <summary>Parses a motif; null when it has neither form.</summary>
    public static Motif? Parse(string text)
    {
        if (text.StartsWith(ExclusionPrefix, StringComparison.Ordinal) && text.Length > ExclusionPrefix.Length)
            return new Motif(MotifKind.Exclusion, null, text[ExclusionPrefix.Length..]);
        var dot = text.IndexOf('.');
        return dot > 0 && dot < text.Length - 1 ? new Motif(MotifKind.Criterion, text[..dot], text[(dot + 1)..]) : null;
    }

    public override string ToString() => Kind == MotifKind.Exclusion ? ExclusionPrefix + Id : $"{Measure}.{Id}";
}
