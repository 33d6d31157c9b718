using System.Globalization;

namespace Segur.Questions;

/// <summary>The question built from what a text page gave: missing fields noted, a page cut short refused.</summary>
internal static partial class TextQuestionReader
{
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
            p.Add($"page tronquée : les données clés s'arrêtent avant la date de publication de la question ; manque : {string.Join(", ", keyAbsent)} ; attendu une ligne « Question publiée au JO le : jj/mm/aaaa page : n » (ancienne page de l'Assemblée nationale) ou « Date : Question publiée le j mois aaaa » (page actuelle)");
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
            p.Add("texte de la réponse présent mais date de publication de la réponse introuvable ; attendu « Réponse publiée au JO le : j mois aaaa, page n » ou « … le : jj/mm/aaaa page : n » dans les données clés");
        if (s.AnswerDateSeen && !s.AnswerSection)
            p.Add("date de publication de la réponse donnée mais texte de la réponse absent ; attendu une section « Texte de la réponse »");

        if (p.Count > 0)
            throw new SegurException($"{origin} : {p[0]}", p.Skip(1).Select(x => $"{origin} : {x}").ToList());

        return new Question
        {
            Origin = origin,
            Format = QuestionFormat.Text,
            Chamber = s.Chamber ?? "AN",
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
}
