namespace Segur.Questions.Tests;

/// <summary>Builds questions in the published text format, for tests that need many small variations.</summary>
public static class Documents
{
    public static string Question(
        string text,
        string title = "Question de test",
        string? answer = null,
        string number = "91000",
        string answerDate = "[24 octobre 2026](#), page 9555",
        string questionDate = "[10 février 2026](#), page 1096",
        string constituency = "Bas-Rhin (4<sup>e</sup> circonscription) - Groupe d'exemple")
    {
        var answerBlock = answer is null ? "" : $"\n### Texte de la réponse\n\n{answer}\n";
        var answerLine = answer is null ? "" : $"\n**Réponse publiée au JO le :** {answerDate}\n";
        return $"""
            # ASSEMBLÉE NATIONALE

            17ème législature

            ## {title}

            Question écrite n° {number}

            ### Texte de la question

            {text}
            {answerBlock}
            ### Données clés

            **Auteur :** [Mme Alice Test](#)

            **Circonscription :** {constituency}

            **Type de question :** Question écrite

            **Numéro de la question :** {number}

            **Rubrique :** Professions et activités sociales

            **Ministère interrogé :** [Travail et solidarités](#)

            **Ministère attributaire :** [Travail et solidarités](#)

            Date(s) clé(s)

            **Question publiée au JO le :** {questionDate}
            {answerLine}
            """;
    }

    public static Segur.Questions.QuestionAnalysis Analyze(string text, string title = "Question de test") =>
        Fixtures.Analyzer.Analyze(Segur.Questions.QuestionParser.Parse(Question(text, title), "test.txt"));
}
