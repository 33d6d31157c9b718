using System.Text.Json.Nodes;
using Segur.Engine.Law;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Segur.Engine.Documents;

/// <summary>
/// Parses a YAML text into a <see cref="YamlDocument"/> in one pass over the parser's events. Refuses, in
/// French with the line, what the law files never need and what would make a reader fragile: a key written
/// twice in an object, a key that is not text, anchors and aliases, explicit tags, more than one document,
/// more than <see cref="MaxDepth"/> levels of nesting.
/// </summary>
internal static class YamlParsing
{
    public const int MaxDepth = 64;
    public const int MaxNodes = 1_000_000;

    public static YamlDocument Parse(string text, string file)
    {
        var events = new List<ParsingEvent>();
        var parser = new Parser(new StringReader(text));
        try
        {
            while (parser.MoveNext())
            {
                events.Add(parser.Current!);
                if (events.Count > MaxNodes * 2)
                    throw new SegurException($"{file} : document YAML trop grand (plus de {MaxNodes} valeurs) ; attendu un fichier de législation de taille ordinaire");
            }
        }
        catch (YamlException e)
        {
            throw new SegurException($"{file}, ligne {e.Start.Line}, colonne {e.Start.Column} : {YamlSyntax.Translate(e)}");
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or FormatException or OverflowException)
        {
            // Not a documented error of the parser, but seen on malformed input: say what we can.
            var at = parser.Current?.Start ?? Mark.Empty;
            throw new SegurException($"{file}, ligne {Math.Max(1, at.Line)} : YAML illisible ; vérifiez l'indentation, les deux-points, les guillemets et les crochets");
        }
        var builder = new Builder(file, events);
        return builder.Build();
    }

    private sealed class Builder(string file, List<ParsingEvent> events)
    {
        private readonly Dictionary<string, Position> _values = new(StringComparer.Ordinal);
        private readonly Dictionary<string, Position> _keys = new(StringComparer.Ordinal);
        private readonly Dictionary<JsonNode, string> _pointers = new(ReferenceEqualityComparer.Instance);
        private int _i;

        public YamlDocument Build()
        {
            JsonNode? root = null;
            var documents = 0;
            for (_i = 0; _i < events.Count; _i++)
            {
                switch (events[_i])
                {
                    case DocumentStart ds when !ds.IsImplicit || documents > 0:
                        if (++documents > 1) throw Error(ds.Start, "un seul document YAML par fichier ; retirez le second « --- »");
                        break;
                    case DocumentStart:
                        documents++;
                        break;
                    case NodeEvent or AnchorAlias:
                        root = Node("", 0);
                        break;
                }
            }
            return new YamlDocument(file, root, events, _values, _keys, _pointers);
        }

        private static bool HasLoneSurrogate(string s)
        {
            for (var i = 0; i < s.Length; i++)
            {
                if (!char.IsSurrogate(s[i])) continue;
                if (char.IsHighSurrogate(s[i]) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1])) i++;
                else return true;
            }
            return false;
        }

        private static Position Pos(Mark m) => new((int)Math.Clamp(m.Line, 1, int.MaxValue), (int)Math.Clamp(m.Column, 1, int.MaxValue));

        private SegurException Error(Mark at, string message) => new($"{file}, ligne {Pos(at).Line}, colonne {Pos(at).Column} : {message}");

        /// <summary>Reads the node starting at event <c>_i</c>; leaves <c>_i</c> on its last event.</summary>
        private JsonNode? Node(string pointer, int depth)
        {
            if (events[_i] is AnchorAlias alias) throw Error(alias.Start, "alias YAML (« * ») non accepté ; recopiez la valeur");
            if (events[_i] is not NodeEvent ev) throw Error(events[_i].Start, "valeur attendue (après « : » ou « - ») ; vérifiez l'indentation");
            if (depth > MaxDepth) throw Error(ev.Start, $"imbrication trop profonde (plus de {MaxDepth} niveaux) ; attendu un document de législation ordinaire");
            if (!ev.Anchor.IsEmpty) throw Error(ev.Start, "ancre YAML (« & ») non acceptée ; écrivez chaque valeur en entier");
            if (!ev.Tag.IsEmpty && !ev.Tag.IsNonSpecific) throw Error(ev.Start, $"étiquette YAML « {ev.Tag.Value} » non acceptée ; écrivez la valeur sans « ! »");
            _values[pointer] = Pos(ev.Start);
            JsonNode? node;
            switch (ev)
            {
                case Scalar s:
                    if (HasLoneSurrogate(s.Value)) throw Error(s.Start, "texte illisible (caractère UTF-16 isolé, « \\ud800 » par exemple) ; attendu des caractères valides");
                    node = YamlJson.Scalar(s.Value, s.Style);
                    break;
                case SequenceStart:
                    var array = new JsonArray();
                    for (_i++; events[_i] is not SequenceEnd; _i++)
                        array.Add(Node($"{pointer}/{array.Count}", depth + 1));
                    node = array;
                    break;
                case MappingStart:
                    var obj = new JsonObject();
                    var seen = new Dictionary<string, Mark>(StringComparer.Ordinal);
                    for (_i++; events[_i] is not MappingEnd; _i++)
                    {
                        if (events[_i] is not Scalar key || !key.Tag.IsEmpty && !key.Tag.IsNonSpecific || !key.Anchor.IsEmpty)
                            throw Error(events[_i].Start, "clé qui n'est pas un texte simple ; attendu « nom: valeur »");
                        if (HasLoneSurrogate(key.Value)) throw Error(key.Start, "clé illisible (caractère UTF-16 isolé) ; attendu une clé de docs/legislation.md");
                        if (seen.TryGetValue(key.Value, out var first))
                            throw Error(key.Start, $"clé « {key.Value} » en double dans le même objet (déjà écrite ligne {Pos(first).Line}) ; attendu chaque clé une seule fois");
                        seen[key.Value] = key.Start;
                        var child = $"{pointer}/{YamlDocument.Escape(key.Value)}";
                        _keys[child] = Pos(key.Start);
                        _i++;
                        obj[key.Value] = Node(child, depth + 1);
                    }
                    node = obj;
                    break;
                default:
                    throw Error(ev.Start, "élément YAML inattendu");
            }
            if (node is not null) _pointers[node] = pointer;
            return node;
        }
    }
}
