using System.Text.Json;
using Segur.Engine.Time;

namespace Segur.Reports.Tests;

/// <summary>What an employer still owes, and the letter that asks for it: amounts from the engine only.</summary>
public class ArrearsLetterTests
{
    private const string Nurse = """{"employeur": {"secteur": "public", "versant": "FPH", "structure": "etablissement_public_sante"}, "emploi": {"profession": "infirmier", "statut": "titulaire"}}""";
    private const string CroixRougeNurse = """{"employeur": {"secteur": "prive_non_lucratif", "idcc": 5502, "structure": "ehpad", "champ_bass": true, "adherent_axess": true}, "emploi": {"profession": "infirmier", "statut": "salarie"}}""";

    private static Engine.Evaluation.EvaluationResult Evaluate(string json, YearMonth paidFrom) =>
        TestLaw.Evaluator.Evaluate(TestLaw.Profile(json), new MonthRange(new YearMonth(2020, 9), new YearMonth(2023, 12)), null, paidFrom);

    [Fact]
    public void NursePaidFromJanuary2022_IsOwedTheMonthsBefore_WithTheDecree()
    {
        var r = Evaluate(Nurse, new YearMonth(2022, 1));
        var owed = r.Arrears!;
        Assert.Equal(16, owed.Months.Count);
        Assert.Equal(new YearMonth(2020, 9), owed.Months[0].Month.Month);
        Assert.Equal(new YearMonth(2021, 12), owed.Months[^1].Month.Month);
        Assert.Equal(r.Months.Where(m => m.Month < new YearMonth(2022, 1)).Sum(m => m.Gross), owed.Total);
        Assert.Contains(owed.Citations, c => c.Text.Id == "decret-2020-1152");
        var text = TextReport.Write(r);
        Assert.Contains("Sommes restant dues (versement effectif à partir de janvier 2022)", text);
        Assert.Contains("Total restant dû : " + Engine.Format.Euros(owed.Total!.Value), text);
        var letter = ArrearsLetter.Document(r, owed);
        Assert.Contains("Objet : demande de régularisation — M1", letter);
        Assert.Contains("Décret n° 2020-1152", letter);
        Assert.Contains("septembre 2020 à décembre 2021", letter);
        Assert.Contains("@page", letter);
        using var json = JsonDocument.Parse(JsonReport.Write(r));
        var rappel = json.RootElement.GetProperty("rappel");
        Assert.Equal("2022-01", rappel.GetProperty("verse_depuis").GetString());
        Assert.Equal(owed.Total, rappel.GetProperty("total_brut").GetDecimal());
        Assert.Equal(16, rappel.GetProperty("mois").GetArrayLength());
    }

    [Fact]
    public void UnknownAmount_IsSaid_AndTheTotalIsAFloor()
    {
        var r = Evaluate(CroixRougeNurse, new YearMonth(2021, 1));
        var owed = r.Arrears!;
        Assert.Null(owed.Total);
        Assert.Equal(4, owed.UnknownAmountMonths);
        Assert.StartsWith("au moins 0,00 € brut", ArrearsLetter.Total(owed));
        Assert.Contains("Le montant de M5-CROIX-ROUGE n'est fixé par aucun texte", ArrearsLetter.Fragment(r, owed));
        Assert.Contains("* Ces mois reposent sur un point du droit", ArrearsLetter.Fragment(r, owed));
    }

    [Fact]
    public void WithoutPaidFrom_TheJsonSaysNoArrears()
    {
        var r = TestLaw.Evaluator.Evaluate(TestLaw.Profile(Nurse), new MonthRange(new YearMonth(2024, 1), new YearMonth(2024, 1)));
        using var json = JsonDocument.Parse(JsonReport.Write(r));
        Assert.Equal(JsonValueKind.Null, json.RootElement.GetProperty("rappel").ValueKind);
        Assert.StartsWith("En janvier 2024, vous avez droit à M1", json.RootElement.GetProperty("mois")[0].GetProperty("motif_decisif").GetString());
        Assert.Equal("mesure_due", json.RootElement.GetProperty("mois")[0].GetProperty("fondements")[0].GetProperty("nature").GetString());
    }
}
