using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Text.Unicode;
using Segur.Engine;

namespace Segur.Web.Api;

/// <summary>An error the client can fix, with its HTTP status and a French message.</summary>
public sealed class WebProblem(int status, string message, IReadOnlyList<string>? details = null) : Exception(message)
{
    public int Status { get; } = status;
    public IReadOnlyList<string> Details { get; } = details ?? [];
}

/// <summary>
/// French error documents (<c>application/problem+json</c>): <c>detail</c> is the first message,
/// <c>erreurs</c> lists them all, <c>champ</c> is the JSON path of the first field at fault, if any.
/// </summary>
public static partial class Problem
{
    public static readonly JsonSerializerOptions Json = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        WriteIndented = true,
    };

    public static string Title(int status) => status switch
    {
        400 => "Requête invalide",
        401 => "Jeton manquant ou invalide",
        403 => "Écriture refusée",
        404 => "Introuvable",
        405 => "Méthode non autorisée",
        408 => "Délai dépassé",
        413 => "Requête trop volumineuse",
        415 => "Type de contenu non pris en charge",
        429 => "Trop de requêtes",
        503 => "Service momentanément indisponible",
        _ => "Erreur interne",
    };

    public static IResult Result(int status, string message, IReadOnlyList<string>? details = null)
    {
        var all = new List<string> { message };
        if (details is not null) all.AddRange(details);
        var field = FieldOf(message);
        var body = new Dictionary<string, object?>
        {
            ["type"] = "about:blank",
            ["title"] = Title(status),
            ["status"] = status,
            ["detail"] = message,
            ["champ"] = field,
            ["erreurs"] = all,
        };
        return Results.Json(body, Json, "application/problem+json; charset=utf-8", status);
    }

    public static IResult From(SegurException e) => Result(400, e.Message, e.Details);

    public static IResult From(WebProblem e) => Result(e.Status, e.Message, e.Details);

    /// <summary>The first JSON path (« /emploi/quotite ») named in a message, if any.</summary>
    public static string? FieldOf(string message)
    {
        var m = FieldPath().Match(message);
        return m.Success ? m.Groups[1].Value : null;
    }

    [GeneratedRegex(@"(?:^|\s)(/[a-z_]+(?:/[a-z_0-9]+)*)(?=\s|$|\))")]
    private static partial Regex FieldPath();
}
