using System.Globalization;
using Segur.Batch;
using Segur.Engine;
using Segur.Engine.Time;
using Segur.Web.Api;
using Segur.Web.Simulation;
using Segur.Web.Storage;

namespace Segur.Web.Pages;

/// <summary>« Simuler une réforme » and the saved runs: run, show, save, list, reopen, compare.</summary>
public sealed partial class ReformPages(LawService laws, SimulationService sims, IRunStore store, WriteToken token, WebOptions options)
{
    private static readonly NumberFormatInfo Fr = new() { NumberGroupSeparator = " ", NumberDecimalSeparator = ",", NumberDecimalDigits = 0 };
    private static string Int(long n) => n.ToString("#,##0", Fr);
    private static string Euros(long cents) => Format.Euros(cents / 100m);

    private YearMonth Current => ParisClock.CurrentMonth(options.Clock);

    public IResult Form(HttpRequest req, string? reformText = null, string? message = null, int status = 200)
    {
        var q = req.Query;
        var scenario = q["scenario"].ToString();
        var text = reformText ?? q["reforme"].ToString();
        if (string.IsNullOrEmpty(text) && laws.Reforms.FirstOrDefault(r => r.Id == scenario) is { } chosen) text = chosen.Text;
        var builder = Builder(req, out var built);
        if (string.IsNullOrEmpty(text) && built is not null) text = built;
        var h = new Html();
        h.Add($"<h1>Simuler une réforme</h1><p>Appliquez une réforme (un « calque » sur la législation, au format YAML décrit dans <code>docs/reformes.md</code>) à une population de travailleurs : la population nationale synthétique (effectifs documentés, <a href=\"/legislation\">législation {laws.Law.Version}</a>) ou votre fichier d'effectifs (CSV ou Parquet, une colonne par champ du profil).</p>");
        if (message is not null) h.Add($"<p class=\"erreur\" role=\"alert\">{message}</p>");
        h.Add(builder);
        h.Add($"<h2>Simuler</h2><form method=\"get\" action=\"/reforme\" class=\"charger\"><label for=\"scenario\">Partir d'un scénario fourni</label> <select id=\"scenario\" name=\"scenario\"><option value=\"\">(aucun : droit en vigueur seul)</option>");
        foreach (var r in laws.Reforms) h.Add($"<option value=\"{r.Id}\"{(r.Id == scenario ? new Markup(" selected") : default)}>{r.Title}</option>");
        h.Add($"</select> <button type=\"submit\">Charger</button></form>");
        h.Add($"<form method=\"post\" action=\"/reforme\" enctype=\"multipart/form-data\" id=\"simulation\">");
        h.Add($"<fieldset><legend>Population</legend>");
        h.Add($"<div class=\"choix\"><input type=\"radio\" id=\"src-pop\" name=\"source\" value=\"population\" checked><label for=\"src-pop\">Population nationale synthétique</label></div>");
        h.Add($"<p><label for=\"taille\">Taille de l'échantillon</label> <input id=\"taille\" name=\"taille\" type=\"number\" min=\"1\" max=\"{options.MaxPopulation}\" value=\"20000\"> <label for=\"graine\">graine</label> <input id=\"graine\" name=\"graine\" type=\"number\" value=\"1\"></p>");
        h.Add($"<div class=\"choix\"><input type=\"radio\" id=\"src-fichier\" name=\"source\" value=\"fichier\"><label for=\"src-fichier\">Mon fichier d'effectifs</label></div>");
        h.Add($"<p><label for=\"jeton\">Jeton d'écriture (pour téléverser)</label> <input id=\"jeton\" name=\"jeton\" type=\"password\" autocomplete=\"off\"></p>");
        h.Add($"<p><label for=\"fichier\">Fichier CSV ou Parquet (au plus {options.MaxUploadBytes / (1 << 20)} Mo)</label> <input id=\"fichier\" name=\"fichier\" type=\"file\" accept=\".csv,.parquet\"></p></fieldset>");
        h.Add($"<fieldset><legend>Période</legend><label for=\"debut\">Du mois</label> <input id=\"debut\" name=\"debut\" type=\"month\" value=\"2020-09\"> <label for=\"fin\">au mois</label> <input id=\"fin\" name=\"fin\" type=\"month\" value=\"{Current.ToString()}\"> <label for=\"droit_au\">Droit tel que publié le (facultatif)</label> <input id=\"droit_au\" name=\"droit_au\" type=\"date\"></fieldset>");
        h.Add($"<fieldset><legend>Réforme (YAML ; vide : droit en vigueur seul)</legend><textarea id=\"reforme\" name=\"reforme\" rows=\"18\" spellcheck=\"false\">{text}</textarea></fieldset>");
        h.Add($"<button type=\"submit\" class=\"principal\">Lancer la simulation</button></form>");
        return Layout.Page("Simuler une réforme", h.ToMarkup(), "reforme", status);
    }

    /// <summary>POST /reforme/preparer: the form pre-filled with a reform (from « ce qui changerait le résultat »).</summary>
    public async Task<IResult> Prepare(HttpRequest req, CancellationToken ct)
    {
        var form = await FormReader.ReadAsync(req, sims, token, 0, ct);
        return Form(req, form.Get("reforme"));
    }

    public async Task<IResult> Run(HttpRequest req, CancellationToken ct)
    {
        FormData form;
        try
        {
            form = await FormReader.ReadAsync(req, sims, token, options.MaxUploadBytes, ct);
        }
        catch (WebProblem e)
        {
            return Form(req, null, e.Message, e.Status);
        }
        SimulationRequest request;
        try
        {
            request = Request(form);
        }
        catch (WebProblem e)
        {
            return Form(req, form.Get("reforme"), e.Message, e.Status);
        }
        SimulationOutcome outcome;
        try
        {
            outcome = await sims.RunAsync(request, ct);
        }
        catch (SegurException e)
        {
            return Form(req, form.Get("reforme"), string.Join(" ; ", new[] { e.Message }.Concat(e.Details.Take(5))), 400);
        }
        catch (WebProblem e)
        {
            return Form(req, form.Get("reforme"), e.Message, e.Status);
        }
        var h = new Html();
        h.Add($"<h1>Résultat de la simulation</h1>");
        h.Add(Outcome(outcome));
        h.Add($"<form method=\"post\" action=\"/simulations\" class=\"enregistrer\" id=\"enregistrer\"><fieldset><legend>Enregistrer ce calcul</legend>");
        foreach (var (k, v) in Hidden(request, form)) h.Add($"<input type=\"hidden\" name=\"{k}\" value=\"{v}\">");
        h.Add($"<p><label for=\"titre\">Titre</label> <input id=\"titre\" name=\"titre\" required maxlength=\"200\" value=\"{Shorten(outcome.Reformed?.Reform?.Title ?? "Droit en vigueur", 200)}\"></p>");
        h.Add($"<p><label for=\"jeton-enr\">Jeton d'écriture</label> <input id=\"jeton-enr\" name=\"jeton\" type=\"password\" autocomplete=\"off\" required></p>");
        h.Add($"<button type=\"submit\">Enregistrer</button></fieldset></form>");
        return Layout.Page("Résultat de la simulation", h.ToMarkup(), "reforme");
    }

    private static IEnumerable<(string, string)> Hidden(SimulationRequest r, FormData form)
    {
        yield return ("source", r.Source == SourceKind.Upload ? "fichier" : "population");
        yield return ("taille", r.Size.ToString(CultureInfo.InvariantCulture));
        yield return ("graine", r.Seed.ToString(CultureInfo.InvariantCulture));
        if (r.UploadId is not null) yield return ("televersement", r.UploadId);
        if (r.UploadName is not null) yield return ("nom_fichier", r.UploadName);
        yield return ("debut", r.Period.Start.ToString());
        yield return ("fin", r.Period.End.ToString());
        yield return ("droit_au", form.Get("droit_au"));
        yield return ("reforme", r.Reform ?? "");
    }

    private SimulationRequest Request(FormData f)
    {
        var upload = f.Get("source") == "fichier";
        if (upload && f.UploadId is null && string.IsNullOrEmpty(f.Get("televersement")))
            throw new WebProblem(400, "/fichier : aucun fichier choisi ; choisissez un fichier CSV ou Parquet, ou la population nationale synthétique");
        if (!MonthRange.TryParse($"{f.Get("debut")}..{f.Get("fin")}", out var period, out var error)) throw new WebProblem(400, "/periode : " + error);
        DateOnly? asOf = null;
        var asOfText = f.Get("droit_au");
        if (asOfText.Length > 0)
        {
            if (!DateOnly.TryParseExact(asOfText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
                throw new WebProblem(400, $"/droit_au : date « {asOfText} » invalide ; attendu AAAA-MM-JJ");
            asOf = d;
        }
        int Int(string name, int dflt)
        {
            var s = f.Get(name);
            if (s.Length == 0) return dflt;
            return int.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : throw new WebProblem(400, $"/{name} : « {s} » n'est pas un nombre entier");
        }
        var reform = f.Get("reforme").Replace("\r\n", "\n");
        return new SimulationRequest
        {
            Source = upload ? SourceKind.Upload : SourceKind.Population,
            Size = Int("taille", 20_000),
            Seed = Int("graine", 1),
            UploadId = upload ? f.UploadId ?? f.Get("televersement") : null,
            UploadName = upload ? f.UploadName ?? f.Get("nom_fichier") : null,
            Period = period,
            LawAsOf = asOf,
            Reform = string.IsNullOrWhiteSpace(reform) ? null : reform,
        };
    }

    private Markup Outcome(SimulationOutcome o)
    {
        var r = o.Result;
        var h = new Html();
        h.Add($"<p>{o.SourceLabel} ; {Format.Month(r.Period.Start)} à {Format.Month(r.Period.End)} ({r.Period.Count} mois) ; législation {o.Law.Version} (<code>{o.Law.Fingerprint[..12]}</code>){(r.LawAsOf is { } d ? " telle que publiée le " + Format.Date(d) : "")}.</p>");
        h.Add($"<p>{Int(r.RowsEvaluated)} lignes évaluées, {Int(r.RowsRejected)} rejetées, en {r.Elapsed.TotalSeconds.ToString("0.00", CultureInfo.InvariantCulture)} s.</p>");
        if (o.FirstRejections.Count > 0)
        {
            h.Add($"<details><summary>Lignes rejetées (premières)</summary><ul>");
            foreach (var x in o.FirstRejections) h.Add($"<li>ligne {x.Line}, {x.Field} = « {x.Value} » : {x.Reason}</li>");
            h.Add($"</ul></details>");
        }
        if (o.Reformed?.Reform is { } info && r.Difference is { } d2 && r.Reform is { } rs)
        {
            h.Add($"<section class=\"chiffres\" id=\"chiffres\"><h2>Réforme « {info.Title} »</h2><p>Décidée le {Format.Date(info.DecidedOn)} : les mois antérieurs sont versés en rappel.</p><dl class=\"cles\">");
            h.Add($"<div><dt>Nouveaux bénéficiaires</dt><dd id=\"beneficiaires\">{Int(d2.Gainers)}</dd></div>");
            h.Add($"<div><dt>Coût brut sur la période</dt><dd id=\"cout\">{(rs.Total.UnknownAmountBeneficiaries > r.Baseline.Total.UnknownAmountBeneficiaries ? "au moins " : "")}{Euros(d2.Cents)}</dd></div>");
            h.Add($"<div><dt>dont rappels</dt><dd id=\"rappels\">{Euros(d2.ArrearsCents)}</dd></div>");
            h.Add($"<div><dt>Cotisations employeur</dt><dd id=\"cout-employeur\">{Euros(d2.EmployerCents)}</dd></div>");
            h.Add($"<div><dt>Coût brut annuel (dernier mois × 12)</dt><dd id=\"cout-annuel\">{Euros(d2.LastMonthCents * 12)}</dd></div></dl>");
            if (o.Request.Source == SourceKind.Population)
                h.Add($"<p class=\"extrapolation\">Extrapolé à l'effectif national documenté ({Int(sims.NationalHeadcount)} personnes, × {o.NationalScale.ToString("0.##", CultureInfo.InvariantCulture)}) : environ <strong id=\"cout-national\">{Euros((long)(d2.Cents * o.NationalScale))}</strong> sur la période, dont {Euros((long)(d2.ArrearsCents * o.NationalScale))} de rappels, et {Int((long)(d2.Gainers * o.NationalScale))} nouveaux bénéficiaires.</p>");
            h.Add(Charts.Bars(Enumerable.Range(0, d2.ByYearCents.Length).Select(y => ((r.Period.Start.Year + y).ToString(CultureInfo.InvariantCulture), d2.ByYearCents[y] / 100m)).ToList(), "Coût brut supplémentaire de la réforme, par année"));
            h.Add($"</section>");
            h.Add(MeasureTable(r.Baseline, rs));
        }
        else h.Add(MeasureTable(r.Baseline, null));
        h.Add(Charts.Bars(MeasureBars(r.Reform ?? r.Baseline), r.Reform is null ? "Coût brut par mesure (droit en vigueur)" : "Coût brut par mesure (avec la réforme)"));
        return h.ToMarkup();
    }

    private static List<(string, decimal)> MeasureBars(Synthesis s) =>
        Enumerable.Range(0, s.ByMeasure.Length).Where(i => s.ByMeasure[i].Cents != 0).Select(i => (s.Law.Measures[i].Id, s.ByMeasure[i].Cents / 100m)).ToList();

    private static Markup MeasureTable(Synthesis b, Synthesis? reform)
    {
        var h = new Html();
        h.Add($"<table id=\"par-mesure\"><caption>Par mesure</caption><thead><tr><th scope=\"col\">Mesure</th><th scope=\"col\" class=\"nombre\">Bénéficiaires</th><th scope=\"col\" class=\"nombre\">Coût brut</th>");
        if (reform is not null) h.Add($"<th scope=\"col\" class=\"nombre\">Bénéficiaires (réforme)</th><th scope=\"col\" class=\"nombre\">Coût brut (réforme)</th>");
        h.Add($"</tr></thead><tbody>");
        var ids = b.Law.Measures.Select(m => m.Id).ToList();
        if (reform is not null) ids.AddRange(reform.Law.Measures.Select(m => m.Id).Where(x => !ids.Contains(x)));
        foreach (var id in ids)
        {
            var bi = b.Law.Measures.ToList().FindIndex(m => m.Id == id);
            var ri = reform?.Law.Measures.ToList().FindIndex(m => m.Id == id) ?? -1;
            var bc = bi >= 0 ? b.ByMeasure[bi] : null;
            var rc = ri >= 0 ? reform!.ByMeasure[ri] : null;
            if ((bc?.Beneficiaries ?? 0) == 0 && (rc?.Beneficiaries ?? 0) == 0) continue;
            h.Add($"<tr><th scope=\"row\"><a href=\"/legislation/mesures/{id}\">{id}</a></th>{Cells(bc)}");
            if (reform is not null) h.Add(Cells(rc));
            h.Add($"</tr>");
        }
        h.Add($"<tr class=\"total\"><th scope=\"row\">Total</th>{Cells(b.Total)}");
        if (reform is not null) h.Add(Cells(reform.Total));
        h.Add($"</tr></tbody></table>");
        var unknown = reform?.Total.UnknownAmountBeneficiaries > 0 ? reform.Total.UnknownAmountBeneficiaries : b.Total.UnknownAmountBeneficiaries;
        if (unknown > 0)
            h.Add($"<p class=\"avertissement\" id=\"montants-inconnus\">Montant inconnu : aucun texte ne fixe le montant d'une mesure due à {Int(unknown)} bénéficiaire(s) ; ils sont comptés à part, jamais à 0 €, et les coûts affichés sont des minimums (« au moins »).</p>");
        return h.ToMarkup();
    }

    private static string Shorten(string s, int max) => s.Length <= max ? s : s[..(max - 1)].TrimEnd() + "…";

    /// <summary>Beneficiaries and cost of a cell; the cost is « au moins » when some beneficiaries have an unknown amount.</summary>
    private static Markup Cells(SynthesisCell? c)
    {
        if (c is null) return Html.Of($"<td class=\"nombre\">0</td><td class=\"nombre\">{Euros(0)}</td>");
        var unknown = c.UnknownAmountBeneficiaries;
        return unknown == 0
            ? Html.Of($"<td class=\"nombre\">{Int(c.Beneficiaries)}</td><td class=\"nombre\">{Euros(c.Cents)}</td>")
            : Html.Of($"<td class=\"nombre\">{Int(c.Beneficiaries)} (dont {Int(unknown)} au montant inconnu)</td><td class=\"nombre\">au moins {Euros(c.Cents)}</td>");
    }

}
