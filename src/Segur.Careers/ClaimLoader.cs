using Segur.Engine;
using Segur.Engine.Documents;
using Segur.Engine.Law;
using YamlDotNet.Serialization;

namespace Segur.Careers;

/// <summary>
/// Reads the claims of the written questions (<c>legislation/carrieres/affirmations.yaml</c>) through the
/// shared document reader: shape checked against <c>affirmations.schema.json</c>, then every claim must cite
/// a text of the catalogues and have a unique id; French errors with file and line.
/// </summary>
public static class ClaimLoader
{
    public const string File = "carrieres/affirmations.yaml";

    /// <summary>The claims of <paramref name="file"/> (<see cref="File"/> of <paramref name="source"/>); none when the law folder has no such file.</summary>
    public static IReadOnlyList<Claim> Load(ILegislationSource source, LegislationFile? file, Legislation law)
    {
        if (file is null) return [];
        var name = source.DisplayName(file.Path);
        var dto = DocumentReader.Shared.Read<ClaimsFileDto>(file.Text, name, DocumentKind.Claims);
        var errors = new List<string>();
        var claims = new List<Claim>();
        foreach (var c in dto.Claims ?? [])
        {
            var where = $"{name}, ligne {c.Line} : affirmation {c.Id}";
            if (claims.Any(x => x.Id == c.Id)) errors.Add($"{where} : identifiant en double ; attendu un id unique");
            if (c.Reference?.Text is not { } id || !law.Texts.TryGetValue(id, out var text))
            {
                errors.Add($"{where} : texte « {c.Reference?.Text} » absent des catalogues (references*.yaml) ; attendu la question écrite qui porte l'affirmation");
                continue;
            }
            var kind = c.Measure == "ecart_debut_pourcent" ? ClaimKind.StartPercent : ClaimKind.EndEuros;
            claims.Add(new Claim(c.Id!, c.Statement!, kind, c.Threshold, new Citation(text, c.Reference.Article)));
        }
        if (errors.Count > 0) throw new SegurException($"affirmations invalides : {errors[0]}", errors.Skip(1).ToList());
        return claims;
    }

    public sealed class ClaimsFileDto : Located
    {
        [YamlMember(Alias = "affirmations")] public List<ClaimDto>? Claims { get; set; }
    }

    public sealed class ClaimDto : Located
    {
        [YamlMember(Alias = "id")] public string? Id { get; set; }
        [YamlMember(Alias = "enonce")] public string? Statement { get; set; }
        [YamlMember(Alias = "mesure")] public string? Measure { get; set; }
        [YamlMember(Alias = "seuil")] public decimal Threshold { get; set; }
        [YamlMember(Alias = "reference")] public CitationDto? Reference { get; set; }
    }
}
