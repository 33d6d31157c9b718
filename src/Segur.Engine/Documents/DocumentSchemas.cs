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
        _flag = new ThreadLocal<EvaluationOptions>(() => NewOptions(OutputFormat.Flag));
        _list = new ThreadLocal<EvaluationOptions>(() => NewOptions(OutputFormat.List));
        // Every schema is built with one registry, so that the relative $refs between files resolve.
        var build = new BuildOptions { SchemaRegistry = new SchemaRegistry() };
        foreach (var (name, text) in files)
        {
            var schema = JsonSchema.FromText(text, build);
            _schemas[name] = schema;
            _raw[name] = JsonNode.Parse(text)!;
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

    // One options object per output format and per thread: the schema library caches its evaluation plan per
    // options, and an options object must not be shared by two evaluations running at once (web requests, tests).
    private readonly ThreadLocal<EvaluationOptions> _flag;
    private readonly ThreadLocal<EvaluationOptions> _list;

    internal EvaluationOptions Options(OutputFormat format) => format == OutputFormat.Flag ? _flag.Value! : _list.Value!;

    private EvaluationOptions NewOptions(OutputFormat format)
    {
        return new EvaluationOptions { OutputFormat = format };
    }

    /// <summary>
    /// Follows an evaluation path (<c>/$ref/properties/criteres/items/$ref</c>) from the schema of
    /// <paramref name="kind"/>, through <c>$ref</c>s across files: the subschema reached, and the closest
    /// <c>description</c> met on the way (a property's own words win over its type's).
    /// </summary>
    internal (JsonObject? Schema, string? Description) Walk(DocumentKind kind, string evaluationPath)
    {
        var file = kind.Schema;
        JsonNode? node = _raw.GetValueOrDefault(file);
        string? description = null;
        var referenced = false;
        var previous = "";
        foreach (var raw in evaluationPath.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            if (node is not JsonObject o) return (null, description);
            // The schema library writes « items/items » for the subschema of an array's items: one step, not two.
            if (raw == "items" && previous == "items" && o["items"] is null) continue;
            previous = raw;
            var own = o["description"] is JsonValue dv ? dv.GetValue<string>() : null;
            if (own is not null && !referenced) description = own;
            referenced = false;
            var seg = YamlDocument.Unescape(raw);
            if (seg == "$ref" && o["$ref"] is JsonValue rv)
            {
                var target = rv.GetValue<string>();
                var hash = target.IndexOf('#');
                var targetFile = hash == 0 ? file : target[..(hash < 0 ? target.Length : hash)];
                file = targetFile;
                node = _raw.GetValueOrDefault(file);
                foreach (var part in (hash < 0 ? "" : target[(hash + 1)..]).Split('/', StringSplitOptions.RemoveEmptyEntries))
                    node = (node as JsonObject)?[YamlDocument.Unescape(part)];
                referenced = own is not null; // the words of the property win over those of its type
                continue;
            }
            node = o[seg];
        }
        if (node is JsonObject last && last["description"] is JsonValue d && !referenced) description = d.GetValue<string>();
        return (node as JsonObject, description);
    }
}
