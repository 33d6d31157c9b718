using System.Net;
using Microsoft.AspNetCore.Hosting;
using System.Net.Http.Headers;
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
        var (held, first, probe) = await HoldTheSlot(stop.Token);
        await AssertBusy(probe);

        // A burst while the slot is held: the one queue place times out, everything else is refused at once.
        var burst = await Task.WhenAll(Enumerable.Range(0, 16).Select(_ => _site.Client.PostAsync("/api/verifier", Json(OneMonth), stop.Token)));
        foreach (var r in burst) await AssertBusy(r);

        // The admitted request completes in full, and the server admits again.
        held.Release();
        await AssertVerified(await first);
        await AssertVerified(await _site.Client.PostAsync("/api/verifier", Json(OneMonth), stop.Token));

        // A free burst: every answer is a full result or a French refusal; the first in is always served.
        var free = await Task.WhenAll(Enumerable.Range(0, 32).Select(_ => _site.Client.PostAsync("/api/verifier", Json(OneMonth), stop.Token)));
        Assert.Contains(free, r => r.StatusCode == HttpStatusCode.OK);
        foreach (var r in free)
        {
            if (r.StatusCode == HttpStatusCode.OK) await AssertVerified(r);
            else await AssertBusy(r);
        }
    }

    [Fact]
    public async Task CheapPages_AreNotLimited_WhileEvaluationsAreRefused()
    {
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        var (held, first, _) = await HoldTheSlot(stop.Token);
        Assert.Equal(HttpStatusCode.OK, (await _site.Client.GetAsync("/", stop.Token)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await _site.Client.GetAsync("/api/mesures", stop.Token)).StatusCode);
        // The questionnaire evaluates: it shares the evaluation slots, and its refusal is a French page.
        var page = await _site.Client.GetAsync("/concerne?employeur.secteur=public", stop.Token);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        Assert.Contains("serveur occupé", await page.Content.ReadAsStringAsync(stop.Token));
        Assert.NotNull(page.Headers.RetryAfter);
        held.Release();
        await AssertVerified(await first);
    }

    /// <summary>
    /// Sends a request whose body is held back, then probes until a probe is refused: from then on the held
    /// request owns the only evaluation slot (before that, a probe may still pass).
    /// </summary>
    private async Task<(HeldBody Held, Task<HttpResponseMessage> First, HttpResponseMessage Refused)> HoldTheSlot(CancellationToken ct)
    {
        var held = new HeldBody(OneMonth);
        var first = _site.Client.PostAsync("/api/verifier", held, ct);
        await held.Started.WaitAsync(ct);
        HttpResponseMessage probe;
        var attempts = 0;
        while ((probe = await _site.Client.PostAsync("/api/verifier", Json(OneMonth), ct)).StatusCode == HttpStatusCode.OK)
        {
            Assert.True(++attempts < 500, "la requête retenue n'a jamais occupé le créneau de calcul");
            await Task.Delay(10, ct);
        }
        return (held, first, probe);
    }

    /// <summary>A JSON body sent in two parts: the second only after <see cref="Release"/>.</summary>
    private sealed class HeldBody : HttpContent
    {
        private readonly byte[] _bytes;

        public HeldBody(string json)
        {
            _bytes = Encoding.UTF8.GetBytes(json);
            Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        }

        private readonly TaskCompletionSource _started = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly TaskCompletionSource _release = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task Started => _started.Task;

        public void Release() => _release.TrySetResult();

        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
        {
            await stream.WriteAsync(_bytes.AsMemory(0, 10));
            await stream.FlushAsync();
            _started.TrySetResult();
            await _release.Task;
            await stream.WriteAsync(_bytes.AsMemory(10));
        }

        protected override bool TryComputeLength(out long length)
        {
            length = _bytes.Length;
            return true;
        }
    }
}
