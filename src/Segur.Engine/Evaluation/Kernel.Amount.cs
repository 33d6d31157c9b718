using Segur.Engine.Law;
using Segur.Engine.Time;

namespace Segur.Engine.Evaluation;

/// <summary>The kernel's amounts: the full-time amount of a paid measure and the proration factor of a month.</summary>
public sealed partial class Kernel
{
    private (decimal?, Confidence) FullTime<T>(int index, YearMonth month, DateOnly? lawAsOf, ref T trace) where T : struct, ITrace
    {
        var m = Law.Measures[index];
        var a = m.Amount;
        if (!a.IsKnown)
        {
            trace.Amount(index, null, a.UnknownNote);
            return (null, Confidence.L);
        }
        var first = (a.Points ?? a.Euros)!.Find(month, lawAsOf);
        var value = a.Points is null ? null : a.PointValue!.Find(month, lawAsOf);
        var divisor = a.Points is null ? null : a.Divisor!.Find(month, lawAsOf);
        if (first is null || (a.Points is not null && (value is null || divisor is null)))
        {
            trace.Amount(index, null, "aucune valeur publiée pour ce mois à la date de droit retenue.");
            return (null, Confidence.L);
        }
        var confidence = Confidence.H;
        void Weak(Parameter p, ParameterValue v, ref T t)
        {
            var c = Weakest(v.Confidence, Best([v.Citation]));
            confidence = Weakest(confidence, c);
            if (c != Confidence.H && t.Enabled)
                t.Caveat(index, new Caveat(c, $"{p.Title} : {v.Note ?? v.Citation.Text.Note ?? "valeur établie par une source secondaire"}", v.Citation));
        }
        decimal full;
        if (a.Points is not null)
        {
            Weak(a.Points, first, ref trace);
            Weak(a.PointValue!, value!, ref trace);
            Weak(a.Divisor!, divisor!, ref trace);
            full = first.Value * value!.Value / divisor!.Value;
            if (trace.Enabled)
            {
                trace.Step(index, new CalculationStep(StepKind.FullTime,
                    $"{Format.Number(first.Value)} points × {Format.Number(value.Value)} € ({a.PointValue!.Title.ToLowerInvariant()}) ÷ {Format.Number(divisor.Value)} = {Format.EurosPrecise(full)} par mois à temps plein",
                    full, [first.Citation, value.Citation, divisor.Citation]));
            }
        }
        else
        {
            Weak(a.Euros!, first, ref trace);
            full = first.Value;
            if (trace.Enabled)
                trace.Step(index, new CalculationStep(StepKind.FullTime, $"montant forfaitaire à temps plein : {Format.Euros(full)}", full, [first.Citation]));
        }
        trace.Amount(index, full, null);
        return (full, confidence);
    }

    /// <summary>
    /// The proration factor of an amount of <paramref name="measure"/> (under its proration scheme; the measure's own
    /// texts apply where the scheme cites none) in <paramref name="month"/>: working time (the statute's fraction of
    /// the traitement for a temps partiel, else the quotité), thirtieths, share of time in eligible structures,
    /// share of pay kept. <paramref name="confidence"/> is the weakest grade of the steps used.
    /// </summary>
    public static decimal Factor<T>(Measure measure, int index, YearMonth month, in WorkFacts facts, int thirtieths, ref T trace, out Confidence confidence)
        where T : struct, ITrace
    {
        var scheme = measure.Proration;
        confidence = Confidence.H;
        var factor = 1m;
        var fraction = scheme.Fraction(month, facts.Quotite, facts.TempsPartiel, out var span);
        var working = fraction?.Fraction ?? facts.Quotite;
        if (working != 1m)
        {
            factor = working;
            if (span is not null) confidence = Weakest(confidence, span.Confidence);
            if (trace.Enabled)
            {
                var cites = new List<Citation>(Cites(measure, null));
                if (fraction is not null && span is not null)
                {
                    cites.Add(span.Citation);
                    trace.Step(index, new CalculationStep(StepKind.WorkingTime, $"× {fraction.Label}", working, cites));
                    if (span.Confidence != Confidence.H)
                        trace.Caveat(index, new Caveat(span.Confidence, span.Note ?? scheme.Title, span.Citation));
                    if (facts.TempsPartiel is null && scheme.AssumedPartTimeNote is not null) trace.Note(index, scheme.AssumedPartTimeNote);
                }
                else
                {
                    trace.Step(index, new CalculationStep(StepKind.WorkingTime, $"× quotité de travail {Format.Percent(facts.Quotite)} ({scheme.QuotiteLabel})", working, cites));
                }
            }
        }
        if (thirtieths is >= 0 and < 30)
        {
            factor *= thirtieths / 30m;
            Step(measure, index, scheme.PartialMonth, StepKind.PartialMonth, $"× {thirtieths}/30 (entrée ou sortie en cours de mois)", thirtieths / 30m, ref trace, ref confidence);
        }
        if (facts.PartStructures != 1m)
        {
            factor *= facts.PartStructures;
            Step(measure, index, scheme.SharedPost, StepKind.SharedPost, $"× {Format.Percent(facts.PartStructures)} du temps exercé dans des structures éligibles", facts.PartStructures, ref trace, ref confidence);
        }
        if (facts.FractionTraitement != 1m)
        {
            factor *= facts.FractionTraitement;
            Step(measure, index, scheme.ReducedPay, StepKind.ReducedPay, $"× {Format.Percent(facts.FractionTraitement)} du traitement ou du salaire maintenu", facts.FractionTraitement, ref trace, ref confidence);
        }
        return factor;
    }

    private static void Step<T>(Measure measure, int index, ProrationStep step, StepKind kind, string label, decimal value, ref T trace, ref Confidence confidence)
        where T : struct, ITrace
    {
        confidence = Weakest(confidence, step.Confidence);
        if (!trace.Enabled) return;
        var cites = Cites(measure, step);
        trace.Step(index, new CalculationStep(kind, label, value, cites));
        if (step.Confidence != Confidence.H) trace.Caveat(index, new Caveat(step.Confidence, step.Note ?? measure.Proration.Title, cites.Count > 0 ? cites[0] : null));
    }

    private static IReadOnlyList<Citation> Cites(Measure m, ProrationStep? step) =>
        step is not null && step.Citations.Count > 0 ? step.Citations
        : m.Proration.Citations.Count > 0 ? m.Proration.Citations
        : [m.Citations[0]];

    /// <summary>Rounds a euro amount once, half away from zero, to the cent: the only rounding of the law's amounts.</summary>
    public static decimal ToCent(decimal amount) => Math.Round(amount, 2, MidpointRounding.AwayFromZero);
}
