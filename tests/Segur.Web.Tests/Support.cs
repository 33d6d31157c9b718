using System.Net.Http.Headers;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.TestHost;
using Segur.Web;

namespace Segur.Web.Tests;

/// <summary>An in-process server (TestServer) with its own data folder, and an HTTP client.</summary>
public sealed class TestSite : IAsyncDisposable
{
    public const string Token = "jeton-de-test-0123456789abcdef";

    public TestSite(string? postgres = null, long maxUpload = 50L << 20, TimeSpan? timeout = null)
    {
        Data = Directory.CreateTempSubdirectory("segur-web-").FullName;
        Options = new WebOptions
        {
            Port = 0, DataFolder = Data, Token = Token, PostgresConnection = postgres, MaxUploadBytes = maxUpload, RequestTimeout = timeout ?? TimeSpan.FromSeconds(30),
            Clock = new FixedClock(new DateTimeOffset(2026, 11, 15, 12, 0, 0, TimeSpan.Zero)),
        };
        App = WebServer.Build(Options, b => b.WebHost.UseTestServer());
        App.StartAsync().GetAwaiter().GetResult();
        Client = App.GetTestClient();
    }

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
