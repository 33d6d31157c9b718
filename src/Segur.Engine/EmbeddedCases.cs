using Segur.Engine.Cases;
using Segur.Engine.Law;

namespace Segur.Engine;

/// <summary>
/// The legal cases of <c>legislation/cases/</c>, compiled into the engine like the law, so that
/// <c>segur cas</c> and the API need no file on disk. Read through the same source abstraction as the law.
/// </summary>
public sealed class EmbeddedCases : ILegislationSource
{
    private const string Prefix = "cases/";

    public string Origin => "cas juridiques intégrés";

    public IReadOnlyList<LegislationFile> Files()
    {
        // TODO(owner of Law/LegislationSource.cs): one embedded-resource reader for the law and the cases.
        var asm = typeof(EmbeddedCases).Assembly;
        var files = new List<LegislationFile>();
        foreach (var name in asm.GetManifestResourceNames().Where(n => n.StartsWith(Prefix, StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            using var stream = asm.GetManifestResourceStream(name)!;
            using var reader = new StreamReader(stream);
            files.Add(new LegislationFile(name, reader.ReadToEnd()));
        }
        return files;
    }

    /// <summary>Every case of a source's <c>cases/*.yaml</c> files, named <c>legislation/cases/…</c> in messages.</summary>
    public static IReadOnlyList<LegalCase> Read(ILegislationSource source) =>
        source.Files().Where(f => f.Path.StartsWith(Prefix, StringComparison.Ordinal) && f.Path.EndsWith(".yaml", StringComparison.Ordinal))
            .SelectMany(f => CaseFileReader.Read(f.Text, "legislation/" + f.Path)).ToList();
}
