using Segur.Engine.Law;
using Segur.Engine.Profiles;
using Segur.Engine.Time;

namespace Segur.Engine.Evaluation;

/// <summary>
/// The explained evaluation of a profile month by month: the <see cref="Kernel"/> decides, with an
/// <see cref="ExplanationTrace"/> that records why; this class adds what a person reads (the amount
/// prorated with its steps, the net estimate, the open questions and informations). Pure: the same
/// legislation, profile, period and <c>lawAsOf</c> always give the same result (no clock, no culture).
/// </summary>
/// <remarks>With a <see cref="DecisionCache"/>, each class of coded facts and month (<see cref="DecisionClass"/>) is decided and
/// explained once and its decision reused by every profile of the class; only the amounts are prorated per profile.</remarks>
public sealed class Evaluator(Legislation law, DecisionCache? cache = null)
{
    public Legislation Law { get; } = law;

    public Kernel Kernel { get; } = new(law);

    /// <remarks><paramref name="paidFrom"/>: the month from which the employer actually paid, for the arrears still owed;
    /// <paramref name="cancellation"/> is checked before each month (a request abandoned by its client).</remarks>
    public EvaluationResult Evaluate(Profile profile, MonthRange period, DateOnly? lawAsOf = null, YearMonth? paidFrom = null, CancellationToken cancellation = default)
    {
        var months = new List<MonthResult>(period.Count);
        foreach (var m in period.Months())
        {
            cancellation.ThrowIfCancellationRequested();
            months.Add(EvaluateMonth(profile, m, lawAsOf));
        }
        return new EvaluationResult { Profile = profile, Period = period, LawAsOf = lawAsOf, Legislation = Law, Months = months, PaidFrom = paidFrom };
    }

    public MonthResult EvaluateMonth(Profile profile, YearMonth month, DateOnly? lawAsOf = null)
    {
        var thirtieths = profile.Entree is null && profile.Sortie is null ? -1 : Proration.Thirtieths(profile.Entree, profile.Sortie, month);
        if (cache is null) return Finish(Decide(profile, month, thirtieths, lawAsOf), profile, month, thirtieths, lawAsOf);
        var cls = new DecisionClass(profile, Kernel.ClassFields, month, thirtieths, lawAsOf);
        return cache.GetOrAdd(cls, new MonthFacts(profile, cls),
            () => Decide(profile, month, thirtieths, lawAsOf),
            shared => Finish(shared with { Builder = shared.Builder.Fork() }, profile, month, thirtieths, lawAsOf));
    }

    /// <summary>The part of the month that depends on its class alone (<see cref="DecisionClass"/>): the decision and its criteria.</summary>
    private ExplainedDecision Decide(Profile profile, YearMonth month, int thirtieths, DateOnly? lawAsOf)
    {
        var builder = new ExplanationBuilder(Law, profile);
        var trace = new ExplanationTrace(builder);
        return new ExplainedDecision(Kernel.Decide(profile.Codes, thirtieths, month, lawAsOf, ref trace), builder);
    }

    /// <summary>The rest of the month, from a decision of its class: the amounts prorated by the profile's own multipliers,
    /// the net estimate and the informations. Adds to <paramref name="explained"/>'s drafts (a fork when the decision is shared).</summary>
    private MonthResult Finish(ExplainedDecision explained, Profile profile, YearMonth month, int thirtieths, DateOnly? lawAsOf)
    {
        var (decision, builder) = explained;
        var trace = new ExplanationTrace(builder);
        var facts = new WorkFacts(profile.Quotite, profile.TempsPartiel, profile.PartStructuresEligibles, profile.FractionTraitement);
        var amounts = new Dictionary<int, (decimal? Amount, Confidence Confidence)>();
        var monthConfidence = decision.Confidence;
        foreach (var p in decision.Paid)
        {
            var m = Law.Measures[p.MeasureIndex];
            if (p.FullTime is not { } full)
            {
                amounts[p.MeasureIndex] = (null, Confidence.L);
                continue;
            }
            var factor = Kernel.Factor(m, p.MeasureIndex, month, facts, thirtieths, ref trace, out var prorationConfidence);
            var amount = Kernel.ToCent(full * factor);
            builder.Draft(p.MeasureIndex).Steps.Add(new CalculationStep(StepKind.Result, $"= {Format.Euros(amount)} brut (arrondi au centime à la fin du calcul)", amount, []));
            amounts[p.MeasureIndex] = (amount, Kernel.Weakest(p.Confidence, prorationConfidence));
            monthConfidence = Kernel.Weakest(monthConfidence, prorationConfidence);
        }

        var results = new List<MeasureResult>(Law.Measures.Count);
        for (var i = 0; i < Law.Measures.Count; i++) results.Add(Result(i, decision, builder.Draft(i), amounts, month));
        var retained = decision.Paid.Select(p => results[p.MeasureIndex]).ToList();
        decimal? gross = 0m;
        foreach (var r in retained) gross = gross is null || r.Amount is null ? null : gross + r.Amount;
        var (net, basis) = NetEstimate(profile, month, retained, lawAsOf);
        var eligible = retained.Count > 0;
        return new MonthResult
        {
            Month = month,
            Eligible = eligible,
            Gross = gross,
            NetEstimate = net,
            NetBasis = basis,
            Retained = retained.Select(r => r.Measure.Id).ToList(),
            Context = new MonthContext(Kernel, [.. profile.Codes], thirtieths, lawAsOf),
            Confidence = monthConfidence,
            Uncertainties = decision.Uncertainties.Select(u => new UncertaintyNote(u.Id, u.Title, u.Note, u.Confidence, u.Citations)).ToList(),
            Informations = Law.Informations
                .Where(i => i.InForce(month) && (!i.OnlyWhenNothingDue || !eligible) && i.Condition.Evaluate(profile.Codes) == Tri.True)
                .ToList(),
            Measures = results,
        };
    }

    private MeasureResult Result(int i, MonthDecision decision, ExplanationBuilder.MeasureDraft d, Dictionary<int, (decimal? Amount, Confidence Confidence)> amounts, YearMonth month)
    {
        var m = Law.Measures[i];
        var paid = amounts.TryGetValue(i, out var a);
        var verdict = decision.Verdicts[i];
        var caveats = new List<Caveat>();
        var notes = new List<string>();
        if (paid)
        {
            caveats.AddRange(ExplanationBuilder.CriteriaCaveats(d.Criteria));
            caveats.AddRange(d.Caveats);
            if (m.Note is not null && m.Confidence == Confidence.H) notes.Add(m.Note);
        }
        if (verdict == Verdict.Superseded)
            notes.Add($"Écartée : la mesure {Law.Measures[decision.SupersededBy[i]].Id} s'applique en priorité (une seule mesure de cette famille par emploi et par mois).");
        if (d.UnknownAmount is not null) notes.Add("Montant inconnu : " + d.UnknownAmount);
        notes.AddRange(d.Notes);
        var topLevel = d.Criteria.Count;
        return new MeasureResult
        {
            Measure = m,
            Verdict = verdict,
            Amount = paid ? a.Amount : 0m,
            Form = m.Forms.LastOrDefault(f => f.From <= month.FirstDay && (f.To is null || f.To >= month.LastDay))?.Label,
            Criteria = d.Criteria,
            Calculation = verdict == Verdict.Eligible ? d.Steps : [],
            Caveats = caveats.Distinct().ToList(),
            Notes = notes,
            UnknownAmount = d.UnknownAmount,
            SupersededBy = decision.SupersededBy[i] >= 0 ? Law.Measures[decision.SupersededBy[i]].Id : null,
            Confidence = paid ? a.Confidence : decision.Confidences[i],
            MissingFields = verdict == Verdict.Undetermined ? [.. d.Missing] : [],
            Score = topLevel == 0 ? 0 : d.Criteria.Count(c => c.Result == Tri.True) / (double)topLevel,
        };
    }

    private const string NotPublished = "taux d'estimation pas encore publié à la date de droit retenue : net non estimé";

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
                // Under --droit-au, a rate's source may not be published yet: no net estimate then.
                if (ratioParam.Find(month, lawAsOf) is not { } ratioValue) return (null, NotPublished);
                var ratio = ratioValue.Value;
                total += gross * ratio;
                bases.Add($"{rule.Label} : {rule.RatioLabel} {Format.Number(ratio)}");
                continue;
            }
            var share = 1m;
            var parts = new List<string>();
            foreach (var d in rule.Deductions)
            {
                if (d.Rate.Find(month, lawAsOf) is not { } rateValue) return (null, NotPublished);
                var rate = rateValue.Value;
                decimal? assiette = null;
                if (d.Base is not null)
                {
                    if (d.Base.Find(month, lawAsOf) is not { } baseValue) return (null, NotPublished);
                    assiette = baseValue.Value;
                }
                share -= rate * (assiette ?? 1m);
                parts.Add(assiette is { } a ? $"{d.Label} {Format.Percent(rate)} sur {Format.Percent(a)} du brut" : $"{d.Label} {Format.Percent(rate)}");
            }
            total += gross * share;
            bases.Add($"{rule.Label} : {string.Join(", ", parts)}");
        }
        return (Kernel.ToCent(total), "estimation — " + string.Join(" ; ", bases));
    }
}
