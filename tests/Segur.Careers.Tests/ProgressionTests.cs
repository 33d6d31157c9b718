using static Segur.Careers.Tests.TestGrids;

namespace Segur.Careers.Tests;

/// <summary>Échelon progression and seniority points, against values computed by hand from the grids.</summary>
public sealed class ProgressionTests
{
    // FPT ASE, 1st grade: 9 échelons of 2 years, then 2 × 2 years 6 months, then 2 × 3 years, top at 29 years.
    [Theory]
    [InlineData(0, 1, 0)]
    [InlineData(23, 1, 23)]
    [InlineData(24, 2, 0)]
    [InlineData(215, 9, 23)]
    [InlineData(216, 10, 0)]     // 9 × 24 months = 18 years
    [InlineData(245, 10, 29)]
    [InlineData(246, 11, 0)]     // + 30 months = 20 years 6 months
    [InlineData(276, 12, 0)]     // + 30 months = 23 years
    [InlineData(312, 13, 0)]     // + 36 months = 26 years
    [InlineData(347, 13, 35)]
    [InlineData(348, 14, 0)]     // + 36 months = 29 years: terminal échelon
    [InlineData(600, 14, 252)]
    public void Fpt_FirstGrade_EchelonAfterSeniority(int months, int echelon, int inEchelon)
    {
        var p = CareerBuilder.PositionAfter(Grid("fpt:assistant-socio-educatif"), months);
        Assert.Equal("ase", p.Grade.Id);
        Assert.Equal(echelon, p.Echelon);
        Assert.Equal(inEchelon, p.MonthsInEchelon);
    }

    // Classe exceptionnelle: 1 year, 5 × 2 years, 2 years 6 months, 3 × 3 years: top at 22 years 6 months.
    [Theory]
    [InlineData(11, 1)]
    [InlineData(12, 2)]
    [InlineData(132, 7)]   // 11 years
    [InlineData(162, 8)]   // 13 years 6 months
    [InlineData(269, 10)]
    [InlineData(270, 11)]  // 22 years 6 months
    public void Fpt_ClasseExceptionnelle_EchelonAfterSeniority(int months, int echelon)
    {
        var grade = Grid("fpt:assistant-socio-educatif").Grades.Single(g => g.Id == "ase-ce");
        Assert.Equal(echelon, CareerBuilder.PositionAfter(grade, 1, months).Echelon);
    }

    [Fact]
    public void Fpt_Career_GivesIndexAndPayByHand()
    {
        var career = Builder.Build(Grid("fpt:assistant-socio-educatif"), M("2026-01"), 42);
        // Year 1: IM 395 × 5 907,34 ÷ 1 200 = 1 944,4994 → 1 944,50 ; CTI 49 × 5 907,34 ÷ 1 200 = 241,22.
        Assert.Equal((1, 395m, 1944.50m, 241.22m, 2185.72m), Row(career.Years[0]));
        // Year 3 (24 months): échelon 2, IM 409 → 2 013,42.
        Assert.Equal((2, 409m, 2013.42m, 241.22m, 2254.64m), Row(career.Years[2]));
        // Year 19 (18 years): échelon 10, IM 528 → 2 599,23 ; year 21 (20 years) still échelon 10.
        Assert.Equal((10, 528m, 2599.23m, 241.22m, 2840.45m), Row(career.Years[18]));
        Assert.Equal(10, career.Years[20].Position.Echelon);
        // Year 22 (21 years ≥ 20 years 6 months): échelon 11, IM 551.
        Assert.Equal((11, 551m, 2712.45m, 241.22m, 2953.67m), Row(career.Years[21]));
        // Year 30 (29 years): top, IM 597 → 2 938,90 ; + CTI = 3 180,12 until the end.
        Assert.Equal((14, 597m, 2938.90m, 241.22m, 3180.12m), Row(career.Years[29]));
        Assert.Equal((14, 597m, 2938.90m, 241.22m, 3180.12m), Row(career.Years[41]));
        Assert.All(career.Years, y => Assert.Equal(["M4"], y.SegurMeasures));
    }

    [Fact]
    public void Ucanss_ExperiencePoints_TwoPerFullYear_CappedAtFifty()
    {
        var grid = Grid("ucanss:niveau-5");
        var start = M("2026-01");
        // 285 × 7,60939 = 2 168,676… → 2 168,68 ; no Ségur for a CAF.
        var first = Builder.At(grid, start, start);
        Assert.Equal((285m, 0, 2168.68m, 0m), (first.Points, first.ExperiencePoints, first.Base, first.Segur));
        Assert.Empty(first.SegurMeasures);
        // Points come on the hiring anniversary: 11 months → 0, 12 months → 2, 23 months → 2.
        Assert.Equal(0, Builder.At(grid, start, M("2026-12")).ExperiencePoints);
        Assert.Equal(2, Builder.At(grid, start, M("2027-01")).ExperiencePoints);
        Assert.Equal(2, Builder.At(grid, start, M("2027-12")).ExperiencePoints);
        Assert.Equal(2183.89m, Builder.At(grid, start, M("2027-01")).Base);   // 287 × 7,60939
        // 10 years: 305 points → 2 320,86 ; 25 years: 335 → 2 549,15 ; 41 years: still 335 (cap 50).
        var career = Builder.Build(grid, start, 42);
        Assert.Equal((20, 2320.86m), (career.Years[10].ExperiencePoints, career.Years[10].Base));
        Assert.Equal((50, 2549.15m), (career.Years[25].ExperiencePoints, career.Years[25].Base));
        Assert.Equal((50, 2549.15m), (career.Years[41].ExperiencePoints, career.Years[41].Base));
        // 14 payments a year: 2 168,68 × 14 ÷ 12 = 2 530,13 ; 2 549,15 × 14 ÷ 12 = 2 974,01.
        Assert.Equal(2530.13m, career.Years[0].AnnualMonthlyEquivalent);
        Assert.Equal(2974.01m, career.Years[41].AnnualMonthlyEquivalent);
    }

    [Theory]
    [InlineData(0, 434, 1705.62)]
    [InlineData(1, 447, 1756.71)]
    [InlineData(2, 447, 1756.71)]
    [InlineData(3, 478, 1878.54)]
    [InlineData(14, 615, 2416.95)]
    [InlineData(27, 715, 2809.95)]
    [InlineData(28, 762, 2994.66)]
    public void Ccn66_CoefficientBySeniority(int years, int coefficient, double pay)
    {
        var y = Builder.At(Grid("ccn66:assistant-service-social"), M("2026-01"), M("2026-01").AddMonths(12 * years));
        Assert.Equal(coefficient, y.Points);
        Assert.Equal((decimal)pay, y.Base);
        Assert.Equal(238.00m, y.Segur);   // accord BASS du 2 mai 2022 (M8)
    }

    private static (int, decimal, decimal, decimal, decimal) Row(CareerMonth y) => (y.Position.Echelon, y.Points, y.Base, y.Segur, y.Total);
}
