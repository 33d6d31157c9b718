using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Hosting;
using System.Text;
using System.Text.Json;

namespace Segur.Web.Tests;

/// <summary>
/// Load shedding on the real server (Kestrel, loopback, bounded): one evaluation slot and one queue place.
/// A request whose body is held back keeps the slot, so refusals are certain without any timing; the test
/// checks statuses and the shape of every answer, never how long one took.
/// </summary>
public sealed class OverloadTests : IAsyncLifetime
{
    private TestSite _site = null!;

    private const string OneMonth = """{"employeur": {"secteur": "public", "versant": "FPH", "structure": "etablissement_public_sante"}, "emploi": {"profession": "infirmier", "statut": "titulaire"}, "periode": {"debut": "2024-06", "fin": "2024-06"}}""";

    public Task InitializeAsync()
    {
        _site = new TestSite(kestrel: true,
            tune: o => o with { MaxConcurrentEvaluations = 1, EvaluationQueueLimit = 1 },
            // The held-back body must not be cut by Kestrel's minimum data rate while the test runs.
            configure: b => b.WebHost.ConfigureKestrel(k => k.Limits.MinRequestBodyDataRate = null));
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _site.DisposeAsync();

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");

    private static async Task AssertBusy(HttpResponseMessage r)
    {
        var p = await FrenchProblem.Check(r, 503);
        Assert.Contains("serveur occupé", p.GetProperty("detail").GetString());
        var retry = r.Headers.RetryAfter;
        Assert.NotNull(retry);
        Assert.True(retry.Delta >= TimeSpan.FromSeconds(1), $"Retry-After : {retry}");
    }

    private static async Task AssertVerified(HttpResponseMessage r)
    {
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        using var doc = JsonDocument.Parse(await r.Content.ReadAsStringAsync());
        Assert.Equal(241.22m, doc.RootElement.GetProperty("mois")[0].GetProperty("montant_brut").GetDecimal());
    }

    [Fact]
    public async Task Verifier_BeyondCapacity_Gives503WithRetryAfterInFrench_AndRecovers()
    {
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        await AssertVerified(await _site.Client.PostAsync("/api/verifier", Json(OneMonth), stop.Token));
        var (held, first, probe) = await HoldTheSlot(stop.Token);
        await AssertBusy(probe);

        // A burst while the slot is held: the one queue place times out, everything else is refused at once.
        var burst = await Task.WhenAll(Enumerable.Range(0, 16).Select(_ => _site.Client.PostAsync("/api/verifier", Json(OneMonth), stop.Token)));
        foreach (var r in burst) await AssertBusy(r);

        // The admitted request completes in full, and the server admits again.
        await held.ReleaseAsync(stop.Token);
        AssertVerified(await first);
        held.Dispose();
        await AssertVerified(await _site.Client.PostAsync("/api/verifier", Json(OneMonth), stop.Token));

        // A free burst: every answer is a full result or a French refusal; the first in is always served.
        var free = await Task.WhenAll(Enumerable.Range(0, 32).Select(_ => _site.Client.PostAsync("/api/verifier", Json(OneMonth), stop.Token)));
        Assert.Contains(free, r => r.StatusCode == HttpStatusCode.OK);
        foreach (var r in free) await AssertBusyOrVerified(r);
    }

    [Fact]
    public async Task CheapPages_AreNotLimited_WhileEvaluationsAreRefused()
    {
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        await AssertVerified(await _site.Client.PostAsync("/api/verifier", Json(OneMonth), stop.Token));
        var (held, first, _) = await HoldTheSlot(stop.Token);
        Assert.Equal(HttpStatusCode.OK, (await _site.Client.GetAsync("/", stop.Token)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await _site.Client.GetAsync("/api/mesures", stop.Token)).StatusCode);
        // The questionnaire evaluates: it shares the evaluation slots, and its refusal is a French page.
        var page = await _site.Client.GetAsync("/concerne?employeur.secteur=public", stop.Token);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        Assert.Contains("serveur occupé", await page.Content.ReadAsStringAsync(stop.Token));
        Assert.NotNull(page.Headers.RetryAfter);
        await held.ReleaseAsync(stop.Token);
        AssertVerified(await first);
        held.Dispose();
    }

    /// <summary>
    /// Sends, on a socket of its own, a request whose body is held back, then probes until a probe is
    /// refused: from then on the held request owns the only evaluation slot. Before that a probe may still
    /// pass, or, on a starved machine, take the slot first and get the held request refused: then the hold
    /// starts again.
    /// </summary>
    private async Task<(HeldRequest Held, Task<string> First, HttpResponseMessage Refused)> HoldTheSlot(CancellationToken ct)
    {
        for (var attempts = 0; ; attempts++)
        {
            Assert.True(attempts < 500, "la requête retenue n'a jamais occupé le créneau de calcul");
            var held = await HeldRequest.SendAsync(_site.BaseAddress, OneMonth, ct);
            var first = held.AnswerAsync(ct);
            // Give the held request a head start on the probes (fewer retries; nothing depends on it).
            await Task.Delay(50, ct);
            HttpResponseMessage probe;
            while ((probe = await _site.Client.PostAsync("/api/verifier", Json(OneMonth), ct)).StatusCode == HttpStatusCode.OK && !first.IsCompleted)
            {
                Assert.True(++attempts < 500, "la requête retenue n'a jamais occupé le créneau de calcul");
                await Task.Delay(10, ct);
            }
            if (!first.IsCompleted && probe.StatusCode != HttpStatusCode.OK) return (held, first, probe);
            try
            {
                await held.ReleaseAsync(ct);
            }
            catch (IOException)
            {
                // Refused and closed by the server: nothing more to send.
            }
            var answer = await first;
            Assert.True(answer.StartsWith("HTTP/1.1 200", StringComparison.Ordinal) || answer.StartsWith("HTTP/1.1 503", StringComparison.Ordinal), answer);
            held.Dispose();
        }
    }

    private static async Task AssertBusyOrVerified(HttpResponseMessage r)
    {
        if (r.StatusCode == HttpStatusCode.OK) await AssertVerified(r);
        else await AssertBusy(r);
    }

    /// <summary>The held answer, in full: a 200 with the month's amount.</summary>
    private static void AssertVerified(string raw)
    {
        Assert.StartsWith("HTTP/1.1 200", raw);
        Assert.Contains("\"montant_brut\":241.22", raw); // the compact contract (version 2) by default
    }

    /// <summary>A POST /api/verifier written on a raw socket: headers and the first bytes of the body, the rest on release.</summary>
    private sealed class HeldRequest : IDisposable
    {
        private readonly TcpClient _tcp;
        private readonly NetworkStream _stream;
        private readonly byte[] _body;

        private HeldRequest(TcpClient tcp, byte[] body)
        {
            _tcp = tcp;
            _stream = tcp.GetStream();
            _body = body;
        }

        public static async Task<HeldRequest> SendAsync(Uri server, string json, CancellationToken ct)
        {
            var tcp = new TcpClient();
            await tcp.ConnectAsync(server.Host, server.Port, ct);
            var held = new HeldRequest(tcp, Encoding.UTF8.GetBytes(json));
            var head = $"POST /api/verifier HTTP/1.1\r\nHost: {server.Host}:{server.Port}\r\nContent-Type: application/json\r\nContent-Length: {held._body.Length}\r\nConnection: close\r\n\r\n";
            await held._stream.WriteAsync(Encoding.ASCII.GetBytes(head), ct);
            await held._stream.WriteAsync(held._body.AsMemory(0, 10), ct);
            return held;
        }

        public async Task ReleaseAsync(CancellationToken ct) => await _stream.WriteAsync(_body.AsMemory(10), ct);

        /// <summary>The whole answer (the server closes the connection after it).</summary>
        public async Task<string> AnswerAsync(CancellationToken ct)
        {
            using var all = new MemoryStream();
            await _stream.CopyToAsync(all, ct);
            return Encoding.UTF8.GetString(all.ToArray());
        }

        public void Dispose() => _tcp.Dispose();
    }
}
