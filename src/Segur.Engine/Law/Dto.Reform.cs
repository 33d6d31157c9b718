using YamlDotNet.Serialization;

namespace Segur.Engine.Law;

// Reform scenario overlays (reforms/*.yaml).

/// <summary>A reform scenario overlay (<c>legislation/reforms/*.yaml</c>), applied on top of the law.</summary>
public sealed class ReformDto : Located
{
    [YamlMember(Alias = "id")] public string? Id { get; set; }
    [YamlMember(Alias = "intitule")] public string? Title { get; set; }
    [YamlMember(Alias = "description")] public string? Description { get; set; }
    [YamlMember(Alias = "decidee_le")] public string? DecidedOn { get; set; }
    [YamlMember(Alias = "references")] public List<CitationDto>? References { get; set; }
    [YamlMember(Alias = "textes")] public Dictionary<string, TextDto>? Texts { get; set; }
    [YamlMember(Alias = "parametres")] public List<ParameterDto>? Parameters { get; set; }
    [YamlMember(Alias = "listes")] public List<ListDto>? Lists { get; set; }
    [YamlMember(Alias = "mesures")] public List<MeasureDto>? Measures { get; set; }
    [YamlMember(Alias = "modifications")] public List<ModificationDto>? Modifications { get; set; }
}

/// <summary>One change of a reform to an existing measure or exclusion.</summary>
public sealed class ModificationDto : Located
{
    [YamlMember(Alias = "mesure")] public string? Measure { get; set; }
    [YamlMember(Alias = "exclusion")] public string? Exclusion { get; set; }
    [YamlMember(Alias = "du")] public string? From { get; set; }
    [YamlMember(Alias = "au")] public string? To { get; set; }
    [YamlMember(Alias = "montant")] public AmountDto? Amount { get; set; }
    [YamlMember(Alias = "etendre")] public ExtensionDto? Extend { get; set; }
    [YamlMember(Alias = "retirer_mesures")] public List<string>? RemoveMeasures { get; set; }
}

/// <summary>Adds alternatives to a criterion: the criterion becomes « the original, or one of these ».</summary>
public sealed class ExtensionDto : Located
{
    [YamlMember(Alias = "critere")] public string? Criterion { get; set; }
    [YamlMember(Alias = "une_de")] public List<RuleDto>? Any { get; set; }
}
