using System.Globalization;
using System.Text;
using Microsoft.Extensions.Primitives;
using Segur.Engine;
using Segur.Engine.Law;
using Segur.Engine.Time;
using Segur.Web.Api;
using Segur.Web.Simulation;

namespace Segur.Web.Pages;

/// <summary>« Réforme sans YAML »: the form that builds an overlay (<see cref="ReformBuilder"/>), shows it and offers it for download.</summary>
public sealed partial class ReformPages
{
    private static readonly string[] PopulationFields = ["employeur.secteur", "employeur.organisme", "employeur.structure", "emploi.profession"];

    /// <summary>The builder's form (a GET form: the reform built has an address), and the overlay it built, if asked.</summary>
    private Markup Builder(HttpRequest req, out string? yaml)
    {
        yaml = null;
        var q = req.Query;
        var asked = q["construire"].ToString() == "1";
        var h = new Html();
        h.Add($"<section id=\"construire\" class=\"construire\"><h2>Construire une réforme sans écrire de YAML</h2>");
        string? message = null;
        if (asked)
        {
            try
            {
                var (text, reformed) = ReformBuilder.Load(laws.Law, Spec(q), Today, laws.WithReform);
                yaml = text;
                var info = reformed.Reform!;
                h.Add($"<div class=\"reforme-construite\" id=\"reforme-construite\"><p><strong>{info.Title}</strong> — réforme chargée et vérifiée comme toute réforme (textes, dates, vocabulaire, conflits entre mesures). Décidée le {Format.Date(info.DecidedOn)} : les mois antérieurs sont des rappels.</p>");
                h.Add($"<p><a id=\"telecharger\" href=\"/reforme/telecharger{req.QueryString.Value}\" download=\"{info.Id}.yaml\">Télécharger la réforme (YAML)</a> · <a href=\"/reforme{req.QueryString.Value}\">adresse de cette réforme</a></p>");
                h.Add($"<details><summary>La réforme au format YAML (docs/reformes.md)</summary><pre id=\"yaml-construit\">{text}</pre></details></div>");
            }
            catch (WebProblem e)
            {
                message = e.Message;
            }
            catch (SegurException e)
            {
                message = string.Join(" ; ", new[] { e.Message }.Concat(e.Details.Take(5)));
            }
        }
        if (message is not null) h.Add($"<p class=\"erreur\" role=\"alert\" id=\"erreur-construction\">{message}</p>");
        var v = laws.Law.Vocabulary;
        var mode = q["mode"].ToString();
        h.Add($"<form method=\"get\" action=\"/reforme\" id=\"formulaire-reforme\"><input type=\"hidden\" name=\"construire\" value=\"1\">");
        h.Add($"<fieldset><legend>Mesure</legend>");
        h.Add($"<div class=\"choix\"><input type=\"radio\" id=\"mode-creer\" name=\"mode\" value=\"creer\"{Checked(mode != "etendre")}><label for=\"mode-creer\">Créer une mesure (famille « socle », versée seulement à qui ne reçoit aucune autre mesure de cette famille)</label></div>");
        h.Add($"<div class=\"choix\"><input type=\"radio\" id=\"mode-etendre\" name=\"mode\" value=\"etendre\"{Checked(mode == "etendre")}><label for=\"mode-etendre\">Étendre une mesure existante</label> <label for=\"mesure\" class=\"visuellement-cache\">Mesure à étendre</label><select id=\"mesure\" name=\"mesure\">");
        foreach (var m in laws.Law.Measures) h.Add($"<option value=\"{m.Id}\"{Selected(q["mesure"].ToString() == m.Id)}>{m.Id} — {m.Title}</option>");
        h.Add($"</select></div></fieldset>");
        h.Add($"<fieldset><legend>Population (plusieurs choix possibles ; un champ laissé vide ne restreint rien)</legend><div class=\"population\">");
        foreach (var name in PopulationFields)
        {
            var f = v[name];
            var param = name.Split('.')[1];
            var selected = q[param];
            h.Add($"<p><label for=\"{param}\">{Capital(f.Label)}</label><br><select id=\"{param}\" name=\"{param}\" multiple size=\"{Math.Min(8, f.Values.Count)}\">");
            foreach (var value in f.Values.OrderBy(x => v.Label(name, x), StringComparer.Create(CultureInfo.GetCultureInfo("fr-FR"), true)))
                h.Add($"<option value=\"{value}\"{Selected(selected.Contains(value))}>{v.Label(name, value)}</option>");
            h.Add($"</select></p>");
        }
        h.Add($"</div></fieldset>");
        var points = q["unite"].ToString() == "points";
        h.Add($"<fieldset><legend>Montant d'une mesure créée (brut mensuel à temps plein)</legend><label for=\"montant\">Montant</label> <input id=\"montant\" name=\"montant\" inputmode=\"decimal\" value=\"{q["montant"].ToString()}\"> ");
        h.Add($"<span class=\"choix\"><input type=\"radio\" id=\"unite-euros\" name=\"unite\" value=\"euros\"{Checked(!points)}><label for=\"unite-euros\">euros</label></span> <span class=\"choix\"><input type=\"radio\" id=\"unite-points\" name=\"unite\" value=\"points\"{Checked(points)}><label for=\"unite-points\">points d'indice majoré (valeur du point de la fonction publique)</label></span>");
        h.Add($"<p class=\"aide\">Une mesure étendue garde son propre montant.</p></fieldset>");
        h.Add($"<fieldset><legend>Dates</legend><label for=\"premier_mois\">Premier mois de droit</label> <input id=\"premier_mois\" name=\"premier_mois\" type=\"month\" required value=\"{Or(q["premier_mois"], "2022-04")}\"> ");
        h.Add($"<label for=\"decision\">Date de la décision (les mois antérieurs sont des rappels)</label> <input id=\"decision\" name=\"decision\" type=\"date\" required value=\"{Or(q["decision"], Format.Iso(new DateOnly(Today.Year + 1, 1, 1)))}\"></fieldset>");
        h.Add($"<fieldset><legend>Présentation (facultatif)</legend><label for=\"intitule\">Intitulé</label> <input id=\"intitule\" name=\"intitule\" type=\"text\" maxlength=\"200\" value=\"{q["intitule"].ToString()}\"> <label for=\"source\">Adresse d'une source (question écrite, revendication)</label> <input id=\"source\" name=\"source\" type=\"text\" maxlength=\"500\" value=\"{q["source"].ToString()}\"></fieldset>");
        h.Add($"<button type=\"submit\" class=\"principal\">Construire la réforme</button></form>");
        h.Add($"<p class=\"aide\">La réforme construite est recopiée dans le champ YAML ci-dessous : vous pouvez la modifier, puis lancer la simulation et l'enregistrer (l'enregistrement donne une adresse à partager, <code>/simulations/n</code>).</p></section>");
        return h.ToMarkup();
    }

    /// <summary>GET /reforme/telecharger: the overlay built from the same form, as a YAML file.</summary>
    public IResult Download(HttpRequest req)
    {
        try
        {
            var (yaml, reformed) = ReformBuilder.Load(laws.Law, Spec(req.Query), Today, laws.WithReform);
            return Results.File(Encoding.UTF8.GetBytes(yaml), "application/yaml; charset=utf-8", reformed.Reform!.Id + ".yaml");
        }
        catch (WebProblem e)
        {
            return Layout.Error(e.Status, "Réforme incomplète", e.Message);
        }
        catch (SegurException e)
        {
            return Layout.Error(400, "Réforme invalide", e.Message);
        }
    }

    private DateOnly Today => ParisClock.Today(options.Clock);

    private static ReformSpec Spec(IQueryCollection q)
    {
        if (!YearMonth.TryParse(q["premier_mois"].ToString(), out var from))
            throw new WebProblem(400, $"/premier_mois : « {q["premier_mois"]} » n'est pas un mois ; attendu AAAA-MM");
        if (!DateOnly.TryParseExact(q["decision"].ToString(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var decided))
            throw new WebProblem(400, $"/decision : « {q["decision"]} » n'est pas une date ; attendu AAAA-MM-JJ");
        decimal? amount = null;
        var amountText = q["montant"].ToString().Replace(',', '.').Replace(" ", "").Replace("€", "");
        if (amountText.Length > 0)
        {
            if (!decimal.TryParse(amountText, NumberStyles.Number, CultureInfo.InvariantCulture, out var a))
                throw new WebProblem(400, $"/montant : « {q["montant"]} » n'est pas un nombre");
            amount = a;
        }
        static IReadOnlyList<string> Values(StringValues v) => v.Where(x => !string.IsNullOrWhiteSpace(x)).Select(x => x!.Trim()).Distinct().ToList();
        return new ReformSpec
        {
            Mode = q["mode"].ToString() == "etendre" ? ReformMode.Extend : ReformMode.Create,
            Measure = q["mesure"].ToString() is { Length: > 0 } m ? m : null,
            Secteurs = Values(q["secteur"]), Organismes = Values(q["organisme"]), Structures = Values(q["structure"]), Professions = Values(q["profession"]),
            Amount = amount, Points = q["unite"].ToString() == "points",
            From = from, DecidedOn = decided,
            Title = q["intitule"].ToString() is { Length: > 0 } t ? t : null,
            Source = q["source"].ToString() is { Length: > 0 } s ? s.Trim() : null,
        };
    }

    private static Markup Checked(bool on) => on ? new Markup(" checked") : default;
    private static Markup Selected(bool on) => on ? new Markup(" selected") : default;
    private static string Or(StringValues v, string fallback) => v.ToString() is { Length: > 0 } s ? s : fallback;
    private static string Capital(string s) => s.Length > 0 ? char.ToUpperInvariant(s[0]) + s[1..] : s;
}
