using System.Runtime.CompilerServices;
using Segur.Engine.Law;
using Segur.Engine.Profiles;
using Segur.Engine.Time;

namespace Segur.Engine.Evaluation;

/// <summary>
/// The decisive reason of a month, computed from its typed explanation and the law data, never from
/// hand-written messages: the smallest set of grounds that rules every measure out (a greedy set cover,
/// stated exclusions first at equal coverage), the missing facts that decide something, the nearest
/// measure, and the French sentences. The text report, the web pages, the JSON
/// and the briefs all render <see cref="Summarize"/>; nothing here changes a verdict.
/// </summary>
public static partial class Reasons
{
    /// <summary>
    /// The most facts a measure may lack, beyond missing ones, and still be « near »: one. A measure that two
    /// changes of the worker's situation would open (another employer and another structure, another body
    /// and another workplace) is another job, not a near miss.
    /// </summary>
    public const int NearWithin = 1;

    public static MonthSummary Summarize(MonthResult m)
    {
        var due = m.Retained.Select(id => m.Measures.First(x => x.Measure.Id == id))
            .Select(r => new DueMeasure(r, [new Citation(r.Measure.InstitutedBy, null), .. r.Measure.Citations.Where(c => c.Text != r.Measure.InstitutedBy)]))
            .ToList();
        var grounds = m.Eligible ? [] : Cover(m);
        var open = m.Open.Select(o => o.DecidesVerdict ? o with { Outcomes = Outcomes(m, o.Field) } : o).ToList();
        var outcome = m.Eligible ? SummaryOutcome.Due : open.Any(o => o.DecidesVerdict) ? SummaryOutcome.Undetermined : SummaryOutcome.NotDue;
        return new MonthSummary
        {
            Month = m.Month,
            Outcome = outcome,
            Due = due,
            Grounds = grounds,
            Open = open,
            Nearest = m.Nearest,
            Informations = m.Informations,
            Sentence = Sentence(m, outcome, due, grounds, open, m.Nearest),
        };
    }

    /// <summary>
    /// When nothing is due: the measure that the fewest changes of fact would open. A measure whose only
    /// obstacle is missing information comes first (fewest missing facts first); else one that a single
    /// change of fact opens, checked by the kernel (the change must not trigger an exclusion); never a
    /// measure that a stated exclusion rules out; null when no measure is near.
    /// </summary>
    public static NearestMeasure? Nearest(MonthResult m)
    {
        if (m.Eligible || m.Context is not { } c) return null;
        var law = c.Kernel.Law;
        NearestMeasure? best = null;
        var bestMissing = int.MaxValue;
        for (var i = 0; i < m.Measures.Count; i++)
        {
            var r = m.Measures[i];
            if (r.Verdict != Verdict.Undetermined || r.TriggeredExclusions.Any() || r.MissingFields.Count >= bestMissing) continue;
            var fields = r.MissingFields.Select(f => law.Vocabulary[f]).ToList();
            var changes = fields.Select(f => new FactChange(f, true, fields.Count == 1 ? Opening(m, i, f, null) : [])).ToList();
            best = new NearestMeasure(r, changes);
            bestMissing = r.MissingFields.Count;
        }
        if (best is not null) return best;
        for (var i = 0; i < m.Measures.Count; i++)
        {
            var r = m.Measures[i];
            if (r.Verdict != Verdict.NotEligible || r.TriggeredExclusions.Any()) continue;
            var need = NeedOf(m, r);
            if (need is null || need.Cost is 0 or > NearWithin) continue;
            var (field, fn) = need.Fields.Single();
            var values = Opening(m, i, field, fn);
            if (values.Count > 0) return new NearestMeasure(r, [new FactChange(field, fn.Missing, values)]);
        }
        return null;
    }

    /// <summary>
    /// The missing facts that decide something this month, where it can change the result (every measure of
    /// a month where nothing is due; when something is due, a measure with priority over the one paid or of a
    /// family where nothing is paid): the fields that undetermined measures lack, then those that leave a
    /// stated exclusion undetermined (the decisive reason). The most decisive first: those that settle the
    /// most measures alone, then those that most measures depend on.
    /// </summary>
    public static IReadOnlyList<OpenFact> Open(MonthResult m)
    {
        if (m.Context is not { } c) return [];
        var vocabulary = c.Kernel.Law.Vocabulary;
        var measures = new Dictionary<FieldDef, SortedSet<string>>();
        var exclusions = new Dictionary<FieldDef, SortedSet<string>>();
        var settles = new Dictionary<FieldDef, int>();
        static void Add(Dictionary<FieldDef, SortedSet<string>> into, FieldDef f, string id)
        {
            if (!into.TryGetValue(f, out var set)) into[f] = set = new SortedSet<string>(StringComparer.Ordinal);
            set.Add(id);
        }
        foreach (var r in m.Measures.Where(r => r.Verdict is Verdict.Undetermined or Verdict.NotEligible && Matters(m, r)))
        {
            if (r.Verdict == Verdict.Undetermined)
            {
                foreach (var name in r.MissingFields)
                {
                    var f = vocabulary[name];
                    Add(measures, f, r.Measure.Id);
                    if (r.MissingFields.Count == 1) settles[f] = settles.GetValueOrDefault(f) + 1;
                }
            }
            foreach (var e in r.Criteria.OfType<ExclusionNode>().Where(e => e.Applies == Tri.Unknown && Engaged(e.Exclusion.Condition, c.Codes)))
            {
                var fields = new HashSet<FieldDef>();
                e.Exclusion.Condition.CollectFields(fields);
                foreach (var f in fields.Where(f => c.Codes[f.Index] == Facts.Absent)) Add(exclusions, f, e.Exclusion.Id);
            }
        }
        var verdict = measures.Keys
            .OrderByDescending(f => settles.GetValueOrDefault(f)).ThenByDescending(f => measures[f].Count).ThenBy(f => f.Index)
            .Select(f => new OpenFact(f, [.. measures[f]], exclusions.TryGetValue(f, out var x) ? [.. x] : [], settles.GetValueOrDefault(f), []));
        var reason = exclusions.Keys.Where(f => !measures.ContainsKey(f))
            .OrderByDescending(f => exclusions[f].Count).ThenBy(f => f.Index)
            .Select(f => new OpenFact(f, [], [.. exclusions[f]], 0, []));
        return [.. verdict, .. reason];
    }

    /// <summary>
    /// The codes worth trying for a field: every value of an enum or a boolean; for an integer field (the
    /// IDCC), the values the law names in its measures and exclusions.
    /// </summary>
    public static IReadOnlyList<int> CandidateCodes(FieldDef f, Legislation law)
    {
        if (f.Kind != FieldKind.Integer) return Enumerable.Range(0, f.Kind == FieldKind.Boolean ? 2 : f.Values.Count).ToArray();
        var named = Named.GetValue(law, NamedIntegers);
        return named.TryGetValue(f, out var codes) ? codes : [];
    }

    private static readonly ConditionalWeakTable<Legislation, Dictionary<FieldDef, int[]>> Named = new();

    private static Dictionary<FieldDef, int[]> NamedIntegers(Legislation law)
    {
        var sets = new Dictionary<FieldDef, SortedSet<int>>();
        void Walk(Condition c)
        {
            switch (c)
            {
                case FieldIn fi when fi.Field.Kind == FieldKind.Integer:
                    if (!sets.TryGetValue(fi.Field, out var s)) sets[fi.Field] = s = [];
                    s.UnionWith(fi.Allowed);
                    break;
                case Combination k: foreach (var p in k.Parts) Walk(p); break;
                case NotOf n: Walk(n.Inner); break;
            }
        }
        void Rules(Rule r)
        {
            if (r.Condition is not null) Walk(r.Condition);
            foreach (var ch in r.Children) Rules(ch);
        }
        foreach (var m in law.Measures) foreach (var r in m.Criteria) Rules(r);
        foreach (var e in law.Exclusions) Walk(e.Condition);
        return sets.ToDictionary(p => p.Key, p => p.Value.ToArray());
    }

    /// <summary>
    /// True when part of an undetermined condition already holds (the employer is a social security body,
    /// the body is not given): the exclusion concerns the worker and only a missing fact keeps it open. An
    /// exclusion none of whose conditions holds (the branch of a public agent's employer) decides nothing.
    /// </summary>
    private static bool Engaged(Condition c, int[] codes)
    {
        static bool Holds(Condition c, int[] codes) => c.Evaluate(codes) == Tri.True;
        return c switch
        {
            AllOf all => all.Evaluate(codes) == Tri.Unknown && all.Parts.Any(p => Holds(p, codes) || Engaged(p, codes)),
            AnyOf any => any.Evaluate(codes) == Tri.Unknown && any.Parts.Any(p => Engaged(p, codes)),
            _ => false,
        };
    }

    /// <summary>Where an undetermined measure can still change the result (the rule the questionnaire follows).</summary>
    private static bool Matters(MonthResult m, MeasureResult u)
    {
        if (!m.Eligible) return true;
        var paid = m.Measures.Where(x => x.Verdict == Verdict.Eligible && x.Measure.Family == u.Measure.Family).ToList();
        return paid.Count == 0 || paid.Any(p => p.Measure.CedesTo.Contains(u.Measure.Id));
    }

    /// <summary>The facts that every unmet criterion of a measure needs, together; null when no change of fact opens it.</summary>
    private static Need? NeedOf(MonthResult m, MeasureResult r)
    {
        var c = m.Context!;
        Need? need = Need.None;
        foreach (var node in r.Criteria)
        {
            need = Need.And(need, Reach.Node(node, m.Month, c.LawAsOf, c.Codes));
            if (need is null) return null;
        }
        return need;
    }

    /// <summary>The values of <paramref name="f"/> (among those <paramref name="need"/> allows) that the kernel says open measure <paramref name="index"/>.</summary>
    private static IReadOnlyList<int> Opening(MonthResult m, int index, FieldDef f, FieldNeed? need)
    {
        var law = m.Context!.Kernel.Law;
        IEnumerable<int> values = need?.In is { } allowed ? allowed.Order() : CandidateCodes(f, law);
        var open = new List<int>();
        foreach (var v in values)
        {
            if (need is not null && !need.Allows(v)) continue;
            if (Try(m, f, v) is { } d && d.Verdicts[index] is Verdict.Eligible or Verdict.Superseded) open.Add(v);
        }
        return open;
    }

    /// <summary>What each value of a missing fact would decide this month, grouped by outcome, what opens a measure first.</summary>
    private static IReadOnlyList<FactOutcome> Outcomes(MonthResult m, FieldDef f)
    {
        var law = m.Context!.Kernel.Law;
        var groups = new Dictionary<string, (List<int> Values, List<(Measure, decimal?)> Due, bool Open)>(StringComparer.Ordinal);
        foreach (var v in CandidateCodes(f, law))
        {
            if (Try(m, f, v) is not { } d) continue;
            var due = d.Paid.Select(p => (law.Measures[p.MeasureIndex], p.FullTime is { } x ? Kernel.ToCent(x) : (decimal?)null)).ToList();
            var key = string.Join(",", due.Select(x => x.Item1.Id + ":" + x.Item2)) + "|" + d.Undetermined;
            if (!groups.TryGetValue(key, out var g)) groups[key] = g = ([], due, d.Undetermined);
            g.Values.Add(v);
        }
        return groups.Values.OrderBy(g => g.Due.Count == 0 ? 1 : 0).ThenBy(g => g.Open ? 1 : 0)
            .Select(g => new FactOutcome(g.Values, g.Due, g.Open)).ToList();
    }

    /// <summary>The kernel's decision for this month with <paramref name="f"/> set to <paramref name="code"/> (null when that contradicts a fact the law implies).</summary>
    private static MonthDecision? Try(MonthResult m, FieldDef f, int code)
    {
        var c = m.Context!;
        var codes = (int[])c.Codes.Clone();
        codes[f.Index] = code;
        if (ImpliedFacts.Complete(c.Kernel.Law.Implications, codes) is not null) return null;
        var trace = new NoTrace();
        return c.Kernel.Decide(codes, c.Thirtieths, m.Month, c.LawAsOf, ref trace);
    }

    /// <summary>
    /// The smallest set of grounds that rules out every measure not due (greedy: the ground that rules out
    /// the most measures still open, a stated exclusion first at equal coverage, then the first in law order).
    /// Criteria are grouped by the profile facts that make them fail, so that the <c>secteur</c> criteria of
    /// M1 to M4 make one ground for a worker of a private employer.
    /// </summary>
    private static List<Ground> Cover(MonthResult m)
    {
        var c = m.Context;
        var candidates = new Dictionary<string, (GroundKind Kind, List<CriterionNode> Nodes, List<string> Measures, List<FieldDef> Fields, int First)>(StringComparer.Ordinal);
        var order = 0;
        foreach (var r in m.Measures.Where(r => r.Verdict == Verdict.NotEligible))
        {
            foreach (var node in r.Criteria.Where(n => n.Result == Tri.False))
            {
                var (kind, key, fields) = Classify(m, node, c);
                if (!candidates.TryGetValue(key, out var cand)) candidates[key] = cand = (kind, [], [], fields, order++);
                if (cand.Measures.Contains(r.Measure.Id)) continue;
                cand.Nodes.Add(node);
                cand.Measures.Add(r.Measure.Id);
            }
        }
        var all = m.Measures.Where(r => r.Verdict == Verdict.NotEligible).Select(r => r.Measure.Id).ToList();
        // Two greedy covers: the widest ground first, and the stated exclusions first; the second when it is no larger.
        var plain = Greedy(candidates, all, exclusionsFirst: false);
        var stated = Greedy(candidates, all, exclusionsFirst: true);
        var chosen = stated.Count <= plain.Count ? stated : plain;
        var grounds = new List<Ground>();
        foreach (var (key, covers) in chosen)
        {
            var v = candidates[key];
            var citations = v.Nodes.Where((n, i) => covers.Contains(v.Measures[i])).SelectMany(n => n.Citations).Distinct().ToList();
            var label = v.Kind == GroundKind.Exclusion ? ((ExclusionNode)v.Nodes[0]).Exclusion.Title : v.Nodes[v.Measures.IndexOf(covers[0])].Label;
            var ground = new Ground(v.Kind, key, label, v.Nodes, v.Measures, covers, v.Fields, citations, "");
            grounds.Add(ground with { Text = Clause(m, ground, grounds.Count == 0) });
        }
        return grounds;
    }

    private static List<(string Key, List<string> Covers)> Greedy(
        Dictionary<string, (GroundKind Kind, List<CriterionNode> Nodes, List<string> Measures, List<FieldDef> Fields, int First)> candidates,
        List<string> measures, bool exclusionsFirst)
    {
        var open = measures.ToHashSet(StringComparer.Ordinal);
        var chosen = new List<(string, List<string>)>();
        while (open.Count > 0)
        {
            var best = candidates
                .Select(p => (p.Key, p.Value, Gain: p.Value.Measures.Count(open.Contains)))
                .Where(x => x.Gain > 0)
                .OrderBy(x => exclusionsFirst && x.Value.Kind != GroundKind.Exclusion ? 1 : 0)
                .ThenByDescending(x => x.Gain).ThenBy(x => x.Value.Kind == GroundKind.Exclusion ? 0 : 1).ThenBy(x => x.Value.First)
                .FirstOrDefault();
            if (best.Gain == 0) break;
            var covers = best.Value.Measures.Where(open.Contains).ToList();
            open.ExceptWith(covers);
            chosen.Add((best.Key, covers));
        }
        return chosen;
    }

    private static (GroundKind, string, List<FieldDef>) Classify(MonthResult m, CriterionNode node, MonthContext? c)
    {
        switch (node)
        {
            case ExclusionNode e: return (GroundKind.Exclusion, "exclusion." + e.Exclusion.Id, []);
            case InPostNode: return (GroundKind.NotInPost, "en_fonction", []);
            case InForceNode: return (GroundKind.Period, "periode", []);
        }
        var need = c is null ? null : Reach.Node(node, m.Month, c.LawAsOf, c.Codes);
        if (need is null) return (GroundKind.Period, c is null ? "critere:" + node.Name : "periode", []);
        var fields = need.Fields.Values.Where(f => !f.Missing).Select(f => f.Field).OrderBy(f => f.Index).ToList();
        return fields.Count == 0
            ? (GroundKind.Criterion, "critere:" + node.Name, fields)
            : (GroundKind.Criterion, "champs:" + string.Join("+", fields.Select(f => f.Name)), fields);
    }
}
