using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Json.Schema;
using Segur.Engine.Law;
using Segur.Engine.Time;
using Vocabulary = Segur.Engine.Law.Vocabulary;

namespace Segur.Engine.Profiles;

/// <summary>
/// Reads a worker profile (JSON, the public contract <c>profile.schema.json</c>), validates it against the
/// schema and reports every problem in French with its JSON path.
/// </summary>
public sealed partial class ProfileReader
{
    private readonly Vocabulary _vocabulary;
    // One compiled schema per thread: the schema library is not safe for two evaluations of one schema at once
    // (found by fuzzing: concurrent reads let invalid profiles through or crashed), and web requests run in parallel.
    private readonly ThreadLocal<JsonSchema> _schema;
    private readonly IReadOnlyList<Implication> _implications;

    /// <summary>A reader for the law's vocabulary that also applies the facts the law implies.</summary>
    public ProfileReader(Legislation law) : this(law.Vocabulary, law.Implications)
    {
    }

    public ProfileReader(Vocabulary vocabulary, IReadOnlyList<Implication>? implications = null)
    {
        _vocabulary = vocabulary;
        _schema = new ThreadLocal<JsonSchema>(() => JsonSchema.FromText(vocabulary.SchemaText, new BuildOptions { SchemaRegistry = new SchemaRegistry() }));
        _implications = implications ?? [];
    }

    /// <summary>Parses and validates one profile; <paramref name="origin"/> names it in errors (a file path).</summary>
    public Profile Read(string json, string origin)
    {
        var node = JsonInput.Parse(json, origin, "un objet JSON décrivant un profil (voir docs/profil.md)");
        if (node is not JsonObject obj)
            throw new SegurException($"{origin} : attendu un objet JSON {{\"employeur\": {{…}}, \"emploi\": {{…}}}}, trouvé {Kind(node)}.");
        return Read(obj, origin);
    }

    /// <summary>Validates an already parsed profile object.</summary>
    public Profile Read(JsonObject obj, string origin)
    {
        try
        {
            return Validated(obj, origin);
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException or FormatException or OverflowException or JsonException)
        {
            // A text that is not valid UTF-16 (a lone surrogate) cannot be read as a string; a number out of any
            // decimal's range cannot be compared. A profile parsed from JSON text never gets here (JsonInput refuses both).
            throw new SegurException($"{origin} : profil illisible (nombre hors des limites, ou texte avec un caractère UTF-16 isolé) ; attendu des nombres ordinaires et des textes faits de caractères valides");
        }
    }

    private Profile Validated(JsonObject obj, string origin)
    {
        // The flag output is cheap; the detailed list is built only to explain an invalid profile.
        var element = System.Text.Json.JsonSerializer.SerializeToElement(obj);
        var valid = _schema.Value!.Evaluate(element, new EvaluationOptions { OutputFormat = OutputFormat.Flag, RequireFormatValidation = true }).IsValid;
        if (!valid)
        {
            var result = _schema.Value!.Evaluate(element, new EvaluationOptions { OutputFormat = OutputFormat.List, RequireFormatValidation = true });
            var problems = new List<string>();
            foreach (var d in result.Details ?? [])
            {
                if (d.Errors is null) continue;
                foreach (var (keyword, message) in d.Errors)
                {
                    var text = Translate(d.InstanceLocation.ToString(), keyword, message, obj);
                    if (text is not null && !problems.Contains(text)) problems.Add(text);
                }
            }
            if (problems.Count == 0) problems.Add("profil non conforme au schéma profile.schema.json");
            throw new SegurException($"{origin} : {problems[0]}", problems.Skip(1).Select(p => $"{origin} : {p}").ToList());
        }
        return Build(obj, origin);
    }

    private Profile Build(JsonObject obj, string origin)
    {
        var codes = new int[_vocabulary.Fields.Count];
        Array.Fill(codes, Facts.Absent);
        foreach (var f in _vocabulary.Fields)
        {
            var n = At(obj, f.Name);
            if (n is null) continue;
            switch (f.Kind)
            {
                case FieldKind.Enum:
                    f.TryCode(n.GetValue<string>(), out var c);
                    codes[f.Index] = c;
                    break;
                case FieldKind.Boolean:
                    codes[f.Index] = n.GetValue<bool>() ? 1 : 0;
                    break;
                case FieldKind.Integer:
                    var number = decimal.TryParse(n.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var dec) ? dec : -1m;
                    if (number != decimal.Truncate(number) || number < 1m || number > 999_999m)
                        throw new SegurException($"{origin} : /{f.Name.Replace('.', '/')} : valeur {n.ToJsonString()} invalide ; attendu un entier entre 1 et 999 999 (ex. 413)");
                    codes[f.Index] = (int)number;
                    break;
            }
        }
        var implied = new List<Implication>();
        if (ImpliedFacts.Complete(_implications, codes, implied) is { } conflict)
        {
            var i = conflict.Implication;
            throw new SegurException($"{origin} : /{i.Field.Name.Replace('.', '/')} : valeur {i.Field.Describe(conflict.Stated)} contraire au droit : {i.Title} ({string.Join(" ; ", i.Citations.Select(c => c.Label))}) ; attendu {i.Field.Describe(i.Code)}, ou le champ omis.");
        }
        var entree = Date(At(obj, "emploi.entree"), origin, "emploi.entree");
        var sortie = Date(At(obj, "emploi.sortie"), origin, "emploi.sortie");
        if (entree is not null && sortie is not null && sortie < entree)
            throw new SegurException($"{origin} : /emploi/sortie ({sortie:yyyy-MM-dd}) précède /emploi/entree ({entree:yyyy-MM-dd}) ; attendu une date de sortie postérieure ou égale à l'entrée.");
        MonthRange? periode = null;
        var debut = At(obj, "periode.debut")?.GetValue<string>();
        var fin = At(obj, "periode.fin")?.GetValue<string>();
        if (debut is not null || fin is not null)
        {
            var text = (debut ?? fin) + ".." + (fin ?? debut);
            if (!MonthRange.TryParse(text, out var r, out var error))
                throw new SegurException($"{origin} : /periode : {error}");
            periode = r;
        }
        return new Profile(_vocabulary, codes)
        {
            Id = At(obj, "id")?.GetValue<string>(),
            Quotite = Number(At(obj, "emploi.quotite"), origin, "emploi.quotite") ?? 1m,
            TempsPartiel = At(obj, "emploi.temps_partiel")?.GetValue<bool>(),
            Entree = entree,
            Sortie = sortie,
            PartStructuresEligibles = Number(At(obj, "emploi.part_temps_structures_eligibles"), origin, "emploi.part_temps_structures_eligibles") ?? 1m,
            FractionTraitement = Number(At(obj, "emploi.fraction_traitement"), origin, "emploi.fraction_traitement") ?? 1m,
            Corps = At(obj, "emploi.corps")?.GetValue<string>(),
            Periode = periode,
            Implied = implied,
        };
    }

    private static string Kind(JsonNode? node) => node?.GetValueKind() switch
    {
        null or JsonValueKind.Null => "null",
        JsonValueKind.Array => "une liste",
        JsonValueKind.String => "un texte",
        JsonValueKind.Number => "un nombre",
        JsonValueKind.True or JsonValueKind.False => "un booléen",
        _ => "une autre valeur",
    };

    private static JsonNode? At(JsonObject obj, string dotted)
    {
        JsonNode? n = obj;
        foreach (var part in dotted.Split('.'))
        {
            if (n is not JsonObject o || !o.TryGetPropertyValue(part, out n)) return null;
        }
        return n;
    }

    // Values built from YAML hold a long or a decimal, values parsed from JSON a JsonElement: read the text.
    private static decimal? Number(JsonNode? n, string origin, string name)
    {
        if (n is null) return null;
        if (decimal.TryParse(n.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var d)) return d;
        throw new SegurException($"{origin} : /{name.Replace('.', '/')} : nombre {n.ToJsonString()} hors des limites ; attendu un nombre entre 0 et 1");
    }

    private static DateOnly? Date(JsonNode? n, string origin, string name)
    {
        if (n is null) return null;
        if (DateOnly.TryParseExact(n.GetValue<string>(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)) return d;
        throw new SegurException($"{origin} : /{name.Replace('.', '/')} : date \"{n.GetValue<string>()}\" invalide ; attendu une date AAAA-MM-JJ");
    }

    private string? Translate(string pointer, string keyword, string message, JsonObject obj)
    {
        var path = pointer.Length == 0 ? "/" : pointer;
        var dotted = pointer.TrimStart('/').Replace('/', '.');
        _vocabulary.TryGet(dotted, out var field);
        var found = pointer.Length == 0 ? null : At(obj, dotted);
        var shown = found is null ? "" : found.ToJsonString();
        if (message.Contains("false schema", StringComparison.Ordinal)) keyword = "false";
        switch (keyword)
        {
            case "required":
                var names = QuotedNames().Matches(message).Select(m => m.Groups[1].Value).ToList();
                return names.Count == 0
                    ? $"{path} : champ obligatoire manquant"
                    : string.Join(" ; ", names.Select(n => $"{(path == "/" ? "" : path)}/{n} : champ obligatoire manquant"));
            case "enum":
                var allowed = field is null ? "" : " ; valeurs attendues : " + string.Join(", ", field.Values);
                return $"{path} : valeur {shown} inconnue{allowed}";
            case "additionalProperties":
                return null; // reported on the property itself ("false" schema)
            case "false":
                return $"{path} : champ inconnu ; seuls les champs de profile.schema.json sont acceptés (voir docs/profil.md)";
            case "type":
                var expected = field?.Kind switch
                {
                    FieldKind.Boolean => "un booléen (true ou false)",
                    FieldKind.Integer => "un nombre entier",
                    FieldKind.Number => "un nombre (ex. 0.8)",
                    FieldKind.Enum or FieldKind.Text or FieldKind.Date or FieldKind.Month => "une chaîne de caractères",
                    _ => "un objet",
                };
                return $"{path} : type incorrect ({shown}) ; attendu {expected}";
            case "minimum" or "maximum" or "exclusiveMinimum" or "exclusiveMaximum":
                return dotted switch
                {
                    "emploi.quotite" => $"{path} : quotité {shown} hors bornes ; attendu un nombre strictement positif et au plus 1 (1 = temps plein)",
                    _ when field?.Kind == FieldKind.Integer => $"{path} : valeur {shown} hors bornes ; attendu un entier au moins égal à 1",
                    _ => $"{path} : valeur {shown} hors bornes ; attendu un nombre entre 0 et 1",
                };
            case "pattern":
                return dotted switch
                {
                    "employeur.departement" => $"{path} : département {shown} inconnu ; attendu un code comme 01, 2A, 75 ou 974",
                    _ => $"{path} : valeur {shown} mal formée ; attendu un mois AAAA-MM",
                };
            case "format":
                return $"{path} : date {shown} invalide ; attendu une date AAAA-MM-JJ";
            default:
                return $"{path} : valeur {shown} non conforme au schéma de profil (règle « {keyword} ») ; voir docs/profil.md";
        }
    }

    [GeneratedRegex("\"([^\"]+)\"")]
    private static partial Regex QuotedNames();
}
