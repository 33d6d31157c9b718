using System.Globalization;

namespace Segur.Engine;

/// <summary>
/// French formatting that does not depend on the machine's culture data: the same input gives the same
/// bytes everywhere. Decimal comma, thin grouping with a plain space, euro sign after the amount.
/// </summary>
public static class Format
{
    private static readonly NumberFormatInfo French = new()
    {
        NumberDecimalSeparator = ",",
        NumberGroupSeparator = " ",
        NumberGroupSizes = [3],
        NegativeSign = "-",
    };

    /// <summary>« 1 234,56 € ».</summary>
    public static string Euros(decimal amount) => amount.ToString("#,##0.00", French) + " €";

    /// <summary>
    /// An intermediate amount of a calculation, for people: at most four decimals, at least two
    /// (« 241,2164 € » for 241,216383333…, « 238,00 € »); the amount due itself is <see cref="Euros"/>.
    /// </summary>
    public static string EurosPrecise(decimal amount) => amount.ToString("#,##0.00##", French) + " €";

    /// <summary>A number with the decimals it needs, French style (« 241,2164 »).</summary>
    public static string Number(decimal value) => value.ToString("#,##0.############", French);

    /// <summary>« 1 234 567 ».</summary>
    public static string Integer(long value) => value.ToString("#,##0", French);

    /// <summary>« 80 % ».</summary>
    public static string Percent(decimal share) => (share * 100m).ToString("0.##", French) + " %";

    /// <summary>« 1er septembre 2020 », « 17 février 2021 ».</summary>
    public static string Date(DateOnly d) => (d.Day == 1 ? "1er" : d.Day.ToString(CultureInfo.InvariantCulture)) + " " + MonthNames[d.Month - 1] + " " + d.Year.ToString(CultureInfo.InvariantCulture);

    /// <summary>« septembre 2020 ».</summary>
    public static string Month(Time.YearMonth m) => MonthNames[m.Month - 1] + " " + m.Year.ToString(CultureInfo.InvariantCulture);

    /// <summary>ISO date for machine output.</summary>
    public static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static readonly string[] MonthNames =
        ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"];
}
