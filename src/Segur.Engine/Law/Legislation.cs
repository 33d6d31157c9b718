namespace Segur.Engine.Law;

/// <summary>
/// The whole law as loaded and checked: texts, parameters, lists, measures, exclusions and open
/// questions, plus the profile vocabulary they are written in. Immutable once built.
/// </summary>
public sealed class Legislation
{
    public required string Version { get; init; }

    /// <summary>SHA-256 of every legislation file, in path order: identifies the law a result was computed with.</summary>
    public required string Fingerprint { get; init; }

    public required DateOnly CheckedOn { get; init; }
    public required Vocabulary Vocabulary { get; init; }
    public required IReadOnlyDictionary<string, LegalText> Texts { get; init; }
    public required IReadOnlyDictionary<string, Parameter> Parameters { get; init; }
    public required IReadOnlyDictionary<string, ValueList> Lists { get; init; }

    /// <summary>Measures in file order (the order of explanations).</summary>
    public required IReadOnlyList<Measure> Measures { get; init; }

    public required IReadOnlyList<Exclusion> Exclusions { get; init; }
    public required IReadOnlyList<Uncertainty> Uncertainties { get; init; }

    /// <summary>Facts the law implies from other facts, applied to every profile before evaluation.</summary>
    public IReadOnlyList<Implication> Implications { get; init; } = [];

    /// <summary>What a worker is told when the profile matches (non-Ségur revaluations, missing counterparts).</summary>
    public IReadOnlyList<Information> Informations { get; init; } = [];

    /// <summary>Proration schemes by id (<c>proratisations/</c>).</summary>
    public IReadOnlyDictionary<string, ProrationScheme> ProrationSchemes { get; init; } = new Dictionary<string, ProrationScheme>();

    /// <summary>How the net of an amount is estimated, first matching rule first.</summary>
    public IReadOnlyList<NetEstimateRule> NetEstimates { get; init; } = [];

    /// <summary>Which employer contribution rate applies, first matching rule first.</summary>
    public IReadOnlyList<EmployerRateRule> EmployerRates { get; init; } = [];

    /// <summary>The reform overlay applied, if any.</summary>
    public ReformInfo? Reform { get; init; }

    public Parameter Parameter(string id) => Parameters.TryGetValue(id, out var p)
        ? p
        : throw new KeyNotFoundException($"paramètre inconnu : {id}");

    public Measure? Measure(string id) => Measures.FirstOrDefault(m => m.Id == id);
}
