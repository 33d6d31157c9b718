using YamlDotNet.Serialization;

namespace Segur.Engine.Law;

// Dated parameters (parameters/*.yaml) and lists of values (lists/*.yaml).

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

public sealed class ParametersFileDto : Located
{
    [YamlMember(Alias = "parametres")] public List<ParameterDto>? Parameters { get; set; }
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

public sealed class ListsFileDto : Located
{
    [YamlMember(Alias = "listes")] public List<ListDto>? Lists { get; set; }
}
