using System.Text.Json;
using Segur.Engine;
using Segur.Engine.Evaluation;
using Segur.Engine.Law;

namespace Segur.Reports;

/// <summary>
/// The decisive reason of a month in the JSON contract (<c>docs/sortie-json.md</c>): <c>motif_decisif</c>, the
/// sentences of <see cref="Reasons.Summarize"/>, and <c>fondements</c>, its typed grounds; and the period's
/// « au moins » total when an amount is unknown. Written by the JSON reports, whatever their version.
/// </summary>
public static class JsonSummary
{
    /// <summary>The month's <c>motif_decisif</c> and <c>fondements</c>.</summary>
    public static void Write(Utf8JsonWriter w, MonthResult m)
    {
        var s = m.Summary;
        w.WriteString("motif_decisif", s.Sentence);
        w.WriteStartArray("fondements");
        foreach (var d in s.Due) Ground(w, "mesure_due", d.Measure.Id, d.Measure.Title, [d.Measure.Id], [], d.Citations);
        for (var i = 0; i < s.Grounds.Count; i++)
        {
            var g = s.Grounds[i];
            var nature = g.Kind switch { GroundKind.Exclusion => "exclusion", GroundKind.Period => "periode", GroundKind.NotInPost => "en_fonction", _ => "critere" };
            Ground(w, nature, g.Id, g.Label, i == 0 ? g.Measures : g.Covers, g.Fields.Select(f => f.Name), g.Citations);
        }
        foreach (var o in s.Open)
            Ground(w, "information_manquante", o.Field.Name, o.Field.Label, o.Measures, [o.Field.Name], [], o.Exclusions.Select(e => "exclusion." + e));
        if (s.Nearest is { } n)
            Ground(w, "mesure_la_plus_proche", n.Measure.Id, n.Measure.Title, [n.Measure.Id], n.Changes.Select(c => c.Field.Name), []);
        w.WriteEndArray();
    }

    /// <summary>The period's <c>total_brut_au_moins</c> (sum of the known amounts) and <c>mois_montant_inconnu</c>.</summary>
    public static void WriteTotals(Utf8JsonWriter w, EvaluationResult r)
    {
        JsonReport.Money(w, "total_brut_au_moins", r.TotalAtLeast);
        w.WriteNumber("mois_montant_inconnu", r.UnknownAmountMonths);
    }

    /// <summary>
    /// The root's <c>rappel</c>: with <c>--verse-depuis</c>, the months still owed (before the month the employer
    /// actually paid from), their amounts and the totals; <c>null</c> without it.
    /// </summary>
    public static void WriteArrears(Utf8JsonWriter w, EvaluationResult r) => WriteArrears(w, r, FullReferences);

    /// <summary>The « rappel » object with its citations written by <paramref name="references"/> (in full, or by id in the compact contract).</summary>
    internal static void WriteArrears(Utf8JsonWriter w, EvaluationResult r, Action<Utf8JsonWriter, IReadOnlyList<Citation>> references)
    {
        if (r.Arrears is not { } a)
        {
            w.WriteNull("rappel");
            return;
        }
        w.WriteStartObject("rappel");
        w.WriteString("verse_depuis", a.PaidFrom.ToString());
        w.WriteStartArray("mois");
        foreach (var o in a.Months)
        {
            w.WriteStartObject();
            w.WriteString("mois", o.Month.Month.ToString());
            w.WriteStartArray("mesures");
            foreach (var id in o.Month.Retained) w.WriteStringValue(id);
            w.WriteEndArray();
            JsonReport.Money(w, "montant_brut", o.Amount);
            w.WriteBoolean("incertain", o.Uncertain);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        JsonReport.Money(w, "total_brut", a.Total);
        JsonReport.Money(w, "total_brut_au_moins", a.TotalAtLeast);
        w.WriteNumber("mois_montant_inconnu", a.UnknownAmountMonths);
        w.WriteNumber("mois_incertains", a.UncertainMonths);
        references(w, a.Citations);
        w.WriteEndObject();
    }

    private static void FullReferences(Utf8JsonWriter w, IReadOnlyList<Citation> citations)
    {
        w.WriteStartArray("references");
        foreach (var c in citations) JsonReport.Citation(w, c);
        w.WriteEndArray();
    }

    private static void Ground(Utf8JsonWriter w, string nature, string id, string label, IEnumerable<string> measures, IEnumerable<string> fields,
        IReadOnlyList<Citation> citations, IEnumerable<string>? decides = null)
    {
        w.WriteStartObject();
        w.WriteString("nature", nature);
        w.WriteString("id", id);
        w.WriteString("libelle", label);
        w.WriteStartArray("mesures");
        foreach (var x in measures) w.WriteStringValue(x);
        w.WriteEndArray();
        w.WriteStartArray("champs");
        foreach (var x in fields) w.WriteStringValue(x);
        w.WriteEndArray();
        if (decides is not null)
        {
            w.WriteStartArray("exclusions");
            foreach (var x in decides) w.WriteStringValue(x);
            w.WriteEndArray();
        }
        w.WriteStartArray("references");
        foreach (var c in citations) JsonReport.Citation(w, c);
        w.WriteEndArray();
        w.WriteEndObject();
    }
}
