using Segur.Tests;
using static Segur.Cli.Tests.CliRunner;

namespace Segur.Cli.Tests;

/// <summary>
/// <c>segur verifier --format json-v1</c> writes exactly the JSON report of the libraries, followed by a line end;
/// the API's tests check the same bytes for <c>POST /api/verifier</c>, so the two interfaces agree.
/// </summary>
public sealed class VerifyJsonTests
{
    [Theory]
    [InlineData("infirmiere-chu.json", "2020-09..2026-12", null, false)]
    [InlineData("assistante-sociale-caf.json", "2022-01..2024-12", null, false)]
    [InlineData("infirmiere-chu.json", "2020-09..2021-03", "2021-01-31", false)]
    [InlineData("assistante-sociale-caf.json", "2024-01", null, true)]
    public void Verifier_WritesTheJsonReportOfTheLibraries(string example, string period, string? asOf, bool all)
    {
        var path = Path.Combine(Root, "exemples", example);
        var args = new List<string> { "verifier", path, "--periode", period, "--format", "json-v1" };
        if (asOf is not null) args.AddRange(["--droit-au", asOf]);
        if (all) args.Add("--toutes-mesures");
        var (code, output, error) = Run([.. args]);
        Assert.True(code == 0, error);

        var expected = LibraryReport.Json(path, period, asOf, all).Replace("\n", Environment.NewLine);
        Assert.Equal(expected, output);
    }

    [Theory]
    [InlineData("infirmiere-chu.json", "2020-09..2026-12", null, false, "resume")]
    [InlineData("assistante-sociale-caf.json", "2022-01..2024-12", null, false, "complete")]
    [InlineData("infirmiere-chu.json", "2020-09..2021-03", "2021-01-31", false, "aucune")]
    [InlineData("assistante-sociale-caf.json", "2024-01", null, true, null)]
    public void Verifier_Json_WritesTheCompactReportOfTheLibraries(string example, string period, string? asOf, bool all, string? level)
    {
        var path = Path.Combine(Root, "exemples", example);
        var args = new List<string> { "verifier", path, "--periode", period, "--format", "json" };
        if (level is not null) args.AddRange(["--explication", level]);
        if (asOf is not null) args.AddRange(["--droit-au", asOf]);
        if (all) args.Add("--toutes-mesures");
        var (code, output, error) = Run([.. args]);
        Assert.True(code == 0, error);

        var expected = LibraryReport.JsonV2(path, period, asOf, all, Segur.Reports.CompactJsonReport.Parse(level ?? "resume")!.Value).Replace("\n", Environment.NewLine);
        Assert.Equal(expected, output);
    }

    [Fact]
    public void Verifier_Explication_RefusesAnUnknownLevelOrTheOldContract_InFrench()
    {
        var path = Path.Combine(Root, "exemples", "infirmiere-chu.json");
        var (code, _, error) = Run("verifier", path, "--periode", "2024-01", "--format", "json", "--explication", "completee");
        Assert.Equal(2, code);
        Assert.Contains("--explication « completee » inconnue", error);
        Assert.Contains("complete", error);
        var (code1, _, error1) = Run("verifier", path, "--periode", "2024-01", "--format", "json-v1", "--explication", "aucune");
        Assert.Equal(2, code1);
        Assert.Contains("seulement avec --format json", error1);
    }
}
