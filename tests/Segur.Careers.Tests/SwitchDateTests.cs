using Segur.Engine.Law;
using static Segur.Careers.Tests.TestGrids;

namespace Segur.Careers.Tests;

/// <summary>Point values, indices and Ségur amounts change on the right month, no earlier, no later.</summary>
public sealed class SwitchDateTests
{
    [Theory]
    [InlineData("2022-09", 2, 7.24342, 2078.86)]   // 287 points × 7,24342
    [InlineData("2022-10", 2, 7.49694, 2151.62)]   // +3,5 % on 1 October 2022 (not July as in the civil service)
    [InlineData("2023-06", 4, 7.49694, 2166.62)]   // 289 points (2 full years) × 7,49694
    [InlineData("2023-07", 4, 7.60939, 2199.11)]   // +1,5 % on 1 July 2023
    public void Ucanss_PointValue_SwitchesOnItsDate(string month, int experience, double point, double pay)
    {
        var y = Builder.At(Grid("ucanss:niveau-5"), M("2021-01"), M(month));
        Assert.Equal(experience, y.ExperiencePoints);
        Assert.Equal((decimal)point, y.PointValue);
        Assert.Equal((decimal)pay, y.Base);
    }

    [Fact]
    public void Ucanss_Classification_SwitchesOnFirstJune2025()
    {
        var grid = Grid("ucanss:niveau-5");
        var may = Builder.At(grid, M("2021-01"), M("2025-05"));
        var june = Builder.At(grid, M("2021-01"), M("2025-06"));
        Assert.Equal(285m, may.Points);
        Assert.Equal(285m, june.Points);   // documented fallback: the new coefficient is not known
        Assert.Contains(may.Facts, f => f.Citation?.Text.Id == "ucanss-protocole-2004-11-30" && f.Confidence == Confidence.L);
        Assert.Contains(june.Facts, f => f.Citation?.Text.Id == "ucanss-classification-2024-11-22" && f.Confidence == Confidence.L);
        Assert.DoesNotContain(june.Facts, f => f.Citation?.Text.Id == "ucanss-protocole-2004-11-30");
    }

    [Theory]
    [InlineData("2022-06", 390, 1827.55, 229.62)]   // point 5 623,23 ; CTI 49 × 5 623,23 ÷ 1 200
    [InlineData("2022-07", 390, 1891.51, 237.65)]   // point 5 820,04 on 1 July 2022
    [InlineData("2022-12", 390, 1891.51, 237.65)]
    [InlineData("2023-01", 404, 1959.41, 237.65)]   // échelon 2 after 24 months
    [InlineData("2023-07", 404, 1988.80, 241.22)]   // point 5 907,34 on 1 July 2023
    [InlineData("2023-12", 404, 1988.80, 241.22)]
    [InlineData("2024-01", 409, 2013.42, 241.22)]   // + 5 IM for every agent on 1 January 2024
    public void Fpt_PointAndIndex_SwitchOnTheirDates(string month, int im, double pay, double segur)
    {
        var y = Builder.At(Grid("fpt:assistant-socio-educatif"), M("2021-01"), M(month));
        Assert.Equal(im, y.Points);
        Assert.Equal((decimal)pay, y.Base);
        Assert.Equal((decimal)segur, y.Segur);
    }

    [Fact]
    public void Fpt_Segur_StartsInApril2022()
    {
        var grid = Grid("fpt:assistant-socio-educatif");
        Assert.Equal(0m, Builder.At(grid, M("2021-01"), M("2022-03")).Segur);
        Assert.Equal(229.62m, Builder.At(grid, M("2021-01"), M("2022-04")).Segur);
    }
}
