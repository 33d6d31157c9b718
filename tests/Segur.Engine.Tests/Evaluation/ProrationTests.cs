using Segur.Engine.Evaluation;
using Segur.Engine.Time;

namespace Segur.Engine.Tests.Evaluation;

public class ProrationTests
{
    private static readonly YearMonth Sep2023 = new(2023, 9);

    [Theory]
    [InlineData(null, null, 2023, 9, 30)]
    [InlineData("2023-09-01", null, 2023, 9, 30)]
    [InlineData("2023-09-16", null, 2023, 9, 15)]      // case C23: 16 to 30 September
    [InlineData("2024-01-31", null, 2024, 1, 1)]       // the 31st counts as the 30th
    [InlineData("2024-02-15", null, 2024, 2, 16)]      // February counts 30 days too
    [InlineData(null, "2024-03-15", 2024, 3, 15)]
    [InlineData(null, "2024-01-31", 2024, 1, 30)]      // exit on the last day: full month
    [InlineData(null, "2024-02-29", 2024, 2, 30)]
    [InlineData("2024-03-10", "2024-03-19", 2024, 3, 10)]
    [InlineData("2023-10-01", null, 2023, 9, 0)]       // not yet in post
    [InlineData(null, "2023-08-31", 2023, 9, 0)]       // already gone
    public void Thirtieths_CountsEveryMonthAsThirtyDays(string? entry, string? exit, int year, int month, int expected)
    {
        DateOnly? e = entry is null ? null : DateOnly.Parse(entry, System.Globalization.CultureInfo.InvariantCulture);
        DateOnly? s = exit is null ? null : DateOnly.Parse(exit, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(expected, Proration.Thirtieths(e, s, new YearMonth(year, month)));
    }

    [Fact]
    public void ToCent_RoundsHalfAwayFromZero()
    {
        Assert.Equal(112.46m, Kernel.ToCent(24m * 5623.23m / 1200m)); // 112.4646
        Assert.Equal(0.13m, Kernel.ToCent(0.125m));
        Assert.Equal(206.76m, Kernel.ToCent(49m * 5907.34m / 1200m * 6m / 7m));
        _ = Sep2023;
    }
}
