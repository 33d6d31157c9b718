using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace Segur.Web;

/// <summary>
/// Load shedding for the expensive endpoints (ASP.NET Core's rate-limiting middleware): a concurrency
/// limit and a bounded queue per kind of work. A request beyond the queue gets a 503 at once, with
/// <c>Retry-After</c> and a French problem document, so that the admitted requests keep their latency
/// and the memory held by waiting requests stays bounded. Evaluations also wait a bounded time: the
/// queue length that keeps latency low depends on the cost of each request (one month or 240), so the
/// wait itself is bounded, not only the count.
/// </summary>
public static class Overload
{
    /// <summary>CPU-bound evaluations: <c>POST /api/verifier</c>, the questionnaire, reform preparation.</summary>
    public const string Evaluation = "evaluation";

    /// <summary>Simulations (one runs at a time, a few wait for it).</summary>
    public const string Simulation = "simulation";

    /// <summary>Workforce file uploads.</summary>
    public const string Upload = "televersement";

    public static void Configure(RateLimiterOptions o, WebOptions options)
    {
        o.RejectionStatusCode = StatusCodes.Status503ServiceUnavailable;
        o.AddPolicy(Evaluation, new BoundedWaitPolicy(new ConcurrencyLimiterOptions
        {
            PermitLimit = options.MaxConcurrentEvaluations,
            QueueLimit = options.EvaluationQueueLimit,
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
        }, options.EvaluationQueueTimeout));
        // The simulation service runs one simulation at a time and lets the others wait a bounded time;
        // this limit bounds how many may wait at all.
        o.AddConcurrencyLimiter(Simulation, l =>
        {
            l.PermitLimit = 1 + options.MaxQueuedSimulations;
            l.QueueLimit = 0;
        });
        o.AddConcurrencyLimiter(Upload, l =>
        {
            l.PermitLimit = options.MaxConcurrentUploads;
            l.QueueLimit = 0;
        });
        o.OnRejected = (context, _) =>
        {
            var http = context.HttpContext;
            var policy = http.GetEndpoint()?.Metadata.GetMetadata<EnableRateLimitingAttribute>()?.PolicyName;
            var (message, retry) = policy switch
            {
                Simulation => ("serveur occupé : une simulation est en cours et d'autres attendent déjà ; réessayez plus tard", options.SimulationRetryAfter),
                Upload => ("serveur occupé : trop de fichiers en cours de réception ; réessayez plus tard", options.SimulationRetryAfter),
                _ => ("serveur occupé : trop de calculs en cours ; réessayez dans un instant", options.EvaluationRetryAfter),
            };
            return new ValueTask(ErrorResponses.WriteAsync(http, StatusCodes.Status503ServiceUnavailable, message, null, retry));
        };
    }
}

/// <summary>One shared concurrency limiter whose queued requests give up (503) after a bounded wait.</summary>
internal sealed class BoundedWaitPolicy(ConcurrencyLimiterOptions limits, TimeSpan maxWait) : IRateLimiterPolicy<string>
{
    private readonly BoundedWaitLimiter _limiter = new(new ConcurrencyLimiter(limits), maxWait);

    public Func<OnRejectedContext, CancellationToken, ValueTask>? OnRejected => null;

    public RateLimitPartition<string> GetPartition(HttpContext httpContext) => new("", _ => _limiter);
}

/// <summary>A limiter that refuses, rather than waits, once a request has queued for <c>maxWait</c>.</summary>
internal sealed class BoundedWaitLimiter(RateLimiter inner, TimeSpan maxWait) : RateLimiter
{
    public override TimeSpan? IdleDuration => null;

    public override RateLimiterStatistics? GetStatistics() => inner.GetStatistics();

    protected override RateLimitLease AttemptAcquireCore(int permitCount) => inner.AttemptAcquire(permitCount);

    protected override async ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken)
    {
        using var wait = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        wait.CancelAfter(maxWait);
        try
        {
            return await inner.AcquireAsync(permitCount, wait.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return Refused.Instance;
        }
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing) inner.Dispose();
        base.Dispose(disposing);
    }

    protected override ValueTask DisposeAsyncCore() => inner.DisposeAsync();

    private sealed class Refused : RateLimitLease
    {
        public static readonly Refused Instance = new();

        public override bool IsAcquired => false;

        public override IEnumerable<string> MetadataNames => [];

        public override bool TryGetMetadata(string metadataName, out object? metadata)
        {
            metadata = null;
            return false;
        }
    }
}
