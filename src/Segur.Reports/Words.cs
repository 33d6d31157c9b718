using Segur.Engine.Evaluation;
using Segur.Engine.Law;

using Segur.Engine;

namespace Segur.Reports;

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

    public static string Of(StepKind k) => k switch
    {
        StepKind.FullTime => "temps_plein",
        StepKind.WorkingTime => "temps_de_travail",
        StepKind.PartialMonth => "mois_incomplet",
        StepKind.SharedPost => "structures_eligibles",
        StepKind.ReducedPay => "traitement_maintenu",
        StepKind.Result => "montant",
        _ => throw new ArgumentOutOfRangeException(nameof(k)),
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
    public static IEnumerable<(ExclusionNode Exclusion, IReadOnlyList<string> Measures)> TriggeredExclusions(MonthResult month) =>
        month.Measures.SelectMany(x => x.TriggeredExclusions.Select(e => (Measure: x.Measure.Id, Node: e)))
            .GroupBy(p => p.Node.Exclusion.Id)
            .Select(g => (g.First().Node, (IReadOnlyList<string>)g.Select(p => p.Measure).ToList()));

    /// <summary>The external id of a criterion node in the output contract: an exclusion is « exclusion.ID ».</summary>
    public static string Id(CriterionNode c) => c is ExclusionNode e ? "exclusion." + e.Exclusion.Id : c.Name;

    /// <summary>
    /// The total of a period for people: the amount, or « au moins » the known amounts when a measure due
    /// has no known amount (never counted as zero), with the months and measures concerned.
    /// </summary>
    public static string Total(EvaluationResult r)
    {
        if (r.Total is { } t) return Format.Euros(t);
        var unknown = r.Months.Where(m => m.AmountUnknown)
            .SelectMany(m => m.Measures.Where(x => m.Retained.Contains(x.Measure.Id) && x.Amount is null).Select(x => x.Measure.Id))
            .Distinct().ToList();
        var months = r.UnknownAmountMonths;
        return $"au moins {Format.Euros(r.TotalAtLeast)} (montant inconnu {(months == 1 ? "pour 1 mois" : $"pour {months} mois")} : {string.Join(", ", unknown)} ; aucun texte ne fixe ce montant, il n'est pas compté)";
    }

    /// <summary>A caveat as one line of notes: « [M] text ».</summary>
    public static string Tagged(Caveat c) => $"[{c.Confidence}] {c.Text}";

    /// <summary>Measures worth showing: those of the worker's sector, those paid, and the closest one.</summary>
    public static IEnumerable<MeasureResult> Relevant(MonthResult month, bool all) =>
        all
            ? month.Measures
            : month.Measures.Where(r => r.Verdict != Verdict.NotEligible
                                        || month.Closest == r.Measure.Id
                                        || r.Criteria.Any(c => c is RuleNode { Id: "secteur", Result: Tri.True }));
}
