using System.Text.Json;

namespace Segur.Engine.Law;

/// <summary>Kinds of profile leaves that rules may test.</summary>
public enum FieldKind { Enum, Boolean, Integer, Number, Text, Date, Month }

/// <summary>One leaf of the profile schema, named by its dotted path (e.g. <c>employeur.secteur</c>).</summary>
public sealed class FieldDef
{
    private readonly Dictionary<string, int> _codes;

    internal FieldDef(int index, string name, FieldKind kind, IReadOnlyList<string> values, string description)
    {
        Index = index;
        Name = name;
        Kind = kind;
        Values = values;
        Description = description;
        _codes = values.Select((v, i) => (v, i)).ToDictionary(p => p.v, p => p.i, StringComparer.Ordinal);
    }

    public int Index { get; }
    public string Name { get; }
    public FieldKind Kind { get; }

    /// <summary>Allowed values of an enum leaf, in schema order (their position is the value's code).</summary>
    public IReadOnlyList<string> Values { get; }

    public string Description { get; }

    /// <summary>Short French name shown to users (« métier »), from <c>libelles.yaml</c>.</summary>
    public string Label { get; internal set; } = "";

    /// <summary>The question the questionnaire asks for this field, if any.</summary>
    public string? Question { get; internal set; }

    /// <summary>A hint shown under the question, if any.</summary>
    public string? Hint { get; internal set; }

    internal string[] ValueLabels { get; set; } = [];

    /// <summary>French label of a value (« Infirmier(ère) », « oui »), for people; the code itself for integers.</summary>
    public string LabelOf(int code) => Kind switch
    {
        FieldKind.Enum when code >= 0 && code < ValueLabels.Length => ValueLabels[code],
        FieldKind.Boolean => code == 1 ? "oui" : "non",
        _ => Describe(code),
    };

    /// <summary>French label of a value given by its code text (« infirmier », « true »); « non renseigné » for null.</summary>
    public string LabelOf(string? value)
    {
        if (value is null) return "non renseigné";
        if (Kind == FieldKind.Boolean) return value is "true" or "oui" ? "oui" : value is "false" or "non" ? "non" : value;
        return TryCode(value, out var code) ? LabelOf(code) : value;
    }

    /// <summary>True for leaves that rule conditions may test (finite or integer codes).</summary>
    public bool IsTestable => Kind is FieldKind.Enum or FieldKind.Boolean or FieldKind.Integer;

    public bool TryCode(string value, out int code) => _codes.TryGetValue(value, out code);

    /// <summary>Human form of a code, for explanations.</summary>
    public string Describe(int code) => Kind switch
    {
        FieldKind.Enum => Values[code],
        FieldKind.Boolean => code == 1 ? "oui" : "non",
        _ => code.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };
}

/// <summary>
/// The public vocabulary of a worker profile, read from <c>profile.schema.json</c>: rules may only name
/// fields and values that exist here, so that the legislation and the input contract cannot drift apart.
/// </summary>
public sealed class Vocabulary
{
    private readonly Dictionary<string, FieldDef> _byName;

    private Vocabulary(List<FieldDef> fields, string schemaText)
    {
        Fields = fields;
        SchemaText = schemaText;
        _byName = fields.ToDictionary(f => f.Name, StringComparer.Ordinal);
    }

    public IReadOnlyList<FieldDef> Fields { get; }

    /// <summary>The schema itself, used to validate profiles.</summary>
    public string SchemaText { get; }

    public bool TryGet(string name, out FieldDef field) => _byName.TryGetValue(name, out field!);

    /// <summary>The French name of a field for people (« métier »); the dotted name if unknown.</summary>
    public string Label(string field) => TryGet(field, out var f) && f.Label.Length > 0 ? f.Label : field;

    /// <summary>The French label of a field's value (« Infirmier(ère) », « oui », « non renseigné »).</summary>
    public string Label(string field, string? value) => value is null ? "non renseigné" : TryGet(field, out var f) ? f.LabelOf(value) : value;

    public FieldDef this[string name] => _byName.TryGetValue(name, out var f)
        ? f
        : throw new KeyNotFoundException($"champ de profil inconnu : {name}");

    public static Vocabulary FromSchema(string schemaText, string origin)
    {
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(schemaText);
        }
        catch (JsonException e)
        {
            throw new SegurException($"{origin} : schéma de profil illisible (JSON invalide, ligne {e.LineNumber + 1}) : attendu un schéma JSON.");
        }
        var fields = new List<FieldDef>();
        using (doc)
        {
            Walk(doc.RootElement, "", fields);
        }
        return new Vocabulary(fields, schemaText);
    }

    private static void Walk(JsonElement schema, string prefix, List<FieldDef> fields)
    {
        if (!schema.TryGetProperty("properties", out var props)) return;
        foreach (var p in props.EnumerateObject())
        {
            var name = prefix.Length == 0 ? p.Name : prefix + "." + p.Name;
            var node = p.Value;
            var description = node.TryGetProperty("description", out var d) ? d.GetString() ?? "" : "";
            if (node.TryGetProperty("properties", out _))
            {
                Walk(node, name, fields);
                continue;
            }
            var type = node.TryGetProperty("type", out var t) ? t.GetString() : null;
            FieldKind kind;
            var values = new List<string>();
            if (node.TryGetProperty("enum", out var e))
            {
                kind = FieldKind.Enum;
                values.AddRange(e.EnumerateArray().Select(v => v.GetString() ?? ""));
            }
            else
            {
                var format = node.TryGetProperty("format", out var f) ? f.GetString() : null;
                kind = type switch
                {
                    "boolean" => FieldKind.Boolean,
                    "integer" => FieldKind.Integer,
                    "number" => FieldKind.Number,
                    "string" when format == "date" => FieldKind.Date,
                    "string" when node.TryGetProperty("pattern", out var pat) && pat.GetString()!.Contains("(0[1-9]|1[0-2])$") => FieldKind.Month,
                    _ => FieldKind.Text,
                };
                if (kind == FieldKind.Boolean) values.AddRange(["false", "true"]);
            }
            fields.Add(new FieldDef(fields.Count, name, kind, values, description));
        }
    }
}
