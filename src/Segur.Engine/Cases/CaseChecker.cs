using Segur.Engine.Evaluation;
using Segur.Engine.Law;
using Segur.Engine.Profiles;

namespace Segur.Engine.Cases;

/// <summary>
/// Runs one legal case through the engine and lists, in French, every way the result differs from
/// what the case file expects (empty list: the case passes).
/// </summary>
public sealed class CaseChecker(Evaluator evaluator)
{
    private readonly ProfileReader _reader = new(evaluator.Law);

    public IReadOnlyList<string> Check(LegalCase c)
    {
        var problems = new List<string>();
        var profile = _reader.Read(c.Profile, $"{c.File} (cas {c.Id})");
        var month = evaluator.EvaluateMonth(profile, c.Month, c.LawAsOf);
        var e = c.Expected;
        if (month.Eligible != e.Eligible)
            problems.Add($"éligibilité : attendu {(e.Eligible ? "éligible" : "non éligible")}, obtenu {(month.Eligible ? "éligible (" + string.Join(", ", month.Retained) + ")" : "non éligible")}");
        if (e.Measure is not null && !month.Retained.Contains(e.Measure))
            problems.Add($"mesure : attendu {e.Measure}, obtenu {(month.Retained.Count == 0 ? "aucune" : string.Join(", ", month.Retained))}");
        if (e.GrossKnown && month.Gross != e.Gross)
            problems.Add($"montant brut : attendu {e.Gross}, obtenu {(month.Gross is null ? "inconnu" : month.Gross.Value.ToString(System.Globalization.CultureInfo.InvariantCulture))}");
        if (!e.GrossKnown && e.Eligible && month.Gross is not null)
            problems.Add($"montant brut : attendu inconnu, obtenu {month.Gross}");
        foreach (var motif in e.Motifs)
        {
            if (!MotifShown(month, motif)) problems.Add($"motif {motif} : attendu comme critère non rempli, absent de l'explication");
        }
        if (month.Uncertain != e.Uncertain)
            problems.Add($"incertitude : attendu {(e.Uncertain ? "incertain" : "certain")}, obtenu {(month.Uncertain ? "incertain (" + string.Join(" ; ", Reasons(month)) + ")" : "certain")}");
        return problems;
    }

    private static IEnumerable<string> Reasons(MonthResult m) =>
        m.Uncertainties.Where(u => u.Confidence != Confidence.H).Select(u => $"{u.Id} [{u.Confidence}]")
            .Concat(m.Measures.Where(r => m.Retained.Contains(r.Measure.Id)).SelectMany(r => r.Caveats).Select(c => $"[{c.Confidence}] {c.Text}"))
            .Concat(m.Eligible ? [] : m.Measures.Where(r => r.Verdict == Verdict.Undetermined).Select(r => r.Measure.Id + " indéterminée (" + string.Join(", ", r.MissingFields) + ")"))
            .Concat(m.Eligible ? [] : m.Measures.Where(r => r.Verdict == Verdict.NotEligible && r.Uncertain).Select(r => $"{r.Measure.Id} écartée sur un fondement noté {r.Confidence}"));

    /// <summary>A criterion motif must be a failed criterion (at any depth) of its measure; an exclusion motif a triggered exclusion of any measure.</summary>
    public static bool MotifShown(MonthResult month, Motif motif)
    {
        if (motif.Kind == MotifKind.Exclusion)
            return month.Measures.Any(r => r.TriggeredExclusions.Any(e => e.Exclusion.Id == motif.Id));
        var measure = month.Measures.FirstOrDefault(r => r.Measure.Id == motif.Measure);
        return measure is not null && Failed(measure.Criteria, motif.Id);
    }

    private static bool Failed(IEnumerable<CriterionNode> criteria, string id) =>
        criteria.Any(c => (c is not ExclusionNode && c.Name == id && c.Result == Tri.False) || Failed(c.Children, id));
}
