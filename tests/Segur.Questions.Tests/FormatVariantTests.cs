using Segur.Questions;

namespace Segur.Questions.Tests;

/// <summary>The layout variations of the published format, and the Assemblée nationale open data.</summary>
public sealed class FormatVariantTests
{
    [Fact]
    public void R1_HashHeadings_BoldLabels_Sup_Answer()
    {
        var q = Fixtures.Parse(Fixtures.Written("r1"));
        Assert.Equal(90001, q.Number);
        Assert.Equal("Revalorisation des aides à domicile de la branche de l'aide à domicile", q.Title);
        Assert.Equal("Haute-Garonne (3e circonscription)", q.Constituency);
        Assert.Equal("Groupe d'exemple", q.Group);
        Assert.Equal(new DateOnly(2026, 3, 3), q.QuestionDate);
        Assert.Equal(1812, q.QuestionPage);
        Assert.Equal(new DateOnly(2026, 9, 1), q.AnswerDate);
        Assert.Equal(6120, q.AnswerPage);
        Assert.Contains("avec un effet rétroactif au 1er janvier 2024", q.QuestionText);
        Assert.StartsWith("Les salariés de la branche de l'aide à domicile ont bénéficié de l'avenant 43", q.AnswerText);
    }

    [Fact]
    public void R2_NoHash_NoBold_CaretSuperscript_Entities_NumericDate()
    {
        var q = Fixtures.Parse(Fixtures.Written("r2"));
        Assert.Equal("Éducateurs de jeunes enfants des crèches & oubliés du Ségur", q.Title);
        Assert.Equal("M. Jean Témoin", q.Author);
        Assert.Equal("Loire-Atlantique (1re circonscription)", q.Constituency);
        Assert.Equal(1, q.ConstituencyNumber);
        Assert.Equal("Famille", q.Rubrique);
        Assert.Equal(new DateOnly(2026, 6, 2), q.QuestionDate);
        Assert.Equal(4801, q.QuestionPage);
        Assert.Contains("revalorisations dites « Ségur »", q.QuestionText);
        Assert.DoesNotContain("&nbsp;", q.QuestionText);
        Assert.Null(q.AnswerText);
    }

    [Fact]
    public void R3_EventsAndMinistereRepondant()
    {
        var q = Fixtures.Parse(Fixtures.Written("r3"));
        Assert.Equal("Travail et solidarités", q.MinistryAssigned);
        Assert.Equal(
            [("Question signalée", new DateOnly(2026, 4, 14)), ("Question renouvelée", new DateOnly(2026, 5, 5)), ("Question renouvelée", new DateOnly(2026, 8, 4))],
            q.Events.Select(e => (e.Label, e.Date)).ToList());
    }

    [Fact]
    public void R5_RecentLayout_HeaderAuthorAndConstituency_AnswerHeadingWithDate()
    {
        var q = Fixtures.Parse(Fixtures.Written("r5"));
        Assert.Equal(17, q.Legislature);
        Assert.Equal(90005, q.Number);
        Assert.Equal("QE", q.Type);
        Assert.Equal("Assistants familiaux de l'aide sociale à l'enfance", q.Title);
        Assert.Equal("Mme Louise Fictive", q.Author);
        Assert.Equal("Val-de-Marne (6e circonscription)", q.Constituency);
        Assert.Equal("Groupe d'exemple", q.Group);
        Assert.Equal("Enfants", q.Rubrique);
        Assert.Equal("Santé, familles, autonomie et personnes handicapées", q.MinistryAssigned);
        Assert.Equal(new DateOnly(2026, 3, 17), q.QuestionDate);
        Assert.Null(q.QuestionPage);
        Assert.Equal(new DateOnly(2026, 9, 22), q.AnswerDate);
        Assert.Null(q.AnswerPage);
        Assert.StartsWith("Mme Louise Fictive attire l'attention", q.QuestionText);
        Assert.EndsWith("pour reconnaître leur engagement.", q.QuestionText);
        Assert.StartsWith("Les assistants familiaux relèvent d'un statut particulier", q.AnswerText);
        Assert.Equal([("Question signalée", new DateOnly(2026, 5, 5))], q.Events.Select(e => (e.Label, e.Date)).ToList());
        Assert.Contains(q.Notes, n => n.Contains("section « Texte de la question » absente"));
    }

    [Fact]
    public void R6_LineBreakTag_Nbsp_ReassignmentWithdrawal_UnknownKeyDataKept()
    {
        var q = Fixtures.Parse(Fixtures.Written("r6"));
        Assert.Equal(16, q.Legislature);
        Assert.Equal("Creuse (1re circonscription)", q.Constituency);
        Assert.Contains("(maisons d'accueil spécialisées, foyers d'accueil médicalisés, IME). Ces personnels", q.QuestionText);
        Assert.Contains("collègues des EHPAD. Il lui demande", q.QuestionText);
        Assert.Equal(
            [("Changement d'attribution", new DateOnly(2023, 7, 21), (string?)null), ("Question retirée", new DateOnly(2024, 6, 11), "fin de mandat")],
            q.Events.Select(e => (e.Label, e.Date, e.Detail)).ToList());
        Assert.Equal([KeyValuePair.Create("Tête d'analyse", "Personnels exclus du CTI")], q.OtherData);
    }

    [Fact]
    public void OpenData_EveryField()
    {
        var q = Fixtures.Parse(Path.Combine(Fixtures.OpenDataDir, "QANR5L17QE90008.json"));
        Assert.Equal(QuestionFormat.OpenData, q.Format);
        Assert.Equal("QE", q.Type);
        Assert.Equal(17, q.Legislature);
        Assert.Equal(90008, q.Number);
        Assert.Equal("QANR5L17QE90008", q.Uid);
        Assert.Equal("Prime Ségur : exclusion des travailleurs sociaux de la MSA ; caisses de mutualité sociale agricole", q.Title);
        Assert.Null(q.Author);
        Assert.Equal("PA000001", q.AuthorRef);
        Assert.Null(q.Constituency);
        Assert.Equal("Groupe d'exemple", q.Group);
        Assert.Equal("professions et activités sociales", q.Rubrique);
        Assert.Equal("Agriculture et souveraineté alimentaire", q.MinistryAsked);
        Assert.Equal("Travail et solidarités", q.MinistryAssigned);
        Assert.Equal(new DateOnly(2026, 2, 17), q.QuestionDate);
        Assert.Equal(1310, q.QuestionPage);
        Assert.Equal(new DateOnly(2026, 9, 8), q.AnswerDate);
        Assert.Equal(6543, q.AnswerPage);
        Assert.StartsWith("M. Marc Fictif rappelle à Mme la ministre du travail", q.QuestionText);
        Assert.Equal("Les salariés des caisses de MSA relèvent de la convention collective de la MSA.\n\nUne réflexion est engagée avec les partenaires sociaux.\n\nAucune date n'est arrêtée.", q.AnswerText);
        Assert.Equal(
            [("Changement d'attribution", new DateOnly(2026, 3, 3)), ("Question renouvelée", new DateOnly(2026, 6, 16)), ("Question close", new DateOnly(2026, 9, 8))],
            q.Events.Select(e => (e.Label, e.Date)).ToList());
        Assert.Contains(q.Notes, n => n.Contains("nom absent des données ouvertes"));
    }

    [Fact]
    public void OpenData_SingleObjectsInsteadOfLists_AndNilValues()
    {
        var json = """
            {"question": {"uid": "QANR5L16QE1039", "identifiant": {"numero": "1039", "regime": "5eme Republique", "legislature": "16"},
              "type": "QE",
              "indexationAN": {"rubrique": "fonctionnaires et agents publics", "teteAnalyse": {"@xsi:nil": "true"}, "analyses": {"analyse": "Prime Ségur : personnels exclus"}},
              "auteur": {"identite": {"acteurRef": "PA1", "mandatRef": "PM1"}, "groupe": {"organeRef": "PO1", "abrege": "RN", "developpe": "Rassemblement National"}},
              "minInt": {"organeRef": "PO2", "abrege": "SAPH", "developpe": "Solidarités, autonomie et personnes handicapées"},
              "minAttribs": {"minAttrib": {"infoJO": {"typeJO": "JO_QUESTION", "dateJO": "2022-09-06", "pageJO": "3936", "numJO": "20220035"},
                                           "denomination": {"organeRef": "PO2", "abrege": "SAPH", "developpe": "Solidarités, autonomie et personnes handicapées"}}},
              "textesQuestion": {"texteQuestion": {"infoJO": {"typeJO": "JO_QUESTION", "dateJO": "2022-09-06", "pageJO": 3936, "numJO": "20220035"}, "texte": "Texte &eacute;crit."}},
              "textesReponse": null}}
            """;
        var q = QuestionParser.Parse(json, "QANR5L16QE1039.json");
        Assert.Equal(1039, q.Number);
        Assert.Equal(16, q.Legislature);
        Assert.Equal("Prime Ségur : personnels exclus", q.Title);
        Assert.Equal("Rassemblement National", q.Group);
        Assert.Equal("Solidarités, autonomie et personnes handicapées", q.MinistryAssigned);
        Assert.Equal(new DateOnly(2022, 9, 6), q.QuestionDate);
        Assert.Equal(3936, q.QuestionPage);
        Assert.Equal("Texte écrit.", q.QuestionText);
        Assert.Null(q.AnswerDate);
        Assert.Null(q.AnswerText);
    }

    [Fact]
    public void WindowsLineEndingsAndByteOrderMark_AreAccepted()
    {
        var text = "\uFEFF" + File.ReadAllText(Fixtures.Published("003")).Replace("\n", "\r\n");
        var q = QuestionParser.Parse(text, "003-crlf.txt");
        Assert.Equal(12835, q.Number);
        Assert.Equal("Bas-Rhin (4e circonscription)", q.Constituency);
        Assert.EndsWith("quelles modalités de financement.", q.QuestionText);
    }

    [Fact]
    public void ParseDirectory_ReadsTextAndJson_InPathOrder()
    {
        var questions = QuestionParser.ParseDirectory(Fixtures.Root);
        Assert.Equal(13, questions.Count);
        Assert.Contains(questions, q => q.Format == QuestionFormat.OpenData);
    }
}
