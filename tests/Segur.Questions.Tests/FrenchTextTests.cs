using Segur.Questions;

namespace Segur.Questions.Tests;

public sealed class FrenchTextTests
{
    [Theory]
    [InlineData("10 février 2026", 2026, 2, 10)]
    [InlineData("1er juin 2025", 2025, 6, 1)]
    [InlineData("mardi 2 juin 2026, page 4774", 2026, 6, 2)]
    [InlineData("le 24 octobre 2023", 2023, 10, 24)]
    [InlineData("8 AOÛT 2023", 2023, 8, 8)]
    [InlineData("02/08/2022 page : 3654", 2022, 8, 2)]
    [InlineData("21/06/2022 (fin de mandat)", 2022, 6, 21)]
    public void Dates(string text, int y, int m, int d)
    {
        Assert.True(FrenchText.TryParseDate(text, out var date, out var error));
        Assert.Null(error);
        Assert.Equal(new DateOnly(y, m, d), date);
    }

    [Theory]
    [InlineData("31 février 2026", "date « 31 février 2026 » impossible")]
    [InlineData("31/02/2026", "date « 31/02/2026 » impossible")]
    [InlineData("13/13/2026", "date « 13/13/2026 » impossible")]
    public void ImpossibleDates(string text, string message)
    {
        Assert.False(FrenchText.TryParseDate(text, out _, out var error));
        Assert.Equal(message, error);
    }

    [Theory]
    [InlineData("février 2026")]
    [InlineData("bientôt")]
    [InlineData("")]
    public void NotDates(string text)
    {
        Assert.False(FrenchText.TryParseDate(text, out _, out var error));
        Assert.Null(error);
    }

    [Fact]
    public void Sentences_KeepAbbreviationsAndSplitOnCapitals()
    {
        var s = FrenchText.Sentences("M. le ministre a reçu Mme Dupont. Elle demande (art. 3) une mesure ; rien. « Ségur » est cité ! 2026 arrive ? oui\n\nNouveau paragraphe");
        Assert.Equal(["M. le ministre a reçu Mme Dupont.", "Elle demande (art. 3) une mesure ; rien.", "« Ségur » est cité !", "2026 arrive ? oui", "Nouveau paragraphe"], s);
    }

    [Fact]
    public void CleanInline_SuperscriptsEntitiesAndSpaces()
    {
        Assert.Equal("Isère (9e circonscription)", FrenchText.CleanInline("Isère (9<sup>e</sup> circonscription)"));
        Assert.Equal("Vienne (1re circonscription)", FrenchText.CleanInline("Vienne (1^{re} circonscription)"));
        Assert.Equal("Bas-Rhin (4e circonscription)", FrenchText.CleanInline("Bas-Rhin (4^e circonscription)"));
        Assert.Equal("« Ségur » & co", FrenchText.CleanInline("«&nbsp;S&eacute;gur&#160;»   &amp; co"));
        Assert.Equal("un deux", FrenchText.CleanInline("un<br/>deux"));
    }

    [Fact]
    public void Tokens_KeepPositionsInTheOriginalText()
    {
        var text = "Les Caisses d’Allocations œuvrent";
        var t = FrenchText.Tokens(text);
        Assert.Equal(["les", "caisses", "d", "allocations", "oeuvrent"], t.Select(x => x.Folded));
        Assert.Equal("œuvrent", text[t[4].Start..t[4].End]);
        Assert.Equal("Caisses", t[1].Cased);
    }
}
