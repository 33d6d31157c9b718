using YamlDotNet.Serialization;

namespace Segur.Engine.Law;

// Measures (measures/*.yaml), their conditions, rules and amounts; exclusions and open questions.

public sealed class ConditionDto : Located
{
    [YamlMember(Alias = "champ")] public string? Field { get; set; }
    [YamlMember(Alias = "parmi")] public List<string>? In { get; set; }
    [YamlMember(Alias = "listes")] public List<string>? Lists { get; set; }
    [YamlMember(Alias = "sauf")] public List<string>? Except { get; set; }
    [YamlMember(Alias = "egal")] public string? Equals_ { get; set; }
    [YamlMember(Alias = "toutes")] public List<ConditionDto>? All { get; set; }
    [YamlMember(Alias = "une_de")] public List<ConditionDto>? Any { get; set; }
    [YamlMember(Alias = "non")] public ConditionDto? Not { get; set; }
}

public sealed class RuleDto : Located
{
    [YamlMember(Alias = "id")] public string? Id { get; set; }
    [YamlMember(Alias = "libelle")] public string? Label { get; set; }
    [YamlMember(Alias = "references")] public List<CitationDto>? References { get; set; }
    [YamlMember(Alias = "institue_par")] public string? InstitutedBy { get; set; }
    [YamlMember(Alias = "du")] public string? From { get; set; }
    [YamlMember(Alias = "au")] public string? To { get; set; }
    [YamlMember(Alias = "confiance")] public string? Confidence { get; set; }
    [YamlMember(Alias = "note")] public string? Note { get; set; }
    [YamlMember(Alias = "condition")] public ConditionDto? Condition { get; set; }
    [YamlMember(Alias = "toutes")] public List<RuleDto>? All { get; set; }
    [YamlMember(Alias = "une_de")] public List<RuleDto>? Any { get; set; }
}

public sealed class AmountDto : Located
{
    [YamlMember(Alias = "points")] public string? Points { get; set; }
    [YamlMember(Alias = "valeur_du_point")] public string? PointValue { get; set; }
    [YamlMember(Alias = "diviseur")] public string? Divisor { get; set; }
    [YamlMember(Alias = "euros")] public string? Euros { get; set; }
    [YamlMember(Alias = "inconnu")] public string? Unknown { get; set; }
}

public sealed class FormDto : Located
{
    [YamlMember(Alias = "du")] public string? From { get; set; }
    [YamlMember(Alias = "au")] public string? To { get; set; }
    [YamlMember(Alias = "libelle")] public string? Label { get; set; }
    [YamlMember(Alias = "references")] public List<CitationDto>? References { get; set; }
}

public sealed class MeasureDto : Located
{
    [YamlMember(Alias = "id")] public string? Id { get; set; }
    [YamlMember(Alias = "intitule")] public string? Title { get; set; }
    [YamlMember(Alias = "famille")] public string? Family { get; set; }
    [YamlMember(Alias = "description")] public string? Description { get; set; }
    [YamlMember(Alias = "institue_par")] public string? InstitutedBy { get; set; }
    [YamlMember(Alias = "references")] public List<CitationDto>? References { get; set; }
    [YamlMember(Alias = "du")] public string? From { get; set; }
    [YamlMember(Alias = "au")] public string? To { get; set; }
    [YamlMember(Alias = "proratisation")] public string? Proration { get; set; }
    [YamlMember(Alias = "montant")] public AmountDto? Amount { get; set; }
    [YamlMember(Alias = "formes")] public List<FormDto>? Forms { get; set; }
    [YamlMember(Alias = "cede_a")] public List<string>? CedesTo { get; set; }
    [YamlMember(Alias = "confiance")] public string? Confidence { get; set; }
    [YamlMember(Alias = "note")] public string? Note { get; set; }
    [YamlMember(Alias = "criteres")] public List<RuleDto>? Criteria { get; set; }
}

public sealed class ExclusionDto : Located
{
    [YamlMember(Alias = "id")] public string? Id { get; set; }
    [YamlMember(Alias = "intitule")] public string? Title { get; set; }
    [YamlMember(Alias = "description")] public string? Description { get; set; }
    [YamlMember(Alias = "references")] public List<CitationDto>? References { get; set; }
    [YamlMember(Alias = "mesures")] public List<string>? Measures { get; set; }
    [YamlMember(Alias = "toutes_mesures_sauf")] public List<string>? AllMeasuresExcept { get; set; }
    [YamlMember(Alias = "confiance")] public string? Confidence { get; set; }
    [YamlMember(Alias = "note")] public string? Note { get; set; }
    [YamlMember(Alias = "condition")] public ConditionDto? Condition { get; set; }
}

public sealed class UncertaintyDto : Located
{
    [YamlMember(Alias = "id")] public string? Id { get; set; }
    [YamlMember(Alias = "confiance")] public string? Confidence { get; set; }
    [YamlMember(Alias = "du")] public string? From { get; set; }
    [YamlMember(Alias = "au")] public string? To { get; set; }
    [YamlMember(Alias = "mesures")] public List<string>? Measures { get; set; }
    [YamlMember(Alias = "intitule")] public string? Title { get; set; }
    [YamlMember(Alias = "note")] public string? Note { get; set; }
    [YamlMember(Alias = "references")] public List<CitationDto>? References { get; set; }
    [YamlMember(Alias = "condition")] public ConditionDto? Condition { get; set; }
}

public sealed class ExclusionsFileDto : Located
{
    [YamlMember(Alias = "exclusions")] public List<ExclusionDto>? Exclusions { get; set; }
}

public sealed class UncertaintiesFileDto : Located
{
    [YamlMember(Alias = "incertitudes")] public List<UncertaintyDto>? Uncertainties { get; set; }
}
