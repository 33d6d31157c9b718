using System.Text.Json;
using Segur.Engine.Evaluation;
using Segur.Engine.Law;
using Segur.Engine.Time;

namespace Segur.Reports;

/// <summary>
/// The content of one month in the compact JSON contract (version 2), at a level of explanation: the decisive
/// reason first, then the amounts, then (from <c>resume</c>) the grounds and (with <c>complete</c>) the measures.
/// Texts are written by id (<c>textes</c>) and collected for the root's table.
/// </summary>
internal static class CompactJsonMonth
{
    public static void Write(Utf8JsonWriter w, MonthResult m, ExplanationLevel level, bool all, CitedTexts texts)
    {
        w.WriteStartObject();
        if (level != ExplanationLevel.None) w.WriteString("motif_decisif", Runs.Neutral(m.Summary.Sentence, m.Month));
        w.WriteBoolean("eligible", m.Eligible);
        JsonReport.Money(w, "montant_brut", m.Gross);
        JsonReport.Money(w, "montant_net_estime", m.NetEstimate);
        w.WriteStartArray("mesures_retenues");
        foreach (var id in m.Retained) w.WriteStringValue(id);
        w.WriteEndArray();
        w.WriteBoolean("incertain", m.Uncertain);
        w.WriteString("confiance", m.Confidence.ToString());
        if (level != ExplanationLevel.None)
        {
            if (m.NetBasis is null) w.WriteNull("base_estimation_net"); else w.WriteString("base_estimation_net", m.NetBasis);
            if (m.Closest is null) w.WriteNull("mesure_la_plus_proche"); else w.WriteString("mesure_la_plus_proche", m.Closest);
            JsonSummary.WriteGrounds(w, m.Summary, texts.Writer);
            JsonSummary.WriteNotices(w, m, texts.Writer);
        }
        if (level == ExplanationLevel.Full)
        {
            w.WriteStartArray("mesures");
            foreach (var r in Words.Relevant(m, all)) Measure(w, r, m.Month, texts);
            w.WriteEndArray();
        }
        w.WriteEndObject();
    }

    private static void Measure(Utf8JsonWriter w, MeasureResult r, YearMonth month, CitedTexts texts)
    {
        w.WriteStartObject();
        w.WriteString("id", r.Measure.Id);
        w.WriteString("intitule", r.Measure.Title);
        w.WriteString("famille", r.Measure.Family);
        w.WriteString("verdict", Words.Of(r.Verdict));
        JsonReport.Money(w, "montant_brut", r.Amount);
        if (r.Form is null) w.WriteNull("forme"); else w.WriteString("forme", r.Form);
        if (r.SupersededBy is null) w.WriteNull("ecartee_par"); else w.WriteString("ecartee_par", r.SupersededBy);
        w.WriteBoolean("incertain", r.Uncertain);
        w.WriteString("confiance", r.Confidence.ToString());
        JsonSummary.Strings(w, "champs_manquants", r.MissingFields);
        w.WriteStartArray("criteres");
        foreach (var c in r.Criteria) Criterion(w, c, month, texts);
        w.WriteEndArray();
        w.WriteStartArray("calcul");
        foreach (var s in r.Calculation)
        {
            w.WriteStartObject();
            w.WriteString("etape", Runs.Neutral(s.Label, month));
            w.WriteString("nature", Words.Of(s.Kind));
            w.WriteNumber("valeur", s.Value);
            Refs(w, s.Citations, texts);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        JsonSummary.Strings(w, "notes", r.Notes.Select(n => Runs.Neutral(n, month)));
        w.WriteStartArray("reserves");
        foreach (var c in r.Caveats)
        {
            w.WriteStartObject();
            w.WriteString("confiance", c.Confidence.ToString());
            w.WriteString("texte", c.Text);
            Refs(w, c.Citation is { } cite ? [cite] : [], texts);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void Criterion(Utf8JsonWriter w, CriterionNode c, YearMonth month, CitedTexts texts)
    {
        w.WriteStartObject();
        var id = Words.Id(c);
        if (id.Length == 0) w.WriteNull("id"); else w.WriteString("id", id);
        w.WriteString("libelle", c.Label);
        w.WriteString("resultat", Words.Of(c.Result));
        if (c.Detail is not null) w.WriteString("detail", Runs.Neutral(c.Detail, month));
        if (c.Confidence != Confidence.H) w.WriteString("confiance", c.Confidence.ToString());
        if (c.Note is not null) w.WriteString("note", Runs.Neutral(c.Note, month));
        if (c.Citations.Count > 0) Refs(w, c.Citations, texts);
        if (c.Children.Count > 0)
        {
            w.WriteStartArray("sous_criteres");
            foreach (var ch in c.Children) Criterion(w, ch, month, texts);
            w.WriteEndArray();
        }
        w.WriteEndObject();
    }

    /// <summary><c>textes</c>: each citation as <c>{"id": …}</c>, with <c>article</c> when one is named; the text goes in the table.</summary>
    internal static void Refs(Utf8JsonWriter w, IReadOnlyList<Citation> citations, CitedTexts texts)
    {
        w.WriteStartArray("textes");
        foreach (var c in citations)
        {
            texts.Add(c.Text);
            w.WriteStartObject();
            w.WriteString("id", c.Text.Id);
            if (c.Article is not null) w.WriteString("article", c.Article);
            w.WriteEndObject();
        }
        w.WriteEndArray();
    }

}
