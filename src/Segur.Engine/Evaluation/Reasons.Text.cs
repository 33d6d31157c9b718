using Segur.Engine.Law;

namespace Segur.Engine.Evaluation;

/// <summary>The French sentences of the summary, written from the typed grounds and the labels of <c>libelles.yaml</c>.</summary>
public static partial class Reasons
{
    /// <summary>How many values of a field a sentence names before it says how many others there are.</summary>
    private const int ValuesShown = 4;

    private static string Sentence(MonthResult m, SummaryOutcome outcome, List<DueMeasure> due, List<Ground> grounds, List<OpenFact> open, NearestMeasure? nearest)
    {
        var month = Format.Month(m.Month);
        var parts = new List<string>();
        if (outcome == SummaryOutcome.Due)
        {
            parts.Add($"En {month}, vous avez droit à {List(due.Select(DueClause))}.");
            var unknown = due.Where(d => d.Amount is null).ToList();
            if (unknown.Count > 0)
                parts.Add($"Le montant de {List(unknown.Select(d => d.Measure.Id))} est inconnu : {EndSentence(unknown[0].Result.UnknownAmount ?? "aucun texte ne le fixe")} Il n'est jamais compté pour zéro : les totaux sont des minimums.");
            return string.Join(" ", parts);
        }
        if (outcome == SummaryOutcome.Undetermined)
        {
            var verdictFacts = open.Where(o => o.DecidesVerdict).ToList();
            var undetermined = verdictFacts.SelectMany(o => o.Measures).Distinct().ToList();
            parts.Add($"Peut-être : en {month}, {List(undetermined)} {(undetermined.Count == 1 ? "dépend" : "dépendent")} encore {(verdictFacts.Count == 1 ? "d'une information que vous n'avez pas donnée" : "d'informations que vous n'avez pas données")} : {List(verdictFacts.Select(o => o.Field.Label))}.");
            foreach (var o in verdictFacts.Take(2)) parts.Add(OutcomeSentence(o));
        }
        else
        {
            parts.Add(grounds.Count > 0 ? $"Aucune mesure Ségur ne vous est due en {month} : {grounds[0].Text}." : $"Aucune mesure Ségur ne vous est due en {month}.");
            if (grounds.Count > 1) parts.Add($"Les autres mesures ne s'appliquent pas non plus : {string.Join(" ; ", grounds.Skip(1).Select(g => g.Text))}.");
        }
        foreach (var o in open.Where(o => !o.DecidesVerdict).Take(1))
        {
            var titles = o.Exclusions.Select(id => m.Measures.SelectMany(r => r.Criteria).OfType<ExclusionNode>().First(e => e.Exclusion.Id == id).Exclusion.Title);
            parts.Add($"Il manque votre {o.Field.Label} pour savoir si s'applique l'exclusion {List(titles.Select(Quote))}.");
        }
        if (outcome == SummaryOutcome.NotDue)
        {
            if (nearest is not null) parts.Add(NearestSentence(nearest));
            else
            {
                var info = m.Informations.FirstOrDefault();
                parts.Add(info is null ? "Aucune mesure Ségur n'est proche de votre situation." : $"Aucune mesure Ségur n'est proche de votre situation ; à savoir : {EndSentence(info.Title)}");
            }
        }
        return string.Join(" ", parts);
    }

    private static string DueClause(DueMeasure d)
    {
        var r = d.Result;
        var amount = d.Amount is { } a ? $"{Format.Euros(a)} brut par mois" : "un montant inconnu";
        var form = r.Form is null ? "" : $", sous forme de {Lower(r.Form)}";
        return $"{r.Measure.Id} — {r.Measure.Title} : {amount}{form} ; texte : {d.Citations[0].Label}";
    }

    /// <summary>One ground as a clause; the first one also names its text.</summary>
    private static string Clause(MonthResult m, Ground g, bool first)
    {
        var measures = first ? g.Measures : g.Covers;
        var plural = measures.Count > 1;
        switch (g.Kind)
        {
            case GroundKind.Exclusion:
                var e = ((ExclusionNode)g.Nodes[0]).Exclusion;
                var text = g.Citations.Count > 0 ? $" ({g.Citations[0].Label})" : "";
                if (!first) return $"pour {List(measures)}, l'exclusion {Quote(e.Title)}{text}";
                return $"{e.Title}{text} ; cette exclusion écarte {Scope(m, measures)}";
            case GroundKind.Period:
                var node = g.Nodes[0];
                var why = node is InForceNode ? node.Label : $"{Quote(node.Label)}, {node.Detail}";
                return $"{List(measures)} ne {(plural ? "s'appliquent" : "s'applique")} pas en {Format.Month(m.Month)} ({Lower(why)})";
            case GroundKind.NotInPost:
                return $"vous n'étiez pas en fonction en {Format.Month(m.Month)}";
            default:
                var codes = m.Context!.Codes;
                var facts = g.Fields.Count == 0
                    ? $"votre situation ({g.Nodes[0].Detail})"
                    : string.Join(" ni ", g.Fields.Select(f => $"votre {f.Label} {Quote(f.LabelOf(codes[f.Index]))}"));
                var cite = first && g.Citations.Count > 0 ? $" ; {g.Citations[0].Label}" : "";
                return $"{List(measures)} ne {(plural ? "visent" : "vise")} pas {facts} (critère {Quote(g.Label)}{(g.Nodes.Count > 1 ? " et critères analogues" : "")}{cite})";
        }
    }

    /// <summary>« toutes les mesures Ségur », « toutes les mesures Ségur sauf M5-UGECAM et MED », or the list.</summary>
    private static string Scope(MonthResult m, IReadOnlyList<string> measures)
    {
        var others = m.Measures.Select(r => r.Measure.Id).Where(id => !measures.Contains(id)).ToList();
        if (others.Count == 0) return "toutes les mesures Ségur";
        return measures.Count > others.Count ? $"toutes les mesures Ségur sauf {List(others)}" : List(measures);
    }

    private static string NearestSentence(NearestMeasure n)
    {
        var change = n.Changes[0];
        if (n.OnlyMissing)
            return $"Mesure la plus proche : {n.Measure.Id}, qui ne dépend plus que de {List(n.Changes.Select(c => "votre " + c.Field.Label))}.";
        return $"Mesure la plus proche : {n.Measure.Id}, qui vous serait ouverte {If(change.Field, change.Values, "était")}.";
    }

    private static string OutcomeSentence(OpenFact o)
    {
        var opening = o.Outcomes.Where(x => x.Due.Count > 0).ToList();
        if (opening.Count == 0) return $"Quelle que soit la réponse sur votre {o.Field.Label}, aucune mesure ne serait due sans une autre information.";
        var clauses = opening.Take(2).Select(x =>
            $"{If(o.Field, x.Values, "est")}, {List(x.Due.Select(d => d.FullTime is { } a ? $"{d.Measure.Id} ({Format.Euros(a)} brut par mois à temps plein)" : $"{d.Measure.Id} (montant inconnu)"))} vous serait due");
        var rest = o.Outcomes.Any(x => x.Due.Count == 0 && !x.StillOpen) ? " ; sinon, rien ne serait dû" : "";
        return Capital(string.Join(" ; ", clauses)) + rest + ".";
    }

    /// <summary>
    /// « si votre statut est « Fonctionnaire titulaire » ou « Militaire » »; for a yes-or-no fact, the question of
    /// <c>libelles.yaml</c>: « si vous répondez « oui » à la question « Votre collectivité a-t-elle … ? » ».
    /// </summary>
    private static string If(FieldDef f, IReadOnlyList<int> codes, string verb)
    {
        if (f.Kind == FieldKind.Boolean && f.Question is { } q)
            return $"si vous {(verb == "est" ? "répondez" : "répondiez")} {Values(f, codes)} à la question {Quote(q)}";
        return $"si votre {f.Label} {verb} {Values(f, codes)}";
    }

    /// <summary>« « Fonctionnaire titulaire », « Fonctionnaire stagiaire » ou « Militaire » », at most a few values then how many others.</summary>
    private static string Values(FieldDef f, IReadOnlyList<int> codes)
    {
        var labels = codes.Select(c => Quote(f.LabelOf(c))).ToList();
        if (labels.Count <= ValuesShown) return List(labels, " ou ");
        return $"{string.Join(", ", labels.Take(ValuesShown - 1))} ou l'une des {labels.Count - ValuesShown + 1} autres valeurs admises";
    }

    private static string List(IEnumerable<string> items, string last = " et ")
    {
        var l = items.ToList();
        return l.Count switch { 0 => "", 1 => l[0], _ => string.Join(", ", l.Take(l.Count - 1)) + last + l[^1] };
    }

    private static string Quote(string s) => $"« {s} »";

    /// <summary>Lower-cases the first letter of a label (« Hôpital public » → « hôpital public »), not of an acronym (« CAF »).</summary>
    private static string Lower(string s) => s.Length > 1 && char.IsUpper(s[0]) && char.IsLower(s[1]) ? char.ToLowerInvariant(s[0]) + s[1..] : s;

    private static string Capital(string s) => s.Length > 0 ? char.ToUpperInvariant(s[0]) + s[1..] : s;

    /// <summary>A text of the law as the end of a sentence: trimmed, with its full stop.</summary>
    private static string EndSentence(string s)
    {
        s = s.Trim();
        return s.EndsWith('.') ? s : s + ".";
    }

}
