using static Segur.Questions.Inline;

namespace Segur.Questions;

// The cost per worker of each profile, and the total for the sourced headcount or the formula without one.
public static partial class BriefLayout
{
    private static string Money(long cents) => Format.Euros(cents / 100m);

    private static void PerWorker(BriefDocument d, ExtensionCost c)
    {
        var parts = c.Populations.Where(p => p.PerWorker.Count > 0).ToList();
        if (parts.Count == 0) return;
        d.Blocks.Add(new Heading(3, "Coût par agent"));
        d.Blocks.Add(new Paragraph([T($"Pour un agent de chaque profil type, différence entre la réforme et le droit en vigueur : mois de {Format.Month(c.Period.End)}, "
            + $"douze mois comme celui-ci, et toute la période chiffrée ({Format.Month(c.Period.Start)} à {Format.Month(c.Period.End)}).")]));
        d.Blocks.Add(new Table(["Population — profil", "Brut par mois", "Cotisations employeur par mois", "Brut par an", "Coût employeur par an", "Sur la période (dont rappels)"],
            parts.SelectMany(p => p.PerWorker.Select(w => (IReadOnlyList<IReadOnlyList<Inline>>)
            [
                [T($"{p.Population.Label} — {w.Profile}{(w.Quotite == 1m ? "" : $" (quotité {Format.Number(w.Quotite)})")}"), .. w.Uncertain ? [new Inline(InlineKind.Warning, "verdict incertain")] : Array.Empty<Inline>()],
                [B(Money(w.MonthCents))],
                [T(w.EmployerKnown ? Money(w.MonthEmployerCents) : "aucun taux sourcé")],
                [B(Money(w.AnnualCents))],
                [T(w.EmployerKnown ? Money(w.AnnualTotalCents) : "—")],
                [T($"{Money(w.PeriodCents)} (dont {Money(w.ArrearsCents)})")],
            ])).ToList()));
        foreach (var p in parts)
        {
            var line = new List<Inline> { B(p.Population.Label), T(" : ") };
            if (p.PerWorker.All(w => w.PeriodCents == 0 && w.MonthCents == 0))
                line.Add(T("la réforme simulée ne change rien pour ses profils types (une mesure est déjà due, ou le profil est hors du champ du scénario) ; coût nul pour ces profils. "));
            if (p.Strata.Count > 0)
                line.Add(T($"Total calculé sur les strates {string.Join(", ", p.Strata.Select(s => s.Id))} (tableau ci-dessus)."));
            else if (p.Headcount is { Headcount: { } n } h)
            {
                line.Add(T($"effectif {Format.Integer(n)} {h.Unit ?? "personnes"} (au {FrenchDate(h.AsOf)}, confiance {h.Confidence})"));
                line.Add(d.Cite([h.Reference]));
                line.Add(T(" ; coût annuel total = effectif × coût annuel par agent = " + Range(p.PerWorker.Select(w => w.AnnualCents * n)) + " brut"
                    + (p.PerWorker.All(w => w.EmployerKnown) ? ", " + Range(p.PerWorker.Select(w => w.AnnualTotalCents * n)) + " avec les cotisations employeur" : "")
                    + (p.PerWorker.Count > 1 ? " selon le profil" : "") + "."));
                if (h.Note is not null) line.Add(new Inline(InlineKind.Warning, h.Note));
            }
            else
            {
                line.Add(T($"effectif inconnu — {p.Headcount?.Note ?? "aucune source publique lue ne le donne"} Aucun total n'est avancé : coût annuel = effectif × "
                    + Range(p.PerWorker.Select(w => w.AnnualCents)) + " brut par agent"
                    + (p.PerWorker.All(w => w.EmployerKnown) ? " (" + Range(p.PerWorker.Select(w => w.AnnualTotalCents)) + " avec les cotisations employeur)" : "")
                    + (p.PerWorker.Count > 1 ? " selon le profil" : "") + "."));
            }
            d.Blocks.Add(new Paragraph(line));
        }
    }

    private static string FrenchDate(string? iso) =>
        DateOnly.TryParseExact(iso, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var d) ? Format.Date(d) : iso ?? "date inconnue";

    private static string Range(IEnumerable<long> cents)
    {
        var values = cents.Distinct().Order().ToList();
        return values.Count == 1 ? Money(values[0]) : $"entre {Money(values[0])} et {Money(values[^1])}";
    }

    private static string HeadcountCell(PopulationCost p) => p.Headcount is { Headcount: { } n } h
        ? $"{Format.Integer(n)} {h.Unit ?? "personnes"} (source : effectifs-questions.yaml)"
        : "inconnu (aucune source)";

    private static string AnnualCell(PopulationCost p)
    {
        if (p.PerWorker.Count == 0) return "—";
        return p.Headcount is { Headcount: { } n }
            ? Range(p.PerWorker.Select(w => w.AnnualCents * n))
            : "effectif × " + Range(p.PerWorker.Select(w => w.AnnualCents));
    }
}
