namespace Segur.Cli.Tests;

/// <summary><c>segur verifier --verse-depuis AAAA-MM [--lettre lettre.html]</c> and <c>--detail</c>.</summary>
public sealed class VerifyArrearsTests : IDisposable
{
    private readonly string _tmp = Directory.CreateTempSubdirectory("segur-rappel-").FullName;

    public void Dispose() => Directory.Delete(_tmp, recursive: true);

    private static string Example(string name)
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "segur.slnx"))) dir = dir.Parent;
        return Path.Combine(dir!.FullName, "exemples", name);
    }

    private static (int Code, string Out, string Err) Run(params string[] args)
    {
        var o = new StringWriter();
        var e = new StringWriter();
        return (Cli.Run(args, o, e, TimeProvider.System), o.ToString(), e.ToString());
    }

    [Fact]
    public void VerseDepuis_GivesTheMonthsOwed_AndWritesTheLetter()
    {
        var letter = Path.Combine(_tmp, "lettre.html");
        var (code, o, e) = Run("verifier", Example("infirmiere-chu.json"), "--periode", "2020-09..2023-12", "--verse-depuis", "2022-01", "--lettre", letter);
        Assert.Equal(0, code);
        Assert.Contains("Sommes restant dues (versement effectif à partir de janvier 2022)", o);
        Assert.Contains("Total restant dû : 3 322,44 € brut", o);
        Assert.Contains("Lettre écrite dans", e);
        var html = File.ReadAllText(letter);
        Assert.Contains("demande de régularisation", html);
        Assert.Contains("3 322,44 €", html);
    }

    [Fact]
    public void VerseDepuis_Invalid_IsAFrenchError()
    {
        var (code, _, e) = Run("verifier", Example("infirmiere-chu.json"), "--periode", "2024-01", "--verse-depuis", "janvier");
        Assert.Equal(2, code);
        Assert.Contains("--verse-depuis « janvier » invalide ; attendu un mois AAAA-MM", e);
    }

    [Fact]
    public void ShortByDefault_TheCriterionTreeBehindDetail()
    {
        var brief = Run("verifier", Example("assistante-sociale-caf.json"), "--periode", "2024-06").Out;
        var full = Run("verifier", Example("assistante-sociale-caf.json"), "--periode", "2024-06", "--detail").Out;
        Assert.Contains("En bref (juin 2024) : Aucune mesure Ségur ne vous est due en juin 2024 : Organismes de sécurité sociale", brief);
        Assert.DoesNotContain("✘", brief);
        Assert.Contains("Détail critère par critère", full);
        Assert.Contains("✘", full);
        Assert.True(full.Length > 2 * brief.Length, $"{full.Length} / {brief.Length}");
    }
}
