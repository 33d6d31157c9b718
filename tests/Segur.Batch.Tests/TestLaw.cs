using Segur.Engine.Law;

namespace Segur.Batch.Tests;

/// <summary>The embedded legislation, loaded once for every test class of the batch (loading it takes a few tenths of a second).</summary>
public static class TestLaw
{
    private static readonly Lazy<Legislation> Loaded = new(() => LegislationLoader.Load(new EmbeddedLegislation()));

    public static Legislation Law => Loaded.Value;
}
