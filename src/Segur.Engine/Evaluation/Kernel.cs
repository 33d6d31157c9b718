using Segur.Engine.Law;
using Segur.Engine.Time;

namespace Segur.Engine.Evaluation;

/// <summary>One measure paid in a month, at its full-time gross amount (before proration).</summary>
/// <param name="MeasureIndex">Index of the measure in the law.</param>
/// <param name="FullTime">Unrounded full-time monthly amount; null when no text gives it.</param>
/// <param name="Proration">How the amount is prorated.</param>
/// <param name="Confidence">Weakest grade of what the payment and its full-time amount rest on.</param>
public readonly record struct PaidMeasure(int MeasureIndex, decimal? FullTime, ProrationScheme Proration, Confidence Confidence);

/// <summary>The kernel's decision for one set of coded facts and one month, before any proration.</summary>
public sealed class MonthDecision
{
    public required YearMonth Month { get; init; }

    /// <summary>Verdict of every measure of the law, in law order.</summary>
    public required Verdict[] Verdicts { get; init; }

    /// <summary>How far each verdict is established.</summary>
    public required Confidence[] Confidences { get; init; }

    /// <summary>Index of the measure that takes precedence, for a superseded measure; −1 otherwise.</summary>
    public required int[] SupersededBy { get; init; }

    /// <summary>Measures paid (at most one per family).</summary>
    public required PaidMeasure[] Paid { get; init; }

    /// <summary>Open questions that apply this month.</summary>
    public required Uncertainty[] Uncertainties { get; init; }

    /// <summary>No measure paid, but at least one cannot be decided for lack of a field.</summary>
    public required bool Undetermined { get; init; }

    /// <summary>Weakest grade of everything the month's verdict rests on (before proration).</summary>
    public required Confidence Confidence { get; init; }
}

/// <summary>
/// The one piece of code that applies the law to coded facts. For a month it decides, for every measure:
/// in force or not, each criterion (three-valued), each exclusion, the family priority (<c>cede_a</c>) and
/// the full-time amount; <see cref="Factor"/> then gives the proration of a paid amount. The explained
/// evaluation (<see cref="Evaluator"/>) and the batch (<c>Segur.Batch</c>) both call it; they differ only by
/// the trace they pass (see <see cref="ITrace"/>).
/// <para>Confidence: a met conjunction is as weak as its weakest part, a failed one as strong as its
/// strongest failure; a met disjunction as strong as its strongest met part, a failed one as weak as its
/// weakest part; an undecided result is L. A rule's own grade bounds its result; what a text grants (a met
/// criterion, a triggered exclusion, a paid measure, a value) is also bounded by the texts cited: a fact
/// resting only on texts graded L (existence or content inferred, or sources in conflict) is L. A text graded M
/// (content known from a good secondary source, publication data unverified) does not lower a fact that its
/// own grade establishes (primary text or two concordant sources); it stays visible on the citation. A criterion that fails
/// rests on the facts alone: the grades of rules say how sure the law is of what it grants, not of what
/// it does not (a doubt on the scope of a text is written as an open question, <c>incertitudes/</c>).</para>
/// </summary>
public sealed class Kernel
{
    private readonly int[] _family;
    private readonly int[][] _cedesTo;

    public Kernel(Legislation law)
    {
        Law = law;
        Families = law.Measures.Select(m => m.Family).Distinct().ToArray();
        _family = law.Measures.Select(m => Array.IndexOf(Families, m.Family)).ToArray();
        _cedesTo = law.Measures
            .Select(m => m.CedesTo.Select(id => law.Measures.ToList().FindIndex(x => x.Id == id)).Where(i => i >= 0).ToArray())
            .ToArray();
    }

    public Legislation Law { get; }

    /// <summary>Measure families, in order of first appearance: at most one measure of each is paid a month.</summary>
    public string[] Families { get; }

    /// <summary>Index in <see cref="Families"/> of the family of measure <paramref name="measure"/>.</summary>
    public int FamilyOf(int measure) => _family[measure];

    /// <summary>
    /// Decides every measure for <paramref name="codes"/> in <paramref name="month"/>, under the law as published
    /// on <paramref name="lawAsOf"/> (null: as known today). <paramref name="thirtieths"/> is the number of days
    /// in post counted in thirtieths, or −1 when the profile gives no entry or exit date.
    /// </summary>
    public MonthDecision Decide<T>(ReadOnlySpan<int> codes, int thirtieths, YearMonth month, DateOnly? lawAsOf, ref T trace)
        where T : struct, ITrace
    {
        var measures = Law.Measures;
        var n = measures.Count;
        var verdicts = new Verdict[n];
        var confidences = new Confidence[n];
        var supersededBy = new int[n];
        for (var i = 0; i < n; i++)
        {
            var (result, confidence) = Measure(i, codes, thirtieths, month, lawAsOf, ref trace);
            verdicts[i] = result switch { Tri.True => Verdict.Eligible, Tri.False => Verdict.NotEligible, _ => Verdict.Undetermined };
            confidences[i] = confidence;
            supersededBy[i] = -1;
            trace.EndMeasure(verdicts[i], confidence);
        }

        for (var i = 0; i < n; i++)
        {
            if (verdicts[i] != Verdict.Eligible) continue;
            foreach (var j in _cedesTo[i])
            {
                if (verdicts[j] is not (Verdict.Eligible or Verdict.Superseded)) continue;
                supersededBy[i] = j;
                break;
            }
        }
        var paid = new List<PaidMeasure>(2);
        for (var i = 0; i < n; i++)
        {
            if (supersededBy[i] >= 0)
            {
                verdicts[i] = Verdict.Superseded;
                trace.Superseded(i, supersededBy[i]);
                continue;
            }
            if (verdicts[i] != Verdict.Eligible) continue;
            foreach (var p in paid)
            {
                if (_family[p.MeasureIndex] == _family[i])
                    throw new InvalidOperationException($"conflit non résolu entre {measures[p.MeasureIndex].Id} et {measures[i].Id} en {month} : la vérification statique aurait dû le refuser");
            }
            var (full, amountConfidence) = FullTime(i, month, lawAsOf, ref trace);
            paid.Add(new PaidMeasure(i, full, measures[i].Proration, Weakest(confidences[i], amountConfidence)));
            foreach (var j in _cedesTo[i])
            {
                if (verdicts[j] == Verdict.Undetermined && trace.Enabled)
                    trace.Note(i, $"La mesure {measures[j].Id}, prioritaire dans la même famille, reste indéterminée faute d'information : complétez le profil.");
            }
        }

        var uncertainties = new List<Uncertainty>();
        foreach (var u in Law.Uncertainties)
        {
            if (!u.InForce(month) || u.Condition.Evaluate(codes) != Tri.True) continue;
            if (u.MeasureIds.Count > 0 && !paid.Exists(p => u.MeasureIds.Contains(measures[p.MeasureIndex].Id))) continue;
            uncertainties.Add(u);
            trace.Uncertainty(u);
        }

        var monthConfidence = Confidence.H;
        var undetermined = false;
        for (var f = 0; f < Families.Length; f++)
        {
            var family = Confidence.H;
            var anyPaid = false;
            foreach (var p in paid)
            {
                if (_family[p.MeasureIndex] != f) continue;
                anyPaid = true;
                family = p.FullTime is null ? Confidence.L : p.Confidence;
            }
            for (var i = 0; i < n && !anyPaid; i++)
            {
                if (_family[i] != f) continue;
                if (verdicts[i] == Verdict.Undetermined) undetermined = true;
                family = Weakest(family, confidences[i]);
            }
            monthConfidence = Weakest(monthConfidence, family);
        }
        foreach (var u in uncertainties) monthConfidence = Weakest(monthConfidence, u.Confidence);
        return new MonthDecision
        {
            Month = month, Verdicts = verdicts, Confidences = confidences, SupersededBy = supersededBy, Paid = [.. paid],
            Uncertainties = [.. uncertainties], Undetermined = paid.Count == 0 && undetermined, Confidence = monthConfidence,
        };
    }

    private (Tri, Confidence) Measure<T>(int index, ReadOnlySpan<int> codes, int thirtieths, YearMonth month, DateOnly? lawAsOf, ref T trace)
        where T : struct, ITrace
    {
        var m = Law.Measures[index];
        trace.BeginMeasure(index, m);
        var all = new Conjunction();

        var status = m.From > month.FirstDay || (m.To is { } to && to < month.LastDay) ? InForceStatus.OutOfSpan
            : !m.InstitutedBy.KnownOn(lawAsOf) ? InForceStatus.NotYetPublished
            : m.InstitutedBy.PublishedOn is { } published && published > month.LastDay ? InForceStatus.Retroactive
            : InForceStatus.InForce;
        var inForce = status is InForceStatus.InForce or InForceStatus.Retroactive;
        var own = inForce ? Weakest(m.Confidence, Best(m.Citations)) : Confidence.H;
        trace.InForce(m, month, status, own);
        all.Add(inForce ? Tri.True : Tri.False, own);
        if (thirtieths >= 0)
        {
            trace.InPost(thirtieths);
            all.Add(thirtieths > 0 ? Tri.True : Tri.False, Confidence.H);
        }
        foreach (var r in m.Criteria)
        {
            if (all.Settled && !trace.Enabled) break;
            var (result, confidence) = Rule(r, codes, month, lawAsOf, ref trace);
            all.Add(result, confidence);
        }
        foreach (var e in m.Exclusions)
        {
            if (all.Settled && !trace.Enabled) break;
            var applies = e.Condition.Evaluate(codes);
            var confidence = applies switch { Tri.True => Weakest(e.Confidence, Best(e.Citations)), Tri.False => Confidence.H, _ => Confidence.L };
            trace.Exclusion(e, applies, confidence);
            all.Add(TriLogic.Not(applies), confidence);
        }
        return all.Result;
    }

    private static (Tri, Confidence) Rule<T>(Rule r, ReadOnlySpan<int> codes, YearMonth month, DateOnly? lawAsOf, ref T trace)
        where T : struct, ITrace
    {
        trace.EnterRule(r);
        Tri result;
        Confidence confidence;
        var status = !r.InForce(month) ? InForceStatus.OutOfSpan : !r.Known(lawAsOf) ? InForceStatus.NotYetPublished : InForceStatus.InForce;
        if (status != InForceStatus.InForce)
        {
            result = Tri.False;
            confidence = Confidence.H;
        }
        else if (r.Kind == RuleKind.Leaf)
        {
            result = r.Condition!.Evaluate(codes);
            confidence = result switch { Tri.True => Weakest(r.Confidence, Best(r.Citations)), Tri.False => Confidence.H, _ => Confidence.L };
        }
        else
        {
            if (r.Kind == RuleKind.All)
            {
                var all = new Conjunction();
                foreach (var c in r.Children)
                {
                    if (all.Settled && !trace.Enabled) break;
                    var (cr, cc) = Rule(c, codes, month, lawAsOf, ref trace);
                    all.Add(cr, cc);
                }
                (result, confidence) = all.Result;
            }
            else
            {
                var any = new Disjunction();
                foreach (var c in r.Children)
                {
                    if (any.Settled && !trace.Enabled) break;
                    var (cr, cc) = Rule(c, codes, month, lawAsOf, ref trace);
                    any.Add(cr, cc);
                }
                (result, confidence) = any.Result;
            }
            if (result == Tri.True) confidence = Weakest(confidence, Weakest(r.Confidence, Best(r.Citations)));
        }
        trace.ExitRule(r, result, status, confidence);
        return (result, confidence);
    }

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

    /// <summary>The weaker of two grades.</summary>
    public static Confidence Weakest(Confidence a, Confidence b) => a > b ? a : b;

    /// <summary>
    /// The bound the cited texts put on a fact: L when every text cited is graded L, else H (two texts: the
    /// better founds the fact; an M text's own doubt, on its publication or its reading, stays on the citation).
    /// </summary>
    public static Confidence Best(IReadOnlyList<Citation> citations)
    {
        foreach (var c in citations)
        {
            if (c.Text.Confidence != Confidence.L) return Confidence.H;
        }
        return citations.Count == 0 ? Confidence.H : Confidence.L;
    }

    /// <summary>Three-valued conjunction with confidence; settled once it fails on an H ground.</summary>
    private struct Conjunction()
    {
        private Tri _result = Tri.True;
        private Confidence _met = Confidence.H;
        private Confidence _failed = Confidence.L;

        public readonly bool Settled => _result == Tri.False && _failed == Confidence.H;

        public void Add(Tri result, Confidence confidence)
        {
            _result = TriLogic.And(_result, result);
            if (result == Tri.True) _met = Weakest(_met, confidence);
            else if (result == Tri.False && confidence < _failed) _failed = confidence;
        }

        public readonly (Tri, Confidence) Result => _result switch
        {
            Tri.True => (Tri.True, _met),
            Tri.False => (Tri.False, _failed),
            _ => (Tri.Unknown, Confidence.L),
        };
    }

    /// <summary>Three-valued disjunction with confidence; settled once it is met on an H ground.</summary>
    private struct Disjunction()
    {
        private Tri _result = Tri.False;
        private Confidence _met = Confidence.L;
        private Confidence _failed = Confidence.H;

        public readonly bool Settled => _result == Tri.True && _met == Confidence.H;

        public void Add(Tri result, Confidence confidence)
        {
            _result = TriLogic.Or(_result, result);
            if (result == Tri.True && confidence < _met) _met = confidence;
            else if (result == Tri.False) _failed = Weakest(_failed, confidence);
        }

        public readonly (Tri, Confidence) Result => _result switch
        {
            Tri.True => (Tri.True, _met),
            Tri.False => (Tri.False, _failed),
            _ => (Tri.Unknown, Confidence.L),
        };
    }
}

/// <summary>The row facts that prorate an amount (the class facts decide the verdict).</summary>
public readonly record struct WorkFacts(decimal Quotite, bool? TempsPartiel, decimal PartStructures, decimal FractionTraitement)
{
    public static readonly WorkFacts FullTime = new(1m, null, 1m, 1m);
}
