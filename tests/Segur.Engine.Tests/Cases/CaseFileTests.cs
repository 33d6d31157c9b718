using Segur.Engine.Cases;

namespace Segur.Engine.Tests.Cases;

/// <summary>Every legal case of <c>legislation/cases/</c> runs here, one test row per case.</summary>
public class CaseFileTests
{
    private static readonly Lazy<IReadOnlyList<LegalCase>> All = new(() => CaseFileReader.ReadDirectory(Path.Combine(TestLaw.Legislation, "cases")));

    public static TheoryData<string> CaseIds()
    {
        var data = new TheoryData<string>();
        foreach (var c in All.Value) data.Add(c.Id);
        return data;
    }

    [Theory]
    [MemberData(nameof(CaseIds))]
    public void LegalCase_MatchesExpectedVerdictAmountAndReasons(string id)
    {
        var c = All.Value.Single(x => x.Id == id);
        var problems = new CaseChecker(TestLaw.Evaluator).Check(c);
        Assert.True(problems.Count == 0, $"{c.File}:{c.Line} {c.Id} « {c.Title} »\n  - " + string.Join("\n  - ", problems));
    }

    [Fact]
    public void CaseFiles_AreNumerousAndCoverEveryMeasureAndExclusion()
    {
        var cases = All.Value;
        Assert.True(cases.Count >= 80, $"{cases.Count} cas seulement");
        foreach (var m in TestLaw.Law.Measures)
        {
            Assert.True(cases.Any(c => c.Expected.Measure == m.Id || c.Expected.Motifs.Any(x => x.Measure == m.Id)),
                $"aucun cas ne porte sur la mesure {m.Id}");
        }
        foreach (var e in TestLaw.Law.Exclusions)
            Assert.Contains(cases, c => c.Expected.Motifs.Contains(new Motif(MotifKind.Exclusion, null, e.Id)));
    }
}
