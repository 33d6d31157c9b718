using Segur.Engine.Time;

namespace Segur.Reports.Tests;

/// <summary>The French text report.</summary>
public class TextReportTests
{
    private const string HomeHelp = """
        {"employeur": {"secteur": "prive_non_lucratif", "structure": "saad", "idcc": 2941, "champ_bass": false},
         "emploi": {"profession": "aide_domicile", "statut": "salarie", "quotite": 1}}
        """;

    [Fact]
    public void HomeHelpWorker_IsToldOfTheAvenant43_InTextAndJson_WhenNothingIsDue()
    {
        var evaluation = TestLaw.Evaluator.Evaluate(TestLaw.Profile(HomeHelp), new MonthRange(new YearMonth(2022, 1), new YearMonth(2022, 1)));
        Assert.False(evaluation.Months[0].Eligible);
        var info = Assert.Single(evaluation.Months[0].Informations, i => i.Id == "avenant-43-bad");
        Assert.Contains($"ℹ {info.Title} : {info.Note}", TextReport.Write(evaluation));
        var json = JsonReport.Write(evaluation);
        Assert.Contains("\"informations\": [", json);
        Assert.Contains("\"id\": \"avenant-43-bad\"", json);
    }

    [Fact]
    public void PartTimeNurse_ShowsTheStatuteFraction_AndNoUnroundedIntermediate()
    {
        var nurse = TestLaw.Profile("""
            {"employeur": {"secteur": "public", "versant": "FPH", "structure": "etablissement_public_sante"},
             "emploi": {"profession": "infirmier", "statut": "titulaire", "quotite": 0.8, "temps_partiel": true}}
            """);
        var text = TextReport.Write(TestLaw.Evaluator.Evaluate(nurse, new MonthRange(new YearMonth(2024, 1), new YearMonth(2024, 1))));
        Assert.Contains("× temps partiel à 80 % : 6/7 du traitement", text);
        Assert.Contains("= 206,76 € brut", text);
        Assert.Contains("241,2164 €", text);
        Assert.DoesNotContain("241,216383", text);
    }

    [Fact]
    public void CafSocialWorker_TheShortReasonNamesTheExclusion_AndItsGroundSaysWhy()
    {
        var worker = TestLaw.Profile("""
            {"employeur": {"secteur": "securite_sociale", "organisme": "CAF", "structure": "organisme_securite_sociale"},
             "emploi": {"profession": "assistant_service_social", "statut": "salarie"}}
            """);
        var text = TextReport.Write(TestLaw.Evaluator.Evaluate(worker, new MonthRange(new YearMonth(2024, 1), new YearMonth(2024, 1))));
        var description = TestLaw.Law.Exclusions.First(e => e.Id == "organismes-securite-sociale").Description!;
        var brief = text.Split('\n').Single(l => l.StartsWith("En bref", StringComparison.Ordinal));
        Assert.Contains("Organismes de sécurité sociale", brief);
        Assert.DoesNotContain("UCANSS", brief);
        var motif = text.IndexOf("  Motif : Organismes de sécurité sociale", StringComparison.Ordinal);
        Assert.True(motif >= 0);
        Assert.Contains("    " + description + "\n", text[motif..]);
    }
}
