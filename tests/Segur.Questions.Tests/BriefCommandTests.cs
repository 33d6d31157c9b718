namespace Segur.Questions.Tests;

/// <summary><c>segur question --fiche</c>: Markdown or HTML on standard output, both formats with --sortie, French errors.</summary>
public sealed class BriefCommandTests : IDisposable
{
    private readonly string _tmp = Directory.CreateTempSubdirectory("segur-fiche-cli-").FullName;

    public void Dispose() => Directory.Delete(_tmp, recursive: true);

    private static (int Code, string Out, string Err) Run(params string[] args)
    {
        var o = new StringWriter();
        var e = new StringWriter();
        var code = Segur.Cli.Cli.Run(args, o, e, TimeProvider.System);
        return (code, o.ToString(), e.ToString());
    }

    [Fact]
    public void Brief_Markdown_OnStandardOutput()
    {
        var (code, o, e) = Run("question", Fixtures.Published("003"), "--fiche");
        Assert.Equal(0, code);
        Assert.Equal("", e);
        Assert.StartsWith("# Fiche — Question écrite n° 12835 (17e législature)", o);
        foreach (var section in new[] { "## La question", "## Ce qui est demandé", "## Situation actuelle selon le moteur", "## Coût de l'extension demandée", "### Rappels", "### Hypothèses", "## Écart de grilles", "## Références" })
            Assert.Contains("\n" + section + "\n", o);
        Assert.Contains("| Coût brut supplémentaire sur la période (avril 2022 à janvier 2027) | **", o);
    }

    [Fact]
    public void Brief_Html_OnStandardOutput()
    {
        var (code, o, _) = Run("question", Fixtures.Published("003"), "--brief", "--format", "html");
        Assert.Equal(0, code);
        Assert.StartsWith("<!DOCTYPE html>", o);
        Assert.Contains("<html lang=\"fr\">", o);
        Assert.Contains("<h2>Coût de l&#39;extension demandée</h2>", o);
    }

    [Fact]
    public void Brief_Folder_WritesMarkdownAndHtml_AndTheTableOfContents()
    {
        var dir = Path.Combine(_tmp, "fiches");
        var (code, o, e) = Run("question", Fixtures.PublishedDir, "--fiche", "--sortie", dir);
        Assert.Equal(0, code);
        Assert.Equal("", o);
        Assert.Contains("5 fiche(s) pour 5 question(s) écrite(s) dans", e);
        var files = Directory.GetFiles(dir).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(12, files.Count);
        Assert.Contains("QANR5L17QE12835.md", files);
        Assert.Contains("QANR5L17QE12835.html", files);
        Assert.Contains("sommaire.md", files);
        Assert.Contains("sommaire.html", files);
        Assert.DoesNotContain(files, f => f!.EndsWith(".tmp", StringComparison.Ordinal));
        Assert.StartsWith("# Fiche — Question écrite n° 12835", File.ReadAllText(Path.Combine(dir, "QANR5L17QE12835.md")));
        // Questions asking for the grids to be aligned get the career comparison (segur carriere).
        Assert.Contains(Directory.GetFiles(dir, "*.md"), f => File.ReadAllText(f).Contains("Affirmations des questions écrites", StringComparison.Ordinal));
    }

    [Fact]
    public void Brief_Errors_InFrench_ExitCode2()
    {
        var (code, o, e) = Run("question", Fixtures.Published("003"), "--fiche", "--format", "json");
        Assert.Equal(2, code);
        Assert.Equal("", o);
        Assert.Contains("--fiche : --format json non pris en charge ; la fiche existe en Markdown", e);

        var (code2, _, e2) = Run("question", Fixtures.PublishedDir, "--fiche", "--format", "html");
        Assert.Equal(2, code2);
        Assert.Contains("un dossier donne plusieurs fiches HTML ; utilisez --sortie dossier", e2);

        var bad = Path.Combine(_tmp, "mauvaise.txt");
        File.WriteAllText(bad, "17e législature\nUne ligne qui n'est pas une question\n");
        var (code3, o3, e3) = Run("question", bad, "--fiche");
        Assert.Equal(2, code3);
        Assert.Equal("", o3);
        Assert.StartsWith($"erreur : {bad} : texte de la question introuvable", e3);
        Assert.DoesNotContain("   at ", e3);

        var (code4, _, e4) = Run("question", Path.Combine(_tmp, "absente.txt"), "--fiche");
        Assert.Equal(2, code4);
        Assert.Contains("fichier ou dossier de questions introuvable", e4);
    }
}
