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
            // Mirror sites (nosdeputes.fr, nossenateurs.fr): « Question écrite N° 5294 au Ministère de la transformation ».
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

    /// <summary>One « Libellé : valeur » line of the key data; returns the index of the last line used.</summary>
    private static int KeyData(State s, string[] lines, int i, string clean)
    {
        s.KeyDataSeen = true;
        var line = i + 1;
        var m = LabelLine().Match(clean);
        if (!m.Success)
        {
            if (Layouts.EventLines.FirstOrDefault(e => FrenchText.Fold(clean).StartsWith(e.Start, StringComparison.Ordinal)) is { Start: not null } ev)
            {
                AddEvent(s, ev.Label, clean[ev.Start.Length..], line);
                return i;
            }
            if (s.Events.Count > 0 && s.Events[^1].Detail is null && s.LastKeyWasEvent && clean.Length <= 60)
            {
                // « Date de clôture : 21 juin 2022 » then « Fin de mandat »: the reason, on its own line.
                s.Events[^1] = s.Events[^1] with { Detail = clean };
                return i;
            }
            s.Problems.Add($"ligne {line} : « {Shorten(clean)} » illisible dans les données clés ; attendu « Libellé : valeur » (ex. « Rubrique : Professions et activités sociales »)");
            return i;
        }
        s.LastKeyWasEvent = false;
        var label = m.Groups["label"].Value.Trim();
        var value = m.Groups["value"].Value.Trim();
        if (value.Length == 0)
        {
            // The value may sit on the next non-empty line.
            var j = i + 1;
            while (j < lines.Length && Clean(lines[j]).Length == 0) j++;
            if (j < lines.Length && !LabelLine().IsMatch(Clean(lines[j])))
            {
                value = Clean(lines[j]);
                i = j;
            }
        }
        var key = FrenchText.Fold(label);
        if (key == "date" && FrenchText.Fold(value).StartsWith("question publiee le", StringComparison.Ordinal))
        {
            key = "question publiee le";
            value = value["Question publiée le".Length..].Trim();
        }
        else if (key == "date" && FrenchText.Fold(value).StartsWith("reponse publiee le", StringComparison.Ordinal))
        {
            key = "reponse publiee le";
            value = value["Réponse publiée le".Length..].Trim();
        }
        switch (key)
        {
            case "auteur":
                Once(s, key, line, label, () => s.Author = value);
                break;
            case "circonscription":
                Once(s, key, line, label, () => { s.ConstituencyLine = value; s.ConstituencyLineNumber = line; });
                break;
            case "type de question":
                Once(s, key, line, label, () =>
                {
                    var t = TypeOf(FrenchText.Fold(value).Replace("question ", ""));
                    if (t is null) s.Problems.Add($"ligne {line} : type de question « {value} » inconnu ; attendu Question écrite, Question orale sans débat ou Question au Gouvernement");
                    s.DataType = t;
                });
                break;
            case "numero de la question":
                Once(s, key, line, label, () =>
                {
                    if (int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0) s.DataNumber = n;
                    else s.Problems.Add($"ligne {line} : numéro de la question « {value} » illisible ; attendu un nombre entier (ex. 12835)");
                });
                break;
            case "rubrique":
                Once(s, key, line, label, () => s.Rubrique = value);
                break;
            case "ministere interroge":
                Once(s, key, line, label, () => s.MinistryAsked = value);
                break;
            case "ministere attributaire" or "ministere repondant":
                Once(s, "ministere attributaire", line, label, () => s.MinistryAssigned = value);
                break;
            case "question publiee au jo le" or "question publiee le":
                Once(s, "question publiee", line, label, () => SetDate(s, value, line, answer: false, label));
                break;
            case "reponse publiee au jo le" or "reponse publiee le":
                Once(s, "reponse publiee", line, label, () => SetDate(s, value, line, answer: true, label));
                break;
            case "date de changement d'attribution":
                AddEvent(s, "Changement d'attribution", value, line);
                break;
            case "date de signalement":
                AddEvent(s, "Question signalée", value, line);
                break;
            case "date de renouvellement":
                AddEvent(s, "Question renouvelée", value, line);
                break;
            case "question retiree le":
                AddEvent(s, "Question retirée", value, line);
                break;
            case "question caduque le" or "date de caducite":
                AddEvent(s, "Question caduque", value, line);
                break;
            case "question signalee le":
                AddEvent(s, "Question signalée", value, line);
                break;
            case "tete d'analyse":
                s.Other.Add(KeyValuePair.Create(label, value));
                s.Analysis ??= value;
                break;
            case "analyse":
                Once(s, key, line, label, () => s.Analysis = value);
                break;
            case "date de cloture":
                AddEvent(s, "Question close", value, line);
                break;
            default:
                if (value.Length == 0)
                    s.Problems.Add($"ligne {line} : « {label} » sans valeur dans les données clés ; attendu « {label} : valeur »");
                else s.Other.Add(KeyValuePair.Create(label, value));
                break;
        }
        return i;
    }

    private static void Once(State s, string key, int line, string label, Action set)
    {
        if (s.Seen.TryGetValue(key, out var first))
        {
            s.Problems.Add($"ligne {line} : « {label} » en double (déjà donné ligne {first}) ; attendu une seule valeur");
            return;
        }
        s.Seen[key] = line;
        set();
    }

    private static void SetDate(State s, string value, int line, bool answer, string label)
    {
        if (answer) s.AnswerDateSeen = true; else s.QuestionDateSeen = true;
        var what = answer ? "réponse" : "question";
        if (value.Length == 0)
        {
            s.Problems.Add($"ligne {line} : « {label} » sans date ; attendu « {label} : 10 février 2026, page 1096 » ou « 10/02/2026 page : 1096 »");
            return;
        }
        if (!FrenchText.TryParseDate(value, out var date, out var error))
        {
            s.Problems.Add(error is null
                ? $"ligne {line} : date de publication de la {what} illisible (« {Shorten(value)} ») ; attendu « 10 février 2026, page 1096 » ou « 10/02/2026 page : 1096 »"
                : $"ligne {line} : {error} pour la publication de la {what}");
            return;
        }
        int? page = null;
        var folded = FrenchText.Fold(value);
        if (folded.Contains("page", StringComparison.Ordinal))
        {
            var pm = PagePart().Match(folded);
            if (pm.Success) page = int.Parse(pm.Groups[1].Value, CultureInfo.InvariantCulture);
            else s.Problems.Add($"ligne {line} : page du Journal officiel illisible dans « {Shorten(value)} » ; attendu « page 1096 »");
        }
        if (answer) { s.AnswerDate = date; s.AnswerPage = page; }
        else { s.QuestionDate = date; s.QuestionPage = page; }
    }

    private static void AddEvent(State s, string label, string value, int line)
    {
        var v = value.Trim().TrimStart(':').Trim();
        if (!FrenchText.TryParseDate(v, out var d, out var error))
        {
            s.Problems.Add($"ligne {line} : {(error ?? $"date illisible (« {Shorten(v)} »)")} pour « {label} » ; attendu une date « 22 novembre 2022 » ou « 22/11/2022 »");
            return;
        }
        var detail = DetailAfterDate().Match(v);
        var text = detail.Success ? (detail.Groups[1].Success ? detail.Groups[1].Value : detail.Groups[2].Value).Trim() : "";
        s.Events.Add(new QuestionEvent(label, d, text.Length == 0 ? null : text));
        s.LastKeyWasEvent = true;
    }

    private static string? TypeOf(string folded) => folded.Trim() switch
    {
        "ecrite" => "QE",
        "orale sans debat" or "orale" => "QOSD",
        "au gouvernement" => "QG",
        _ => null,
    };

    private static Question Build(State s, string origin)
    {
        var p = s.Problems;
        if (s.Title is null && s.Analysis is not null) s.Title = s.Analysis;
        var absent = s.Absent;
        if (s.Legislature is null) absent.Add("législature");
        if (s.HeaderNumber is not null && s.DataNumber is not null && s.HeaderNumber != s.DataNumber)
            p.Add($"numéro de la question incohérent : « n° {s.HeaderNumber} » dans l'en-tête, « {s.DataNumber} » dans les données clés");
        var number = s.HeaderNumber ?? s.DataNumber;
        if (number is null) absent.Add("numéro");
        if (s.HeaderType is not null && s.DataType is not null && s.HeaderType != s.DataType)
            p.Add($"type de question incohérent : « {Question.TypeLabel(s.HeaderType)} » dans l'en-tête, « {Question.TypeLabel(s.DataType)} » dans les données clés");
        var type = s.HeaderType ?? s.DataType;
        if (type is null) absent.Add("type de question");
        if (s.Title is null) absent.Add("titre");
        if (s.Author is null && s.QuestionLines.FirstOrDefault(l => l.Text.Length > 0).Text is { } first && Opening().Match(first) is { Success: true } om)
        {
            s.Author = om.Groups["name"].Value;
            s.Notes.Add("auteur pris dans la phrase d'ouverture du texte (absent de l'en-tête de la copie)");
        }
        if (s.Author is null) absent.Add("auteur");
        string? constituency = null, departement = null, group = null;
        int? constituencyNumber = null;
        if (s.ConstituencyLine is null && s.ParenthesisGroup is not null)
        {
            departement = s.ParenthesisDepartement;
            group = s.ParenthesisGroup;
        }
        else if (s.ConstituencyLine is null) absent.Add("circonscription et groupe");
        else
        {
            var cm = ConstituencyValue().Match(s.ConstituencyLine);
            if (!cm.Success)
                p.Add($"ligne {s.ConstituencyLineNumber} : circonscription « {Shorten(s.ConstituencyLine)} » illisible ; attendu « Département (4e circonscription) - Groupe »");
            else
            {
                departement = cm.Groups["dep"].Value.Trim();
                constituencyNumber = int.Parse(cm.Groups["n"].Value, CultureInfo.InvariantCulture);
                constituency = $"{departement} ({constituencyNumber}{(constituencyNumber == 1 ? "re" : "e")} circonscription)";
                group = cm.Groups["g"].Value.Trim();
                if (group.Length == 0)
                    p.Add($"ligne {s.ConstituencyLineNumber} : groupe politique absent de « {Shorten(s.ConstituencyLine)} » ; attendu « Département (4e circonscription) - Groupe »");
            }
        }
        var keyAbsent = new List<string>();
        if (s.Rubrique is null) keyAbsent.Add("rubrique");
        if (s.MinistryAsked is null) keyAbsent.Add("ministère interrogé");
        if (s.MinistryAssigned is null) keyAbsent.Add("ministère attributaire");
        if (!s.QuestionDateSeen) keyAbsent.Add("date de publication de la question");
        if (s.KeyDataSeen && !s.QuestionDateSeen)
            p.Add($"page tronquée : les données clés s'arrêtent avant la date de publication de la question ; manque : {string.Join(", ", keyAbsent)} ; attendu « Question publiée au JO le : 19/07/2022 page : 3468 » ou « Date : Question publiée le 10 février 2026 »");
        else absent.AddRange(keyAbsent);

        var questionText = Paragraphs(s.QuestionLines, "texte de la question", s.Notes);
        if (!s.QuestionSection) p.Add($"texte de la question introuvable ; attendu une section « Texte de la question » ou la phrase d'ouverture « M. … attire l'attention de … » ; {Layouts.Accepted}");
        else if (questionText.Length == 0) p.Add("texte de la question vide sous « Texte de la question »");
        else if (!EndsSentence(questionText.TrimEnd()))
            p.Add($"page tronquée : le texte de la question s'arrête au milieu d'une phrase (« …{Tail(questionText.TrimEnd())} ») ; manque la fin du texte de la question{(s.KeyDataSeen ? "" : " et les données clés")}");
        if (absent.Count > 0) s.Notes.Add($"absent de la copie : {string.Join(", ", absent)} (champ laissé vide)");
        var answerText = Paragraphs(s.AnswerLines, "texte de la réponse", s.Notes);
        if (s.AnswerSection && answerText.Length == 0 && s.AnswerDateSeen) p.Add("page tronquée : manque le texte de la réponse sous « Texte de la réponse » (sa date de publication est donnée)");
        else if (s.AnswerSection && answerText.Length == 0) s.Notes.Add("titre « Texte de la réponse » sans texte ni date de réponse : aucune réponse publiée");
        else if (answerText.Length > 0 && !EndsSentence(answerText.TrimEnd()))
            p.Add($"page tronquée : le texte de la réponse s'arrête au milieu d'une phrase (« …{Tail(answerText.TrimEnd())} ») ; manque la fin de la réponse{(s.KeyDataSeen ? "" : " et les données clés")}");
        if (answerText.Length > 0 && !s.AnswerDateSeen)
            p.Add("texte de la réponse présent mais date de publication de la réponse introuvable ; attendu « Réponse publiée au JO le : 24 octobre 2023, page 9555 » dans les données clés");
        if (s.AnswerDateSeen && !s.AnswerSection)
            p.Add("date de publication de la réponse donnée mais texte de la réponse absent ; attendu une section « Texte de la réponse »");

        if (p.Count > 0)
            throw new SegurException($"{origin} : {p[0]}", p.Skip(1).Select(x => $"{origin} : {x}").ToList());

        return new Question
        {
            Origin = origin,
            Format = QuestionFormat.Text,
            Type = type,
            Legislature = s.Legislature,
            Number = number,
            Title = s.Title ?? "",
            Author = s.Author,
            Constituency = constituency,
            Departement = departement,
            ConstituencyNumber = constituencyNumber,
            Group = group,
            Rubrique = s.Rubrique,
            MinistryAsked = s.MinistryAsked,
            MinistryAssigned = s.MinistryAssigned,
            QuestionDate = s.QuestionDate,
            QuestionPage = s.QuestionPage,
            AnswerDate = s.AnswerDate,
            AnswerPage = s.AnswerPage,
            QuestionText = questionText,
            AnswerText = answerText.Length == 0 ? null : answerText,
            Events = s.Events.OrderBy(e => e.Date).ToList(),
            OtherData = s.Other,
            Notes = s.Notes,
        };
    }

    /// <summary>
    /// Lines to paragraphs separated by a blank line. A paragraph that ends without punctuation and is
    /// followed by one starting in lower case was cut mid-sentence by the copy: the two are joined, with a note.
    /// </summary>
    private static string Paragraphs(List<(int Line, string Text)> lines, string what, List<string> notes)
    {
        var paragraphs = new List<(int Line, string Text)>();
        var current = new List<string>();
        var start = 0;
        foreach (var (line, text) in lines.Append((0, "")))
        {
            if (text.Length == 0)
            {
                if (current.Count > 0) paragraphs.Add((start, string.Join(" ", current)));
                current.Clear();
                continue;
            }
            if (current.Count == 0) start = line;
            current.Add(text);
        }
        var joined = new List<string>();
        for (var i = 0; i < paragraphs.Count; i++)
        {
            var text = paragraphs[i].Text;
            if (joined.Count > 0 && char.IsLower(text[0]) && !EndsSentence(joined[^1]))
            {
                notes.Add($"{what} : paragraphe coupé en milieu de phrase avant la ligne {paragraphs[i].Line} (« …{Tail(joined[^1])} / {Head(text)}… ») ; les deux parties ont été recollées");
                joined[^1] = joined[^1] + " " + text;
            }
            else joined.Add(text);
        }
        return string.Join("\n\n", joined);
    }

    internal static bool EndsSentence(string text) => text.Length > 0 && text[^1] is '.' or '!' or '?' or '…' or ':' or '»' or '"' or ')' or ';';

    internal static string Tail(string s) => s.Length <= 30 ? s : s[^30..];
    private static string Head(string s) => s.Length <= 30 ? s : s[..30];

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
