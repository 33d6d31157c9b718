using System.Text.Json.Nodes;
using YamlDotNet.Core.Events;

namespace Segur.Engine.Documents;

/// <summary>A place in a text file: 1-based line and column.</summary>
public readonly record struct Position(int Line, int Column);

/// <summary>
/// One YAML file, parsed once: the JSON it stands for (what the schemas validate), the position of every
/// node and key (JSON pointer → line), and the parser events (what typed documents are read from).
/// Built by <see cref="DocumentReader.Parse"/>; duplicate keys, anchors, tags and excessive nesting are
/// refused there, so every consumer sees the same plain tree.
/// </summary>
public sealed class YamlDocument
{
    private readonly Dictionary<string, Position> _values;
    private readonly Dictionary<string, Position> _keys;
    private readonly Dictionary<JsonNode, string> _pointers;

    internal YamlDocument(string file, JsonNode? root, IReadOnlyList<ParsingEvent> events,
        Dictionary<string, Position> values, Dictionary<string, Position> keys, Dictionary<JsonNode, string> pointers)
    {
        File = file;
        Root = root;
        Events = events;
        _values = values;
        _keys = keys;
        _pointers = pointers;
    }

    /// <summary>Name of the file in messages (e.g. <c>legislation/measures/m1-cti-segur-1.yaml</c>).</summary>
    public string File { get; }

    /// <summary>The document as JSON (null for an empty file); plain scalars follow <see cref="Law.YamlJson"/>.</summary>
    public JsonNode? Root { get; }

    internal IReadOnlyList<ParsingEvent> Events { get; }

    /// <summary>Where the value at <paramref name="pointer"/> starts, or its closest known parent.</summary>
    public Position At(string pointer)
    {
        for (var p = pointer; ; p = Parent(p))
        {
            if (_values.TryGetValue(p, out var pos)) return pos;
            if (p.Length == 0) return new Position(1, 1);
        }
    }

    /// <summary>Where the key of the member at <paramref name="pointer"/> is written (its value's place for array items).</summary>
    public Position KeyAt(string pointer) => _keys.TryGetValue(pointer, out var pos) ? pos : At(pointer);

    /// <summary>Where <paramref name="node"/> (a node of <see cref="Root"/>) starts.</summary>
    public Position At(JsonNode node) => _pointers.TryGetValue(node, out var p) ? At(p) : new Position(1, 1);

    /// <summary>The JSON pointer of <paramref name="node"/>, a node of <see cref="Root"/> ("" for the root).</summary>
    public string PointerOf(JsonNode node) => _pointers.TryGetValue(node, out var p) ? p : "";

    /// <summary>« fichier, ligne N » for the value at <paramref name="pointer"/>.</summary>
    public string Where(string pointer) => $"{File}, ligne {At(pointer).Line}";

    internal static string Parent(string pointer)
    {
        var slash = pointer.LastIndexOf('/');
        return slash <= 0 ? "" : pointer[..slash];
    }

    /// <summary>A pointer segment, escaped as RFC 6901 says (~ → ~0, / → ~1).</summary>
    internal static string Escape(string segment) => segment.Replace("~", "~0").Replace("/", "~1");

    internal static string Unescape(string segment) => segment.Replace("~1", "/").Replace("~0", "~");
}
