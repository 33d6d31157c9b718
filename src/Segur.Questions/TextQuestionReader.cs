using System.Globalization;
using System.Text.RegularExpressions;

namespace Segur.Questions;

/// <summary>
/// Reads a question published as text or markdown: the Assemblée nationale page copied as text, with
/// headings with or without <c>#</c>, labels in bold or not, links <c>[texte](#)</c>, and HTML bits
/// (<c>&lt;sup&gt;e&lt;/sup&gt;</c>, <c>^{re}</c>, entities). Every field it cannot find or read is reported, in
/// French, with the line and what was expected.
/// </summary>
internal static partial class TextQuestionReader
{
    private enum Section { Header, Question, Answer, KeyData }

    private sealed class State
    {
        public readonly List<string> Problems = [];
        public readonly List<string> Notes = [];
        public readonly List<QuestionEvent> Events = [];
        public readonly List<KeyValuePair<string, string>> Other = [];
        public readonly Dictionary<string, int> Seen = new(StringComparer.Ordinal);
        public int? Legislature;
        /// <summary>« Senat » when something on the page names the Sénat (a mirror copy read by this reader); null: AN.</summary>
        public string? Chamber;
        public int? HeaderNumber;
        public string? HeaderType;
        public int? DataNumber;
        public string? DataType;
        public string? Title;
        public string? Analysis;
        public string? Author;
        public bool AuthorOnNextLine;
        public string? ParenthesisDepartement;
        public string? ParenthesisGroup;
        public string? ConstituencyLine;
        public int ConstituencyLineNumber;
        public string? Rubrique;
        public string? MinistryAsked;
        public string? MinistryAssigned;
        public DateOnly? QuestionDate;
        public int? QuestionPage;
        public DateOnly? AnswerDate;
        public int? AnswerPage;
        public bool QuestionDateSeen;
        public bool AnswerDateSeen;
        public readonly List<(int Line, string Text)> QuestionLines = [];
        public readonly List<(int Line, string Text)> AnswerLines = [];
        public bool QuestionSection;
        public bool KeyDataSeen;
        public bool LastKeyWasEvent;
        public readonly List<string> Absent = [];
        public bool AnswerSection;
    }

    public static Question Read(string text, string origin)
    {
        var lines = text.TrimStart('\uFEFF').Replace("\r\n", "\n").Replace('\r', '\n').Split('\n');
        var s = new State();
        if (lines.All(l => l.Trim().Length == 0))
            throw new SegurException($"{origin} : document vide ; attendu une question écrite publiée ; {Layouts.Accepted}");
        if (Layouts.CutLastLine(lines.Select(Clean)) is { } cut) throw new SegurException($"{origin} : {cut}");
        if (Layouts.NamesSenat(lines.Select(Clean))) s.Chamber = "Senat";

        // The new page layout may run the question text straight after the header, without a heading.
        var questionHeading = lines.Any(l => FrenchText.Fold(Clean(l)).TrimEnd(':', ' ') == "texte de la question");
        var section = Section.Header;
        for (var i = 0; i < lines.Length; i++)
        {
            var number = i + 1;
            var clean = Clean(lines[i]);
            if (clean.Length == 0)
            {
                if (section == Section.Question) s.QuestionLines.Add((number, ""));
                if (section == Section.Answer) s.AnswerLines.Add((number, ""));
                continue;
            }
            var folded = FrenchText.Fold(clean).TrimEnd(':', ' ');
            if (s.AuthorOnNextLine)
            {
                // Browser copy: « Question de : » then the name on its own line.
                s.AuthorOnNextLine = false;
                s.Author ??= clean;
                continue;
            }
            if (Layouts.IsClutter(folded)) continue;
            if (section != Section.KeyData && Layouts.KeyDataLine(clean) is { } kd && (kd.Arrow || Layouts.IsKeyLabel(kd.Label)))
            {
                // Key data without a « Données clés » heading (browser copy), or « Libellé > valeur » (older AN page).
                if (section != Section.Header) section = Section.KeyData;
                lines[i] = kd.Label + " : " + kd.Value;
                i = KeyData(s, lines, i, lines[i]);
                continue;
            }
            switch (folded)
            {
                case "texte de la question":
                    section = Section.Question;
                    s.QuestionSection = true;
                    continue;
                case "texte de la reponse":
                    section = Section.Answer;
                    s.AnswerSection = true;
                    continue;
                case "donnees cles" or "donnees cle" or "date(s) cle(s)" or "dates cles" or "date cle" or "dates cle":
                    section = Section.KeyData;
                    continue;
            }
            if (section != Section.KeyData && AnswerHeading().Match(folded) is { Success: true } ah)
            {
                // New layout: « Réponse publiée le 12 mars 2024 » then the answer.
                SetDate(s, ah.Groups[1].Value, number, answer: true, "Réponse publiée le");
                section = Section.Answer;
                s.AnswerSection = true;
                continue;
            }
            switch (section)
            {
                case Section.Header:
                    if (Header(s, clean, folded, number)) break;
                    if (!questionHeading && Opening().IsMatch(clean))
                    {
                        // A copy (mirror page) that runs straight into the text: « Mme X attire l'attention de … ».
                        s.Notes.Add($"section « Texte de la question » absente : le texte de la question est pris à partir de la ligne {number} (phrase d'ouverture « {Shorten(clean, 40)} »)");
                        section = Section.Question;
                        s.QuestionSection = true;
                        s.QuestionLines.Add((number, clean));
                        break;
                    }
                    if (s.Title is null)
                    {
                        s.Title = clean;
                        break;
                    }
                    if (!questionHeading && s.Author is not null)
                    {
                        s.Notes.Add($"section « Texte de la question » absente : le texte de la question est pris à partir de la ligne {number}, après l'en-tête");
                        section = Section.Question;
                        s.QuestionSection = true;
                        s.QuestionLines.Add((number, clean));
                        break;
                    }
                    s.Notes.Add($"ligne {number} : « {Shorten(clean)} » non reconnue dans l'en-tête (le titre est déjà « {Shorten(s.Title)} ») : ignorée");
                    break;
                case Section.Question:
                    s.QuestionLines.Add((number, clean));
                    break;
                case Section.Answer:
                    s.AnswerLines.Add((number, clean));
                    break;
                case Section.KeyData:
                    i = KeyData(s, lines, i, clean);
                    break;
            }
        }
        return Build(s, origin);
    }

    /// <summary>One line as plain text: heading marks, bold, emphasis and links removed, HTML cleaned.</summary>
    internal static string Clean(string raw)
    {
        var s = raw.Trim();
        s = HeadingMark().Replace(s, "");
        s = s.Replace("**", "").Replace("__", "");
        s = Link().Replace(s, "$1");
        if (s.Length > 2 && s[0] == '*' && s[^1] == '*') s = s[1..^1];
        return FrenchText.CleanInline(s);
    }

    /// <summary>A recognised header line (chamber, legislature, number, author, constituency, signalement); false otherwise.</summary>
    private static bool Header(State s, string clean, string folded, int line)
    {
        if (folded is "assemblee nationale" or "question ecrite" or "question orale sans debat" or "question au gouvernement")
        {
            if (folded != "assemblee nationale") s.HeaderType ??= TypeOf(folded["question ".Length..]);
            return true;
        }
        if (MirrorNumberLine().Match(folded) is { Success: true } mn)
        {
            // Mirror sites: nossenateurs.fr writes « Question écrite N° 5294 au Ministère de la transformation », the type
            // before the number; nosdeputes.fr writes « Question N° 5104 au Ministère de l'intérieur » (read below).
            s.Chamber ??= "Senat";
            s.HeaderType = TypeOf(mn.Groups[1].Value);
            s.HeaderNumber = int.Parse(mn.Groups[2].Value, CultureInfo.InvariantCulture);
            var at = clean.IndexOf(" au ", StringComparison.OrdinalIgnoreCase);
            if (at > 0) s.MinistryAsked ??= clean[(at + 4)..].Trim();
            return true;
        }
        if (folded.StartsWith("question soumise le ", StringComparison.Ordinal))
        {
            SetDate(s, clean["Question soumise le ".Length..].Trim(), line, answer: false, "Question soumise le");
            return true;
        }
        if (OldNumberLine().Match(folded) is { Success: true } on)
        {
            // Older AN page: « Question N° 155 », the type on a line of its own.
            s.HeaderNumber = int.Parse(on.Groups[1].Value, CultureInfo.InvariantCulture);
            return true;
        }
        if (s.Author is null && OldAuthorLine().Match(clean) is { Success: true } oa)
        {
            // Older AN page: « de Mme Karine Lebon ( Gauche démocrate et républicaine - NUPES - Réunion ) ».
            s.Author = oa.Groups["name"].Value.Trim();
            var inside = oa.Groups["inside"].Value.Trim();
            var cut = inside.LastIndexOf(" - ", StringComparison.Ordinal);
            s.ParenthesisGroup = cut < 0 ? inside : inside[..cut].Trim();
            s.ParenthesisDepartement = cut < 0 ? null : inside[(cut + 3)..].Trim();
            return true;
        }
        if (LegislatureLine().Match(folded) is { Success: true } lm)
        {
            s.Legislature = int.Parse(lm.Groups[1].Value, CultureInfo.InvariantCulture);
            return true;
        }
        if (NumberLine().Match(folded) is { Success: true } nm)
        {
            s.HeaderType = TypeOf(nm.Groups[1].Value);
            s.HeaderNumber = int.Parse(nm.Groups[2].Value, CultureInfo.InvariantCulture);
            return true;
        }
        if (folded.StartsWith("question de :", StringComparison.Ordinal) || folded.StartsWith("question de m", StringComparison.Ordinal))
        {
            // New layout: « Question de : M. Guillaume Gouffier Valente ».
            var name = clean[(clean.IndexOf(':') is var c and >= 0 ? c + 1 : "Question de".Length)..].Trim();
            if (name.Length == 0) s.AuthorOnNextLine = true;
            else s.Author ??= name;
            return true;
        }
        if (s.ConstituencyLine is null && clean.Length < 200 && ConstituencyValue().IsMatch(clean))
        {
            // New layout: « Val-de-Marne (6e circonscription) - Ensemble pour la République » under the author.
            s.ConstituencyLine = clean;
            s.ConstituencyLineNumber = line;
            return true;
        }
        foreach (var (start, label) in Layouts.EventLines)
        {
            if (!folded.StartsWith(start, StringComparison.Ordinal)) continue;
            AddEvent(s, label, clean[start.Length..], line);
            return true;
        }
        return false;
    }

    private static string Shorten(string s, int max = 80) => s.Length <= max ? s : s[..(max - 3)] + "…";

    [GeneratedRegex(@"^(?<name>(?:M\.|Mme|MM\.|Mmes)\s+\p{Lu}[\p{L}'’.\-]*(?:\s+(?:de\s+|du\s+|d'|le\s+|la\s+)?\p{Lu}[\p{L}'’.\-]*){0,4})\s+(?:attire|appelle|interroge|alerte|souhaite|questionne|demande|sollicite|rappelle)\b")]
    private static partial Regex Opening();

    [GeneratedRegex(@"^#{1,6}\s*")]
    private static partial Regex HeadingMark();

    [GeneratedRegex(@"\[([^\]]*)\]\([^)]*\)")]
    private static partial Regex Link();

    [GeneratedRegex(@"^(\d{1,2})\s*(?:e|eme|er|ere|re)?\s+legislature$")]
    private static partial Regex LegislatureLine();

    [GeneratedRegex(@"^question\s+(ecrite|orale sans debat|au gouvernement|orale)\s+n\s*[°ºo]?\s*(\d+)\s*:?$")]
    private static partial Regex NumberLine();

    [GeneratedRegex(@"^question\s+(ecrite|orale sans debat|au gouvernement|orale)\s+n\s*[°ºo]?\s*(\d+)\s+au\s+.+$")]
    private static partial Regex MirrorNumberLine();

    [GeneratedRegex(@"^question\s+n\s*[°ºo]?\s*(\d+)\s*:?$")]
    private static partial Regex OldNumberLine();

    [GeneratedRegex(@"^de\s+(?<name>(?:M\.|Mme|MM\.|Mmes)\s+[^()]+?)\s*\((?<inside>[^()]+)\)\s*$")]
    private static partial Regex OldAuthorLine();

    [GeneratedRegex(@"^reponse publiee le\s+(.+)$")]
    private static partial Regex AnswerHeading();

    [GeneratedRegex(@"^(?<label>[^:]{2,80}?)\s*:\s*(?<value>.*)$")]
    private static partial Regex LabelLine();

    [GeneratedRegex(@"\bpage\s*:?\s*(\d+)\b")]
    private static partial Regex PagePart();

    [GeneratedRegex(@"\d{4}\s*(?:\((.+)\)|[-–—,]\s*(.+))?\s*$")]
    private static partial Regex DetailAfterDate();

    [GeneratedRegex(@"^(?<dep>[^()]+?)\s*\(\s*(?<n>\d{1,2})\s*(?:e|er|re|ère|ere|ème|eme)?\s+circonscription\s*\)\s*(?:[-–—]\s*(?<g>.*))?$", RegexOptions.IgnoreCase)]
    private static partial Regex ConstituencyValue();
}
