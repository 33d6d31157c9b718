using Segur.Questions;

namespace Segur.Questions.Tests;

/// <summary>The detection vocabulary: loaded and checked, every profile valid for the engine, errors in French.</summary>
public sealed class VocabularyTests
{
    private static string RepoVocabulary => Path.Combine(Fixtures.RepoRoot, "legislation", "questions", "vocabulaire.yaml");

    [Fact]
    public void EmbeddedCopyIsTheRepositoryFile()
    {
        var fromFile = QuestionVocabulary.FromFile(RepoVocabulary);
        Assert.Equal(Fixtures.Vocabulary.Populations.Select(p => p.Id), fromFile.Populations.Select(p => p.Id));
        Assert.Equal(Fixtures.Vocabulary.Demands.Select(p => p.Id), fromFile.Demands.Select(p => p.Id));
    }

    [Fact]
    public void HasThePopulationsAndDemandsOfTheIssue()
    {
        var v = Fixtures.Vocabulary;
        foreach (var id in new[] { "travailleurs-sociaux-caf", "travailleurs-sociaux-carsat", "travailleurs-sociaux-msa", "personnels-administratifs-essms" })
            Assert.Contains(v.Populations, p => p.Id == id);
        foreach (var id in new[] { "extension", "retroactivite", "alignement-grille", "calendrier", "financement", "concertation" })
            Assert.Contains(v.Demands, d => d.Id == id);
        Assert.Equal(1, v.SentenceWindow);
        Assert.Equal(3, v.ShingleSize);
        Assert.Equal(0.5, v.SimilarityThreshold);
    }

    [Fact]
    public void EveryProfileIsValidForTheEngineAndEvaluates()
    {
        var profiles = Fixtures.Vocabulary.CheckProfiles(Fixtures.Law);
        Assert.Equal(Fixtures.Vocabulary.Populations.Sum(p => p.Profiles.Count), profiles.Count);
        var evaluator = new Segur.Engine.Evaluation.Evaluator(Fixtures.Law);
        var range = new Segur.Engine.Time.MonthRange(new(2022, 4), new(2026, 6));
        foreach (var (key, profile) in profiles)
        {
            var r = evaluator.Evaluate(profile, range);
            Assert.Equal(51, r.Months.Count);
        }
    }

    [Fact]
    public void EngineVerdicts_SocialSecurityExcluded_BassSupportStaffPaidFrom2024()
    {
        var profiles = Fixtures.Vocabulary.CheckProfiles(Fixtures.Law);
        var evaluator = new Segur.Engine.Evaluation.Evaluator(Fixtures.Law);
        var range = new Segur.Engine.Time.MonthRange(new(2022, 4), new(2026, 6));
        var caf = evaluator.Evaluate(profiles[("travailleurs-sociaux-caf", 0)], range);
        Assert.All(caf.Months, m => Assert.False(m.Eligible));
        var bass = evaluator.Evaluate(profiles[("personnels-administratifs-essms", 1)], range);
        Assert.False(bass.Months.Single(m => m.Month == new Segur.Engine.Time.YearMonth(2023, 12)).Eligible);
        var jan2024 = bass.Months.Single(m => m.Month == new Segur.Engine.Time.YearMonth(2024, 1));
        Assert.True(jan2024.Eligible);
        Assert.Equal(["M9"], jan2024.Retained);
    }

    [Fact]
    public void TermsIgnoreAccentsButKeepAcronymCase()
    {
        var t = new Term("sécurité sociale");
        Assert.False(t.IsAcronym);
        Assert.True(t.OccursIn(FrenchText.Tokens("la SECURITE SOCIALE")));
        var caf = new Term("CAF");
        Assert.True(caf.IsAcronym);
        Assert.False(caf.OccursIn(FrenchText.Tokens("un caf")));
        Assert.True(caf.OccursIn(FrenchText.Tokens("des CAF.")));
        Assert.False(caf.OccursIn(FrenchText.Tokens("la CAFÉTÉRIA")));
        Assert.True(new Term("bac + 3").OccursIn(FrenchText.Tokens("niveau bac+3")));
    }

    private static string Minimal(string populations = "", string extraRoot = "") => $"""
        version: 1
        fenetre_phrases: 1
        {extraRoot}
        marqueurs:
          demande: [demande]
          beneficiaires: []
          exclusion: []
        themes:
          - id: t
            libelle: "Thème"
        professions:
          - id: p
            libelle: "Profession"
            termes: [travailleurs sociaux]
        organismes:
          - id: o
            libelle: "Organisme"
            termes: [CAF]
        structures:
          - id: s
            libelle: "Structure"
            termes: [crèche]
        populations:
        {(populations.Length > 0 ? populations : """
          - id: pop
            libelle: "Population"
            theme: t
            professions: [p]
            lieux: [o]
            profils:
              - libelle: "Profil"
                profil:
                  employeur: {secteur: securite_sociale, organisme: CAF, structure: organisme_securite_sociale}
                  emploi: {profession: assistant_service_social}
        """)}
        demandes:
          - id: d
            libelle: "Demande"
            termes: [extension]
        """;

    [Fact]
    public void MinimalVocabularyLoads()
    {
        var v = QuestionVocabulary.Load(Minimal(), "v.yaml");
        Assert.Single(v.Populations);
        Assert.Single(v.Populations[0].Profiles);
        Assert.Single(v.CheckProfiles(Fixtures.Law));
    }

    [Fact]
    public void UnknownKey_IsRefusedWithItsLine()
    {
        var e = Assert.Throws<Segur.Engine.SegurException>(() => QuestionVocabulary.Load(Minimal(extraRoot: "seuil: 3"), "v.yaml"));
        Assert.StartsWith("v.yaml, ligne 3 : racine : clé inconnue « seuil »", e.Message);
    }

    [Fact]
    public void UnknownReferences_AreRefused()
    {
        var pops = """
              - id: pop
                libelle: "Population"
                theme: inconnu
                professions: [x]
                lieux: [o]
                remplacee_par: [fantome]
                profils:
                  - libelle: "Profil"
                    profil: {employeur: {secteur: public, structure: creche}, emploi: {profession: infirmier}}
            """;
        var e = Assert.Throws<Segur.Engine.SegurException>(() => QuestionVocabulary.Load(Minimal(pops), "v.yaml"));
        var all = string.Join("\n", new[] { e.Message }.Concat(e.Details));
        Assert.Contains("populations « pop » : thème « inconnu » inconnu", all);
        Assert.Contains("professions : « x » inconnu ; attendu un id des professions (p)", all);
        Assert.Contains("remplacee_par « fantome » : population inconnue", all);
    }

    [Fact]
    public void ProfileOutsideTheSchema_NamesThePopulation()
    {
        var pops = """
              - id: pop
                libelle: "Population"
                theme: t
                professions: [p]
                profils:
                  - libelle: "Profil faux"
                    profil: {employeur: {secteur: securite_sociale, organisme: CAFF, structure: organisme_securite_sociale}, emploi: {profession: assistant_service_social}}
            """;
        var v = QuestionVocabulary.Load(Minimal(pops), "v.yaml");
        var e = Assert.Throws<Segur.Engine.SegurException>(() => v.CheckProfiles(Fixtures.Law));
        Assert.StartsWith("v.yaml, population pop, profil « Profil faux » : /employeur/organisme : valeur \"CAFF\" inconnue", e.Message);
    }

    [Fact]
    public void InvalidYaml_NamesTheLine()
    {
        var e = Assert.Throws<Segur.Engine.SegurException>(() => QuestionVocabulary.Load("version: 1\nthemes: [a\n", "v.yaml"));
        Assert.StartsWith("v.yaml, ligne", e.Message);
        Assert.Contains("YAML invalide", e.Message);
        // YamlDotNet's English text never reaches a user.
        Assert.DoesNotContain("While", e.Message, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("expected", e.Message, StringComparison.OrdinalIgnoreCase);
    }
}
