using Segur.Engine.Documents;

namespace Segur.Engine.Law;

public static partial class LegislationLoader
{
    /// <summary>
    /// Checks one law document as if it were added to <paramref name="basis"/>: reads it with the shared
    /// reader (syntax, the schema of its folder), then checks its values against the vocabulary, texts,
    /// parameters, lists, proration schemes and measures of <paramref name="basis"/>. Returns the French
    /// errors (empty when the document is sound). <paramref name="path"/> is relative to the legislation
    /// folder (<c>measures/m10.yaml</c>, <c>reforms/x.yaml</c>); it says which kind of document it is.
    /// For an editor, a web form or the fuzz tests: loading the whole law is what applies it.
    /// </summary>
    public static IReadOnlyList<string> CheckDocument(Legislation basis, string path, string text)
    {
        var errors = new List<string>();
        var isReform = path.StartsWith("reforms/", StringComparison.Ordinal);
        var docs = Documents.Read(new MemoryLegislation("document", []), isReform ? [] : [new LegislationFile(path, text)], errors);
        var reform = isReform ? DocumentReader.Shared.TryRead<ReformDto>(text, path, DocumentKind.Reform, errors) : null;
        if (errors.Count > 0) return errors;
        var ctx = new Context("document") { Vocabulary = basis.Vocabulary, File = path };
        foreach (var (id, t) in basis.Texts) ctx.Texts[id] = t;
        foreach (var (id, p) in basis.Parameters) ctx.Parameters[id] = p;
        foreach (var (id, l) in basis.Lists) ctx.Lists[id] = l;
        foreach (var (id, s) in basis.ProrationSchemes) ctx.Schemes[id] = s;
        if (docs.Manifest is { } manifest)
        {
            ctx.Text(manifest.Version, "version", manifest.Line);
            ctx.Date(manifest.CheckedOn, "verifiee_le", manifest.Line);
        }
        // A catalogue of the basis redefines its texts: check it alone.
        if (docs.Catalogues.Count > 0) ctx.Texts.Clear();
        if (reform is not null) ReformOverlay.Apply(reform, path, docs, ctx);
        Check(docs, ctx, basis.Measures);
        return ctx.Errors;
    }
}

/// <summary>A legislation held in memory (tests, a document checked before it is saved).</summary>
public sealed class MemoryLegislation(string origin, IReadOnlyList<LegislationFile> files, IReadOnlyList<LegislationFile>? reforms = null, IReadOnlyList<LegislationFile>? cases = null)
    : ILegislationSource
{
    public string Origin => origin;

    public IReadOnlyList<LegislationFile> Files() => files;

    public IReadOnlyList<LegislationFile> Reforms() => reforms ?? [];

    public IReadOnlyList<LegislationFile> Cases() => cases ?? [];

    public string DisplayName(string path) => path;
}
