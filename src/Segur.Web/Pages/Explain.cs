using Segur.Engine;
using Segur.Engine.Evaluation;
using Segur.Engine.Law;
using Segur.Reports;

namespace Segur.Web.Pages;

/// <summary>HTML explanations: criteria with their result and the texts that set them, calculation steps.</summary>
public static class Explain
{
    public static Markup Citation(Citation c)
    {
        var official = c.Text.Nature is "loi" or "ordonnance" or "decret" or "arrete";
        var when = c.Text.PublishedOn is { } p ? (official ? $" (JO du {Format.Date(p)})" : $" (rendu public le {Format.Date(p)})") : "";
        return Html.Of($"<a class=\"texte\" href=\"{Html.SafeUrl(c.Text.Url)}\" rel=\"noopener noreferrer\">{c.Label}</a>{when} <a class=\"fiche\" href=\"/legislation/textes#t-{c.Text.Id}\" title=\"Fiche du texte\">[fiche]</a>");
    }

    public static Markup Citations(IReadOnlyList<Citation> cs)
    {
        if (cs.Count == 0) return default;
        var h = new Html();
        h.Add($"<ul class=\"references\">");
        foreach (var c in cs) h.Add($"<li>{Citation(c)}</li>");
        h.Add($"</ul>");
        return h.ToMarkup();
    }

    public static string Mark(Tri t) => t switch { Tri.True => "✔", Tri.False => "✘", _ => "?" };

    public static string ResultWord(Tri t) => t switch { Tri.True => "rempli", Tri.False => "non rempli", _ => "indéterminé" };

    public static Markup Criterion(CriterionNode c)
    {
        var h = new Html();
        var cls = c.Result switch { Tri.True => "rempli", Tri.False => "non-rempli", _ => "indetermine" };
        h.Add($"<li class=\"critere {cls}\"><span class=\"marque\" aria-hidden=\"true\">{Mark(c.Result)}</span> <span class=\"libelle\">{c.Label}</span> <span class=\"resultat\">({ResultWord(c.Result)})</span>");
        if (c.Detail is not null) h.Add($"<div class=\"detail\">{c.Detail}</div>");
        if (c.Confidence != Confidence.H) h.Add($"<div class=\"confiance\">Confiance {c.Confidence.ToString()}{(c.Note is null ? "" : " — " + c.Note)}</div>");
        else if (c.Note is not null) h.Add($"<div class=\"note\">{c.Note}</div>");
        h.Add(Citations(c.Citations));
        if (c.Children.Count > 0)
        {
            h.Add($"<ul class=\"criteres\">");
            foreach (var ch in c.Children) h.Add(Criterion(ch));
            h.Add($"</ul>");
        }
        h.Add($"</li>");
        return h.ToMarkup();
    }

    public static Markup Measure(MeasureResult r, bool open)
    {
        var h = new Html();
        var amount = r.Verdict == Verdict.Eligible ? (r.Amount is { } a ? Format.Euros(a) : "montant inconnu") : Words.Human(r.Verdict);
        h.Add($"<details class=\"mesure\" data-mesure=\"{r.Measure.Id}\"{(open ? new Markup(" open") : default)}><summary><strong>{r.Measure.Id}</strong> — {r.Measure.Title} : <span class=\"verdict-{Words.Of(r.Verdict)}\">{amount}</span></summary>");
        if (r.SupersededBy is not null) h.Add($"<p>Écartée : la mesure {r.SupersededBy} s'applique en priorité.</p>");
        if (r.MissingFields.Count > 0) h.Add($"<p>Information manquante : {string.Join(", ", r.MissingFields)}.</p>");
        h.Add($"<ul class=\"criteres\">");
        foreach (var c in r.Criteria) h.Add(Criterion(c));
        h.Add($"</ul>");
        if (r.Calculation.Count > 0)
        {
            h.Add($"<h4>Calcul</h4><ol class=\"calcul\">");
            foreach (var s in r.Calculation) h.Add($"<li>{s.Label}{Citations(s.Citations)}</li>");
            h.Add($"</ol>");
        }
        if (r.Notes.Count > 0 || r.Caveats.Count > 0)
        {
            h.Add($"<ul class=\"notes\">");
            foreach (var n in r.Notes) h.Add($"<li>{n}</li>");
            foreach (var c in r.Caveats) h.Add($"<li class=\"reserve\">Réserve (confiance {c.Confidence.ToString()}) : {c.Text}</li>");
            h.Add($"</ul>");
        }
        h.Add($"</details>");
        return h.ToMarkup();
    }

    /// <summary>
    /// The decisive reason first (<see cref="Reasons.Summarize"/>): its sentences, then each ground with the
    /// measures it rules out and its texts, the facts still missing, and what the law says instead.
    /// </summary>
    /// <summary>Why an exclusion applies, shown with its ground (the sentence above names only the exclusion).</summary>
    private static Markup Explanation(Ground g) =>
        g.Explanation is null ? new Markup("") : Html.Of($" <span class=\"explication\">{g.Explanation}</span>");

    public static Markup Summary(MonthSummary s)
    {
        var h = new Html();
        h.Add($"<div class=\"motif\" id=\"motif-decisif\"><p class=\"phrase\">{s.Sentence}</p>");
        if (s.Due.Count > 0 || s.Grounds.Count > 0 || s.Open.Count > 0)
        {
            h.Add($"<ul class=\"fondements\">");
            foreach (var d in s.Due)
                h.Add($"<li class=\"fondement due\" data-id=\"{d.Measure.Id}\"><strong>{d.Measure.Id}</strong> — {d.Measure.Title} : {(d.Amount is { } a ? Format.Euros(a) + " brut" : "montant inconnu")}{Citations(d.Citations.Take(1).ToList())}</li>");
            for (var i = 0; i < s.Grounds.Count; i++)
            {
                var g = s.Grounds[i];
                var measures = i == 0 ? g.Measures : g.Covers;
                h.Add($"<li class=\"fondement {(g.Kind == GroundKind.Exclusion ? "exclusion-decisive" : "critere-decisif")}\" data-id=\"{g.Id}\"><strong>{g.Label}</strong> <span class=\"mesures\">({(measures.Count == 1 ? "mesure" : "mesures")} {string.Join(", ", measures)})</span>{Explanation(g)}{Citations(g.Citations.Take(3).ToList())}</li>");
            }
            foreach (var o in s.Open)
                h.Add($"<li class=\"fondement manquant\" data-id=\"{o.Field.Name}\">Information manquante : <strong>{o.Field.Label}</strong> ({(o.DecidesVerdict ? "décide de " + string.Join(", ", o.Measures) : "décide de l'exclusion " + string.Join(", ", o.Exclusions))})</li>");
            h.Add($"</ul>");
        }
        if (s.Nearest is null && s.Outcome == SummaryOutcome.NotDue)
        {
            foreach (var i in s.Informations)
                h.Add($"<aside class=\"information\" id=\"information-{i.Id}\"><p><strong>{i.Title}</strong></p><p>{i.Note}</p>{Citations(i.Citations)}</aside>");
        }
        h.Add($"</div>");
        return h.ToMarkup();
    }

    /// <summary>The explanation of one month: the measures paid (or the closest one), exclusions, open questions, the others.</summary>
    public static Markup Month(MonthResult m)
    {
        var h = new Html();
        foreach (var (c, measures) in Words.TriggeredExclusions(m))
        {
            h.Add($"<div class=\"exclusion\"><p><strong>Exclusion : {c.Label}</strong> (mesures {string.Join(", ", measures)})</p>");
            if (c.Detail is not null) h.Add($"<p>{c.Detail}</p>");
            h.Add($"{Citations(c.Citations)}</div>");
        }
        foreach (var id in m.Retained) h.Add(Measure(m.Measures.First(x => x.Measure.Id == id), open: true));
        if (!m.Eligible && m.Measures.FirstOrDefault(x => x.Measure.Id == m.Closest) is { } closest)
        {
            h.Add($"<p class=\"plus-proche\">Mesure la plus proche : <strong>{closest.Measure.Id}</strong>.</p>");
            h.Add(Measure(closest, open: true));
        }
        foreach (var u in m.Uncertainties)
            h.Add($"<div class=\"incertitude\"><p><strong>Question ouverte [{u.Confidence.ToString()}] : {u.Title}</strong></p><p>{u.Note}</p>{Citations(u.Citations)}</div>");
        var others = Words.Relevant(m, false).Where(x => !m.Retained.Contains(x.Measure.Id) && x.Measure.Id != m.Closest).ToList();
        if (others.Count > 0)
        {
            h.Add($"<h4>Autres mesures examinées</h4>");
            foreach (var o in others) h.Add(Measure(o, open: false));
        }
        return h.ToMarkup();
    }
}
