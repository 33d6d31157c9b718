using System.Globalization;

namespace Segur.Engine.Time;

/// <summary>
/// A calendar month (year and month), the unit of every Ségur entitlement.
/// Immutable; ordering is chronological; the text form is <c>YYYY-MM</c> whatever the culture.
/// </summary>
public readonly record struct YearMonth : IComparable<YearMonth>
{
    /// <summary>Earliest month the engine accepts.</summary>
    public static readonly YearMonth MinValue = new(1900, 1);

    /// <summary>Latest month the engine accepts.</summary>
    public static readonly YearMonth MaxValue = new(2199, 12);

    public YearMonth(int year, int month)
    {
        if (year < 1900 || year > 2199) throw new ArgumentOutOfRangeException(nameof(year), year, "année hors de 1900-2199");
        if (month < 1 || month > 12) throw new ArgumentOutOfRangeException(nameof(month), month, "mois hors de 1-12");
        Year = year;
        Month = month;
    }

    public int Year { get; }
    public int Month { get; }

    /// <summary>Months since year 0, used for arithmetic and dense indexing.</summary>
    public int Ordinal => Year * 12 + Month - 1;

    public static YearMonth FromOrdinal(int ordinal) => new(ordinal / 12, ordinal % 12 + 1);

    public static YearMonth Of(DateOnly date) => new(date.Year, date.Month);

    public DateOnly FirstDay => new(Year, Month, 1);
    public DateOnly LastDay => new(Year, Month, DaysInMonth);
    public int DaysInMonth => DateTime.DaysInMonth(Year, Month);

    public YearMonth AddMonths(int months) => FromOrdinal(Ordinal + months);

    public int CompareTo(YearMonth other) => Ordinal.CompareTo(other.Ordinal);
    public static bool operator <(YearMonth a, YearMonth b) => a.Ordinal < b.Ordinal;
    public static bool operator >(YearMonth a, YearMonth b) => a.Ordinal > b.Ordinal;
    public static bool operator <=(YearMonth a, YearMonth b) => a.Ordinal <= b.Ordinal;
    public static bool operator >=(YearMonth a, YearMonth b) => a.Ordinal >= b.Ordinal;

    /// <summary>Parses <c>YYYY-MM</c> exactly; returns false on anything else.</summary>
    public static bool TryParse(string? text, out YearMonth value)
    {
        value = default;
        if (text is null || text.Length != 7 || text[4] != '-') return false;
        if (!int.TryParse(text.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out var y)) return false;
        if (!int.TryParse(text.AsSpan(5, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var m)) return false;
        if (y < 1900 || y > 2199 || m < 1 || m > 12) return false;
        value = new YearMonth(y, m);
        return true;
    }

    public override string ToString() =>
        Year.ToString("D4", CultureInfo.InvariantCulture) + "-" + Month.ToString("D2", CultureInfo.InvariantCulture);
}
