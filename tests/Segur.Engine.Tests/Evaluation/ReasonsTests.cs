using Segur.Engine.Evaluation;
using Segur.Engine.Time;

namespace Segur.Engine.Tests.Evaluation;

/// <summary>
/// The decisive reason (<see cref="Reasons.Summarize"/>) and the nearest measure (<see cref="Reasons.Nearest"/>) on
/// real profiles: the ground that decides, and the key words of the sentence, never a whole output.
/// </summary>
public class ReasonsTests
{
    private const string SocialWorkerTemplate = """{"employeur": {"secteur": "securite_sociale", "organisme": "BODY", "structure": "organisme_securite_sociale"}, "emploi": {"profession": "assistant_service_social", "statut": "salarie", "fonctions_socio_educatives_principales": true}}""";

    private static string SocialWorker(string body) => SocialWorkerTemplate.Replace("BODY", body);

    private const string Nurse = """{"employeur": {"secteur": "public", "versant": "FPH", "structure": "etablissement_public_sante"}, "emploi": {"profession": "infirmier", "statut": "titulaire"}}""";
    private const string CcasAgent = """{"employeur": {"secteur": "public", "versant": "FPT", "structure": "ccas_cias"}, "emploi": {"profession": "adjoint_administratif", "statut": "titulaire"}}""";
    private const string HomeHelp = """{"employeur": {"secteur": "prive_non_lucratif", "idcc": 2941, "structure": "saad", "champ_bass": false}, "emploi": {"profession": "aide_domicile", "statut": "salarie"}}""";
    private const string PmiDoctor = """{"employeur": {"secteur": "public", "versant": "FPT", "structure": "pmi"}, "emploi": {"profession": "medecin", "statut": "contractuel_droit_public"}}""";
    private const string NurseWithoutStatus = """{"employeur": {"secteur": "public", "versant": "FPH", "structure": "etablissement_public_sante"}, "emploi": {"profession": "infirmier"}}""";
    private const string CafWithoutBody = """{"employeur": {"secteur": "securite_sociale", "structure": "organisme_securite_sociale"}, "emploi": {"profession": "assistant_service_social", "statut": "salarie"}}""";
    private const string CroixRougeNurse = """{"employeur": {"secteur": "prive_non_lucratif", "idcc": 5502, "structure": "ehpad", "champ_bass": true, "adherent_axess": true}, "emploi": {"profession": "infirmier", "statut": "salarie"}}""";

    private static MonthResult Month(string json, int year = 2024, int month = 6) =>
        TestLaw.Evaluator.EvaluateMonth(TestLaw.Profile(json), new YearMonth(year, month));

    [Theory]
    [InlineData("CAF")]
    [InlineData("CARSAT")]
    [InlineData("MSA")]
    public void SocialWorkerOfACaisse_TheExclusionDecides_AndNothingIsNear(string body)
    {
        var m = Month(SocialWorker(body));
        var s = m.Summary;
        Assert.Equal(SummaryOutcome.NotDue, s.Outcome);
        var decisive = s.Grounds[0];
        Assert.Equal(GroundKind.Exclusion, decisive.Kind);
        Assert.Equal("exclusion.organismes-securite-sociale", decisive.Id);
        Assert.Contains("M4", decisive.Measures);
        Assert.DoesNotContain("M5-UGECAM", decisive.Measures);
        // The one or two measures the exclusion does not name are ruled out too, by what the profile says.
        Assert.Contains(s.Grounds.Skip(1), g => g.Covers.Contains("M5-UGECAM"));
        Assert.Equal(m.Measures.Count(r => r.Verdict == Verdict.NotEligible), s.Grounds.Sum(g => g.Covers.Count));
        Assert.StartsWith("Aucune mesure Ségur ne vous est due en juin 2024 : Organismes de sécurité sociale", s.Sentence);
        Assert.Contains("hors du champ de toutes les mesures", s.Sentence);
        Assert.Contains("Loi n° 2020-1576", s.Sentence);
        Assert.Contains("toutes les mesures Ségur sauf M5-UGECAM et MED", s.Sentence);
        Assert.Null(m.Nearest);
        Assert.Null(m.Closest);
        Assert.Contains("Aucune mesure Ségur n'est proche", s.Sentence);
        // The sentence names the exclusion and its text; why it applies comes with the ground, not in the sentence.
        var description = TestLaw.Law.Exclusions.First(e => e.Id == "organismes-securite-sociale").Description!;
        Assert.Equal(description, decisive.Explanation);
        Assert.DoesNotContain(description.Trim().TrimEnd('.'), s.Sentence);
        Assert.All(s.Grounds.Skip(1), g => Assert.Null(g.Explanation));
    }

    [Fact]
    public void CafWorkerWithoutTheBody_TheBodyIsTheFactThatDecidesTheReason()
    {
        var m = Month(CafWithoutBody);
        var open = Assert.Single(m.Open);
        Assert.Equal("employeur.organisme", open.Field.Name);
        Assert.False(open.DecidesVerdict);
        Assert.Contains("organismes-securite-sociale", open.Exclusions);
        Assert.Contains("Il manque votre organisme", m.Summary.Sentence);
        Assert.NotEqual("M4", m.Closest);
    }

    [Fact]
    public void HospitalNurse_TheMeasureDue_WithItsAmountFormAndText()
    {
        var s = Month(Nurse).Summary;
        Assert.Equal(SummaryOutcome.Due, s.Outcome);
        var due = Assert.Single(s.Due);
        Assert.Equal("M1", due.Measure.Id);
        Assert.Equal(241.22m, due.Amount);
        Assert.Equal("decret-2020-1152", due.Citations[0].Text.Id);
        Assert.Empty(s.Grounds);
        Assert.StartsWith("En juin 2024, vous avez droit à M1", s.Sentence);
        Assert.Contains("241,22 € brut par mois", s.Sentence);
        Assert.Contains("complément de traitement indiciaire", s.Sentence);
        Assert.Contains("Décret n° 2020-1152", s.Sentence);
    }

    [Fact]
    public void CcasAdministrativeAgent_TheWorkplaceDecides_AndM1IsOneChangeAway()
    {
        var m = Month(CcasAgent);
        var s = m.Summary;
        var decisive = s.Grounds[0];
        Assert.Equal(GroundKind.Criterion, decisive.Kind);
        Assert.Equal(["employeur.structure"], decisive.Fields.Select(f => f.Name));
        Assert.Contains("M1", decisive.Measures);
        Assert.Contains(s.Grounds, g => g.Covers.Contains("M4") && g.Fields.Any(f => f.Name == "emploi.profession"));
        Assert.Contains("ne visent pas votre structure « CCAS ou CIAS »", s.Sentence);
        // The nearest measure is one change of fact away, and the kernel checked that change.
        var nearest = Assert.IsType<NearestMeasure>(m.Nearest);
        var change = Assert.Single(nearest.Changes);
        Assert.Equal("employeur.structure", change.Field.Name);
        Assert.False(change.Missing);
        Assert.Contains(change.Values, v => change.Field.Values[v] == "ehpad");
        Assert.Contains("Mesure la plus proche : " + nearest.Measure.Id, s.Sentence);
    }

    [Fact]
    public void HomeHelpWorkerOfTheBad_NothingSegurIsNear_AndTheAvenant43IsShown()
    {
        var m = Month(HomeHelp);
        Assert.Null(m.Nearest);
        Assert.Null(m.Closest);
        var s = m.Summary;
        Assert.Equal("exclusion.autres-branches", s.Grounds[0].Id);
        Assert.Equal(["M7", "M8", "M9"], s.Grounds[0].Measures);
        Assert.Contains(s.Informations, i => i.Id == "avenant-43-bad");
        Assert.Contains("Aucune mesure Ségur n'est proche de votre situation ; à savoir : Aide à domicile (BAD) : revalorisation par l'avenant 43", s.Sentence);
        Assert.DoesNotContain("M5-FEHAP", s.Sentence.Split("Les autres")[0]);
    }

    [Fact]
    public void PmiDoctor_TheDeliberationIsMissing_AndWhatItWouldDecide()
    {
        var m = Month(PmiDoctor);
        var s = m.Summary;
        Assert.Equal(SummaryOutcome.Undetermined, s.Outcome);
        var open = s.Open.First();
        Assert.Equal("employeur.deliberation_prime_medecins", open.Field.Name);
        Assert.Equal(["MED"], open.Measures);
        var yes = Assert.Single(open.Outcomes, o => o.Due.Count > 0);
        Assert.Equal("MED", yes.Due[0].Measure.Id);
        Assert.Equal(517.00m, yes.Due[0].FullTime);
        Assert.Equal("MED", m.Closest);
        Assert.True(m.Nearest!.OnlyMissing);
        Assert.StartsWith("Peut-être", s.Sentence);
        Assert.Contains("517,00 €", s.Sentence);
        Assert.Contains("« oui »", s.Sentence);
    }

    [Fact]
    public void NurseWithoutStatus_TheStatusIsMissing_AndTheValuesThatOpenM1AreNamed()
    {
        var m = Month(NurseWithoutStatus);
        var s = m.Summary;
        Assert.Equal(SummaryOutcome.Undetermined, s.Outcome);
        var open = Assert.Single(s.Open);
        Assert.Equal("emploi.statut", open.Field.Name);
        Assert.Equal(1, open.Settles);
        var opening = Assert.Single(open.Outcomes, o => o.Due.Count > 0);
        Assert.Contains(opening.Values, v => open.Field.Values[v] == "titulaire");
        Assert.DoesNotContain(opening.Values, v => open.Field.Values[v] == "salarie");
        Assert.Equal("M1", m.Closest);
        Assert.Contains("« Fonctionnaire titulaire »", s.Sentence);
        Assert.Contains("241,22 € brut par mois à temps plein", s.Sentence);
    }

    [Fact]
    public void CroixRougeNurse_UnknownAmount_IsSaidAndNeverZero()
    {
        var r = TestLaw.Evaluator.Evaluate(TestLaw.Profile(CroixRougeNurse), new MonthRange(new YearMonth(2024, 1), new YearMonth(2024, 3)));
        var s = r.Months[0].Summary;
        var due = Assert.Single(s.Due);
        Assert.Equal("M5-CROIX-ROUGE", due.Measure.Id);
        Assert.Null(due.Amount);
        Assert.Contains("est inconnu", s.Sentence);
        Assert.Null(r.Total);
        Assert.Equal(0m, r.TotalAtLeast);
        Assert.Equal(3, r.UnknownAmountMonths);
    }

    [Fact]
    public void BeforeTheFirstMeasure_ThePeriodDecides()
    {
        var s = Month(Nurse, 2020, 8).Summary;
        var g = Assert.Single(s.Grounds);
        Assert.Equal(GroundKind.Period, g.Kind);
        Assert.Contains("ne s'appliquent pas en août 2020", s.Sentence);
    }
}
