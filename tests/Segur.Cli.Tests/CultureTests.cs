using System.Globalization;

namespace Segur.Cli.Tests;

/// <summary>
/// No hidden culture: <c>segur</c> sets no global culture, so every command must write the same bytes
/// whatever the culture of the machine (decimal comma, other digits, other minus sign, other calendar).
/// </summary>
public sealed class CultureTests
{
    private static string Root => CliRunner.Root;

    private static string RunIn(string culture, string[] args)
    {
        // This test is the one place that changes the culture: it checks that nothing depends on it.
#pragma warning disable RS0030
        var before = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = culture.Length == 0 ? CultureInfo.InvariantCulture : CultureInfo.GetCultureInfo(culture);
        try
        {
            var o = new StringWriter();
            var e = new StringWriter();
            var code = Cli.Run(args, o, e, new FixedClock());
            return $"{code}\n{o}\n{e}";
        }
        finally
        {
            CultureInfo.CurrentCulture = before;
        }
#pragma warning restore RS0030
    }

    public static TheoryData<string> Commands => new()
    {
        "verifier exemples/infirmiere-chu.json --periode 2020-09..2026-12",
        "verifier exemples/infirmiere-chu.json --periode 2020-09..2021-12 --format json",
        "verifier exemples/assistante-sociale-caf.json --periode 2024-01 --toutes-mesures",
        "legislation",
        "carriere --grille fph:assistant-socio-educatif --debut 2026-01 --annees 5",
        "verifier exemples/absent.json",
    };

    [Theory]
    [MemberData(nameof(Commands))]
    public void Command_WritesTheSameBytes_InEveryCulture(string command)
    {
        var args = command.Split(' ').Select(a => a.StartsWith("exemples/", StringComparison.Ordinal) ? Path.Combine(Root, a) : a).ToArray();
        var invariant = RunIn("", args);
        foreach (var culture in new[] { "fr-FR", "de-CH", "ar-SA", "fa-IR", "th-TH", "sv-SE" })
            Assert.Equal(invariant, RunIn(culture, args));
    }

    private sealed class FixedClock : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => new(2026, 11, 15, 12, 0, 0, TimeSpan.Zero);
    }
}
