using System.Text.Json;

namespace Segur.Questions.Tests;

/// <summary><c>segur question</c>: text and JSON, one file or a folder, --sortie, errors with exit code 2.</summary>
public sealed class QuestionCommandTests : IDisposable
{
    private readonly string _tmp = Directory.CreateTempSubdirectory("segur-question-").FullName;

    public void Dispose() => Directory.Delete(_tmp, recursive: true);

    private static (int Code, string Out, string Err) Run(params string[] args)
    {
        var o = new StringWriter();
        var e = new StringWriter();
        var code = Segur.Cli.Cli.Run(args, o, e, TimeProvider.System);
        return (code, o.ToString(), e.ToString());
    }

    private static readonly string[] RequiredKeys =
    [
        "numero", "legislature", "titre", "auteur", "circonscription", "groupe", "rubrique", "ministere_interroge",
        "ministere_attributaire", "date_question", "page_question", "date_reponse", "page_reponse", "question", "reponse",
        "populations", "demandes",
    ];

    [Fact]
    public void Text_OneFile_MetadataPopulationsDemandsAndEngineVerdict()
    {
        var (code, o, e) = Run("question", Fixtures.Published("003"));
        Assert.Equal(0, code);
        Assert.Equal("", e);
        Assert.StartsWith("Question écrite n° 12835 (17e législature) — QANR5L17QE12835", o);
        Assert.Contains("Auteur : Mme Françoise Buffet — Bas-Rhin (4e circonscription) — Ensemble pour la République", o);
        Assert.Contains("Question publiée au JO le 10 février 2026, page 1096", o);
        Assert.Contains("Réponse : aucune réponse publiée", o);
        Assert.Contains("  • travailleurs-sociaux-caf — Travailleurs sociaux des caisses d'allocations familiales (CAF)", o);
        Assert.Contains("  • concertation — Concertation, négociation avec les partenaires sociaux", o);
        Assert.Contains("Situation actuelle selon le moteur (droit connu à ce jour, législation", o);
        Assert.Contains("avril 2022 à février 2026 : aucune mesure due", o);
        Assert.Contains("exclusion : Organismes de sécurité sociale", o);
        Assert.Contains("Texte de la question :", o);
    }

    [Fact]
    public void Text_PublicEssmsSupportStaff_ShowsTheExclusion()
    {
        var (code, o, _) = Run("question", Fixtures.Written("r6"));
        Assert.Equal(0, code);
        Assert.Contains("exclusion : Personnels administratifs, techniques, ouvriers et ASHQ des ESSMS publics autonomes (hors EHPAD)", o);
        var (code2, o2, _) = Run("question", Fixtures.Published("000"));
        Assert.Equal(0, code2);
        Assert.Contains("avril 2022 à juin 2026 : aucune mesure due", o2);
    }

    [Fact]
    public void Json_OneFile_HasTheContractKeys()
    {
        var (code, o, e) = Run("question", Fixtures.Published("004"), "--format", "json");
        Assert.Equal(0, code);
        Assert.Equal("", e);
        using var doc = JsonDocument.Parse(o);
        var q = doc.RootElement;
        foreach (var k in RequiredKeys) Assert.True(q.TryGetProperty(k, out _), k);
        Assert.Equal(10826, q.GetProperty("numero").GetInt32());
        Assert.Equal(16, q.GetProperty("legislature").GetInt32());
        Assert.Equal("Prime Ségur : encore des exclus", q.GetProperty("titre").GetString());
        Assert.Equal("Mme Katiana Levavasseur", q.GetProperty("auteur").GetString());
        Assert.Equal("Eure (2e circonscription)", q.GetProperty("circonscription").GetString());
        Assert.Equal("Rassemblement National", q.GetProperty("groupe").GetString());
        Assert.Equal("Institutions sociales et médico sociales", q.GetProperty("rubrique").GetString());
        Assert.Equal("Santé et prévention", q.GetProperty("ministere_interroge").GetString());
        Assert.Equal("Solidarités et familles", q.GetProperty("ministere_attributaire").GetString());
        Assert.Equal("2023-08-08", q.GetProperty("date_question").GetString());
        Assert.Equal(7351, q.GetProperty("page_question").GetInt32());
        Assert.Equal("2023-10-24", q.GetProperty("date_reponse").GetString());
        Assert.Equal(9555, q.GetProperty("page_reponse").GetInt32());
        Assert.StartsWith("Mme Katiana Levavasseur", q.GetProperty("question").GetString());
        Assert.StartsWith("L'attractivité des métiers", q.GetProperty("reponse").GetString());
        Assert.Equal(["personnels-administratifs-essms", "personnels-techniques-essms", "salaries-secteur-associatif"],
            q.GetProperty("populations").EnumerateArray().Select(p => p.GetProperty("id").GetString()));
        Assert.Equal(["extension", "calendrier"], q.GetProperty("demandes").EnumerateArray().Select(p => p.GetProperty("id").GetString()));
        var situation = q.GetProperty("situation_actuelle");
        Assert.Equal("2022-04", situation.GetProperty("debut").GetString());
        Assert.Equal("2023-08", situation.GetProperty("fin").GetString());
        Assert.Equal(6, situation.GetProperty("profils").GetArrayLength());
    }

    [Fact]
    public void Json_Unanswered_HasNullAnswerFields()
    {
        var (code, o, _) = Run("question", Fixtures.Published("000"), "--format", "json");
        Assert.Equal(0, code);
        using var doc = JsonDocument.Parse(o);
        var q = doc.RootElement;
        Assert.Equal(JsonValueKind.Null, q.GetProperty("date_reponse").ValueKind);
        Assert.Equal(JsonValueKind.Null, q.GetProperty("page_reponse").ValueKind);
        Assert.Equal(JsonValueKind.Null, q.GetProperty("reponse").ValueKind);
        var profile = q.GetProperty("situation_actuelle").GetProperty("profils")[0];
        Assert.Equal("travailleurs-sociaux-caf", profile.GetProperty("population").GetString());
        Assert.Equal(0m, profile.GetProperty("total_brut").GetDecimal());
        Assert.Equal("organismes-securite-sociale", profile.GetProperty("exclusions")[0].GetProperty("id").GetString());
        Assert.False(profile.TryGetProperty("rapport", out _));
    }

    [Fact]
    public void Json_Detail_EmbedsTheEngineReport()
    {
        var (code, o, _) = Run("question", Fixtures.Written("r6"), "--format", "json", "--detail");
        Assert.Equal(0, code);
        using var doc = JsonDocument.Parse(o);
        var profiles = doc.RootElement.GetProperty("situation_actuelle").GetProperty("profils");
        var bass = profiles.EnumerateArray().First(p => p.GetProperty("libelle").GetString()!.Contains("BASS"));
        Assert.Equal(12, bass.GetProperty("rapport").GetProperty("mois").GetArrayLength()); // avril 2022 à mars 2023
    }

    [Fact]
    public void Json_Folder_QuestionsAndGroups()
    {
        var (code, o, e) = Run("question", Fixtures.Root, "--format", "json");
        Assert.Equal(0, code);
        Assert.Equal("", e);
        using var doc = JsonDocument.Parse(o);
        var questions = doc.RootElement.GetProperty("questions");
        Assert.Equal(13, questions.GetArrayLength());
        foreach (var q in questions.EnumerateArray())
            foreach (var k in RequiredKeys) Assert.True(q.TryGetProperty(k, out _), k);
        var groups = doc.RootElement.GetProperty("regroupement").GetProperty("groupes");
        Assert.Equal("securite-sociale", groups[0].GetProperty("theme").GetString());
        Assert.Equal(2, groups[0].GetProperty("quasi_identiques")[0].GetProperty("questions").GetArrayLength());
    }

    [Fact]
    public void Text_Folder_EndsWithTheGroups()
    {
        var (code, o, _) = Run("question", Fixtures.PublishedDir);
        Assert.Equal(0, code);
        Assert.Contains("Regroupement de 5 questions par thème", o);
        Assert.Contains("── Travailleurs sociaux des organismes de sécurité sociale (4 questions) ──", o);
    }

    [Fact]
    public void Output_OneBriefPerQuestionAndTheGroups()
    {
        var dir = Path.Combine(_tmp, "briefs");
        var (code, o, e) = Run("question", Fixtures.PublishedDir, "--format", "json", "--sortie", dir);
        Assert.Equal(0, code);
        Assert.Equal("", o);
        Assert.Contains("5 fiche(s) de question écrite(s) dans", e);
        var files = Directory.GetFiles(dir).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(["QANR5L16QE10826.json", "QANR5L17QE12835.json", "QANR5L17QE14347.json", "QANR5L17QE14348.json", "QANR5L17QE15684.json", "groupes.json"], files);
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, "QANR5L17QE12835.json")));
        Assert.Equal(12835, doc.RootElement.GetProperty("numero").GetInt32());
    }

    [Fact]
    public void SameQuestionTwice_KeepsOneCopyAndSaysSo()
    {
        var dir = Path.Combine(_tmp, "doublons");
        Directory.CreateDirectory(dir);
        File.Copy(Fixtures.Published("003"), Path.Combine(dir, "a.txt"));
        File.Copy(Fixtures.Published("003"), Path.Combine(dir, "b.txt"));
        var (code, o, e) = Run("question", dir);
        Assert.Equal(0, code);
        Assert.Contains("b.txt : même question que", e);
        Assert.Contains("Regroupement de 1 question par thème", o);
    }

    [Fact]
    public void MalformedQuestion_ExitCode2_FrenchMessage_NoStackTrace()
    {
        var path = Path.Combine(_tmp, "mauvaise.txt");
        File.WriteAllText(path, "17e législature\nUne ligne qui n'est pas une question\n");
        var (code, o, e) = Run("question", path);
        Assert.Equal(2, code);
        Assert.Equal("", o);
        Assert.StartsWith($"erreur : {path} : texte de la question introuvable", e);
        Assert.DoesNotContain("   at ", e);
    }

    [Fact]
    public void MissingPath_And_BadFormat_ExitCode2()
    {
        var (code, _, e) = Run("question", Path.Combine(_tmp, "absent.txt"));
        Assert.Equal(2, code);
        Assert.Contains("fichier ou dossier de questions introuvable", e);
        var (code2, _, e2) = Run("question", Fixtures.Published("000"), "--format", "xml");
        Assert.Equal(2, code2);
        Assert.Contains("--format « xml » inconnu", e2);
    }

    [Fact]
    public void CustomVocabulary_IsUsed()
    {
        var path = Path.Combine(_tmp, "vocabulaire.yaml");
        var yaml = File.ReadAllText(Path.Combine(Fixtures.RepoRoot, "legislation", "questions", "vocabulaire.yaml"))
            .Replace("travailleurs-sociaux-caf", "ts-caf");
        File.WriteAllText(path, yaml);
        var (code, o, e) = Run("question", Fixtures.Published("003"), "--vocabulaire", path);
        Assert.Equal(0, code);
        Assert.Equal("", e);
        Assert.Contains("  • ts-caf — ", o);
    }
}
