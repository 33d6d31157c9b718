using System.Net;
using System.Text;
using Segur.Batch;

namespace Segur.Web.Tests;

/// <summary>The « Simuler une réforme » form: a file needs the token, CSV and Parquet are read, saving needs the token.</summary>
public sealed class FormTests : IAsyncLifetime
{
    private TestSite _site = null!;

    public Task InitializeAsync()
    {
        _site = new TestSite();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _site.DisposeAsync();

    private static MultipartFormDataContent Form(string? token, byte[] file, string fileName, string reform = "extension-securite-sociale")
    {
        var f = new MultipartFormDataContent
        {
            { new StringContent("fichier"), "source" },
            { new StringContent(token ?? ""), "jeton" },
            { new StringContent("2024-01"), "debut" },
            { new StringContent("2024-12"), "fin" },
            { new StringContent(reform), "reforme" },
        };
        f.Add(new ByteArrayContent(file), "fichier", fileName);
        return f;
    }

    private const string Csv = "employeur.secteur;employeur.organisme;employeur.structure;emploi.profession;emploi.statut\nsecurite_sociale;CAF;organisme_securite_sociale;assistant_service_social;salarie\npublic;;ehpad;infirmier;titre-inconnu\n";

    [Fact]
    public async Task UploadedCsv_WithTheToken_IsSimulated_AndRejectedRowsAreShown()
    {
        var reform = File.ReadAllText(Path.Combine(Repo.Root, "legislation", "reforms", "extension-securite-sociale.yaml"));
        var r = await _site.Client.PostAsync("/reforme", Form(TestSite.Token, Encoding.UTF8.GetBytes(Csv), "effectifs.csv", reform));
        var html = await r.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        Assert.Contains("fichier téléversé « effectifs.csv »", html);
        Assert.Contains("1 lignes évaluées, 1 rejetées", html);
        Assert.Contains("titre-inconnu", html);
        Assert.Contains("id=\"cout\">2 856,00 €", html);
        Assert.Single(Directory.EnumerateFiles(Path.Combine(_site.Data, "televersements")));
    }

    [Fact]
    public async Task UploadedFile_WithoutTheToken_IsRefusedAndNotStored()
    {
        var r = await _site.Client.PostAsync("/reforme", Form(null, Encoding.UTF8.GetBytes(Csv), "effectifs.csv"));
        Assert.Equal(HttpStatusCode.Unauthorized, r.StatusCode);
        Assert.Contains("jeton d'écriture manquant ou invalide", WebUtility.HtmlDecode(await r.Content.ReadAsStringAsync()));
        Assert.False(Directory.Exists(Path.Combine(_site.Data, "televersements")) && Directory.EnumerateFiles(Path.Combine(_site.Data, "televersements")).Any());
    }

    [Fact]
    public async Task UploadedParquet_IsReadLikeTheCommandLine()
    {
        var law = Segur.Engine.Law.LegislationLoader.Load(new Segur.Engine.Law.EmbeddedLegislation());
        var model = PopulationModel.Embedded(law.Vocabulary);
        var path = Path.Combine(_site.Data, "echantillon.parquet");
        PopulationParquet.Write(path, law.Vocabulary, model.Generate(300, 3), model.Metadata(300, 3, law));
        var r = await _site.Client.PostAsync("/reforme", Form(TestSite.Token, File.ReadAllBytes(path), "echantillon.parquet", ""));
        var html = await r.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        Assert.Contains("300 lignes évaluées, 0 rejetées", html);
        Assert.Contains("id=\"par-mesure\"", html);
    }

    [Fact]
    public async Task BadReform_IsShownInFrench_OnTheForm()
    {
        var f = new MultipartFormDataContent
        {
            { new StringContent("population"), "source" },
            { new StringContent("100"), "taille" },
            { new StringContent("2024-01"), "debut" },
            { new StringContent("2024-02"), "fin" },
            { new StringContent("id: x\nintitule: y\ndecidee_le: 2027-01-01\nmodifications:\n  - mesure: M404\n    du: 2020-01-01\n"), "reforme" },
        };
        var r = await _site.Client.PostAsync("/reforme", f);
        Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode);
        var html = await r.Content.ReadAsStringAsync();
        Assert.Contains("mesure « M404 » inconnue", html);
        Assert.Contains("<textarea id=\"reforme\"", html);
    }

    [Fact]
    public async Task Saving_FromTheForm_NeedsTheToken_ThenShowsTheRun()
    {
        KeyValuePair<string, string>[] Fields(string token) =>
        [
            new("source", "population"), new("taille", "2000"), new("graine", "1"), new("debut", "2022-04"), new("fin", "2026-12"),
            new("reforme", "extension-securite-sociale"), new("titre", "Mon <b>calcul</b>"), new("jeton", token),
        ];
        var refused = await _site.Client.PostAsync("/simulations", new FormUrlEncodedContent(Fields("faux")));
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        var ok = await _site.Client.PostAsync("/simulations", new FormUrlEncodedContent(Fields(TestSite.Token)));
        Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);
        Assert.Matches("^/simulations/[0-9]+$", ok.Headers.Location!.ToString());
        var html = await _site.Client.GetStringAsync(ok.Headers.Location);
        Assert.Contains("Mon &lt;b&gt;calcul&lt;/b&gt;", html);
        Assert.Contains("2026.11.26", html);
        Assert.Contains("Extension de la revalorisation Ségur aux travailleurs sociaux", html);
    }
}
