using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.TestHost;
using Segur.Web;

namespace Segur.Web.Tests;

/// <summary>An in-process server (TestServer) with its own data folder, and an HTTP client.</summary>
public sealed class TestSite : IAsyncDisposable
{
    public const string Token = "jeton-de-test-0123456789abcdef";

    /// <summary>
    /// A site on TestServer, or with <c>kestrel</c> the real server on a free loopback port (Kestrel's
    /// limits, real sockets); <c>tune</c> changes the options (limits) and <c>configure</c> the host before it is built.
    /// </summary>
    public TestSite(string? postgres = null, long maxUpload = 50L << 20, TimeSpan? timeout = null, bool kestrel = false,
        Func<WebOptions, WebOptions>? tune = null, Action<WebApplicationBuilder>? configure = null)
    {
        Data = Directory.CreateTempSubdirectory("segur-web-").FullName;
        Options = new WebOptions
        {
            Port = 0, DataFolder = Data, Token = Token, PostgresConnection = postgres, MaxUploadBytes = maxUpload, RequestTimeout = timeout ?? TimeSpan.FromSeconds(30),
            Clock = new FixedClock(new DateTimeOffset(2026, 11, 15, 12, 0, 0, TimeSpan.Zero)),
        };
        if (tune is not null) Options = tune(Options);
        App = WebServer.Build(Options, b =>
        {
            if (!kestrel) b.WebHost.UseTestServer();
            configure?.Invoke(b);
        });
        App.StartAsync().GetAwaiter().GetResult();
        if (kestrel)
        {
            BaseAddress = new Uri(WebServer.Address(App));
            Client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(60) };
        }
        else
        {
            Client = App.GetTestClient();
            BaseAddress = Client.BaseAddress!;
        }
    }

    /// <summary>Where the server answers (http://127.0.0.1:port/ on Kestrel).</summary>
    public Uri BaseAddress { get; }

    public string Data { get; }
    public WebOptions Options { get; }
    public WebApplication App { get; }
    public HttpClient Client { get; }

    public HttpClient Authorized()
    {
        var c = App.GetTestClient();
        c.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Token);
        return c;
    }

    public async ValueTask DisposeAsync()
    {
        await App.StopAsync();
        await App.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(Data, recursive: true); } catch (IOException) { }
    }
}

/// <summary>What every error answer of the API must be: a French problem document.</summary>
public static partial class FrenchProblem
{
    private static readonly HashSet<string> Titles =
    [
        "Requête invalide", "Jeton manquant ou invalide", "Écriture refusée", "Introuvable", "Méthode non autorisée",
        "Format de réponse non disponible", "Délai dépassé", "Conflit", "Longueur du corps requise", "Requête trop volumineuse",
        "Adresse trop longue", "Type de contenu non pris en charge", "Contenu invalide", "Trop de requêtes",
        "En-têtes trop volumineux", "Non pris en charge", "Service momentanément indisponible", "Requête refusée",
    ];

    /// <summary>Checks content type, members and language of a problem answer; returns the document.</summary>
    public static async Task<JsonElement> Check(HttpResponseMessage r, int? status = null)
    {
        var text = await r.Content.ReadAsStringAsync();
        Assert.True(r.Content.Headers.ContentType?.MediaType == "application/problem+json", $"{(int)r.StatusCode} sans problème JSON : {r.Content.Headers.ContentType} {Cut(text)}");
        if (status is { } expected) Assert.Equal(expected, (int)r.StatusCode);
        var doc = JsonDocument.Parse(text).RootElement.Clone();
        Assert.Equal((int)r.StatusCode, doc.GetProperty("status").GetInt32());
        Assert.Equal("about:blank", doc.GetProperty("type").GetString());
        Assert.Contains(doc.GetProperty("title").GetString()!, Titles);
        var detail = doc.GetProperty("detail").GetString()!;
        Assert.False(string.IsNullOrWhiteSpace(detail));
        Assert.True(doc.GetProperty("champ").ValueKind is JsonValueKind.Null or JsonValueKind.String);
        Assert.Equal(detail, doc.GetProperty("erreurs")[0].GetString());
        foreach (var e in doc.GetProperty("erreurs").EnumerateArray()) AssertFrench(e.GetString()!);
        return doc;
    }

    /// <summary>No library's English text: none of the words an English message is made of, no .NET type name.</summary>
    public static void AssertFrench(string message)
    {
        var m = English().Match(message);
        Assert.False(m.Success, $"texte anglais « {m.Value} » dans : {message}");
    }

    private static string Cut(string s) => s.Length > 300 ? s[..300] + "…" : s;

    [GeneratedRegex(@"\b(the|is|was|were|of the|expected|invalid|cannot|could not|unable|error|exception|failed|must|should|value|object|array|token|unexpected|System\.[A-Z]\w+|Segur\.[A-Z]\w+)\b")]
    private static partial Regex English();
}

public sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;
}

public static class Repo
{
    public static string Root
    {
        get
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "segur.slnx"))) dir = dir.Parent;
            return dir!.FullName;
        }
    }

    public static bool InCi => !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("CI"));
}

/// <summary>A PostgreSQL test: runs with SEGUR_TEST_PG; without it, fails in CI (CI=true) and is skipped elsewhere.</summary>
public sealed class PostgresFactAttribute : FactAttribute
{
    public PostgresFactAttribute()
    {
        if (string.IsNullOrEmpty(Environment.GetEnvironmentVariable("SEGUR_TEST_PG")) && !Repo.InCi)
            Skip = "SEGUR_TEST_PG non défini : test PostgreSQL ignoré hors CI (en CI il échoue ; .ci/run démarre PostgreSQL et exporte la chaîne).";
    }

    public static string ConnectionString =>
        Environment.GetEnvironmentVariable("SEGUR_TEST_PG") is { Length: > 0 } cs
            ? cs
            : throw new Xunit.Sdk.XunitException("SEGUR_TEST_PG n'est pas défini : les tests PostgreSQL ont besoin d'un serveur PostgreSQL réel. .ci/run l'installe (apt-get install postgresql), le démarre et exporte SEGUR_TEST_PG=\"Host=127.0.0.1;Username=…;Password=…;Database=…\".");
}

/// <summary>A browser test: runs with Debian's Chromium (/usr/bin/chromium); without it, fails in CI and is skipped elsewhere.</summary>
public sealed class BrowserFactAttribute : FactAttribute
{
    public const string Chromium = "/usr/bin/chromium";

    public BrowserFactAttribute()
    {
        if (!File.Exists(Chromium) && !Repo.InCi) Skip = "Chromium absent (/usr/bin/chromium) : test de navigateur ignoré hors CI (apt-get install chromium).";
    }
}
