using System.Text.Json;
using Segur.Engine.Evaluation;
using Segur.Engine.Law;
using Segur.Engine.Time;

namespace Segur.Engine.Tests.Evaluation;

public class EvaluatorTests
{
    private const string Nurse = """{"employeur": {"secteur": "public", "versant": "FPH", "structure": "etablissement_public_sante"}, "emploi": {"profession": "infirmier", "statut": "titulaire"}}""";
    private const string CafSocialWorker = """{"employeur": {"secteur": "securite_sociale", "organisme": "CAF", "idcc": 218, "structure": "organisme_securite_sociale"}, "emploi": {"profession": "assistant_service_social", "statut": "salarie", "fonctions_socio_educatives_principales": true}}""";
    private const string FptEhpadTechnician = """{"employeur": {"secteur": "public", "versant": "FPT", "structure": "ehpad"}, "emploi": {"profession": "agent_technique", "statut": "titulaire"}}""";

    private static MonthResult Month(string json, int year, int month, DateOnly? asOf = null) =>
        TestLaw.Evaluator.EvaluateMonth(TestLaw.Profile(json), new YearMonth(year, month), asOf);

    [Fact]
    public void Evaluate_HospitalNurse_FollowsPointAndSteps()
    {
        var r = TestLaw.Evaluator.Evaluate(TestLaw.Profile(Nurse), new MonthRange(new YearMonth(2020, 8), new YearMonth(2023, 7)));
        decimal? At(int y, int m) => r.Months.Single(x => x.Month == new YearMonth(y, m)).Gross;
        Assert.Equal(0m, At(2020, 8));
        Assert.Equal(112.46m, At(2020, 11));
        Assert.Equal(229.62m, At(2020, 12));
        Assert.Equal(237.65m, At(2022, 7));
        Assert.Equal(241.22m, At(2023, 7));
        Assert.All(r.Months.Where(m => m.Eligible), m => Assert.Equal(["M1"], m.Retained));
    }

    [Fact]
    public void Evaluate_CafSocialWorker_IsNotEligible_AndExplainsTheExclusion()
    {
        var m = Month(CafSocialWorker, 2024, 6);
        Assert.False(m.Eligible);
        Assert.Equal(0m, m.Gross);
        Assert.Null(m.Closest); // the exclusion rules out every measure that is near
        var m9 = m.Measures.Single(x => x.Measure.Id == "M9");
        var exclusion = m9.Criteria.OfType<ExclusionNode>().Single(c => c.Exclusion.Id == "organismes-securite-sociale");
        Assert.Equal(Tri.True, exclusion.Applies);
        Assert.Equal(Tri.False, exclusion.Result);
        Assert.NotEmpty(exclusion.Citations);
        Assert.All(exclusion.Citations, c => Assert.StartsWith("http", c.Text.Url));
    }

    [Fact]
    public void Evaluate_TenuredHospitalNurse_IsNotCalledAPraticienHospitalier()
    {
        // The doctors' prime exclusion of tenured praticiens hospitaliers is about doctors: a tenured FPH nurse
        // misses the prime because she is not a doctor, and must not be told she is excluded as a PH.
        var med = Month(Nurse, 2024, 1).Measures.Single(x => x.Measure.Id == "MED");
        Assert.DoesNotContain(med.TriggeredExclusions, e => e.Exclusion.Id == "praticiens-hospitaliers-prime-medecins");
        const string TenuredDoctor = """{"employeur": {"secteur": "public", "versant": "FPH", "structure": "mas", "rattachement_eps_ou_ehpad": false, "financement_assurance_maladie": true}, "emploi": {"profession": "medecin", "statut": "titulaire"}}""";
        var doctor = Month(TenuredDoctor, 2024, 1).Measures.Single(x => x.Measure.Id == "MED");
        Assert.Contains(doctor.TriggeredExclusions, e => e.Exclusion.Id == "praticiens-hospitaliers-prime-medecins");
    }

    [Fact]
    public void DroitAu_RetroactiveDecreeNotYetPublished_IsNotApplied()
    {
        Assert.False(Month(FptEhpadTechnician, 2020, 10, new DateOnly(2021, 1, 31)).Eligible);
        var after = Month(FptEhpadTechnician, 2020, 10, new DateOnly(2021, 3, 1));
        Assert.True(after.Eligible);
        Assert.Equal(112.46m, after.Gross);
        var today = Month(FptEhpadTechnician, 2020, 10);
        var lieu = today.Measures.Single(x => x.Measure.Id == "M1").Criteria.OfType<InForceNode>().Single();
        Assert.Equal(Tri.True, lieu.Result);
    }

    [Fact]
    public void DroitAu_PointValueNotYetRaised_KeepsTheValueThenPublished()
    {
        // On 1 January 2023 the July 2023 point increase was not published: 49 points were worth 237.65.
        Assert.Equal(237.65m, Month(Nurse, 2023, 9, new DateOnly(2023, 1, 1)).Gross);
        Assert.Equal(241.22m, Month(Nurse, 2023, 9).Gross);
    }

    [Fact]
    public void MissingDecisiveField_GivesUndeterminedMeasure_AndNamesTheField()
    {
        const string educator = """{"employeur": {"secteur": "public", "versant": "FPH", "structure": "ime", "rattachement_eps_ou_ehpad": false}, "emploi": {"profession": "educateur_specialise", "statut": "titulaire"}}""";
        var m = Month(educator, 2023, 1);
        Assert.False(m.Eligible);
        Assert.True(m.Uncertain);
        var m4 = m.Measures.Single(x => x.Measure.Id == "M4");
        Assert.Equal(Verdict.Undetermined, m4.Verdict);
        Assert.Contains("emploi.fonctions_socio_educatives_principales", m4.MissingFields);
    }

    [Fact]
    public void TwoMeasuresOfOneFamily_OnlyThePriorityOneIsPaid()
    {
        const string fehapEducator = """{"employeur": {"secteur": "prive_non_lucratif", "idcc": 29, "champ_bass": true, "adherent_axess": true, "structure": "ehpad"}, "emploi": {"profession": "educateur_specialise", "statut": "salarie", "fonctions_socio_educatives_principales": true}}""";
        var m = Month(fehapEducator, 2022, 5);
        Assert.Equal(["M5-FEHAP"], m.Retained);
        Assert.Equal(238.00m, m.Gross);
        var m8 = m.Measures.Single(x => x.Measure.Id == "M8");
        Assert.Equal(Verdict.Superseded, m8.Verdict);
        Assert.Equal("M5-FEHAP", m8.SupersededBy);
        Assert.Equal(0m, m8.Amount);
    }

    [Fact]
    public void PartTime80_FollowsTheTraitementRatio_AndFlagsTheReading()
    {
        const string partTime = """{"employeur": {"secteur": "public", "versant": "FPH", "structure": "etablissement_public_sante"}, "emploi": {"profession": "infirmier", "statut": "titulaire", "quotite": 0.8, "temps_partiel": true}}""";
        const string notComplete = """{"employeur": {"secteur": "public", "versant": "FPH", "structure": "etablissement_public_sante"}, "emploi": {"profession": "infirmier", "statut": "titulaire", "quotite": 0.8, "temps_partiel": false}}""";
        var m = Month(partTime, 2024, 1);
        Assert.Equal(206.76m, m.Gross);
        Assert.True(m.Uncertain);
        Assert.Equal(192.97m, Month(notComplete, 2024, 1).Gross);
    }

}
