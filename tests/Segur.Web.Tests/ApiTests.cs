using Microsoft.AspNetCore.TestHost;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

using Segur.Tests;

namespace Segur.Web.Tests;

public sealed class ApiTests : IAsyncLifetime
{
    private TestSite _site = null!;

    public Task InitializeAsync()
    {
        _site = new TestSite();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _site.DisposeAsync();

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    private async Task<(HttpStatusCode, JsonElement)> Problem(HttpResponseMessage r)
    {
        Assert.StartsWith("application/problem+json", r.Content.Headers.ContentType!.ToString());
        using var doc = JsonDocument.Parse(await r.Content.ReadAsStringAsync());
        return (r.StatusCode, doc.RootElement.Clone());
    }

    [Theory]
    [InlineData("infirmiere-chu.json", "2020-09..2026-12", null, false)]
    [InlineData("assistante-sociale-caf.json", "2022-01..2024-12", null, false)]
    [InlineData("infirmiere-chu.json", "2020-09..2021-03", "2021-01-31", false)]
    [InlineData("assistante-sociale-caf.json", "2024-01", null, true)]
    public async Task Verifier_AnswersExactlyTheBytesOfTheJsonReport(string example, string period, string? asOf, bool all)
    {
        var path = Path.Combine(Repo.Root, "exemples", example);
        var expected = LibraryReport.Json(path, period, asOf, all);

        var profile = JsonNode.Parse(File.ReadAllText(path))!.AsObject();
        var parts = period.Split("..");
        profile["periode"] = new JsonObject { ["debut"] = parts[0], ["fin"] = parts[^1] };
        if (asOf is not null) profile["droit_au"] = asOf;
        if (all) profile["toutes_mesures"] = true;
        var r = await _site.Client.PostAsync("/api/verifier?contrat=1", Json(profile.ToJsonString()));
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        Assert.Equal("application/json; charset=utf-8", r.Content.Headers.ContentType!.ToString());
        var bytes = await r.Content.ReadAsByteArrayAsync();
        Assert.Equal(Encoding.UTF8.GetBytes(expected), bytes);
    }

    [Theory]
    [InlineData("infirmiere-chu.json", "2020-09..2026-12", "", "resume")]
    [InlineData("infirmiere-chu.json", "2024-01", "?explication=aucune", "aucune")]
    [InlineData("assistante-sociale-caf.json", "2022-01..2024-12", "?explication=complete", "complete")]
    [InlineData("infirmiere-chu.json", "2024-01", "?contrat=2&explication=resume", "resume")]
    public async Task Verifier_AnswersByDefaultExactlyTheBytesOfTheCompactReport(string example, string period, string query, string level)
    {
        var path = Path.Combine(Repo.Root, "exemples", example);
        var expected = LibraryReport.JsonV2(path, period, null, false, Segur.Reports.CompactJsonReport.Parse(level)!.Value);
        var profile = JsonNode.Parse(File.ReadAllText(path))!.AsObject();
        var parts = period.Split("..");
        profile["periode"] = new JsonObject { ["debut"] = parts[0], ["fin"] = parts[^1] };
        for (var i = 0; i < 2; i++) // the second answer comes from the decision cache: the same bytes
        {
            var r = await _site.Client.PostAsync("/api/verifier" + query, Json(profile.ToJsonString()));
            Assert.Equal(HttpStatusCode.OK, r.StatusCode);
            Assert.Equal("application/json; charset=utf-8", r.Content.Headers.ContentType!.ToString());
            Assert.Equal(expected, Encoding.UTF8.GetString(await r.Content.ReadAsByteArrayAsync()));
        }
    }

    [Theory]
    [InlineData("?explication=tout", "?explication=tout : niveau inconnu")]
    [InlineData("?contrat=3", "?contrat=3 : version inconnue")]
    [InlineData("?contrat=1&explication=aucune", "seulement avec le contrat 2")]
    public async Task Verifier_BadContractOrLevel_Is400InFrench(string query, string message)
    {
        var (status, p) = await Problem(await _site.Client.PostAsync("/api/verifier" + query, Json(Nurse1Month)));
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains(message, p.GetProperty("detail").GetString());
    }

    private const string Nurse1Month = """{"employeur": {"secteur": "public", "versant": "FPH", "structure": "etablissement_public_sante"}, "emploi": {"profession": "infirmier", "statut": "titulaire"}, "periode": {"debut": "2024-06", "fin": "2024-06"}}""";

    [Fact]
    public async Task Verifier_WithReformOverlay_PaysTheCafSocialWorker()
    {
        var profile = JsonNode.Parse(File.ReadAllText(Path.Combine(Repo.Root, "exemples", "assistante-sociale-caf.json")))!.AsObject();
        profile["periode"] = new JsonObject { ["debut"] = "2024-01", ["fin"] = "2024-01" };
        var before = JsonDocument.Parse(await (await _site.Client.PostAsync("/api/verifier?contrat=1", Json(profile.ToJsonString()))).Content.ReadAsStringAsync());
        Assert.False(before.RootElement.GetProperty("mois")[0].GetProperty("eligible").GetBoolean());

        profile["reforme"] = "extension-securite-sociale";
        var r = await _site.Client.PostAsync("/api/verifier?contrat=1", Json(profile.ToJsonString()));
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        var month = JsonDocument.Parse(await r.Content.ReadAsStringAsync()).RootElement.GetProperty("mois")[0];
        Assert.True(month.GetProperty("eligible").GetBoolean());
        Assert.Equal("R-SECU-SOCIALE", month.GetProperty("mesures_retenues")[0].GetString());
        Assert.Equal(238.00m, month.GetProperty("montant_brut").GetDecimal());

        // The same reform sent as YAML text gives the same document.
        profile["reforme"] = File.ReadAllText(Path.Combine(Repo.Root, "legislation", "reforms", "extension-securite-sociale.yaml"));
        var r2 = await _site.Client.PostAsync("/api/verifier", Json(profile.ToJsonString()));
        Assert.Equal(HttpStatusCode.OK, r2.StatusCode);
    }

    [Theory]
    [InlineData("""{"employeur": {"secteur": "public", "structure": "ehpad"}, "emploi": {"profession": "infirmier", "quotite": 1.5}}""", "/emploi/quotite", "quotité 1.5 hors bornes")]
    [InlineData("""{"employeur": {"secteur": "public", "structure": "ehpad"}, "emploi": {"profession": "chirurgien"}}""", "/emploi/profession", "valeur \"chirurgien\" inconnue")]
    [InlineData("""{"employeur": {"secteur": "public", "structure": "ehpad"}}""", "/emploi", "champ obligatoire manquant")]
    [InlineData("""{"employeur": {"secteur": "public", "structure": "ehpad"}, "emploi": {"profession": "infirmier", "temps_partiel": "oui"}}""", "/emploi/temps_partiel", "attendu un booléen")]
    [InlineData("""{"employeur": {"secteur": "public", "structure": "ehpad"}, "emploi": {"profession": "infirmier"}, "periode": {"debut": "2024-13"}}""", "/periode/debut", "mal formée")]
    [InlineData("""{"employeur": {"secteur": "public", "structure": "ehpad"}, "emploi": {"profession": "infirmier"}, "periode": {"debut": "2000-01", "fin": "2030-12"}}""", "/periode", "au plus 240 mois")]
    [InlineData("""{"employeur": {"secteur": "public", "structure": "ehpad"}, "emploi": {"profession": "infirmier"}, "droit_au": "2021-02-30"}""", "/droit_au", "invalide")]
    [InlineData("""{"employeur": {"secteur": "public", "structure": "ehpad"}, "emploi": {"profession": "infirmier"}, "reforme": 12}""", "/reforme", "type incorrect")]
    [InlineData("""{"employeur": {"secteur": "public", "structure": "ehpad"}, "emploi": {"profession": "infirmier"}, "inconnu": 1}""", "/inconnu", "champ inconnu")]
    public async Task Verifier_MalformedBody_Gives400InFrenchNamingTheField(string body, string field, string words)
    {
        var (status, p) = await Problem(await _site.Client.PostAsync("/api/verifier", Json(body)));
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("Requête invalide", p.GetProperty("title").GetString());
        var detail = string.Join(" | ", p.GetProperty("erreurs").EnumerateArray().Select(e => e.GetString()));
        Assert.Contains(field, detail);
        Assert.Contains(words, detail);
        Assert.Equal(field, p.GetProperty("champ").GetString());
    }

    [Fact]
    public async Task Verifier_InvalidJson_NamesLineAndColumn()
    {
        var (status, p) = await Problem(await _site.Client.PostAsync("/api/verifier", Json("{\"employeur\": {\"secteur\": \"public\",}\n}")));
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("ligne 1, colonne", p.GetProperty("detail").GetString());
        Assert.Contains("JSON invalide", p.GetProperty("detail").GetString());
        var (s2, p2) = await Problem(await _site.Client.PostAsync("/api/verifier", Json("[]")));
        Assert.Equal(HttpStatusCode.BadRequest, s2);
        Assert.Contains("trouvé une liste", p2.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Verifier_WrongTypeOrTooLarge_IsRefused()
    {
        var (s1, p1) = await Problem(await _site.Client.PostAsync("/api/verifier", new StringContent("x=1", Encoding.UTF8, "application/x-www-form-urlencoded")));
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, s1);
        Assert.Contains("application/json", p1.GetProperty("detail").GetString());
        var big = "{\"id\": \"" + new string('a', 2 << 20) + "\"}";
        var (s2, p2) = await Problem(await _site.Client.PostAsync("/api/verifier", Json(big)));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, s2);
        Assert.Contains("octets", p2.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Verifier_PastTheTimeLimit_Gives503InFrench()
    {
        // On the real server (Kestrel), with a time limit far below what 240 months of every measure take.
        var data = Directory.CreateTempSubdirectory("segur-timeout-").FullName;
        var app = WebServer.Build(new WebOptions { Port = 0, DataFolder = data, Token = TestSite.Token, RequestTimeout = TimeSpan.FromMilliseconds(20) });
        await app.StartAsync();
        try
        {
            using var client = new HttpClient { BaseAddress = new Uri(WebServer.Address(app)) };
            // The limit's timer can fire late on a starved machine: then the whole answer comes (never half of it).
            // Each attempt asks for another profession, so that no attempt is answered from the decision cache.
            string[] professions = ["infirmier", "aide_soignant", "psychologue", "educateur_specialise", "agent_entretien"];
            var refused = 0;
            for (var attempt = 0; attempt < professions.Length && refused == 0; attempt++)
            {
                var body = $$"""{"employeur": {"secteur": "public", "versant": "FPH", "structure": "etablissement_public_sante"}, "emploi": {"profession": "{{professions[attempt]}}", "statut": "titulaire"}, "periode": {"debut": "2007-01", "fin": "2026-12"}, "toutes_mesures": true}""";
                var r = await client.PostAsync("/api/verifier", Json(body));
                if (r.StatusCode == HttpStatusCode.OK)
                {
                    JsonDocument.Parse(await r.Content.ReadAsStringAsync());
                    continue;
                }
                var (status, p) = await Problem(r);
                Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
                Assert.Contains("délai", p.GetProperty("detail").GetString());
                refused++;
            }
            Assert.Equal(1, refused);
        }
        finally
        {
            await app.StopAsync();
            await app.DisposeAsync();
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(data, recursive: true);
        }
    }

    [Fact]
    public async Task Catalogue_ListsMeasuresParametersTextsCasesAndReforms()
    {
        var measures = JsonDocument.Parse(await _site.Client.GetStringAsync("/api/mesures")).RootElement;
        Assert.Contains(measures.EnumerateArray(), m => m.GetProperty("id").GetString() == "M1");
        var m1 = JsonDocument.Parse(await _site.Client.GetStringAsync("/api/mesures/M1")).RootElement;
        Assert.Equal("decret-2020-1152", m1.GetProperty("institue_par").GetProperty("texte").GetString());
        Assert.True(m1.GetProperty("criteres").GetArrayLength() > 0);
        var pars = JsonDocument.Parse(await _site.Client.GetStringAsync("/api/parametres")).RootElement;
        Assert.True(pars.GetArrayLength() > 5);
        Assert.All(pars.EnumerateArray().SelectMany(p => p.GetProperty("valeurs").EnumerateArray()), v => Assert.False(string.IsNullOrEmpty(v.GetProperty("reference").GetProperty("url").GetString())));
        var texts = JsonDocument.Parse(await _site.Client.GetStringAsync("/api/textes")).RootElement;
        Assert.Contains(texts.EnumerateArray(), t => t.GetProperty("id").GetString() == "decret-2020-1152");
        var cases = JsonDocument.Parse(await _site.Client.GetStringAsync("/api/cas")).RootElement;
        Assert.True(cases.GetArrayLength() >= 200);
        var reforms = JsonDocument.Parse(await _site.Client.GetStringAsync("/api/reformes")).RootElement;
        Assert.Contains(reforms.EnumerateArray(), r => r.GetProperty("id").GetString() == "extension-securite-sociale");
        var missing = await _site.Client.GetAsync("/api/mesures/M99");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Contains("mesure inconnue", await missing.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task OpenApi_DocumentsTheApi_AndTheReferencePageIsServedLocally()
    {
        var doc = JsonDocument.Parse(await _site.Client.GetStringAsync("/api/openapi.json")).RootElement;
        var paths = doc.GetProperty("paths");
        foreach (var p in new[] { "/api/verifier", "/api/simuler", "/api/mesures", "/api/parametres", "/api/cas", "/api/simulations", "/api/simulations/{id}" })
            Assert.True(paths.TryGetProperty(p, out _), p);
        Assert.False(paths.TryGetProperty("/concerne", out _)); // pages are not API
        var page = await _site.Client.GetAsync("/api/reference/");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains("scalar.js", html);
        Assert.DoesNotContain("cdn.", html);
        Assert.Contains("'nonce-", page.Headers.GetValues("Content-Security-Policy").Single());
    }

    [Fact]
    public async Task Simuler_SmallPopulation_GivesTheSynthesis()
    {
        var body = """
            {"periode": {"debut": "2024-01", "fin": "2024-12"}, "reforme": "extension-securite-sociale",
             "profils": [
               {"employeur": {"secteur": "public", "versant": "FPH", "structure": "etablissement_public_sante"}, "emploi": {"profession": "infirmier", "statut": "titulaire"}},
               {"employeur": {"secteur": "securite_sociale", "organisme": "CAF", "structure": "organisme_securite_sociale"}, "emploi": {"profession": "assistant_service_social", "statut": "salarie"}}
             ]}
            """;
        var r = await _site.Client.PostAsync("/api/simuler", Json(body));
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        var s = JsonDocument.Parse(await r.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(2, s.GetProperty("lignes").GetProperty("evaluees").GetInt64());
        Assert.Equal(1, s.GetProperty("difference").GetProperty("beneficiaires").GetInt64());
        Assert.Equal(2856.00m, s.GetProperty("difference").GetProperty("cout_brut").GetDecimal());
        var bad = await _site.Client.PostAsync("/api/simuler", Json("""{"periode": {"debut": "2024-01"}, "profils": [{"employeur": {"secteur": "x", "structure": "ehpad"}, "emploi": {"profession": "infirmier"}}]}"""));
        var (status, p) = await Problem(bad);
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("/profils/0", p.GetProperty("detail").GetString());
        Assert.Equal("/profils/0/employeur/secteur", p.GetProperty("champ").GetString());
    }

    [Fact]
    public async Task Writes_RequireTheToken_ReadsAreOpen()
    {
        const string body = """{"titre": "Extension sécurité sociale", "periode": {"debut": "2022-04", "fin": "2026-12"}, "reforme": "extension-securite-sociale", "population": {"taille": 3000, "graine": 7}}""";
        var (s1, p1) = await Problem(await _site.Client.PostAsync("/api/simulations", Json(body)));
        Assert.Equal(HttpStatusCode.Unauthorized, s1);
        Assert.Contains("jeton", p1.GetProperty("detail").GetString());
        var wrong = _site.App.GetTestClient();
        wrong.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "mauvais-jeton");
        Assert.Equal(HttpStatusCode.Unauthorized, (await wrong.PostAsync("/api/simulations", Json(body))).StatusCode);

        var ok = await _site.Authorized().PostAsync("/api/simulations", Json(body));
        Assert.Equal(HttpStatusCode.Created, ok.StatusCode);
        var id = JsonDocument.Parse(await ok.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetInt64();

        var list = JsonDocument.Parse(await _site.Client.GetStringAsync("/api/simulations")).RootElement;
        Assert.Equal(id, list[0].GetProperty("id").GetInt64());
        var run = JsonDocument.Parse(await _site.Client.GetStringAsync($"/api/simulations/{id}")).RootElement;
        Assert.Equal("Extension sécurité sociale", run.GetProperty("titre").GetString());
        Assert.Equal("2026.11.26", run.GetProperty("legislation").GetProperty("version").GetString());
        Assert.Equal("extension-securite-sociale", run.GetProperty("reforme").GetProperty("id").GetString());
        Assert.Contains("R-SECU-SOCIALE", run.GetProperty("reforme").GetProperty("yaml").GetString());
        Assert.True(run.GetProperty("difference").GetDecimal() > 0);
        Assert.True(run.GetProperty("rappels").GetDecimal() > 0);
        Assert.Equal(run.GetProperty("difference").GetDecimal(), run.GetProperty("synthese").GetProperty("difference").GetProperty("cout_brut").GetDecimal());
        Assert.Equal(HttpStatusCode.NotFound, (await _site.Client.GetAsync("/api/simulations/999999")).StatusCode);
    }

    [Fact]
    public async Task Upload_NeedsTheToken_IsSizeLimited_AndStaysInTheDataFolder()
    {
        var csv = "employeur.secteur;employeur.versant;employeur.structure;emploi.profession;emploi.statut\npublic;FPH;etablissement_public_sante;infirmier;titulaire\nsecurite_sociale;;organisme_securite_sociale;assistant_service_social;salarie\n";
        MultipartFormDataContent Form(string name)
        {
            var f = new MultipartFormDataContent();
            var file = new ByteArrayContent(Encoding.UTF8.GetBytes(csv));
            file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
            f.Add(file, "fichier", name);
            return f;
        }
        Assert.Equal(HttpStatusCode.Unauthorized, (await _site.Client.PostAsync("/api/televersements", Form("effectifs.csv"))).StatusCode);
        var r = await _site.Authorized().PostAsync("/api/televersements", Form("../../../../tmp/evil.csv"));
        Assert.Equal(HttpStatusCode.Created, r.StatusCode);
        var id = JsonDocument.Parse(await r.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetString()!;
        Assert.Matches("^[0-9a-f]{32}\\.csv$", id);
        Assert.True(File.Exists(Path.Combine(_site.Data, "televersements", id)));
        Assert.False(File.Exists("/tmp/evil.csv"));
        var bad = await _site.Authorized().PostAsync("/api/televersements", Form("effectifs.exe"));
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains(".csv ou .parquet", await bad.Content.ReadAsStringAsync());

        var sim = await _site.Client.PostAsync("/api/simuler", Json($$"""{"periode": {"debut": "2024-01", "fin": "2024-12"}, "televersement": "{{id}}"}"""));
        Assert.Equal(HttpStatusCode.OK, sim.StatusCode);
        Assert.Equal(2, JsonDocument.Parse(await sim.Content.ReadAsStringAsync()).RootElement.GetProperty("lignes").GetProperty("evaluees").GetInt64());
        var traversal = await _site.Client.PostAsync("/api/simuler", Json("""{"periode": {"debut": "2024-01"}, "televersement": "../../../etc/passwd"}"""));
        Assert.Equal(HttpStatusCode.BadRequest, traversal.StatusCode);

        await using var small = new TestSite(maxUpload: 64);
        var tooBig = await small.Authorized().PostAsync("/api/televersements", Form("effectifs.csv"));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, tooBig.StatusCode);
        Assert.Empty(Directory.EnumerateFiles(Path.Combine(small.Data, "televersements")));
    }

    [Fact]
    public async Task Pages_SetAStrictCsp_AndEscapeUserText()
    {
        foreach (var url in new[] { "/", "/concerne", "/legislation", "/legislation/mesures/M1", "/legislation/parametres/point-indice", "/legislation/textes", "/reforme", "/simulations" })
        {
            var r = await _site.Client.GetAsync(url);
            Assert.Equal(HttpStatusCode.OK, r.StatusCode);
            var csp = r.Headers.GetValues("Content-Security-Policy").Single();
            Assert.Contains("default-src 'none'", csp);
            Assert.Contains("script-src 'self'", csp);
            Assert.DoesNotContain("unsafe", csp);
            Assert.Equal("nosniff", r.Headers.GetValues("X-Content-Type-Options").Single());
            var html = await r.Content.ReadAsStringAsync();
            Assert.DoesNotContain("<script", html);
            Assert.DoesNotContain(" style=", html);
        }
        const string evil = "<script>alert(1)</script>";
        var bad = await _site.Client.GetAsync("/concerne?employeur.secteur=" + Uri.EscapeDataString(evil) + "&employeur.structure=ehpad&emploi.profession=infirmier");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var q = await bad.Content.ReadAsStringAsync();
        Assert.DoesNotContain("<script", q);
        Assert.Contains("/employeur/secteur : valeur", q);
        var form = new FormUrlEncodedContent([new("reforme", evil + "\nid: x")]);
        var prepared = await (await _site.Client.PostAsync("/reforme/preparer", form)).Content.ReadAsStringAsync();
        Assert.DoesNotContain(evil, prepared);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", prepared);
        var m = await (await _site.Client.GetAsync("/legislation/mesures/" + Uri.EscapeDataString(evil))).Content.ReadAsStringAsync();
        Assert.DoesNotContain(evil, m);
    }

    [Fact]
    public async Task Questionnaire_AsksOnlyWhatMatters()
    {
        // A hospital nurse: after employer, structure and job, the engine needs the civil-service side and the status.
        var html = await _site.Client.GetStringAsync("/concerne?employeur.secteur=public&employeur.structure=etablissement_public_sante&emploi.profession=infirmier");
        Assert.Contains("name=\"employeur.versant\"", html);
        html = await _site.Client.GetStringAsync("/concerne?employeur.secteur=public&employeur.structure=etablissement_public_sante&emploi.profession=infirmier&employeur.versant=FPH");
        Assert.Contains("name=\"emploi.statut\"", html);
        Assert.DoesNotContain("name=\"employeur.idcc\"", html);
        html = await _site.Client.GetStringAsync("/concerne?employeur.secteur=public&employeur.structure=etablissement_public_sante&emploi.profession=infirmier&employeur.versant=FPH&emploi.statut=titulaire&emploi.quotite=1&debut=2024-01&fin=2024-12");
        Assert.Contains("id=\"verdict\"", html);
        Assert.Contains("Oui : une mesure Ségur vous est due", html);
        Assert.Contains("241,22 €", html);
        Assert.Contains("https://www.legifrance.gouv.fr/loda/id/JORFTEXT000042345102", html);
        Assert.Contains("<svg", html);

        // An employee of a social security body: the body decides the exclusion of the caisses, so it is asked, then the verdict comes.
        html = await _site.Client.GetStringAsync("/concerne?employeur.secteur=securite_sociale&employeur.structure=organisme_securite_sociale&emploi.profession=assistant_service_social&debut=2024-01&fin=2024-12");
        Assert.Contains("name=\"employeur.organisme\"", html);
        html = await _site.Client.GetStringAsync("/concerne?employeur.secteur=securite_sociale&employeur.structure=organisme_securite_sociale&emploi.profession=assistant_service_social&employeur.organisme=CAF&debut=2024-01&fin=2024-12");
        Assert.Contains("Non : aucune mesure Ségur", html);
        Assert.Contains("hors du champ de toutes les mesures", html);
        Assert.Contains("Ce qui changerait le résultat", html);

        // A public MAS: its funding by the assurance maladie is implied by the law, never asked.
        var asked = new List<string>();
        var query = "employeur.secteur=public&employeur.structure=mas&emploi.profession=aide_soignant";
        var answers = new Dictionary<string, string> { ["employeur.versant"] = "FPH", ["emploi.statut"] = "titulaire", ["employeur.rattachement_eps_ou_ehpad"] = "false", ["emploi.quotite"] = "1" };
        for (var i = 0; i < 8; i++)
        {
            html = await _site.Client.GetStringAsync("/concerne?" + query);
            if (html.Contains("id=\"verdict\"")) break;
            var field = System.Text.RegularExpressions.Regex.Match(html, "<legend>.*?name=\"([a-z_.]+)\"", System.Text.RegularExpressions.RegexOptions.Singleline).Groups[1].Value;
            asked.Add(field);
            query += $"&{field}={answers[field]}";
        }
        Assert.DoesNotContain("employeur.financement_assurance_maladie", asked);
        Assert.Contains("id=\"verdict\"", html);
    }
}
