using Segur.Engine.Profiles;

namespace Segur.Engine.Law;

/// <summary>
/// A fact the law itself implies (<c>legislation/implications/</c>): when <see cref="If"/> holds, the field
/// <see cref="Field"/> has the value <see cref="Code"/>, whatever the profile says of it. For instance a MAS
/// is funded by the assurance maladie by definition (CASF), so nobody needs to be asked.
/// Implied facts only fill fields that the profile leaves out; a profile that states the contrary is an
/// input error (<see cref="ImpliedFacts.Complete"/>).
/// </summary>
public sealed class Implication
{
    public required string Id { get; init; }
    public required string Title { get; init; }
    public required Condition If { get; init; }
    public required FieldDef Field { get; init; }
    public required int Code { get; init; }
    public required IReadOnlyList<Citation> Citations { get; init; }
    public Confidence Confidence { get; init; } = Confidence.H;
    public string? Note { get; init; }
    public required string SourceFile { get; init; }
}

/// <summary>A profile value that contradicts a fact the law implies.</summary>
public sealed record ImplicationConflict(Implication Implication, int Stated);

/// <summary>Applies the law's implied facts to coded facts.</summary>
public static class ImpliedFacts
{
    /// <summary>
    /// Fills, in place, every field an implication sets and the profile leaves out, until nothing changes
    /// (an implied fact may make another one hold). Returns the implications applied, in order, and the
    /// first contradiction found (a field the profile states with another value), or null.
    /// </summary>
    public static ImplicationConflict? Complete(IReadOnlyList<Implication> implications, Span<int> codes, List<Implication>? applied = null)
    {
        if (implications.Count == 0) return null;
        ImplicationConflict? conflict = null;
        Span<bool> filled = stackalloc bool[codes.Length];
        var changed = true;
        for (var pass = 0; changed && pass <= implications.Count; pass++)
        {
            changed = false;
            foreach (var i in implications)
            {
                if (i.If.Evaluate(codes) != Tri.True) continue;
                var index = i.Field.Index;
                var current = codes[index];
                if (current == Facts.Absent)
                {
                    codes[index] = i.Code;
                    filled[index] = true;
                    applied?.Add(i);
                    changed = true;
                }
                else if (current != i.Code && !filled[index])
                {
                    conflict ??= new ImplicationConflict(i, current);
                }
            }
        }
        return conflict;
    }
}
