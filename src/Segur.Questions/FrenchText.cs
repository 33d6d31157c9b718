using System.Globalization;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace Segur.Questions;

/// <summary>
/// One word of a text: folded (lower case, no accents), as written with accents removed (case kept), and
/// where it stands in the text (<c>text[Start..End]</c>).
/// </summary>
public readonly record struct Token(string Folded, string Cased, int Start, int End);

/// <summary>
/// Text helpers for French documents: HTML clean-up, folding for comparison (case, accents, ligatures,
/// apostrophes, hyphens), words, sentences, and dates written in words or as dd/mm/yyyy.
/// </summary>
public static partial class FrenchText
{
    private static readonly string[] Months =
        ["janvier", "fevrier", "mars", "avril", "mai", "juin", "juillet", "aout", "septembre", "octobre", "novembre", "decembre"];

    /// <summary>
    /// Inline HTML and markup to plain text: <c>&lt;sup&gt;e&lt;/sup&gt;</c>, <c>^{re}</c> and <c>^e</c> become « e » and « re »,
    /// other tags are dropped, entities decoded, non-breaking spaces made plain, runs of spaces collapsed.
    /// </summary>
    public static string CleanInline(string text)
    {
        var s = Sup().Replace(text, "$1");
        s = Caret().Replace(s, m => m.Groups[1].Value);
        s = LineBreak().Replace(s, " ");
        s = Tag().Replace(s, "");
        s = WebUtility.HtmlDecode(s);
        s = s.Replace('\u00A0', ' ').Replace('\u202F', ' ').Replace('\u2009', ' ').Replace('\t', ' ');
        return Spaces().Replace(s, " ").Trim();
    }

    /// <summary>
    /// A block of HTML (open-data texts) to paragraphs separated by a blank line: &lt;p&gt; and &lt;br&gt; end a paragraph.
    /// </summary>
    public static string HtmlToParagraphs(string html)
    {
        var s = Breaks().Replace(html, "\n\n");
        var paragraphs = s.Replace("\r\n", "\n").Split('\n')
            .Select(CleanInline)
            .Where(p => p.Length > 0);
        return string.Join("\n\n", paragraphs);
    }

    /// <summary>Lower case, accents and ligatures removed, typographic apostrophes made plain.</summary>
    public static string Fold(string text) => RemoveAccents(text).ToLowerInvariant();

    private static string RemoveAccents(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var ch in text.Normalize(NormalizationForm.FormD))
        {
            switch (ch)
            {
                case 'œ': sb.Append("oe"); continue;
                case 'Œ': sb.Append("OE"); continue;
                case 'æ': sb.Append("ae"); continue;
                case 'Æ': sb.Append("AE"); continue;
                case '’' or 'ʼ' or '‘' or '`' or '´': sb.Append('\''); continue;
            }
            if (CharUnicodeInfo.GetUnicodeCategory(ch) != UnicodeCategory.NonSpacingMark) sb.Append(ch);
        }
        return sb.ToString().Normalize(NormalizationForm.FormC);
    }

    /// <summary>Words (letters and digits); everything else, apostrophes and hyphens included, separates them.</summary>
    public static List<Token> Tokens(string text)
    {
        var tokens = new List<Token>();
        var start = -1;
        for (var i = 0; i <= text.Length; i++)
        {
            var word = i < text.Length && (char.IsLetterOrDigit(text[i]) || (start >= 0 && CharUnicodeInfo.GetUnicodeCategory(text[i]) == UnicodeCategory.NonSpacingMark));
            if (word && start < 0) start = i;
            else if (!word && start >= 0)
            {
                var cased = RemoveAccents(text[start..i]);
                tokens.Add(new Token(cased.ToLowerInvariant(), cased, start, i));
                start = -1;
            }
        }
        return tokens;
    }

    /// <summary>Folded words only, for similarity.</summary>
    public static List<string> Words(string text) => Tokens(text).Select(t => t.Folded).ToList();

    private static readonly HashSet<string> Abbreviations = new(StringComparer.Ordinal)
    {
        "M", "MM", "Mme", "Mmes", "Mlle", "Dr", "Pr", "art", "Art", "cf", "al", "p", "n", "no", "vol", "St", "Ste",
    };

    /// <summary>
    /// Sentences of a text: a blank line always ends one; « . », « ! », « ? » and « … » end one when followed by
    /// a space and a capital, a digit or an opening quote, except after an abbreviation (M., Mme, art.).
    /// </summary>
    public static List<string> Sentences(string text)
    {
        var result = new List<string>();
        foreach (var paragraph in text.Replace("\r\n", "\n").Split("\n\n"))
        {
            var p = paragraph.Replace('\n', ' ');
            var start = 0;
            for (var i = 0; i < p.Length; i++)
            {
                var c = p[i];
                if (c is not ('.' or '!' or '?' or '…')) continue;
                var j = i + 1;
                while (j < p.Length && p[j] is '.' or '!' or '?' or '»' or ')' or '"') j++;
                if (j >= p.Length || p[j] != ' ') continue;
                var k = j;
                while (k < p.Length && p[k] == ' ') k++;
                if (k >= p.Length) continue;
                var next = p[k];
                if (!(char.IsUpper(next) || char.IsDigit(next) || next is '«' or '"' or '(' or '-' or '—')) continue;
                if (c == '.' && EndsWithAbbreviation(p, i)) continue;
                Add(result, p[start..j]);
                start = k;
                i = k - 1;
            }
            Add(result, p[start..]);
        }
        return result;
    }

    private static bool EndsWithAbbreviation(string p, int dot)
    {
        var b = dot - 1;
        while (b >= 0 && char.IsLetter(p[b])) b--;
        var word = p[(b + 1)..dot];
        return word.Length > 0 && (Abbreviations.Contains(word) || (word.Length == 1 && char.IsUpper(word[0])));
    }

    private static void Add(List<string> sentences, string s)
    {
        var t = s.Trim();
        if (t.Length > 0) sentences.Add(t);
    }

    /// <summary>
    /// Reads a date written « 10 février 2026 », « 1er juin 2025 », « mardi 2 juin 2026 » or « 02/08/2022 »
    /// at the start of <paramref name="text"/> (after optional words such as « le »). False when none is
    /// found; <paramref name="error"/> is set when a date is found but impossible (31 février).
    /// </summary>
    public static bool TryParseDate(string text, out DateOnly date, out string? error)
    {
        date = default;
        error = null;
        var folded = Fold(text);
        var m = WordDate().Match(folded);
        if (m.Success)
        {
            var shown = folded.Length == text.Length ? text.Substring(m.Index, m.Length) : m.Value;
            var day = m.Groups["d"].Value == "1er" ? 1 : int.Parse(m.Groups["d"].Value, CultureInfo.InvariantCulture);
            var month = Array.IndexOf(Months, m.Groups["m"].Value) + 1;
            var year = int.Parse(m.Groups["y"].Value, CultureInfo.InvariantCulture);
            return Build(year, month, day, shown.Trim(), out date, out error);
        }
        m = NumericDate().Match(text);
        if (m.Success)
        {
            return Build(int.Parse(m.Groups["y"].Value, CultureInfo.InvariantCulture), int.Parse(m.Groups["m"].Value, CultureInfo.InvariantCulture),
                int.Parse(m.Groups["d"].Value, CultureInfo.InvariantCulture), m.Value.Trim(), out date, out error);
        }
        return false;
    }

    private static bool Build(int year, int month, int day, string shown, out DateOnly date, out string? error)
    {
        date = default;
        error = null;
        if (month < 1 || month > 12 || day < 1 || day > DateTime.DaysInMonth(Math.Clamp(year, 1, 9999), month) || year < 1958 || year > 2199)
        {
            error = $"date « {shown} » impossible";
            return false;
        }
        date = new DateOnly(year, month, day);
        return true;
    }

    [GeneratedRegex(@"<sup>\s*([^<]*?)\s*</sup>", RegexOptions.IgnoreCase)]
    private static partial Regex Sup();

    [GeneratedRegex(@"\^\{([^}]*)\}|\^(?=\p{L})")]
    private static partial Regex Caret();

    [GeneratedRegex(@"<\s*br\s*/?\s*>", RegexOptions.IgnoreCase)]
    private static partial Regex LineBreak();

    [GeneratedRegex(@"<[^>]+>")]
    private static partial Regex Tag();

    [GeneratedRegex(@"<\s*(br|/p|p|/div|div|/li)\b[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex Breaks();

    [GeneratedRegex(@"[ ]{2,}")]
    private static partial Regex Spaces();

    [GeneratedRegex(@"^\s*(?:(?:le|du|au|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)\s+)*(?<d>1er|\d{1,2})\s+(?<m>janvier|fevrier|mars|avril|mai|juin|juillet|aout|septembre|octobre|novembre|decembre)\s+(?<y>\d{4})\b")]
    private static partial Regex WordDate();

    [GeneratedRegex(@"^\s*(?:le\s+)?(?<d>\d{1,2})/(?<m>\d{1,2})/(?<y>\d{4})\b")]
    private static partial Regex NumericDate();
}
