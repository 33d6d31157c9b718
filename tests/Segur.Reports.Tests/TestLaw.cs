using Segur.Engine.Evaluation;
using Segur.Engine.Law;
using Segur.Engine.Profiles;

namespace Segur.Reports.Tests;

/// <summary>The embedded legislation, loaded once for all tests.</summary>
public static class TestLaw
{
    private static readonly Lazy<Legislation> Loaded = new(() => LegislationLoader.Load(new EmbeddedLegislation()));

    public static Legislation Law => Loaded.Value;
    public static Evaluator Evaluator { get; } = new(Law);
    public static ProfileReader Reader { get; } = new(Law);

    public static Profile Profile(string json) => Reader.Read(json, "test");
}
