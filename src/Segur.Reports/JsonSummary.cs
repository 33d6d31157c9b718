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
/// <summary>How a JSON report writes the citations of one item: in full (contract 1) or by id into the texts table (contract 2).</summary>
internal delegate void CitationWriter(Utf8JsonWriter w, IReadOnlyList<Citation> citations);

public static class JsonSummary
{
    /// <summary>The month's <c>motif_decisif</c> and <c>fondements</c>.</summary>
    public static void Write(Utf8JsonWriter w, MonthResult m)
    {
        w.WriteString("motif_decisif", m.Summary.Sentence);
        WriteGrounds(w, m.Summary, FullReferences);
    }

    /// <summary>The month's <c>fondements</c>, citations written by <paramref name="refs"/> (in full, or by id in the compact contract).</summary>
    internal static void WriteGrounds(Utf8JsonWriter w, MonthSummary s, CitationWriter refs)
    {
        w.WriteStartArray("fondements");
        foreach (var d in s.Due) Ground(w, refs, "mesure_due", d.Measure.Id, d.Measure.Title, [d.Measure.Id], [], d.Citations);
        for (var i = 0; i < s.Grounds.Count; i++)
        {
            var g = s.Grounds[i];
            var nature = g.Kind switch { GroundKind.Exclusion => "exclusion", GroundKind.Period => "periode", GroundKind.NotInPost => "en_fonction", _ => "critere" };
            Ground(w, refs, nature, g.Id, g.Label, i == 0 ? g.Measures : g.Covers, g.Fields.Select(f => f.Name), g.Citations);
        }
        foreach (var o in s.Open)
            Ground(w, refs, "information_manquante", o.Field.Name, o.Field.Label, o.Measures, [o.Field.Name], [], o.Exclusions.Select(e => "exclusion." + e));
        if (s.Nearest is { } n)
            Ground(w, refs, "mesure_la_plus_proche", n.Measure.Id, n.Measure.Title, [n.Measure.Id], n.Changes.Select(c => c.Field.Name), []);
        w.WriteEndArray();
    }

    /// <summary>The month's <c>incertitudes</c>, <c>exclusions</c> (those that apply this month, whatever measures are listed) and <c>informations</c>.</summary>
    internal static void WriteNotices(Utf8JsonWriter w, MonthResult m, CitationWriter refs)
    {
        w.WriteStartArray("incertitudes");
        foreach (var u in m.Uncertainties)
        {
            w.WriteStartObject();
            w.WriteString("id", u.Id);
            w.WriteString("intitule", u.Title);
            w.WriteString("note", u.Note);
            w.WriteString("confiance", u.Confidence.ToString());
            refs(w, u.Citations);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteStartArray("exclusions");
        foreach (var (c, measures) in Words.TriggeredExclusions(m))
        {
            w.WriteStartObject();
            w.WriteString("id", c.Exclusion.Id);
            w.WriteString("intitule", c.Label);
            if (c.Detail is null) w.WriteNull("detail"); else w.WriteString("detail", c.Detail);
            Strings(w, "mesures", measures);
            refs(w, c.Citations);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteStartArray("informations");
        foreach (var i in m.Informations)
        {
            w.WriteStartObject();
            w.WriteString("id", i.Id);
            w.WriteString("intitule", i.Title);
            w.WriteString("note", i.Note);
            refs(w, i.Citations);
            w.WriteEndObject();
        }
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
    internal static void WriteArrears(Utf8JsonWriter w, EvaluationResult r, CitationWriter references)
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

    /// <summary>Citations in full (<c>references</c>: title, article, date, address), as contract 1 writes them.</summary>
    internal static void FullReferences(Utf8JsonWriter w, IReadOnlyList<Citation> citations)
    {
        w.WriteStartArray("references");
        foreach (var c in citations) JsonReport.Citation(w, c);
        w.WriteEndArray();
    }

    private static void Ground(Utf8JsonWriter w, CitationWriter refs, string nature, string id, string label, IEnumerable<string> measures,
        IEnumerable<string> fields, IReadOnlyList<Citation> citations, IEnumerable<string>? decides = null)
    {
        w.WriteStartObject();
        w.WriteString("nature", nature);
        w.WriteString("id", id);
        w.WriteString("libelle", label);
        Strings(w, "mesures", measures);
        Strings(w, "champs", fields);
        if (decides is not null) Strings(w, "exclusions", decides);
        refs(w, citations);
        w.WriteEndObject();
    }

    internal static void Strings(Utf8JsonWriter w, string name, IEnumerable<string> values)
    {
        w.WriteStartArray(name);
        foreach (var v in values) w.WriteStringValue(v);
        w.WriteEndArray();
    }

}
