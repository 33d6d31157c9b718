using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Segur.Questions;

/// <summary>
/// Reads one question of the Assemblée nationale open data (JSON, root object <c>question</c>; see
/// docs/questions.md and the domain note on formats). Objects that may be one element or a list
/// (<c>minAttrib</c>, <c>texteQuestion</c>, <c>texteReponse</c>, <c>analyse</c>) are accepted in both forms;
/// <c>{"@xsi:nil": "true"}</c> counts as null. The author's name is not in this format (only the
/// <c>acteurRef</c>): the question says so in its notes.
/// </summary>
internal static class OpenDataQuestionReader
{
    public static Question Read(string json, string origin)
    {
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(json, documentOptions: new JsonDocumentOptions { AllowTrailingCommas = false, CommentHandling = JsonCommentHandling.Disallow });
        }
        catch (JsonException e)
        {
            throw new SegurException($"{origin}, ligne {(e.LineNumber ?? 0) + 1}, colonne {(e.BytePositionInLine ?? 0) + 1} : JSON invalide{(json.TrimEnd().EndsWith('}') ? "" : " (document tronqué : manque la fin, le texte s'arrête avant l'accolade fermante)")} ; attendu une question des données ouvertes de l'Assemblée nationale ({{\"question\": {{…}}}})");
        }
        if (root is not JsonObject top || Child(top, "question") is not JsonObject q)
            throw new SegurException($"{origin} : objet « question » introuvable à la racine ; attendu une question des données ouvertes de l'Assemblée nationale ({{\"question\": {{\"uid\": \"QANR5L16QE1039\", …}}}})");

        var p = new List<string>();
        var notes = new List<string>();
        var events = new List<QuestionEvent>();

        var legislature = Int(q, "identifiant.legislature", p, required: true);
        var number = Int(q, "identifiant.numero", p, required: true);
        var type = Text(q, "type");
        var uid = Text(q, "uid");
        if (type is null && uid is not null && legislature is not null && number is not null)
        {
            var prefix = $"QANR5L{legislature}";
            if (uid.StartsWith(prefix, StringComparison.Ordinal) && uid.EndsWith(number.Value.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal))
                type = uid[prefix.Length..^number.Value.ToString(CultureInfo.InvariantCulture).Length];
        }
        if (type is null) p.Add("question.type manquant ; attendu QE, QOSD ou QG");
        else if (type is not ("QE" or "QOSD" or "QG")) p.Add($"question.type « {type} » inconnu ; attendu QE, QOSD ou QG");
        if (uid is not null && type is not null && legislature is not null && number is not null && uid != $"QANR5L{legislature}{type}{number}")
            p.Add($"question.uid « {uid} » incohérent avec identifiant et type ; attendu QANR5L{legislature}{type}{number}");

        var analyses = Child(q, "indexationAN.analyses.analyse") switch
        {
            JsonArray a => a.Select(x => x is JsonValue v && v.TryGetValue<string>(out var t) ? t : null).Where(t => !string.IsNullOrWhiteSpace(t)).Select(t => FrenchText.CleanInline(t!)).ToList(),
            JsonValue v when v.TryGetValue<string>(out var t) && !string.IsNullOrWhiteSpace(t) => [FrenchText.CleanInline(t)],
            _ => [],
        };
        var title = analyses.Count > 0 ? string.Join(" ; ", analyses) : Text(q, "indexationAN.teteAnalyse");
        if (title is null) p.Add("titre manquant : ni question.indexationAN.analyses.analyse ni question.indexationAN.teteAnalyse ; attendu l'analyse de la question");
        var rubrique = Required(q, "indexationAN.rubrique", p, "la rubrique (ex. « fonctionnaires et agents publics »)");

        var authorRef = Required(q, "auteur.identite.acteurRef", p, "la référence de l'auteur (PA…)");
        if (authorRef is not null)
            notes.Add($"auteur : nom absent des données ouvertes (seule la référence {authorRef} y figure) ; à rapprocher du référentiel des députés ; circonscription absente pour la même raison");
        var group = Text(q, "auteur.groupe.developpe") ?? Text(q, "auteur.groupe.abrege");
        if (group is null) p.Add("question.auteur.groupe.developpe manquant ; attendu le groupe politique de l'auteur");

        var asked = Text(q, "minInt.developpe") ?? Text(q, "minInt.abrege");
        if (asked is null) p.Add("question.minInt.developpe manquant ; attendu le ministère interrogé");
        var attribs = Many(Child(q, "minAttribs.minAttrib"));
        string? assigned = null;
        foreach (var (a, i) in attribs.Select((a, i) => (a, i)))
        {
            var name = Text(a, "denomination.developpe") ?? Text(a, "denomination.abrege");
            if (name is null) { p.Add($"question.minAttribs.minAttrib[{i}].denomination.developpe manquant ; attendu le nom du ministère attributaire"); continue; }
            if (i > 0 && Date(a, "infoJO.dateJO", p, $"question.minAttribs.minAttrib[{i}].infoJO.dateJO") is { } d)
                events.Add(new QuestionEvent("Changement d'attribution", d, name));
            assigned = name;
        }
        if (attribs.Count == 0) p.Add("question.minAttribs.minAttrib manquant ; attendu le ministère attributaire");

        var versions = Many(Child(q, "textesQuestion.texteQuestion"));
        DateOnly? questionDate = null;
        int? questionPage = null;
        string? questionText = null;
        var sessionQuestion = versions.Count == 0 && type == "QG" && Child(q, "textesReponse.texteReponse") is not null;
        if (versions.Count == 0 && !sessionQuestion) p.Add("question.textesQuestion.texteQuestion manquant ; attendu le texte de la question et sa publication au JO (infoJO)");
        else if (versions.Count > 0)
        {
            questionDate = Date(versions[0], "infoJO.dateJO", p, "question.textesQuestion.texteQuestion.infoJO.dateJO", required: true);
            questionPage = Int(versions[0], "infoJO.pageJO", p, required: false, "question.textesQuestion.texteQuestion.infoJO.pageJO");
            var html = Text(versions[^1], "texte", clean: false);
            questionText = html is null ? null : FrenchText.HtmlToParagraphs(html);
            if (string.IsNullOrEmpty(questionText)) p.Add("question.textesQuestion.texteQuestion.texte manquant ou vide ; attendu le texte de la question");
            for (var i = 1; i < versions.Count; i++)
                if (Date(versions[i], "infoJO.dateJO", p, $"question.textesQuestion.texteQuestion[{i}].infoJO.dateJO") is { } d)
                    events.Add(new QuestionEvent("Question renouvelée", d));
            if (versions.Count > 1) notes.Add($"texte de la question publié {versions.Count} fois (renouvellements) : date et page de la première publication, texte de la dernière");
        }

        var answers = Many(Child(q, "textesReponse.texteReponse"));
        DateOnly? answerDate = null;
        int? answerPage = null;
        string? answerText = null;
        if (answers.Count > 0)
        {
            var last = answers[^1];
            answerDate = Date(last, "infoJO.dateJO", p, "question.textesReponse.texteReponse.infoJO.dateJO", required: true);
            answerPage = Int(last, "infoJO.pageJO", p, required: false, "question.textesReponse.texteReponse.infoJO.pageJO");
            var html = Text(last, "texte", clean: false);
            answerText = html is null ? null : FrenchText.HtmlToParagraphs(html);
            if (string.IsNullOrEmpty(answerText)) p.Add("question.textesReponse.texteReponse.texte manquant ou vide ; attendu le texte de la réponse");
        }

        if (sessionQuestion)
        {
            // A question au Gouvernement is asked in session: the JO Débats transcript (texteReponse) holds the
            // question and the answer; the question is dated by that sitting, it has no page of its own.
            questionDate = answerDate;
            questionText = answerText;
            notes.Add("question au Gouvernement posée en séance : texte de la question et de la réponse pris dans le compte rendu (JO Débats), daté de la séance");
        }
        if (Child(q, "cloture") is JsonObject c)
        {
            var label = Text(c, "libelleCloture") ?? Text(c, "codeCloture");
            var d = Date(c, "dateCloture", p, "question.cloture.dateCloture");
            if (d is not null) events.Add(new QuestionEvent("Question close", d.Value, label));
        }
        foreach (var (path, label) in new[] { ("signalement", "Question signalée"), ("renouvellements", "Question renouvelée") })
        {
            foreach (var d in IsoDates(Child(q, path)))
                if (!events.Any(e => e.Label == label && e.Date == d)) events.Add(new QuestionEvent(label, d));
        }

        if (p.Count > 0)
            throw new SegurException($"{origin} : {p[0]}", p.Skip(1).Select(x => $"{origin} : {x}").ToList());

        return new Question
        {
            Origin = origin,
            Format = QuestionFormat.OpenData,
            Type = type!,
            Legislature = legislature!.Value,
            Number = number!.Value,
            Title = title!,
            Author = null,
            AuthorRef = authorRef,
            Group = group,
            Rubrique = rubrique!,
            MinistryAsked = asked!,
            MinistryAssigned = assigned!,
            QuestionDate = questionDate!.Value,
            QuestionPage = questionPage,
            AnswerDate = answerDate,
            AnswerPage = answerPage,
            QuestionText = questionText!,
            AnswerText = answerText,
            Events = events.OrderBy(e => e.Date).ToList(),
            Notes = notes,
        };
    }

    private static JsonNode? Child(JsonNode? node, string dotted)
    {
        foreach (var part in dotted.Split('.'))
        {
            if (node is not JsonObject o || !o.TryGetPropertyValue(part, out node)) return null;
        }
        return IsNil(node) ? null : node;
    }

    private static bool IsNil(JsonNode? n) =>
        n is null || (n is JsonObject o && o.TryGetPropertyValue("@xsi:nil", out var nil) && nil?.ToString() == "true");

    private static List<JsonNode> Many(JsonNode? n) => n switch
    {
        null => [],
        JsonArray a => a.Where(x => !IsNil(x)).Select(x => x!).ToList(),
        _ => [n],
    };

    private static string? Text(JsonNode? node, string dotted, bool clean = true)
    {
        var n = Child(node, dotted);
        if (n is not JsonValue v) return null;
        var text = v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : v.ToJsonString();
        if (string.IsNullOrWhiteSpace(text)) return null;
        return clean ? FrenchText.CleanInline(text) : text;
    }

    private static string? Required(JsonNode q, string dotted, List<string> problems, string expected)
    {
        var t = Text(q, dotted);
        if (t is null) problems.Add($"question.{dotted} manquant ; attendu {expected}");
        return t;
    }

    private static int? Int(JsonNode node, string dotted, List<string> problems, bool required, string? shown = null)
    {
        var where = shown ?? "question." + dotted;
        var t = Text(node, dotted);
        if (t is null)
        {
            if (required) problems.Add($"{where} manquant ; attendu un nombre entier");
            return null;
        }
        if (int.TryParse(t, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0) return n;
        problems.Add($"{where} « {t} » illisible ; attendu un nombre entier");
        return null;
    }

    private static DateOnly? Date(JsonNode node, string dotted, List<string> problems, string shown, bool required = false)
    {
        var t = Text(node, dotted);
        if (t is null)
        {
            if (required) problems.Add($"{shown} manquant ; attendu une date AAAA-MM-JJ");
            return null;
        }
        if (TryIso(t, out var d)) return d;
        problems.Add($"{shown} « {t} » illisible ; attendu une date AAAA-MM-JJ");
        return null;
    }

    /// <summary>« 2022-09-06 », « 2022-09-06+02:00 » or « 2022-09-06T00:00:00.000+02:00 »: the calendar date.</summary>
    private static bool TryIso(string t, out DateOnly d)
    {
        d = default;
        return t.Length >= 10 && (t.Length == 10 || t[10] is '+' or '-' or 'T' or 'Z')
            && DateOnly.TryParseExact(t[..10], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out d);
    }

    private static IEnumerable<DateOnly> IsoDates(JsonNode? n)
    {
        switch (n)
        {
            case JsonObject o:
                foreach (var (_, v) in o) foreach (var d in IsoDates(v)) yield return d;
                break;
            case JsonArray a:
                foreach (var v in a) foreach (var d in IsoDates(v)) yield return d;
                break;
            case JsonValue v when v.GetValueKind() == JsonValueKind.String && TryIso(v.GetValue<string>(), out var date):
                yield return date;
                break;
        }
    }
}
