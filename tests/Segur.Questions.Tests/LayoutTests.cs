using CsCheck;
using Segur.Engine;
using Segur.Tests.Fuzz;

namespace Segur.Questions.Tests;

/// <summary>
/// The layouts met on real pages (older AN page, Sénat page), the chamber, and the brief's legal ground for the
/// employer; plus a fuzz of the corpus pages (mutated, cut): every outcome is a question or a French error.
/// </summary>
public sealed class LayoutTests
{
    private const string OldAn = """
        16ème législature
        Question N° 155
        de Mme Alice Exemple ( Groupe d'exemple - NUPES - Réunion )
        Question écrite
        Ministère interrogé > Solidarités, autonomie et personnes handicapées
        Ministère attributaire > Santé et prévention
        Rubrique > professions et activités sociales
        Tête d'analyse > Prime Ségur
        Analyse > Exclusion des agents des CCAS
        Question publiée au JO le : 19/07/2022 page : 3468
        Réponse publiée au JO le : 18/10/2022 page : 4730
        Date de changement d'attribution : 21/07/2022
        Texte de la question
        Mme Alice Exemple attire l'attention de M. le ministre sur les agents des centres communaux d'action sociale (CCAS). Elle lui demande s'il entend leur étendre le complément de traitement indiciaire.
        Texte de la réponse
        Le Gouvernement a étendu le complément.

        Il suit la situation des CCAS.
        """;

    private const string Senat = """
        Rémunération des agents des CCAS
        16e législature
        Question écrite n° 05294 de Mme Alice EXEMPLE (Haute-Savoie - Les Républicains)
        publiée dans le JO Sénat du 16/02/2023 - page 1085
        Mme Alice Exemple attire l'attention de M. le ministre sur les agents des centres communaux d'action sociale (CCAS). Elle lui demande s'il entend leur étendre le complément.
        Transmise au Ministère de la transformation et de la fonction publiques
        Réponse du Ministère de la transformation et de la fonction publiques publiée dans le JO Sénat du 13/04/2023 - page 2561
        Le complément est étendu par le décret n° 2022-1497.
        Page mise à jour le
        """;

    [Fact]
    public void OlderAnPage_AllFields()
    {
        var q = QuestionParser.Parse(OldAn, "q.txt");
        Assert.Equal(("AN", "QE", 16, 155), (q.Chamber, q.Type, q.Legislature!.Value, q.Number!.Value));
        Assert.Equal("Mme Alice Exemple", q.Author);
        Assert.Equal("Groupe d'exemple - NUPES", q.Group);
        Assert.Equal("Réunion", q.Departement);
        Assert.Equal("Solidarités, autonomie et personnes handicapées", q.MinistryAsked);
        Assert.Equal("Santé et prévention", q.MinistryAssigned);
        Assert.Equal("Exclusion des agents des CCAS", q.Title);
        Assert.Equal((new DateOnly(2022, 7, 19), 3468), (q.QuestionDate!.Value, q.QuestionPage!.Value));
        Assert.Equal((new DateOnly(2022, 10, 18), 4730), (q.AnswerDate!.Value, q.AnswerPage!.Value));
        Assert.Equal("Le Gouvernement a étendu le complément.\n\nIl suit la situation des CCAS.", q.AnswerText);
        Assert.Contains(q.Events, e => e.Label == "Changement d'attribution" && e.Date == new DateOnly(2022, 7, 21));
        Assert.Equal("QANR5L16QE155", q.Uid);
    }

    [Fact]
    public void SenatPage_AllFields_ChamberInJson()
    {
        var q = QuestionParser.Parse(Senat, "s.txt");
        Assert.Equal(("Senat", "QE", 16, 5294), (q.Chamber, q.Type, q.Legislature!.Value, q.Number!.Value));
        Assert.Equal("Mme Alice Exemple", q.Author);
        Assert.Equal(("Haute-Savoie", "Les Républicains"), (q.Departement, q.Group));
        Assert.Null(q.Rubrique);
        Assert.Null(q.MinistryAsked);
        Assert.Equal("Ministère de la transformation et de la fonction publiques", q.MinistryAssigned);
        Assert.Equal((new DateOnly(2023, 2, 16), 1085, new DateOnly(2023, 4, 13), 2561), (q.QuestionDate!.Value, q.QuestionPage!.Value, q.AnswerDate!.Value, q.AnswerPage!.Value));
        Assert.Equal("SENAT-L16-QE05294", q.Uid);
        Assert.NotEqual(QuestionParser.Parse(OldAn, "q.txt").Uid, q.Uid);
        using var ms = new MemoryStream();
        using (var w = new System.Text.Json.Utf8JsonWriter(ms)) QuestionJson.WriteQuestion(w, Fixtures.Analyzer.Analyze(q));
        var json = System.Text.Json.JsonDocument.Parse(ms.ToArray()).RootElement;
        Assert.Equal("Senat", json.GetProperty("chambre").GetString());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, json.GetProperty("rubrique").ValueKind);
    }

    [Fact]
    public void SenatPage_AnswerCut_RefusedNamingWhatIsMissing()
    {
        var cut = Senat[..(Senat.IndexOf("par le décret", StringComparison.Ordinal))];
        var m = Fixtures.Refused(cut, "s.txt");
        Assert.Contains("s.txt : page tronquée : le texte de la réponse s'arrête au milieu d'une phrase", m);
        Assert.Contains("manque la fin de la réponse", m);
    }

    [Fact]
    public void Errors_NeitherAssumeALegislatureNorQuoteAFixedNumber()
    {
        var m = Fixtures.Refused("Une ligne\nune autre\n", "x.txt");
        Assert.DoesNotContain("17ème", m);
        Assert.DoesNotContain("12835", m);
        Assert.Contains("mises en page acceptées", m);
        Assert.Contains("page du Sénat", m);
    }

    [Fact]
    public void Brief_CcasAgents_GroundProperToTheEmployer_IsM4()
    {
        var brief = BriefTests.DefaultBuilder().Build(Fixtures.Analyzer.Analyze(QuestionParser.Parse(OldAn, "q.txt")));
        Assert.Contains(brief.Populations, p => p.Definition.Id == "agents-ccas");
        var text = BriefMarkdown.Write(BriefLayout.Lay(brief));
        // The CCAS is among the places of décret n° 2022-1497 (M4); its administrative agents fail on the cadre d'emplois.
        Assert.Contains("Fondement propre à cet employeur : M4 couvre ce type d'employeur et de structure", text);
        Assert.Contains("M4 ne vise pas votre métier « Adjoint(e) administratif(ve) »", text);
    }

    [Fact]
    public void Brief_NoPopulation_SaysSoAndListsWhatWasFound()
    {
        var q = QuestionParser.Parse("Mme Alice Exemple attire l'attention de M. le ministre sur les travailleurs sociaux et la prime Ségur. Elle lui demande de mieux la financer.", "q.txt");
        var a = Fixtures.Analyzer.Analyze(q);
        Assert.Empty(a.Populations);
        var text = BriefMarkdown.Write(BriefLayout.Lay(BriefTests.DefaultBuilder().Build(a)));
        Assert.Contains("aucune reconnue par le vocabulaire de détection", text);
        Assert.Contains("Trouvé dans le texte", text);
        Assert.Contains("Travailleurs sociaux (« travailleurs sociaux »)", text);
    }

    [Fact]
    public void Fuzz_CorpusPages_QuestionOrFrenchError()
    {
        var pages = Corpus.Pages().Concat(Corpus.Pages(truncated: true)).Select(p => File.ReadAllText(p.Path)).Append(OldAn).Append(Senat).ToList();
        // A question error names its file (and its line when there is one): the place check is « starts with the file ».
        Fuzz.Check(Fuzz.Mutated(pages, maxLines: 40), text =>
        {
            try
            {
                QuestionParser.Parse(text, "fuzz.txt");
            }
            catch (SegurException e)
            {
                foreach (var m in e.Details.Prepend(e.Message))
                {
                    Assert.StartsWith("fuzz.txt", m, StringComparison.Ordinal);
                    Fuzz.AssertFrench("ligne 1 : " + m[m.IndexOf(':')..]);
                }
            }
        });
    }
}
