namespace Segur.Cli.Tests;

/// <summary><c>segur legislation</c> cites each text by its official address, its secondary pages apart.</summary>
public sealed class LegislationCitationTests
{
    private static string Run(params string[] args)
    {
        var o = new StringWriter();
        var e = new StringWriter();
        Assert.Equal(0, Cli.Run(args, o, e, TimeProvider.System));
        return o.ToString();
    }

    [Fact]
    public void Legislation_PrintsTheOfficialAddress_ThenEachSecondaryPageOnItsOwnLine()
    {
        var lines = Run("legislation").Split('\n').Select(l => l.TrimEnd('\r')).ToList();

        // taux-cnracl-salarie cites décret 2010-1749 (Légifrance), whose Doctrine copy is a secondary page.
        var value = lines.FindIndex(l => l.Contains("décret n° 2010-1749", StringComparison.OrdinalIgnoreCase) && l.Contains("https://www.legifrance.gouv.fr/loda/id/JORFTEXT000023335006"));
        Assert.True(value >= 0, "citation du décret 2010-1749 avec son adresse Légifrance introuvable");
        Assert.StartsWith("      voir aussi : https://www.doctrine.fr/", lines[value + 1]);
        Assert.DoesNotContain(lines, l => l.Contains("voir aussi") && l.Contains("legifrance.gouv.fr/loda/id/JORFTEXT000023335006"));
    }
}
