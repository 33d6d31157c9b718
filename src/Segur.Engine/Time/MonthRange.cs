namespace Segur.Engine.Time;

/// <summary>
/// A run of months, both ends included (<c>2020-09..2026-12</c> holds 76 months).
/// The constructor refuses an end before the start.
/// </summary>
public readonly record struct MonthRange
{
    /// <summary>Longest period one evaluation accepts (a century), to keep outputs bounded.</summary>
    public const int MaxMonths = 1200;

    public MonthRange(YearMonth start, YearMonth end)
    {
        if (end < start) throw new ArgumentException($"fin {end} antérieure au début {start}");
        if (end.Ordinal - start.Ordinal + 1 > MaxMonths) throw new ArgumentException($"période de plus de {MaxMonths} mois");
        Start = start;
        End = end;
    }

    public YearMonth Start { get; }
    public YearMonth End { get; }
    public int Count => End.Ordinal - Start.Ordinal + 1;

    public IEnumerable<YearMonth> Months()
    {
        for (var o = Start.Ordinal; o <= End.Ordinal; o++) yield return YearMonth.FromOrdinal(o);
    }

    /// <summary>
    /// Parses <c>YYYY-MM</c> (one month) or <c>YYYY-MM..YYYY-MM</c>; on failure <paramref name="error"/>
    /// says in French what was expected.
    /// </summary>
    public static bool TryParse(string? text, out MonthRange range, out string error)
    {
        range = default;
        error = "";
        if (string.IsNullOrWhiteSpace(text))
        {
            error = "période vide ; attendu AAAA-MM ou AAAA-MM..AAAA-MM (ex. 2020-09..2026-12)";
            return false;
        }
        var parts = text.Trim().Split("..");
        if (parts.Length > 2 || !YearMonth.TryParse(parts[0], out var start) ||
            !YearMonth.TryParse(parts.Length == 2 ? parts[1] : parts[0], out var end))
        {
            error = $"période « {text} » illisible ; attendu AAAA-MM ou AAAA-MM..AAAA-MM (ex. 2020-09..2026-12)";
            return false;
        }
        if (end < start)
        {
            error = $"période « {text} » impossible : la fin ({end}) précède le début ({start})";
            return false;
        }
        if (end.Ordinal - start.Ordinal + 1 > MaxMonths)
        {
            error = $"période « {text} » trop longue : {MaxMonths} mois au plus";
            return false;
        }
        range = new MonthRange(start, end);
        return true;
    }

    public override string ToString() => Start == End ? Start.ToString() : $"{Start}..{End}";
}
