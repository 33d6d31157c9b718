using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Unicode;

namespace Segur.Web.Api;

/// <summary>
/// Checks a JSON request body before anything reads it, in one pass of <see cref="Utf8JsonReader"/>, and
/// names in French the JSON path and what was expected for what the readers behind it would otherwise
/// crash on or silently accept: invalid UTF-8, a key given twice in an object, a number beyond what a
/// decimal holds (<c>1e308</c>), a lone UTF-16 surrogate (<c>"\uD800"</c>), nesting deeper than a profile
/// can be. Syntax errors name the line and column.
/// </summary>
public static class JsonBodyCheck
{
    /// <summary>Deepest nesting accepted: a profile has three levels, a simulation request five.</summary>
    public const int MaxDepth = 32;

    public static void Check(ReadOnlySpan<byte> body, string expected)
    {
        CheckUtf8(body, expected);
        if (body.StartsWith(Encoding.UTF8.Preamble)) body = body[3..];
        var reader = new Utf8JsonReader(body, new JsonReaderOptions { AllowTrailingCommas = false, CommentHandling = JsonCommentHandling.Disallow, MaxDepth = MaxDepth + 2 });
        var frames = new List<Frame>();
        try
        {
            while (reader.Read())
            {
                switch (reader.TokenType)
                {
                    case JsonTokenType.StartObject:
                    case JsonTokenType.StartArray:
                        if (frames.Count >= MaxDepth)
                            throw new WebProblem(400, $"requête : {Path(frames)} : imbrication trop profonde (plus de {MaxDepth} niveaux d'objets et de listes) ; attendu {expected}");
                        Advance(frames);
                        frames.Add(new Frame(reader.TokenType == JsonTokenType.StartArray));
                        break;
                    case JsonTokenType.EndObject:
                    case JsonTokenType.EndArray:
                        frames.RemoveAt(frames.Count - 1);
                        break;
                    case JsonTokenType.PropertyName:
                        var frame = frames[^1];
                        var name = Text(ref reader, frames, "une clé");
                        frame.Key = name;
                        if (!(frame.Keys ??= new HashSet<string>(StringComparer.Ordinal)).Add(name))
                            throw new WebProblem(400, $"requête : {Path(frames)} : clé « {name} » donnée deux fois dans le même objet ; attendu chaque clé une seule fois");
                        break;
                    case JsonTokenType.String:
                        Advance(frames);
                        Text(ref reader, frames, "un texte");
                        break;
                    case JsonTokenType.Number:
                        Advance(frames);
                        if (!reader.TryGetDecimal(out _))
                            throw new WebProblem(400, $"requête : {Path(frames)} : nombre {Raw(ref reader)} hors de la plage acceptée ; attendu un nombre décimal d'au plus 28 chiffres significatifs, comme 0.8 ou 218");
                        break;
                    default:
                        Advance(frames);
                        break;
                }
            }
        }
        catch (JsonException e)
        {
            throw new WebProblem(400, $"requête, ligne {(e.LineNumber ?? 0) + 1}, colonne {(e.BytePositionInLine ?? 0) + 1} : JSON invalide ; attendu {expected}");
        }
    }

    private static void CheckUtf8(ReadOnlySpan<byte> body, string expected)
    {
        if (Utf8.IsValid(body)) return;
        var valid = 0;
        while (Rune.DecodeFromUtf8(body[valid..], out _, out var n) == OperationStatus.Done) valid += n;
        var line = body[..valid].Count((byte)'\n') + 1;
        var column = valid - (body[..valid].LastIndexOf((byte)'\n') + 1) + 1;
        throw new WebProblem(400, $"requête, ligne {line}, colonne {column} : octet 0x{body[valid]:X2} qui n'est pas du texte UTF-8 valide ; attendu {expected}, encodé en UTF-8");
    }

    private static string Text(ref Utf8JsonReader reader, List<Frame> frames, string what)
    {
        try
        {
            return reader.GetString()!;
        }
        catch (InvalidOperationException)
        {
            throw new WebProblem(400, $"requête : {Path(frames)} : {what} qui contient une moitié isolée de paire de substitution UTF-16 (comme \\uD800) ; attendu un texte Unicode valide");
        }
    }

    private static string Raw(ref Utf8JsonReader reader)
    {
        var raw = reader.HasValueSequence ? Encoding.UTF8.GetString(reader.ValueSequence.ToArray()) : Encoding.UTF8.GetString(reader.ValueSpan);
        return raw.Length > 40 ? raw[..40] + "…" : raw;
    }

    /// <summary>A value inside an array moves its index on.</summary>
    private static void Advance(List<Frame> frames)
    {
        if (frames.Count > 0 && frames[^1].IsArray) frames[^1].Index++;
    }

    /// <summary>The JSON pointer of the current value (« /profils/3/emploi »), « / » for the root.</summary>
    private static string Path(List<Frame> frames)
    {
        var sb = new StringBuilder();
        foreach (var f in frames)
        {
            if (f.IsArray) { if (f.Index >= 0) sb.Append('/').Append(f.Index.ToString(CultureInfo.InvariantCulture)); }
            else if (f.Key is not null) sb.Append('/').Append(f.Key.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal));
        }
        return sb.Length == 0 ? "/" : sb.ToString();
    }

    private sealed class Frame(bool isArray)
    {
        public bool IsArray { get; } = isArray;
        public int Index { get; set; } = -1;
        public string? Key { get; set; }
        public HashSet<string>? Keys { get; set; }
    }
}
