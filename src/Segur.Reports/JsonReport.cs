using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Segur.Engine.Evaluation;
using Segur.Engine.Law;

using Segur.Engine;

namespace Segur.Reports;

/// <summary>
/// Writes an evaluation as the JSON contract of <c>docs/sortie-json.md</c>. Deterministic: fixed key
/// order, money with two decimals, ISO dates, UTF-8 without escaping of accented letters.
/// </summary>
public static class JsonReport
{
    private static readonly JsonWriterOptions Options = new() { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Write(EvaluationResult r, bool allMeasures = false)
    {
        using var stream = new MemoryStream();
        Write(stream, r, allMeasures);
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    /// <summary>The keys both contracts open with: « profil », « periode », « droit_au », « legislation ».</summary>
    internal static void Header(Utf8JsonWriter w, EvaluationResult r)
    {
        w.WriteStartObject("profil");
        if (r.Profile.Id is null) w.WriteNull("id"); else w.WriteString("id", r.Profile.Id);
        w.WriteEndObject();
        w.WriteStartObject("periode");
        w.WriteString("debut", r.Period.Start.ToString());
        w.WriteString("fin", r.Period.End.ToString());
        w.WriteEndObject();
        if (r.LawAsOf is { } asOf) w.WriteString("droit_au", Format.Iso(asOf)); else w.WriteNull("droit_au");
        w.WriteStartObject("legislation");
        w.WriteString("version", r.Legislation.Version);
        w.WriteString("empreinte", r.Legislation.Fingerprint);
        w.WriteEndObject();
    }

    public static void Write(Stream stream, EvaluationResult r, bool allMeasures = false)
    {
        using var w = new Utf8JsonWriter(stream, Options);
        w.WriteStartObject();
        Header(w, r);
        decimal? total = 0m;
        foreach (var m in r.Months) total = total is null || m.Gross is null ? null : total + m.Gross;
        Money(w, "total_brut", total);
        JsonSummary.WriteTotals(w, r);
        w.WriteStartArray("mois");
        foreach (var m in r.Months)
        {
            Month(w, m, allMeasures);
            w.Flush(); // keep the buffer at one month whatever the period
        }
        w.WriteEndArray();
        JsonSummary.WriteArrears(w, r);
        w.WriteEndObject();
    }

    private static void Month(Utf8JsonWriter w, MonthResult m, bool all)
    {
        w.WriteStartObject();
        w.WriteString("mois", m.Month.ToString());
        w.WriteBoolean("eligible", m.Eligible);
        JsonSummary.Write(w, m);
        Money(w, "montant_brut", m.Gross);
        Money(w, "montant_net_estime", m.NetEstimate);
        if (m.NetBasis is null) w.WriteNull("base_estimation_net"); else w.WriteString("base_estimation_net", m.NetBasis);
        w.WriteStartArray("mesures_retenues");
        foreach (var id in m.Retained) w.WriteStringValue(id);
        w.WriteEndArray();
        if (m.Closest is null) w.WriteNull("mesure_la_plus_proche"); else w.WriteString("mesure_la_plus_proche", m.Closest);
        w.WriteBoolean("incertain", m.Uncertain);
        w.WriteString("confiance", m.Confidence.ToString());
        JsonSummary.WriteNotices(w, m, JsonSummary.FullReferences);
        w.WriteStartArray("mesures");
        foreach (var r in Words.Relevant(m, all)) Measure(w, r);
        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void Measure(Utf8JsonWriter w, MeasureResult r)
    {
        w.WriteStartObject();
        w.WriteString("id", r.Measure.Id);
        w.WriteString("intitule", r.Measure.Title);
        w.WriteString("famille", r.Measure.Family);
        w.WriteString("verdict", Words.Of(r.Verdict));
        Money(w, "montant_brut", r.Amount);
        if (r.Form is null) w.WriteNull("forme"); else w.WriteString("forme", r.Form);
        if (r.SupersededBy is null) w.WriteNull("ecartee_par"); else w.WriteString("ecartee_par", r.SupersededBy);
        w.WriteBoolean("incertain", r.Uncertain);
        w.WriteString("confiance", r.Confidence.ToString());
        w.WriteStartArray("champs_manquants");
        foreach (var f in r.MissingFields) w.WriteStringValue(f);
        w.WriteEndArray();
        w.WriteStartArray("criteres");
        foreach (var c in r.Criteria) Criterion(w, c);
        w.WriteEndArray();
        w.WriteStartArray("calcul");
        foreach (var s in r.Calculation)
        {
            w.WriteStartObject();
            w.WriteString("etape", s.Label);
            w.WriteString("nature", Words.Of(s.Kind));
            w.WriteNumber("valeur", s.Value);
            JsonSummary.FullReferences(w, s.Citations);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteStartArray("notes");
        foreach (var n in r.Notes) w.WriteStringValue(n);
        foreach (var c in r.Caveats) w.WriteStringValue(Words.Tagged(c));
        w.WriteEndArray();
        w.WriteStartArray("reserves");
        foreach (var c in r.Caveats)
        {
            w.WriteStartObject();
            w.WriteString("confiance", c.Confidence.ToString());
            w.WriteString("texte", c.Text);
            w.WriteStartArray("references");
            if (c.Citation is { } cite) Citation(w, cite);
            w.WriteEndArray();
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void Criterion(Utf8JsonWriter w, CriterionNode c)
    {
        w.WriteStartObject();
        var id = Words.Id(c);
        if (id.Length == 0) w.WriteNull("id"); else w.WriteString("id", id);
        w.WriteString("libelle", c.Label);
        w.WriteString("resultat", Words.Of(c.Result));
        if (c.Detail is null) w.WriteNull("detail"); else w.WriteString("detail", c.Detail);
        w.WriteString("confiance", c.Confidence.ToString());
        if (c.Note is null) w.WriteNull("note"); else w.WriteString("note", c.Note);
        JsonSummary.FullReferences(w, c.Citations);
        if (c.Children.Count > 0)
        {
            w.WriteStartArray("sous_criteres");
            foreach (var ch in c.Children) Criterion(w, ch);
            w.WriteEndArray();
        }
        w.WriteEndObject();
    }

    internal static void Citation(Utf8JsonWriter w, Citation c)
    {
        w.WriteStartObject();
        w.WriteString("texte", c.Text.Id);
        w.WriteString("titre", c.Text.Title);
        if (c.Article is null) w.WriteNull("article"); else w.WriteString("article", c.Article);
        if (c.Text.PublishedOn is { } p) w.WriteString("publie_le", Format.Iso(p)); else w.WriteNull("publie_le");
        w.WriteString("url", c.Text.Url);
        w.WriteEndObject();
    }

    internal static void Money(Utf8JsonWriter w, string name, decimal? value)
    {
        w.WritePropertyName(name);
        if (value is null) w.WriteNullValue();
        else w.WriteRawValue(value.Value.ToString("0.00", CultureInfo.InvariantCulture), skipInputValidation: true);
    }
}
