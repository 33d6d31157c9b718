using Segur.Engine.Cases;
using Segur.Engine.Time;

namespace Segur.Engine.Tests.Evaluation;

/// <summary>The lean schedule used by batches must agree with the explained evaluation.</summary>
public class MonthScheduleTests
{
    [Fact]
    public void Schedule_AgreesWithExplainedEvaluation_OnEveryCaseProfileAndMonth()
    {
        var cases = CaseFileReader.ReadDirectory(Path.Combine(TestLaw.Legislation, "cases"));
        var range = new MonthRange(new YearMonth(2020, 8), new YearMonth(2026, 12));
        var checkedMonths = 0;
        foreach (var c in cases.DistinctBy(c => c.Profile.ToJsonString() + c.LawAsOf))
        {
            var p = TestLaw.Reader.Read(c.Profile, c.Id);
            foreach (var month in range.Months())
            {
                var full = TestLaw.Evaluator.EvaluateMonth(p, month, c.LawAsOf);
                var lean = TestLaw.Evaluator.Schedule(p.Codes, month, c.LawAsOf);
                if (Segur.Engine.Evaluation.Proration.Thirtieths(p.Entree, p.Sortie, month) == 0)
                {
                    Assert.Empty(full.Retained); // employment dates are applied per row by the batch engine
                    continue;
                }
                var leanIds = lean.Paid.Select(x => TestLaw.Law.Measures[x.MeasureIndex].Id).ToList();
                Assert.True(full.Retained.SequenceEqual(leanIds), $"{c.Id} {month}: {string.Join(",", full.Retained)} ≠ {string.Join(",", leanIds)}");
                if (p.Quotite == 1m && p.Entree is null && p.Sortie is null && p.PartStructuresEligibles == 1m && p.FractionTraitement == 1m)
                {
                    decimal? gross = 0m;
                    foreach (var x in lean.Paid) gross = gross is null || x.FullTime is null ? null : gross + Math.Round(x.FullTime.Value, 2, MidpointRounding.AwayFromZero);
                    Assert.Equal(full.Gross, gross);
                    Assert.True(full.Uncertain == lean.Uncertain, $"{c.Id} {month}: incertain {full.Uncertain} ≠ {lean.Uncertain}");
                }
                checkedMonths++;
            }
        }
        Assert.True(checkedMonths > 5000);
    }
}
