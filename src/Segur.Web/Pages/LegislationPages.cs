using Segur.Engine;
using Segur.Engine.Law;

namespace Segur.Web.Pages;

/// <summary>« La législation » : every measure and parameter, their dated values and their texts.</summary>
public sealed class LegislationPages(LawService laws)
{
    private Legislation Law => laws.Law;

    public IResult Index()
    {
        var l = Law;
        var h = new Html();
        h.Add($"<h1>La législation</h1><p>Législation <strong>{l.Version}</strong>, vérifiée le {Format.Date(l.CheckedOn)} ; empreinte <code>{l.Fingerprint}</code>.</p>");
        h.Add($"<p>{l.Measures.Count} mesures, {l.Parameters.Count} paramètres datés, {l.Exclusions.Count} exclusions, {l.Uncertainties.Count} questions ouvertes, <a href=\"/legislation/textes\">{l.Texts.Count} textes cités</a>. Chaque valeur et chaque règle cite le texte qui la fixe.</p>");
        h.Add($"<h2 id=\"mesures\">Mesures</h2><table><thead><tr><th scope=\"col\">Mesure</th><th scope=\"col\">Intitulé</th><th scope=\"col\">Période d'application</th><th scope=\"col\">Famille</th><th scope=\"col\">Texte</th></tr></thead><tbody>");
        foreach (var m in l.Measures)
            h.Add($"<tr><td><a href=\"/legislation/mesures/{m.Id}\">{m.Id}</a></td><td>{m.Title}</td><td>{Span(m.From, m.To)}</td><td>{m.Family}</td><td>{Explain.Citation(new Citation(m.InstitutedBy, null))}</td></tr>");
        h.Add($"</tbody></table>");
        h.Add($"<h2 id=\"parametres\">Paramètres</h2><table><thead><tr><th scope=\"col\">Paramètre</th><th scope=\"col\">Intitulé</th><th scope=\"col\">Unité</th><th scope=\"col\" class=\"nombre\">Valeurs datées</th><th scope=\"col\" class=\"nombre\">Valeur actuelle</th></tr></thead><tbody>");
        foreach (var p in l.Parameters.Values.OrderBy(p => p.Id, StringComparer.Ordinal))
            h.Add($"<tr><td><a href=\"/legislation/parametres/{p.Id}\">{p.Id}</a></td><td>{p.Title}</td><td>{p.Unit}</td><td class=\"nombre\">{p.Values.Count}</td><td class=\"nombre\">{Format.Number(p.Values[^1].Value)}</td></tr>");
        h.Add($"</tbody></table>");
        h.Add($"<h2 id=\"exclusions\">Exclusions</h2><ul>");
        foreach (var e in l.Exclusions)
            h.Add($"<li id=\"e-{e.Id}\"><strong>{e.Title}</strong> — mesures {string.Join(", ", e.MeasureIds)} ; condition : <code>{e.Condition.ToString()}</code>{Explain.Citations(e.Citations)}</li>");
        h.Add($"</ul><h2 id=\"incertitudes\">Questions ouvertes</h2><ul>");
        foreach (var u in l.Uncertainties)
            h.Add($"<li id=\"i-{u.Id}\"><strong>[{u.Confidence.ToString()}] {u.Title}</strong> — {u.Note}{Explain.Citations(u.Citations)}</li>");
        h.Add($"</ul>");
        return Layout.Page("La législation", h.ToMarkup(), "legislation");
    }

    private static string Span(DateOnly from, DateOnly? to) =>
        to is { } t ? $"du {Format.Date(from)} au {Format.Date(t)}" : $"à compter du {Format.Date(from)}";

    public IResult Measure(string id)
    {
        var m = Law.Measure(id);
        if (m is null) return Layout.Error(404, "Mesure introuvable", $"Aucune mesure « {id} » dans la législation {Law.Version}.");
        var h = new Html();
        h.Add($"<p><a href=\"/legislation\">← La législation</a></p><h1>{m.Id} — {m.Title}</h1>");
        if (m.Description is not null) h.Add($"<p>{m.Description}</p>");
        h.Add($"<dl class=\"fiche\"><dt>Période d'application</dt><dd>{Span(m.From, m.To)}</dd><dt>Famille</dt><dd>{m.Family}</dd>");
        h.Add($"<dt>Instituée par</dt><dd>{Explain.Citation(new Citation(m.InstitutedBy, null))}</dd>");
        h.Add($"<dt>Proratisation</dt><dd>{Html.Encode(m.Proration.Title)}</dd>");
        h.Add($"<dt>Montant</dt><dd>");
        if (!m.Amount.IsKnown) h.Add($"inconnu : {m.Amount.UnknownNote}");
        else if (m.Amount.Points is { } pts) h.Add($"<a href=\"/legislation/parametres/{pts.Id}\">{pts.Title}</a> × <a href=\"/legislation/parametres/{m.Amount.PointValue!.Id}\">{m.Amount.PointValue.Title}</a> ÷ 1 200");
        else h.Add($"<a href=\"/legislation/parametres/{m.Amount.Euros!.Id}\">{m.Amount.Euros.Title}</a>");
        h.Add($"</dd>");
        if (m.CedesTo.Count > 0) h.Add($"<dt>Cède la priorité à</dt><dd>{string.Join(", ", m.CedesTo)}</dd>");
        h.Add($"<dt>Confiance</dt><dd>{m.Confidence.ToString()}{(m.Note is null ? "" : " — " + m.Note)}</dd></dl>");
        if (m.Forms.Count > 0)
        {
            h.Add($"<h2>Formes du versement</h2><ul>");
            foreach (var f in m.Forms) h.Add($"<li>{Span(f.From, f.To)} : {f.Label}{Explain.Citations(f.Citations)}</li>");
            h.Add($"</ul>");
        }
        h.Add($"<h2>Critères</h2><ul class=\"criteres regles\">");
        foreach (var r in m.Criteria) h.Add(Rule(r));
        h.Add($"</ul>");
        if (m.Exclusions.Count > 0)
        {
            h.Add($"<h2>Exclusions</h2><ul>");
            foreach (var e in m.Exclusions) h.Add($"<li><a href=\"/legislation#e-{e.Id}\">{e.Title}</a> : <code>{e.Condition.ToString()}</code>{Explain.Citations(e.Citations)}</li>");
            h.Add($"</ul>");
        }
        h.Add($"<h2>Textes</h2>{Explain.Citations(m.Citations)}");
        return Layout.Page(m.Id, h.ToMarkup(), "legislation");
    }

    private static Markup Rule(Rule r)
    {
        var h = new Html();
        h.Add($"<li><span class=\"libelle\">{r.Label}</span>");
        if (r.Id.Length > 0) h.Add($" <code>{r.Id}</code>");
        if (r.From is not null || r.To is not null) h.Add($" <span class=\"dates\">({(r.From is { } f ? "à compter du " + Format.Date(f) : "")}{(r.To is { } t ? " jusqu'au " + Format.Date(t) : "")})</span>");
        if (r.Condition is not null) h.Add($"<div class=\"condition\"><code>{r.Condition.ToString()}</code></div>");
        if (r.Kind != RuleKind.Leaf) h.Add($"<div class=\"combinaison\">{(r.Kind == RuleKind.All ? "toutes ces conditions :" : "une de ces conditions :")}</div>");
        if (r.Confidence != Confidence.H || r.Note is not null) h.Add($"<div class=\"note\">Confiance {r.Confidence.ToString()}{(r.Note is null ? "" : " — " + r.Note)}</div>");
        h.Add(Explain.Citations(r.Citations));
        if (r.Children.Count > 0)
        {
            h.Add($"<ul class=\"criteres\">");
            foreach (var c in r.Children) h.Add(Rule(c));
            h.Add($"</ul>");
        }
        h.Add($"</li>");
        return h.ToMarkup();
    }

    public IResult Parameter(string id)
    {
        if (!Law.Parameters.TryGetValue(id, out var p)) return Layout.Error(404, "Paramètre introuvable", $"Aucun paramètre « {id} » dans la législation {Law.Version}.");
        var h = new Html();
        h.Add($"<p><a href=\"/legislation#parametres\">← Les paramètres</a></p><h1>{p.Title}</h1><p><code>{p.Id}</code> — unité : {p.Unit}.</p>");
        if (p.Description is not null) h.Add($"<p>{p.Description}</p>");
        h.Add($"<table><caption>Valeurs datées</caption><thead><tr><th scope=\"col\">Du</th><th scope=\"col\">Au</th><th scope=\"col\" class=\"nombre\">Valeur</th><th scope=\"col\">Confiance</th><th scope=\"col\">Texte</th></tr></thead><tbody>");
        foreach (var v in p.Values)
            h.Add($"<tr><td>{Format.Date(v.From)}</td><td>{(v.To is { } t ? Format.Date(t) : "—")}</td><td class=\"nombre\">{Format.Number(v.Value)}</td><td>{v.Confidence.ToString()}{(v.Note is null ? "" : " — " + v.Note)}</td><td>{Explain.Citation(v.Citation)}</td></tr>");
        h.Add($"</tbody></table>");
        var users = Law.Measures.Where(m => m.Amount.Points == p || m.Amount.PointValue == p || m.Amount.Euros == p).ToList();
        if (users.Count > 0)
        {
            h.Add($"<h2>Mesures qui l'utilisent</h2><ul>");
            foreach (var m in users) h.Add($"<li><a href=\"/legislation/mesures/{m.Id}\">{m.Id}</a> — {m.Title}</li>");
            h.Add($"</ul>");
        }
        return Layout.Page(p.Title, h.ToMarkup(), "legislation");
    }

    public IResult Texts()
    {
        var h = new Html();
        h.Add($"<p><a href=\"/legislation\">← La législation</a></p><h1>Les textes cités</h1><table><thead><tr><th scope=\"col\">Texte</th><th scope=\"col\">Nature</th><th scope=\"col\">Publication</th><th scope=\"col\">Confiance</th></tr></thead><tbody>");
        foreach (var t in Law.Texts.Values.OrderBy(t => t.PublishedOn ?? t.SignedOn ?? DateOnly.MaxValue).ThenBy(t => t.Id, StringComparer.Ordinal))
        {
            var pub = t.PublishedOn is { } p ? Format.Date(p) : t.Publication ?? "";
            h.Add($"<tr id=\"t-{t.Id}\"><td><a href=\"{Html.SafeUrl(t.Url)}\" rel=\"noopener noreferrer\">{t.Title}</a><br><code>{t.Id}</code>{(t.Note is null ? "" : " — " + t.Note)}</td><td>{t.Nature}</td><td>{pub}</td><td>{t.Confidence.ToString()}</td></tr>");
        }
        h.Add($"</tbody></table>");
        return Layout.Page("Les textes cités", h.ToMarkup(), "legislation");
    }
}
