using YamlDotNet.Serialization;

namespace Segur.Engine.Law;

// Proration schemes (proratisations/*.yaml) and estimation rules (estimations/*.yaml).

/// <summary>A proration scheme (<c>legislation/proratisations/*.yaml</c>, one per file).</summary>
public sealed class ProrationSchemeDto : Located
{
    [YamlMember(Alias = "id")] public string? Id { get; set; }
    [YamlMember(Alias = "intitule")] public string? Title { get; set; }
    [YamlMember(Alias = "references")] public List<CitationDto>? References { get; set; }
    [YamlMember(Alias = "libelle_quotite")] public string? QuotiteLabel { get; set; }
    [YamlMember(Alias = "temps_partiel")] public List<PartTimeDto>? PartTime { get; set; }
    [YamlMember(Alias = "note_temps_partiel_suppose")] public string? AssumedPartTimeNote { get; set; }
    [YamlMember(Alias = "mois_incomplet")] public ProrationStepDto? PartialMonth { get; set; }
    [YamlMember(Alias = "structures_multiples")] public ProrationStepDto? SharedPost { get; set; }
    [YamlMember(Alias = "traitement_reduit")] public ProrationStepDto? ReducedPay { get; set; }
}

public sealed class PartTimeDto : Located
{
    [YamlMember(Alias = "du")] public string? From { get; set; }
    [YamlMember(Alias = "au")] public string? To { get; set; }
    [YamlMember(Alias = "reference")] public CitationDto? Reference { get; set; }
    [YamlMember(Alias = "confiance")] public string? Confidence { get; set; }
    [YamlMember(Alias = "note")] public string? Note { get; set; }
    [YamlMember(Alias = "fractions")] public List<FractionDto>? Fractions { get; set; }
}

public sealed class FractionDto : Located
{
    [YamlMember(Alias = "quotite")] public decimal? Quotite { get; set; }
    [YamlMember(Alias = "fraction")] public string? Fraction { get; set; }
    [YamlMember(Alias = "libelle")] public string? Label { get; set; }
}

/// <summary>The texts of one proration step; without references, the measure's own texts apply.</summary>
public sealed class ProrationStepDto : Located
{
    [YamlMember(Alias = "references")] public List<CitationDto>? References { get; set; }
    [YamlMember(Alias = "confiance")] public string? Confidence { get; set; }
    [YamlMember(Alias = "note")] public string? Note { get; set; }
}

/// <summary>Estimation rules (<c>legislation/estimations/*.yaml</c>): net estimates and employer rates.</summary>
public sealed class EstimationsFileDto : Located
{
    [YamlMember(Alias = "estimations_net")] public List<NetEstimateDto>? NetEstimates { get; set; }
    [YamlMember(Alias = "cotisations_employeur")] public List<EmployerRateDto>? EmployerRates { get; set; }
}

public sealed class NetEstimateDto : Located
{
    [YamlMember(Alias = "id")] public string? Id { get; set; }
    [YamlMember(Alias = "libelle")] public string? Label { get; set; }
    [YamlMember(Alias = "proratisations")] public List<string>? Schemes { get; set; }
    [YamlMember(Alias = "familles")] public List<string>? Families { get; set; }
    [YamlMember(Alias = "condition")] public ConditionDto? Condition { get; set; }
    [YamlMember(Alias = "rapport")] public NetRatioDto? Ratio { get; set; }
    [YamlMember(Alias = "retenues")] public List<NetDeductionDto>? Deductions { get; set; }
}

public sealed class NetRatioDto : Located
{
    [YamlMember(Alias = "libelle")] public string? Label { get; set; }
    [YamlMember(Alias = "parametre")] public string? Parameter { get; set; }
}

public sealed class NetDeductionDto : Located
{
    [YamlMember(Alias = "libelle")] public string? Label { get; set; }
    [YamlMember(Alias = "taux")] public string? Rate { get; set; }
    [YamlMember(Alias = "assiette")] public string? Base { get; set; }
}

public sealed class EmployerRateDto : Located
{
    [YamlMember(Alias = "id")] public string? Id { get; set; }
    [YamlMember(Alias = "proratisations")] public List<string>? Schemes { get; set; }
    [YamlMember(Alias = "familles")] public List<string>? Families { get; set; }
    [YamlMember(Alias = "condition")] public ConditionDto? Condition { get; set; }
    [YamlMember(Alias = "taux")] public string? Rate { get; set; }
}
