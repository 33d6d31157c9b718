using Segur.Questions;

namespace Segur.Questions.Tests;

/// <summary>Documents the parser must refuse, each with a French message naming the file and what is missing.</summary>
public sealed class MalformedDocumentTests
{
    private static readonly string Valid = Documents.Question("Les travailleurs sociaux des CAF restent exclus. Elle demande leur intégration.");

    [Fact]
    public void TheBuilderGivesAValidDocument()
    {
        var q = QuestionParser.Parse(Valid, "ok.txt");
        Assert.Equal(91000, q.Number);
        Assert.Equal("Bas-Rhin (4e circonscription)", q.Constituency);
    }

    [Fact]
    public void Empty()
    {
        var m = Fixtures.Refused("\n\n  \n", "vide.txt");
        Assert.StartsWith("vide.txt : document vide", m);
    }

    [Fact]
    public void MissingLegislatureAndNumber_AcceptedWithANote_UidFromDateAndAuthor()
    {
        var text = Valid.Replace("17ème législature", "").Replace("Question écrite n° 91000", "").Replace("**Numéro de la question :** 91000", "");
        var q = QuestionParser.Parse(text, "q.txt");
        Assert.Null(q.Legislature);
        Assert.Null(q.Number);
        Assert.Contains(q.Notes, n => n.Contains("législature, numéro", StringComparison.Ordinal));
        Assert.StartsWith("AN-", q.Uid, StringComparison.Ordinal);
    }

    [Fact]
    public void NumberOnlyInKeyData_IsEnough()
    {
        var q = QuestionParser.Parse(Valid.Replace("Question écrite n° 91000", ""), "q.txt");
        Assert.Equal(91000, q.Number);
        Assert.Equal("QE", q.Type);
    }

    [Fact]
    public void ConflictingNumbers()
    {
        var m = Fixtures.Refused(Valid.Replace("**Numéro de la question :** 91000", "**Numéro de la question :** 91001"), "q.txt");
        Assert.Contains("numéro de la question incohérent : « n° 91000 » dans l'en-tête, « 91001 » dans les données clés", m);
    }

    [Fact]
    public void MissingQuestionText()
    {
        var text = Valid.Replace("### Texte de la question", "").Replace("Les travailleurs sociaux des CAF restent exclus. Elle demande leur intégration.", "");
        var m = Fixtures.Refused(text, "q.txt");
        Assert.Contains("texte de la question introuvable ; attendu une section « Texte de la question »", m);
    }

    [Fact]
    public void EmptyQuestionText()
    {
        var m = Fixtures.Refused(Valid.Replace("Les travailleurs sociaux des CAF restent exclus. Elle demande leur intégration.", ""), "q.txt");
        Assert.Contains("texte de la question vide sous « Texte de la question »", m);
    }

    [Theory]
    [InlineData("**Rubrique :** Professions et activités sociales", "rubrique")]
    [InlineData("**Ministère interrogé :** [Travail et solidarités](#)", "ministère interrogé")]
    [InlineData("**Ministère attributaire :** [Travail et solidarités](#)", "ministère attributaire")]
    [InlineData("**Circonscription :** Bas-Rhin (4<sup>e</sup> circonscription) - Groupe d'exemple", "circonscription et groupe")]
    [InlineData("## Question de test", "titre")]
    public void MissingKeyData_AcceptedWithANote(string line, string field)
    {
        // A copy may lack a field the page carries (mirror sites, partial copies): it is read, the field left
        // empty and named in the notes; only a page cut short (text or key data) is refused.
        var q = QuestionParser.Parse(Valid.Replace(line, ""), "incomplete.txt");
        Assert.Contains(q.Notes, n => n.StartsWith("absent de la copie : ", StringComparison.Ordinal) && n.Contains(field, StringComparison.Ordinal));
    }

    [Fact]
    public void MissingPublicationDate_AfterKeyData_IsATruncatedPage()
    {
        var m = Fixtures.Refused(Valid.Replace("**Question publiée au JO le :** [10 février 2026](#), page 1096", ""), "incomplete.txt");
        Assert.Contains("incomplete.txt : page tronquée : les données clés s'arrêtent avant la date de publication de la question ; manque : date de publication de la question", m);
    }

    [Fact]
    public void EveryMissingFieldIsListed()
    {
        var text = Valid.Replace("**Question publiée au JO le :** [10 février 2026](#), page 1096", "").Replace("**Rubrique :** Professions et activités sociales", "");
        var e = Assert.Throws<Segur.Engine.SegurException>(() => QuestionParser.Parse(text, "q.txt"));
        Assert.Contains("manque : rubrique, date de publication de la question", e.Message);
    }

    [Fact]
    public void ImpossibleDate()
    {
        var m = Fixtures.Refused(Documents.Question("Texte.", questionDate: "[31 février 2026](#), page 1096"), "q.txt");
        Assert.Contains("date « 31 février 2026 » impossible pour la publication de la question", m);
        Assert.Contains("ligne ", m);
    }

    [Fact]
    public void UnreadableDate()
    {
        var m = Fixtures.Refused(Documents.Question("Texte.", questionDate: "[bientôt](#)"), "q.txt");
        Assert.Contains("date de publication de la question illisible (« bientôt ») ; attendu « j mois aaaa, page n » ou « jj/mm/aaaa page : n »", m);
    }

    [Fact]
    public void UnreadablePage()
    {
        var m = Fixtures.Refused(Documents.Question("Texte.", questionDate: "[10 février 2026](#), page mille"), "q.txt");
        Assert.Contains("page du Journal officiel illisible dans « 10 février 2026, page mille » ; attendu « page n » (n, un nombre entier)", m);
    }

    [Fact]
    public void UnreadableConstituency()
    {
        var m = Fixtures.Refused(Documents.Question("Texte.", constituency: "Bas-Rhin, quatrième - Groupe"), "q.txt");
        Assert.Contains("circonscription « Bas-Rhin, quatrième - Groupe » illisible ; attendu « Département (4e circonscription) - Groupe »", m);
    }

    [Fact]
    public void ConstituencyWithoutGroup()
    {
        var m = Fixtures.Refused(Documents.Question("Texte.", constituency: "Bas-Rhin (4e circonscription)"), "q.txt");
        Assert.Contains("groupe politique absent de « Bas-Rhin (4e circonscription) »", m);
    }

    [Fact]
    public void AnswerTextWithoutAnswerDate()
    {
        var text = Documents.Question("Texte.", answer: "Réponse du ministre.").Replace("**Réponse publiée au JO le :** [24 octobre 2026](#), page 9555", "");
        var m = Fixtures.Refused(text, "q.txt");
        Assert.Contains("texte de la réponse présent mais date de publication de la réponse introuvable", m);
    }

    [Fact]
    public void AnswerDateWithoutAnswerText()
    {
        var text = Documents.Question("Texte.", answer: "Réponse du ministre.").Replace("### Texte de la réponse", "").Replace("Réponse du ministre.", "");
        var m = Fixtures.Refused(text, "q.txt");
        Assert.Contains("date de publication de la réponse donnée mais texte de la réponse absent", m);
    }

    [Fact]
    public void DuplicatedLabel()
    {
        var m = Fixtures.Refused(Valid.Replace("**Rubrique :** Professions et activités sociales", "**Rubrique :** Professions et activités sociales\n\n**Rubrique :** Famille"), "q.txt");
        Assert.Contains("« Rubrique » en double (déjà donné ligne", m);
    }

    [Fact]
    public void UnknownHeaderLine()
    {
        var q = QuestionParser.Parse(Valid.Replace("Question écrite n° 91000", "Question écrite n° 91000\n\nUne ligne inattendue"), "q.txt");
        Assert.Contains(q.Notes, n => n.Contains("« Une ligne inattendue » non reconnue dans l'en-tête (le titre est déjà « Question de test ») : ignorée", StringComparison.Ordinal));
    }

    [Fact]
    public void UnreadableKeyDataLine()
    {
        var m = Fixtures.Refused(Valid.Replace("Date(s) clé(s)", "Date(s) clé(s)\n\nune ligne sans libellé"), "q.txt");
        Assert.Contains("« une ligne sans libellé » illisible dans les données clés ; attendu « Libellé : valeur »", m);
    }

    [Fact]
    public void UnknownQuestionType()
    {
        var m = Fixtures.Refused(Valid.Replace("**Type de question :** Question écrite", "**Type de question :** Question écrite du Sénat"), "q.txt");
        Assert.Contains("type de question « Question écrite du Sénat » inconnu", m);
    }

    [Fact]
    public void OpenData_InvalidJson()
    {
        var m = Fixtures.Refused("{\"question\": {\"uid\": ", "q.json");
        Assert.StartsWith("q.json, ligne 1, colonne", m);
        Assert.Contains("JSON invalide", m);
    }

    [Fact]
    public void OpenData_ArrayOfQuestions()
    {
        var m = Fixtures.Refused("[{\"question\": {}}]", "q.json");
        Assert.StartsWith("q.json : liste JSON non prise en charge ; attendu une question par fichier", m);
    }

    [Fact]
    public void OpenData_NoQuestionRoot()
    {
        var m = Fixtures.Refused("{\"questions\": []}", "q.json");
        Assert.StartsWith("q.json : objet « question » introuvable à la racine", m);
    }

    [Fact]
    public void OpenData_MissingFieldsAreNamedByPath()
    {
        var json = File.ReadAllText(Path.Combine(Fixtures.OpenDataDir, "QANR5L17QE90008.json"))
            .Replace("\"numero\": \"90008\",", "")
            .Replace("\"dateJO\": \"2026-02-17\",", "\"dateJO\": \"17/02/2026\",");
        var m = Fixtures.Refused(json, "q.json");
        Assert.Contains("q.json : question.identifiant.numero manquant ; attendu un nombre entier", m);
        Assert.Contains("question.textesQuestion.texteQuestion.infoJO.dateJO « 17/02/2026 » illisible ; attendu une date AAAA-MM-JJ", m);
    }

    [Fact]
    public void OpenData_UidMustMatch()
    {
        var json = File.ReadAllText(Path.Combine(Fixtures.OpenDataDir, "QANR5L17QE90008.json")).Replace("\"uid\": \"QANR5L17QE90008\"", "\"uid\": \"QANR5L17QE90009\"");
        var m = Fixtures.Refused(json, "q.json");
        Assert.Contains("question.uid « QANR5L17QE90009 » incohérent avec identifiant et type ; attendu QANR5L17QE90008", m);
    }

    [Fact]
    public void Directory_ListsEveryUnreadableFile()
    {
        var dir = Directory.CreateTempSubdirectory("segur-questions-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(dir, "a.txt"), Valid);
            File.WriteAllText(Path.Combine(dir, "b.txt"), Valid.Replace("**Question publiée au JO le :** [10 février 2026](#), page 1096", ""));
            File.WriteAllText(Path.Combine(dir, "c.json"), "{}");
            var e = Assert.Throws<Segur.Engine.SegurException>(() => QuestionParser.ParseDirectory(dir));
            Assert.Contains("2 question(s) illisible(s) sur 3", e.Message);
            Assert.Contains(e.Details, d => d.Contains("b.txt : page tronquée"));
            Assert.Contains(e.Details, d => d.Contains("c.json : objet « question » introuvable"));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
