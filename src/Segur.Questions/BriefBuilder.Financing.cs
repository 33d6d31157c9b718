using System.Text.Json.Nodes;
using Segur.Batch;
using Segur.Engine.Evaluation;
using Segur.Engine.Law;
using Segur.Engine.Profiles;

namespace Segur.Questions;

// What a demand of financing (compensation to employers) asks for: the cost of the measures already in force.
public sealed partial class BriefBuilder
{
    /// <summary>Id of the demand « Financement, compensation aux employeurs » in the vocabulary.</summary>
    public const string FinancingDemand = "financement";

    /// <summary>
    /// When a question asks the State to finance (compensate) a measure rather than to extend it, what it asks costs
    /// what the measures in force cost for the population: for each profile type, the measure due in the last month
    /// of the situation (or, when the verdict is undetermined, the measures each answer would open), its monthly
    /// and annual gross, the employer contributions at the sourced rate, and the total for a sourced headcount.
    /// Each sentence names its facts and texts; no headcount is ever assumed.
    /// </summary>
    private List<string> FinancingNotes(IReadOnlyList<PopulationVerdict> verdicts)
    {
        var notes = new List<string>();
        var rates = new EmployerRates(_law);
        foreach (var v in verdicts)
        {
            var m = v.Result.Months[^1];
            var month = Format.Month(m.Month);
            var who = $"{v.Population.Label} (profil type « {v.Profile.Label} »)";
            var headcount = _headcounts.Get(v.Population.Id);
            var s = m.Summary;
            if (s.Due.Count > 0)
                notes.Add($"Financement demandé — {who} : en {month}, {Paid(s.Due, v, m, rates, headcount)}");
            else if (s.Outcome == SummaryOutcome.Undetermined)
            {
                var options = s.Open.Where(o => o.DecidesVerdict)
                    .SelectMany(o => o.Outcomes.SelectMany(x => x.Due.Select(d => (Field: o.Field.Label, d.Measure, d.FullTime))))
                    .Where(x => x.FullTime is not null).DistinctBy(x => x.Measure.Id).ToList();
                if (options.Count == 0)
                {
                    notes.Add(NearestFinancing(v, m, rates, who, headcount)
                        ?? $"Financement demandé — {who} : en {month}, le verdict dépend de faits que le profil type ne donne pas ({string.Join(", ", s.Open.Where(o => o.DecidesVerdict).Select(o => o.Field.Label))}) et aucune réponse n'ouvre seule une mesure : pas de coût par agent.");
                    continue;
                }
                var parts = options.Select(x =>
                {
                    var employer = EmployerPart(rates, v, m, [(x.Measure, x.FullTime!.Value)]);
                    return $"si {x.Measure.Id} est due (selon votre {x.Field}) : {Format.Euros(x.FullTime!.Value)} brut par mois à temps plein, {Format.Euros(x.FullTime.Value * 12)} par an et par agent{Employer(employer, x.FullTime.Value)} ; {Total(headcount, x.FullTime.Value, employer)}";
                });
                notes.Add($"Financement demandé — {who} : en {month}, le verdict dépend de faits que le profil type ne donne pas ; {string.Join(" ; ", parts)}");
            }
            else
                notes.Add($"Financement demandé — {who} : en {month}, aucune mesure Ségur n'est due sous le droit en vigueur ; il n'y a rien à compenser sans extension (voir les raisons ci-dessus).");
        }
        return notes;
    }

    /// <summary>
    /// « le droit en vigueur verse … » : the measures due in <paramref name="m"/>, their monthly and annual gross, the employer
    /// contributions, their texts and the total for the headcount (an unknown amount is named, never counted for zero).
    /// </summary>
    private static string Paid(IReadOnlyList<DueMeasure> due, PopulationVerdict v, MonthResult m, EmployerRates rates, SourcedHeadcount? headcount)
    {
        var known = due.Where(d => d.Amount is not null).ToList();
        var gross = known.Sum(d => d.Amount!.Value);
        var employer = EmployerPart(rates, v, m, known.Select(d => (d.Measure, d.Amount!.Value)));
        var texts = string.Join(" ; ", due.Select(d => $"{d.Measure.Id} : {d.Citations[0].Label}"));
        var unknown = due.Count > known.Count ? $" ; montant inconnu pour {string.Join(", ", due.Where(d => d.Amount is null).Select(d => d.Measure.Id))} (jamais compté pour zéro : minimum)" : "";
        return $"le droit en vigueur verse {string.Join(" + ", due.Select(d => d.Measure.Id))}, soit {Format.Euros(gross)} brut par mois et {Format.Euros(gross * 12)} par an et par agent{Employer(employer, gross)}{unknown} ({texts}). {Total(headcount, gross, employer)}";
    }

    /// <summary>
    /// The cost when several missing facts decide together: the profile type completed with the values that open the
    /// nearest measure (<see cref="MonthResult.Nearest"/>, values checked by the kernel), evaluated again; null when
    /// nothing opens it.
    /// </summary>
    private string? NearestFinancing(PopulationVerdict v, MonthResult m, EmployerRates rates, string who, SourcedHeadcount? headcount)
    {
        if (m.Nearest is not { OnlyMissing: true } nearest || nearest.Changes.Count > 4) return null;
        // The first combination of candidate values (booleans « oui » first, the IDCC the law names) that opens the measure.
        var candidates = nearest.Changes.Select(c => c.Values.Count > 0 ? c.Values
            : c.Field.Kind == FieldKind.Boolean ? [1, 0] : Segur.Engine.Evaluation.Reasons.CandidateCodes(c.Field, _law)).ToList();
        if (candidates.Any(c => c.Count == 0)) return null;
        var reader = new ProfileReader(_law);
        var combination = new int[candidates.Count];
        for (var tried = 0; tried < 256; tried++)
        {
            var json = (JsonObject)v.Profile.Profile.DeepClone();
            for (var i = 0; i < candidates.Count; i++) Set(json, nearest.Changes[i].Field, candidates[i][combination[i]]);
            var completed = _evaluator.EvaluateMonth(reader.Read(json, $"profil type « {v.Profile.Label} » complété"), m.Month);
            var due = completed.Summary.Due.Where(d => d.Amount is not null).ToList();
            if (due.Any(d => d.Measure.Id == nearest.Measure.Id))
            {
                var assumed = nearest.Changes.Select((c, i) => $"{c.Field.Label} « {c.Field.LabelOf(candidates[i][combination[i]])} »");
                return $"Financement demandé — {who} : en {Format.Month(m.Month)}, le verdict dépend de faits que le profil type ne donne pas ; "
                    + $"par exemple avec {string.Join(" et ", assumed)}, {Paid(due, v, completed, rates, headcount)}";
            }
            var k = 0;
            while (k < combination.Length && ++combination[k] == candidates[k].Count) combination[k++] = 0;
            if (k == combination.Length) break;
        }
        return null;
    }

    private static void Set(JsonObject profile, FieldDef field, int code)
    {
        var parts = field.Name.Split('.');
        var node = profile;
        foreach (var part in parts[..^1]) node = (JsonObject)(node[part] ??= new JsonObject());
        node[parts[^1]] = field.Kind switch
        {
            FieldKind.Boolean => JsonValue.Create(code == 1),
            FieldKind.Integer => JsonValue.Create(code),
            _ => JsonValue.Create(field.Values[code]),
        };
    }

    /// <summary>
    /// Employer contributions per month at the sourced rate of each measure (with the rate's id and confidence), or
    /// null when a rate is unknown.
    /// </summary>
    private static (decimal Amount, string Rates)? EmployerPart(EmployerRates rates, PopulationVerdict v, MonthResult m, IEnumerable<(Measure Measure, decimal Gross)> paid)
    {
        var total = 0m;
        var used = new List<string>();
        foreach (var (measure, gross) in paid)
        {
            var rate = rates.Rule(measure, v.Result.Profile.Codes)?.Rate;
            if (rate?.Find(m.Month) is not { } value) return null;
            total += gross * value.Value;
            var text = $"{rate.Id} = {Format.Number(value.Value)}, confiance {value.Confidence}";
            if (!used.Contains(text)) used.Add(text);
        }
        return (Math.Round(total, 2, MidpointRounding.AwayFromZero), string.Join(" ; ", used));
    }

    private static string Employer((decimal Amount, string Rates)? employer, decimal gross) => employer is { } e
        ? $", plus {Format.Euros(e.Amount)} de cotisations employeur par mois (taux sourcé de legislation/parameters/cotisations-employeur.yaml : {e.Rates}), soit un coût employeur de {Format.Euros((gross + e.Amount) * 12)} par an"
        : ", cotisations employeur non chiffrées (aucun taux sourcé pour ce profil)";

    /// <summary>The total for the sourced headcount, or the formula when no source gives one.</summary>
    private static string Total(SourcedHeadcount? h, decimal gross, (decimal Amount, string Rates)? employer)
    {
        var perYear = (gross + (employer?.Amount ?? 0m)) * 12;
        if (h?.Headcount is not { } n)
            return $"Effectif : {(h?.Note ?? "aucune source publique lue ne le donne")} ; coût annuel = effectif × {Format.Euros(perYear)}.";
        return $"Pour {Format.Integer(n)} {h.Unit ?? "personnes"} ({h.Source}{(h.AsOf is null ? "" : $", au {h.AsOf}")}, confiance {h.Confidence}{(h.Url is null ? "" : $", {h.Url}")}) : {Format.Euros(perYear * n)} par an au plus, si tous étaient à temps plein{(employer is null ? ", hors cotisations employeur" : "")}.";
    }
}
