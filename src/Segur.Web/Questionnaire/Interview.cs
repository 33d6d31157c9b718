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
/// required facts first (employer, structure, job), then, while some measure's verdict still depends on
/// an unanswered field (the engine says « indéterminé » and names the field), that field — in a fixed
/// order of importance; once eligibility is settled and something is due, the working time.
/// </summary>
public sealed class Interview(Legislation law, ProfileReader reader)
{
    public static readonly string[] RequiredOrder = ["employeur.secteur", "employeur.structure", "emploi.profession"];

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
        result = new Evaluator(law).Evaluate(profile, a.Period);
        var open = OpenFields(result);
        foreach (var f in Priority.Concat(open.Keys.Order(StringComparer.Ordinal)))
        {
            if (open.TryGetValue(f, out var measures) && !a.Asked(f) && law.Vocabulary.TryGet(f, out _))
                return Make(f, false, $"Le verdict de {string.Join(", ", measures.Order(StringComparer.Ordinal))} en dépend.");
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
    /// Fields whose absence leaves a verdict open where it can change the result: every undetermined
    /// measure of a month where nothing is due; when something is due, an undetermined measure that has
    /// priority over the one paid, or one of a family where nothing is paid.
    /// </summary>
    public static Dictionary<string, HashSet<string>> OpenFields(EvaluationResult r)
    {
        var open = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var m in r.Months)
        {
            foreach (var u in m.Measures.Where(x => x.Verdict == Verdict.Undetermined))
            {
                var paidInFamily = m.Measures.Where(x => x.Verdict == Verdict.Eligible && x.Measure.Family == u.Measure.Family).ToList();
                var matters = !m.Eligible || paidInFamily.Count == 0 || paidInFamily.Any(p => p.Measure.CedesTo.Contains(u.Measure.Id));
                if (!matters) continue;
                foreach (var f in u.MissingFields)
                {
                    if (!open.TryGetValue(f, out var set)) open[f] = set = new HashSet<string>(StringComparer.Ordinal);
                    set.Add(u.Measure.Id);
                }
            }
        }
        return open;
    }

    private Question Make(string field, bool required, string why)
    {
        var f = law.Vocabulary[field];
        return new Question(field, f.Kind, f.Values, required, why);
    }
}
