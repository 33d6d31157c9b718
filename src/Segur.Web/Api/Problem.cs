using System.Text.Json;
using System.Text.RegularExpressions;
using Segur.Engine;

namespace Segur.Web.Api;

/// <summary>An error the client can fix, with its HTTP status and a French message.</summary>
public sealed class WebProblem(int status, string message, IReadOnlyList<string>? details = null, TimeSpan? retryAfter = null) : Exception(message)
{
    public int Status { get; } = status;
    public IReadOnlyList<string> Details { get; } = details ?? [];

    /// <summary>For a 503: when to try again (sent as <c>Retry-After</c>).</summary>
    public TimeSpan? RetryAfter { get; } = retryAfter;
}

/// <summary>
/// French error documents (<c>application/problem+json</c>): <c>detail</c> is the first message,
/// <c>erreurs</c> lists them all, <c>champ</c> is the JSON path of the first field at fault, if any.
/// </summary>
public static partial class Problem
{
    /// <summary>The API's serializer options, resolved by the source-generated <see cref="ApiJson"/> (no reflection).</summary>
    public static JsonSerializerOptions Json => ApiJson.Api.Options;

    public static string Title(int status) => status switch
    {
        400 => "Requête invalide",
        401 => "Jeton manquant ou invalide",
        403 => "Écriture refusée",
        404 => "Introuvable",
        405 => "Méthode non autorisée",
        406 => "Format de réponse non disponible",
        408 => "Délai dépassé",
        409 => "Conflit",
        411 => "Longueur du corps requise",
        413 => "Requête trop volumineuse",
        414 => "Adresse trop longue",
        415 => "Type de contenu non pris en charge",
        422 => "Contenu invalide",
        429 => "Trop de requêtes",
        431 => "En-têtes trop volumineux",
        501 => "Non pris en charge",
        503 => "Service momentanément indisponible",
        >= 400 and < 500 => "Requête refusée",
        _ => "Erreur interne",
    };

    public const string ContentType = "application/problem+json; charset=utf-8";

    public static IResult Result(int status, string message, IReadOnlyList<string>? details = null) =>
        Results.Json(Body(status, message, details), ApiJson.Api.ProblemDocument, ContentType, status);

    /// <summary>The problem document: <c>type</c>, <c>title</c>, <c>status</c>, <c>detail</c>, <c>champ</c>, <c>erreurs</c>.</summary>
    public static ProblemDocument Body(int status, string message, IReadOnlyList<string>? details = null)
    {
        var all = new List<string> { message };
        if (details is not null) all.AddRange(details);
        return new ProblemDocument("about:blank", Title(status), status, message, FieldOf(message), all);
    }

    public static IResult From(SegurException e) => Result(400, e.Message, e.Details);

    public static IResult From(WebProblem e) => Result(e.Status, e.Message, e.Details);

    /// <summary>The first JSON path (« /emploi/quotite ») named in a message, if any.</summary>
    public static string? FieldOf(string message)
    {
        var m = FieldPath().Match(message);
        return m.Success ? m.Groups[1].Value : null;
    }

    // Addresses of the API (« /api/… ») are not JSON paths.
    [GeneratedRegex(@"(?:^|\s)(/(?!api(?:/|\s|$))[a-z_]+(?:/[a-z_0-9]+)*)(?=\s|$|\))")]
    private static partial Regex FieldPath();
}
