using System.Net.Sockets;
using System.Text;

namespace Segur.Web.Tests;

/// <summary>Every status the framework produces on its own comes with a French problem document.</summary>
public sealed class ErrorStatusTests : IAsyncLifetime
{
    private TestSite _site = null!;

    public Task InitializeAsync()
    {
        _site = new TestSite(kestrel: true);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _site.DisposeAsync();

    [Fact]
    public async Task UnknownAddress_Gives404InFrench()
    {
        var p = await FrenchProblem.Check(await _site.Client.GetAsync("/api/inconnue"), 404);
        Assert.Contains("/api/inconnue : adresse inconnue", p.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task WrongMethod_Gives405InFrench()
    {
        var p = await FrenchProblem.Check(await _site.Client.DeleteAsync("/api/mesures"), 405);
        Assert.Contains("DELETE /api/mesures : méthode non autorisée", p.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task LongAddress_Gives414InFrench()
    {
        var p = await FrenchProblem.Check(await _site.Client.GetAsync("/api/mesures?x=" + new string('a', 9000)), 414);
        Assert.Contains("au plus 8192 octets", p.GetProperty("detail").GetString());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, p.GetProperty("champ").ValueKind);
    }

    [Fact]
    public async Task LargeHeaders_Give431InFrench()
    {
        using var req = new HttpRequestMessage(HttpMethod.Get, "/api/mesures");
        req.Headers.Add("Cookie", new string('c', 33 * 1024));
        var p = await FrenchProblem.Check(await _site.Client.SendAsync(req), 431);
        Assert.Contains("en-têtes de la requête", p.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task LargeHeaders_OnAPage_GiveAFrenchPage()
    {
        using var req = new HttpRequestMessage(HttpMethod.Get, "/legislation");
        req.Headers.Add("Cookie", new string('c', 33 * 1024));
        var r = await _site.Client.SendAsync(req);
        Assert.Equal(431, (int)r.StatusCode);
        Assert.Equal("text/html", r.Content.Headers.ContentType?.MediaType);
        Assert.Contains("En-têtes trop volumineux", await r.Content.ReadAsStringAsync());
        Assert.Equal("nosniff", r.Headers.GetValues("X-Content-Type-Options").Single());
    }

    [Fact]
    public async Task BadChunkedBody_Gives400InFrench_FromKestrelsOwnError()
    {
        var answer = await Raw("POST /api/verifier HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\nZZZ\r\n\r\n");
        Assert.StartsWith("HTTP/1.1 400", answer);
        Assert.Contains("application/problem+json", answer);
        Assert.Contains("encodage « chunked » invalide", answer);
        Assert.Contains("X-Content-Type-Options: nosniff", answer);
    }

    [Fact]
    public async Task NotJson_Gives415_AndTooLarge413_InFrench()
    {
        var p = await FrenchProblem.Check(await _site.Client.PostAsync("/api/verifier", new StringContent("<profil/>", Encoding.UTF8, "application/xml")), 415);
        Assert.Contains("application/json", p.GetProperty("detail").GetString());
        var big = new StringContent("{\"id\": \"" + new string('a', 2 << 20) + "\"}", Encoding.UTF8, "application/json");
        await FrenchProblem.Check(await _site.Client.PostAsync("/api/verifier", big), 413);
    }

    private async Task<string> Raw(string request)
    {
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(_site.BaseAddress.Host, _site.BaseAddress.Port);
        var stream = tcp.GetStream();
        await stream.WriteAsync(Encoding.ASCII.GetBytes(request));
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var buffer = new byte[64 * 1024];
        var text = new StringBuilder();
        // The answer ends with the last chunk of its body (the connection may stay open).
        while (!text.ToString().Contains("\r\n0\r\n\r\n", StringComparison.Ordinal))
        {
            var n = await stream.ReadAsync(buffer, cts.Token);
            if (n == 0) break;
            text.Append(Encoding.UTF8.GetString(buffer, 0, n));
        }
        return text.ToString();
    }
}

/// <summary>The limits are options with stated defaults, refused at start when impossible.</summary>
public sealed class WebOptionsTests
{
    [Fact]
    public void Defaults_AreValid() => new WebOptions { DataFolder = "x", Token = TestSite.Token }.Validate();

    [Fact]
    public void ImpossibleLimits_AreRefusedAtStart_InFrench_AllNamed()
    {
        var options = new WebOptions
        {
            DataFolder = Path.Combine(Path.GetTempPath(), "segur-options-" + Guid.NewGuid().ToString("N")), Token = "court",
            MaxConcurrentEvaluations = 0, EvaluationQueueLimit = -1, EvaluationQueueTimeout = TimeSpan.Zero, EvaluationRetryAfter = TimeSpan.FromMilliseconds(10),
        };
        var e = Assert.Throws<Segur.Engine.SegurException>(() => WebServer.Build(options));
        var all = new[] { e.Message }.Concat(e.Details).ToList();
        Assert.Contains(all, m => m.StartsWith("jeton d'écriture trop court", StringComparison.Ordinal));
        Assert.Contains(all, m => m.StartsWith("MaxConcurrentEvaluations 0 : attendu de 1 à 1 024", StringComparison.Ordinal));
        Assert.Contains(all, m => m.StartsWith("EvaluationQueueLimit -1", StringComparison.Ordinal));
        Assert.Contains(all, m => m.StartsWith("EvaluationQueueTimeout : attendu une durée strictement positive", StringComparison.Ordinal));
        Assert.Contains(all, m => m.Contains("Retry-After compte en secondes", StringComparison.Ordinal));
        Assert.False(Directory.Exists(options.DataFolder), "rien n'est créé avant la vérification des réglages");
    }
}
