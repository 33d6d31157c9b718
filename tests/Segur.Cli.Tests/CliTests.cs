using System.Text.Json;
using Segur.Cli;

namespace Segur.Cli.Tests;

public sealed class CliTests : IDisposable
{
    private readonly string _tmp = Directory.CreateTempSubdirectory("segur-cli-").FullName;

    public void Dispose() => Directory.Delete(_tmp, recursive: true);

    private static string Root
    {
        get
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "segur.slnx"))) dir = dir.Parent;
            return dir!.FullName;
        }
    }

    private static (int Code, string Out, string Err) Run(params string[] args)
    {
        var o = new StringWriter();
        var e = new StringWriter();
        var code = Cli.Run(args, o, e, TimeProvider.System);
        return (code, o.ToString(), e.ToString());
    }

    private string Write(string name, string text)
    {
        var path = Path.Combine(_tmp, name);
        File.WriteAllText(path, text);
        return path;
    }

    private static void AssertNoStackTrace(string text) => Assert.DoesNotContain("   at ", text);

    [Fact]
    public void Verifier_Json_GivesEveryMonthWithAmountAndReferences()
    {
        var (code, o, e) = Run("verifier", Path.Combine(Root, "exemples", "infirmiere-chu.json"), "--periode", "2020-09..2026-12", "--format", "json-v1");
        Assert.Equal(0, code);
        Assert.Equal("", e);
        using var doc = JsonDocument.Parse(o);
        var months = doc.RootElement.GetProperty("mois");
        Assert.Equal(76, months.GetArrayLength());
        Assert.Equal(241.22m, months[75].GetProperty("montant_brut").GetDecimal());
        Assert.Equal("M1", months[75].GetProperty("mesures_retenues")[0].GetString());
    }

    [Fact]
    public void Verifier_Text_IsFrenchAndExplainsTheExclusion()
    {
        var (code, o, _) = Run("verifier", Path.Combine(Root, "exemples", "assistante-sociale-caf.json"), "--periode", "2024-01..2024-12");
        Assert.Equal(0, code);
        Assert.Contains("Aucune mesure Ségur ne vous est due", o);
        Assert.Contains("Organismes de sécurité sociale", o);
        Assert.Contains("Total brut dû sur la période : 0,00 €", o);
    }

    [Fact]
    public void Verifier_SameInputTwice_GivesSameBytes()
    {
        var a = Run("verifier", Path.Combine(Root, "exemples", "infirmiere-chu.json"), "--periode", "2021-01..2026-12", "--format", "json").Out;
        var b = Run("verifier", Path.Combine(Root, "exemples", "infirmiere-chu.json"), "--periode", "2021-01..2026-12", "--format", "json").Out;
        Assert.Equal(a, b);
    }

    [Fact]
    public void Verifier_DroitAu_AppliesTheLawAsPublished()
    {
        var p = Write("fpt.json", """{"employeur": {"secteur": "public", "versant": "FPT", "structure": "ehpad"}, "emploi": {"profession": "agent_technique", "statut": "titulaire"}}""");
        var before = Run("verifier", p, "--periode", "2020-10", "--droit-au", "2021-01-31", "--format", "json-v1");
        var after = Run("verifier", p, "--periode", "2020-10", "--droit-au", "2021-03-01", "--format", "json-v1");
        Assert.False(JsonDocument.Parse(before.Out).RootElement.GetProperty("mois")[0].GetProperty("eligible").GetBoolean());
        Assert.Equal(112.46m, JsonDocument.Parse(after.Out).RootElement.GetProperty("mois")[0].GetProperty("montant_brut").GetDecimal());
    }

    [Theory]
    [InlineData("""{"employeur": {"secteur": "public", "structure": "ehpad"}, "emploi": {"profession": "astronaute"}}""", "/emploi/profession : valeur \"astronaute\" inconnue")]
    [InlineData("""{"employeur": {"secteur": "public", "structure": "chateau"}, "emploi": {"profession": "infirmier"}}""", "/employeur/structure : valeur \"chateau\" inconnue")]
    [InlineData("""{"employeur": {"secteur": "public", "structure": "ehpad"}, "emploi": {"profession": "infirmier", "quotite": 0}}""", "quotité 0 hors bornes")]
    [InlineData("""{"employeur": {"secteur": "public"}""", "JSON invalide")]
    public void Verifier_BadProfile_ExitsWith2AndAFrenchMessage(string json, string expected)
    {
        var (code, o, e) = Run("verifier", Write("bad.json", json), "--periode", "2024-01");
        Assert.Equal(2, code);
        Assert.Equal("", o);
        Assert.Contains("bad.json", e);
        Assert.Contains(expected, e);
        AssertNoStackTrace(e);
    }

    [Theory]
    [InlineData("--periode", "2025-01..2024-01", "la fin (2024-01) précède le début (2025-01)")]
    [InlineData("--periode", "2026-13", "attendu AAAA-MM")]
    [InlineData("--droit-au", "2021-02-30", "attendu une date AAAA-MM-JJ")]
    [InlineData("--format", "pdf", "attendu texte, json ou json-v1")]
    public void Verifier_BadOption_ExitsWith2(string option, string value, string expected)
    {
        var (code, _, e) = Run("verifier", Path.Combine(Root, "exemples", "infirmiere-chu.json"), option, value);
        Assert.Equal(2, code);
        Assert.Contains(expected, e);
        AssertNoStackTrace(e);
    }

    [Fact]
    public void Verifier_MissingFile_ExitsWith2()
    {
        var (code, _, e) = Run("verifier", Path.Combine(_tmp, "absent.json"));
        Assert.Equal(2, code);
        Assert.Contains("fichier de profil introuvable", e);
    }

    [Fact]
    public void MalformedLegislationFile_ExitsWith2AndNamesTheFile()
    {
        var law = Path.Combine(_tmp, "law");
        foreach (var f in Directory.EnumerateFiles(Path.Combine(Root, "legislation"), "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(law, Path.GetRelativePath(Path.Combine(Root, "legislation"), f));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(f, target);
        }
        File.AppendAllText(Path.Combine(law, "measures", "m1-cti-segur-1.yaml"), "\ncriteres: [oops\n");
        var (code, _, e) = Run("legislation", "--legislation", law);
        Assert.Equal(2, code);
        Assert.Contains("m1-cti-segur-1.yaml, ligne", e);
        AssertNoStackTrace(e);
    }

    [Fact]
    public void Verifier_Sortie_WritesTheFileAtomically()
    {
        var target = Path.Combine(_tmp, "resultat.json");
        var (code, o, _) = Run("verifier", Path.Combine(Root, "exemples", "infirmiere-chu.json"), "--periode", "2024-01", "--format", "json", "--sortie", target);
        Assert.Equal(0, code);
        Assert.Equal("", o);
        Assert.Equal(241.22m, JsonDocument.Parse(File.ReadAllText(target)).RootElement.GetProperty("mois")[0].GetProperty("montant_brut").GetDecimal());
        Assert.Single(Directory.GetFiles(_tmp));
    }

    [Fact]
    public void Cas_RunsEveryLegalCase()
    {
        var (code, o, _) = Run("cas", Path.Combine(Root, "legislation", "cases"));
        Assert.Equal(0, code);
        Assert.Matches(@"\d+ cas, \d+ conformes, 0 en échec\.", o);
    }

    [Fact]
    public void Cas_WrongExpectation_IsReportedAndFails()
    {
        var dir = Directory.CreateDirectory(Path.Combine(_tmp, "cases")).FullName;
        File.WriteAllText(Path.Combine(dir, "faux.yaml"), """
            cas:
              - id: FAUX-1
                titre: "Infirmière de CHU, montant volontairement faux"
                profil:
                  employeur: {secteur: public, versant: FPH, structure: etablissement_public_sante}
                  emploi: {profession: infirmier, statut: titulaire}
                mois: 2024-01
                attendu: {eligible: true, mesure: M1, montant_brut: 250.00, motifs: [], incertain: false}
                raison: "test"
                confiance: H
                sources: [https://www.legifrance.gouv.fr/loda/id/JORFTEXT000042345102]
            """);
        var (code, o, _) = Run("cas", dir);
        Assert.Equal(1, code);
        Assert.Contains("montant brut : attendu 250.00, obtenu 241.22", o);
    }

    [Fact]
    public void Legislation_ListsMeasuresAndDatedValues()
    {
        var (code, o, _) = Run("legislation");
        Assert.Equal(0, code);
        Assert.Contains("M9 — Accord BASS du 4 juin 2024", o);
        Assert.Contains("2023-07-01 → … : 5 907,34", o);
    }

    [Fact]
    public void UnknownCommand_ExitsWith2InFrench()
    {
        var (code, _, e) = Run("calculer");
        Assert.Equal(2, code);
        Assert.StartsWith("erreur : ", e);
    }
}
