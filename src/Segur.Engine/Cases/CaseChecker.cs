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
        m.Uncertainties.Where(u => u.Confidence == Confidence.L).Select(u => u.Id)
            .Concat(m.Measures.Where(r => m.Retained.Contains(r.Measure.Id) && r.Uncertain).SelectMany(r => r.Notes.Where(n => n.StartsWith("[L]", StringComparison.Ordinal))))
            .Concat(m.Eligible ? [] : m.Measures.Where(r => r.Verdict == Verdict.Undetermined).Select(r => r.Measure.Id + " indéterminée (" + string.Join(", ", r.MissingFields) + ")"));

    /// <summary>"M4.lieu" must be a failed criterion (at any depth) of M4; "exclusion.x" a triggered exclusion of any measure.</summary>
    public static bool MotifShown(MonthResult month, string motif)
    {
        if (motif.StartsWith("exclusion.", StringComparison.Ordinal))
            return month.Measures.Any(r => r.Criteria.Any(c => c.Id == motif && c.Result == Tri.False));
        var dot = motif.IndexOf('.');
        if (dot < 0) return false;
        var measure = month.Measures.FirstOrDefault(r => r.Measure.Id == motif[..dot]);
        return measure is not null && Failed(measure.Criteria, motif[(dot + 1)..]);
    }

    private static bool Failed(IEnumerable<CriterionResult> criteria, string id) =>
        criteria.Any(c => (c.Id == id && c.Result == Tri.False) || Failed(c.Children, id));
}
