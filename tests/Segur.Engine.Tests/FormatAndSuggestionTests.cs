using Segur.Engine;

namespace Segur.Engine.Tests;

public sealed class FormatAndSuggestionTests
{
    [Theory]
    [InlineData("241.216383333333", "241,2164 €")]
    [InlineData("238", "238,00 €")]
    [InlineData("1234.5", "1 234,50 €")]
    [InlineData("0.00005", "0,0001 €")]
    [InlineData("-12.34567", "-12,3457 €")]
    public void EurosPrecise_ShowsFourDecimalsAtMost(string amount, string expected) =>
        Assert.Equal(expected, Format.EurosPrecise(decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture)));

    [Theory]
    [InlineData("infirmiere", "infirmier")]
    [InlineData("INFIRMIER", "infirmier")]
    [InlineData("infrimier", "infirmier")]
    [InlineData("verifie", "verifier")]
    [InlineData("jsn", "json")]
    public void Closest_FindsTheMeantValue(string typed, string meant) =>
        Assert.Equal(meant, Suggestions.Closest(typed, ["infirmier", "infirmier_anesthesiste", "verifier", "json", "texte"]));

    [Theory]
    [InlineData("astronaute")]
    [InlineData("x")]
    public void Closest_SuggestsNothingFarAway(string typed) =>
        Assert.Null(Suggestions.Closest(typed, ["infirmier", "verifier", "json"]));

    [Fact]
    public void Distance_CountsASwapAsOneEdit() => Assert.Equal(1, Suggestions.Distance("infrimier", "infirmier"));
}
