using Segur.Engine.Evaluation;
using Segur.Engine.Law;
using Segur.Engine.Profiles;

namespace Segur.Engine.Tests;

/// <summary>The embedded legislation, loaded once for all tests, and the repository's folders.</summary>
public static class TestLaw
{
    private static readonly Lazy<Legislation> Loaded = new(() => LegislationLoader.Load(new EmbeddedLegislation()));

    public static Legislation Law => Loaded.Value;
    public static Evaluator Evaluator { get; } = new(Law);
    public static ProfileReader Reader { get; } = new(Law);

    public static string RepoRoot
    {
        get
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "segur.slnx"))) dir = dir.Parent;
            return dir?.FullName ?? throw new InvalidOperationException("racine du dépôt introuvable");
        }
    }

    public static string Legislation => Path.Combine(RepoRoot, "legislation");

    public static Profile Profile(string json) => Reader.Read(json, "test");
}
