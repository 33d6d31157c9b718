using System.Globalization;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Features;
using Segur.Engine;
using Segur.Web.Api;
using Segur.Web.Pages;

namespace Segur.Web;

/// <summary>
/// The one place where an error status becomes a French answer: a problem document
/// (<c>application/problem+json</c>) for the API and for clients asking for JSON, a French page for
/// browsers. Framework statuses (404, 405, 413, 415, 503 of a timeout…), exceptions, overload
/// rejections and the request-size limits all come through here.
/// </summary>
public static class ErrorResponses
{
    /// <summary>Writes the French answer for <paramref name="status"/> unless a response has already started.</summary>
    public static async Task WriteAsync(HttpContext ctx, int status, string message, IReadOnlyList<string>? details = null, TimeSpan? retryAfter = null)
    {
        var response = ctx.Response;
        if (response.HasStarted) return;
        response.Clear();
        WebServer.SecurityHeaders(ctx);
        response.StatusCode = status;
        if (retryAfter is { } wait) response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        if (WantsJson(ctx.Request))
        {
            await Problem.Result(status, message, details).ExecuteAsync(ctx);
            return;
        }
        var text = string.Join(" ; ", new[] { message }.Concat((details ?? []).Take(10)));
        await Layout.Error(status, Problem.Title(status), text).ExecuteAsync(ctx);
    }

    /// <summary>The French message of a status the framework produced without one (no body yet).</summary>
    public static string MessageFor(HttpContext ctx, int status)
    {
        var req = ctx.Request;
        return status switch
        {
            400 => "requête mal formée ; vérifiez l'adresse, les en-têtes et le corps envoyés",
            404 => $"{req.Path} : adresse inconnue ; les pages sont listées sur /, l'API sur /api/reference",
            405 => $"{req.Method} {req.Path} : méthode non autorisée pour cette adresse",
            408 => "délai de réception de la requête dépassé ; le corps est arrivé trop lentement",
            411 => "longueur du corps manquante ; attendu un en-tête Content-Length ou un corps « chunked »",
            413 => "requête trop volumineuse",
            415 => $"type de contenu « {req.ContentType ?? "absent"} » non pris en charge ; attendu application/json (UTF-8)",
            503 => "délai de traitement dépassé ou serveur occupé ; réessayez",
            >= 500 => "erreur interne du serveur ; merci de signaler ce problème avec la requête utilisée",
            _ => Problem.Title(status),
        };
    }

    /// <summary>Status, French message and details for an exception that reached the pipeline.</summary>
    public static (int Status, string Message, IReadOnlyList<string> Details, TimeSpan? RetryAfter) Describe(Exception e) => e switch
    {
        WebProblem p => (p.Status, p.Message, p.Details, p.RetryAfter),
        SegurException s => (400, s.Message, s.Details, null),
        BadHttpRequestException b => (b.StatusCode, BadRequest(b.StatusCode), [], null),
        InvalidDataException => (400, "formulaire multipart mal formé (séparateur, en-têtes de partie ou longueur incorrects) ; attendu multipart/form-data conforme", [], null),
        OperationCanceledException or TimeoutException => (503, "délai de traitement dépassé ; réduisez la période ou la population", [], null),
        _ => (500, "erreur interne du serveur ; merci de signaler ce problème avec la requête utilisée", [], null),
    };

    private static string BadRequest(int status) => status switch
    {
        413 => "requête trop volumineuse",
        408 => "délai de réception du corps dépassé ; le corps est arrivé trop lentement",
        411 => "longueur du corps manquante ; attendu un en-tête Content-Length ou un corps « chunked »",
        431 => "en-têtes de la requête trop volumineux",
        _ => "requête mal formée : corps tronqué, longueur annoncée fausse ou encodage « chunked » invalide",
    };

    /// <summary>The exception handler: every exception becomes a French answer, never a stack trace.</summary>
    public static Task HandleException(HttpContext ctx)
    {
        var e = ctx.Features.Get<IExceptionHandlerFeature>()?.Error;
        var (status, message, details, retry) = e is null ? (500, MessageFor(ctx, 500), [], null) : Describe(e);
        return WriteAsync(ctx, status, message, details, retry);
    }

    /// <summary>Status-code pages: a framework status without a body gets its French answer.</summary>
    public static Task HandleStatus(StatusCodeContext context)
    {
        var http = context.HttpContext;
        if (http.Response.HasStarted || http.Response.ContentLength is > 0) return Task.CompletedTask;
        var status = http.Response.StatusCode;
        return WriteAsync(http, status, MessageFor(http, status), null, status == 503 ? TimeSpan.FromSeconds(1) : null);
    }

    /// <summary>
    /// Request-size limits below Kestrel's own (see <see cref="WebOptions.HardUrlBytes"/>): a request
    /// target over <see cref="WebOptions.MaxUrlBytes"/> gets 414, headers over
    /// <see cref="WebOptions.MaxHeaderBytes"/> 431, each with its French problem document.
    /// </summary>
    public static Func<HttpContext, Func<Task>, Task> RequestLimits(WebOptions options) => async (ctx, next) =>
    {
        var target = ctx.Features.Get<IHttpRequestFeature>()?.RawTarget;
        var url = string.IsNullOrEmpty(target) ? ctx.Request.Path.Value?.Length + ctx.Request.QueryString.Value?.Length ?? 0 : target.Length;
        if (url > options.MaxUrlBytes)
        {
            await WriteAsync(ctx, 414, $"adresse de {url} octets ; au plus {options.MaxUrlBytes} octets acceptés ; pour envoyer un profil complet, utilisez POST /api/verifier");
            return;
        }
        var headers = 0;
        foreach (var (name, values) in ctx.Request.Headers)
        {
            foreach (var v in values) headers += name.Length + (v?.Length ?? 0) + 4;
        }
        if (headers > options.MaxHeaderBytes)
        {
            await WriteAsync(ctx, 431, $"en-têtes de la requête de {headers} octets ; au plus {options.MaxHeaderBytes} octets acceptés (cookies ou jetons trop longs ?)");
            return;
        }
        await next();
    };

    private static bool WantsJson(HttpRequest req)
    {
        if (req.Path.StartsWithSegments("/api")) return true;
        var accept = req.Headers.Accept.ToString();
        return accept.Contains("json", StringComparison.OrdinalIgnoreCase) && !accept.Contains("text/html", StringComparison.OrdinalIgnoreCase);
    }
}
