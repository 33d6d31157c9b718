using Segur.Engine;
using static Segur.Careers.Tests.TestGrids;

namespace Segur.Careers.Tests;

/// <summary>Bad grid names and impossible dates are refused with a French message that says what was expected.</summary>
public sealed class RejectionTests
{
    private static SegurException Refused(Action a) => Assert.Throws<SegurException>(a);

    private static CareerRequest Request(string start, string? years, params string[] grids) =>
        CareerRequest.Parse(grids, start, years, M("2026-01"));

    [Fact]
    public void UnknownGrid_ListsTheKnownOnes()
    {
        var e = Refused(() => Catalog.Get("ucanss:niveau-7"));
        Assert.Equal("--grille « ucanss:niveau-7 » inconnue ; attendu une de " + string.Join(", ", Catalog.Names), e.Message);
        Assert.Contains("fpt:assistant-socio-educatif", e.Message);
    }

    [Fact]
    public void UnknownFamily_IsNamed()
    {
        var e = Refused(() => Catalog.Get("msa:niveau-5"));
        Assert.StartsWith("--grille « msa:niveau-5 » : famille « msa » inconnue ; attendu une de ccn66, fph, fpt, ucanss", e.Message);
    }

    [Fact]
    public void GridWithoutFamily_IsMalformed()
    {
        var e = Refused(() => Catalog.Get("niveau-5"));
        Assert.StartsWith("--grille « niveau-5 » mal formée ; attendu famille:grille (ex. fpt:assistant-socio-educatif)", e.Message);
    }

    [Fact]
    public void DashedForm_IsAccepted() => Assert.Equal("ucanss:niveau-5", Catalog.Get("ucanss-niveau-5").Name);

    [Fact]
    public void SameGridTwice_IsRefused()
    {
        var e = Refused(() => CareerComparison.Run(Law, Catalog, Request("2026-01", "10", "fpt:assistant-socio-educatif", "fpt:assistant-socio-educatif")));
        Assert.Equal("--grille fpt:assistant-socio-educatif donnée deux fois ; attendu des grilles différentes", e.Message);
    }

    [Fact]
    public void NoGrid_IsRefused()
    {
        var e = Refused(() => CareerRequest.Parse([], "2026-01", null, M("2026-01")));
        Assert.StartsWith("--grille manquante ; attendu au moins une grille", e.Message);
    }

    [Theory]
    [InlineData("2026-13", "--debut « 2026-13 » invalide : le mois 13 n'existe pas (01 à 12) ; attendu un mois AAAA-MM entre 1900-01 et 2199-12 (ex. 2026-01)")]
    [InlineData("2026-00", "--debut « 2026-00 » invalide : le mois 00 n'existe pas (01 à 12) ; attendu un mois AAAA-MM entre 1900-01 et 2199-12 (ex. 2026-01)")]
    [InlineData("janvier 2026", "--debut « janvier 2026 » invalide ; attendu un mois AAAA-MM entre 1900-01 et 2199-12 (ex. 2026-01)")]
    [InlineData("2026-1", "--debut « 2026-1 » invalide ; attendu un mois AAAA-MM entre 1900-01 et 2199-12 (ex. 2026-01)")]
    public void ImpossibleStart_IsRefused(string start, string message)
    {
        var e = Refused(() => Request(start, "42", "ucanss:niveau-5"));
        Assert.Equal(message, e.Message);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("51")]
    [InlineData("-3")]
    [InlineData("dix")]
    public void ImpossibleLength_IsRefused(string years)
    {
        var e = Refused(() => Request("2026-01", years, "ucanss:niveau-5"));
        Assert.Equal($"--annees « {years} » invalide ; attendu un nombre entier d'années entre 1 et 50 (ex. 42)", e.Message);
    }

    [Fact]
    public void StartBeforeTheGrid_IsRefused()
    {
        var e = Refused(() => CareerComparison.Run(Law, Catalog, Request("2019-01", "42", "ucanss:niveau-5", "fpt:assistant-socio-educatif")));
        Assert.Equal("--debut 2019-01 : la grille ucanss:niveau-5 n'est définie qu'à partir de janvier 2021 (legislation/grids/ucanss.yaml) ; attendu un début de carrière en 2021-01 ou après", e.Message);
    }

    [Fact]
    public void CareerBeyondTheLastAcceptedMonth_IsRefused()
    {
        var e = Refused(() => CareerComparison.Run(Law, Catalog, Request("2190-01", "42", "fpt:assistant-socio-educatif")));
        Assert.Equal("--debut 2190-01 et --annees 42 : la carrière dépasserait décembre 2199, dernier mois accepté ; attendu un début plus tôt ou moins d'années", e.Message);
    }

    [Fact]
    public void Defaults_AreTheGivenMonthAnd42Years()
    {
        var r = CareerRequest.Parse(["fpt:assistant-socio-educatif"], null, null, M("2030-05"));
        Assert.Equal((M("2030-05"), 42), (r.Start, r.Years));
    }
}
