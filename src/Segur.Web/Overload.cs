using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace Segur.Web;

/// <summary>
/// Load shedding for the expensive endpoints (ASP.NET Core's rate-limiting middleware): a concurrency
/// limit and a bounded queue per kind of work. A request beyond the queue gets a 503 at once, with
/// <c>Retry-After</c> and a French problem document, so that the admitted requests keep their latency
/// and the memory held by waiting requests stays bounded.
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
        o.AddConcurrencyLimiter(Evaluation, l =>
        {
            l.PermitLimit = options.MaxConcurrentEvaluations;
            l.QueueLimit = options.EvaluationQueueLimit;
            l.QueueProcessingOrder = QueueProcessingOrder.OldestFirst;
        });
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
