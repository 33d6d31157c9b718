using Segur.Engine.Evaluation;
using Segur.Engine.Law;

namespace Segur.Engine.Reports;

/// <summary>The French words of the output contract (docs/sortie-json.md).</summary>
public static class Words
{
    public static string Of(Verdict v) => v switch
    {
        Verdict.Eligible => "eligible",
        Verdict.NotEligible => "non_eligible",
        Verdict.Undetermined => "indetermine",
        Verdict.Superseded => "ecartee",
        _ => throw new ArgumentOutOfRangeException(nameof(v)),
    };

    public static string Of(Tri t) => t switch
    {
        Tri.True => "rempli",
        Tri.False => "non_rempli",
        _ => "indetermine",
    };

    public static string Human(Verdict v) => v switch
    {
        Verdict.Eligible => "due",
        Verdict.NotEligible => "non due",
        Verdict.Undetermined => "indéterminée",
        Verdict.Superseded => "écartée",
        _ => "",
    };

    /// <summary>Stated exclusions that apply this month, each with the measures it rules out.</summary>
    public static IEnumerable<(CriterionResult Exclusion, IReadOnlyList<string> Measures)> TriggeredExclusions(MonthResult month) =>
        month.Measures.SelectMany(x => x.Criteria.Select(c => (Measure: x.Measure.Id, Criterion: c)))
            .Where(p => p.Criterion.Id.StartsWith("exclusion.", StringComparison.Ordinal) && p.Criterion.Result == Tri.False)
            .GroupBy(p => p.Criterion.Id)
            .Select(g => (g.First().Criterion, (IReadOnlyList<string>)g.Select(p => p.Measure).ToList()));

    /// <summary>Measures worth showing: those of the worker's sector, those paid, and the closest one.</summary>
    public static IEnumerable<MeasureResult> Relevant(MonthResult month, bool all) =>
        all
            ? month.Measures
            : month.Measures.Where(r => r.Verdict != Verdict.NotEligible
                                        || month.Closest == r.Measure.Id
                                        || r.Criteria.Any(c => c.Id == "secteur" && c.Result == Tri.True));
}
