using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.Features;

namespace Segur.Web.Api;

/// <summary>Reads a JSON request body with a size limit and French errors.</summary>
public static class RequestBody
{
    public static async Task<byte[]> ReadAsync(HttpRequest request, long max, CancellationToken ct)
    {
        if (request.ContentLength is { } declared && declared > max)
            throw new WebProblem(413, $"corps de la requête de {declared} octets ; au plus {max} octets acceptés");
        var feature = request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>();
        if (feature is { IsReadOnly: false }) feature.MaxRequestBodySize = max;
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int n;
        while ((n = await request.Body.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + n > max) throw new WebProblem(413, $"corps de la requête trop volumineux ; au plus {max} octets acceptés");
            buffer.Write(chunk, 0, n);
        }
        return buffer.ToArray();
    }

    public static void RequireJson(HttpRequest request)
    {
        var type = request.ContentType;
        if (type is null || !(type.StartsWith("application/json", StringComparison.OrdinalIgnoreCase) || type.Contains("+json", StringComparison.OrdinalIgnoreCase)))
            throw new WebProblem(415, $"type de contenu « {type ?? "absent"} » ; attendu application/json (UTF-8)");
    }

    /// <summary>
    /// Parses a JSON object, checked first by <see cref="JsonBodyCheck"/>: invalid UTF-8, duplicated keys,
    /// out-of-range numbers, lone surrogates and deep nesting are refused in French with their JSON path.
    /// </summary>
    public static JsonObject Object(byte[] body, string expected)
    {
        JsonBodyCheck.Check(body, expected);
        // A byte-order mark may start a UTF-8 text (RFC 8259, section 8.1): it is not part of the JSON.
        var json = body.AsSpan();
        if (json.StartsWith(Encoding.UTF8.Preamble)) json = json[Encoding.UTF8.Preamble.Length..];
        var node = JsonNode.Parse(json, documentOptions: new JsonDocumentOptions { AllowTrailingCommas = false, CommentHandling = JsonCommentHandling.Disallow, MaxDepth = JsonBodyCheck.MaxDepth + 2 });
        return node as JsonObject ?? throw new WebProblem(400, $"requête : / : attendu {expected}, trouvé {Kind(node)}");
    }

    public static string Kind(JsonNode? node) => node?.GetValueKind() switch
    {
        null or JsonValueKind.Null => "null",
        JsonValueKind.Array => "une liste",
        JsonValueKind.String => "un texte",
        JsonValueKind.Number => "un nombre",
        JsonValueKind.True or JsonValueKind.False => "un booléen",
        JsonValueKind.Object => "un objet",
        _ => "une autre valeur",
    };

    /// <summary>Removes and returns an optional text member.</summary>
    public static string? TakeString(JsonObject obj, string name, string expected)
    {
        if (!obj.TryGetPropertyValue(name, out var n)) return null;
        obj.Remove(name);
        if (n is null) return null;
        if (n.GetValueKind() != JsonValueKind.String) throw new WebProblem(400, $"requête : /{name} : type incorrect ({Kind(n)}) ; attendu {expected}");
        return n.GetValue<string>();
    }

    /// <summary>Removes and returns an optional boolean member.</summary>
    public static bool? TakeBool(JsonObject obj, string name)
    {
        if (!obj.TryGetPropertyValue(name, out var n)) return null;
        obj.Remove(name);
        if (n is null) return null;
        return n.GetValueKind() switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            _ => throw new WebProblem(400, $"requête : /{name} : type incorrect ({Kind(n)}) ; attendu un booléen (true ou false)"),
        };
    }

    public static string Utf8(byte[] body) => Encoding.UTF8.GetString(body);
}
