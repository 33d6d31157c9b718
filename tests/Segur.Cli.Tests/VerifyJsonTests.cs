using Segur.Tests;
using static Segur.Cli.Tests.CliRunner;

namespace Segur.Cli.Tests;

/// <summary>
/// <c>segur verifier --format json</c> writes exactly the JSON report of the libraries, followed by a line end;
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
        var args = new List<string> { "verifier", path, "--periode", period, "--format", "json" };
        if (asOf is not null) args.AddRange(["--droit-au", asOf]);
        if (all) args.Add("--toutes-mesures");
        var (code, output, error) = Run([.. args]);
        Assert.True(code == 0, error);

        var expected = LibraryReport.Json(path, period, asOf, all).Replace("\n", Environment.NewLine);
        Assert.Equal(expected, output);
    }
}
