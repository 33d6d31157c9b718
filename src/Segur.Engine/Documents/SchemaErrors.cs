using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Json.Schema;

namespace Segur.Engine.Documents;

/// <summary>
/// Says in French what a schema refused in a YAML document: file, line and column of the key or value,
/// the path to it (« criteres « lieu », une_de n° 2, condition »), what was found and what was expected
/// (the schema's own <c>description</c>). The schema library's English never reaches the user.
/// </summary>
internal static partial class SchemaErrors
{
    public static List<string> Translate(EvaluationResults results, YamlDocument doc, DocumentKind kind, DocumentSchemas schemas)
    {
        var found = new List<(Position At, string Text)>();
        foreach (var d in (results.Details ?? []).Prepend(results))
        {
            if (d.Errors is null) continue;
            var pointer = d.InstanceLocation.ToString();
            var path = d.EvaluationPath.ToString();
            foreach (var (keyword, message) in d.Errors)
            {
                if (Message(doc, schemas, kind, path, pointer, keyword, message) is { } m && !found.Contains(m)) found.Add(m);
            }
        }
        if (found.Count == 0) found.Add((new Position(1, 1), "document non conforme à son schéma ; voir docs/legislation.md pour la forme attendue"));
        return found.OrderBy(f => f.At.Line).ThenBy(f => f.At.Column)
            .Select(f => $"{doc.File}, ligne {f.At.Line}, colonne {f.At.Column} : {f.Text}").ToList();
    }

    private static (Position, string)? Message(YamlDocument doc, DocumentSchemas schemas, DocumentKind kind, string evaluationPath, string pointer,
        string keyword, string message)
    {
        var (subschema, description) = schemas.Walk(kind, evaluationPath);
        var path = Path(doc, pointer);
        var prefix = path.Length == 0 ? "" : path + " : ";
        if (keyword == "additionalProperties" || keyword == "$ref" || keyword == "properties" || keyword == "items") return null;
        if (keyword is "" or "false" || message.Contains("false schema", StringComparison.Ordinal))
        {
            var parent = YamlDocument.Parent(pointer);
            var key = YamlDocument.Unescape(pointer[(pointer.LastIndexOf('/') + 1)..]);
            var owner = schemas.Walk(kind, YamlDocument.Parent(evaluationPath)).Schema;
            var allowed = owner?["properties"] is JsonObject props ? string.Join(", ", props.Select(p => p.Key)) : null;
            var parentPath = Path(doc, parent);
            return (doc.KeyAt(pointer), $"{(parentPath.Length == 0 ? "" : parentPath + " : ")}clé inconnue « {key} »"
                + (allowed is null ? "" : $" ; attendu une de {allowed}") + " (voir docs/legislation.md)");
        }
        switch (keyword)
        {
            case "type":
                return (doc.At(pointer), $"{prefix}trouvé {Found(At(doc.Root, pointer))} ; attendu {Expected(subschema, description)}");
            case "required":
                var names = QuotedNames().Matches(message).Select(m => m.Groups[1].Value).ToList();
                var text = string.Join(" ; ", names.Select(n =>
                {
                    var what = schemas.Walk(kind, $"{evaluationPath}/properties/{YamlDocument.Escape(n)}").Description;
                    return $"clé « {n} » manquante" + (what is null ? "" : $" ; attendu {what}");
                }));
                return (doc.At(pointer), prefix + text);
            case "enum" or "const":
                return (doc.At(pointer), $"{prefix}valeur {Found(At(doc.Root, pointer))} inconnue ; attendu {Expected(subschema, description)}");
            default:
                return (doc.At(pointer), $"{prefix}valeur {Found(At(doc.Root, pointer))} refusée ; attendu {Expected(subschema, description)}");
        }
    }

    /// <summary>« criteres « lieu », une_de n° 2, condition » for <c>/criteres/1/une_de/1/condition</c>.</summary>
    internal static string Path(YamlDocument doc, string pointer)
    {
        if (pointer.Length == 0) return "";
        var parts = new List<string>();
        JsonNode? node = doc.Root;
        foreach (var raw in pointer[1..].Split('/'))
        {
            var seg = YamlDocument.Unescape(raw);
            if (node is JsonArray a && int.TryParse(seg, NumberStyles.None, CultureInfo.InvariantCulture, out var i) && i >= 0 && i < a.Count)
            {
                node = a[i];
                var id = node is JsonObject o && o["id"] is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : null;
                parts[^1] += id is null ? $" n° {i + 1}" : $" « {id} »";
            }
            else
            {
                node = node is JsonObject o && o.TryGetPropertyValue(seg, out var c) ? c : null;
                parts.Add(seg);
            }
        }
        return string.Join(", ", parts);
    }

    private static JsonNode? At(JsonNode? root, string pointer)
    {
        var node = root;
        if (pointer.Length == 0) return node;
        foreach (var raw in pointer[1..].Split('/'))
        {
            var seg = YamlDocument.Unescape(raw);
            node = node switch
            {
                JsonObject o => o.TryGetPropertyValue(seg, out var c) ? c : null,
                JsonArray a when int.TryParse(seg, NumberStyles.None, CultureInfo.InvariantCulture, out var i) && i >= 0 && i < a.Count => a[i],
                _ => null,
            };
        }
        return node;
    }

    internal static string Found(JsonNode? node) => node?.GetValueKind() switch
    {
        null or JsonValueKind.Null => "une valeur vide",
        JsonValueKind.Array => "une liste",
        JsonValueKind.Object => "un objet",
        JsonValueKind.String => $"le texte « {Short(node.GetValue<string>())} »",
        JsonValueKind.Number => $"le nombre {Short(node.ToJsonString())}",
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        _ => "une valeur",
    };

    private static string Short(string s) => s.Length > 60 ? s[..60] + "…" : s;

    private static string Expected(JsonObject? schema, string? description)
    {
        var types = schema?["type"] switch
        {
            JsonValue v => [v.GetValue<string>()],
            JsonArray a => a.Select(x => x!.GetValue<string>()).ToList(),
            _ => new List<string>(),
        };
        var phrase = types.Contains("object") ? "un objet (clés « nom: valeur »)"
            : types.Contains("array") ? "une liste (éléments précédés de « - », ou [a, b])"
            : types.SequenceEqual(["number"]) ? "un nombre"
            : types.SequenceEqual(["integer"]) ? "un nombre entier"
            : types.SequenceEqual(["boolean"]) ? "true ou false"
            : types.Count > 0 ? "une valeur simple (texte, nombre ou date), pas une liste ni un objet"
            : "une autre forme";
        if (description is null) return phrase;
        return description.StartsWith(phrase, StringComparison.Ordinal) ? description : $"{phrase} : {description}";
    }

    [GeneratedRegex("\"([^\"]+)\"")]
    private static partial Regex QuotedNames();
}
