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
        // The decisive reason first: the measure, its amount, its form and its text, before any criterion.
        var motif = await page.Locator("#motif-decisif .phrase").InnerTextAsync();
        Assert.Contains("vous avez droit à M1", motif);
        Assert.Contains("241,22 € brut par mois", motif);
        Assert.Contains("Décret n° 2020-1152", motif);
        Assert.False(await page.Locator("#detail").GetAttributeAsync("open") is not null, "le détail critère par critère est replié");
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
        var exclusion = await page.Locator("#motif-decisif").InnerTextAsync();
        Assert.Contains("Personnels administratifs, techniques, ouvriers et ASHQ des ESSMS publics autonomes", exclusion);
        Assert.Contains("2023-1084 QPC", exclusion);
        await page.ClickAsync("#changements details.situations > summary");
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
    public async Task Questionnaire_CafSocialWorker_IsAskedHerBody_AndReadsTheExclusionFirst_OnAFewScreens()
    {
        var page = await NewPage();
        await page.GotoAsync(_base + "/concerne");
        var asked = await Answer(page, new Dictionary<string, string>
        {
            ["employeur.secteur"] = "securite_sociale", ["employeur.structure"] = "organisme_securite_sociale",
            ["emploi.profession"] = "assistant_service_social", ["employeur.organisme"] = "CAF", ["emploi.statut"] = "salarie",
        }, "caf");
        Assert.Contains("employeur.organisme", asked);
        Assert.True(asked.Count <= 5, string.Join(", ", asked));
        Assert.Contains("Non", await page.Locator("#verdict h2").InnerTextAsync());
        var motif = await page.Locator("#motif-decisif .phrase").InnerTextAsync();
        Assert.StartsWith("Aucune mesure Ségur ne vous est due", motif);
        Assert.Contains("Organismes de sécurité sociale", motif);
        Assert.Contains("hors du champ de toutes les mesures", motif);
        Assert.Contains("sauf M5-UGECAM et MED", motif);
        Assert.DoesNotContain("Mesure la plus proche", await page.Locator("#verdict").InnerTextAsync());
        Assert.Equal("exclusion.organismes-securite-sociale", await page.Locator("li.fondement").First.GetAttributeAsync("data-id"));
        Assert.Equal("https://www.legifrance.gouv.fr/jorf/id/JORFTEXT000042665307", await page.Locator("li.fondement").First.Locator("a.texte").First.GetAttributeAsync("href"));
        Assert.Null(await page.Locator("#detail").GetAttributeAsync("open"));
        var html = await page.ContentAsync();
        var bytes = System.Text.Encoding.UTF8.GetByteCount(html);
        var height = await page.EvaluateAsync<int>("() => document.documentElement.scrollHeight");
        await File.WriteAllTextAsync(Path.Combine(Artefacts, "caf-mesures.txt"), $"page du verdict de l'assistante sociale de CAF : {bytes} octets de HTML, {height} px de haut (fenêtre 1280 × 900)\n");
        Assert.True(height <= 3 * 900, $"{height} px");
        Assert.True(bytes < 40_000, $"{bytes} octets");
        await Capture(page, "caf-verdict");
        Assert.Empty(_cspViolations);
    }

    [BrowserFact]
    public async Task Questionnaire_UnknownAmount_SaysSo_AndTheTotalIsAFloor()
    {
        var page = await NewPage();
        await page.GotoAsync(_base + "/concerne");
        await Answer(page, new Dictionary<string, string>
        {
            ["employeur.secteur"] = "prive_non_lucratif", ["employeur.structure"] = "ehpad", ["emploi.profession"] = "infirmier",
            ["emploi.statut"] = "salarie", ["employeur.idcc"] = "5502", ["employeur.champ_bass"] = "true", ["employeur.adherent_axess"] = "true",
            ["emploi.quotite"] = "1", ["employeur.financement_assurance_maladie"] = "true",
        }, "montant-inconnu");
        Assert.Equal("montant inconnu", await page.Locator("#montant-mensuel").InnerTextAsync());
        Assert.StartsWith("au moins", await page.Locator("#total").InnerTextAsync());
        var motif = await page.Locator("#motif-decisif .phrase").InnerTextAsync();
        Assert.Contains("M5-CROIX-ROUGE", motif);
        Assert.Contains("est inconnu", motif);
        Assert.DoesNotContain("0,00 € brut par mois", motif);
        Assert.True(await page.Locator("figure.graphique svg rect.inconnu").CountAsync() > 10, "les mois au montant inconnu sont marqués sur le graphique");
        await Capture(page, "montant-inconnu-verdict");

        // Arrears: the months owed before the employer paid, the unknown amount said in the letter.
        await page.ClickAsync("p.rappel-lien a");
        await page.FillAsync("#verse_depuis", "2021-01");
        await page.ClickAsync("#verse button[type=submit]");
        Assert.StartsWith("Sommes restant dues : au moins", await page.Locator("#reste-du h2").InnerTextAsync());
        Assert.Contains("Le montant de M5-CROIX-ROUGE n'est fixé par aucun texte", await page.Locator("#lettre").InnerTextAsync());
        Assert.Empty(_cspViolations);
    }

    [BrowserFact]
    public async Task Arrears_NursePaidLate_GetsTheMonthsOwedAndAPrintableLetter()
    {
        var page = await NewPage();
        await page.GotoAsync(_base + "/rappels?employeur.secteur=public&employeur.structure=etablissement_public_sante&emploi.profession=infirmier&employeur.versant=FPH&emploi.statut=titulaire&emploi.quotite=1&debut=2020-09&fin=2023-12");
        await page.FillAsync("#verse_depuis", "2022-01");
        await page.ClickAsync("#verse button[type=submit]");
        Assert.Equal("Sommes restant dues : 3 322,44 € brut", await page.Locator("#reste-du h2").InnerTextAsync());
        var letter = await page.Locator("#lettre").InnerTextAsync();
        Assert.Contains("demande de régularisation", letter);
        Assert.Contains("Décret n° 2020-1152", letter);
        Assert.Contains("septembre 2020 à décembre 2021", letter);
        await Capture(page, "rappel-lettre");
        await page.EmulateMediaAsync(new() { Media = Media.Print });
        Assert.False(await page.Locator("header.bandeau").IsVisibleAsync(), "l'en-tête du site n'est pas imprimé");
        Assert.True(await page.Locator("#lettre").IsVisibleAsync());
        await page.PdfAsync(new() { Path = Path.Combine(Artefacts, "rappel-lettre.pdf"), Format = "A4" });
        Assert.Empty(_cspViolations);
    }

    [BrowserFact]
    public async Task Reform_BuiltFromTheForm_IsSimulatedAndSaved()
    {
        var page = await NewPage();
        await page.GotoAsync(_base + "/reforme");
        await page.CheckAsync("#mode-creer");
        await page.SelectOptionAsync("#secteur", ["securite_sociale"]);
        await page.SelectOptionAsync("#organisme", ["CAF", "CARSAT", "MSA"]);
        await page.SelectOptionAsync("#profession", ["assistant_service_social", "conseiller_economie_sociale_familiale"]);
        await page.FillAsync("#montant", "238");
        await page.FillAsync("#premier_mois", "2022-04");
        await page.FillAsync("#decision", "2027-01-01");
        await page.ClickAsync("#formulaire-reforme button[type=submit]");
        Assert.Contains("réforme chargée et vérifiée", await page.Locator("#reforme-construite").InnerTextAsync());
        Assert.Contains("R-FORMULAIRE", await page.InputValueAsync("#reforme"));
        Assert.Contains("retirer_mesures: [R-FORMULAIRE]", await page.Locator("#yaml-construit").TextContentAsync() ?? "");
        var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("#telecharger"));
        Assert.EndsWith(".yaml", download.SuggestedFilename);
        await Capture(page, "reforme-formulaire");

        await page.FillAsync("#taille", "20000");
        await page.FillAsync("#debut", "2022-04");
        await page.ClickAsync("#simulation button.principal");
        await page.WaitForSelectorAsync("#cout");
        Assert.True(Euros(await page.Locator("#cout").InnerTextAsync()) > 0);
        Assert.Contains("R-FORMULAIRE", await page.Locator("#par-mesure").InnerTextAsync());
        await page.FillAsync("#jeton-enr", TestSite.Token);
        await page.ClickAsync("#enregistrer button");
        Assert.True(System.Text.RegularExpressions.Regex.IsMatch(page.Url, @"/simulations/\d+$"), page.Url + " : " + await page.Locator("main").InnerTextAsync());
        await Capture(page, "reforme-formulaire-resultat");
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
