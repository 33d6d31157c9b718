using System.Text.Json;
using Segur.Engine.Evaluation;
using Segur.Engine.Time;

namespace Segur.Reports.Tests;

/// <summary>The compact JSON contract, version 2, of docs/sortie-json.md.</summary>
public class CompactJsonReportTests
{
    private const string Nurse = """{"employeur": {"secteur": "public", "versant": "FPH", "structure": "etablissement_public_sante"}, "emploi": {"profession": "infirmier", "statut": "titulaire"}}""";
    private const string CafWorker = """{"employeur": {"secteur": "securite_sociale", "organisme": "CAF", "idcc": 218, "structure": "organisme_securite_sociale", "departement": "59"}, "emploi": {"profession": "assistant_service_social", "statut": "salarie", "fonctions_socio_educatives_principales": true, "quotite": 1}}""";

    private static readonly MonthRange Long = new(new YearMonth(2020, 9), new YearMonth(2026, 12));

    private static EvaluationResult Evaluate(string profile, MonthRange range) => TestLaw.Evaluator.Evaluate(TestLaw.Profile(profile), range);

    private static readonly string[] RootKeys =
        ["version", "explication", "profil", "periode", "droit_au", "legislation", "total_brut", "total_brut_au_moins", "mois_montant_inconnu", "mois", "rappel", "textes"];

    [Theory]
    [InlineData(ExplanationLevel.None)]
    [InlineData(ExplanationLevel.Summary)]
    [InlineData(ExplanationLevel.Full)]
    public void Runs_CoverEveryMonthExactlyOnce_InOrder_AndAgreeWithTheMonths(ExplanationLevel level)
    {
        var r = Evaluate(Nurse, Long);
        using var doc = JsonDocument.Parse(CompactJsonReport.Write(r, level));
        var root = doc.RootElement;
        Assert.Equal(RootKeys, root.EnumerateObject().Select(p => p.Name));
        Assert.Equal(2, root.GetProperty("version").GetInt32());
        Assert.Equal(CompactJsonReport.Name(level), root.GetProperty("explication").GetString());
        var covered = new List<YearMonth>();
        foreach (var run in root.GetProperty("mois").EnumerateArray())
        {
            Assert.True(YearMonth.TryParse(run.GetProperty("du").GetString(), out var from));
            Assert.True(YearMonth.TryParse(run.GetProperty("au").GetString(), out var to));
            Assert.True(from <= to);
            foreach (var m in new MonthRange(from, to).Months())
            {
                covered.Add(m);
                var month = r.Months.Single(x => x.Month == m);
                Assert.Equal(month.Gross, run.GetProperty("montant_brut").GetDecimal());
                Assert.Equal(month.Eligible, run.GetProperty("eligible").GetBoolean());
                Assert.Equal(month.Retained, run.GetProperty("mesures_retenues").EnumerateArray().Select(e => e.GetString()));
            }
        }
        Assert.Equal(r.Period.Months(), covered);
        Assert.True(root.GetProperty("mois").GetArrayLength() < 76, "des mois semblables doivent être groupés");
        Assert.Equal(r.Total, root.GetProperty("total_brut").GetDecimal());
    }

    [Fact]
    public void EveryTextId_ResolvesInTheTable_AndEveryTextOfTheTableIsCited()
    {
        var json = CompactJsonReport.Write(Evaluate(Nurse, Long), ExplanationLevel.Full);
        using var doc = JsonDocument.Parse(json);
        var table = doc.RootElement.GetProperty("textes");
        var cited = new HashSet<string>();
        void Walk(JsonElement e)
        {
            if (e.ValueKind == JsonValueKind.Object)
            {
                foreach (var p in e.EnumerateObject())
                {
                    if (p.Name == "textes" && p.Value.ValueKind == JsonValueKind.Array)
                        foreach (var t in p.Value.EnumerateArray()) cited.Add(t.GetProperty("id").GetString()!);
                    else Walk(p.Value);
                }
            }
            else if (e.ValueKind == JsonValueKind.Array) foreach (var x in e.EnumerateArray()) Walk(x);
        }
        Walk(doc.RootElement.GetProperty("mois"));
        Assert.NotEmpty(cited);
        Assert.Equal(cited.Order(), table.EnumerateObject().Select(p => p.Name).Order());
        foreach (var t in table.EnumerateObject())
        {
            Assert.StartsWith("https://", t.Value.GetProperty("url").GetString());
            Assert.False(string.IsNullOrEmpty(t.Value.GetProperty("titre").GetString()));
        }
        // The title of a text is written once, in the table.
        var title = table.GetProperty("decret-2020-1152").GetProperty("titre").GetString()!;
        Assert.Equal(1, CountOf(json, JsonSerializer.Serialize(title, new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping })));
    }

    [Fact]
    public void TheDecisiveReason_ComesFirst_AndNamesTheRunsMonths()
    {
        using var doc = JsonDocument.Parse(CompactJsonReport.Write(Evaluate(CafWorker, new MonthRange(new YearMonth(2024, 1), new YearMonth(2024, 12)))));
        var runs = doc.RootElement.GetProperty("mois");
        Assert.InRange(runs.GetArrayLength(), 1, 11);
        foreach (var r in runs.EnumerateArray())
        {
            Assert.Equal(["du", "au", "motif_decisif"], r.EnumerateObject().Take(3).Select(p => p.Name));
            Assert.False(r.GetProperty("eligible").GetBoolean());
            var motif = r.GetProperty("motif_decisif").GetString()!;
            Assert.DoesNotContain("\u00a7", motif);
            Assert.True(YearMonth.TryParse(r.GetProperty("du").GetString(), out var from));
            Assert.True(YearMonth.TryParse(r.GetProperty("au").GetString(), out var to));
            Assert.Contains(from == to ? Segur.Engine.Format.Month(from) : $"{Segur.Engine.Format.Month(from)} à {Segur.Engine.Format.Month(to)}", motif);
        }
        var run = runs[0];
        var ground = run.GetProperty("fondements")[0];
        Assert.Equal(["nature", "id", "libelle", "mesures", "champs", "textes"], ground.EnumerateObject().Select(p => p.Name).Take(6));
    }

    [Fact]
    public void OneMonth_OfOneRun_IsTheMonthsOwnSentence()
    {
        var r = Evaluate(Nurse, new MonthRange(new YearMonth(2024, 1), new YearMonth(2024, 1)));
        using var doc = JsonDocument.Parse(CompactJsonReport.Write(r));
        Assert.Equal(r.Months[0].Summary.Sentence, doc.RootElement.GetProperty("mois")[0].GetProperty("motif_decisif").GetString());
    }

    [Fact]
    public void Levels_AddDetail_AndTheSummaryStaysSmall()
    {
        var one = Evaluate(Nurse, new MonthRange(new YearMonth(2024, 1), new YearMonth(2024, 1)));
        var none = CompactJsonReport.Write(one, ExplanationLevel.None);
        var summary = CompactJsonReport.Write(one, ExplanationLevel.Summary);
        var full = CompactJsonReport.Write(one, ExplanationLevel.Full);
        Assert.DoesNotContain("motif_decisif", none);
        Assert.Contains("\"fondements\":", summary);
        Assert.DoesNotContain("\"criteres\":", summary);
        Assert.Contains("\"criteres\":", full);
        Assert.True(none.Length < summary.Length && summary.Length < full.Length);
        var longSummary = CompactJsonReport.Write(Evaluate(Nurse, Long), ExplanationLevel.Summary);
        Assert.True(longSummary.Length < 10 * summary.Length, $"76 mois : {longSummary.Length} octets pour {summary.Length} pour un mois");
    }

    [Fact]
    public void Report_IsReproducible_AndOneLine()
    {
        var a = CompactJsonReport.Write(Evaluate(Nurse, Long), ExplanationLevel.Full);
        var b = CompactJsonReport.Write(Evaluate(Nurse, Long), ExplanationLevel.Full);
        Assert.Equal(a, b);
        Assert.DoesNotContain('\n', a);
        Assert.Contains("Ségur", a); // accented letters are not escaped
    }

    private static int CountOf(string s, string part)
    {
        var n = 0;
        for (var i = s.IndexOf(part, StringComparison.Ordinal); i >= 0; i = s.IndexOf(part, i + part.Length, StringComparison.Ordinal)) n++;
        return n;
    }
}
