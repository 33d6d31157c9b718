using System.Text.Json;
using System.Xml.Linq;

namespace Segur.Cli.Tests;

/// <summary>The <c>segur carriere</c> command: options, files written, errors.</summary>
public sealed class CareerCommandTests : IDisposable
{
    private readonly string _tmp = Directory.CreateTempSubdirectory("segur-carriere-").FullName;

    public void Dispose() => Directory.Delete(_tmp, recursive: true);

    private static string LegislationFolder
    {
        get
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "segur.slnx"))) dir = dir.Parent;
            return Path.Combine(dir!.FullName, "legislation");
        }
    }

    private static (int Code, string Out, string Err) Run(params string[] args)
    {
        var o = new StringWriter();
        var e = new StringWriter();
        var code = Cli.Run(args, o, e, TimeProvider.System);
        return (code, o.ToString(), e.ToString());
    }

    [Fact]
    public void Command_WritesTheChartAtomically_AndTheJson()
    {
        var svg = Path.Combine(_tmp, "carriere.svg");
        var (code, o, e) = Run("carriere", "--grille", "ucanss:niveau-5", "--grille", "fpt:assistant-socio-educatif", "--debut", "2026-01", "--annees", "42",
            "--format", "json", "--graphique", svg);
        Assert.Equal(0, code);
        Assert.Contains("Graphique écrit dans", e);
        Assert.True(File.Exists(svg));
        Assert.Empty(Directory.EnumerateFiles(_tmp, "*.tmp"));
        XDocument.Parse(File.ReadAllText(svg));
        using var doc = JsonDocument.Parse(o);
        Assert.Equal(2, doc.RootElement.GetProperty("grilles").GetArrayLength());
    }

    [Fact]
    public void Command_Scenario_ChangesTheSegurOfTheCaf()
    {
        var reform = Path.Combine(LegislationFolder, "reforms", "extension-securite-sociale.yaml");
        var (code, o, _) = Run("carriere", "-g", "ucanss:niveau-5", "-g", "fpt:assistant-socio-educatif", "--debut", "2026-01", "--annees", "1", "--scenario", reform, "--format", "json");
        Assert.Equal(0, code);
        using var doc = JsonDocument.Parse(o);
        Assert.Equal(238.00m, doc.RootElement.GetProperty("grilles")[0].GetProperty("annees")[0].GetProperty("segur").GetDecimal());
        Assert.Equal("extension-securite-sociale", doc.RootElement.GetProperty("legislation").GetProperty("reforme").GetProperty("id").GetString());
    }

    [Theory]
    [InlineData("--debut", "2026-13", "erreur : --debut « 2026-13 » invalide : le mois 13 n'existe pas")]
    [InlineData("--annees", "0", "erreur : --annees « 0 » invalide")]
    [InlineData("--grille", "ucanss:niveau-9", "erreur : --grille « ucanss:niveau-9 » inconnue")]
    [InlineData("--format", "pdf", "erreur : --format « pdf » inconnu ; attendu texte ou json")]
    public void Command_BadInput_ExitsWith2InFrench(string option, string value, string message)
    {
        var args = new List<string> { "carriere", "--grille", "ucanss:niveau-5" };
        if (option != "--debut") args.AddRange(["--debut", "2026-01"]);
        args.AddRange([option, value]);
        var (code, o, e) = Run([.. args]);
        Assert.Equal(2, code);
        Assert.Equal("", o);
        Assert.StartsWith(message, e);
        Assert.DoesNotContain("   at ", e);
    }

    [Fact]
    public void Command_BadChartFolder_ExitsWith2()
    {
        var (code, _, e) = Run("carriere", "-g", "fpt:assistant-socio-educatif", "--debut", "2026-01", "--annees", "2", "--graphique", Path.Combine(_tmp, "absent", "c.svg"));
        Assert.Equal(2, code);
        Assert.Contains("dossier de destination", e);
    }
}
