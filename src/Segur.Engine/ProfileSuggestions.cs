using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using Segur.Engine.Law;
using Segur.Engine.Profiles;

namespace Segur.Engine;

/// <summary>
/// Reads a profile with the <see cref="ProfileReader"/>, and when a value is not in the vocabulary of
/// <c>profile.schema.json</c> (« infirmiere »), says which one was probably meant (« infirmier ») instead
/// of listing every possible value.
/// </summary>
public static class ProfileSuggestions
{
    private static readonly ConcurrentDictionary<string, IReadOnlyDictionary<string, string[]>> Cache = new(StringComparer.Ordinal);

    public static Profile Read(ProfileReader reader, Legislation law, JsonObject profile, string origin)
    {
        try
        {
            return reader.Read(profile, origin);
        }
        catch (SegurException e)
        {
            throw Improve(e, profile, law.Vocabulary.SchemaText, origin);
        }
    }

    public static Profile Read(ProfileReader reader, Legislation law, string json, string origin)
    {
        try
        {
            return reader.Read(json, origin);
        }
        catch (SegurException e)
        {
            JsonObject? profile;
            try
            {
                profile = JsonNode.Parse(json) as JsonObject;
            }
            catch (JsonException)
            {
                throw e;
            }
            throw profile is null ? e : Improve(e, profile, law.Vocabulary.SchemaText, origin);
        }
    }

    /// <summary>The same error, where each unknown vocabulary value gets its « vouliez-vous dire ».</summary>
    public static SegurException Improve(SegurException e, JsonObject profile, string schemaText, string origin)
    {
        var hints = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (path, values) in Vocabularies(schemaText))
        {
            if (ValueAt(profile, path) is not { } typed || values.Contains(typed, StringComparer.Ordinal)) continue;
            if (Suggestions.Closest(typed, values) is not { } meant) continue;
            hints[$"{origin} : {path} :"] = $"{origin} : {path} : valeur \"{typed}\" inconnue ; vouliez-vous dire « {meant} » ? ({values.Length} valeurs possibles, listées dans docs/profil.md)";
        }
        if (hints.Count == 0) return e;
        var messages = new[] { e.Message }.Concat(e.Details)
            .Select(m => hints.FirstOrDefault(h => m.StartsWith(h.Key, StringComparison.Ordinal)).Value ?? m)
            .Distinct(StringComparer.Ordinal).ToList();
        return new SegurException(messages[0], messages.Skip(1).ToList());
    }

    private static string? ValueAt(JsonObject profile, string path)
    {
        JsonNode? node = profile;
        foreach (var part in path.Split('/', StringSplitOptions.RemoveEmptyEntries))
            node = node is JsonObject o && o.TryGetPropertyValue(part, out var child) ? child : null;
        return node is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : null;
    }

    /// <summary>The enumerations of the schema by JSON path of the profile (« /emploi/profession »).</summary>
    private static IReadOnlyDictionary<string, string[]> Vocabularies(string schemaText) => Cache.GetOrAdd(schemaText, text =>
    {
        var map = new Dictionary<string, string[]>(StringComparer.Ordinal);
        void Walk(JsonNode? schema, string path)
        {
            if (schema is not JsonObject s) return;
            if (s["enum"] is JsonArray values && path.Length > 0)
                map[path] = values.Select(v => v?.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : null).OfType<string>().ToArray();
            if (s["properties"] is JsonObject props)
                foreach (var (name, child) in props) Walk(child, path + "/" + name);
        }
        Walk(JsonNode.Parse(text), "");
        return map;
    });
}
