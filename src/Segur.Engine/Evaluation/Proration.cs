using Segur.Engine.Law;
using Segur.Engine.Profiles;
using Segur.Engine.Time;

namespace Segur.Engine.Evaluation;

/// <summary>
/// The one documented proration rule (docs/regles-de-calcul.md). The full-time monthly amount is
/// multiplied, without intermediate rounding, by: the working-time factor (public temps partiel at 80 %
/// and 90 % is paid 6/7 and 32/35, as the traitement; any other quotité, and every private contract, at
/// the quotité itself); the thirtieths of the month in post (every month counts 30 days); the share of
/// time in eligible structures; the share of pay kept (half pay). The product is rounded once, half up
/// to the cent.
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

    /// <summary>Working-time factor; <paramref name="assumed"/> says the profile did not tell temps partiel from temps non complet.</summary>
    public static decimal WorkingTime(ProrationRule rule, Profile p, out string label, out bool assumed)
    {
        var factor = WorkingTime(rule, p.Quotite, p.TempsPartiel);
        assumed = factor != p.Quotite && p.TempsPartiel is null;
        label = factor != p.Quotite
            ? (p.Quotite == 0.8m ? "temps partiel à 80 % : 6/7 du traitement" : "temps partiel à 90 % : 32/35 du traitement")
            : rule == ProrationRule.FonctionPublique
                ? $"quotité de travail {Format.Percent(p.Quotite)} (mêmes proportions que le traitement)"
                : $"quotité de travail {Format.Percent(p.Quotite)} (prorata du temps de travail contractuel)";
        return factor;
    }

    /// <summary>
    /// Working-time factor: public temps partiel at 80 % and 90 % (or not said) is paid 6/7 and 32/35,
    /// as the traitement; every other case at the quotité itself.
    /// </summary>
    public static decimal WorkingTime(ProrationRule rule, decimal quotite, bool? tempsPartiel) =>
        rule == ProrationRule.FonctionPublique && tempsPartiel != false && (quotite == 0.8m || quotite == 0.9m)
            ? (quotite == 0.8m ? 6m / 7m : 32m / 35m)
            : quotite;

    /// <summary>Rounds a euro amount once, half away from zero, to the cent.</summary>
    public static decimal ToCent(decimal amount) => Math.Round(amount, 2, MidpointRounding.AwayFromZero);
}
