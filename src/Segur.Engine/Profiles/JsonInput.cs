using System.Buffers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Segur.Engine.Profiles;

/// <summary>
/// Reads a JSON document from a user (a profile), refusing in French, with the line and the JSON path,
/// what the JSON library would accept silently or fail on later: a key written twice in an object, a number
/// no decimal can hold (<c>1e308</c>), a text with a lone UTF-16 surrogate, more than <see cref="MaxDepth"/>
/// levels of nesting, a document over <see cref="MaxLength"/> characters.
/// </summary>
public static class JsonInput
{
    public const int MaxDepth = 32;
    public const int MaxLength = 4 * 1024 * 1024;

    /// <summary>Parses <paramref name="json"/>; <paramref name="origin"/> names it in errors; <paramref name="expected"/> says what it should be.</summary>
    public static JsonNode? Parse(string json, string origin, string expected)
    {
        if (json.Length > MaxLength)
            throw new SegurException($"{origin} : document trop grand ({json.Length} caractères) ; attendu {expected}, de moins de {MaxLength / (1024 * 1024)} Mo");
        var bytes = Encoding.UTF8.GetBytes(json);
        Scan(bytes, origin, expected);
        try
        {
            return JsonNode.Parse(bytes, documentOptions: new JsonDocumentOptions { AllowTrailingCommas = false, CommentHandling = JsonCommentHandling.Disallow, MaxDepth = MaxDepth + 2 });
        }
        catch (JsonException e)
        {
            throw new SegurException($"{origin}, ligne {(e.LineNumber ?? 0) + 1}, colonne {(e.BytePositionInLine ?? 0) + 1} : JSON invalide ; attendu {expected}.");
        }
    }

    /// <summary>One pass of the reader over the bytes: syntax (line and column), duplicates, numbers, texts, depth.</summary>
    private static void Scan(byte[] bytes, string origin, string expected)
    {
        var reader = new Utf8JsonReader(bytes, new JsonReaderOptions { AllowTrailingCommas = false, CommentHandling = JsonCommentHandling.Disallow, MaxDepth = 1024 });
        var path = new List<string>();
        var keys = new Stack<HashSet<string>>();
        var index = new Stack<int>();
        string? pending = null;
        try
        {
            while (reader.Read())
            {
                var here = reader.TokenType is JsonTokenType.EndObject or JsonTokenType.EndArray ? null : Pointer(path, pending, index);
                switch (reader.TokenType)
                {
                    case JsonTokenType.PropertyName:
                        var name = Text(ref reader, bytes, origin, Pointer(path, null, index));
                        if (!keys.Peek().Add(name))
                            throw Error(bytes, reader.TokenStartIndex, origin, $"{Pointer(path, name, index)} : champ écrit deux fois dans le même objet ; attendu chaque champ une seule fois");
                        pending = name;
                        continue;
                    case JsonTokenType.StartObject or JsonTokenType.StartArray:
                        if (keys.Count >= MaxDepth)
                            throw Error(bytes, reader.TokenStartIndex, origin, $"{here} : imbrication trop profonde (plus de {MaxDepth} niveaux) ; attendu {expected}");
                        Enter(path, ref pending, index);
                        keys.Push(reader.TokenType == JsonTokenType.StartObject ? new HashSet<string>(StringComparer.Ordinal) : []);
                        index.Push(reader.TokenType == JsonTokenType.StartArray ? 0 : -1);
                        continue;
                    case JsonTokenType.EndObject or JsonTokenType.EndArray:
                        keys.Pop();
                        index.Pop();
                        if (path.Count > 0) path.RemoveAt(path.Count - 1);
                        Next(index);
                        continue;
                    case JsonTokenType.Number:
                        if (!reader.TryGetDecimal(out _))
                            throw Error(bytes, reader.TokenStartIndex, origin, $"{here} : nombre {Raw(ref reader)} hors des limites ; attendu un nombre ordinaire (ex. 0.8 ou 413)");
                        break;
                    case JsonTokenType.String:
                        Text(ref reader, bytes, origin, here!);
                        break;
                }
                pending = null;
                Next(index);
            }
        }
        catch (JsonException e)
        {
            throw new SegurException($"{origin}, ligne {(e.LineNumber ?? 0) + 1}, colonne {(e.BytePositionInLine ?? 0) + 1} : JSON invalide ; attendu {expected}.");
        }
    }

    private static void Enter(List<string> path, ref string? pending, Stack<int> index)
    {
        if (index.Count > 0) path.Add(pending ?? (index.Peek() >= 0 ? index.Peek().ToString(System.Globalization.CultureInfo.InvariantCulture) : ""));
        pending = null;
    }

    private static void Next(Stack<int> index)
    {
        if (index.Count > 0 && index.Peek() >= 0) index.Push(index.Pop() + 1);
    }

    private static string Pointer(List<string> path, string? key, Stack<int> index)
    {
        var parts = path.ToList();
        if (key is not null) parts.Add(key);
        else if (index.Count > 0 && index.Peek() >= 0) parts.Add(index.Peek().ToString(System.Globalization.CultureInfo.InvariantCulture));
        return parts.Count == 0 ? "/" : "/" + string.Join("/", parts.Select(p => p.Replace("~", "~0").Replace("/", "~1")));
    }

    private static string Text(ref Utf8JsonReader reader, byte[] bytes, string origin, string where)
    {
        try
        {
            return reader.GetString()!;
        }
        catch (InvalidOperationException)
        {
            throw Error(bytes, reader.TokenStartIndex, origin, $"{where} : texte illisible (caractère UTF-16 isolé, « \\ud800 » par exemple) ; attendu un texte fait de caractères valides");
        }
    }

    private static string Raw(ref Utf8JsonReader reader)
    {
        var raw = Encoding.UTF8.GetString(reader.HasValueSequence ? reader.ValueSequence.ToArray() : reader.ValueSpan);
        return raw.Length > 40 ? raw[..40] + "…" : raw;
    }

    private static SegurException Error(byte[] bytes, long at, string origin, string message)
    {
        var line = 1;
        var column = 1;
        for (var i = 0; i < at && i < bytes.Length; i++)
        {
            if (bytes[i] == (byte)'\n') { line++; column = 1; }
            else if ((bytes[i] & 0xC0) != 0x80) column++;
        }
        return new SegurException($"{origin}, ligne {line}, colonne {column} : {message}");
    }
}
