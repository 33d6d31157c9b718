using Microsoft.AspNetCore.Builder;
using System.Globalization;
using Microsoft.Playwright;
using Segur.Web;

namespace Segur.Web.Tests;

/// <summary>
/// End-to-end: the real server (Kestrel on 127.0.0.1, random port) driven by Debian's Chromium through
/// Playwright (no browser download). Screenshots go to <c>tests/Segur.Web.Tests/TestResults/captures/</c>
/// (or <c>SEGUR_ARTEFACTS</c>).
/// </summary>
public sealed class BrowserTests : IAsyncLifetime
{
    private WebApplication _app = null!;
    private string _data = null!;
    private string _base = null!;
    private IPlaywright _pw = null!;
    private IBrowser _browser = null!;
    private readonly List<string> _cspViolations = [];

    public static string Artefacts
    {
        get
        {
            var dir = Environment.GetEnvironmentVariable("SEGUR_ARTEFACTS") is { Length: > 0 } a
                ? a
                : Path.Combine(Repo.Root, "tests", "Segur.Web.Tests", "TestResults", "captures");
            Directory.CreateDirectory(dir);
            return dir;
        }
    }

    public async Task InitializeAsync()
    {
        if (!File.Exists(BrowserFactAttribute.Chromium) && !Repo.InCi) return;
        _data = Directory.CreateTempSubdirectory("segur-e2e-").FullName;
        _app = WebServer.Build(new WebOptions
        {
            Port = 0, DataFolder = _data, Token = TestSite.Token,
            Clock = new FixedClock(new DateTimeOffset(2026, 11, 15, 12, 0, 0, TimeSpan.Zero)),
        });
        await _app.StartAsync();
        _base = WebServer.Address(_app);
        _pw = await Playwright.CreateAsync();
        _browser = await _pw.Chromium.LaunchAsync(new()
        {
            ExecutablePath = BrowserFactAttribute.Chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
    }

    public async Task DisposeAsync()
    {
        if (_app is null) return;
        await _browser.DisposeAsync();
        _pw.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(_data, recursive: true); } catch (IOException) { }
    }

    private async Task<IPage> NewPage()
    {
        var page = await _browser.NewPageAsync(new() { Locale = "fr-FR", ViewportSize = new() { Width = 1280, Height = 900 } });
        page.Console += (_, m) =>
        {
            if (m.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase)) _cspViolations.Add(m.Text);
        };
        return page;
    }

    private static Task Capture(IPage page, string name) =>
        page.ScreenshotAsync(new() { Path = Path.Combine(Artefacts, name + ".png"), FullPage = true });

    /// <summary>Answers the questionnaire from a table of answers; returns the fields asked, in order.</summary>
    private static async Task<List<string>> Answer(IPage page, IReadOnlyDictionary<string, string> answers, string capturePrefix)
    {
        var asked = new List<string>();
        for (var step = 0; step < 15; step++)
        {
            if (await page.Locator("#verdict").CountAsync() > 0) return asked;
            var input = page.Locator("#questionnaire fieldset").Locator("input[type=radio], select, input#champ").First;
            var field = await input.GetAttributeAsync("name") ?? throw new InvalidOperationException("question sans champ");
            asked.Add(field);
            if (!answers.TryGetValue(field, out var value)) throw new InvalidOperationException($"question inattendue : {field} ({await page.Locator("#question-titre").InnerTextAsync()})");
            if (step == 0) await Capture(page, capturePrefix + "-question-1");
            var tag = await input.EvaluateAsync<string>("e => e.tagName");
            if (tag == "SELECT") await page.SelectOptionAsync($"select[name='{field}']", value);
            else if (await input.GetAttributeAsync("type") == "radio") await page.CheckAsync($"input[name='{field}'][value='{value}']");
            else await page.FillAsync($"input[name='{field}']", value);
            await page.ClickAsync("#questionnaire button[type=submit]");
        }
        throw new InvalidOperationException("le questionnaire ne s'arrête pas");
    }

    [BrowserFact]
    public async Task Questionnaire_EligibleNurse_GetsTheVerdictTheAmountAndTheDecree()
    {
        var page = await NewPage();
        await page.GotoAsync(_base + "/");
        await page.ClickAsync("a.carte[href='/concerne']");
        var asked = await Answer(page, new Dictionary<string, string>
        {
            ["employeur.secteur"] = "public", ["employeur.structure"] = "etablissement_public_sante", ["emploi.profession"] = "infirmier",
            ["employeur.versant"] = "FPH", ["emploi.statut"] = "titulaire", ["emploi.quotite"] = "1",
        }, "infirmiere");
        Assert.Equal(["employeur.secteur", "employeur.structure", "emploi.profession"], asked.Take(3));
        Assert.True(asked.Count <= 6, string.Join(", ", asked));
        Assert.DoesNotContain("employeur.idcc", asked);
        var verdict = await page.Locator("#verdict").InnerTextAsync();
        Assert.Contains("Oui", verdict);
        Assert.Equal("241,22 €", await page.Locator("#montant-mensuel").InnerTextAsync());
        var decree = page.Locator("a.texte", new() { HasTextString = "Décret n° 2020-1152" }).First;
        Assert.Equal("https://www.legifrance.gouv.fr/loda/id/JORFTEXT000042345102", await decree.GetAttributeAsync("href"));
        Assert.True(await page.Locator("figure.graphique svg rect").CountAsync() > 10);
        await Capture(page, "infirmiere-verdict");
        Assert.Empty(_cspViolations);
    }

    [BrowserFact]
    public async Task Questionnaire_ExcludedSecretary_SeesTheExclusionItsTextAndWhatWouldChange()
    {
        var page = await NewPage();
        await page.GotoAsync(_base + "/concerne");
        var asked = await Answer(page, new Dictionary<string, string>
        {
            ["employeur.secteur"] = "public", ["employeur.structure"] = "mas", ["emploi.profession"] = "secretaire_administratif",
            ["employeur.versant"] = "FPH", ["emploi.statut"] = "titulaire", ["employeur.rattachement_eps_ou_ehpad"] = "false",
        }, "secretaire");
        Assert.Contains("employeur.rattachement_eps_ou_ehpad", asked);
        Assert.Contains("Non", await page.Locator("#verdict").InnerTextAsync());
        var exclusion = await page.Locator(".exclusion").First.InnerTextAsync();
        Assert.Contains("Personnels administratifs, techniques, ouvriers et ASHQ des ESSMS publics autonomes", exclusion);
        Assert.Contains("2023-1084 QPC", exclusion);
        var changes = await page.Locator("#changements").InnerTextAsync();
        Assert.Contains("rattachement", changes);
        Assert.Contains("Il suffirait de modifier", await page.Locator("#changement-droit").InnerTextAsync());
        await Capture(page, "secretaire-verdict");

        // The smallest change of law, simulated on the national population.
        await page.ClickAsync("#changements form button[type=submit]");
        Assert.Contains("etendre", await page.InputValueAsync("#reforme"));
        Assert.Empty(_cspViolations);
    }

    [BrowserFact]
    public async Task Reform_RunSaveReopenAndCompare()
    {
        var page = await NewPage();
        await page.GotoAsync(_base + "/reforme");
        await page.SelectOptionAsync("#scenario", "extension-securite-sociale");
        await page.ClickAsync("form.charger button");
        Assert.Contains("R-SECU-SOCIALE", await page.InputValueAsync("#reforme"));
        await page.FillAsync("#taille", "20000");
        await page.FillAsync("#debut", "2022-04");
        await page.ClickAsync("#simulation button.principal");
        await page.WaitForSelectorAsync("#cout");
        var cost = Euros(await page.Locator("#cout").InnerTextAsync());
        var arrears = Euros(await page.Locator("#rappels").InnerTextAsync());
        Assert.True(cost > 0, $"coût {cost}");
        Assert.True(arrears > 0 && arrears <= cost);
        Assert.True(long.Parse((await page.Locator("#beneficiaires").InnerTextAsync()).Replace(" ", ""), CultureInfo.InvariantCulture) > 0);
        Assert.Contains("R-SECU-SOCIALE", await page.Locator("#par-mesure").InnerTextAsync());
        await Capture(page, "reforme-resultat");

        await page.FillAsync("#titre", "Scénario A");
        await page.FillAsync("#jeton-enr", TestSite.Token);
        await page.ClickAsync("#enregistrer button");
        Assert.Equal("Scénario A", await page.Locator("#titre-calcul").InnerTextAsync());
        Assert.Contains(Format(cost), await page.Locator("dd.cout").InnerTextAsync());

        // A second run, on another draw, then the comparison.
        await page.GotoAsync(_base + "/reforme?scenario=extension-securite-sociale");
        await page.FillAsync("#taille", "20000");
        await page.FillAsync("#graine", "2");
        await page.FillAsync("#debut", "2022-04");
        await page.ClickAsync("#simulation button.principal");
        await page.WaitForSelectorAsync("#cout");
        await page.FillAsync("#titre", "Scénario B");
        await page.FillAsync("#jeton-enr", "mauvais jeton");
        await page.ClickAsync("#enregistrer button");
        Assert.Contains("Jeton", await page.Locator("h1").InnerTextAsync());
        await page.GoBackAsync();
        await page.FillAsync("#jeton-enr", TestSite.Token);
        await page.ClickAsync("#enregistrer button");
        Assert.Equal("Scénario B", await page.Locator("#titre-calcul").InnerTextAsync());

        await page.GotoAsync(_base + "/simulations");
        await page.CheckAsync("input[name=a][aria-label='Comparer 1 (A)']");
        await page.CheckAsync("input[name=b][aria-label='Comparer 2 (B)']");
        await page.ClickAsync("#contenu form button[type=submit]");
        var table = await page.Locator("#comparaison").InnerTextAsync();
        Assert.Contains("Scénario A", table);
        Assert.Contains("Scénario B", table);
        await Capture(page, "reforme-comparaison");
        Assert.Empty(_cspViolations);
    }

    [BrowserFact]
    public async Task Legislation_IsBrowsable()
    {
        var page = await NewPage();
        await page.GotoAsync(_base + "/legislation");
        await page.ClickAsync("a[href='/legislation/mesures/M1']");
        Assert.Contains("M1", await page.Locator("h1").InnerTextAsync());
        await page.ClickAsync("a[href^='/legislation/parametres/']");
        Assert.True(await page.Locator("table tbody tr").CountAsync() >= 1);
        await Capture(page, "legislation-parametre");
        Assert.Empty(_cspViolations);
    }

    [BrowserFact]
    public async Task ApiReference_LoadsTheOpenApiDocument_WithNothingFromOutside()
    {
        var page = await NewPage();
        var outside = new List<string>();
        page.Request += (_, r) =>
        {
            if (!r.Url.StartsWith(_base, StringComparison.Ordinal) && !r.Url.StartsWith("data:", StringComparison.Ordinal)) outside.Add(r.Url);
        };
        var openApi = page.WaitForResponseAsync(r => r.Url.EndsWith("/api/openapi.json", StringComparison.Ordinal) && r.Status == 200);
        await page.GotoAsync(_base + "/api/reference/");
        await openApi;
        await page.GetByText("Vérifier un profil").First.WaitForAsync(new() { Timeout = 20_000 });
        await Capture(page, "api-reference");
        Assert.Empty(outside);
        Assert.Empty(_cspViolations);
    }

    private static decimal Euros(string text) =>
        decimal.Parse(text.Replace("€", "").Replace(" ", "").Replace("\u202f", "").Replace("\u00a0", "").Replace(",", ".").Trim(), CultureInfo.InvariantCulture);

    private static string Format(decimal d) => Segur.Engine.Format.Euros(d);
}
