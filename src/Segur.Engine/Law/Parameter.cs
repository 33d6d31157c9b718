using Segur.Engine.Time;

namespace Segur.Engine.Law;

/// <summary>One dated value of a parameter, with the text that sets it.</summary>
public sealed record ParameterValue(DateOnly From, DateOnly? To, decimal Value, Citation Citation, Confidence Confidence, string? Note);

/// <summary>
/// A dated legal value (the point d'indice, a number of points, a flat amount, a contribution rate).
/// Values are contiguous and do not overlap (checked at load); each carries its reference.
/// </summary>
public sealed class Parameter
{
    public required string Id { get; init; }
    public required string Title { get; init; }
    public required string Unit { get; init; }
    public string? Description { get; init; }
    public required IReadOnlyList<ParameterValue> Values { get; init; }
    public required string SourceFile { get; init; }

    /// <summary>
    /// The value in force on the first day of <paramref name="month"/>. With <paramref name="lawAsOf"/>,
    /// values whose text was published later are unknown, and the last value published before stays in
    /// force (what the law said on that date). Null when no value covers the month.
    /// </summary>
    public ParameterValue? Find(YearMonth month, DateOnly? lawAsOf = null)
    {
        var day = month.FirstDay;
        ParameterValue? found = null;
        foreach (var v in Values)
        {
            if (v.From > day) break;
            if (!v.Citation.Text.KnownOn(lawAsOf)) continue;
            found = v;
        }
        if (found is null) return null;
        if (found.To is { } to && to < day)
        {
            // Only a later value, not yet published at lawAsOf, could cover the month: keep the last known one.
            var later = Values.Any(v => v.From > found.From && v.From <= day);
            return later ? found : null;
        }
        return found;
    }
}
