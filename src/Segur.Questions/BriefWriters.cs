using System.Globalization;
using System.Text;

namespace Segur.Questions;

/// <summary>
/// A brief as Markdown (CommonMark with tables). Every text coming from a question, the law or the data is
/// escaped, so that « * », « _ », « | » or « &lt;script&gt; » in a title stay text.
/// </summary>
public static class BriefMarkdown
{
    public static string Write(BriefDocument d)
    {
        var sb = new StringBuilder();
        sb.Append("# ").AppendLine(Escape(d.Title));
        foreach (var block in d.Blocks)
        {
            sb.AppendLine();
            switch (block)
            {
                case Heading h:
                    sb.Append(new string('#', Math.Clamp(h.Level, 1, 6))).Append(' ').AppendLine(Escape(h.Text));
                    break;
                case Paragraph p:
                    sb.AppendLine(Line(p.Content));
                    break;
                case Bullets l:
                    foreach (var item in l.Items) sb.Append("- ").AppendLine(Line(item));
                    break;
                case Table t:
                    sb.Append("| ").Append(string.Join(" | ", t.Header.Select(Escape))).AppendLine(" |");
                    sb.Append('|').Append(string.Concat(t.Header.Select(_ => "---|"))).AppendLine();
                    foreach (var row in t.Rows) sb.Append("| ").Append(string.Join(" | ", row.Select(Line))).AppendLine(" |");
                    break;
                case Quote q:
                    foreach (var line in q.Text.Split('\n')) sb.Append("> ").AppendLine(Escape(line));
                    break;
            }
        }
        if (d.References.Count > 0)
        {
            sb.AppendLine();
            sb.AppendLine("## Références");
            sb.AppendLine();
            for (var i = 0; i < d.References.Count; i++)
            {
                var r = d.References[i];
                sb.Append((i + 1).ToString(CultureInfo.InvariantCulture)).Append(". ").Append(Escape(r.Label));
                if (SafeUrl(r.Url) is { } url) sb.Append(" — <").Append(url.Replace(">", "%3E").Replace(" ", "%20")).Append('>');
                sb.AppendLine();
            }
        }
        return sb.ToString();
    }

    private static string Line(IReadOnlyList<Inline> content)
    {
        var sb = new StringBuilder();
        foreach (var x in content)
        {
            switch (x.Kind)
            {
                case InlineKind.Strong:
                    sb.Append("**").Append(Escape(x.Text)).Append("**");
                    break;
                case InlineKind.Code:
                    var code = x.Text.Replace('\n', ' ').Replace("|", "\\|");
                    sb.Append(x.Text.Contains('`') ? $"`` {code} ``" : $"`{code}`");
                    break;
                case InlineKind.Link when SafeUrl(x.Url) is { } url:
                    sb.Append('[').Append(Escape(x.Text)).Append("](<").Append(url.Replace(">", "%3E").Replace(" ", "%20")).Append(">)");
                    break;
                case InlineKind.FileLink:
                    sb.Append('[').Append(Escape(x.Text)).Append("](<").Append(x.Url).Append(".md>)");
                    break;
                case InlineKind.References:
                    sb.Append(" (réf. ").Append(string.Join(", ", x.Numbers ?? [])).Append(')');
                    break;
                case InlineKind.Warning:
                    sb.Append(" ⚠ ").Append(Escape(x.Text));
                    break;
                default:
                    sb.Append(Escape(x.Text));
                    break;
            }
        }
        return sb.ToString();
    }

    /// <summary>Backslash before every character Markdown could read as markup; line breaks become spaces.</summary>
    public static string Escape(string text)
    {
        var sb = new StringBuilder(text.Length + 8);
        foreach (var c in text)
        {
            if (c is '\r') continue;
            if (c is '\n') sb.Append(' ');
            else if (c is '\\' or '`' or '*' or '_' or '[' or ']' or '<' or '>' or '|' or '#' or '&' or '~' or '!') sb.Append('\\').Append(c);
            else sb.Append(c);
        }
        return sb.ToString();
    }

    internal static string? SafeUrl(string? url) =>
        url is not null && (url.StartsWith("https://", StringComparison.OrdinalIgnoreCase) || url.StartsWith("http://", StringComparison.OrdinalIgnoreCase)) ? url : null;
}

/// <summary>
/// A brief as one self-contained HTML page (French, small inline stylesheet, no script). Every text and
/// attribute is escaped; only http(s) addresses become links.
/// </summary>
public static class BriefHtml
{
    private const string Style = """
        body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;line-height:1.5;color:#1b1b1b;margin:0;background:#f6f6f6}
        main{max-width:60rem;margin:0 auto;padding:1.5rem 2rem;background:#fff}
        h1{font-size:1.6rem;border-bottom:3px solid #000091;padding-bottom:.4rem}
        h2{font-size:1.25rem;color:#000091;margin-top:2rem}
        h3{font-size:1.05rem}
        table{border-collapse:collapse;width:100%;margin:.5rem 0}
        th,td{border:1px solid #ccc;padding:.35rem .5rem;text-align:left;vertical-align:top}
        th{background:#eef}
        code{background:#f0f0f0;padding:0 .2rem}
        .incertain{color:#9a4d00}
        .refs{font-size:.85em;color:#555}
        blockquote{border-left:3px solid #ccc;margin:0;padding-left:1rem;color:#444}
        ol.references{font-size:.9em}
        """;

    public static string Write(BriefDocument d)
    {
        var sb = new StringBuilder();
        sb.AppendLine("<!DOCTYPE html>");
        sb.AppendLine("<html lang=\"fr\">");
        sb.AppendLine("<head>");
        sb.AppendLine("<meta charset=\"utf-8\">");
        sb.AppendLine("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">");
        sb.Append("<title>").Append(Escape(d.Title)).AppendLine("</title>");
        sb.Append("<style>\n").Append(Style).AppendLine("</style>");
        sb.AppendLine("</head>");
        sb.AppendLine("<body>");
        sb.AppendLine("<main>");
        sb.Append("<h1>").Append(Escape(d.Title)).AppendLine("</h1>");
        foreach (var block in d.Blocks)
        {
            switch (block)
            {
                case Heading h:
                    var n = Math.Clamp(h.Level, 1, 6).ToString(CultureInfo.InvariantCulture);
                    sb.Append("<h").Append(n).Append('>').Append(Escape(h.Text)).Append("</h").Append(n).AppendLine(">");
                    break;
                case Paragraph p:
                    sb.Append("<p>").Append(Line(p.Content)).AppendLine("</p>");
                    break;
                case Bullets l:
                    sb.AppendLine("<ul>");
                    foreach (var item in l.Items) sb.Append("<li>").Append(Line(item)).AppendLine("</li>");
                    sb.AppendLine("</ul>");
                    break;
                case Table t:
                    sb.AppendLine("<table>");
                    sb.Append("<thead><tr>").Append(string.Concat(t.Header.Select(x => $"<th>{Escape(x)}</th>"))).AppendLine("</tr></thead>");
                    sb.AppendLine("<tbody>");
                    foreach (var row in t.Rows) sb.Append("<tr>").Append(string.Concat(row.Select(c => $"<td>{Line(c)}</td>"))).AppendLine("</tr>");
                    sb.AppendLine("</tbody>");
                    sb.AppendLine("</table>");
                    break;
                case Quote q:
                    sb.Append("<blockquote>").Append(Escape(q.Text)).AppendLine("</blockquote>");
                    break;
            }
        }
        if (d.References.Count > 0)
        {
            sb.AppendLine("<h2 id=\"references\">Références</h2>");
            sb.AppendLine("<ol class=\"references\">");
            for (var i = 0; i < d.References.Count; i++)
            {
                var r = d.References[i];
                sb.Append("<li id=\"ref-").Append((i + 1).ToString(CultureInfo.InvariantCulture)).Append("\">").Append(Escape(r.Label));
                if (BriefMarkdown.SafeUrl(r.Url) is { } url) sb.Append(" — <a href=\"").Append(Escape(url)).Append("\">").Append(Escape(url)).Append("</a>");
                sb.AppendLine("</li>");
            }
            sb.AppendLine("</ol>");
        }
        sb.AppendLine("</main>");
        sb.AppendLine("</body>");
        sb.AppendLine("</html>");
        return sb.ToString();
    }

    private static string Line(IReadOnlyList<Inline> content)
    {
        var sb = new StringBuilder();
        foreach (var x in content)
        {
            switch (x.Kind)
            {
                case InlineKind.Strong:
                    sb.Append("<strong>").Append(Escape(x.Text)).Append("</strong>");
                    break;
                case InlineKind.Code:
                    sb.Append("<code>").Append(Escape(x.Text)).Append("</code>");
                    break;
                case InlineKind.Link when BriefMarkdown.SafeUrl(x.Url) is { } url:
                    sb.Append("<a href=\"").Append(Escape(url)).Append("\">").Append(Escape(x.Text)).Append("</a>");
                    break;
                case InlineKind.FileLink:
                    sb.Append("<a href=\"").Append(Escape(Uri.EscapeDataString(x.Url ?? "") + ".html")).Append("\">").Append(Escape(x.Text)).Append("</a>");
                    break;
                case InlineKind.References:
                    var numbers = (x.Numbers ?? []).Select(i => $"<a href=\"#ref-{i.ToString(CultureInfo.InvariantCulture)}\">{i.ToString(CultureInfo.InvariantCulture)}</a>");
                    sb.Append(" <span class=\"refs\">(réf. ").Append(string.Join(", ", numbers)).Append(")</span>");
                    break;
                case InlineKind.Warning:
                    sb.Append(" <span class=\"incertain\">⚠ ").Append(Escape(x.Text)).Append("</span>");
                    break;
                default:
                    sb.Append(Escape(x.Text));
                    break;
            }
        }
        return sb.ToString();
    }

    /// <summary>&amp;, &lt;, &gt;, quotes and apostrophes as entities: safe in text and in quoted attributes.</summary>
    public static string Escape(string text)
    {
        var sb = new StringBuilder(text.Length + 16);
        foreach (var c in text)
        {
            sb.Append(c switch
            {
                '&' => "&amp;",
                '<' => "&lt;",
                '>' => "&gt;",
                '"' => "&quot;",
                '\'' => "&#39;",
                _ => c.ToString(),
            });
        }
        return sb.ToString();
    }
}
