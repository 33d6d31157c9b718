using System.Text.Json;
using Segur.Engine.Evaluation;
using Segur.Engine.Law;
using Segur.Engine.Profiles;
using Segur.Engine.Time;

namespace Segur.Reports.Tests;

/// <summary>The JSON contract of docs/sortie-json.md.</summary>
public class JsonReportTests
{
    private const string Nurse = """{"employeur": {"secteur": "public", "versant": "FPH", "structure": "etablissement_public_sante"}, "emploi": {"profession": "infirmier", "statut": "titulaire"}}""";

    [Fact]
    public void JsonReport_IsByteForByteReproducible_AndFollowsTheContract()
    {
        var p = TestLaw.Profile(Nurse);
        var range = new MonthRange(new YearMonth(2020, 9), new YearMonth(2026, 12));
        var a = JsonReport.Write(TestLaw.Evaluator.Evaluate(p, range));
        var b = JsonReport.Write(new Evaluator(LegislationLoader.Load(new EmbeddedLegislation())).Evaluate(p, range));
        Assert.Equal(a, b);
        using var doc = JsonDocument.Parse(a);
        var months = doc.RootElement.GetProperty("mois");
        Assert.Equal(76, months.GetArrayLength());
        var first = months[0];
        Assert.Equal("2020-09", first.GetProperty("mois").GetString());
        Assert.True(first.GetProperty("eligible").GetBoolean());
        Assert.Equal(112.46m, first.GetProperty("montant_brut").GetDecimal());
        Assert.Contains("\"montant_brut\": 112.46", a);
        var m1 = first.GetProperty("mesures").EnumerateArray().Single(m => m.GetProperty("id").GetString() == "M1");
        Assert.Equal("eligible", m1.GetProperty("verdict").GetString());
        var crit = m1.GetProperty("criteres").EnumerateArray().First(c => c.GetProperty("id").GetString() == "lieu");
        var reference = crit.GetProperty("references")[0];
        Assert.Equal("decret-2020-1152", reference.GetProperty("texte").GetString());
        Assert.Equal("2020-09-20", reference.GetProperty("publie_le").GetString());
        Assert.StartsWith("https://", reference.GetProperty("url").GetString());
    }
}
