using System.Security.Cryptography;
using System.Text;
using Segur.Engine.Documents;

namespace Segur.Engine.Law;

/// <summary>
/// Loads the legislation files, checks them, and builds the immutable <see cref="Legislation"/>.
/// Every file is read by the shared <see cref="DocumentReader"/> (syntax, then the shape its schema of
/// <c>legislation/schemas/</c> gives); then each kind is checked (one file of <c>Loading/</c> per kind):
/// references on every dated value and rule, known texts, known vocabulary, contiguous dated values (no
/// gap, no overlap), whole-month dates, amounts defined over each measure's whole span, and no two
/// measures of a family able to pay the same job in the same month without a <c>cede_a</c>. Every
/// problem is reported in French with the file and line; loading stops with a <see cref="SegurException"/>
/// listing all of them, so that a lawyer fixes the files in one pass.
/// </summary>
public static partial class LegislationLoader
{
    public static Legislation Load(ILegislationSource source) => Load(source, null);

    /// <summary>Loads the law, with a reform overlay applied on top when one is given.</summary>
    public static Legislation Load(ILegislationSource source, ReformSource? reform)
    {
        var files = source.Files();
        var byPath = files.ToDictionary(f => f.Path, StringComparer.Ordinal);
        var schema = Required(byPath, "profile.schema.json", source);
        Required(byPath, "legislation.yaml", source);
        Required(byPath, "references.yaml", source);
        Required(byPath, "libelles.yaml", source);
        var vocabulary = Vocabulary.FromSchema(schema.Text, source.DisplayName(schema.Path));
        var ctx = new Context(source.Origin) { Vocabulary = vocabulary };
        var what = reform is null ? "législation" : "réforme";

        // Read every file first, so that a reform can amend the documents before they are checked.
        var readErrors = new List<string>();
        var docs = Documents.Read(source, files, readErrors);
        var reformDto = reform is null ? null : DocumentReader.Shared.TryRead<ReformDto>(reform.Text, reform.Name, DocumentKind.Reform, readErrors);
        if (readErrors.Count > 0 || docs.Manifest is null || docs.Labels is null)
            throw new SegurException($"{what} invalide : {readErrors.FirstOrDefault()}", readErrors.Skip(1).ToList());

        ctx.File = docs.LabelsFile;
        LoadLabels(ctx, docs.Labels);
        ctx.File = docs.ManifestFile;
        var version = ctx.Text(docs.Manifest.Version, "version", docs.Manifest.Line) ?? "?";
        var checkedOn = ctx.Date(docs.Manifest.CheckedOn, "verifiee_le", docs.Manifest.Line) ?? DateOnly.MinValue;
        var reformInfo = reformDto is null ? null : ReformOverlay.Apply(reformDto, reform!.Name, docs, ctx);
        var law = Check(docs, ctx);
        if (law.Measures.Count == 0) ctx.Errors.Add($"{source.Origin} : aucune mesure trouvée ; attendu des fichiers measures/*.yaml");
        if (ctx.Errors.Count == 0) ctx.Errors.AddRange(ConflictChecker.Check(law.Measures));
        if (ctx.Errors.Count > 0) throw new SegurException($"{what} invalide : {ctx.Errors[0]}", ctx.Errors.Skip(1).ToList());

        var allFiles = reform is null ? files : files.Append(new LegislationFile("reforms/" + Path.GetFileName(reform.Name), reform.Text)).ToList();
        return new Legislation
        {
            Version = version,
            Fingerprint = Fingerprint(allFiles),
            CheckedOn = checkedOn,
            Vocabulary = vocabulary,
            Texts = ctx.Texts,
            Parameters = ctx.Parameters,
            Lists = ctx.Lists,
            Measures = law.Measures,
            Exclusions = law.Exclusions,
            Uncertainties = law.Uncertainties,
            Implications = law.Implications,
            Informations = law.Informations,
            ProrationSchemes = ctx.Schemes,
            NetEstimates = law.NetEstimates,
            EmployerRates = law.EmployerRates,
            Reform = reformInfo,
        };
    }

    private static LegislationFile Required(Dictionary<string, LegislationFile> files, string path, ILegislationSource source) =>
        files.TryGetValue(path, out var f)
            ? f
            : throw new SegurException($"{source.Origin} : fichier {path} manquant ; attendu dans le dossier de législation");

    private static readonly string[] LawFolders = ["lists/", "parameters/", "measures/", "exclusions/", "incertitudes/", "implications/", "informations/", "proratisations/", "estimations/", "reforms/"];

    /// <summary>True for the files that make the law (not the population figures nor the question vocabulary).</summary>
    private static bool IsLaw(string path) =>
        LawFolders.Any(f => path.StartsWith(f, StringComparison.Ordinal)) || (!path.Contains('/') && path.EndsWith(".yaml", StringComparison.Ordinal)) || path == "profile.schema.json";

    private static string Fingerprint(IReadOnlyList<LegislationFile> files)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var f in files.Where(f => IsLaw(f.Path)).OrderBy(f => f.Path, StringComparer.Ordinal))
        {
            sha.AppendData(Encoding.UTF8.GetBytes(f.Path + "\0" + f.Text.Replace("\r\n", "\n") + "\0"));
        }
        return Convert.ToHexStringLower(sha.GetHashAndReset());
    }
}
