using Segur.Engine.Evaluation;
using Segur.Engine.Profiles;
using Segur.Engine.Time;

namespace Segur.Reports.Tests;

/// <summary>
/// The class memo of the explained evaluation (<see cref="DecisionCache"/>, keyed on <see cref="Kernel.ClassFields"/>):
/// profiles of one class share the decision, get their own amounts, and every report is the one written without a memo.
/// </summary>
public class ClassMemoTests
{
    private static readonly MonthRange Period = new(new YearMonth(2020, 9), new YearMonth(2024, 12));

    private static Profile Nurse(string work, string structure = "etablissement_public_sante") => TestLaw.Profile(
        $$$"""{"employeur": {"secteur": "public", "versant": "FPH", "structure": "{{{structure}}}", "departement": "69"}, "emploi": {"profession": "infirmier", "statut": "titulaire"{{{work}}}}}""");

    private const string Half = """, "quotite": 0.5""";

    private static readonly string[] Works =
    [
        "", """, "quotite": 0.5""", """, "quotite": 0.8, "temps_partiel": true""", """, "quotite": 0.9, "temps_partiel": false""",
        """, "entree": "2021-03-16", "sortie": "2023-07-10" """, """, "part_temps_structures_eligibles": 0.6, "fraction_traitement": 0.5""",
    ];

    private static IEnumerable<Profile> Profiles() =>
        Works.Select(w => Nurse(w)).Concat(Works.Take(2).Select(w => Nurse(w, "ehpad")))
            .Append(TestLaw.Profile("""{"employeur": {"secteur": "securite_sociale", "organisme": "CAF", "idcc": 218, "structure": "organisme_securite_sociale"}, "emploi": {"profession": "assistant_service_social", "statut": "salarie", "fonctions_socio_educatives_principales": true, "quotite": 0.7}}"""));

    [Fact]
    public void ProfilesOfOneClass_ShareTheDecision_ButGetTheirOwnAmounts()
    {
        var cache = new DecisionCache();
        var memo = new Evaluator(TestLaw.Law, cache);
        var month = new YearMonth(2022, 6);
        var full = memo.EvaluateMonth(Nurse(""), month);
        var half = memo.EvaluateMonth(Nurse(Half), month);
        Assert.Equal(1, cache.Count);
        Assert.Equal(2, cache.Months);
        Assert.True(full.Eligible);
        var paid = full.Measures.Single(m => m.Measure.Id == full.Retained[0]);
        var paidHalf = half.Measures.Single(m => m.Measure.Id == full.Retained[0]);
        // The same verdict, by the same criteria trees (computed once), and a different amount.
        Assert.Same(paid.Criteria[0], paidHalf.Criteria[0]);
        Assert.Equal(paid.Verdict, paidHalf.Verdict);
        Assert.NotEqual(full.Gross, half.Gross);
        Assert.InRange(Math.Abs(half.Gross!.Value * 2 - full.Gross!.Value), 0m, 0.01m);
        Assert.Equal(new Evaluator(TestLaw.Law).EvaluateMonth(Nurse(Half), month).Gross, half.Gross);
        Assert.Contains(paidHalf.Calculation, s => s.Kind == StepKind.WorkingTime);
        Assert.DoesNotContain(paid.Calculation, s => s.Kind == StepKind.WorkingTime);
        // A repeated profile is a lookup: the very month already finished.
        Assert.Same(half, memo.EvaluateMonth(Nurse(Half), month));
        Assert.Equal(2, cache.Months);
    }

    [Fact]
    public void MemoReports_AreByteForByteThoseWithoutMemo()
    {
        var memo = new Evaluator(TestLaw.Law, new DecisionCache());
        foreach (var p in Profiles().Concat(Profiles()))
        {
            var alone = TestLaw.Evaluator.Evaluate(p, Period);
            var shared = memo.Evaluate(p, Period);
            Assert.Equal(JsonReport.Write(alone), JsonReport.Write(shared));
            Assert.Equal(CompactJsonReport.Write(alone, ExplanationLevel.Full), CompactJsonReport.Write(shared, ExplanationLevel.Full));
            Assert.Equal(TextReport.Write(alone, detail: true), TextReport.Write(shared, detail: true));
        }
    }

    [Fact]
    public void Memo_StaysBounded()
    {
        var cache = new DecisionCache(capacity: 8);
        var memo = new Evaluator(TestLaw.Law, cache);
        var most = 0;
        foreach (var p in Profiles())
        {
            foreach (var m in Period.Months())
            {
                var month = memo.EvaluateMonth(p, m);
                Assert.Equal(JsonReport.Write(TestLaw.Evaluator.Evaluate(p, new MonthRange(m, m))), JsonReport.Write(memo.Evaluate(p, new MonthRange(m, m))));
                Assert.Same(month, memo.EvaluateMonth(p, m));
                most = Math.Max(most, Math.Max(cache.Count, cache.Months));
            }
        }
        Assert.InRange(most, 2, cache.Capacity);
    }
}
