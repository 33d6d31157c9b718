using System.Text;

using Segur.Engine.Profiles;

namespace Segur.Engine.Law;

/// <summary>
/// Pure logic over profile facts (no explanation of its own): a field tested against a set of values,
/// or a conjunction, disjunction or negation of such tests. Facts are integer codes, one per field
/// (<see cref="Facts.Absent"/> when the profile leaves the field out).
/// </summary>
public abstract class Condition
{
    public abstract Tri Evaluate(ReadOnlySpan<int> facts);

    /// <summary>Every field the condition reads.</summary>
    public abstract void CollectFields(ISet<FieldDef> fields);

    /// <summary>French rendering, for explanations and error messages.</summary>
    public abstract void Render(StringBuilder sb);

    public override string ToString()
    {
        var sb = new StringBuilder();
        Render(sb);
        return sb.ToString();
    }
}

/// <summary>A field whose value must be one of a set (an enum, a boolean, or integer codes such as IDCC).</summary>
public sealed class FieldIn : Condition
{
    private readonly bool[]? _lookup;        // enums and booleans: indexed by code
    private readonly HashSet<int>? _integers; // integer fields

    public FieldIn(FieldDef field, IReadOnlyCollection<int> allowed)
    {
        Field = field;
        Allowed = allowed.OrderBy(v => v).ToArray();
        if (field.Kind == FieldKind.Integer)
        {
            _integers = [.. allowed];
        }
        else
        {
            _lookup = new bool[field.Values.Count];
            foreach (var v in allowed) _lookup[v] = true;
        }
    }

    public FieldDef Field { get; }

    /// <summary>Allowed codes, sorted.</summary>
    public IReadOnlyList<int> Allowed { get; }

    public override Tri Evaluate(ReadOnlySpan<int> facts)
    {
        var v = facts[Field.Index];
        if (v == Facts.Absent) return Tri.Unknown;
        return _lookup is not null ? TriLogic.Of(_lookup[v]) : TriLogic.Of(_integers!.Contains(v));
    }

    public override void CollectFields(ISet<FieldDef> fields) => fields.Add(Field);

    public override void Render(StringBuilder sb)
    {
        sb.Append(Field.Name);
        if (Allowed.Count == 1) sb.Append(" = ").Append(Field.Describe(Allowed[0]));
        else sb.Append(" parmi {").AppendJoin(", ", Allowed.Select(Field.Describe)).Append('}');
    }
}

/// <summary>A conjunction (<see cref="AllOf"/>) or disjunction (<see cref="AnyOf"/>) of conditions, with short-circuit.</summary>
public abstract class Combination(IReadOnlyList<Condition> parts, bool conjunction) : Condition
{
    public IReadOnlyList<Condition> Parts { get; } = parts;

    public override Tri Evaluate(ReadOnlySpan<int> facts)
    {
        var r = conjunction ? Tri.True : Tri.False;
        var stop = conjunction ? Tri.False : Tri.True;
        foreach (var p in Parts)
        {
            var v = p.Evaluate(facts);
            r = conjunction ? TriLogic.And(r, v) : TriLogic.Or(r, v);
            if (r == stop) return r;
        }
        return r;
    }

    public override void CollectFields(ISet<FieldDef> fields)
    {
        foreach (var p in Parts) p.CollectFields(fields);
    }

    public override void Render(StringBuilder sb)
    {
        sb.Append('(');
        for (var i = 0; i < Parts.Count; i++)
        {
            if (i > 0) sb.Append(conjunction ? " et " : " ou ");
            Parts[i].Render(sb);
        }
        sb.Append(')');
    }
}

public sealed class AllOf(IReadOnlyList<Condition> parts) : Combination(parts, conjunction: true);

public sealed class AnyOf(IReadOnlyList<Condition> parts) : Combination(parts, conjunction: false);

public sealed class NotOf(Condition inner) : Condition
{
    public Condition Inner { get; } = inner;

    public override Tri Evaluate(ReadOnlySpan<int> facts) => TriLogic.Not(Inner.Evaluate(facts));

    public override void CollectFields(ISet<FieldDef> fields) => Inner.CollectFields(fields);

    public override void Render(StringBuilder sb)
    {
        sb.Append("non ");
        Inner.Render(sb);
    }
}
