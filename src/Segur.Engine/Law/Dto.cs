using YamlDotNet.Serialization;

namespace Segur.Engine.Law;

// Shapes of the legislation YAML files, as a lawyer writes them (French keys). The loader turns them
// into the checked model; nothing here is used after loading. One file per family of documents:
// common shapes and texts here; parameters and lists, measures and exclusions, implied facts and
// informations, proration and estimations, reforms in the Dto.*.cs files.

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
