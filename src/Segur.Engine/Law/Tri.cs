namespace Segur.Engine.Law;

/// <summary>
/// Three-valued logic (Kleene): a criterion is met, not met, or cannot be decided because the profile
/// leaves out a field it tests. "Not met" wins over "unknown" in a conjunction, "met" in a disjunction.
/// </summary>
public enum Tri : byte { False = 0, True = 1, Unknown = 2 }

public static class TriLogic
{
    public static Tri And(Tri a, Tri b) =>
        a == Tri.False || b == Tri.False ? Tri.False : a == Tri.Unknown || b == Tri.Unknown ? Tri.Unknown : Tri.True;

    public static Tri Or(Tri a, Tri b) =>
        a == Tri.True || b == Tri.True ? Tri.True : a == Tri.Unknown || b == Tri.Unknown ? Tri.Unknown : Tri.False;

    public static Tri Not(Tri a) => a switch { Tri.True => Tri.False, Tri.False => Tri.True, _ => Tri.Unknown };

    public static Tri Of(bool b) => b ? Tri.True : Tri.False;
}
