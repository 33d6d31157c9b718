using System.Globalization;
using System.Text.Json.Nodes;
using Segur.Engine.Documents;
using Segur.Engine.Law;
using Segur.Engine.Time;
using YamlDotNet.Serialization;

namespace Segur.Engine.Cases;

/// <summary>
/// Reads case files. A case file is data a lawyer writes (format in <c>legislation/cases/README.md</c>,
/// shape in <c>legislation/schemas/cas.schema.json</c>); it is read by the shared <see cref="DocumentReader"/>,
/// and every malformed entry is reported with its file, line and field, in French.
/// </summary>
public static class CaseFileReader
{
    /// <summary>All cases of every <c>*.yaml</c> file under <paramref name="directory"/>, in file then entry order.</summary>
    public static IReadOnlyList<LegalCase> ReadDirectory(string directory)
    {
        if (!Directory.Exists(directory)) throw new SegurException($"{directory} : dossier de cas introuvable");
        return Directory.EnumerateFiles(directory, "*.yaml", SearchOption.AllDirectories)
            .Order(StringComparer.Ordinal)
            .SelectMany(f => Read(TextFile.Read(f, "fichier de cas"), f))
            .ToList();
    }

    /// <summary>All cases of a source (<see cref="ILegislationSource.Cases"/>), in file then entry order.</summary>
    public static IReadOnlyList<LegalCase> Read(ILegislationSource source) =>
        source.Cases().SelectMany(f => Read(f.Text, source.DisplayName(f.Path))).ToList();

    public static IReadOnlyList<LegalCase> Read(string text, string file)
    {
        var reader = DocumentReader.Shared;
        var doc = reader.Parse(text, file);
        var problems = reader.Check(doc, DocumentKind.Cases);
        if (problems.Count > 0) throw new SegurException(problems[0], problems.Skip(1).ToList());
        var dto = reader.Typed<CaseFileDto>(doc);
        var cases = new List<LegalCase>();
        var errors = new List<string>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < dto.Cases!.Count; i++)
        {
            var c = dto.Cases[i];
            var where = $"{file}, ligne {c.Line} : cas {c.Id}";
            if (!ids.Add(c.Id!)) errors.Add($"{file}, ligne {c.Line} : identifiant de cas « {c.Id} » en double");
            if (!YearMonth.TryParse(c.Month!, out var month)) errors.Add($"{where} : mois « {c.Month} » invalide ; attendu AAAA-MM");
            DateOnly? asOf = null;
            if (c.LawAsOf is { } d)
            {
                if (DateOnly.TryParseExact(d, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var dd)) asOf = dd;
                else errors.Add($"{where} : droit_au « {d} » invalide ; attendu AAAA-MM-JJ");
            }
            var sources = c.Sources ?? [];
            if (sources.Count == 0) errors.Add($"{where} : aucune source ; attendu « sources: » avec au moins une adresse");
            var profile = (JsonObject)doc.Root!["cas"]![i]!["profil"]!.DeepClone();
            var exp = c.Expected!;
            var motifs = new List<Motif>();
            foreach (var motifText in exp.Motifs ?? [])
            {
                if (Motif.Parse(motifText) is { } motif) motifs.Add(motif);
                else errors.Add($"{where} : motif « {motifText} » invalide ; attendu « MESURE.critère » (ex. M4.lieu) ou « exclusion.ID »");
            }
            cases.Add(new LegalCase(c.Id!, c.Title ?? c.Id!, profile, month, asOf,
                new Expectation(exp.Eligible!.Value, exp.Measure, exp.Gross, exp.Gross is not null, motifs, exp.Uncertain ?? false),
                c.Reason ?? "", c.Confidence ?? "H", sources, file, c.Line));
        }
        if (errors.Count > 0) throw new SegurException(errors[0], errors.Skip(1).ToList());
        return cases;
    }

    private sealed class CaseFileDto : Located
    {
        [YamlMember(Alias = "cas")] public List<CaseDto>? Cases { get; set; }
    }

    private sealed class CaseDto : Located
    {
        [YamlMember(Alias = "id")] public string? Id { get; set; }
        [YamlMember(Alias = "titre")] public string? Title { get; set; }
        [YamlMember(Alias = "profil")] public Dictionary<string, object>? Profile { get; set; }
        [YamlMember(Alias = "mois")] public string? Month { get; set; }
        [YamlMember(Alias = "droit_au")] public string? LawAsOf { get; set; }
        [YamlMember(Alias = "attendu")] public ExpectationDto? Expected { get; set; }
        [YamlMember(Alias = "raison")] public string? Reason { get; set; }
        [YamlMember(Alias = "confiance")] public string? Confidence { get; set; }
        [YamlMember(Alias = "sources")] public List<string>? Sources { get; set; }
    }

    private sealed class ExpectationDto : Located
    {
        [YamlMember(Alias = "eligible")] public bool? Eligible { get; set; }
        [YamlMember(Alias = "mesure")] public string? Measure { get; set; }
        [YamlMember(Alias = "montant_brut")] public decimal? Gross { get; set; }
        [YamlMember(Alias = "motifs")] public List<string>? Motifs { get; set; }
        [YamlMember(Alias = "incertain")] public bool? Uncertain { get; set; }
    }
}
