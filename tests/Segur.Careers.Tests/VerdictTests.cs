using Segur.Engine.Law;
using static Segur.Careers.Tests.TestGrids;

namespace Segur.Careers.Tests;

/// <summary>
/// Gaps and verdicts on the case worked by hand in the domain dossier (grids-populations.md §6): January
/// 2026, UCANSS 5B at coefficient 285 against an FPT assistant socio-éducatif with the CTI.
/// </summary>
public sealed class VerdictTests
{
    private static readonly Lazy<CareerComparisonResult> Known = new(() =>
        Compare(Law, "2026-01", 42, "ucanss:niveau-5", "fpt:assistant-socio-educatif", "fph:assistant-socio-educatif"));

    private static ClaimVerdict Verdict(string claim, string other) =>
        Known.Value.Verdicts.Single(v => v.Claim.Id == claim && v.Other.Grid.Name == other);

    [Fact]
    public void StartGap_IsSmall_ClaimNotVerified_ButHoldsWithTheReportedEntryPay()
    {
        var v = Verdict("ecart-debut", "fpt:assistant-socio-educatif");
        // Case A: 2 185,72 − 2 168,68 = 17,04 €, 0,78 % of the FPT pay.
        Assert.Equal(2168.68m, v.ReferenceMonth.Total);
        Assert.Equal(2185.72m, v.OtherMonth.Total);
        Assert.Equal(17.04m, v.Euros);
        Assert.Equal(0.78m, v.PercentOfOther);
        Assert.Equal(0.79m, v.PercentOfReference);
        Assert.False(v.Holds);
        Assert.False(v.Robust);
        // Case B: the union's 1 881 € entry pay gives 304,72 € (13,94 % of the FPT pay): verified.
        var entry = v.Variants.Single(x => x.Label.Contains("SNFOCOS"));
        Assert.Equal(304.72m, entry.Euros);
        Assert.Equal(13.94m, entry.Percent);
        Assert.True(entry.Holds);
        // Case C: on the 14-payment view the CAF worker earns more: −344,41 €.
        var fourteen = v.Variants.Single(x => x.Label.Contains("équivalent mensuel"));
        Assert.Equal(-344.41m, fourteen.Euros);
        Assert.False(fourteen.Holds);
        // Case D: without the CTI, −224,18 €.
        Assert.Equal(-224.18m, v.Variants.Single(x => x.Label.StartsWith("hors Ségur", StringComparison.Ordinal)).Euros);
        // The coefficient 285 is not confirmed: the verdict says so.
        Assert.Equal(Confidence.L, v.Confidence);
        Assert.Contains(v.WeakFacts, f => f.Label.Contains("5B") && f.Confidence == Confidence.L);
        Assert.Contains("NON VÉRIFIÉE", v.Conclusion);
        Assert.Contains("confiance L", v.Conclusion);
    }

    [Fact]
    public void EndGap_IsAbove500_OnTheMonthlyView_NotOnThe14PaymentView()
    {
        var v = Verdict("ecart-fin", "fpt:assistant-socio-educatif");
        Assert.Equal(TestGrids.M("2067-01"), v.ReferenceMonth.Month);
        // Case E: top of the 1st grade + CTI 3 180,12 − (285 + 50) × 7,60939 = 2 549,15 → 630,97 €.
        Assert.Equal(630.97m, v.Euros);
        Assert.True(v.Holds);
        Assert.Contains("VÉRIFIÉE sous les hypothèses retenues", v.Conclusion);
        // Case G: 14-payment view 2 974,01 → 206,11 €; without the CTI 389,75 €: neither above 500 €.
        Assert.Equal(206.11m, v.Variants.Single(x => x.Label.Contains("équivalent mensuel")).Euros);
        Assert.Equal(389.75m, v.Variants.Single(x => x.Label.StartsWith("hors Ségur", StringComparison.Ordinal)).Euros);
        Assert.False(v.Robust);
    }

    [Fact]
    public void Fph_GivesTheSameFigures_WithWeakerDurations()
    {
        var fpt = Verdict("ecart-fin", "fpt:assistant-socio-educatif");
        var fph = Verdict("ecart-fin", "fph:assistant-socio-educatif");
        Assert.Equal(fpt.Euros, fph.Euros);
        Assert.Contains(fph.WeakFacts, f => f.Label.Contains("fph:assistant-socio-educatif : durées d'échelon") && f.Confidence == Confidence.L);
    }

    [Fact]
    public void Gaps_AreComputedEveryYear()
    {
        var gaps = Known.Value.Gaps.Single(g => g.Other.Grid.Name == "fpt:assistant-socio-educatif");
        Assert.Equal(42, gaps.Years.Count);
        // Year 17 (16 years): FPT échelon 9 (2 737,07) − UCANSS 317 points (2 412,18) = 324,89 €, 11,87 %.
        Assert.Equal((2412.18m, 2737.07m, 324.89m, 11.87m), (gaps.Years[16].Reference, gaps.Years[16].Other, gaps.Years[16].Euros, gaps.Years[16].PercentOfOther!.Value));
    }

    [Fact]
    public void ReformOverlay_ChangesTheComparison()
    {
        var law = LegislationLoader.Load(new EmbeddedLegislation(), ReformSource.FromFile(Path.Combine(LegislationFolder, "reforms", "extension-securite-sociale.yaml")));
        var r = Compare(law, "2026-01", 42, "ucanss:niveau-5", "fpt:assistant-socio-educatif");
        var caf = r.Careers[0].Years[0];
        Assert.Equal(238.00m, caf.Segur);
        Assert.Equal(["R-SECU-SOCIALE"], caf.SegurMeasures);
        var start = r.Verdicts.Single(v => v.Claim.Id == "ecart-debut");
        var end = r.Verdicts.Single(v => v.Claim.Id == "ecart-fin");
        Assert.Equal(-220.96m, start.Euros);      // 2 185,72 − (2 168,68 + 238)
        Assert.Equal(392.97m, end.Euros);         // 3 180,12 − (2 549,15 + 238)
        Assert.False(end.Holds);
        Assert.Contains(r.Notes, n => n.Contains("Réforme simulée"));
    }

    [Fact]
    public void OneGrid_GivesNoVerdict()
    {
        var r = Compare(Law, "2026-01", 5, "fpt:assistant-socio-educatif");
        Assert.Empty(r.Gaps);
        Assert.Empty(r.Verdicts);
        Assert.Contains(r.Notes, n => n.Contains("Une seule grille"));
    }
}
