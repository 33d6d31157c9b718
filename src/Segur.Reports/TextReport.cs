using System.Text;
using Segur.Engine.Evaluation;
using Segur.Engine.Law;

using Segur.Engine;

namespace Segur.Reports;

/// <summary>
/// The French text report: the decisive reason of the last month first, a table of months grouped into
/// runs of identical outcome, the total (a floor when an amount is unknown), then for each distinct outcome
/// its summary with the grounds and their texts; with <c>detail</c>, the explanation criterion by criterion.
/// </summary>
public static class TextReport
{
    public static string Write(EvaluationResult r, bool allMeasures = false, bool detail = false)
    {
        var sb = new StringBuilder();
        var p = r.Profile;
        sb.Append("Profil").Append(p.Id is null ? "" : $" « {p.Id} »").Append(" : ").AppendLine(Describe(p));
        sb.Append("Période : ").AppendLine(r.Period.Count == 1 ? Format.Month(r.Period.Start) : $"{Format.Month(r.Period.Start)} à {Format.Month(r.Period.End)}");
        sb.Append("Droit appliqué : ").Append(r.LawAsOf is { } d ? $"tel que publié au {Format.Date(d)}" : "tel que connu à ce jour")
          .Append($" (législation {r.Legislation.Version}, empreinte {r.Legislation.Fingerprint[..12]})").AppendLine();
        sb.AppendLine();
        var last = r.Months[^1];
        sb.Append("En bref (").Append(Format.Month(last.Month)).Append(") : ").AppendLine(last.Summary.Sentence);
        sb.AppendLine();

        var runs = Runs(r.Months);
        sb.AppendLine("Mois                Mesure          Brut mensuel    Net estimé");
        foreach (var run in runs)
        {
            var first = run[0];
            var months = run.Count == 1 ? first.Month.ToString() : $"{first.Month} → {run[^1].Month}";
            var measure = first.Eligible ? string.Join("+", first.Retained) : "aucune";
            var gross = first.Gross is { } g ? Format.Euros(g) : "inconnu";
            var net = first.Eligible ? (first.NetEstimate is { } n ? "≈ " + Format.Euros(n) : "non estimé") : "";
            sb.Append(months.PadRight(20)).Append(measure.PadRight(16)).Append(gross.PadLeft(12)).Append("    ").Append(net);
            if (first.Uncertain) sb.Append("   (incertain)");
            sb.AppendLine();
        }
        sb.AppendLine();
        sb.Append("Total brut dû sur la période : ").AppendLine(Words.Total(r));
        var nets = r.Months.Where(m => m.Eligible).Select(m => m.NetBasis).Where(b => b is not null).Distinct().ToList();
        foreach (var b in nets) sb.Append("Net : ").AppendLine(b);
        if (r.Arrears is { } arrears)
        {
            sb.AppendLine();
            sb.Append(ArrearsLetter.Text(r, arrears));
        }

        foreach (var run in runs.GroupBy(Signature).Select(g => g.First()))
        {
            sb.AppendLine();
            Explain(sb, run, allMeasures, detail);
        }
        if (!detail)
        {
            sb.AppendLine();
            sb.AppendLine("Le détail critère par critère, avec le texte de chaque critère : segur verifier … --detail.");
        }
        return sb.ToString();
    }

    private static string Describe(Engine.Profiles.Profile p)
    {
        var parts = new List<string?>
        {
            p.Value("employeur.secteur"), p.Value("employeur.versant"), p.Value("employeur.organisme"),
            p.Value("employeur.structure"), p.Value("emploi.profession"), p.Value("emploi.statut"),
            p.Quotite == 1m ? "temps plein" : "quotité " + Format.Percent(p.Quotite),
        };
        return string.Join(", ", parts.Where(x => x is not null));
    }

    private static List<List<MonthResult>> Runs(IReadOnlyList<MonthResult> months)
    {
        var runs = new List<List<MonthResult>>();
        foreach (var m in months)
        {
            if (runs.Count > 0 && Signature(runs[^1]) == Signature([m]) && runs[^1][^1].Gross == m.Gross) runs[^1].Add(m);
            else runs.Add([m]);
        }
        return runs;
    }

    private static string Signature(List<MonthResult> run)
    {
        var m = run[0];
        var retained = m.Measures.Where(x => m.Retained.Contains(x.Measure.Id)).Select(x => x.Measure.Id + x.Form);
        var s = m.Summary;
        return string.Join("|", m.Eligible, string.Join(",", retained), m.Closest, string.Join(",", s.Grounds.Select(g => g.Key + ":" + string.Join("+", g.Measures))),
            string.Join(",", s.Open.Select(o => o.Field.Name)), m.Uncertain, m.Gross,
            string.Join(",", m.Uncertainties.Select(u => u.Id)), string.Join(",", m.Informations.Select(i => i.Id)));
    }

    private static void Explain(StringBuilder sb, List<MonthResult> run, bool all, bool detail)
    {
        var m = run[0];
        var span = run.Count == 1 ? Format.Month(m.Month) : $"{Format.Month(m.Month)} à {Format.Month(run[^1].Month)}";
        sb.Append("── Pourquoi (").Append(span).AppendLine(") ──");
        Summary(sb, m.Summary);
        if (detail) Detail(sb, m, all);
        else
        {
            foreach (var id in m.Retained) Calculation(sb, m.Measures.First(x => x.Measure.Id == id));
        }
        foreach (var i in m.Informations)
        {
            sb.Append("  ℹ ").Append(i.Title).Append(" : ").AppendLine(i.Note);
            foreach (var c in i.Citations) sb.Append("      ").AppendLine(Cite(c));
        }
        foreach (var u in m.Uncertainties)
        {
            sb.Append("  ⚠ [").Append(u.Confidence).Append("] ").Append(u.Title).Append(" : ").AppendLine(u.Note);
            foreach (var c in u.Citations) sb.Append("      ").AppendLine(Cite(c));
        }
    }

    /// <summary>Texts listed under a ground in the short report (all of them with <c>--detail</c>).</summary>
    private const int CitationsShown = 3;

    /// <summary>The summary: its sentences, then each ground with the measures it rules out and its texts.</summary>
    private static void Summary(StringBuilder sb, MonthSummary s)
    {
        sb.AppendLine(s.Sentence);
        foreach (var d in s.Due)
        {
            sb.Append("  Mesure due : ").Append(d.Measure.Id).Append(" — ").Append(d.Measure.Title).Append(" : ")
              .AppendLine(d.Amount is { } a ? Format.Euros(a) + " brut" : "montant inconnu");
            if (d.Result.Form is not null) sb.Append("    Forme : ").AppendLine(d.Result.Form);
            foreach (var c in d.Citations) sb.Append("      ").AppendLine(Cite(c));
        }
        foreach (var g in s.Grounds)
        {
            var measures = g == s.Grounds[0] ? g.Measures : g.Covers;
            sb.Append("  Motif : ").Append(g.Label).Append(" (").Append(measures.Count == 1 ? "mesure " : "mesures ").Append(string.Join(", ", measures)).AppendLine(")");
            if (g.Explanation is not null) sb.Append("    ").AppendLine(g.Explanation);
            foreach (var c in g.Citations.Take(CitationsShown)) sb.Append("      ").AppendLine(Cite(c));
            if (g.Citations.Count > CitationsShown) sb.Append("      … et ").Append(g.Citations.Count - CitationsShown).AppendLine(" autre(s) texte(s) (--detail)");
        }
        foreach (var o in s.Open)
        {
            sb.Append("  Information manquante : ").Append(o.Field.Label).Append(" (").Append(o.Field.Name).Append(") — ")
              .AppendLine(o.DecidesVerdict ? "décide de " + string.Join(", ", o.Measures) : "décide de l'exclusion " + string.Join(", ", o.Exclusions));
        }
    }

    private static void Calculation(StringBuilder sb, MeasureResult r)
    {
        foreach (var s in r.Calculation)
        {
            sb.Append("  Calcul : ").AppendLine(s.Label);
            foreach (var c in s.Citations) sb.Append("      ").AppendLine(Cite(c));
        }
        foreach (var n in r.Notes) sb.Append("  Note : ").AppendLine(n);
        foreach (var c in r.Caveats) sb.Append("  Réserve (confiance ").Append(c.Confidence).Append(") : ").AppendLine(c.Text);
    }

    /// <summary>The full explanation: each measure criterion by criterion (<c>--detail</c>).</summary>
    private static void Detail(StringBuilder sb, MonthResult m, bool all)
    {
        sb.AppendLine("  Détail critère par critère :");
        if (m.Eligible)
        {
            foreach (var id in m.Retained) Measure(sb, m.Measures.First(x => x.Measure.Id == id), detailed: true);
        }
        else
        {
            foreach (var (c, measures) in Words.TriggeredExclusions(m))
            {
                sb.Append("Exclusion : ").Append(c.Label).Append(" (mesures ").Append(string.Join(", ", measures)).AppendLine(")");
                if (c.Detail is not null) sb.Append("  ").AppendLine(c.Detail);
                foreach (var cit in c.Citations) sb.Append("    ").AppendLine(Cite(cit));
            }
            var closest = m.Measures.FirstOrDefault(x => x.Measure.Id == m.Closest);
            if (closest is not null)
            {
                sb.Append("Mesure la plus proche : ");
                Measure(sb, closest, detailed: true);
            }
        }
        // When nothing is due, the tree of every measure that a ground rules out: the detail behind the summary.
        var grounded = m.Summary.Grounds.SelectMany(g => g.Covers).ToHashSet(StringComparer.Ordinal);
        foreach (var other in m.Measures.Where(x => !m.Retained.Contains(x.Measure.Id) && x.Measure.Id != m.Closest))
        {
            if (!m.Eligible && grounded.Contains(other.Measure.Id))
            {
                sb.Append("  · ");
                Measure(sb, other, detailed: true);
                continue;
            }
            if (!Words.Relevant(m, all).Contains(other)) continue;
            sb.Append("  · ").Append(other.Measure.Id).Append(" (").Append(Words.Human(other.Verdict)).Append(") : ");
            var failed = other.Criteria.Where(c => c.Result != Tri.True).Select(c => c.Label + (c.Detail is null ? "" : $" [{c.Detail}]")).ToList();
            sb.AppendLine(other.Verdict == Verdict.Superseded ? $"écartée au profit de {other.SupersededBy}" : string.Join(" ; ", failed));
        }
    }

    private static void Measure(StringBuilder sb, MeasureResult r, bool detailed)
    {
        sb.Append(r.Measure.Id).Append(" — ").Append(r.Measure.Title).Append(" : ").AppendLine(Words.Human(r.Verdict));
        if (r.Form is not null && r.Verdict == Verdict.Eligible) sb.Append("  Forme : ").AppendLine(r.Form);
        if (!detailed) return;
        foreach (var c in r.Criteria.Where(c => !(c is ExclusionNode && c.Result == Tri.True))) Criterion(sb, c, 1);
        var clear = r.Criteria.OfType<ExclusionNode>().Where(c => c.Result == Tri.True).ToList();
        if (clear.Count > 0) sb.Append("  ✔ Aucune des exclusions prévues ne s'applique (").Append(string.Join(" ; ", clear.Select(c => c.Exclusion.Id))).AppendLine(")");
        foreach (var s in r.Calculation)
        {
            sb.Append("  Calcul : ").AppendLine(s.Label);
            foreach (var c in s.Citations) sb.Append("      ").AppendLine(Cite(c));
        }
        if (r.MissingFields.Count > 0) sb.Append("  Information manquante : ").AppendLine(string.Join(", ", r.MissingFields));
        foreach (var n in r.Notes) sb.Append("  Note : ").AppendLine(n);
        foreach (var c in r.Caveats) sb.Append("  Réserve (confiance ").Append(c.Confidence).Append(") : ").AppendLine(c.Text);
    }

    private static void Criterion(StringBuilder sb, CriterionNode c, int depth)
    {
        var mark = c.Result switch { Tri.True => "✔", Tri.False => "✘", _ => "?" };
        sb.Append(new string(' ', depth * 2)).Append(mark).Append(' ').Append(c.Label);
        if (c.Detail is not null) sb.Append(" — ").Append(c.Detail);
        if (c.Confidence != Confidence.H) sb.Append(" [confiance ").Append(c.Confidence).Append(']');
        sb.AppendLine();
        foreach (var cit in c.Citations) sb.Append(new string(' ', depth * 2 + 4)).AppendLine(Cite(cit));
        foreach (var ch in c.Children.Where(ch => ch.Result == c.Result || c.Result != Tri.True)) Criterion(sb, ch, depth + 1);
    }

    /// <summary>« Décret n° … , art. 1 (JO du 20 septembre 2020) — https://… ».</summary>
    public static string Cite(Citation c)
    {
        var official = c.Text.Nature is "loi" or "ordonnance" or "decret" or "arrete";
        var jo = c.Text.PublishedOn is { } p ? (official ? $" (JO du {Format.Date(p)})" : $" (rendu public le {Format.Date(p)})")
            : c.Text.Publication is { } pub ? $" ({pub})" : "";
        return $"{c.Label}{jo} — {c.Text.Url}";
    }
}
