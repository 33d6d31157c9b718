using System.Text;

namespace Segur.Web.Pages;

/// <summary>The page shell: French, one stylesheet, no inline script or style (strict CSP).</summary>
public static class Layout
{
    public static IResult Page(string title, Markup body, string active = "", int status = 200)
    {
        var h = new Html();
        h.Add($"""
            <!doctype html>
            <html lang="fr">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>{title} — segur</title>
            <link rel="stylesheet" href="/static/site.css">
            </head>
            <body>
            <a class="evitement" href="#contenu">Aller au contenu</a>
            <header class="bandeau">
            <a class="marque" href="/">segur</a>
            <nav aria-label="Navigation principale"><ul>
            {Item("/concerne", "Suis-je concerné ?", active == "concerne")}
            {Item("/legislation", "La législation", active == "legislation")}
            {Item("/reforme", "Simuler une réforme", active == "reforme")}
            {Item("/simulations", "Calculs enregistrés", active == "simulations")}
            {Item("/api/reference", "API", false)}
            </ul></nav>
            </header>
            <main id="contenu">
            {body}
            </main>
            <footer><p>segur — moteur de règles des revalorisations du Ségur de la santé. Chaque résultat cite les textes qui le fondent ; il ne remplace pas la décision de votre employeur.</p></footer>
            </body>
            </html>
            """);
        return new HtmlResult(h.ToString(), status);
    }

    private static Markup Item(string href, string label, bool active) =>
        active ? Html.Of($"<li><a href=\"{href}\" aria-current=\"page\">{label}</a></li>") : Html.Of($"<li><a href=\"{href}\">{label}</a></li>");

    public static IResult Error(int status, string title, string message) =>
        Page(title, Html.Of($"<h1>{title}</h1><p class=\"erreur\" role=\"alert\">{message}</p><p><a href=\"/\">Retour à l'accueil</a></p>"), status: status);
}

/// <summary>An HTML response (UTF-8).</summary>
public sealed class HtmlResult(string html, int status = 200) : IResult
{
    public Task ExecuteAsync(HttpContext ctx)
    {
        ctx.Response.StatusCode = status;
        ctx.Response.ContentType = "text/html; charset=utf-8";
        return ctx.Response.WriteAsync(html, Encoding.UTF8);
    }
}
