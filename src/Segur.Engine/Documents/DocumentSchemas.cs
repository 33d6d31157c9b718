using System.Text.Json.Nodes;
using Json.Schema;

namespace Segur.Engine.Documents;

/// <summary>
/// The JSON Schemas of <c>legislation/schemas/</c>, embedded in the engine like the law and always taken from
/// there (a working copy of the law is read with the schemas of the program that reads it). Schemas refer to
/// each other by relative <c>$ref</c> (<c>communs.schema.json#/$defs/condition</c>).
/// </summary>
public sealed class DocumentSchemas
{
    private const string Prefix = "legislation/schemas/";
    private readonly Dictionary<string, JsonSchema> _schemas = new(StringComparer.Ordinal);
    private readonly Dictionary<string, JsonNode> _raw = new(StringComparer.Ordinal);

    private static readonly Lazy<DocumentSchemas> LazyEmbedded = new(() => FromResources());

    /// <summary>The schemas compiled into the engine.</summary>
    public static DocumentSchemas Embedded => LazyEmbedded.Value;

    private DocumentSchemas(IEnumerable<(string Name, string Text)> files)
    {
        foreach (var (name, text) in files)
        {
            var schema = JsonSchema.FromText(text);
            _schemas[name] = schema;
            _raw[schema.BaseUri.GetLeftPart(UriPartial.Path)] = JsonNode.Parse(text)!;
        }
    }

    private static DocumentSchemas FromResources()
    {
        var asm = typeof(DocumentSchemas).Assembly;
        var files = new List<(string, string)>();
        foreach (var name in asm.GetManifestResourceNames().Where(n => n.StartsWith(Prefix, StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            using var stream = asm.GetManifestResourceStream(name)!;
            using var reader = new StreamReader(stream);
            files.Add((name[Prefix.Length..], reader.ReadToEnd()));
        }
        return new DocumentSchemas(files);
    }

    /// <summary>Names of the schema files (<c>mesure.schema.json</c>…).</summary>
    public IEnumerable<string> Names => _schemas.Keys;

    internal JsonSchema Get(DocumentKind kind) =>
        _schemas.TryGetValue(kind.Schema, out var s) ? s : throw new InvalidOperationException($"schéma {kind.Schema} absent du moteur");

    internal EvaluationOptions Options(OutputFormat format)
    {
        var options = new EvaluationOptions { OutputFormat = format };
        foreach (var s in _schemas.Values) options.SchemaRegistry.Register(s);
        return options;
    }

    /// <summary>The schema object at an absolute schema location (<c>…/communs.schema.json#/$defs/condition</c>), or null.</summary>
    internal JsonObject? At(Uri location)
    {
        if (!_raw.TryGetValue(location.GetLeftPart(UriPartial.Path), out var root)) return null;
        JsonNode? node = root;
        var fragment = Uri.UnescapeDataString(location.Fragment.TrimStart('#'));
        foreach (var part in fragment.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            var key = YamlDocument.Unescape(part);
            node = node switch
            {
                JsonObject o => o.TryGetPropertyValue(key, out var v) ? v : null,
                JsonArray a when int.TryParse(key, out var i) && i >= 0 && i < a.Count => a[i],
                _ => null,
            };
            if (node is null) return null;
        }
        return Resolve(node as JsonObject, location);
    }

    /// <summary>Follows a subschema made only of a <c>$ref</c> (and a description), keeping the outer description.</summary>
    internal JsonObject? Resolve(JsonObject? schema, Uri baseUri, int depth = 0)
    {
        if (schema is null || depth > 8 || !schema.TryGetPropertyValue("$ref", out var r) || r is not JsonValue v) return schema;
        var target = At(new Uri(baseUri, v.GetValue<string>()));
        if (target is null) return schema;
        var merged = (JsonObject)target.DeepClone();
        if (schema["description"] is { } d) merged["description"] = d.DeepClone();
        return merged;
    }
}
