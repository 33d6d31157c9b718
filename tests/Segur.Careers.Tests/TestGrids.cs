using Segur.Engine.Law;
using Segur.Engine.Time;

namespace Segur.Careers.Tests;

/// <summary>The embedded law and grids, loaded once, and helpers to build careers and comparisons.</summary>
public static class TestGrids
{
    private static readonly Lazy<Legislation> LoadedLaw = new(() => LegislationLoader.Load(new EmbeddedLegislation()));
    private static readonly Lazy<GridCatalog> LoadedGrids = new(() => GridLoader.Load(new EmbeddedLegislation(), Law));

    public static Legislation Law => LoadedLaw.Value;
    public static GridCatalog Catalog => LoadedGrids.Value;
    public static CareerBuilder Builder { get; } = new(Law);

    public static Grid Grid(string name) => Catalog.Get(name);

    public static YearMonth M(string text) => YearMonth.TryParse(text, out var m) ? m : throw new ArgumentException(text);

    public static CareerComparisonResult Compare(Legislation law, string start, int years, params string[] grids) =>
        CareerComparison.Run(law, law == Law ? Catalog : GridLoader.Load(new EmbeddedLegislation(), law), new CareerRequest(grids, M(start), years));

    public static string RepoRoot
    {
        get
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "segur.slnx"))) dir = dir.Parent;
            return dir?.FullName ?? throw new InvalidOperationException("racine du dépôt introuvable");
        }
    }

    public static string LegislationFolder => Path.Combine(RepoRoot, "legislation");

    /// <summary>A copy of the legislation folder in a temporary directory, for tests that break a file.</summary>
    public static string CopyLegislation(string target)
    {
        foreach (var file in Directory.EnumerateFiles(LegislationFolder, "*", SearchOption.AllDirectories))
        {
            var rel = Path.GetRelativePath(LegislationFolder, file);
            var dest = Path.Combine(target, rel);
            Directory.CreateDirectory(Path.GetDirectoryName(dest)!);
            File.Copy(file, dest);
        }
        return target;
    }
}
