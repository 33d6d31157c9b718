using Segur.Engine.Cases;
using Segur.Engine.Evaluation;
using Segur.Engine.Law;
using Segur.Engine.Time;

namespace Segur.Engine.Tests.Evaluation;

/// <summary>
/// One kernel, two traces: deciding without explanation (as batches do, with early exits) must give exactly
/// the verdicts, amounts and grades of the explained evaluation.
/// </summary>
public class KernelTests
{
    [Fact]
    public void Decide_WithoutTrace_AgreesWithTheExplainedEvaluation_OnEveryCaseProfileAndMonth()
    {
        var cases = CaseFileReader.ReadDirectory(Path.Combine(TestLaw.Legislation, "cases"));
        var range = new MonthRange(new YearMonth(2020, 8), new YearMonth(2026, 12));
        var kernel = TestLaw.Evaluator.Kernel;
        var checkedMonths = 0;
        foreach (var c in cases.DistinctBy(c => c.Profile.ToJsonString() + c.LawAsOf))
        {
            var p = TestLaw.Reader.Read(c.Profile, c.Id);
            var facts = new WorkFacts(p.Quotite, p.TempsPartiel, p.PartStructuresEligibles, p.FractionTraitement);
            foreach (var month in range.Months())
            {
                var full = TestLaw.Evaluator.EvaluateMonth(p, month, c.LawAsOf);
                var thirtieths = p.Entree is null && p.Sortie is null ? -1 : Proration.Thirtieths(p.Entree, p.Sortie, month);
                var trace = new NoTrace();
                var lean = kernel.Decide(p.Codes, thirtieths, month, c.LawAsOf, ref trace);
                var leanIds = lean.Paid.Select(x => TestLaw.Law.Measures[x.MeasureIndex].Id).ToList();
                Assert.True(full.Retained.SequenceEqual(leanIds), $"{c.Id} {month}: {string.Join(",", full.Retained)} ≠ {string.Join(",", leanIds)}");
                Assert.Equal(full.Measures.Select(m => m.Verdict), lean.Verdicts);
                decimal? gross = 0m;
                var confidence = lean.Confidence;
                foreach (var x in lean.Paid)
                {
                    var factor = Kernel.Factor(TestLaw.Law.Measures[x.MeasureIndex], x.MeasureIndex, month, facts, thirtieths, ref trace, out var pc);
                    if (x.FullTime is not null) confidence = Kernel.Weakest(confidence, pc);
                    gross = gross is null || x.FullTime is null ? null : gross + Kernel.ToCent(x.FullTime.Value * factor);
                }
                Assert.Equal(full.Gross, gross);
                Assert.True(full.Confidence == confidence, $"{c.Id} {month}: confiance {full.Confidence} ≠ {confidence}");
                checkedMonths++;
            }
        }
        Assert.True(checkedMonths > 5000);
    }

    [Fact]
    public void Confidence_OfAFailedConjunction_IsItsStrongestFailure_AndOfAMetDisjunction_ItsStrongestPart()
    {
        // A CAF social worker: every measure but two is ruled out by the social security exclusion (H), the
        // others by their own criteria (H): nothing about the verdict is uncertain.
        var caf = TestLaw.Profile("""
            {"employeur": {"secteur": "securite_sociale", "organisme": "CAF", "structure": "organisme_securite_sociale"},
             "emploi": {"profession": "assistant_service_social", "statut": "salarie", "quotite": 1}}
            """);
        var m = TestLaw.Evaluator.EvaluateMonth(caf, new YearMonth(2024, 6));
        Assert.False(m.Eligible);
        Assert.All(m.Measures, r => Assert.Equal(Verdict.NotEligible, r.Verdict));
        Assert.Equal(Confidence.H, m.Confidence);
    }
}
