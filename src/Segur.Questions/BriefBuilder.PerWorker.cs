using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Segur.Batch;
using Segur.Engine.Law;
using Segur.Engine.Time;

namespace Segur.Questions;

// The cost per worker of each profile of a population under a reform, and the total for a sourced headcount.
public sealed partial class BriefBuilder
{
    /// <summary>
    /// Runs the law and the reform over each profile of <paramref name="p"/> alone (one row, quotité 1 unless the
    /// profile gives one): the cost of the period, and of its last month with the employer contributions.
    /// </summary>
    private List<WorkerCost> PerWorker(string reformPath, Legislation reformLaw, PopulationDefinition p, MonthRange period)
    {
        var list = new List<WorkerCost>();
        var last = new MonthRange(period.End, period.End);
        foreach (var def in p.Profiles)
        {
            var row = new Dictionary<string, string>(StringComparer.Ordinal) { ["id"] = "agent-type" };
            Flatten(def.Profile, "", row);
            row.TryAdd("emploi.quotite", "1");
            var whole = RunRows(reformPath, reformLaw, [row], period, $"profil:{p.Id}:{def.Label}");
            var month = RunRows(reformPath, reformLaw, [row], last, $"profil:{p.Id}:{def.Label}");
            list.Add(new WorkerCost(def.Label, month.Cents, month.EmployerCents, month.EmployerUnknownRows == 0, whole.Cents, whole.ArrearsCents,
                whole.UncertainRows > 0 || month.UncertainRows > 0, decimal.Parse(row["emploi.quotite"], CultureInfo.InvariantCulture)));
        }
        return list;
    }

    private static void Flatten(JsonObject o, string prefix, Dictionary<string, string> into)
    {
        foreach (var (k, v) in o)
        {
            var name = prefix + k;
            if (v is JsonObject child) Flatten(child, name + ".", into);
            else if (v is JsonValue value)
                into[name] = value.TryGetValue<bool>(out var b) ? (b ? "true" : "false")
                    : value.TryGetValue<string>(out var s) ? s
                    : value.ToJsonString().Trim('"');
        }
    }

    /// <summary>Writes <paramref name="rows"/> to a temporary CSV and runs the law and the reform over it (strict). Cached.</summary>
    private CostTotals RunRows(string reformPath, Legislation reformLaw, IReadOnlyList<Dictionary<string, string>> rows, MonthRange period, string key)
    {
        var used = rows.SelectMany(r => r.Keys).ToHashSet(StringComparer.Ordinal);
        var columns = PopulationParquet.Columns(_law.Vocabulary).Where(used.Contains).ToArray();
        var metadata = new Dictionary<string, string> { ["segur.fiche"] = JsonSerializer.Serialize(new { profils = key }) };
        return RunFile($"{reformPath}|{key}|{period}", reformLaw, period, rows.Count,
            csv => PopulationParquet.Write(csv, _law.Vocabulary, rows, metadata, columns));
    }

    /// <summary>The assumptions of the costs per worker: what a worker is, and where the headcount comes from.</summary>
    private static List<BriefAssumption> PerWorkerAssumptions(IReadOnlyList<PopulationCost> parts, MonthRange period, IReadOnlyList<BriefReference> reform)
    {
        var list = new List<BriefAssumption>();
        if (parts.All(p => p.PerWorker.Count == 0)) return list;
        list.Add(new($"Coût par agent : chaque profil type de la population (legislation/questions/vocabulaire.yaml) est évalué seul, à temps plein sauf quotité donnée par le profil, sous le droit en vigueur et sous la réforme ; coût mensuel = différence du mois de {Format.Month(period.End)}, coût annuel = coût mensuel × 12 ; cotisations employeur au taux sourcé de legislation/ quand il en existe un pour ce profil.", reform));
        foreach (var p in parts.Where(p => p.Strata.Count == 0))
        {
            if (p.Headcount is { Headcount: { } n } h)
                list.Add(new($"Effectif de « {p.Population.Label} » : {Format.Integer(n)} {h.Unit ?? "personnes"} (confiance {h.Confidence}){(h.Note is null ? "" : " — " + h.Note)} ; coût total = effectif × coût par agent, sans tirage ni répartition des métiers.", [h.Reference], h.Confidence));
            else
                list.Add(new($"Effectif de « {p.Population.Label} » : inconnu — {p.Headcount?.Note ?? "aucune source publique lue ne le donne (legislation/populations/effectifs-questions.yaml ne nomme pas cette population)"} ; aucun total n'est avancé, seulement le coût par agent et la formule.",
                    [new BriefReference($"legislation/{QuestionHeadcounts.RelativePath}{(p.Headcount is null ? " (population non nommée)" : $", « {p.Population.Id} » : effectif null")}", null)], Confidence.L));
        }
        return list;
    }
}
