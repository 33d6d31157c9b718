namespace Segur.Cli.Tests;

/// <summary>The command line speaks French: help, errors of System.CommandLine, suggestions, formats, cases from any folder.</summary>
public sealed class FrenchCommandLineTests
{
    private static (int Code, string Out, string Err) Run(params string[] args) => CliRunner.Run(args);

    private static string Example => Path.Combine(Root, "exemples", "infirmiere-chu.json");

    private static string Root => CliRunner.Root;

    private static readonly string[] English = ["Usage:", "Options:", "Commands:", "Arguments:", "Description:", "(REQUIRED)", "[default:", "is required", "Unrecognized", "Required argument", "Required command", "Cannot parse"];

    private static void AssertNoEnglish(string text)
    {
        foreach (var e in English) Assert.DoesNotContain(e, text);
    }

    [Theory]
    [InlineData("--help")]
    [InlineData("verifier", "--help")]
    [InlineData("simuler", "--help")]
    [InlineData("serveur", "--help")]
    [InlineData("cas", "--help")]
    public void Help_IsInFrench(params string[] args)
    {
        var (code, o, _) = Run(args);
        Assert.Equal(0, code);
        Assert.Contains("Utilisation :", o);
        Assert.Contains("Options :", o);
        AssertNoEnglish(o);
    }

    [Fact]
    public void Help_SaysRequiredAndDefaultsInFrench()
    {
        Assert.Contains("(obligatoire)", Run("simuler", "--help").Out);
        Assert.Contains("[par défaut : 8080]", Run("serveur", "--help").Out);
        Assert.Contains("Commandes :", Run("--help").Out);
        Assert.Contains("Arguments :", Run("verifier", "--help").Out);
    }

    [Theory]
    [InlineData(new[] { "verifie" }, "commande « verifie » inconnue ; vouliez-vous dire « verifier » ?")]
    [InlineData(new[] { "verifier", "PROFIL", "--perode", "2024-01" }, "option « --perode » inconnue de « segur verifier » ; vouliez-vous dire « --periode » ?")]
    [InlineData(new[] { "simuler", "effectifs.csv" }, "option --periode obligatoire manquante")]
    [InlineData(new[] { "verifier" }, "argument <profil> obligatoire manquant pour « segur verifier »")]
    [InlineData(new[] { "serveur", "--port", "abc" }, "--port « abc » : valeur invalide ; attendu un nombre entier")]
    [InlineData(new string[] { }, "commande manquante ; attendu une commande parmi : verifier, cas")]
    public void ParseErrors_AreInFrench_WithSuggestions(string[] args, string expected)
    {
        var (code, _, e) = Run(args.Select(a => a == "PROFIL" ? Example : a).ToArray());
        Assert.Equal(2, code);
        Assert.Contains("erreur : " + expected, e);
        AssertNoEnglish(e);
    }

    [Fact]
    public void MistypedVocabularyValue_SuggestsTheMeantOne_InsteadOfTheWholeList()
    {
        var file = Path.Combine(Path.GetTempPath(), $"segur-{Guid.NewGuid():N}.json");
        File.WriteAllText(file, """{"employeur": {"secteur": "public", "structure": "ehpad"}, "emploi": {"profession": "infirmiere"}}""");
        try
        {
            var (code, _, e) = Run("verifier", file, "--periode", "2024-01");
            Assert.Equal(2, code);
            Assert.Contains("/emploi/profession : valeur \"infirmiere\" inconnue ; vouliez-vous dire « infirmier » ?", e);
            Assert.DoesNotContain("assistant_service_social", e);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Theory]
    [InlineData("JSON")]
    [InlineData("Json")]
    public void Format_IsCaseInsensitive(string format)
    {
        var (code, o, _) = Run("verifier", Example, "--periode", "2024-01", "--format", format);
        Assert.Equal(0, code);
        Assert.StartsWith("{", o);
    }

    [Fact]
    public void Format_Mistyped_SuggestsTheMeantOne() =>
        Assert.Contains("--format « jsn » inconnu ; vouliez-vous dire « json » ?", Run("verifier", Example, "--format", "jsn").Err);

    [Fact]
    public void Cas_RunsTheEmbeddedCases_FromAnyFolder()
    {
        // The tests run in their bin folder, where there is no legislation/cases/.
        Assert.False(Directory.Exists(Path.Combine(Environment.CurrentDirectory, "legislation", "cases")));
        var (code, o, e) = Run("cas");
        Assert.True(code == 0, e + o);
        Assert.Matches(@"^\d{3} cas, \d{3} conformes, 0 en échec\.", o.Trim());
    }
}
