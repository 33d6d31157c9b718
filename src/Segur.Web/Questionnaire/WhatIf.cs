using System.Globalization;
using System.Text;
using Segur.Engine;
using Segur.Engine.Evaluation;
using Segur.Engine.Law;
using Segur.Engine.Profiles;
using Segur.Engine.Time;

namespace Segur.Web.Questionnaire;

/// <summary>A change of situation that makes the worker eligible: new values of one or two fields.</summary>
/// <remarks><c>Pending</c>: fields still unanswered on which the measure then depends (« sous réserve de »).</remarks>
public sealed record SituationChange(IReadOnlyList<(string Field, string Value)> Changes, IReadOnlyList<string> Measures, decimal? Gross, IReadOnlyList<string> Pending);

/// <summary>Situation changes grouped by the field(s) changed: « if your structure were X, Y or Z ».</summary>
public sealed record ChangeGroup(IReadOnlyList<string> Fields, IReadOnlyList<SituationChange> Options);

/// <summary>A change of law that makes the worker eligible: the criteria of one measure that would have to change.</summary>
public sealed record LawChange(Measure Measure, IReadOnlyList<CriterionNode> Failed, string ReformYaml, decimal? Gross, string Summary, IReadOnlyList<string> Pending);

/// <summary>What would change the result, for the month examined.</summary>
public sealed record WhatIfResult(YearMonth Month, IReadOnlyList<ChangeGroup> Situation, LawChange? Law, IReadOnlyList<string> Notes);

/// <summary>
/// « Ce qui changerait le résultat » : the smallest change of situation (one field, else two) and the
/// smallest change of law (the measure with the fewest unmet criteria, turned into a reform overlay,
/// loaded, checked and re-evaluated) that would make the worker eligible in the month examined.
/// </summary>
public sealed class WhatIf(LawService laws)
{
    private const int MaxEvaluations = 6_000;

    private static readonly string[] Fields =
    [
        "employeur.structure", "emploi.profession", "emploi.statut", "employeur.secteur", "employeur.versant", "employeur.organisme",
        "employeur.rattachement_eps_ou_ehpad", "employeur.financement_assurance_maladie", "employeur.champ_bass", "employeur.adherent_axess",
        "emploi.fonctions_socio_educatives_principales", "employeur.deliberation_prime_revalorisation", "employeur.idcc",
    ];

    public WhatIfResult Compute(Profile profile, YearMonth month, DateOnly today)
    {
        var law = laws.Law;
        var evaluator = laws.Evaluator;
        var baseline = evaluator.EvaluateMonth(profile, month);
        var notes = new List<string>();
        if (baseline.Eligible) return new WhatIfResult(month, [], null, notes);

        // A change « works » when it makes a measure due, or — if nothing was undetermined before — when no criterion
        // of some measure fails any more and only unanswered fields remain (« sous réserve de »).
        var strict = baseline.Measures.Any(r => r.Verdict == Verdict.Undetermined);
        SituationChange? Works(MonthResult m, List<(string, string)> changes)
        {
            if (m.Eligible) return new SituationChange(changes, m.Retained, m.Gross, []);
            if (strict) return null;
            var u = m.Measures.FirstOrDefault(r => r.Verdict == Verdict.Undetermined);
            return u is null ? null : new SituationChange(changes, [u.Measure.Id], null, u.MissingFields);
        }
        var codes = profile.Codes;
        var candidates = Fields.Where(f => law.Vocabulary.TryGet(f, out _)).Select(f => law.Vocabulary[f]).ToList();
        var values = candidates.ToDictionary(f => f, f => Reasons.CandidateCodes(f, law));
        var found = new List<SituationChange>();
        var evaluations = 0;
        foreach (var f in candidates)
        {
            var original = codes[f.Index];
            foreach (var v in values[f])
            {
                if (v == original) continue;
                codes[f.Index] = v;
                var m = evaluator.EvaluateMonth(profile, month);
                evaluations++;
                if (Works(m, [(f.Name, f.Describe(v))]) is { } w) found.Add(w);
            }
            codes[f.Index] = original;
        }
        if (found.Count == 0)
        {
            // Two fields at once, among those the nearest measures test and fail.
            var near = baseline.Measures.Where(r => r.Verdict == Verdict.NotEligible).OrderByDescending(r => r.Score).Take(4);
            var fields = new List<FieldDef>();
            foreach (var r in near)
            {
                foreach (var c in r.Criteria.Where(c => c.Result == Tri.False)) CollectFields(c, fields);
            }
            fields = fields.Distinct().Where(values.ContainsKey).ToList();
            for (var i = 0; i < fields.Count && evaluations < MaxEvaluations; i++)
            {
                for (var j = i + 1; j < fields.Count && evaluations < MaxEvaluations; j++)
                {
                    var (a, b) = (fields[i], fields[j]);
                    var (oa, ob) = (codes[a.Index], codes[b.Index]);
                    foreach (var va in values[a])
                    {
                        if (va == oa) continue;
                        foreach (var vb in values[b])
                        {
                            if (vb == ob || evaluations >= MaxEvaluations) continue;
                            codes[a.Index] = va;
                            codes[b.Index] = vb;
                            var m = evaluator.EvaluateMonth(profile, month);
                            evaluations++;
                            if (Works(m, [(a.Name, a.Describe(va)), (b.Name, b.Describe(vb))]) is { } w) found.Add(w);
                        }
                    }
                    codes[a.Index] = oa;
                    codes[b.Index] = ob;
                }
            }
            if (evaluations >= MaxEvaluations) notes.Add($"Recherche limitée à {MaxEvaluations} situations voisines.");
        }
        var groups = found.GroupBy(c => string.Join("+", c.Changes.Select(x => x.Field)))
            .Select(g => new ChangeGroup(g.First().Changes.Select(x => x.Field).ToList(), g.OrderBy(c => c.Pending.Count).ThenByDescending(c => c.Gross ?? 0m).ToList()))
            .OrderBy(g => g.Fields.Count).ThenBy(g => g.Options.Min(o => o.Pending.Count)).ThenBy(g => Array.IndexOf(Fields, g.Fields[0])).ToList();
        return new WhatIfResult(month, groups, LawChangeFor(profile, baseline, month, today, strict), notes);
    }

    private LawChange? LawChangeFor(Profile profile, MonthResult baseline, YearMonth month, DateOnly today, bool strict)
    {
        var tries = 0;
        LawChange? pending = null;
        var ranked = baseline.Measures
            .Where(r => r.Verdict == Verdict.NotEligible && r.Criteria.All(c => c is not InPostNode || c.Result == Tri.True))
            .Select(r => (r, Failed: r.Criteria.Where(c => c.Result == Tri.False).ToList()))
            .OrderBy(x => x.Failed.Count).ThenByDescending(x => x.r.Score);
        foreach (var (r, failed) in ranked)
        {
            if (tries++ >= 5) break;
            var yaml = Reform(profile, r.Measure, failed, month, today);
            if (yaml is null) continue;
            try
            {
                var reformed = laws.WithReform(yaml);
                var m = laws.EvaluatorFor(reformed).EvaluateMonth(profile, month);
                var target = m.Measures.First(x => x.Measure.Id == r.Measure.Id);
                if (!m.Eligible && (strict || target.Verdict != Verdict.Undetermined)) continue;
                var summary = failed.Count == 1
                    ? $"Il suffirait de modifier un seul point du droit : le critère « {failed[0].Label} » de la mesure {r.Measure.Id}."
                    : $"Il suffirait de modifier {failed.Count} points du droit, tous dans la mesure {r.Measure.Id}.";
                var change = new LawChange(r.Measure, failed, yaml, m.Eligible ? m.Gross : null, summary, m.Eligible ? [] : target.MissingFields);
                // A change that makes the worker surely eligible beats a smaller one that still depends on unanswered questions.
                if (m.Eligible) return change;
                pending ??= change;
            }
            catch (SegurException)
            {
                // The extension would make two measures of a family pay the same job: try the next measure.
            }
        }
        return pending;
    }

    /// <summary>A reform overlay that extends each failed criterion of <paramref name="m"/> to this worker.</summary>
    private string? Reform(Profile p, Measure m, List<CriterionNode> failed, YearMonth month, DateOnly today)
    {
        var sb = new StringBuilder();
        var id = "extension-" + m.Id.ToLowerInvariant();
        var decided = new DateOnly(today.Year, today.Month, 1).AddMonths(1);
        sb.Append("# Réforme minimale calculée par segur : ce qu'il faudrait changer au droit pour que ce travailleur soit éligible.\n");
        sb.Append("id: ").Append(id).Append('\n');
        sb.Append("intitule: ").Append(Quote($"Extension de la mesure {m.Id} ({m.Title})")).Append('\n');
        sb.Append("description: ").Append(Quote($"Le plus petit changement du droit qui rend éligible, en {Format.Month(month)}, un travailleur de ce profil : {failed.Count} critère(s) de {m.Id} étendu(s).")).Append('\n');
        sb.Append("decidee_le: ").Append(Format.Iso(decided)).Append('\n');
        sb.Append("textes:\n  reforme-minimale-segur:\n");
        sb.Append("    titre: ").Append(Quote($"Scénario segur : extension de la mesure {m.Id} (hypothèse, non adoptée)")).Append('\n');
        sb.Append("    nature: scenario\n    publie_le: null\n");
        sb.Append("    publication: \"scénario de simulation calculé par segur, sans valeur juridique\"\n");
        sb.Append("    url: ").Append(Quote(m.InstitutedBy.Url)).Append('\n');
        sb.Append("    verifie_le: ").Append(Format.Iso(today)).Append('\n');
        sb.Append("    confiance: L\n");
        sb.Append("modifications:\n");
        foreach (var c in failed)
        {
            if (c is InForceNode)
            {
                if (m.From > month.FirstDay) sb.Append("  - mesure: ").Append(m.Id).Append("\n    du: ").Append(Format.Iso(month.FirstDay)).Append('\n');
                else if (m.To is { } to && to < month.LastDay) sb.Append("  - mesure: ").Append(m.Id).Append("\n    au: ").Append(Format.Iso(month.LastDay)).Append('\n');
                else return null; // not yet published at the law's date: not a change of rule
                continue;
            }
            if (c is ExclusionNode e)
            {
                sb.Append("  - exclusion: ").Append(e.Exclusion.Id).Append("\n    retirer_mesures: [").Append(m.Id).Append("]\n");
                continue;
            }
            if (c is not RuleNode { Rule: var rule }) return null;
            var fields = new List<FieldDef>();
            Collect(rule, fields);
            var conditions = new List<string>();
            foreach (var f in fields.Distinct().OrderBy(f => f.Index))
            {
                var code = p.Codes[f.Index];
                if (code == Facts.Absent) return null;
                conditions.Add($"{{champ: {f.Name}, egal: {Quote(f.Describe(code) switch { "oui" => "true", "non" => "false", var s => s })}}}");
            }
            if (conditions.Count == 0) return null;
            var description = string.Join(", ", fields.Distinct().OrderBy(f => f.Index).Select(f => $"{f.Label} : {f.LabelOf(p.Codes[f.Index])}"));
            sb.Append("  - mesure: ").Append(m.Id).Append('\n');
            sb.Append("    etendre:\n      critere: ").Append(rule.Id).Append('\n');
            sb.Append("      une_de:\n        - libelle: ").Append(Quote("Extension : " + description)).Append('\n');
            sb.Append("          references: [{texte: reforme-minimale-segur}]\n");
            sb.Append("          condition: {toutes: [").Append(string.Join(", ", conditions)).Append("]}\n");
        }
        return sb.ToString();
    }

    private static string Quote(string s) => "\"" + s.Replace("\\", "\\\\").Replace("\"", "\\\"") + "\"";

    private static void Collect(Rule r, List<FieldDef> into)
    {
        if (r.Condition is not null)
        {
            var set = new HashSet<FieldDef>();
            r.Condition.CollectFields(set);
            into.AddRange(set);
        }
        foreach (var c in r.Children) Collect(c, into);
    }

    private static void CollectFields(CriterionNode criterion, List<FieldDef> into)
    {
        if (criterion is RuleNode r) Collect(r.Rule, into);
        else if (criterion is ExclusionNode e)
        {
            var set = new HashSet<FieldDef>();
            e.Exclusion.Condition.CollectFields(set);
            into.AddRange(set);
        }
    }

    public static string Describe(SituationChange c, Vocabulary vocabulary) =>
        string.Join(" et ", c.Changes.Select(x => $"{vocabulary.Label(x.Field)} : {vocabulary.Label(x.Field, x.Value)}"));

    internal static string Invariant(decimal d) => d.ToString(CultureInfo.InvariantCulture);
}
