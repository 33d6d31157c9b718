using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Segur.Engine;
using Segur.Engine.Evaluation;
using Segur.Engine.Law;
using Segur.Engine.Time;
using Segur.Reports;
using Segur.Web.Questionnaire;

namespace Segur.Web.Pages;

/// <summary>« Suis-je concerné ? » : one question per page (a GET form carrying the answers so far), then the verdict.</summary>
public sealed class ConcernePage(LawService laws, WebOptions options, WhatIf whatIf)
{
    private Vocabulary Vocab => laws.Law.Vocabulary;

    public static readonly YearMonth DefaultStart = new(2020, 9);

    /// <summary>The answers carried by the address (GET form), with the period; an error page when the period is invalid.</summary>
    public Answers? ReadAnswers(HttpRequest req, out IResult? error)
    {
        var q = req.Query;
        error = null;
        var current = ParisClock.CurrentMonth(options.Clock);
        var debut = q["debut"].ToString();
        var fin = q["fin"].ToString();
        if (string.IsNullOrEmpty(debut)) debut = DefaultStart.ToString();
        if (string.IsNullOrEmpty(fin)) fin = current.ToString();
        if (!MonthRange.TryParse($"{debut}..{fin}", out var period, out var message))
        {
            error = Layout.Error(400, "Période invalide", "Période : " + message);
            return null;
        }
        if (period.Count > Verification.MaxMonths)
        {
            error = Layout.Error(400, "Période invalide", $"Période : {period.Count} mois ; au plus {Verification.MaxMonths} mois.");
            return null;
        }
        var answers = new Answers { Period = period };
        foreach (var f in Interview.Askable)
        {
            var v = q[f].ToString().Trim();
            if (v.Length > 0) answers.Values[f] = v;
        }
        foreach (var u in q["inconnus"].ToString().Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Concat(q["nsp"].Select(s => s ?? "")))
        {
            if (Interview.Askable.Contains(u) && !Interview.RequiredOrder.Contains(u)) answers.Unknown.Add(u);
        }
        return answers;
    }

    public IResult Handle(HttpRequest req)
    {
        if (ReadAnswers(req, out var invalid) is not { } answers) return invalid!;
        var interview = new Interview(laws.Law, laws.Reader, laws.Evaluator);
        Question? next;
        EvaluationResult? result;
        try
        {
            next = interview.Next(answers, out result);
        }
        catch (SegurException e)
        {
            return Layout.Page("Réponse invalide", Html.Of($"<h1>Réponse invalide</h1><p class=\"erreur\" role=\"alert\">{e.Message}</p><p><a href=\"/concerne\">Recommencer le questionnaire</a></p>"), "concerne", 400);
        }
        return next is not null ? Ask(next, answers) : ShowVerdict(answers, result!);
    }

    public static Markup Hidden(Answers a, string? except = null)
    {
        var h = new Html();
        foreach (var (k, v) in a.Values) if (k != except) h.Add($"<input type=\"hidden\" name=\"{k}\" value=\"{v}\">");
        if (a.Unknown.Count > 0) h.Add($"<input type=\"hidden\" name=\"inconnus\" value=\"{string.Join(",", a.Unknown)}\">");
        h.Add($"<input type=\"hidden\" name=\"debut\" value=\"{a.Period.Start.ToString()}\"><input type=\"hidden\" name=\"fin\" value=\"{a.Period.End.ToString()}\">");
        return h.ToMarkup();
    }

    public static string Link(Answers a, string? without = null)
    {
        var parts = a.Values.Where(kv => kv.Key != without).Select(kv => $"{Uri.EscapeDataString(kv.Key)}={Uri.EscapeDataString(kv.Value)}").ToList();
        var unknown = a.Unknown.Where(u => u != without).ToList();
        if (unknown.Count > 0) parts.Add("inconnus=" + Uri.EscapeDataString(string.Join(",", unknown)));
        parts.Add("debut=" + a.Period.Start);
        parts.Add("fin=" + a.Period.End);
        return "/concerne?" + string.Join("&", parts);
    }

    /// <summary>The arrears page for the same answers (« ce que l'employeur doit encore »).</summary>
    private static string ArrearsLink(Answers a) => "/rappels" + Link(a)["/concerne".Length..];

    private Markup Recap(Answers a)
    {
        if (a.Values.Count == 0 && a.Unknown.Count == 0) return default;
        var h = new Html();
        h.Add($"<section class=\"recapitulatif\" aria-label=\"Vos réponses\"><h2>Vos réponses</h2><dl>");
        foreach (var f in Interview.RequiredOrder.Concat(Interview.Priority).Append("emploi.quotite").Append("emploi.temps_partiel"))
        {
            if (a.Values.TryGetValue(f, out var v))
                h.Add($"<dt>{Vocab.Label(f)}</dt><dd>{ValueLabel(f, v)} <a href=\"{Link(a, f)}\">modifier</a></dd>");
            else if (a.Unknown.Contains(f))
                h.Add($"<dt>{Vocab.Label(f)}</dt><dd>je ne sais pas <a href=\"{Link(a, f)}\">modifier</a></dd>");
        }
        h.Add($"</dl><p><a href=\"/concerne\">Recommencer</a></p></section>");
        return h.ToMarkup();
    }

    private string ValueLabel(string field, string v) =>
        field == "emploi.quotite" && decimal.TryParse(v, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) ? Format.Percent(d) : Vocab.Label(field, v);

    private IResult Ask(Question question, Answers a)
    {
        var asked = Vocab[question.Field];
        var (title, hint) = (asked.Question ?? asked.Description, asked.Hint);
        var number = a.Values.Count + a.Unknown.Count + 1;
        var h = new Html();
        h.Add($"<h1>Suis-je concerné par le Ségur ?</h1>");
        h.Add($"<p class=\"intro\">Répondez aux questions : seules celles qui comptent pour votre cas sont posées. Période examinée : {Format.Month(a.Period.Start)} à {Format.Month(a.Period.End)}.</p>");
        h.Add($"<form class=\"question\" method=\"get\" action=\"/concerne\" id=\"questionnaire\">{Hidden(a, question.Field)}");
        h.Add($"<fieldset><legend><span class=\"numero\">Question {number}</span> <span id=\"question-titre\">{title}</span></legend>");
        if (hint is not null) h.Add($"<p class=\"aide\">{hint}</p>");
        var current = a.Values.GetValueOrDefault(question.Field);
        var name = question.Field;
        switch (question.Kind)
        {
            case FieldKind.Enum when question.Values.Count > 14:
                h.Add($"<label for=\"champ\">{Vocab.Label(name)}</label><select id=\"champ\" name=\"{name}\" required><option value=\"\">— choisir —</option>");
                foreach (var v in question.Values.OrderBy(v => v == "autre" ? 1 : 0).ThenBy(v => Vocab.Label(name, v), StringComparer.Create(CultureInfo.GetCultureInfo("fr-FR"), true)))
                    h.Add($"<option value=\"{v}\"{(v == current ? new Markup(" selected") : default)}>{Vocab.Label(name, v)}</option>");
                h.Add($"</select>");
                break;
            case FieldKind.Enum or FieldKind.Boolean:
                var values = question.Kind == FieldKind.Boolean ? new[] { "true", "false" } : question.Values.ToArray();
                var i = 0;
                foreach (var v in values)
                {
                    i++;
                    h.Add($"<div class=\"choix\"><input type=\"radio\" id=\"c{i}\" name=\"{name}\" value=\"{v}\" required{(v == current ? new Markup(" checked") : default)}><label for=\"c{i}\">{Vocab.Label(name, v)}</label></div>");
                }
                break;
            case FieldKind.Number when name == "emploi.quotite":
                var j = 0;
                foreach (var (v, label) in new[] { ("1", "Temps plein"), ("0.9", "90 %"), ("0.8", "80 %"), ("0.75", "75 %"), ("0.7", "70 %"), ("0.6", "60 %"), ("0.5", "50 %") })
                {
                    j++;
                    h.Add($"<div class=\"choix\"><input type=\"radio\" id=\"q{j}\" name=\"{name}\" value=\"{v}\" required{(v == current ? new Markup(" checked") : default)}><label for=\"q{j}\">{label}</label></div>");
                }
                break;
            default:
                h.Add($"<label for=\"champ\">{Vocab.Label(name)}</label><input id=\"champ\" name=\"{name}\" inputmode=\"numeric\" pattern=\"[0-9]{{1,6}}\" required value=\"{current}\">");
                break;
        }
        h.Add($"</fieldset><p class=\"pourquoi\">Pourquoi cette question ? {question.Why}</p>");
        h.Add($"<div class=\"actions\"><button type=\"submit\" class=\"principal\">Continuer</button>");
        h.Add($"</div></form>");
        if (!question.Required)
            h.Add($"<form method=\"get\" action=\"/concerne\" class=\"nsp\">{Hidden(a, question.Field)}<button type=\"submit\" name=\"nsp\" value=\"{name}\">Je ne sais pas</button></form>");
        h.Add(Recap(a));
        return Layout.Page("Suis-je concerné ?", h.ToMarkup(), "concerne");
    }

    private IResult ShowVerdict(Answers a, EvaluationResult r)
    {
        var h = new Html();
        var months = r.Months;
        var last = months[^1];
        var eligibleMonths = months.Count(m => m.Eligible);
        var undetermined = months.Any(m => !m.Eligible && m.Open.Any(o => o.DecidesVerdict));
        string headline, cls;
        if (last.Eligible) { headline = "Oui : une mesure Ségur vous est due"; cls = "oui"; }
        else if (eligibleMonths > 0) { headline = $"Oui, pour une partie de la période : {eligibleMonths} mois sur {months.Count}"; cls = "oui"; }
        else if (undetermined) { headline = "Peut-être : il manque une information pour conclure"; cls = "peut-etre"; }
        else { headline = "Non : aucune mesure Ségur ne vous est due sur la période"; cls = "non"; }
        h.Add($"<h1>Suis-je concerné par le Ségur ?</h1>");
        h.Add($"<section id=\"verdict\" class=\"verdict {cls}\" data-eligible=\"{(eligibleMonths > 0 ? "oui" : "non")}\" aria-live=\"polite\"><h2>{headline}</h2>");
        h.Add(Explain.Summary(last.Summary));
        if (last.Eligible)
        {
            h.Add($"<p>En {Format.Month(last.Month)} : <strong>{string.Join(" + ", last.Retained)}</strong>, <strong id=\"montant-mensuel\">{(last.Gross is { } g ? Format.Euros(g) : "montant inconnu")}</strong> brut par mois");
            if (last.NetEstimate is { } net) h.Add($" (≈ {Format.Euros(net)} net, estimation)");
            h.Add($".</p>");
        }
        h.Add($"<p>Total brut dû de {Format.Month(r.Period.Start)} à {Format.Month(r.Period.End)} : <strong id=\"total\">{Words.Total(r)}</strong>.</p>");
        if (months.Any(m => m.Uncertain)) h.Add($"<p class=\"avertissement\">Certains mois sont incertains : un point du droit reste à confirmer (voir l'explication).</p>");
        h.Add($"</section>");

        if (eligibleMonths > 0)
        {
            h.Add(Charts.Monthly(months.Select(m => (m.Month.ToString(), m.Gross, m.Uncertain)).ToList(), "Montant brut mensuel Ségur dû, mois par mois"));
            h.Add(Runs(months));
            h.Add($"<p class=\"rappel-lien\"><a href=\"{ArrearsLink(a)}\">Votre employeur ne vous verse pas tout ? Calculer les sommes restant dues et préparer un courrier</a></p>");
        }

        h.Add($"<details class=\"explication\" id=\"detail\"><summary>Pourquoi : critère par critère ({Format.Month(last.Month)})</summary>");
        h.Add(Explain.Month(last));
        var lastEligible = months.LastOrDefault(m => m.Eligible);
        if (!last.Eligible && lastEligible is not null)
        {
            h.Add($"<h3>Et en {Format.Month(lastEligible.Month)}, dernier mois où une mesure était due</h3>");
            h.Add(Explain.Month(lastEligible));
        }
        h.Add($"</details>");

        h.Add(Changes(a, last.Month));
        h.Add(Recap(a));
        var json = a.ToProfile(laws.Law.Vocabulary).ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        h.Add($"<details class=\"profil-json\"><summary>Votre profil au format JSON (pour <code>segur verifier</code> ou <code>POST /api/verifier</code>)</summary><pre>{json}</pre></details>");
        h.Add($"<form method=\"get\" action=\"/concerne\" class=\"periode\">{Hidden(a)}<fieldset><legend>Changer la période examinée</legend>");
        h.Add($"<label for=\"debut\">Du mois</label> <input id=\"debut\" name=\"debut\" type=\"month\" value=\"{a.Period.Start.ToString()}\"> <label for=\"fin\">au mois</label> <input id=\"fin\" name=\"fin\" type=\"month\" value=\"{a.Period.End.ToString()}\"> <button type=\"submit\">Recalculer</button></fieldset></form>");
        return Layout.Page("Résultat — Suis-je concerné ?", h.ToMarkup(), "concerne");
    }

    private static Markup Runs(IReadOnlyList<MonthResult> months)
    {
        var runs = new List<List<MonthResult>>();
        foreach (var m in months)
        {
            if (runs.Count > 0 && runs[^1][^1].Gross == m.Gross && runs[^1][^1].Retained.SequenceEqual(m.Retained) && runs[^1][^1].Uncertain == m.Uncertain) runs[^1].Add(m);
            else runs.Add([m]);
        }
        var h = new Html();
        h.Add($"<table class=\"mois\"><caption>Montants mois par mois</caption><thead><tr><th scope=\"col\">Mois</th><th scope=\"col\">Mesure</th><th scope=\"col\" class=\"nombre\">Brut mensuel</th><th scope=\"col\" class=\"nombre\">Net estimé</th><th scope=\"col\">Certitude</th></tr></thead><tbody>");
        foreach (var run in runs)
        {
            var f = run[0];
            var span = run.Count == 1 ? Format.Month(f.Month) : $"{Format.Month(f.Month)} à {Format.Month(run[^1].Month)}";
            h.Add($"<tr><td>{span}</td><td>{(f.Eligible ? string.Join(" + ", f.Retained) : "aucune")}</td><td class=\"nombre\">{(f.Gross is { } g ? Format.Euros(g) : "inconnu")}</td><td class=\"nombre\">{(f.Eligible ? (f.NetEstimate is { } n ? "≈ " + Format.Euros(n) : "non estimé") : "")}</td><td>{(f.Uncertain ? "incertain (" + f.Confidence + ")" : "établi")}</td></tr>");
        }
        h.Add($"</tbody></table>");
        return h.ToMarkup();
    }

    private Markup Changes(Answers a, YearMonth month)
    {
        var h = new Html();
        h.Add($"<section id=\"changements\" class=\"changements\"><h2>Ce qui changerait le résultat</h2>");
        var profile = laws.Reader.Read(a.ToProfile(laws.Law.Vocabulary), "questionnaire");
        var result = whatIf.Compute(profile, month, ParisClock.Today(options.Clock));
        if (laws.Evaluator.EvaluateMonth(profile, month).Eligible)
        {
            h.Add($"<p>Vous êtes concerné en {Format.Month(month)} : le montant dépend de votre temps de travail, de vos dates d'entrée et de sortie, et des textes cités ci-dessus.</p></section>");
            return h.ToMarkup();
        }
        h.Add($"<details class=\"situations\"><summary>Un changement de votre situation</summary>");
        if (result.Situation.Count == 0) h.Add($"<p>Aucun changement d'une ou deux de vos réponses ne vous rendrait éligible en {Format.Month(month)}.</p>");
        else
        {
            var first = result.Situation[0];
            h.Add($"<p>Le plus petit changement : {(first.Fields.Count == 1 ? "une seule réponse" : "deux réponses")} ({string.Join(" et ", first.Fields.Select(Vocab.Label))}).</p><ul class=\"situations\">");
            foreach (var g in result.Situation.Take(6))
            {
                h.Add($"<li><strong>Si votre {string.Join(" et votre ", g.Fields.Select(Vocab.Label))} était</strong> : ");
                var shown = g.Options.Take(6).Select(o => Html.Of($"{string.Join(" et ", o.Changes.Select(c => Vocab.Label(c.Field, c.Value switch { "oui" => "true", "non" => "false", var s => s })))} → {string.Join(" + ", o.Measures)}{(o.Pending.Count > 0 ? " sous réserve de : " + string.Join(", ", o.Pending.Select(Vocab.Label)) : o.Gross is { } x ? ", " + Format.Euros(x) + " brut par mois" : ", montant inconnu")}")).ToList();
                h.Add($"{new Markup(string.Join(" ; ", shown.Select(s => s.Value)))}");
                if (g.Options.Count > 6) h.Add($" ; et {g.Options.Count - 6} autre(s)");
                h.Add($".</li>");
            }
            h.Add($"</ul>");
        }
        h.Add($"</details>");
        h.Add($"<h3>Un changement du droit</h3>");
        if (result.Law is { } lc)
        {
            h.Add($"<p id=\"changement-droit\">{lc.Summary} {(lc.Pending.Count > 0 ? "La mesure vous serait alors due sous réserve de : " + string.Join(", ", lc.Pending.Select(Vocab.Label)) + "." : lc.Gross is { } g ? "Vous percevriez alors " + Format.Euros(g) + " brut par mois." : "Le montant serait inconnu.")}</p>");
            h.Add($"<details><summary>Les critères à modifier</summary><ul class=\"criteres\">");
            foreach (var c in lc.Failed) h.Add(Explain.Criterion(c));
            h.Add($"</ul></details>");
            h.Add($"<form method=\"post\" action=\"/reforme/preparer\"><input type=\"hidden\" name=\"reforme\" value=\"{lc.ReformYaml}\"><button type=\"submit\">Simuler cette réforme sur la population nationale</button></form>");
            h.Add($"<details><summary>La réforme au format YAML</summary><pre>{lc.ReformYaml}</pre></details>");
        }
        else h.Add($"<p>Aucune extension d'une mesure existante ne vous rendrait éligible sans créer de conflit avec une autre mesure.</p>");
        foreach (var n in result.Notes) h.Add($"<p class=\"note\">{n}</p>");
        h.Add($"</section>");
        return h.ToMarkup();
    }
}
