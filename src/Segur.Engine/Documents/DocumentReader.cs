using Json.Schema;
using Segur.Engine.Law;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NodeDeserializers;

namespace Segur.Engine.Documents;

/// <summary>
/// The one way to read a YAML document of segur: parse it once (<see cref="Parse"/>: syntax, duplicate keys,
/// nesting, in French with line and column), check its shape against the JSON Schema of its kind
/// (<see cref="Check"/>: unknown keys, wrong types, empty items, each with file, line and key), then read
/// the typed document (<see cref="Typed{T}"/>: the DTO, each object knowing its line). Loaders then check
/// what values mean. Thread-safe; <see cref="Shared"/> uses the schemas embedded in the engine.
/// </summary>
public sealed class DocumentReader(DocumentSchemas schemas)
{
    private static readonly IDeserializer Deserializer = new DeserializerBuilder()
        .WithNodeDeserializer(inner => new LocatingDeserializer(inner), s => s.InsteadOf<ObjectNodeDeserializer>())
        .WithDuplicateKeyChecking()
        .Build();

    /// <summary>The reader of every loader, with the schemas of <c>legislation/schemas/</c> embedded in the engine.</summary>
    public static DocumentReader Shared { get; } = new(DocumentSchemas.Embedded);

    public DocumentSchemas Schemas { get; } = schemas;

    /// <summary>Parses a YAML text; a syntax error is a <see cref="SegurException"/> naming <paramref name="file"/>, line and column.</summary>
    public YamlDocument Parse(string text, string file) => YamlParsing.Parse(text, file);

    /// <summary>The shape errors of <paramref name="doc"/> against the schema of <paramref name="kind"/>, in French; empty when it conforms.</summary>
    public IReadOnlyList<string> Check(YamlDocument doc, DocumentKind kind)
    {
        var schema = Schemas.Get(kind);
        var root = doc.Root;
        EvaluationResults results;
        // The schema library is not safe for two evaluations of one schema at once (found by fuzzing): one at a time.
        var element = System.Text.Json.JsonSerializer.SerializeToElement(root);
        lock (schema)
        {
            if (schema.Evaluate(element, Schemas.Options(OutputFormat.Flag)).IsValid) return [];
            results = schema.Evaluate(element, Schemas.Options(OutputFormat.List));
        }
        if (root is null) return [$"{doc.File} : fichier vide ; attendu un document {kind.Name} (voir docs/legislation.md)"];
        return SchemaErrors.Translate(results, doc, kind, Schemas);
    }

    /// <summary>The typed document of a document that passed <see cref="Check"/>; objects deriving from <see cref="Located"/> get their line.</summary>
    public T Typed<T>(YamlDocument doc) where T : new()
    {
        try
        {
            return (T?)Deserializer.Deserialize(new Replay(doc.Events), typeof(T)) ?? new T();
        }
        catch (YamlException e)
        {
            // The schema admits what the typed document holds; this is a last guard, in French.
            var what = e.InnerException is FormatException or OverflowException
                ? "nombre illisible (séparateur décimal : le point, ex. 5907.34)"
                : "valeur d'une forme inattendue (texte, nombre, liste ou objet) ; voir docs/legislation.md pour la forme attendue de cette clé";
            throw new SegurException($"{doc.File}, ligne {Math.Max(1, e.Start.Line)}, colonne {Math.Max(1, e.Start.Column)} : {what}");
        }
    }

    /// <summary>Parses, checks and types one document; every problem goes to <paramref name="errors"/> and the result is then null.</summary>
    public T? TryRead<T>(string text, string file, DocumentKind kind, List<string> errors) where T : class, new()
    {
        try
        {
            var doc = Parse(text, file);
            var problems = Check(doc, kind);
            if (problems.Count > 0)
            {
                errors.AddRange(problems);
                return null;
            }
            return Typed<T>(doc);
        }
        catch (SegurException e)
        {
            errors.Add(e.Message);
            errors.AddRange(e.Details);
            return null;
        }
    }

    /// <summary>Parses, checks and types one document; throws a <see cref="SegurException"/> listing every problem.</summary>
    public T Read<T>(string text, string file, DocumentKind kind) where T : class, new()
    {
        var errors = new List<string>();
        return TryRead<T>(text, file, kind, errors) ?? throw new SegurException(errors[0], errors.Skip(1).ToList());
    }

    /// <summary>Hands recorded parser events to the deserializer, so a document is tokenised once.</summary>
    private sealed class Replay(IReadOnlyList<ParsingEvent> events) : IParser
    {
        private int _i = -1;

        public ParsingEvent? Current => _i >= 0 && _i < events.Count ? events[_i] : null;

        public bool MoveNext() => ++_i < events.Count;
    }

    private sealed class LocatingDeserializer(INodeDeserializer inner) : INodeDeserializer
    {
        public bool Deserialize(IParser reader, Type expectedType, Func<IParser, Type, object?> nestedObjectDeserializer, out object? value, ObjectDeserializer rootDeserializer)
        {
            var line = reader.Current is ParsingEvent ev ? (int)ev.Start.Line : 0;
            if (!inner.Deserialize(reader, expectedType, nestedObjectDeserializer, out value, rootDeserializer)) return false;
            if (value is Located located) located.Line = line;
            return true;
        }
    }
}
