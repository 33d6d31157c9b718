using Segur.Engine;
using Segur.Engine.Law;

namespace Segur.Careers;

/// <summary>What a claim measures: a percentage gap at career start, or a gap in euros at career end.</summary>
public enum ClaimKind
{
    StartPercent,
    EndEuros,
}

/// <summary>A claim of the written questions, with its threshold and the text that makes it.</summary>
public sealed record Claim(string Id, string Statement, ClaimKind Kind, decimal Threshold, Citation Source);

/// <summary>One reading of a claim under another assumption (14 payments, without the Ségur, another entry pay...).</summary>
public sealed record ClaimReading(string Label, decimal Reference, decimal Other, decimal Euros, decimal? Percent, bool Holds, Confidence Confidence);

/// <summary>The verdict on one claim for one pair of grids.</summary>
public sealed record ClaimVerdict(
    Claim Claim,
    Career Reference,
    Career Other,
    CareerMonth ReferenceMonth,
    CareerMonth OtherMonth,
    decimal Euros,
    decimal? PercentOfOther,
    decimal? PercentOfReference,
    bool Holds,
    IReadOnlyList<ClaimReading> Variants,
    Confidence Confidence,
    IReadOnlyList<UsedFact> WeakFacts)
{
    /// <summary>True when every variant reaches the same conclusion as the main reading.</summary>
    public bool Robust => Variants.All(v => v.Holds == Holds);

    /// <summary>The gap the threshold applies to: per cent of the counterpart's pay, or euros.</summary>
    public decimal? Measured => Claim.Kind == ClaimKind.StartPercent ? PercentOfOther : Euros;

    /// <summary>French verdict in one sentence.</summary>
    public string Conclusion
    {
        get
        {
            var main = Holds ? "VÉRIFIÉE sous les hypothèses retenues" : "NON VÉRIFIÉE sous les hypothèses retenues";
            var robust = Variants.Count == 0 ? "" : Robust
                ? " ; même conclusion dans toutes les variantes examinées"
                : " ; la conclusion change selon les hypothèses (voir les variantes)";
            var weak = Confidence switch
            {
                Confidence.L => " ; le calcul repose sur au moins une valeur non confirmée (confiance L) : à confirmer par un texte avant de conclure",
                Confidence.M => " ; le calcul repose sur des sources secondaires (confiance M)",
                _ => "",
            };
            return main + robust + weak + ".";
        }
    }
}

/// <summary>
/// Judges the claims of the written questions (<see cref="ClaimLoader"/>: <c>legislation/carrieres/affirmations.yaml</c>,
/// e.g. a gap of more than 10 % at career start and of more than 500 € a month at career end) on the main
/// reading (monthly gross with the engine's Ségur) and on variants that change one assumption.
/// </summary>
public static class Claims
{
    /// <summary>Judges every claim for one pair of careers (reference = the social security body's grid).</summary>
    public static IReadOnlyList<ClaimVerdict> Judge(GridGaps gaps, IReadOnlyList<Claim> claims) =>
        gaps.Reference.Years.Count == 0 ? [] : claims.Select(c => Judge(c, gaps)).ToList();

    public static ClaimVerdict Judge(Claim claim, GridGaps gaps)
    {
        var index = claim.Kind == ClaimKind.StartPercent ? 0 : gaps.Reference.Years.Count - 1;
        var r = gaps.Reference.Years[index];
        var o = gaps.Other.Years[index];
        var refLetter = "[A]";
        var variants = new List<ClaimReading>();

        ClaimReading Reading(string label, decimal reference, decimal other, Confidence confidence)
        {
            var euros = other - reference;
            var pct = CareerComparison.Percent(euros, other);
            return new ClaimReading(label, reference, other, euros, pct, Holds(claim, euros, pct), confidence);
        }

        if (gaps.Reference.Grid.PaymentsPerYear != gaps.Other.Grid.PaymentsPerYear)
        {
            variants.Add(Reading(
                $"en équivalent mensuel des versements de l'année ({gaps.Reference.Grid.PaymentsPerYear} pour {refLetter}, {gaps.Other.Grid.PaymentsPerYear} pour l'homologue)",
                r.AnnualMonthlyEquivalent, o.AnnualMonthlyEquivalent,
                new[] { r.Confidence, o.Confidence, gaps.Reference.Grid.PaymentsSource.Confidence, gaps.Other.Grid.PaymentsSource.Confidence }.Max()));
        }
        if (r.Segur != 0m || o.Segur != 0m)
            variants.Add(Reading("hors Ségur (traitement ou salaire de la grille seul)", r.Base, o.Base, new[] { r.Confidence, o.Confidence }.Max()));
        if (claim.Kind == ClaimKind.StartPercent)
        {
            if (gaps.Reference.Grid.EntryVariant is { } entry)
            {
                var reading = Reading($"avec le {entry.Label} ({Format.Euros(entry.Amount)}, confiance {entry.Source.Confidence}) au lieu du coefficient",
                    entry.Amount + r.Segur, o.Total, new[] { entry.Source.Confidence, o.Confidence }.Max());
                variants.Add(reading);
            }
            var pctRef = CareerComparison.Percent(o.Total - r.Total, r.Total);
            variants.Add(new ClaimReading($"pourcentage rapporté au salaire de {refLetter} (« l'homologue gagne X % de plus »)",
                r.Total, o.Total, o.Total - r.Total, pctRef, pctRef > claim.Threshold, new[] { r.Confidence, o.Confidence }.Max()));
        }

        var euros = o.Total - r.Total;
        var pctOther = CareerComparison.Percent(euros, o.Total);
        var weak = r.Facts.Concat(o.Facts).Where(f => f.Confidence != Confidence.H)
            .GroupBy(f => f.Label).Select(g => g.First())
            .OrderByDescending(f => f.Confidence).ThenBy(f => f.Label, StringComparer.Ordinal).ToList();
        return new ClaimVerdict(claim, gaps.Reference, gaps.Other, r, o, euros, pctOther, CareerComparison.Percent(euros, r.Total),
            Holds(claim, euros, pctOther), variants, new[] { r.Confidence, o.Confidence }.Max(), weak);
    }

    private static bool Holds(Claim claim, decimal euros, decimal? percent) => claim.Kind switch
    {
        ClaimKind.StartPercent => percent > claim.Threshold,
        _ => euros > claim.Threshold,
    };
}
