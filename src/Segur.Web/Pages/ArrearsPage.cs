using Segur.Engine;
using Segur.Engine.Evaluation;
using Segur.Engine.Time;
using Segur.Reports;

namespace Segur.Web.Pages;

/// <summary>
/// « Ce que votre employeur vous doit encore » (<c>/rappels</c>): for the answers of the questionnaire and the
/// month from which the employer actually paid, the months and amounts still owed, and a printable French
/// letter to the employer citing the texts. A GET form: no account, the address can be kept.
/// </summary>
public sealed class ArrearsPage(LawService laws, ConcernePage concerne)
{
    public IResult Handle(HttpRequest req)
    {
        if (concerne.ReadAnswers(req, out var invalid) is not { } a) return invalid!;
        if (Questionnaire.Interview.RequiredOrder.Any(f => !a.Values.ContainsKey(f)))
            return Layout.Error(400, "Réponses incomplètes", "Répondez d'abord au questionnaire « Suis-je concerné ? » : employeur, structure et métier sont nécessaires.");
        EvaluationResult result;
        var paidText = req.Query["verse_depuis"].ToString().Trim();
        YearMonth? paid = null;
        if (paidText.Length > 0)
        {
            if (!YearMonth.TryParse(paidText, out var ym))
                return Layout.Error(400, "Mois invalide", $"/verse_depuis : « {paidText} » n'est pas un mois ; attendu AAAA-MM (ex. 2022-01).");
            paid = ym;
        }
        try
        {
            var profile = laws.Reader.Read(a.ToProfile(laws.Law.Vocabulary), "questionnaire");
            result = laws.Evaluator.Evaluate(profile, a.Period, null, paid);
        }
        catch (SegurException e)
        {
            return Layout.Error(400, "Réponse invalide", e.Message);
        }
        var h = new Html();
        h.Add($"<h1>Ce que votre employeur vous doit encore</h1>");
        h.Add($"<p class=\"intro pas-imprime\">Indiquez le mois à partir duquel votre employeur vous verse effectivement la mesure Ségur : segur calcule, avec les textes, les mois et les montants restant dus avant ce mois, et prépare une lettre de demande de régularisation à imprimer. Aucun compte n'est nécessaire ; rien n'est enregistré.</p>");
        h.Add($"<form method=\"get\" action=\"/rappels\" class=\"verse pas-imprime\" id=\"verse\">{ConcernePage.Hidden(a)}<fieldset><legend>Versement effectif</legend>");
        h.Add($"<label for=\"verse_depuis\">Mon employeur me verse la mesure depuis le mois de</label> <input id=\"verse_depuis\" name=\"verse_depuis\" type=\"month\" required value=\"{paid?.ToString()}\"> <button type=\"submit\" class=\"principal\">Calculer</button></fieldset></form>");
        var summary = result.Months[^1].Summary;
        h.Add($"<section class=\"pas-imprime\">{Explain.Summary(summary)}</section>");
        if (result.Arrears is { } owed)
        {
            h.Add($"<section id=\"reste-du\" class=\"verdict {(owed.Months.Count > 0 ? "oui" : "non")}\"><h2>{(owed.Months.Count == 0 ? "Rien ne reste dû" : "Sommes restant dues : " + ArrearsLetter.Total(owed))}</h2>");
            if (owed.Months.Count == 0)
                h.Add($"<p>Aucune mesure n'était due avant {Format.Month(owed.PaidFrom)} sur la période examinée ({Format.Month(a.Period.Start)} à {Format.Month(a.Period.End)}).</p>");
            else
            {
                h.Add($"<p>{owed.Months.Count} mois dus avant {Format.Month(owed.PaidFrom)} ({Format.Month(owed.Months[0].Month.Month)} à {Format.Month(owed.Months[^1].Month.Month)}).");
                if (owed.UncertainMonths > 0) h.Add($" <span class=\"avertissement\">{owed.UncertainMonths} mois reposent sur un point du droit à confirmer.</span>");
                if (owed.UnknownAmountMonths > 0) h.Add($" <span class=\"avertissement\">Montant inconnu pour {owed.UnknownAmountMonths} mois : aucun texte ne le fixe, il n'est pas compté.</span>");
                h.Add($"</p>");
            }
            h.Add($"</section>");
            if (owed.Months.Count > 0)
            {
                h.Add($"<p class=\"pas-imprime\">La lettre ci-dessous est prête à imprimer (commande Imprimer de votre navigateur) : complétez les mentions entre crochets.</p>");
                h.Add(new Markup(ArrearsLetter.Fragment(result, owed)));
            }
        }
        h.Add($"<p class=\"pas-imprime\"><a href=\"{ConcernePage.Link(a)}\">← Retour au résultat</a></p>");
        return Layout.Page("Ce que votre employeur vous doit encore", h.ToMarkup(), "concerne");
    }
}
