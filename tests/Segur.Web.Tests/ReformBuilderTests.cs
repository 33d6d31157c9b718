using System.Net;
using System.Text;
using Segur.Engine.Evaluation;
using Segur.Engine.Time;
using Segur.Web.Api;
using Segur.Web.Simulation;

namespace Segur.Web.Tests;

/// <summary>« Réforme sans YAML »: the overlay built from the form loads through the normal checks and does what it says.</summary>
public sealed class ReformBuilderTests : IAsyncLifetime
{
    private TestSite _site = null!;
    private static readonly LawService Laws = new();
    private static readonly DateOnly Today = new(2026, 11, 15);

    private const string CafWorker = """{"employeur": {"secteur": "securite_sociale", "organisme": "CAF", "structure": "organisme_securite_sociale"}, "emploi": {"profession": "assistant_service_social", "statut": "salarie"}}""";
    private const string Caisses = "construire=1&mode=creer&secteur=securite_sociale&organisme=CAF&organisme=CARSAT&organisme=MSA&profession=assistant_service_social&montant=238&unite=euros&premier_mois=2022-04&decision=2027-01-01";

    public Task InitializeAsync()
    {
        _site = new TestSite();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _site.DisposeAsync();

    private static MonthResult CafMonth(Engine.Law.Legislation law, int year, int month) =>
        new Evaluator(law).EvaluateMonth(Laws.Reader.Read(CafWorker, "test"), new YearMonth(year, month));

    [Fact]
    public void NewMeasureForTheCaisses_LiftsTheExclusion_AndPaysTheAmount()
    {
        var spec = new ReformSpec
        {
            Secteurs = ["securite_sociale"], Organismes = ["CAF", "CARSAT", "MSA"], Professions = ["assistant_service_social"],
            Amount = 238m, From = new YearMonth(2022, 4), DecidedOn = new DateOnly(2027, 1, 1),
        };
        var (yaml, law) = ReformBuilder.Load(Laws.Law, spec, Today, Laws.WithReform);
        Assert.Contains("exclusion: organismes-securite-sociale", yaml);
        Assert.Contains("cede_a: [M1,", yaml);
        var m = CafMonth(law, 2024, 6);
        Assert.Equal([ReformBuilder.NewMeasureId], m.Retained);
        Assert.Equal(238.00m, m.Gross);
        Assert.False(CafMonth(law, 2022, 3).Eligible);
        Assert.False(CafMonth(Laws.Law, 2024, 6).Eligible); // the law in force is untouched
    }

    [Fact]
    public void ExtensionOfM9_ExtendsItsEmployerCriteria_AndKeepsItsAmount()
    {
        var spec = new ReformSpec
        {
            Mode = ReformMode.Extend, Measure = "M9", Secteurs = ["securite_sociale"], Organismes = ["CAF"], Professions = ["assistant_service_social"],
            From = new YearMonth(2024, 1), DecidedOn = new DateOnly(2027, 1, 1),
        };
        var (yaml, law) = ReformBuilder.Load(Laws.Law, spec, Today, Laws.WithReform);
        Assert.Contains("critere: secteur", yaml);
        var m = CafMonth(law, 2024, 6);
        Assert.True(m.Retained.SequenceEqual(["M9"]), m.Summary.Sentence + "\n" + yaml);
        Assert.Equal(CafMonth(law, 2024, 6).Gross, 238.00m);
        Assert.False(CafMonth(law, 2023, 12).Eligible);
    }

    [Fact]
    public void PointsAmount_FollowsThePointValue()
    {
        var spec = new ReformSpec
        {
            Secteurs = ["securite_sociale"], Organismes = ["CAF"], Professions = ["assistant_service_social"],
            Amount = 49m, Points = true, From = new YearMonth(2024, 1), DecidedOn = new DateOnly(2027, 1, 1),
        };
        var (_, law) = ReformBuilder.Load(Laws.Law, spec, Today, Laws.WithReform);
        Assert.Equal(241.22m, CafMonth(law, 2024, 6).Gross); // 49 points × the point of July 2023, as the CTI
    }

    [Fact]
    public void IncompleteForm_IsExplainedInFrench()
    {
        var none = Assert.Throws<WebProblem>(() => ReformBuilder.Build(Laws.Law, new ReformSpec { Amount = 1m, From = new YearMonth(2024, 1), DecidedOn = Today }, Today));
        Assert.Contains("aucun critère de population", none.Message);
        var noAmount = Assert.Throws<WebProblem>(() => ReformBuilder.Build(Laws.Law, new ReformSpec { Secteurs = ["public"], From = new YearMonth(2024, 1), DecidedOn = Today }, Today));
        Assert.Contains("/montant", noAmount.Message);
    }

    [Fact]
    public async Task Form_ShowsTheOverlay_AndOffersItForDownload()
    {
        var page = await _site.Client.GetStringAsync("/reforme?" + Caisses);
        Assert.Contains("réforme chargée et vérifiée comme toute réforme", page);
        Assert.Contains("id=\"telecharger\"", page);
        Assert.Contains("R-FORMULAIRE", page); // recopied in the simulation's YAML field
        var file = await _site.Client.GetAsync("/reforme/telecharger?" + Caisses);
        Assert.Equal(HttpStatusCode.OK, file.StatusCode);
        Assert.StartsWith("application/yaml", file.Content.Headers.ContentType!.ToString());
        Assert.Contains("attachment", file.Content.Headers.ContentDisposition!.ToString());
        var yaml = Encoding.UTF8.GetString(await file.Content.ReadAsByteArrayAsync());
        Assert.StartsWith("# Réforme construite avec le formulaire de segur", yaml);
        var bad = await _site.Client.GetStringAsync("/reforme?construire=1&mode=creer&premier_mois=2024-01&decision=2027-01-01&montant=10");
        Assert.Contains("aucun critère de population", bad);
    }
}
