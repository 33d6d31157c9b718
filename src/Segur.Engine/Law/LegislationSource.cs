namespace Segur.Engine.Law;

/// <summary>A legislation file: its path relative to the legislation folder (with '/') and its text.</summary>
public sealed record LegislationFile(string Path, string Text);

/// <summary>
/// Where the law is read from: the copy embedded in the engine, or a folder on disk. Every project reads
/// the law's files through a source (the law, grids, question vocabulary, reform scenarios, legal cases).
/// </summary>
public interface ILegislationSource
{
    /// <summary>Name shown in error messages (e.g. <c>legislation/</c>).</summary>
    string Origin { get; }

    /// <summary>The law's files (every <c>*.yaml</c> but cases and reforms, and <c>profile.schema.json</c>), in path order.</summary>
    IReadOnlyList<LegislationFile> Files();

    /// <summary>The reform scenarios shipped with the law (<c>reforms/*.yaml</c>), in path order.</summary>
    IReadOnlyList<LegislationFile> Reforms() => [];

    /// <summary>The legal cases (<c>cases/*.yaml</c>), in path order.</summary>
    IReadOnlyList<LegislationFile> Cases() => [];

    /// <summary>The name of a file of this source in messages (<c>legislation/measures/m1.yaml</c>, <c>/copie/measures/m1.yaml</c>).</summary>
    string DisplayName(string path) => System.IO.Path.Combine(Origin, path);

    /// <summary>One file of the law by its relative path (<c>questions/vocabulaire.yaml</c>), or null.</summary>
    LegislationFile? Find(string path) => Files().FirstOrDefault(f => f.Path == path);
}

/// <summary>The legislation compiled into <c>Segur.Engine</c>: the default, needs no file on disk.</summary>
public sealed class EmbeddedLegislation : ILegislationSource
{
    private const string Prefix = "legislation/";
    private static readonly Lazy<IReadOnlyList<LegislationFile>> All = new(ReadAll);

    public string Origin => "législation intégrée";

    public IReadOnlyList<LegislationFile> Files() =>
        All.Value.Where(f => !f.Path.StartsWith("cases/", StringComparison.Ordinal) && !f.Path.StartsWith("reforms/", StringComparison.Ordinal)
                             && !f.Path.StartsWith("schemas/", StringComparison.Ordinal)).ToList();

    public IReadOnlyList<LegislationFile> Reforms() => Under("reforms/");

    public IReadOnlyList<LegislationFile> Cases() => Under("cases/");

    public string DisplayName(string path) => Prefix + path;

    private static List<LegislationFile> Under(string folder) => All.Value.Where(f => f.Path.StartsWith(folder, StringComparison.Ordinal)).ToList();

    private static IReadOnlyList<LegislationFile> ReadAll()
    {
        var asm = typeof(EmbeddedLegislation).Assembly;
        var files = new List<LegislationFile>();
        foreach (var name in asm.GetManifestResourceNames().Where(n => n.StartsWith(Prefix, StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            using var stream = asm.GetManifestResourceStream(name)!;
            using var reader = new StreamReader(stream);
            files.Add(new LegislationFile(name[Prefix.Length..].Replace('\\', '/'), reader.ReadToEnd()));
        }
        return files;
    }
}

/// <summary>A legislation folder on disk (e.g. a lawyer's working copy of <c>legislation/</c>).</summary>
public sealed class DirectoryLegislation(string directory) : ILegislationSource
{
    public string Origin => directory;

    public IReadOnlyList<LegislationFile> Files() =>
        Read(p => (p.EndsWith(".yaml", StringComparison.Ordinal) && !p.StartsWith("cases/", StringComparison.Ordinal) && !p.StartsWith("reforms/", StringComparison.Ordinal))
                  || p == "profile.schema.json");

    public IReadOnlyList<LegislationFile> Reforms() => Read(p => p.StartsWith("reforms/", StringComparison.Ordinal) && p.EndsWith(".yaml", StringComparison.Ordinal));

    public IReadOnlyList<LegislationFile> Cases() => Read(p => p.StartsWith("cases/", StringComparison.Ordinal) && p.EndsWith(".yaml", StringComparison.Ordinal));

    private List<LegislationFile> Read(Func<string, bool> keep)
    {
        if (!Directory.Exists(directory))
            throw new SegurException($"{directory} : dossier de législation introuvable ; attendu un dossier contenant legislation.yaml, references.yaml, parameters/, measures/…");
        var root = Path.GetFullPath(directory);
        return Directory.EnumerateFiles(root, "*.*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(root, f).Replace('\\', '/'))
            .Where(keep)
            .Order(StringComparer.Ordinal)
            .Select(p => new LegislationFile(p, File.ReadAllText(Path.Combine(root, p))))
            .ToList();
    }
}
