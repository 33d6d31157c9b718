using Segur.Questions;

namespace Segur.Questions.Tests;

/// <summary>Every metadata field of the five published questions, one by one.</summary>
public sealed class PublishedFixtureTests
{
    private const string SanteFamilles = "Santé, familles, autonomie et personnes handicapées";
    private const string TravailSolidarites = "Travail et solidarités";
    private const string ProfessionsSociales = "Professions et activités sociales";

    [Fact]
    public void Q000_Nosbe_15684()
    {
        var q = Fixtures.Parse(Fixtures.Published("000"));
        Assert.Equal(QuestionFormat.Text, q.Format);
        Assert.Equal("QE", q.Type);
        Assert.Equal(17, q.Legislature);
        Assert.Equal(15684, q.Number);
        Assert.Equal("QANR5L17QE15684", q.Uid);
        Assert.Equal("Prime « Ségur » aux travailleurs sociaux des organismes de sécurité sociale", q.Title);
        Assert.Equal("Mme Sandrine Nosbé", q.Author);
        Assert.Null(q.AuthorRef);
        Assert.Equal("Isère (9e circonscription)", q.Constituency);
        Assert.Equal("Isère", q.Departement);
        Assert.Equal(9, q.ConstituencyNumber);
        Assert.Equal("La France insoumise - Nouveau Front Populaire", q.Group);
        Assert.Equal(ProfessionsSociales, q.Rubrique);
        Assert.Equal(SanteFamilles, q.MinistryAsked);
        Assert.Equal(TravailSolidarites, q.MinistryAssigned);
        Assert.Equal(new DateOnly(2026, 6, 2), q.QuestionDate);
        Assert.Equal(4774, q.QuestionPage);
        Assert.Null(q.AnswerDate);
        Assert.Null(q.AnswerPage);
        Assert.Null(q.AnswerText);
        Assert.StartsWith("Mme Sandrine Nosbé attire l'attention de Mme la ministre de la santé", q.QuestionText);
        Assert.EndsWith("l'engagement de ces professionnels au service de la cohésion sociale.", q.QuestionText);
        Assert.DoesNotContain("\n", q.QuestionText);
        Assert.Empty(q.Events);
        Assert.Empty(q.OtherData);
        Assert.Empty(q.Notes);
    }

    [Fact]
    public void Q001_Leboucher_14348()
    {
        var q = Fixtures.Parse(Fixtures.Published("001"));
        Assert.Equal("QE", q.Type);
        Assert.Equal(17, q.Legislature);
        Assert.Equal(14348, q.Number);
        Assert.Equal("Prime Ségur pour les travailleurs sociaux de la CAF, de la CARSAT et de la MSA", q.Title);
        Assert.Equal("Mme Élise Leboucher", q.Author);
        Assert.Equal("Sarthe (4e circonscription)", q.Constituency);
        Assert.Equal("Sarthe", q.Departement);
        Assert.Equal(4, q.ConstituencyNumber);
        Assert.Equal("La France insoumise - Nouveau Front Populaire", q.Group);
        Assert.Equal(ProfessionsSociales, q.Rubrique);
        Assert.Equal(TravailSolidarites, q.MinistryAsked);
        Assert.Equal(TravailSolidarites, q.MinistryAssigned);
        Assert.Equal(new DateOnly(2026, 4, 14), q.QuestionDate);
        Assert.Equal(3082, q.QuestionPage);
        Assert.Null(q.AnswerDate);
        Assert.Null(q.AnswerPage);
        Assert.Null(q.AnswerText);
        Assert.StartsWith("Mme Élise Leboucher attire l'attention de M. le ministre du travail et des solidarités", q.QuestionText);
        Assert.EndsWith("si un caractère rétroactif sera appliqué au versement de cette prime.", q.QuestionText);
        Assert.Empty(q.Notes);
    }

    [Fact]
    public void Q002_Belluco_14347()
    {
        var q = Fixtures.Parse(Fixtures.Published("002"));
        Assert.Equal("QE", q.Type);
        Assert.Equal(17, q.Legislature);
        Assert.Equal(14347, q.Number);
        Assert.Equal("Inégalité professionnelle entre travailleurs sociaux", q.Title);
        Assert.Equal("Mme Lisa Belluco", q.Author);
        Assert.Equal("Vienne (1re circonscription)", q.Constituency);
        Assert.Equal("Vienne", q.Departement);
        Assert.Equal(1, q.ConstituencyNumber);
        Assert.Equal("Écologiste et Social", q.Group);
        Assert.Equal(ProfessionsSociales, q.Rubrique);
        Assert.Equal(SanteFamilles, q.MinistryAsked);
        Assert.Equal(SanteFamilles, q.MinistryAssigned);
        Assert.Equal(new DateOnly(2026, 4, 14), q.QuestionDate);
        Assert.Equal(3065, q.QuestionPage);
        Assert.Null(q.AnswerDate);
        Assert.Null(q.AnswerPage);
        Assert.Null(q.AnswerText);
        Assert.StartsWith("Mme Lisa Belluco interroge Mme la ministre de la santé", q.QuestionText);
        Assert.EndsWith("Elle souhaite également connaître le calendrier de mise en œuvre de ces mesures.", q.QuestionText);
        Assert.Empty(q.Notes);
    }

    [Fact]
    public void Q003_Buffet_12835()
    {
        var q = Fixtures.Parse(Fixtures.Published("003"));
        Assert.Equal("QE", q.Type);
        Assert.Equal(17, q.Legislature);
        Assert.Equal(12835, q.Number);
        Assert.Equal("Exclusion des travailleurs sociaux des CAF des revalorisations « Ségur »", q.Title);
        Assert.Equal("Mme Françoise Buffet", q.Author);
        Assert.Equal("Bas-Rhin (4e circonscription)", q.Constituency);
        Assert.Equal("Bas-Rhin", q.Departement);
        Assert.Equal(4, q.ConstituencyNumber);
        Assert.Equal("Ensemble pour la République", q.Group);
        Assert.Equal(ProfessionsSociales, q.Rubrique);
        Assert.Equal(SanteFamilles, q.MinistryAsked);
        Assert.Equal(SanteFamilles, q.MinistryAssigned);
        Assert.Equal(new DateOnly(2026, 2, 10), q.QuestionDate);
        Assert.Equal(1096, q.QuestionPage);
        Assert.Null(q.AnswerDate);
        Assert.Null(q.AnswerPage);
        Assert.Null(q.AnswerText);
        Assert.StartsWith("Mme Françoise Buffet interroge Mme la ministre de la santé", q.QuestionText);
        Assert.EndsWith("et selon quel calendrier et quelles modalités de financement.", q.QuestionText);
        Assert.Empty(q.Notes);
    }

    [Fact]
    public void Q004_Levavasseur_10826_Answered()
    {
        var q = Fixtures.Parse(Fixtures.Published("004"));
        Assert.Equal("QE", q.Type);
        Assert.Equal(16, q.Legislature);
        Assert.Equal(10826, q.Number);
        Assert.Equal("QANR5L16QE10826", q.Uid);
        Assert.Equal("Prime Ségur : encore des exclus", q.Title);
        Assert.Equal("Mme Katiana Levavasseur", q.Author);
        Assert.Equal("Eure (2e circonscription)", q.Constituency);
        Assert.Equal("Eure", q.Departement);
        Assert.Equal(2, q.ConstituencyNumber);
        Assert.Equal("Rassemblement National", q.Group);
        Assert.Equal("Institutions sociales et médico sociales", q.Rubrique);
        Assert.Equal("Santé et prévention", q.MinistryAsked);
        Assert.Equal("Solidarités et familles", q.MinistryAssigned);
        Assert.Equal(new DateOnly(2023, 8, 8), q.QuestionDate);
        Assert.Equal(7351, q.QuestionPage);
        Assert.Equal(new DateOnly(2023, 10, 24), q.AnswerDate);
        Assert.Equal(9555, q.AnswerPage);
        Assert.StartsWith("Mme Katiana Levavasseur attire l'attention de M. le ministre de la santé et de la prévention", q.QuestionText);
        Assert.EndsWith("d'assurer le bon fonctionnement de ces services de solidarité.", q.QuestionText);
        Assert.NotNull(q.AnswerText);
        Assert.StartsWith("L'attractivité des métiers du secteur sanitaire, social et médico-social", q.AnswerText);
        Assert.EndsWith("l'attractivité de tous les métiers des secteurs sanitaire, social et médico-social.", q.AnswerText);
    }

    [Fact]
    public void Q004_AnswerCutMidSentence_IsJoinedWithANote()
    {
        var q = Fixtures.Parse(Fixtures.Published("004"));
        Assert.Contains("retenus pour le bénéfice de la prime Ségur pour la filière socioéducative", q.AnswerText);
        Assert.DoesNotContain("\n", q.AnswerText);
        var note = Assert.Single(q.Notes);
        Assert.Contains("texte de la réponse : paragraphe coupé en milieu de phrase", note);
    }

    [Theory]
    [InlineData("000")]
    [InlineData("001")]
    [InlineData("002")]
    [InlineData("003")]
    [InlineData("004")]
    public void NoFieldKeepsMarkup(string prefix)
    {
        var q = Fixtures.Parse(Fixtures.Published(prefix));
        foreach (var field in new[] { q.Title, q.Author!, q.Constituency!, q.Group!, q.Rubrique, q.MinistryAsked, q.MinistryAssigned, q.QuestionText })
        {
            Assert.DoesNotContain("**", field);
            Assert.DoesNotContain("](#)", field);
            Assert.DoesNotContain("<sup>", field);
            Assert.DoesNotContain("^", field);
            Assert.DoesNotContain("#", field);
        }
    }
}
