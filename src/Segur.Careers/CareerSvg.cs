using System.Globalization;
using System.Text;
using Segur.Engine;

namespace Segur.Careers;

/// <summary>
/// A line chart of the compared careers, written by hand as SVG: gross monthly pay per career year, Ségur
/// included (solid line) and, where the Ségur is paid, without it (dashed line). French labels, escaped
/// text, fixed palette and number format: the same comparison always gives the same bytes.
/// </summary>
public static class CareerSvg
{
    private const int Width = 960;
    private const int Left = 90;
    private const int Right = 30;
        private const int PlotHeight = 360;

    private static readonly string[] Palette = ["#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#8c564b", "#e377c2", "#17becf"];

    public static string Write(CareerComparisonResult r)
    {
        var careers = r.Careers;
        var n = r.Request.Years;
        var values = careers.SelectMany(c => c.Years).SelectMany(y => new[] { y.Total, y.Base }).ToList();
        var step = StepFor(values.Max() - values.Min());
        var min = Math.Floor(values.Min() / step) * step;
        var max = Math.Ceiling(values.Max() / step) * step;
        if (max == min) max = min + step;
        var plotWidth = Width - Left - Right;
        var title = $"Salaire brut mensuel selon la carrière — {careers.Count} grille(s), {n} an(s) à partir de {Format.Month(r.Request.Start)}";
        var header = new List<(string Text, string Style)> { (title, "font-size=\"17\" font-weight=\"bold\"") };
        foreach (var line in Wrap("Trait plein : Ségur compris (montant du moteur de règles) ; tirets : sans le Ségur. Brut, hors primes et indemnités hors grille.", 135))
            header.Add((line, "fill=\"#444444\""));
        if (r.Law.Reform is { } reform)
        {
            foreach (var line in Wrap($"Réforme simulée : {reform.Title} (hypothèse, pas du droit en vigueur)", 135))
                header.Add((line, "fill=\"#a00000\""));
        }
        var top = 28 + 20 * header.Count + 10;
        var legend = careers.Select(c =>
        {
            var same = careers.Where(o => o != c && o.Years.Select(y => y.Total).SequenceEqual(c.Years.Select(y => y.Total))).Select(o => $"[{r.Letter(o.Grid)}]").ToList();
            var text = $"[{r.Letter(c.Grid)}] {c.Grid.Name} — {c.Grid.Title} : {Nb(Format.Euros(c.Years[0].Total))} → {Nb(Format.Euros(c.Years[^1].Total))}"
                       + (same.Count > 0 ? $" (courbe confondue avec {string.Join(", ", same)})" : "");
            return Wrap(text, 118);
        }).ToList();
        var legendTop = top + PlotHeight + 58;
        var height = legendTop + legend.Sum(l => 16 * l.Count + 6) + 30;

        double X(int i) => n == 1 ? Left + plotWidth / 2.0 : Left + (double)plotWidth * i / (n - 1);
        double Y(decimal v) => top + PlotHeight - (double)((v - min) / (max - min)) * PlotHeight;

        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{Width}\" height=\"{height}\" viewBox=\"0 0 {Width} {height}\" font-family=\"sans-serif\" font-size=\"12\">\n");
        sb.Append($"  <title>{Escape(title)}</title>\n");
        sb.Append($"  <desc>{Escape("Montants bruts mensuels du premier mois de chaque année de carrière, Ségur compris selon le moteur de règles ; primes hors grille exclues. Généré par segur carriere.")}</desc>\n");
        sb.Append("  <rect x=\"0\" y=\"0\" width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\n");
        for (var i = 0; i < header.Count; i++)
            sb.Append($"  <text x=\"{Left}\" y=\"{28 + 20 * i}\" {header[i].Style}>{Escape(header[i].Text)}</text>\n");

        // Grid lines and y labels.
        sb.Append("  <g stroke=\"#dddddd\" stroke-width=\"1\">\n");
        for (var v = min; v <= max; v += step)
            sb.Append($"    <line x1=\"{Left}\" y1=\"{D(Y(v))}\" x2=\"{Left + plotWidth}\" y2=\"{D(Y(v))}\"/>\n");
        sb.Append("  </g>\n");
        sb.Append("  <g text-anchor=\"end\" fill=\"#333333\">\n");
        for (var v = min; v <= max; v += step)
            sb.Append($"    <text x=\"{Left - 8}\" y=\"{D(Y(v) + 4)}\">{Escape(Format.Euros(v)[..^5] + " €")}</text>\n");
        sb.Append("  </g>\n");
        sb.Append($"  <text transform=\"translate(18 {D(top + PlotHeight / 2.0)}) rotate(-90)\" text-anchor=\"middle\" fill=\"#333333\">{Escape("Brut mensuel (€)")}</text>\n");

        // Axes and x labels (calendar year of each career year).
        sb.Append($"  <line x1=\"{Left}\" y1=\"{top + PlotHeight}\" x2=\"{Left + plotWidth}\" y2=\"{top + PlotHeight}\" stroke=\"#333333\"/>\n");
        sb.Append($"  <line x1=\"{Left}\" y1=\"{top}\" x2=\"{Left}\" y2=\"{top + PlotHeight}\" stroke=\"#333333\"/>\n");
        var every = n <= 12 ? 1 : n <= 25 ? 2 : 5;
        sb.Append("  <g text-anchor=\"middle\" fill=\"#333333\">\n");
        for (var i = 0; i < n; i += every)
        {
            var m = r.Request.Start.AddMonths(12 * i);
            sb.Append($"    <line x1=\"{D(X(i))}\" y1=\"{top + PlotHeight}\" x2=\"{D(X(i))}\" y2=\"{top + PlotHeight + 5}\" stroke=\"#333333\"/>\n");
            sb.Append($"    <text x=\"{D(X(i))}\" y=\"{top + PlotHeight + 19}\">{m.Year.ToString(CultureInfo.InvariantCulture)}</text>\n");
        }
        sb.Append("  </g>\n");
        sb.Append($"  <text x=\"{D(Left + plotWidth / 2.0)}\" y=\"{top + PlotHeight + 40}\" text-anchor=\"middle\" fill=\"#333333\">{Escape($"Année (premier mois de chaque année de carrière : {Format.Month(r.Request.Start)}, puis tous les 12 mois)")}</text>\n");

        // Lines.
        for (var k = 0; k < careers.Count; k++)
        {
            var c = careers[k];
            var color = Palette[k % Palette.Length];
            var name = Escape(c.Grid.Name);
            if (c.Years.Any(y => y.Segur != 0m))
            {
                sb.Append($"  <polyline fill=\"none\" stroke=\"{color}\" stroke-width=\"1.5\" stroke-dasharray=\"6 4\" opacity=\"0.7\" points=\"{Points(c, y => y.Base, X, Y)}\">\n");
                sb.Append($"    <title>{name} — sans le Ségur</title>\n  </polyline>\n");
            }
            // A career identical to one drawn after it is drawn wider, so that it stays visible underneath.
            var hidden = careers.Skip(k + 1).Any(o => o.Years.Select(y => y.Total).SequenceEqual(c.Years.Select(y => y.Total)));
            var width = hidden ? "6" : "2.5";
            sb.Append($"  <polyline fill=\"none\" stroke=\"{color}\" stroke-width=\"{width}\" points=\"{Points(c, y => y.Total, X, Y)}\">\n");
            sb.Append($"    <title>{name} — Ségur compris</title>\n  </polyline>\n");
            var first = c.Years[0];
            var last = c.Years[^1];
            sb.Append($"  <circle cx=\"{D(X(0))}\" cy=\"{D(Y(first.Total))}\" r=\"3\" fill=\"{color}\"/>\n");
            sb.Append($"  <circle cx=\"{D(X(n - 1))}\" cy=\"{D(Y(last.Total))}\" r=\"3\" fill=\"{color}\"/>\n");
        }

        // Legend.
        var ly = legendTop;
        for (var k = 0; k < careers.Count; k++)
        {
            var color = Palette[k % Palette.Length];
            sb.Append($"  <line x1=\"{Left}\" y1=\"{ly - 4}\" x2=\"{Left + 26}\" y2=\"{ly - 4}\" stroke=\"{color}\" stroke-width=\"3\"/>\n");
            foreach (var line in legend[k])
            {
                sb.Append($"  <text x=\"{Left + 34}\" y=\"{ly}\">{Escape(line)}</text>\n");
                ly += 16;
            }
            ly += 6;
        }
        var foot = $"Législation {r.Law.Version} (empreinte {r.Law.Fingerprint[..12]}). Valeurs de confiance M ou L : voir le rapport texte ou JSON.";
        sb.Append($"  <text x=\"{Left}\" y=\"{height - 12}\" font-size=\"10\" fill=\"#666666\">{Escape(foot)}</text>\n");
        sb.Append("</svg>\n");
        return sb.ToString();
    }

    private static string Points(Career c, Func<CareerMonth, decimal> value, Func<int, double> x, Func<decimal, double> y) =>
        string.Join(" ", c.Years.Select((m, i) => $"{D(x(i))},{D(y(value(m)))}"));

    /// <summary>Non-breaking spaces inside an amount (« 2 185,72 € »), so that wrapping keeps it whole.</summary>
    private static string Nb(string amount) => amount.Replace(' ', '\u00A0');

    /// <summary>Cuts a text into lines of at most <paramref name="width"/> characters, at spaces.</summary>
    private static List<string> Wrap(string text, int width)
    {
        var lines = new List<string>();
        var current = new StringBuilder();
        foreach (var word in text.Split(' '))
        {
            if (current.Length > 0 && current.Length + 1 + word.Length > width)
            {
                lines.Add(current.ToString());
                current.Clear();
            }
            if (current.Length > 0) current.Append(' ');
            current.Append(word);
        }
        if (current.Length > 0) lines.Add(current.ToString());
        return lines;
    }

    private static decimal StepFor(decimal range) => range switch
    {
        <= 500m => 100m,
        <= 1500m => 250m,
        <= 4000m => 500m,
        _ => 1000m,
    };

    private static string D(double d) => Math.Round(d, 1).ToString("0.#", CultureInfo.InvariantCulture);

    /// <summary>Escapes the five XML special characters.</summary>
    public static string Escape(string s)
    {
        var sb = new StringBuilder(s.Length);
        foreach (var ch in s)
        {
            sb.Append(ch switch
            {
                '&' => "&amp;",
                '<' => "&lt;",
                '>' => "&gt;",
                '"' => "&quot;",
                '\'' => "&apos;",
                _ => ch.ToString(),
            });
        }
        return sb.ToString();
    }
}
