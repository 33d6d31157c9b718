using Segur.Questions;

namespace Segur.Questions.Tests;

/// <summary>Populations and demands recognised in the five published questions, the written ones, and small texts.</summary>
public sealed class DetectionTests
{
    private static readonly string[] SecuriteSociale3 = ["travailleurs-sociaux-caf", "travailleurs-sociaux-carsat", "travailleurs-sociaux-msa"];

    [Fact]
    public void Q000_CafCarsatMsa_ExtensionAndGrids()
    {
        var a = Fixtures.Analyze(Fixtures.Published("000"));
        Assert.Equal(SecuriteSociale3, Fixtures.PopulationIds(a));
        Assert.Equal(["extension", "alignement-grille"], Fixtures.DemandIds(a));
        Assert.Empty(a.Mentions);
        var grid = a.Demands.Single(d => d.Definition.Id == "alignement-grille");
        Assert.Contains("grilles salariales", grid.Terms);
        Assert.StartsWith("Elle souhaite également savoir", grid.Excerpt);
        var caf = a.Populations[0];
        Assert.Contains("caisses d'allocations familiales", caf.Terms);
        Assert.Contains("CAF", caf.Terms);
        Assert.Contains("travailleurs sociaux", caf.Terms);
    }

    [Fact]
    public void Q001_CafCarsatMsa_RetroactivityAndTimetable()
    {
        var a = Fixtures.Analyze(Fixtures.Published("001"));
        Assert.Equal(SecuriteSociale3, Fixtures.PopulationIds(a));
        Assert.Equal(["extension", "retroactivite", "alignement-grille", "revalorisation-generale", "calendrier"], Fixtures.DemandIds(a));
        Assert.Equal(["justification"], Fixtures.MentionIds(a));
        Assert.Equal(["rétroactive", "rétroactif"], a.Demands.Single(d => d.Definition.Id == "retroactivite").Terms);
        Assert.Equal(["dans quel délai"], a.Demands.Single(d => d.Definition.Id == "calendrier").Terms);
    }

    [Fact]
    public void Q002_CafCarsatMsa_FromAListOfAcronyms()
    {
        var a = Fixtures.Analyze(Fixtures.Published("002"));
        Assert.Equal(SecuriteSociale3, Fixtures.PopulationIds(a));
        Assert.Equal(["extension", "alignement-grille", "calendrier"], Fixtures.DemandIds(a));
        Assert.Empty(a.Mentions);
        Assert.Equal(["travailleurs sociaux", "MSA"], a.Populations.Single(p => p.Definition.Id == "travailleurs-sociaux-msa").Terms);
        Assert.Contains("reconnaissance de leur diplôme", a.Demands.Single(d => d.Definition.Id == "alignement-grille").Terms);
    }

    [Fact]
    public void Q003_CafOnly_ConsultationTimetableFunding()
    {
        var a = Fixtures.Analyze(Fixtures.Published("003"));
        Assert.Equal(["travailleurs-sociaux-caf"], Fixtures.PopulationIds(a));
        Assert.Equal(["extension", "calendrier", "financement", "concertation", "justification"], Fixtures.DemandIds(a));
        Assert.Empty(a.Mentions);
        Assert.Equal(["concertation", "partenaires sociaux"], a.Demands.Single(d => d.Definition.Id == "concertation").Terms);
        Assert.Equal(["pour quels motifs"], a.Demands.Single(d => d.Definition.Id == "justification").Terms);
    }

    [Fact]
    public void Q004_SupportStaffOfEssmsAndAssociations()
    {
        var a = Fixtures.Analyze(Fixtures.Published("004"));
        Assert.Equal(["personnels-administratifs-essms", "personnels-techniques-essms", "salaries-secteur-associatif"], Fixtures.PopulationIds(a));
        Assert.Equal(["extension", "calendrier"], Fixtures.DemandIds(a));
        Assert.Empty(a.Mentions);
        var admin = a.Populations[0];
        Assert.Contains("secrétaires médicales", admin.Terms);
        Assert.Contains("comptables", admin.Terms);
        var tech = a.Populations[1];
        Assert.Contains("personnels d'entretien", tech.Terms);
        Assert.Contains("chauffeurs", tech.Terms);
        Assert.Contains("agents de maintenance", tech.Terms);
    }

    [Fact]
    public void Q004_TheAnswerIsNeverRead()
    {
        // The answer speaks of retroactivity (« rétroactive au 1er juillet 2022 ») and of the CNSA: not the question's demands.
        var a = Fixtures.Analyze(Fixtures.Published("004"));
        Assert.Contains("rétroactive", a.Question.AnswerText);
        Assert.DoesNotContain("retroactivite", Fixtures.DemandIds(a).Concat(Fixtures.MentionIds(a)));
    }

    [Fact]
    public void PopulationsCarryProfilesOfTheSchemaVocabulary()
    {
        var a = Fixtures.Analyze(Fixtures.Published("003"));
        var profile = Assert.Single(a.Populations[0].Definition.Profiles).Profile;
        Assert.Equal("securite_sociale", profile["employeur"]!["secteur"]!.GetValue<string>());
        Assert.Equal("CAF", profile["employeur"]!["organisme"]!.GetValue<string>());
        Assert.Equal("organisme_securite_sociale", profile["employeur"]!["structure"]!.GetValue<string>());
        Assert.Equal("assistant_service_social", profile["emploi"]!["profession"]!.GetValue<string>());
        Assert.Equal("salarie", profile["emploi"]!["statut"]!.GetValue<string>());
    }

    [Fact]
    public void R1_HomeHelpers_ExtensionRetroactivityFunding()
    {
        var a = Fixtures.Analyze(Fixtures.Written("r1"));
        Assert.Equal(["aides-a-domicile"], Fixtures.PopulationIds(a));
        Assert.Equal(["extension", "retroactivite", "financement"], Fixtures.DemandIds(a));
    }

    [Fact]
    public void R2_Nurseries_BeneficiarySentenceIgnored_QuestionMarkIsARequest()
    {
        var a = Fixtures.Analyze(Fixtures.Written("r2"));
        // « Les aides à domicile ... ont bénéficié de l'avenant 43 » describes beneficiaries: not a population asked about.
        Assert.Equal(["educateurs-jeunes-enfants-creches"], Fixtures.PopulationIds(a));
        Assert.Equal(["extension", "chiffrage"], Fixtures.DemandIds(a));
        Assert.EndsWith("?", a.Demands[0].Excerpt);
    }

    [Fact]
    public void R3_R4_Campaign_CafAndCpam()
    {
        foreach (var r in new[] { "r3", "r4" })
        {
            var a = Fixtures.Analyze(Fixtures.Written(r));
            Assert.Equal(["travailleurs-sociaux-caf", "travailleurs-sociaux-cpam"], Fixtures.PopulationIds(a));
            Assert.Equal(["extension", "calendrier", "concertation"], Fixtures.DemandIds(a));
        }
    }

    [Fact]
    public void R5_FosterCarers_NoDemandOfTheVocabulary()
    {
        var a = Fixtures.Analyze(Fixtures.Written("r5"));
        Assert.Equal(["assistants-familiaux"], Fixtures.PopulationIds(a));
        Assert.Empty(a.Demands);
    }

    [Fact]
    public void R6_SupportStaffOfPublicEssms_GridAlignment()
    {
        var a = Fixtures.Analyze(Fixtures.Written("r6"));
        Assert.Equal(["personnels-administratifs-essms", "personnels-techniques-essms"], Fixtures.PopulationIds(a));
        Assert.Equal(["alignement-grille"], Fixtures.DemandIds(a));
    }

    [Fact]
    public void R7_NothingRecognised()
    {
        var a = Fixtures.Analyze(Fixtures.Written("r7"));
        Assert.Empty(a.Populations);
        Assert.Empty(a.Demands);
        Assert.Empty(a.Mentions);
    }

    [Fact]
    public void OpenData_MsaFromTitleAndText()
    {
        var a = Fixtures.Analyze(Path.Combine(Fixtures.OpenDataDir, "QANR5L17QE90008.json"));
        Assert.Equal(["travailleurs-sociaux-msa"], Fixtures.PopulationIds(a));
        Assert.Equal(["extension", "calendrier"], Fixtures.DemandIds(a));
    }

    [Fact]
    public void GenericSocialSecurity_OnlyWhenNoOrganismeIsNamed()
    {
        var generic = Documents.Analyze("Les travailleurs sociaux des organismes de sécurité sociale restent exclus de la prime. Elle demande leur intégration.");
        Assert.Equal(["travailleurs-sociaux-securite-sociale"], Fixtures.PopulationIds(generic));
        var named = Documents.Analyze("Les travailleurs sociaux des organismes de sécurité sociale, notamment des CPAM, restent exclus de la prime. Elle demande leur intégration.");
        Assert.Equal(["travailleurs-sociaux-cpam"], Fixtures.PopulationIds(named));
    }

    [Theory]
    [InlineData("Elle attire l'attention sur la situation des infirmiers et infirmières des conseils départementaux qui restent à ce jour exclus.", "agents-territoriaux-medico-sociaux")]
    [InlineData("Il demande d'étendre la prime Ségur aux agents administratifs et techniques du secteur social et médico-social de la fonction publique territoriale.", "agents-territoriaux-medico-sociaux")]
    [InlineData("Des assistants de service social du personnel travaillant dans des collectivités territoriales ne perçoivent pas ce complément.", "assistants-service-social-du-personnel")]
    [InlineData("Des agents du foyer départemental de l'enfance de la Marne s'inquiètent de ne pas bénéficier du versement de cette prime.", "agents-foyers-departementaux-enfance")]
    [InlineData("Elle l'interroge sur l'extension du dispositif « Ségur pour tous » aux entreprises adaptées, en particulier sur l'absence de financement.", "salaries-entreprises-adaptees")]
    public void PopulationsOfTheCorpusDossier_AreRecognised(string text, string population)
    {
        // Sentences of tests/Segur.Questions.Tests/corpus/POPULATIONS.md (from truncated pages, so not counted by CorpusTests).
        Assert.Equal([population], Fixtures.PopulationIds(Documents.Analyze(text)));
    }

    [Fact]
    public void Acronyms_MatchOnlyInCapitals_PhrasesIgnoreCaseAccentsAndApostrophes()
    {
        var lower = Documents.Analyze("Les travailleurs sociaux de la caf restent exclus.");
        Assert.Empty(lower.Populations);
        var typographic = Documents.Analyze("Les ASSISTANTES SOCIALES des Caisses d’Allocations Familiales restent exclues.");
        Assert.Equal(["travailleurs-sociaux-caf"], Fixtures.PopulationIds(typographic));
        Assert.Equal(["ASSISTANTES SOCIALES", "Caisses d’Allocations Familiales"], typographic.Populations[0].Terms);
    }

    [Fact]
    public void ProfessionAndPlace_MustBeWithinTheSentenceWindow()
    {
        var near = Documents.Analyze("Les travailleurs sociaux sont en colère. Ils travaillent à la CAF. Elle demande une mesure.");
        Assert.Equal(["travailleurs-sociaux-caf"], Fixtures.PopulationIds(near));
        var far = Documents.Analyze("Les travailleurs sociaux sont en colère. Le sujet est ancien. La situation dure. Ils travaillent à la CAF.");
        Assert.Empty(far.Populations);
    }

    [Fact]
    public void BeneficiarySentence_CountsAgainWhenItAlsoSpeaksOfExclusion()
    {
        var beneficiaries = Documents.Analyze("Les aides à domicile des SAAD ont bénéficié de l'avenant 43.");
        Assert.Empty(beneficiaries.Populations);
        var excluded = Documents.Analyze("Les aides à domicile des SAAD ont bénéficié de l'avenant 43 mais restent exclues de la prime.");
        Assert.Equal(["aides-a-domicile"], Fixtures.PopulationIds(excluded));
    }

    [Fact]
    public void DemandOutsideARequestSentence_IsOnlyAMention()
    {
        var a = Documents.Analyze("L'accord a été appliqué avec effet rétroactif. Elle demande son extension aux travailleurs sociaux des CAF.");
        Assert.Equal(["extension"], Fixtures.DemandIds(a));
        Assert.Equal(["retroactivite"], Fixtures.MentionIds(a));
        Assert.False(a.Mentions[0].Explicit);
        Assert.True(a.Demands[0].Explicit);
    }

    [Fact]
    public void TitleCountsAsARequest()
    {
        var a = Documents.Analyze("Les travailleurs sociaux des CAF sont mobilisés.", title: "Extension de la prime Ségur aux travailleurs sociaux des CAF");
        Assert.Equal(["extension"], Fixtures.DemandIds(a));
    }
}
