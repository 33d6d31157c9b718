using Segur.Careers;
using Segur.Engine.Law;
using Segur.Engine.Time;

namespace Segur.Questions;

/// <summary>
/// The pay-scale gap of a brief from the career comparison of <c>Segur.Careers</c> (<c>segur carriere</c>):
/// floor careers on the grids of <c>legislation/grids/</c>, with the engine's Ségur, the first grid of the
/// pair as reference. Figures: the monthly gross gap (counterpart − reference) at the start, after 10 and
/// 20 years and at the end of the career, and the start gap in per cent; the verdicts on the claims of the
/// written questions; the comparison's assumptions. References and confidence come from the grids' values.
/// </summary>
public sealed class CareerPayScales(ILegislationSource source, Legislation law, int years = CareerRequest.DefaultYears) : IPayScaleComparer
{
    private GridCatalog? _catalog;

    public PayScaleGap Compare(GridPair pair, YearMonth month)
    {
        _catalog ??= GridLoader.Load(source, law);
        var grids = new[] { pair.From }.Concat(pair.To).Select(_catalog.Get).ToList();
        var validFrom = grids.Max(g => g.ValidFrom);
        var start = month < validFrom ? validFrom : month;
        var result = CareerComparison.Run(law, _catalog, new CareerRequest(grids.Select(g => g.Name).ToList(), start, years));

        var reference = result.Careers[0];
        var summary = $"Carrières plancher à temps plein commençant en {Format.Month(start)}, sur {years} ans (comparaison de carrières de segur, legislation/grids/) : "
            + $"{reference.Grid.Title} ({reference.Grid.Name}) face à {string.Join(" et ", result.Careers.Skip(1).Select(c => $"{c.Grid.Title} ({c.Grid.Name})"))}. "
            + "Écart = salaire brut mensuel de l'homologue − celui de la grille de référence, Ségur du moteur compris : un écart positif est ce que la grille de référence gagne en moins."
            + (start == month ? "" : $" La carrière commence en {Format.Month(start)}, premier mois où toutes les grilles sont définies (la question date de {Format.Month(month)}).");

        var figures = new List<BriefFigure>();
        foreach (var gaps in result.Gaps)
        {
            var other = gaps.Other.Grid;
            var last = gaps.Years.Count - 1;
            foreach (var (index, when) in new[] { (0, "en début de carrière"), (9, "la 10e année"), (19, "la 20e année"), (last, $"en fin de carrière ({last + 1}e année)") })
            {
                if (index > last || (index == 9 || index == 19) && index == last) continue;
                var y = gaps.Years[index];
                var (refs, confidence, caveat) = Sources(gaps.Reference.Years[index], gaps.Other.Years[index], gaps);
                figures.Add(new BriefFigure($"ecart-{other.Name}-{index + 1}", $"{other.Title} : écart mensuel brut {when}, {Format.Month(y.Month)} ({Format.Euros(y.Other)} contre {Format.Euros(y.Reference)})",
                    y.Euros, BriefUnit.Euros, refs, confidence, caveat));
                if (index == 0 && y.PercentOfOther is { } pct)
                    figures.Add(new BriefFigure($"ecart-pourcent-{other.Name}-1", $"{other.Title} : écart en début de carrière, en % du salaire de l'homologue",
                        pct, BriefUnit.Percent, refs, confidence, caveat));
            }
        }

        var claims = result.Verdicts.Select(v => new BriefReason(
            $"« {v.Claim.Statement} » — {v.Other.Grid.Title} : {v.Conclusion} (écart mesuré : {Format.Euros(v.Euros)}{(v.PercentOfOther is { } p ? $", {Format.Number(p)} %" : "")})",
            [BriefReference.Of(v.Claim.Source)], v.Confidence)).ToList();
        var assumptions = result.Assumptions
            .Select(a => new BriefAssumption(a.Text, a.Citation is null ? [] : [BriefReference.Of(a.Citation)], a.Confidence))
            .Concat(result.Careers.SelectMany(c => c.Grid.Assumptions.Select(a => new BriefAssumption($"{c.Grid.Name} : {a.Text}", [BriefReference.Of(a.Source.Citation)], a.Source.Confidence))))
            .Concat(result.Notes.Select(n => new BriefAssumption(n, [])))
            .ToList();
        return new PayScaleGap(summary, figures, claims, assumptions);
    }

    private static (List<BriefReference> Refs, Confidence Confidence, string? Caveat) Sources(CareerMonth r, CareerMonth o, GridGaps gaps)
    {
        var citations = gaps.Reference.Grid.Family.Citations.Concat(gaps.Other.Grid.Family.Citations)
            .Concat(r.Facts.Concat(o.Facts).Select(f => f.Citation).OfType<Citation>());
        var refs = citations.Select(BriefReference.Of).Distinct().ToList();
        var confidence = new[] { r.Confidence, o.Confidence }.Max();
        var weak = r.Facts.Concat(o.Facts).Where(f => f.Confidence != Confidence.H).Select(f => $"{f.Label} ({f.Confidence})").Distinct().ToList();
        return (refs, confidence, confidence == Confidence.H ? null : weak.Count == 0 ? $"confiance {confidence}" : "valeurs incertaines : " + string.Join(" ; ", weak));
    }
}
