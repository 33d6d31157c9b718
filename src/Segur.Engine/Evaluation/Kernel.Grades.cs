using Segur.Engine.Law;

namespace Segur.Engine.Evaluation;

/// <summary>The kernel's confidence algebra: the weaker of two grades, the bound of cited texts, three-valued conjunction and disjunction.</summary>
public sealed partial class Kernel
{
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
