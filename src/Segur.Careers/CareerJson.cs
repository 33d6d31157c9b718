using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Segur.Engine;
using Segur.Engine.Law;

namespace Segur.Careers;

/// <summary>
/// The JSON form of a career comparison (documented in <c>docs/carrieres.md</c>). Deterministic: fixed key
/// order, money with two decimals, months as <c>AAAA-MM</c>, UTF-8 without escaping of accented letters.
/// </summary>
public static class CareerJson
{
    private static readonly JsonWriterOptions Options = new() { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Write(CareerComparisonResult r)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, Options)) Write(w, r);
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    public static void Write(Utf8JsonWriter w, CareerComparisonResult r)
    {
        w.WriteStartObject();
        w.WriteString("debut", r.Request.Start.ToString());
        w.WriteNumber("annees", r.Request.Years);
        w.WriteString("fin", r.End.ToString());
        w.WriteStartObject("legislation");
        w.WriteString("version", r.Law.Version);
        w.WriteString("empreinte", r.Law.Fingerprint);
        if (r.Law.Reform is { } reform)
        {
            w.WriteStartObject("reforme");
            w.WriteString("id", reform.Id);
            w.WriteString("intitule", reform.Title);
            w.WriteString("fichier", reform.File);
            w.WriteEndObject();
        }
        else w.WriteNull("reforme");
        w.WriteString("empreinte_grilles", r.GridsFingerprint);
        w.WriteEndObject();
        w.WriteString("montants", "brut mensuel du premier mois de chaque année de carrière, en euros");

        w.WriteStartArray("grilles");
        foreach (var c in r.Careers) WriteCareer(w, r, c);
        w.WriteEndArray();

        w.WriteStartArray("ecarts");
        foreach (var g in r.Gaps)
        {
            w.WriteStartObject();
            w.WriteString("reference", g.Reference.Grid.Name);
            w.WriteString("homologue", g.Other.Grid.Name);
            w.WriteString("definition", "homologue − référence ; pourcentage_homologue = écart ÷ salaire de l'homologue × 100 ; pourcentage_reference = écart ÷ salaire de la référence × 100");
            w.WriteStartArray("annees");
            foreach (var y in g.Years)
            {
                w.WriteStartObject();
                w.WriteNumber("annee", y.Year + 1);
                w.WriteString("mois", y.Month.ToString());
                w.WriteNumber("reference_total", y.Reference);
                w.WriteNumber("homologue_total", y.Other);
                w.WriteNumber("ecart_euros", y.Euros);
                Nullable(w, "ecart_pourcentage_homologue", y.PercentOfOther);
                Nullable(w, "ecart_pourcentage_reference", y.PercentOfReference);
                w.WriteNumber("ecart_euros_hors_segur", y.EurosWithoutSegur);
                w.WriteNumber("ecart_euros_equivalent_annuel", y.EurosAnnualEquivalent);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        }
        w.WriteEndArray();

        w.WriteStartArray("affirmations");
        foreach (var v in r.Verdicts) WriteVerdict(w, v);
        w.WriteEndArray();

        w.WriteStartArray("hypotheses");
        foreach (var a in r.Assumptions)
        {
            w.WriteStartObject();
            w.WriteNull("grille");
            w.WriteString("texte", a.Text);
            w.WriteString("confiance", a.Confidence.ToString());
            if (a.Citation is null) w.WriteNull("reference"); else w.WriteString("reference", a.Citation.Text.Id);
            w.WriteEndObject();
        }
        foreach (var c in r.Careers)
        {
            foreach (var a in c.Grid.Assumptions)
            {
                w.WriteStartObject();
                w.WriteString("grille", c.Grid.Name);
                w.WriteString("texte", a.Text);
                w.WriteString("confiance", a.Source.Confidence.ToString());
                w.WriteString("reference", a.Source.Citation.Text.Id);
                w.WriteEndObject();
            }
        }
        w.WriteEndArray();

        w.WriteStartArray("valeurs_incertaines");
        foreach (var f in r.WeakFacts) WriteFact(w, f);
        w.WriteEndArray();

        w.WriteStartArray("notes");
        foreach (var n in r.Notes) w.WriteStringValue(n);
        w.WriteEndArray();

        w.WriteStartArray("textes");
        foreach (var t in r.Texts)
        {
            w.WriteStartObject();
            w.WriteString("id", t.Id);
            w.WriteString("titre", t.Title);
            w.WriteString("nature", t.Nature);
            if (t.SignedOn is { } s) w.WriteString("date", Format.Iso(s)); else w.WriteNull("date");
            if (t.PublishedOn is { } p) w.WriteString("publie_le", Format.Iso(p)); else w.WriteNull("publie_le");
            w.WriteString("url", t.Url);
            w.WriteString("confiance", t.Confidence.ToString());
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void WriteCareer(Utf8JsonWriter w, CareerComparisonResult r, Career c)
    {
        var g = c.Grid;
        w.WriteStartObject();
        w.WriteString("lettre", r.Letter(g));
        w.WriteString("id", g.Name);
        w.WriteString("intitule", g.Title);
        w.WriteString("famille", g.Family.Title);
        w.WriteString("fichier", g.Family.File);
        w.WriteString("remuneration", g.Family.Pay.Kind == PayKind.IndiceMajore ? "indice_majore" : "points");
        w.WriteNumber("versements_par_an", g.PaymentsPerYear);
        w.WriteString("versements_par_an_confiance", g.PaymentsSource.Confidence.ToString());
        w.WriteString("grade_initial", g.InitialGrade.Id);
        w.WriteNumber("echelon_initial", g.InitialEchelon);
        w.WriteString("definie_depuis", g.ValidFrom.ToString());
        w.WriteStartObject("profil_segur");
        w.WriteString("libelle", g.ProfileLabel);
        if (g.ProfileNote is null) w.WriteNull("note"); else w.WriteString("note", g.ProfileNote);
        w.WritePropertyName("profil");
        g.ProfileJson.WriteTo(w);
        w.WriteEndObject();
        w.WriteStartArray("annees");
        foreach (var y in c.Years)
        {
            w.WriteStartObject();
            w.WriteNumber("annee", y.Year + 1);
            w.WriteString("mois", y.Month.ToString());
            w.WriteNumber("anciennete_mois", y.Position.SeniorityMonths);
            w.WriteString("grade", y.Position.Grade.Id);
            w.WriteNumber("echelon", y.Position.Echelon);
            w.WriteNumber("mois_dans_echelon", y.Position.MonthsInEchelon);
            var ib = y.Position.Grade.Echelons[y.Position.Echelon - 1].IndiceBrut;
            if (ib is { } b) w.WriteNumber("indice_brut", b); else w.WriteNull("indice_brut");
            if (g.Family.Pay.Kind == PayKind.IndiceMajore)
            {
                w.WriteNumber("indice_majore", y.Points);
                w.WriteNull("coefficient");
            }
            else
            {
                w.WriteNull("indice_majore");
                w.WriteNumber("coefficient", y.Points);
            }
            w.WriteNumber("points_experience", y.ExperiencePoints);
            w.WriteNumber("valeur_point_mensuelle", Math.Round(y.PointValue, 6));
            if (y.AnnualPointValue is { } av) w.WriteNumber("valeur_point_annuelle_indice_100", av); else w.WriteNull("valeur_point_annuelle_indice_100");
            w.WriteNumber("base", y.Base);
            w.WriteNumber("segur", y.Segur);
            w.WriteBoolean("segur_inconnu", y.SegurUnknown);
            w.WriteStartArray("segur_mesures");
            foreach (var m in y.SegurMeasures) w.WriteStringValue(m);
            w.WriteEndArray();
            w.WriteNumber("total", y.Total);
            w.WriteNumber("equivalent_mensuel_annuel", y.AnnualMonthlyEquivalent);
            w.WriteString("confiance", y.Confidence.ToString());
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void WriteVerdict(Utf8JsonWriter w, ClaimVerdict v)
    {
        w.WriteStartObject();
        w.WriteString("id", v.Claim.Id);
        w.WriteString("enonce", v.Claim.Statement);
        w.WriteString("source", v.Claim.Source.Text.Id);
        w.WriteString("seuil_type", v.Claim.Kind == ClaimKind.StartPercent ? "pourcentage_homologue" : "euros");
        w.WriteNumber("seuil", v.Claim.Threshold);
        w.WriteString("reference", v.Reference.Grid.Name);
        w.WriteString("homologue", v.Other.Grid.Name);
        w.WriteString("mois", v.ReferenceMonth.Month.ToString());
        w.WriteNumber("annee", v.ReferenceMonth.Year + 1);
        w.WriteNumber("reference_total", v.ReferenceMonth.Total);
        w.WriteNumber("homologue_total", v.OtherMonth.Total);
        w.WriteNumber("ecart_euros", v.Euros);
        Nullable(w, "ecart_pourcentage_homologue", v.PercentOfOther);
        Nullable(w, "ecart_pourcentage_reference", v.PercentOfReference);
        w.WriteBoolean("verifiee", v.Holds);
        w.WriteBoolean("robuste", v.Robust);
        w.WriteString("confiance", v.Confidence.ToString());
        w.WriteString("conclusion", v.Conclusion);
        w.WriteStartArray("variantes");
        foreach (var x in v.Variants)
        {
            w.WriteStartObject();
            w.WriteString("libelle", x.Label);
            w.WriteNumber("reference", x.Reference);
            w.WriteNumber("homologue", x.Other);
            w.WriteNumber("ecart_euros", x.Euros);
            Nullable(w, "ecart_pourcentage", x.Percent);
            w.WriteBoolean("verifiee", x.Holds);
            w.WriteString("confiance", x.Confidence.ToString());
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteStartArray("valeurs_incertaines");
        foreach (var f in v.WeakFacts) WriteFact(w, f);
        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void WriteFact(Utf8JsonWriter w, UsedFact f)
    {
        w.WriteStartObject();
        w.WriteString("libelle", f.Label);
        w.WriteString("confiance", f.Confidence.ToString());
        if (f.Note is null) w.WriteNull("note"); else w.WriteString("note", f.Note);
        if (f.Citation is null) w.WriteNull("reference"); else w.WriteString("reference", f.Citation.Text.Id);
        w.WriteEndObject();
    }

    private static void Nullable(Utf8JsonWriter w, string name, decimal? value)
    {
        if (value is { } v) w.WriteNumber(name, v); else w.WriteNull(name);
    }
}
