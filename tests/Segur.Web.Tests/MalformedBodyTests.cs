using System.Text;

namespace Segur.Web.Tests;

/// <summary>Regressions for the bodies that crashed the API (500) before the JSON check; one per distinct failure.</summary>
public sealed class MalformedBodyTests : IAsyncLifetime
{
    private TestSite _site = null!;

    public Task InitializeAsync()
    {
        _site = new TestSite();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _site.DisposeAsync();

    private const string Nurse = """{"employeur": {"secteur": "public", "versant": "FPH", "structure": "etablissement_public_sante"}, "emploi": {"profession": "infirmier", "statut": "titulaire"}, "periode": {"debut": "2024-06", "fin": "2024-06"}}""";

    [Theory]
    [InlineData("""{"emploi": {}, "emploi": {}}""", "/emploi", "clé « emploi » donnée deux fois")]
    [InlineData("""{"employeur": {"secteur": "public", "secteur": "prive"}}""", "/employeur/secteur", "donnée deux fois")]
    [InlineData("""{"emploi": {"quotite": 1e308}}""", "/emploi/quotite", "nombre 1e308 hors de la plage")]
    [InlineData("""{"profils": [{"emploi": {"quotite": -1e308}}]}""", "/profils/0/emploi/quotite", "hors de la plage")]
    [InlineData("""{"emploi": {"profession": "\uD800"}}""", "/emploi/profession", "moitié isolée de paire de substitution")]
    [InlineData("""{"\uDFFF": 1}""", null, "une clé qui contient une moitié isolée")]
    public async Task Verifier_Crasher_IsA400NamingTheField(string body, string? field, string words)
    {
        var r = await _site.Client.PostAsync("/api/verifier", new StringContent(body, Encoding.UTF8, "application/json"));
        var p = await FrenchProblem.Check(r, 400);
        Assert.Contains(words, p.GetProperty("detail").GetString());
        if (field is not null) Assert.Equal(field, p.GetProperty("champ").GetString());
    }

    [Theory]
    [InlineData("C080", 70)]     // overlong encoding, found by the fuzz test inside a key (entrée n° 6, /api/simuler)
    [InlineData("F4908080", 190)] // beyond U+10FFFF, found inside a month (entrée n° 40, /api/verifier)
    [InlineData("EDA080", 10)]   // an encoded surrogate (CESU-8)
    [InlineData("FF", 0)]
    public async Task Verifier_InvalidUtf8_IsA400NamingLineAndColumn(string hex, int at)
    {
        var bytes = Encoding.UTF8.GetBytes(Nurse).ToList();
        bytes.InsertRange(at, Convert.FromHexString(hex));
        var content = new ByteArrayContent([.. bytes]);
        content.Headers.ContentType = new("application/json");
        var p = await FrenchProblem.Check(await _site.Client.PostAsync("/api/verifier", content), 400);
        Assert.Contains($"ligne 1, colonne {at + 1} : octet 0x{hex[..2]} qui n'est pas du texte UTF-8 valide", p.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Simuler_ByteOrderMark_IsAccepted()
    {
        // Found by the fuzz test (graine 7, entrée n° 14077): a UTF-8 byte-order mark gave a 500.
        var body = """{"periode": {"debut": "2024-01", "fin": "2024-01"}, "profils": [""" + Nurse + "]}";
        var content = new ByteArrayContent([.. Encoding.UTF8.Preamble, .. Encoding.UTF8.GetBytes(body)]);
        content.Headers.ContentType = new("application/json");
        var r = await _site.Client.PostAsync("/api/simuler", content);
        Assert.Equal(System.Net.HttpStatusCode.OK, r.StatusCode);
    }

    [Fact]
    public async Task Upload_WithoutItsClosingBoundary_IsA400InFrench()
    {
        // Found by the fuzz test (graine 20261202, entrée n° 2): the multipart reader's end of stream gave a 500.
        const string b = "xyz";
        var form = $"--{b}\r\nContent-Disposition: form-data; name=\"fichier\"; filename=\"e.csv\"\r\nContent-Type: text/csv\r\n\r\nemploi.profession\ninfirmier\n\r\n---1E400--{b[..1]}]{b[1..]}--\r\n";
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(form));
        content.Headers.TryAddWithoutValidation("Content-Type", $"multipart/form-data; boundary={b}");
        var p = await FrenchProblem.Check(await _site.Authorized().PostAsync("/api/televersements", content), 400);
        Assert.Contains("formulaire multipart tronqué ou mal formé", p.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Verifier_DeepNesting_IsA400NamingWhere()
    {
        var body = """{"emploi": """ + new string('[', 5000) + new string(']', 5000) + "}";
        var p = await FrenchProblem.Check(await _site.Client.PostAsync("/api/verifier", new StringContent(body, Encoding.UTF8, "application/json")), 400);
        Assert.Contains("imbrication trop profonde (plus de 32 niveaux", p.GetProperty("detail").GetString());
        Assert.StartsWith("/emploi/0/0/0", p.GetProperty("champ").GetString());
    }

    [Fact]
    public async Task Verifier_Truncated_IsA400NamingLineAndColumn()
    {
        var p = await FrenchProblem.Check(await _site.Client.PostAsync("/api/verifier", new StringContent(Nurse[..60], Encoding.UTF8, "application/json")), 400);
        Assert.Contains("ligne 1, colonne 61 : JSON invalide", p.GetProperty("detail").GetString());
    }
}
