using System.Globalization;

namespace Segur.Web.Pages;

/// <summary>Server-drawn SVG charts (no script): presentation attributes only, every label encoded.</summary>
public static class Charts
{
    private static string N(double d) => d.ToString("0.#", CultureInfo.InvariantCulture);

    /// <summary>A bar per month (monthly gross), with the amounts on a left axis and years below.</summary>
    public static Markup Monthly(IReadOnlyList<(string Month, decimal? Amount, bool Uncertain)> months, string title)
    {
        const double width = 760, height = 240, left = 64, bottom = 30, top = 16, right = 8;
        var max = months.Select(m => m.Amount ?? 0m).DefaultIfEmpty(0m).Max();
        var scaleMax = max <= 0 ? 100m : Nice(max);
        var plotW = width - left - right;
        var plotH = height - top - bottom;
        var barW = plotW / Math.Max(1, months.Count);
        var h = new Html();
        h.Add($"<figure class=\"graphique\"><svg viewBox=\"0 0 {N(width)} {N(height)}\" role=\"img\" aria-labelledby=\"g-titre\" xmlns=\"http://www.w3.org/2000/svg\"><title id=\"g-titre\">{title}</title>");
        for (var i = 0; i <= 4; i++)
        {
            var v = scaleMax * i / 4;
            var y = top + plotH - plotH * i / 4;
            h.Add($"<line x1=\"{N(left)}\" y1=\"{N(y)}\" x2=\"{N(width - right)}\" y2=\"{N(y)}\" stroke=\"#d0d4dc\" stroke-width=\"1\"/>");
            h.Add($"<text x=\"{N(left - 6)}\" y=\"{N(y + 4)}\" text-anchor=\"end\" font-size=\"11\" fill=\"#333\">{Engine.Format.Euros(v).Replace(",00", "")}</text>");
        }
        for (var i = 0; i < months.Count; i++)
        {
            var (month, amount, uncertain) = months[i];
            var x = left + i * barW;
            if (amount is { } a && a > 0)
            {
                var bh = (double)(a / scaleMax) * plotH;
                h.Add($"<rect x=\"{N(x + barW * 0.1)}\" y=\"{N(top + plotH - bh)}\" width=\"{N(Math.Max(1, barW * 0.8))}\" height=\"{N(bh)}\" fill=\"{(uncertain ? "#c98a1b" : "#1f5fa8")}\"><title>{month} : {Engine.Format.Euros(a)}</title></rect>");
            }
            else if (amount is null)
            {
                // A measure is due but no text gives its amount: a grey bar the height of the plot, never a zero.
                h.Add($"<rect class=\"inconnu\" x=\"{N(x + barW * 0.1)}\" y=\"{N(top)}\" width=\"{N(Math.Max(1, barW * 0.8))}\" height=\"{N(plotH)}\" fill=\"#b9bec8\" fill-opacity=\"0.6\"><title>{month} : mesure due, montant inconnu</title></rect>");
            }
            if (month.EndsWith("-01", StringComparison.Ordinal) || i == 0)
                h.Add($"<text x=\"{N(x + barW / 2)}\" y=\"{N(height - 10)}\" text-anchor=\"start\" font-size=\"11\" fill=\"#333\">{month[..4]}</text>");
        }
        h.Add($"<line x1=\"{N(left)}\" y1=\"{N(top + plotH)}\" x2=\"{N(width - right)}\" y2=\"{N(top + plotH)}\" stroke=\"#333\" stroke-width=\"1\"/>");
        h.Add($"</svg><figcaption>{title}. Barres bleues : montant établi ; orangées : résultat incertain ; grises : mesure due au montant inconnu (jamais comptée pour zéro).</figcaption></figure>");
        return h.ToMarkup();
    }

    /// <summary>Horizontal bars (one per label), for costs by measure or by year.</summary>
    public static Markup Bars(IReadOnlyList<(string Label, decimal Value)> bars, string title, string unit = "€")
    {
        const double width = 760, left = 230, right = 130, rowH = 26, top = 8;
        var height = top * 2 + rowH * Math.Max(1, bars.Count);
        var max = bars.Select(b => Math.Abs(b.Value)).DefaultIfEmpty(0m).Max();
        if (max == 0) max = 1;
        var plotW = width - left - right;
        var h = new Html();
        h.Add($"<figure class=\"graphique\"><svg viewBox=\"0 0 {N(width)} {N(height)}\" role=\"img\" aria-label=\"{title}\" xmlns=\"http://www.w3.org/2000/svg\">");
        for (var i = 0; i < bars.Count; i++)
        {
            var (label, value) = bars[i];
            var y = top + i * rowH;
            var w = (double)(Math.Abs(value) / max) * plotW;
            var text = unit == "€" ? Engine.Format.Euros(value) : value.ToString("#,##0", new NumberFormatInfo { NumberGroupSeparator = " " });
            h.Add($"<text x=\"{N(left - 8)}\" y=\"{N(y + 17)}\" text-anchor=\"end\" font-size=\"12\" fill=\"#222\">{(label.Length > 34 ? label[..33] + "…" : label)}</text>");
            h.Add($"<rect x=\"{N(left)}\" y=\"{N(y + 4)}\" width=\"{N(Math.Max(1, w))}\" height=\"{N(rowH - 8)}\" fill=\"{(value < 0 ? "#b3261e" : "#1f5fa8")}\"><title>{label} : {text}</title></rect>");
            h.Add($"<text x=\"{N(left + w + 6)}\" y=\"{N(y + 17)}\" font-size=\"12\" fill=\"#222\">{text}</text>");
        }
        h.Add($"</svg><figcaption>{title}</figcaption></figure>");
        return h.ToMarkup();
    }

    private static decimal Nice(decimal max)
    {
        var pow = (decimal)Math.Pow(10, Math.Floor(Math.Log10((double)max)));
        foreach (var step in new[] { 1m, 2m, 2.5m, 5m, 10m })
        {
            if (step * pow >= max) return step * pow;
        }
        return 10 * pow;
    }
}
