using YamlDotNet.Serialization;

namespace Segur.Engine.Law;

// Shapes of the legislation YAML files, as a lawyer writes them (French keys). The loader turns them
// into the checked model; nothing here is used after loading.

/// <summary>Every DTO knows the line where it starts, for error messages.</summary>
public abstract class Located
{
    [YamlIgnore] public int Line { get; set; }
}

public sealed class ManifestDto : Located
{
    [YamlMember(Alias = "version")] public string? Version { get; set; }
    [YamlMember(Alias = "verifiee_le")] public string? CheckedOn { get; set; }
    [YamlMember(Alias = "description")] public string? Description { get; set; }
}

public sealed class CatalogueDto : Located
{
    [YamlMember(Alias = "textes")] public Dictionary<string, TextDto>? Texts { get; set; }
}

public sealed class TextDto : Located
{
    [YamlMember(Alias = "titre")] public string? Title { get; set; }
    [YamlMember(Alias = "nature")] public string? Nature { get; set; }
    [YamlMember(Alias = "date")] public string? Date { get; set; }
    [YamlMember(Alias = "publie_le")] public string? PublishedOn { get; set; }
    [YamlMember(Alias = "publication")] public string? Publication { get; set; }
    [YamlMember(Alias = "url")] public string? Url { get; set; }
    [YamlMember(Alias = "verifie_le")] public string? CheckedOn { get; set; }
    [YamlMember(Alias = "confiance")] public string? Confidence { get; set; }
    [YamlMember(Alias = "note")] public string? Note { get; set; }
    [YamlMember(Alias = "voir_aussi")] public List<string>? SeeAlso { get; set; }
}

public sealed class CitationDto : Located
{
    [YamlMember(Alias = "texte")] public string? Text { get; set; }
    [YamlMember(Alias = "article")] public string? Article { get; set; }
}

public sealed class ParameterDto : Located
{
    [YamlMember(Alias = "id")] public string? Id { get; set; }
    [YamlMember(Alias = "intitule")] public string? Title { get; set; }
    [YamlMember(Alias = "description")] public string? Description { get; set; }
    [YamlMember(Alias = "unite")] public string? Unit { get; set; }
    [YamlMember(Alias = "valeurs")] public List<ParameterValueDto>? Values { get; set; }
}

public sealed class ParameterValueDto : Located
{
    [YamlMember(Alias = "du")] public string? From { get; set; }
    [YamlMember(Alias = "au")] public string? To { get; set; }
    [YamlMember(Alias = "valeur")] public decimal? Value { get; set; }
    [YamlMember(Alias = "reference")] public CitationDto? Reference { get; set; }
    [YamlMember(Alias = "confiance")] public string? Confidence { get; set; }
    [YamlMember(Alias = "note")] public string? Note { get; set; }
}

public sealed class ListDto : Located
{
    [YamlMember(Alias = "id")] public string? Id { get; set; }
    [YamlMember(Alias = "intitule")] public string? Title { get; set; }
    [YamlMember(Alias = "champ")] public string? Field { get; set; }
    [YamlMember(Alias = "valeurs")] public List<string>? Values { get; set; }
    [YamlMember(Alias = "references")] public List<CitationDto>? References { get; set; }
    [YamlMember(Alias = "note")] public string? Note { get; set; }
}

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

/// <summary>The French labels of the profile vocabulary (<c>legislation/libelles.yaml</c>).</summary>
public sealed class LabelsFileDto : Located
{
    [YamlMember(Alias = "champs")] public Dictionary<string, FieldLabelsDto>? Fields { get; set; }
}

public sealed class FieldLabelsDto : Located
{
    [YamlMember(Alias = "libelle")] public string? Label { get; set; }
    [YamlMember(Alias = "question")] public string? Question { get; set; }
    [YamlMember(Alias = "aide")] public string? Hint { get; set; }
    [YamlMember(Alias = "valeurs")] public Dictionary<string, string>? Values { get; set; }
}

public sealed class ParametersFileDto : Located
{
    [YamlMember(Alias = "parametres")] public List<ParameterDto>? Parameters { get; set; }
}

public sealed class ListsFileDto : Located
{
    [YamlMember(Alias = "listes")] public List<ListDto>? Lists { get; set; }
}

public sealed class ExclusionsFileDto : Located
{
    [YamlMember(Alias = "exclusions")] public List<ExclusionDto>? Exclusions { get; set; }
}

public sealed class UncertaintiesFileDto : Located
{
    [YamlMember(Alias = "incertitudes")] public List<UncertaintyDto>? Uncertainties { get; set; }
}

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
