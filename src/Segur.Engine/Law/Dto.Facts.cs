using YamlDotNet.Serialization;

namespace Segur.Engine.Law;

// Facts the law implies (implications/*.yaml) and what a worker is told (informations/*.yaml).

/// <summary>A fact that the law itself implies from other facts (e.g. a MAS is funded by the assurance maladie).</summary>
public sealed class ImplicationDto : Located
{
    [YamlMember(Alias = "id")] public string? Id { get; set; }
    [YamlMember(Alias = "intitule")] public string? Title { get; set; }
    [YamlMember(Alias = "si")] public ConditionDto? If { get; set; }
    [YamlMember(Alias = "alors")] public ImpliedValueDto? Then { get; set; }
    [YamlMember(Alias = "references")] public List<CitationDto>? References { get; set; }
    [YamlMember(Alias = "confiance")] public string? Confidence { get; set; }
    [YamlMember(Alias = "note")] public string? Note { get; set; }
}

/// <summary>The field an implication sets, and its value.</summary>
public sealed class ImpliedValueDto : Located
{
    [YamlMember(Alias = "champ")] public string? Field { get; set; }
    [YamlMember(Alias = "egal")] public string? Value { get; set; }
}

public sealed class ImplicationsFileDto : Located
{
    [YamlMember(Alias = "implications")] public List<ImplicationDto>? Implications { get; set; }
}

/// <summary>Something a worker should be told when its condition holds (a non-Ségur revaluation, a missing counterpart).</summary>
public sealed class InformationDto : Located
{
    [YamlMember(Alias = "id")] public string? Id { get; set; }
    [YamlMember(Alias = "intitule")] public string? Title { get; set; }
    [YamlMember(Alias = "note")] public string? Note { get; set; }
    [YamlMember(Alias = "du")] public string? From { get; set; }
    [YamlMember(Alias = "au")] public string? To { get; set; }
    [YamlMember(Alias = "seulement_sans_mesure")] public bool? OnlyWhenNothingDue { get; set; }
    [YamlMember(Alias = "references")] public List<CitationDto>? References { get; set; }
    [YamlMember(Alias = "condition")] public ConditionDto? Condition { get; set; }
}

public sealed class InformationsFileDto : Located
{
    [YamlMember(Alias = "informations")] public List<InformationDto>? Informations { get; set; }
}
