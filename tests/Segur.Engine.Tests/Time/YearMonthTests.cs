using Segur.Engine.Time;

namespace Segur.Engine.Tests.Time;

public class YearMonthTests
{
    [Theory]
    [InlineData("2020-09", 2020, 9)]
    [InlineData("2026-12", 2026, 12)]
    public void TryParse_ValidMonth_ReadsYearAndMonth(string text, int year, int month)
    {
        Assert.True(YearMonth.TryParse(text, out var ym));
        Assert.Equal(new YearMonth(year, month), ym);
        Assert.Equal(text, ym.ToString());
    }

    [Theory]
    [InlineData("2026-13")]
    [InlineData("2026-00")]
    [InlineData("2026-1")]
    [InlineData("26-01")]
    [InlineData("2026/01")]
    [InlineData("")]
    [InlineData(null)]
    public void TryParse_Malformed_IsRefused(string? text) => Assert.False(YearMonth.TryParse(text, out _));

    [Fact]
    public void AddMonths_CrossesYears_AndOrdersChronologically()
    {
        var nov = new YearMonth(2020, 11);
        Assert.Equal(new YearMonth(2021, 2), nov.AddMonths(3));
        Assert.Equal(new YearMonth(2019, 12), nov.AddMonths(-11));
        Assert.True(nov < nov.AddMonths(1));
        Assert.Equal(new DateOnly(2024, 2, 29), new YearMonth(2024, 2).LastDay);
    }
}

public class MonthRangeTests
{
    [Fact]
    public void TryParse_FullSegurPeriod_Has76Months()
    {
        Assert.True(MonthRange.TryParse("2020-09..2026-12", out var r, out _));
        Assert.Equal(76, r.Count);
        Assert.Equal(new YearMonth(2020, 9), r.Months().First());
        Assert.Equal(new YearMonth(2026, 12), r.Months().Last());
    }

    [Fact]
    public void TryParse_SingleMonth_IsOneMonthRange()
    {
        Assert.True(MonthRange.TryParse("2024-01", out var r, out _));
        Assert.Equal(1, r.Count);
    }

    [Theory]
    [InlineData("2025-01..2024-01", "précède")]
    [InlineData("2026-13", "illisible")]
    [InlineData("2020-09..", "illisible")]
    [InlineData("1900-01..2199-12", "trop longue")]
    public void TryParse_ImpossiblePeriod_ExplainsInFrench(string text, string expected)
    {
        Assert.False(MonthRange.TryParse(text, out _, out var error));
        Assert.Contains(expected, error);
    }
}
