using Segur.Engine;
using Segur.Web.Storage;

namespace Segur.Web.Pages;

/// <summary>The home page: the three things the site does.</summary>
public static class HomePage
{
    public static IResult Render(LawService laws, IRunStore store)
    {
        var l = laws.Law;
        var h = new Html();
        h.Add($"<h1>Revalorisations du Ségur de la santé</h1>");
        h.Add($"<p class=\"intro\">Complément de traitement indiciaire, primes et indemnités Ségur : qui y a droit, combien, depuis quand, et pourquoi — chaque réponse cite ses textes. Législation {l.Version} ({l.Measures.Count} mesures, {l.Texts.Count} textes).</p>");
        h.Add($"<div class=\"cartes\">");
        h.Add($"<a class=\"carte\" href=\"/concerne\"><h2>Suis-je concerné ?</h2><p>Quelques questions, seulement celles qui comptent pour votre cas ; puis le verdict, les montants mois par mois, l'explication critère par critère et ce qui changerait le résultat.</p></a>");
        h.Add($"<a class=\"carte\" href=\"/legislation\"><h2>La législation</h2><p>Chaque mesure, chaque paramètre, ses valeurs datées et les textes qui les fixent.</p></a>");
        h.Add($"<a class=\"carte\" href=\"/reforme\"><h2>Simuler une réforme</h2><p>Coût, bénéficiaires et rappels d'une réforme sur la population nationale synthétique ou sur votre fichier d'effectifs ; calculs enregistrés et comparés ({store.Kind}).</p></a>");
        h.Add($"</div>");
        return Layout.Page("Accueil", h.ToMarkup());
    }
}
