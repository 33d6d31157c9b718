using System.Globalization;
using System.Text.RegularExpressions;

namespace Segur.Questions;

/// <summary>
/// Reads a written question of senat.fr copied as text: optional title and « 16e législature », the header
/// « Question écrite n° 05294 de M. Prénom NOM (Département - Groupe) publiée dans le JO Sénat du 09/02/2023 -
/// page 876 » (or the newer « Question de Mme NOM Prénom (Département - Groupe) publiée le 27/11/2025 », the
/// page on a later « - page 5828 » line), the text, then « Transmise au Ministère … », « Réponse du Ministère …
/// publiée dans le JO Sénat du … - page … » and the answer, or « En attente de réponse du Ministère … ».
/// The Sénat page carries no rubrique and names the ministry asked only in the text: both are null.
/// </summary>
internal static partial class SenatQuestionReader
{
    /// <summary>Whether a text looks like a Sénat page (its header or « JO Sénat »).</summary>
    public static bool Recognises(IReadOnlyList<string> cleanLines) =>
        cleanLines.Any(l => l.Contains("JO Sénat", StringComparison.OrdinalIgnoreCase) || l.Contains("JO Senat", StringComparison.OrdinalIgnoreCase)
            || (Header().Match(FrenchText.Fold(l)) is { Success: true } m && m.Groups["date"].Success));

    public static Question Read(string text, string origin)
    {
        var lines = text.TrimStart('\uFEFF').Replace("\r\n", "\n").Replace('\r', '\n').Split('\n').Select(TextQuestionReader.Clean).ToList();
        if (Layouts.CutLastLine(lines) is { } cutLine) throw new SegurException($"{origin} : {cutLine}");
        var p = new List<string>();
        var notes = new List<string>();
        var events = new List<QuestionEvent>();
        int? legislature = null;
        string? title = null;
        var h = -1;
        for (var i = 0; i < lines.Count && h < 0; i++)
        {
            var f = FrenchText.Fold(lines[i]);
            if (f.Length == 0 || f is "senat" or "questions" || Layouts.IsClutter(f)) continue;
            if (Legislature().Match(f) is { Success: true } lm) legislature = int.Parse(lm.Groups[1].Value, CultureInfo.InvariantCulture);
            else if (Header().IsMatch(f)) h = i;
            else title ??= lines[i];
        }
        if (h < 0)
            throw new SegurException($"{origin} : en-tête de la question du Sénat introuvable ; attendu « Question écrite n° … de M. … (Département - Groupe) publiée dans le JO Sénat du … - page … » ; {Layouts.Accepted}");

        // The header may run over two lines (« publiée dans le JO Sénat du … » on the next one).
        var header = lines[h];
        var next = h + 1;
        while (next < lines.Count && lines[next].Length == 0) next++;
        if (!Header().Match(FrenchText.Fold(header)).Groups["date"].Success && next < lines.Count && FrenchText.Fold(lines[next]).StartsWith("publiee", StringComparison.Ordinal))
        {
            header += " " + lines[next];
            h = next;
        }
        var hm = Header().Match(FrenchText.Fold(header));
        var type = hm.Groups["type"].Value switch { "orale" => "QOSD", _ => "QE" };
        if (!hm.Groups["type"].Success) notes.Add("type de question absent de l'en-tête du Sénat : question écrite retenue");
        int? number = hm.Groups["n"].Success ? int.Parse(hm.Groups["n"].Value, CultureInfo.InvariantCulture) : null;
        if (number is null) notes.Add("numéro absent de la copie de la page du Sénat (il figure dans son adresse)");
        var open = header.IndexOf('(');
        var close = header.LastIndexOf(')');
        var author = NormaliseName(header[(header.IndexOf(" de ", StringComparison.Ordinal) + 4)..open].Trim());
        var inside = header[(open + 1)..close].Trim();
        var cut = inside.IndexOf(" - ", StringComparison.Ordinal);
        var departement = cut < 0 ? inside : inside[..cut].Trim();
        var group = cut < 0 ? null : inside[(cut + 3)..].Trim();
        if (group is null) p.Add($"ligne {h + 1} : groupe politique absent de « ({inside}) » ; attendu « (Département - Groupe) »");
        var (questionDate, questionPage) = Publication(hm, header, h + 1, "question", p);

        string? assigned = null;
        DateOnly? answerDate = null;
        int? answerPage = null;
        var questionLines = new List<string>();
        var answerLines = new List<string>();
        var inAnswer = false;
        var answerHeading = 0;
        for (var i = h + 1; i < lines.Count; i++)
        {
            var line = lines[i];
            var f = FrenchText.Fold(line);
            if (f.StartsWith("page mise a jour", StringComparison.Ordinal)) break;
            if (Layouts.IsClutter(f)) continue;
            if (PageOnly().Match(f) is { Success: true } pm)
            {
                var page = int.Parse(pm.Groups[1].Value, CultureInfo.InvariantCulture);
                if (inAnswer) answerPage ??= page; else questionPage ??= page;
                continue;
            }
            if (f.StartsWith("transmise au ", StringComparison.Ordinal) || f.StartsWith("transmise a ", StringComparison.Ordinal))
            {
                assigned = line[(line.IndexOf(' ') + 1)..].Trim()[3..].Trim().TrimEnd('.');
                continue;
            }
            if (f.StartsWith("en attente de reponse", StringComparison.Ordinal))
            {
                var m = AwaitedFrom().Match(line);
                if (m.Success) assigned ??= m.Groups[1].Value.Trim().TrimEnd('.');
                continue;
            }
            if (!inAnswer && AnswerHeader().Match(line) is { Success: true } am)
            {
                inAnswer = true;
                answerHeading = i + 1;
                var full = line;
                if (!am.Groups["date"].Success && i + 1 < lines.Count && FrenchText.Fold(lines[i + 1]).StartsWith("publiee", StringComparison.Ordinal))
                {
                    full += " " + lines[++i];
                    am = AnswerHeader().Match(full);
                }
                assigned = am.Groups["min"].Value.Trim().TrimEnd('.', ' ');
                (answerDate, answerPage) = Publication(am, full, i + 1, "réponse", p);
                continue;
            }
            (inAnswer ? answerLines : questionLines).Add(line);
        }
        var questionText = Paragraphs(questionLines);
        var answerText = Paragraphs(answerLines);
        if (questionText.Length == 0) p.Add("texte de la question introuvable après l'en-tête « Question écrite n° … »");
        else if (!TextQuestionReader.EndsSentence(questionText))
            p.Add($"page tronquée : le texte de la question s'arrête au milieu d'une phrase (« …{TextQuestionReader.Tail(questionText)} ») ; manque la fin du texte de la question");
        if (inAnswer && answerText.Length == 0) p.Add($"ligne {answerHeading} : page tronquée : manque le texte de la réponse sous « Réponse du … publiée dans le JO Sénat du … »");
        else if (inAnswer && !TextQuestionReader.EndsSentence(answerText))
            p.Add($"page tronquée : le texte de la réponse s'arrête au milieu d'une phrase (« …{TextQuestionReader.Tail(answerText)} ») ; manque la fin de la réponse");
        if (p.Count > 0)
            throw new SegurException($"{origin} : {p[0]}", p.Skip(1).Select(x => $"{origin} : {x}").ToList());
        notes.Add("page du Sénat : ni rubrique ni ministère interrogé (nommé seulement dans le texte)");
        if (title is null) notes.Add("page du Sénat copiée sans titre");
        return new Question
        {
            Origin = origin,
            Format = QuestionFormat.Text,
            Chamber = "Senat",
            Type = type,
            Legislature = legislature,
            Number = number,
            Title = title ?? "",
            Author = author,
            Departement = departement,
            Group = group,
            Rubrique = null,
            MinistryAsked = null,
            MinistryAssigned = assigned,
            QuestionDate = questionDate,
            QuestionPage = questionPage,
            AnswerDate = answerDate,
            AnswerPage = answerPage,
            QuestionText = questionText,
            AnswerText = answerText.Length == 0 ? null : answerText,
            Events = events,
            Notes = notes,
        };
    }

    private static (DateOnly?, int?) Publication(Match m, string line, int number, string what, List<string> problems)
    {
        if (!m.Groups["date"].Success)
        {
            problems.Add($"ligne {number} : date de publication de la {what} introuvable dans « {line} » ; attendu « publiée dans le JO Sénat du jj/mm/aaaa - page n »");
            return (null, null);
        }
        if (!FrenchText.TryParseDate(m.Groups["date"].Value, out var d, out var error))
        {
            problems.Add($"ligne {number} : {error ?? $"date « {m.Groups["date"].Value} » illisible"} pour la publication de la {what}");
            return (null, null);
        }
        return (d, m.Groups["page"].Success ? int.Parse(m.Groups["page"].Value, CultureInfo.InvariantCulture) : null);
    }

    /// <summary>« Mme SCHILLINGER Patricia » or « M. Jean-Pierre MOGA » to « Mme Patricia Schillinger », « M. Jean-Pierre Moga ».</summary>
    internal static string NormaliseName(string raw)
    {
        var words = raw.Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList();
        if (words.Count < 2) return raw;
        var civility = words[0];
        var rest = words.Skip(1).ToList();
        bool Upper(string w) => w.Count(char.IsLetter) >= 2 && w.Where(char.IsLetter).All(char.IsUpper);
        if (!rest.Any(Upper)) return raw;
        var surname = new List<string>();
        var given = new List<string>();
        for (var i = 0; i < rest.Count; i++)
        {
            var particle = rest[i] is "de" or "du" or "des" or "d'" or "le" or "la" && i + 1 < rest.Count && Upper(rest[i + 1]);
            (Upper(rest[i]) || particle ? surname : given).Add(Upper(rest[i]) ? TitleCase(rest[i]) : rest[i]);
        }
        return string.Join(' ', new[] { civility }.Concat(given).Concat(surname));
    }

    private static string TitleCase(string w)
    {
        var chars = w.ToLowerInvariant().ToCharArray();
        for (var i = 0; i < chars.Length; i++)
            if (i == 0 || chars[i - 1] is '-' or '\'' or '’') chars[i] = char.ToUpperInvariant(chars[i]);
        return new string(chars);
    }

    private static string Paragraphs(List<string> lines)
    {
        var paragraphs = new List<string>();
        var current = new List<string>();
        foreach (var l in lines.Append(""))
        {
            if (l.Length > 0) { current.Add(l); continue; }
            if (current.Count > 0) paragraphs.Add(string.Join(" ", current));
            current.Clear();
        }
        return string.Join("\n\n", paragraphs);
    }

    [GeneratedRegex(@"^(\d{1,2})\s*(?:e|eme|er|ere|re)?\s+legislature$")]
    private static partial Regex Legislature();

    [GeneratedRegex(@"^question(?:\s+(?<type>ecrite|orale))?(?:\s+n\s*[°ºo]?\s*(?<n>\d+))?(?:\s*-\s*\d{1,2}\s*(?:e|eme)?\s+legislature)?\s+de\s+(?:m\.|mme|mmes|mm\.)\s+[^()]+\([^()]+\)\s*(?:publiee\s+(?:dans\s+le\s+jo\s+senat\s+)?(?:du|le)\s+(?<date>\d{1,2}/\d{1,2}/\d{4}|\d{1,2}(?:er)?\s+\p{L}+\s+\d{4})(?:\s*-\s*page\s*(?<page>\d+))?)?\s*\.?$")]
    private static partial Regex Header();

    [GeneratedRegex(@"^r[ée]ponse\s+(?:du|de\s+la|de\s+l'|de\s+l’|de|des)\s+(?<min>.+?)(?:\s*-?\s+publi[ée]e\s+(?:dans\s+le\s+JO\s+S[ée]nat\s+)?(?:du|le)\s+(?<date>\d{1,2}/\d{1,2}/\d{4}|\d{1,2}(?:er)?\s+\p{L}+\s+\d{4})(?:\s*-\s*page\s*(?<page>\d+))?)?\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex AnswerHeader();

    [GeneratedRegex(@"^-?\s*page\s+(\d+)\s*$")]
    private static partial Regex PageOnly();

    [GeneratedRegex(@"[Rr]éponse d[ue]s?\s+(?:la\s+|l')?(.+)$")]
    private static partial Regex AwaitedFrom();
}
