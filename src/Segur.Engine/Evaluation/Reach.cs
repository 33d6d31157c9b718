using Segur.Engine.Law;
using Segur.Engine.Profiles;
using Segur.Engine.Time;

namespace Segur.Engine.Evaluation;

/// <summary>What one field must become: a value in <see cref="In"/> (when set) and never one in <see cref="NotIn"/>.</summary>
internal sealed class FieldNeed(FieldDef field, bool missing)
{
    public FieldDef Field { get; } = field;

    /// <summary>The profile leaves the field out: it has to be given, not changed.</summary>
    public bool Missing { get; } = missing;

    public HashSet<int>? In { get; set; }
    public HashSet<int> NotIn { get; } = [];

    public bool Allows(int code) => (In is null || In.Contains(code)) && !NotIn.Contains(code);

    public bool Feasible => In is not null ? In.Any(c => !NotIn.Contains(c))
        : Field.Kind == FieldKind.Integer || Enumerable.Range(0, Field.Values.Count).Any(c => !NotIn.Contains(c));

    public FieldNeed Copy()
    {
        var c = new FieldNeed(Field, Missing) { In = In is null ? null : [.. In] };
        c.NotIn.UnionWith(NotIn);
        return c;
    }
}

/// <summary>
/// The facts that would have to change, or be given, for a criterion to be met: one entry per field. A
/// criterion that no change of fact can meet (a measure not in force that month) has no need at all (null).
/// </summary>
internal sealed class Need
{
    public static readonly Need None = new();

    public Dictionary<FieldDef, FieldNeed> Fields { get; } = [];

    /// <summary>Fields to change or to give: the distance, in facts, to the criterion being met.</summary>
    public int Cost => Fields.Count;

    /// <summary>Both needs at once: the fields of both, each restricted to the values both allow; null when impossible.</summary>
    public static Need? And(Need? a, Need? b)
    {
        if (a is null || b is null) return null;
        if (a.Cost == 0) return b;
        if (b.Cost == 0) return a;
        var r = new Need();
        foreach (var (f, n) in a.Fields) r.Fields[f] = n.Copy();
        foreach (var (f, n) in b.Fields)
        {
            if (!r.Fields.TryGetValue(f, out var x))
            {
                r.Fields[f] = n.Copy();
                continue;
            }
            if (n.In is not null) x.In = x.In is null ? [.. n.In] : [.. x.In.Intersect(n.In)];
            x.NotIn.UnionWith(n.NotIn);
            if (!x.Feasible) return null;
        }
        return r;
    }

    /// <summary>The cheaper of two needs (the first at equal cost); null when neither is possible.</summary>
    public static Need? Or(Need? a, Need? b) => a is null ? b : b is null ? a : b.Cost < a.Cost ? b : a;
}

/// <summary>How far, in facts of the profile, a criterion of the typed explanation is from being met.</summary>
internal static class Reach
{
    /// <summary>What would make <paramref name="node"/> met, for the profile coded <paramref name="codes"/>.</summary>
    public static Need? Node(CriterionNode node, YearMonth month, DateOnly? lawAsOf, IReadOnlyList<int> codes)
    {
        if (node.Result == Tri.True) return Need.None;
        switch (node)
        {
            case ExclusionNode e:
                return Condition(e.Exclusion.Condition, false, codes);
            case RuleNode r:
                var rule = r.Rule;
                if (!rule.InForce(month) || !rule.Known(lawAsOf)) return null;
                if (rule.Kind == RuleKind.Leaf) return Condition(rule.Condition!, true, codes);
                if (r.Children.Count != rule.Children.Count) return null;
                Need? need = rule.Kind == RuleKind.All ? Need.None : null;
                foreach (var child in r.Children)
                {
                    var n = Node(child, month, lawAsOf, codes);
                    need = rule.Kind == RuleKind.All ? Need.And(need, n) : Need.Or(need, n);
                }
                return need;
            default:
                return null; // dates and days in post: no change of fact opens them
        }
    }

    /// <summary>What would give <paramref name="c"/> the value <paramref name="want"/>.</summary>
    public static Need? Condition(Condition c, bool want, IReadOnlyList<int> codes)
    {
        switch (c)
        {
            case FieldIn f:
                var value = codes[f.Field.Index];
                var absent = value == Facts.Absent;
                if (!absent && f.Allowed.Contains(value) == want) return Need.None;
                var n = new FieldNeed(f.Field, absent);
                if (want) n.In = [.. f.Allowed];
                else n.NotIn.UnionWith(f.Allowed);
                if (!n.Feasible) return null;
                var need = new Need();
                need.Fields[f.Field] = n;
                return need;
            case NotOf not:
                return Condition(not.Inner, !want, codes);
            case Combination k:
                var all = k is AllOf == want;
                Need? r = all ? Need.None : null;
                foreach (var p in k.Parts)
                {
                    var pn = Condition(p, want, codes);
                    r = all ? Need.And(r, pn) : Need.Or(r, pn);
                }
                return r;
            default:
                return null;
        }
    }
}
