using Segur.Batch;
using Segur.Engine;
using Segur.Engine.Law;
using Segur.Engine.Profiles;
using Segur.Engine.Time;

namespace Segur.Batch.Tests;

/// <summary>The employer rate of a Ségur amount, as the law was published on a date (<c>--droit-au</c>).</summary>
public sealed class EmployerRatesTests
{
    private static Legislation Law => TestLaw.Law;

    private const string Nurse = """{"employeur": {"secteur": "public", "versant": "FPH", "structure": "etablissement_public_sante"}, "emploi": {"profession": "infirmier", "statut": "titulaire"}}""";

    [Fact]
    public void CnraclRateOf2025_IsUnknownBeforeItsDecreeWasPublished_AndTheLastPublishedRateStays()
    {
        var codes = new ProfileReader(Law).Read(Nurse, "infirmiere").Codes;
        var m1 = Law.Measures.Single(m => m.Id == "M1");
        var rates = new EmployerRates(Law);
        var january = new YearMonth(2025, 1);
        var rule = rates.Rule(m1, codes)!;
        var published = rule.Rate.Find(january)!;
        var before = rule.Rate.Find(january, published.Citation.Text.PublishedOn!.Value.AddDays(-1));
        Assert.NotNull(before);
        Assert.NotEqual(published.Value, before.Value);

        var known = rates.RatePpm(codes, january, m1);
        var asOf = rates.RatePpm(codes, january, m1, published.Citation.Text.PublishedOn!.Value.AddDays(-1));
        Assert.Equal((long)Math.Round(published.Value * 1_000_000m), known);
        Assert.Equal((long)Math.Round(before.Value * 1_000_000m), asOf);
    }
}
