using System.Reflection;

namespace Segur.Engine.Law;

/// <summary>A legislation file: its path relative to the legislation folder (with '/') and its text.</summary>
public sealed record LegislationFile(string Path, string Text);

/// <summary>Where the law is read from: the copy embedded in the engine, or a folder on disk.</summary>
public interface ILegislationSource
{
    /// <summary>Name shown in error messages (e.g. <c>legislation/</c>).</summary>
    string Origin { get; }

    IReadOnlyList<LegislationFile> Files();
}

/// <summary>The legislation compiled into <c>Segur.Engine</c>: the default, needs no file on disk.</summary>
public sealed class EmbeddedLegislation : ILegislationSource
{
    private const string Prefix = "legislation/";

    public string Origin => "législation intégrée";

    public IReadOnlyList<LegislationFile> Files()
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

    public IReadOnlyList<LegislationFile> Files()
    {
        if (!Directory.Exists(directory))
            throw new SegurException($"{directory} : dossier de législation introuvable ; attendu un dossier contenant legislation.yaml, references.yaml, parameters/, measures/…");
        var root = Path.GetFullPath(directory);
        return Directory.EnumerateFiles(root, "*.*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(root, f).Replace('\\', '/'))
            .Where(p => (p.EndsWith(".yaml", StringComparison.Ordinal) && !p.StartsWith("cases/", StringComparison.Ordinal) && !p.StartsWith("reforms/", StringComparison.Ordinal))
                        || p == "profile.schema.json")
            .Order(StringComparer.Ordinal)
            .Select(p => new LegislationFile(p, File.ReadAllText(Path.Combine(root, p))))
            .ToList();
    }
}
