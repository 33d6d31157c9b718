using Segur.Engine.Law;
using Segur.Engine.Profiles;
using Segur.Engine.Time;

namespace Segur.Engine.Evaluation;

/// <summary>
/// Evaluates a profile month by month against the legislation. Pure: the same legislation, profile,
/// period and <c>lawAsOf</c> always give the same result (no clock, no culture).
/// </summary>
public sealed partial class Evaluator(Legislation law)
{
    public Legislation Law { get; } = law;

    public EvaluationResult Evaluate(Profile profile, MonthRange period, DateOnly? lawAsOf = null)
    {
        var months = new List<MonthResult>(period.Count);
        foreach (var m in period.Months()) months.Add(EvaluateMonth(profile, m, lawAsOf));
        return new EvaluationResult { Profile = profile, Period = period, LawAsOf = lawAsOf, Legislation = Law, Months = months };
    }

    public MonthResult EvaluateMonth(Profile profile, YearMonth month, DateOnly? lawAsOf = null)
    {
        var results = new List<MeasureResult>(Law.Measures.Count);
        foreach (var m in Law.Measures) results.Add(EvaluateMeasure(m, profile, month, lawAsOf));

        var retained = new List<MeasureResult>();
        foreach (var family in results.GroupBy(r => r.Measure.Family))
        {
            var eligible = family.Where(r => r.Verdict == Verdict.Eligible).ToList();
            foreach (var r in eligible)
            {
                var winner = eligible.FirstOrDefault(o => r.Measure.CedesTo.Contains(o.Measure.Id));
                if (winner is null) continue;
                r.Verdict = Verdict.Superseded;
                r.SupersededBy = winner.Measure.Id;
                r.Notes.Add($"Écartée : la mesure {winner.Measure.Id} s'applique en priorité (une seule mesure de cette famille par emploi et par mois).");
                r.Amount = 0m;
                r.Calculation = [];
            }
            var paid = family.Where(r => r.Verdict == Verdict.Eligible).ToList();
            if (paid.Count > 1)
                throw new InvalidOperationException($"conflit non résolu entre {string.Join(" et ", paid.Select(p => p.Measure.Id))} en {month} : la vérification statique aurait dû le refuser");
            retained.AddRange(paid);
            if (paid.Count == 1 && family.Any(r => r.Verdict == Verdict.Undetermined && paid[0].Measure.CedesTo.Contains(r.Measure.Id)))
            {
                // Only a note: the priority measure would change which text pays, rarely the amount.
                paid[0].Notes.Add("Une mesure prioritaire de la même famille reste indéterminée faute d'information : complétez le profil.");
            }
        }

        var notes = new List<UncertaintyNote>();
        foreach (var u in Law.Uncertainties)
        {
            if (!u.InForce(month) || u.Condition.Evaluate(profile.Codes) != Tri.True) continue;
            if (u.MeasureIds.Count > 0 && !retained.Any(r => u.MeasureIds.Contains(r.Measure.Id))) continue;
            notes.Add(new UncertaintyNote(u.Id, u.Title, u.Note, u.Confidence, u.Citations));
        }

        var eligibleMonth = retained.Count > 0;
        decimal? gross = eligibleMonth ? 0m : 0m;
        foreach (var r in retained) gross = gross is null || r.Amount is null ? null : gross + r.Amount;
        var undetermined = !eligibleMonth && results.Any(r => r.Verdict == Verdict.Undetermined);
        var confidence = notes.Select(n => n.Confidence).Concat(retained.Select(r => r.Confidence)).DefaultIfEmpty(Confidence.H).Max();
        if (undetermined || retained.Any(r => r.Amount is null)) confidence = Confidence.L;
        var uncertain = confidence != Confidence.H;
        string? closest = null;
        if (!eligibleMonth)
        {
            var best = results.Where(r => r.Verdict is Verdict.NotEligible or Verdict.Undetermined)
                .OrderByDescending(r => r.Verdict == Verdict.Undetermined ? 2 : r.Score)
                .FirstOrDefault();
            closest = best?.Measure.Id;
        }
        var (net, basis) = NetEstimate(profile, month, retained, lawAsOf);
        var informations = Law.Informations
            .Where(i => i.InForce(month) && (!i.OnlyWhenNothingDue || !eligibleMonth) && i.Condition.Evaluate(profile.Codes) == Tri.True)
            .ToList();
        return new MonthResult
        {
            Month = month,
            Eligible = eligibleMonth,
            Gross = gross,
            NetEstimate = net,
            NetBasis = basis,
            Retained = retained.Select(r => r.Measure.Id).ToList(),
            Closest = closest,
            Uncertain = uncertain,
            Confidence = confidence,
            Uncertainties = notes,
            Informations = informations,
            Measures = results,
        };
    }

    private MeasureResult EvaluateMeasure(Measure m, Profile p, YearMonth month, DateOnly? lawAsOf)
    {
        var criteria = new List<CriterionResult>(m.Criteria.Count + m.Exclusions.Count + 2);
        var missing = new SortedSet<string>(StringComparer.Ordinal);
        var weak = new List<(Confidence, string)>();

        criteria.Add(InForceCriterion(m, month, lawAsOf));
        var days = Proration.Thirtieths(p.Entree, p.Sortie, month);
        if (p.Entree is not null || p.Sortie is not null)
        {
            criteria.Add(new CriterionResult("en_fonction", "En fonction au cours du mois", days > 0 ? Tri.True : Tri.False,
                days > 0 ? $"{days} trentième(s) du mois en fonction" : "hors de la période d'emploi (entrée ou sortie)",
                [], Confidence.H, null, []));
        }
        foreach (var r in m.Criteria) criteria.Add(EvaluateRule(r, p, month, lawAsOf, missing, weak));
        foreach (var e in m.Exclusions)
        {
            var hit = e.Condition.Evaluate(p.Codes);
            if (hit == Tri.Unknown) CollectMissing(e.Condition, p, missing);
            criteria.Add(new CriterionResult("exclusion." + e.Id, e.Title, TriLogic.Not(hit),
                hit switch { Tri.True => "exclu : " + (e.Description ?? e.Title), Tri.False => "non concerné", _ => "indéterminé faute d'information" },
                e.Citations, e.Confidence, e.Note, []));
        }

        var overall = Tri.True;
        foreach (var c in criteria) overall = TriLogic.And(overall, c.Result);
        var score = criteria.Count(c => c.Result == Tri.True) / (double)criteria.Count;
        var form = m.Forms.LastOrDefault(f => f.From <= month.FirstDay && (f.To is null || f.To >= month.LastDay))?.Label;

        if (overall != Tri.True)
        {
            return new MeasureResult
            {
                Measure = m, Verdict = overall == Tri.False ? Verdict.NotEligible : Verdict.Undetermined, Amount = 0m,
                Criteria = criteria, MissingFields = overall == Tri.Unknown ? [.. missing] : [], Score = score, Form = form,
            };
        }

        var result = Amount(m, p, month, lawAsOf, days, form, criteria, score, weak);
        if (m.Confidence != Confidence.H) weak.Add((m.Confidence, $"{m.Id} : {m.Note ?? "mesure établie par une source secondaire"}"));
        if (m.Note is not null && m.Confidence == Confidence.H) result.Notes.Add(m.Note);
        foreach (var (conf, text) in weak)
        {
            result.Notes.Add($"[{conf}] {text}");
            if (conf > result.Confidence) result.Confidence = conf;
        }
        result.Uncertain |= result.Confidence != Confidence.H;
        return result;
    }

    private static CriterionResult InForceCriterion(Measure m, YearMonth month, DateOnly? lawAsOf)
    {
        var label = m.To is null
            ? $"Période d'application : à compter du {Format.Date(m.From)}"
            : $"Période d'application : du {Format.Date(m.From)} au {Format.Date(m.To.Value)}";
        var published = m.InstitutedBy.PublishedOn;
        var citations = new[] { new Citation(m.InstitutedBy, null) };
        if (m.From > month.FirstDay || (m.To is { } to && to < month.LastDay))
            return new CriterionResult("en_vigueur", label, Tri.False, $"{Format.Month(month)} est hors de la période d'application", citations, Confidence.H, null, []);
        if (!m.InstitutedBy.KnownOn(lawAsOf) && lawAsOf is { } asOf && m.InstitutedBy.EarliestPublic is { } pub)
            return new CriterionResult("en_vigueur", label, Tri.False,
                $"le texte qui l'institue a été publié le {Format.Date(pub)}, après la date de droit retenue ({Format.Date(asOf)})", citations, Confidence.H, null, []);
        var detail = published is { } p2 && p2 > month.LastDay
            ? $"droit ouvert rétroactivement : texte publié le {Format.Date(p2)}"
            : null;
        return new CriterionResult("en_vigueur", label, Tri.True, detail, citations, Confidence.H, null, []);
    }

    private static CriterionResult EvaluateRule(Rule r, Profile p, YearMonth month, DateOnly? lawAsOf, ISet<string> missing, List<(Confidence, string)> weak)
    {
        if (!r.InForce(month))
        {
            var span = r.To is null ? $"à compter du {Format.Date(r.From!.Value)}" : $"jusqu'au {Format.Date(r.To.Value)}";
            return new CriterionResult(r.Id, r.Label, Tri.False, $"règle applicable {span}", r.Citations, r.Confidence, r.Note, []);
        }
        if (!r.Known(lawAsOf))
        {
            return new CriterionResult(r.Id, r.Label, Tri.False,
                $"instituée par un texte {(r.InstitutedBy!.PublishedOn is null ? "signé" : "publié")} le {Format.Date(r.InstitutedBy.EarliestPublic!.Value)}, après la date de droit retenue ({Format.Date(lawAsOf!.Value)})",
                r.Citations, r.Confidence, r.Note, []);
        }
        Tri result;
        string? detail;
        var children = new List<CriterionResult>();
        if (r.Kind == RuleKind.Leaf)
        {
            result = r.Condition!.Evaluate(p.Codes);
            if (result == Tri.Unknown) CollectMissing(r.Condition, p, missing);
            detail = Describe(r.Condition, p);
        }
        else
        {
            result = r.Kind == RuleKind.All ? Tri.True : Tri.False;
            foreach (var c in r.Children)
            {
                var cr = EvaluateRule(c, p, month, lawAsOf, missing, weak);
                children.Add(cr);
                result = r.Kind == RuleKind.All ? TriLogic.And(result, cr.Result) : TriLogic.Or(result, cr.Result);
            }
            detail = null;
        }
        if (result == Tri.True && r.Confidence != Confidence.H)
            weak.Add((r.Confidence, $"{r.Label}{(r.Note is null ? "" : " — " + r.Note)}"));
        return new CriterionResult(r.Id, r.Label, result, detail, r.Citations, r.Confidence, r.Note, children);
    }

    private static string Describe(Condition c, Profile p)
    {
        var fields = new SortedSet<FieldDef>(Comparer<FieldDef>.Create((a, b) => a.Index.CompareTo(b.Index)));
        c.CollectFields(fields);
        return string.Join(" ; ", fields.Select(f =>
        {
            var code = p.Codes[f.Index];
            return code == Facts.Absent ? $"{f.Name} non renseigné" : $"{f.Name} = {f.Describe(code)}";
        }));
    }

    private static void CollectMissing(Condition c, Profile p, ISet<string> missing)
    {
        var fields = new HashSet<FieldDef>();
        c.CollectFields(fields);
        foreach (var f in fields.Where(f => p.Codes[f.Index] == Facts.Absent)) missing.Add(f.Name);
    }

    private MeasureResult Amount(Measure m, Profile p, YearMonth month, DateOnly? lawAsOf, int days, string? form,
        List<CriterionResult> criteria, double score, List<(Confidence, string)> weak)
    {
        var steps = new List<CalculationStep>();
        if (!m.Amount.IsKnown)
        {
            var unknown = new MeasureResult { Measure = m, Verdict = Verdict.Eligible, Amount = null, Criteria = criteria, Score = score, Form = form, Uncertain = true, Confidence = Confidence.L };
            unknown.Notes.Add("Montant inconnu : " + m.Amount.UnknownNote);
            return unknown;
        }
        var first = (m.Amount.Points ?? m.Amount.Euros)!.Find(month, lawAsOf);
        var second = m.Amount.Points is not null ? m.Amount.PointValue!.Find(month, lawAsOf) : null;
        if (first is null || (m.Amount.Points is not null && second is null))
        {
            var unpublished = new MeasureResult { Measure = m, Verdict = Verdict.Eligible, Amount = null, Criteria = criteria, Score = score, Form = form, Uncertain = true, Confidence = Confidence.L };
            unpublished.Notes.Add("Montant inconnu : aucune valeur publiée pour ce mois à la date de droit retenue.");
            return unpublished;
        }
        decimal fullTime;
        if (m.Amount.Points is { } pointsParam)
        {
            var points = Value(pointsParam, month, lawAsOf, weak);
            var point = Value(m.Amount.PointValue!, month, lawAsOf, weak);
            var divisor = Value(m.Amount.Divisor!, month, lawAsOf, weak);
            fullTime = points.Value * point.Value / divisor.Value;
            steps.Add(new CalculationStep(
                $"{Format.Number(points.Value)} points × {Format.Number(point.Value)} € ({m.Amount.PointValue!.Title.ToLowerInvariant()}) ÷ {Format.Number(divisor.Value)} = {Format.Number(fullTime)} € par mois à temps plein",
                fullTime, [points.Citation, point.Citation, divisor.Citation]));
        }
        else
        {
            var euros = Value(m.Amount.Euros!, month, lawAsOf, weak);
            fullTime = euros.Value;
            steps.Add(new CalculationStep($"montant forfaitaire à temps plein : {Format.Euros(fullTime)}", fullTime, [euros.Citation]));
        }

        var scheme = m.Proration;
        IReadOnlyList<Citation> Cites(ProrationStep? step) =>
            step is not null && step.Citations.Count > 0 ? step.Citations : scheme.Citations.Count > 0 ? scheme.Citations : [m.Citations[0]];
        void Weak(ProrationStep step)
        {
            if (step.Confidence != Confidence.H) weak.Add((step.Confidence, step.Note ?? scheme.Title));
        }
        var factor = 1m;
        var notes = new List<string>();
        var fraction = scheme.Fraction(month, p.Quotite, p.TempsPartiel, out var span);
        var wt = fraction?.Fraction ?? p.Quotite;
        if (wt != 1m)
        {
            factor *= wt;
            var cites = new List<Citation>(Cites(null));
            if (fraction is not null && span is not null)
            {
                cites.Add(span.Citation);
                steps.Add(new CalculationStep($"× {fraction.Label}", wt, cites));
                if (span.Confidence != Confidence.H)
                    weak.Add((span.Confidence, $"{span.Note ?? scheme.Title} ({Format.Euros(Proration.ToCent(fullTime * p.Quotite))} pour un mois complet à la quotité brute)"));
                if (p.TempsPartiel is null && scheme.AssumedPartTimeNote is not null) notes.Add(scheme.AssumedPartTimeNote);
            }
            else
            {
                steps.Add(new CalculationStep($"× quotité de travail {Format.Percent(p.Quotite)} ({scheme.QuotiteLabel})", wt, cites));
            }
        }
        if (days < 30)
        {
            factor *= days / 30m;
            steps.Add(new CalculationStep($"× {days}/30 (entrée ou sortie en cours de mois)", days / 30m, Cites(scheme.PartialMonth)));
            Weak(scheme.PartialMonth);
        }
        if (p.PartStructuresEligibles != 1m)
        {
            factor *= p.PartStructuresEligibles;
            steps.Add(new CalculationStep($"× {Format.Percent(p.PartStructuresEligibles)} du temps exercé dans des structures éligibles", p.PartStructuresEligibles, Cites(scheme.SharedPost)));
            Weak(scheme.SharedPost);
        }
        if (p.FractionTraitement != 1m)
        {
            factor *= p.FractionTraitement;
            steps.Add(new CalculationStep($"× {Format.Percent(p.FractionTraitement)} du traitement ou du salaire maintenu", p.FractionTraitement, Cites(scheme.ReducedPay)));
            Weak(scheme.ReducedPay);
        }
        var amount = Proration.ToCent(fullTime * factor);
        steps.Add(new CalculationStep($"= {Format.Euros(amount)} brut (arrondi au centime à la fin du calcul)", amount, []));
        var result = new MeasureResult { Measure = m, Verdict = Verdict.Eligible, Amount = amount, Criteria = criteria, Calculation = steps, Score = score, Form = form };
        result.Notes.AddRange(notes);
        return result;
    }

    private static ParameterValue Value(Parameter param, YearMonth month, DateOnly? lawAsOf, List<(Confidence, string)> weak)
    {
        var v = param.Find(month, lawAsOf)
                ?? throw new InvalidOperationException($"paramètre {param.Id} sans valeur en {month} : la vérification au chargement aurait dû le refuser");
        if (v.Confidence != Confidence.H) weak.Add((v.Confidence, $"{param.Title} : {v.Note ?? "valeur établie par une source secondaire"}"));
        return v;
    }

    private (decimal?, string?) NetEstimate(Profile p, YearMonth month, List<MeasureResult> retained, DateOnly? lawAsOf)
    {
        if (retained.Count == 0) return (0m, null);
        decimal total = 0m;
        var bases = new List<string>();
        foreach (var r in retained)
        {
            if (r.Amount is not { } gross) return (null, "montant brut inconnu");
            var rule = Law.NetEstimates.FirstOrDefault(n => n.Scope.Matches(r.Measure, p.Codes));
            if (rule is null) return (null, "pas de taux de cotisations sourcé pour ce statut ou cette prime : net non estimé");
            if (rule.Ratio is { } ratioParam)
            {
                var ratio = ratioParam.Find(month, lawAsOf)!.Value;
                total += gross * ratio;
                bases.Add($"{rule.Label} : {rule.RatioLabel} {Format.Number(ratio)}");
                continue;
            }
            var share = 1m;
            var parts = new List<string>();
            foreach (var d in rule.Deductions)
            {
                var rate = d.Rate.Find(month, lawAsOf)!.Value;
                var assiette = d.Base?.Find(month, lawAsOf)!.Value;
                share -= rate * (assiette ?? 1m);
                parts.Add(assiette is { } a ? $"{d.Label} {Format.Percent(rate)} sur {Format.Percent(a)} du brut" : $"{d.Label} {Format.Percent(rate)}");
            }
            total += gross * share;
            bases.Add($"{rule.Label} : {string.Join(", ", parts)}");
        }
        return (Proration.ToCent(total), "estimation — " + string.Join(" ; ", bases));
    }
}
