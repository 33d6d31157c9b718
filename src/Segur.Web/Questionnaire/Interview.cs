using System.Globalization;
using System.Text.Json.Nodes;
using Segur.Engine;
using Segur.Engine.Evaluation;
using Segur.Engine.Law;
using Segur.Engine.Profiles;
using Segur.Engine.Time;

namespace Segur.Web.Questionnaire;

/// <summary>The answers given so far: field values, the fields answered « je ne sais pas », the period.</summary>
public sealed class Answers
{
    public Dictionary<string, string> Values { get; } = new(StringComparer.Ordinal);
    public SortedSet<string> Unknown { get; } = new(StringComparer.Ordinal);
    public required MonthRange Period { get; set; }

    public bool Asked(string field) => Values.ContainsKey(field) || Unknown.Contains(field);

    /// <summary>The profile JSON of the answers (types from the schema vocabulary).</summary>
    public JsonObject ToProfile(Vocabulary v, bool withPeriod = true)
    {
        var root = new JsonObject();
        foreach (var f in v.Fields)
        {
            if (!Values.TryGetValue(f.Name, out var text)) continue;
            JsonNode? node = f.Kind switch
            {
                FieldKind.Boolean => text switch { "true" => true, "false" => false, _ => text },
                FieldKind.Integer => long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : text,
                FieldKind.Number => decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) ? d : text,
                _ => text,
            };
            var parts = f.Name.Split('.');
            var o = root;
            for (var i = 0; i < parts.Length - 1; i++)
            {
                if (o[parts[i]] is not JsonObject child) o[parts[i]] = child = new JsonObject();
                o = child;
            }
            o[parts[^1]] = node;
        }
        if (withPeriod) root["periode"] = new JsonObject { ["debut"] = Period.Start.ToString(), ["fin"] = Period.End.ToString() };
        return root;
    }
}

/// <summary>A question to ask next, or none when the verdict is settled.</summary>
public sealed record Question(string Field, FieldKind Kind, IReadOnlyList<string> Values, bool Required, string Why);

/// <summary>
/// Asks only the questions that matter for the answer so far, as the URSSAF simulators do: the three
/// required facts first (employer, structure, job), then the missing facts that the kernel says decide
/// something (<see cref="Reasons.Open"/>): the fields that undetermined measures lack, then those that leave
/// the decisive reason open (the body of a social security employer, which decides the exclusion of the
/// caisses); the fact that settles the most verdicts first. Facts the law implies (a MAS is funded by the
/// assurance maladie) are filled by the profile reader and never asked. Once something is due, the working time.
/// </summary>
public sealed class Interview(Legislation law, ProfileReader reader, Evaluator evaluator)
{
    public static readonly string[] RequiredOrder = ["employeur.secteur", "employeur.structure", "emploi.profession"];

    /// <summary>The order of the recap, and the tie-break between two facts that settle as much.</summary>
    public static readonly string[] Priority =
    [
        "employeur.versant", "employeur.organisme", "emploi.statut", "employeur.rattachement_eps_ou_ehpad",
        "employeur.financement_assurance_maladie", "employeur.champ_bass", "employeur.idcc", "employeur.adherent_axess",
        "emploi.fonctions_socio_educatives_principales", "employeur.deliberation_prime_revalorisation",
        "employeur.deliberation_prime_medecins",
    ];

    /// <summary>Fields the questionnaire can ask (the others are accepted by the API only).</summary>
    public static readonly HashSet<string> Askable = [.. RequiredOrder, .. Priority, "emploi.quotite", "emploi.temps_partiel"];

    public Profile Read(Answers a) => reader.Read(a.ToProfile(law.Vocabulary), "questionnaire");

    public Question? Next(Answers a, out EvaluationResult? result)
    {
        result = null;
        foreach (var f in RequiredOrder)
        {
            if (!a.Values.ContainsKey(f)) return Make(f, true, "Cette information est nécessaire pour toutes les mesures.");
        }
        var profile = Read(a);
        result = evaluator.Evaluate(profile, a.Period);
        foreach (var o in OpenFacts(result))
        {
            if (a.Asked(o.Field.Name) || !Askable.Contains(o.Field.Name)) continue;
            var why = o.DecidesVerdict
                ? $"Le verdict de {string.Join(", ", o.Measures)} en dépend."
                : $"Cette réponse dit si l'exclusion « {law.Exclusions.First(e => e.Id == o.Exclusions[0]).Title} » s'applique à vous : c'est peut-être le motif décisif.";
            return Make(o.Field.Name, false, why);
        }
        if (result.Months.Any(m => m.Eligible))
        {
            if (!a.Asked("emploi.quotite")) return Make("emploi.quotite", false, "Le montant dépend de votre temps de travail.");
            var q = decimal.TryParse(a.Values.GetValueOrDefault("emploi.quotite"), NumberStyles.Float, CultureInfo.InvariantCulture, out var d) ? d : 1m;
            if (q < 1m && a.Values.GetValueOrDefault("employeur.secteur") == "public" && !a.Asked("emploi.temps_partiel"))
                return Make("emploi.temps_partiel", false, "Dans la fonction publique, un temps partiel à 80 % ou 90 % est payé 6/7 ou 32/35.");
        }
        return null;
    }

    /// <summary>
    /// The missing facts of every month of the period (<see cref="Reasons.Open"/>), merged: those that decide a
    /// verdict first, the one that settles the most measures alone first, then the one most measures depend
    /// on, then the fixed order of <see cref="Priority"/>; then those that decide the reason only.
    /// </summary>
    public static IReadOnlyList<OpenFact> OpenFacts(EvaluationResult r)
    {
        var merged = new Dictionary<string, (FieldDef Field, SortedSet<string> Measures, SortedSet<string> Exclusions, int Settles)>(StringComparer.Ordinal);
        foreach (var o in r.Months.SelectMany(m => m.Open))
        {
            if (!merged.TryGetValue(o.Field.Name, out var x))
                merged[o.Field.Name] = x = (o.Field, new SortedSet<string>(StringComparer.Ordinal), new SortedSet<string>(StringComparer.Ordinal), 0);
            x.Measures.UnionWith(o.Measures);
            x.Exclusions.UnionWith(o.Exclusions);
            merged[o.Field.Name] = x with { Settles = x.Settles + o.Settles };
        }
        int Rank(string f) => Array.IndexOf(Priority, f) is var i and >= 0 ? i : Priority.Length;
        return merged.Values
            .OrderBy(x => x.Measures.Count > 0 ? 0 : 1).ThenByDescending(x => x.Settles).ThenByDescending(x => x.Measures.Count).ThenBy(x => Rank(x.Field.Name))
            .Select(x => new OpenFact(x.Field, [.. x.Measures], [.. x.Exclusions], x.Settles, []))
            .ToList();
    }

    private Question Make(string field, bool required, string why)
    {
        var f = law.Vocabulary[field];
        return new Question(field, f.Kind, f.Values, required, why);
    }
}
