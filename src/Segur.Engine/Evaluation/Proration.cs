using Segur.Engine.Law;
using Segur.Engine.Profiles;
using Segur.Engine.Time;

namespace Segur.Engine.Evaluation;

/// <summary>
/// The one documented proration arithmetic (docs/regles-de-calcul.md). The full-time monthly amount is
/// multiplied, without intermediate rounding, by: the working-time factor (the fraction of the traitement
/// that the measure's proration scheme sets for a temps partiel, else the quotité itself); the thirtieths of
/// the month in post (every month counts 30 days); the share of time in eligible structures; the share of
/// pay kept (half pay). The product is rounded once, half up to the cent. The texts and fractions are law
/// data (<see cref="Law.ProrationScheme"/>).
/// </summary>
public static class Proration
{
    /// <summary>Days in post in <paramref name="month"/>, counted in thirtieths (0 to 30).</summary>
    public static int Thirtieths(DateOnly? entree, DateOnly? sortie, YearMonth month)
    {
        if (entree is { } e && e > month.LastDay) return 0;
        if (sortie is { } s && s < month.FirstDay) return 0;
        var start = entree is { } e2 && e2 >= month.FirstDay ? Math.Min(e2.Day, 30) : 1;
        var end = sortie is { } s2 && s2 <= month.LastDay ? (s2.Day == month.DaysInMonth ? 30 : Math.Min(s2.Day, 30)) : 30;
        return Math.Max(0, end - start + 1);
    }
}
