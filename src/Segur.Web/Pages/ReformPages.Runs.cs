using System.Globalization;
using System.Text.Json;
using Segur.Engine;
using Segur.Web.Api;
using Segur.Web.Simulation;
using Segur.Web.Storage;

namespace Segur.Web.Pages;

/// <summary>The saved runs of « Simuler une réforme »: save, list, show, compare.</summary>
public sealed partial class ReformPages
{
    /// <summary>POST /simulations (form): re-runs the simulation (deterministic) and saves it, then shows it.</summary>
    public async Task<IResult> Save(HttpRequest req, CancellationToken ct)
    {
        var form = await FormReader.ReadAsync(req, sims, token, 0, ct);
        if (!token.Enabled) return Layout.Error(403, "Écriture refusée", "Enregistrement désactivé : le serveur a été démarré sans jeton d'écriture.");
        if (!token.Check(form.Get("jeton"))) return Layout.Error(401, "Jeton invalide", "Jeton d'écriture manquant ou invalide : l'enregistrement demande le jeton configuré au démarrage du serveur.");
        var title = form.Get("titre").Trim();
        if (title.Length is 0 or > 200) return Layout.Error(400, "Titre invalide", "/titre : attendu un titre de 1 à 200 caractères.");
        SimulationOutcome outcome;
        try
        {
            outcome = await sims.RunAsync(Request(form), ct);
        }
        catch (SegurException e)
        {
            return Layout.Error(400, "Simulation impossible", e.Message);
        }
        var id = await store.SaveAsync(SimulationService.ToSaved(outcome, title), ct);
        return Results.Redirect($"/simulations/{id}", permanent: false, preserveMethod: false);
    }

    public async Task<IResult> List(CancellationToken ct)
    {
        var runs = await store.ListAsync(200, ct);
        var h = new Html();
        h.Add($"<h1>Calculs enregistrés</h1><p>Stockage : {store.Kind}. Chaque calcul garde la version et l'empreinte de la législation, et le texte de la réforme.</p>");
        if (runs.Count == 0)
        {
            h.Add($"<p>Aucun calcul enregistré. <a href=\"/reforme\">Simuler une réforme</a>.</p>");
            return Layout.Page("Calculs enregistrés", h.ToMarkup(), "simulations");
        }
        h.Add($"<form method=\"get\" action=\"/simulations/comparer\"><table id=\"calculs\"><thead><tr><th scope=\"col\">A</th><th scope=\"col\">B</th><th scope=\"col\">N°</th><th scope=\"col\">Titre</th><th scope=\"col\">Date</th><th scope=\"col\">Réforme</th><th scope=\"col\">Période</th><th scope=\"col\" class=\"nombre\">Nouveaux bénéficiaires</th><th scope=\"col\" class=\"nombre\">Coût brut</th><th scope=\"col\">Législation</th></tr></thead><tbody>");
        var first = true;
        foreach (var s in runs)
        {
            var r = s.Run;
            h.Add($"<tr><td><input type=\"radio\" name=\"a\" value=\"{s.Id}\" aria-label=\"Comparer {s.Id} (A)\"{(first ? new Markup(" checked") : default(Markup))}></td><td><input type=\"radio\" name=\"b\" value=\"{s.Id}\" aria-label=\"Comparer {s.Id} (B)\"></td>");
            h.Add($"<td>{s.Id}</td><td><a href=\"/simulations/{s.Id}\">{r.Title}</a></td><td>{s.CreatedAt.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)}</td><td>{r.ReformTitle ?? "—"}</td><td>{r.Period}</td><td class=\"nombre\">{Int(r.Gainers)}</td><td class=\"nombre\">{Euros(r.DifferenceCents)}</td><td>{r.LegislationVersion} <code>{r.LegislationFingerprint[..12]}</code></td></tr>");
            first = false;
        }
        h.Add($"</tbody></table><button type=\"submit\">Comparer A et B</button></form>");
        return Layout.Page("Calculs enregistrés", h.ToMarkup(), "simulations");
    }

    public async Task<IResult> Show(long id, CancellationToken ct)
    {
        var s = await store.GetAsync(id, ct);
        if (s is null) return Layout.Error(404, "Calcul introuvable", $"Aucun calcul enregistré sous le n° {id}.");
        var r = s.Run;
        var h = new Html();
        h.Add($"<p><a href=\"/simulations\">← Calculs enregistrés</a></p><h1 id=\"titre-calcul\">{r.Title}</h1>");
        h.Add(Summary(s));
        h.Add(SavedMeasures(r));
        var years = Years(r.SynthesisJson);
        if (years.Count > 0) h.Add(Charts.Bars(years, "Coût brut supplémentaire de la réforme, par année"));
        if (r.ReformText is not null) h.Add($"<details><summary>Texte de la réforme</summary><pre>{r.ReformText}</pre></details>");
        h.Add($"<details><summary>Synthèse JSON</summary><pre>{r.SynthesisJson}</pre></details>");
        h.Add($"<p><a href=\"/api/simulations/{s.Id}\">Ce calcul au format JSON</a></p>");
        return Layout.Page(r.Title, h.ToMarkup(), "simulations");
    }

    private static Markup Summary(SavedRun s)
    {
        var r = s.Run;
        var h = new Html();
        h.Add($"<dl class=\"fiche\"><dt>Enregistré le</dt><dd>{s.CreatedAt.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture)}</dd>");
        h.Add($"<dt>Législation</dt><dd>{r.LegislationVersion}, empreinte <code>{r.LegislationFingerprint}</code></dd>");
        h.Add($"<dt>Réforme</dt><dd>{r.ReformTitle ?? "aucune"}{(r.ReformFingerprint is null ? "" : " (empreinte " + r.ReformFingerprint[..12] + ")")}</dd>");
        h.Add($"<dt>Population</dt><dd>{r.Source} — {Int(r.Rows)} lignes</dd><dt>Période</dt><dd>{r.Period}{(r.LawAsOf is null ? "" : " ; droit au " + r.LawAsOf)}</dd>");
        h.Add($"<dt>Bénéficiaires (droit en vigueur)</dt><dd>{Int(r.Beneficiaries)} ; coût brut {Euros(r.CostCents)}</dd>");
        if (r.ReformTitle is not null)
        {
            h.Add($"<dt>Nouveaux bénéficiaires</dt><dd class=\"beneficiaires\">{Int(r.Gainers)}</dd><dt>Coût brut de la réforme</dt><dd class=\"cout\">{Euros(r.DifferenceCents)}</dd>");
            h.Add($"<dt>dont rappels</dt><dd class=\"rappels\">{Euros(r.ArrearsCents)}</dd><dt>Cotisations employeur</dt><dd>{Euros(r.EmployerDifferenceCents)}</dd>");
        }
        h.Add($"</dl>");
        return h.ToMarkup();
    }

    private static Markup SavedMeasures(NewRun r)
    {
        var h = new Html();
        h.Add($"<table><caption>Par mesure</caption><thead><tr><th scope=\"col\">Scénario</th><th scope=\"col\">Mesure</th><th scope=\"col\" class=\"nombre\">Bénéficiaires</th><th scope=\"col\" class=\"nombre\">Coût brut</th><th scope=\"col\" class=\"nombre\">Cotisations employeur</th></tr></thead><tbody>");
        foreach (var m in r.Measures)
            h.Add($"<tr><td>{(m.Scenario == "reforme" ? "réforme" : "droit en vigueur")}</td><td>{m.MeasureId}</td><td class=\"nombre\">{Int(m.Beneficiaries)}</td><td class=\"nombre\">{Euros(m.Cents)}</td><td class=\"nombre\">{Euros(m.EmployerCents)}</td></tr>");
        h.Add($"</tbody></table>");
        return h.ToMarkup();
    }

    private static List<(string, decimal)> Years(string json)
    {
        try
        {
            using var doc = JsonDocument.Parse(json);
            if (!doc.RootElement.TryGetProperty("difference", out var d) || !d.TryGetProperty("par_annee", out var years)) return [];
            return years.EnumerateArray().Select(y => (y.GetProperty("annee").GetInt32().ToString(CultureInfo.InvariantCulture), y.GetProperty("cout_brut").GetDecimal())).ToList();
        }
        catch (JsonException)
        {
            return [];
        }
    }

    public async Task<IResult> Compare(HttpRequest req, CancellationToken ct)
    {
        if (!long.TryParse(req.Query["a"], CultureInfo.InvariantCulture, out var a) || !long.TryParse(req.Query["b"], CultureInfo.InvariantCulture, out var b))
            return Layout.Error(400, "Comparaison impossible", "Choisissez deux calculs (A et B) dans la liste.");
        var x = await store.GetAsync(a, ct);
        var y = await store.GetAsync(b, ct);
        if (x is null || y is null) return Layout.Error(404, "Calcul introuvable", $"Calcul n° {(x is null ? a : b)} introuvable.");
        var h = new Html();
        h.Add($"<p><a href=\"/simulations\">← Calculs enregistrés</a></p><h1>Comparer deux calculs</h1>");
        if (x.Run.LegislationFingerprint != y.Run.LegislationFingerprint)
            h.Add($"<p class=\"avertissement\">Les deux calculs n'ont pas été faits avec la même législation ({x.Run.LegislationVersion} et {y.Run.LegislationVersion}).</p>");
        if (x.Run.Source != y.Run.Source || x.Run.Period != y.Run.Period)
            h.Add($"<p class=\"avertissement\">Population ou période différentes : la comparaison porte aussi sur elles.</p>");
        h.Add($"<table id=\"comparaison\"><thead><tr><th scope=\"col\"></th><th scope=\"col\">A : <a href=\"/simulations/{x.Id}\">{x.Run.Title}</a></th><th scope=\"col\">B : <a href=\"/simulations/{y.Id}\">{y.Run.Title}</a></th><th scope=\"col\" class=\"nombre\">B − A</th></tr></thead><tbody>");
        void Row(string label, string va, string vb, string diff) => h.Add($"<tr><th scope=\"row\">{label}</th><td>{va}</td><td>{vb}</td><td class=\"nombre\">{diff}</td></tr>");
        Row("Réforme", x.Run.ReformTitle ?? "aucune", y.Run.ReformTitle ?? "aucune", "");
        Row("Législation", x.Run.LegislationVersion, y.Run.LegislationVersion, "");
        Row("Population", x.Run.Source, y.Run.Source, "");
        Row("Période", x.Run.Period, y.Run.Period, "");
        Row("Lignes", Int(x.Run.Rows), Int(y.Run.Rows), Int(y.Run.Rows - x.Run.Rows));
        Row("Nouveaux bénéficiaires", Int(x.Run.Gainers), Int(y.Run.Gainers), Int(y.Run.Gainers - x.Run.Gainers));
        Row("Coût brut de la réforme", Euros(x.Run.DifferenceCents), Euros(y.Run.DifferenceCents), Euros(y.Run.DifferenceCents - x.Run.DifferenceCents));
        Row("dont rappels", Euros(x.Run.ArrearsCents), Euros(y.Run.ArrearsCents), Euros(y.Run.ArrearsCents - x.Run.ArrearsCents));
        Row("Cotisations employeur", Euros(x.Run.EmployerDifferenceCents), Euros(y.Run.EmployerDifferenceCents), Euros(y.Run.EmployerDifferenceCents - x.Run.EmployerDifferenceCents));
        Row("Coût brut, droit en vigueur", Euros(x.Run.CostCents), Euros(y.Run.CostCents), Euros(y.Run.CostCents - x.Run.CostCents));
        h.Add($"</tbody></table>");
        h.Add(Charts.Bars([($"A : {x.Run.Title}", x.Run.DifferenceCents / 100m), ($"B : {y.Run.Title}", y.Run.DifferenceCents / 100m)], "Coût brut de la réforme sur la période"));
        return Layout.Page("Comparer deux calculs", h.ToMarkup(), "simulations");
    }
}
