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
public sealed partial class Kernel
{
    private readonly int[] _family;
    private readonly int[][] _cedesTo;

    public Kernel(Legislation law)
    {
        Law = law;
        Families = law.Measures.Select(m => m.Family).Distinct().ToArray();
        _family = law.Measures.Select(m => Array.IndexOf(Families, m.Family)).ToArray();
        var ids = law.Measures.Select(m => m.Id).ToList();
        _cedesTo = law.Measures.Select(m => m.CedesTo.Select(id => ids.IndexOf(id)).Where(i => i >= 0).ToArray()).ToArray();
    }

    public Legislation Law { get; }

    /// <summary>
    /// The fields <see cref="Decide"/> can read: those of every criterion, exclusion and open question of the law.
    /// Two sets of codes that agree on these fields get the same decision every month; the other fields (and the
    /// working time, entry and exit dates, which only scale an amount or mark months out of post) cannot change it.
    /// </summary>
    public IReadOnlySet<FieldDef> DecisionFields => _decisionFields ??= CollectDecisionFields();

    private HashSet<FieldDef>? _decisionFields;

    private HashSet<FieldDef> CollectDecisionFields()
    {
        var fields = new HashSet<FieldDef>();
        void Walk(Rule r)
        {
            r.Condition?.CollectFields(fields);
            foreach (var c in r.Children) Walk(c);
        }
        foreach (var m in Law.Measures)
        {
            foreach (var r in m.Criteria) Walk(r);
            foreach (var e in m.Exclusions) e.Condition.CollectFields(fields);
        }
        foreach (var u in Law.Uncertainties) u.Condition.CollectFields(fields);
        return fields;
    }

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
}

/// <summary>The row facts that prorate an amount (the class facts decide the verdict).</summary>
public readonly record struct WorkFacts(decimal Quotite, bool? TempsPartiel, decimal PartStructures, decimal FractionTraitement)
{
    public static readonly WorkFacts FullTime = new(1m, null, 1m, 1m);
}
