using Segur.Engine;

namespace Segur.Web;

/// <summary>
/// How the server is started: port, data folder, write token, database, and the limits that keep it
/// responsive and its memory bounded under load. Every limit has a stated default; <see cref="Validate"/>
/// refuses impossible values at start, in French.
/// </summary>
public sealed record WebOptions
{
    /// <summary>TCP port on 127.0.0.1; 0 picks a free port (tests). Default 8080.</summary>
    public int Port { get; init; } = 8080;

    /// <summary>Folder of the SQLite database and of uploaded files (created if missing).</summary>
    public required string DataFolder { get; init; }

    /// <summary>Token required by every request that writes (saving runs, uploading files); at least 16 characters, or empty to disable writing.</summary>
    public required string Token { get; init; }

    /// <summary>PostgreSQL connection string; null: SQLite file <c>segur.db</c> in <see cref="DataFolder"/>.</summary>
    public string? PostgresConnection { get; init; }

    /// <summary>Largest JSON request body accepted by the API. Default 1 MiB.</summary>
    public long MaxJsonBytes { get; init; } = 1L << 20;

    /// <summary>Largest uploaded workforce file. Default 50 MiB.</summary>
    public long MaxUploadBytes { get; init; } = 50L << 20;

    /// <summary>Longest request target (path and query) answered; beyond it, 414. Default 8 KiB.</summary>
    public int MaxUrlBytes { get; init; } = 8 * 1024;

    /// <summary>Largest total size of the request headers answered; beyond it, 431. Default 32 KiB.</summary>
    public int MaxHeaderBytes { get; init; } = 32 * 1024;

    /// <summary>Most simultaneous connections; Kestrel refuses the next ones. Default 1 024.</summary>
    public int MaxConnections { get; init; } = 1024;

    /// <summary>
    /// Evaluations computed at once (<c>POST /api/verifier</c>, the questionnaire, reform preparation):
    /// they are CPU-bound, so more than the cores only adds latency. Default: the number of cores.
    /// </summary>
    public int MaxConcurrentEvaluations { get; init; } = Environment.ProcessorCount;

    /// <summary>
    /// Evaluations waiting for a slot, oldest first; beyond them, 503 with <c>Retry-After</c> at once
    /// (no wait, no body read). Bounds the memory held by waiting requests. Default: 4 per core.
    /// </summary>
    public int EvaluationQueueLimit { get; init; } = 4 * Environment.ProcessorCount;

    /// <summary>
    /// Longest wait of a queued evaluation for a slot; past it, 503 with <c>Retry-After</c>, so that the
    /// admitted requests keep a low latency whatever each one costs (one month or 240). Default 30 ms.
    /// </summary>
    public TimeSpan EvaluationQueueTimeout { get; init; } = TimeSpan.FromMilliseconds(30);

    /// <summary>Simulations waiting behind the running one (one runs at a time); beyond them, 503 at once. Default 2.</summary>
    public int MaxQueuedSimulations { get; init; } = 2;

    /// <summary>How long a queued simulation waits for the running one before a 503. Default 10 s.</summary>
    public TimeSpan SimulationQueueTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Uploads received at once; beyond them, 503 at once. Default 2.</summary>
    public int MaxConcurrentUploads { get; init; } = 2;

    /// <summary><c>Retry-After</c> sent with a 503 for an evaluation. Default 1 s.</summary>
    public TimeSpan EvaluationRetryAfter { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary><c>Retry-After</c> sent with a 503 for a simulation or an upload. Default 10 s.</summary>
    public TimeSpan SimulationRetryAfter { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Longest time a request may compute before it is abandoned with a 503. Default 30 s.</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Longest time a simulation may run. Default 120 s.</summary>
    public TimeSpan SimulationTimeout { get; init; } = TimeSpan.FromSeconds(120);

    /// <summary>Largest synthetic population drawn for one simulation. Default 500 000.</summary>
    public int MaxPopulation { get; init; } = 500_000;

    /// <summary>Clock for default periods (the current month, in Europe/Paris), saved runs and upload clean-up.</summary>
    public TimeProvider Clock { get; init; } = TimeProvider.System;

    /// <summary>Refuses impossible settings with every problem named, in French.</summary>
    public void Validate()
    {
        var errors = new List<string>();
        void Check(bool ok, string message)
        {
            if (!ok) errors.Add(message);
        }
        Check(Port is >= 0 and <= 65535, $"port {Port} : attendu un port entre 1 et 65535 (0 : un port libre)");
        Check(!string.IsNullOrWhiteSpace(DataFolder), "dossier des données : attendu un chemin");
        Check(Token.Trim().Length is 0 or >= 16, $"jeton d'écriture trop court ({Token.Trim().Length} caractères) ; attendu au moins 16 caractères");
        Check(MaxJsonBytes is >= 1 and <= 64L << 20, $"{nameof(MaxJsonBytes)} {MaxJsonBytes} : attendu de 1 octet à 64 Mo");
        Check(MaxUploadBytes is >= 1 and <= 4L << 30, $"{nameof(MaxUploadBytes)} {MaxUploadBytes} : attendu de 1 octet à 4 Go");
        Check(MaxUrlBytes is >= 1024 and <= HardUrlBytes, $"{nameof(MaxUrlBytes)} {MaxUrlBytes} : attendu de 1 ko à {HardUrlBytes / 1024} ko");
        Check(MaxHeaderBytes is >= 4096 and <= HardHeaderBytes, $"{nameof(MaxHeaderBytes)} {MaxHeaderBytes} : attendu de 4 ko à {HardHeaderBytes / 1024} ko");
        Check(MaxConnections is >= 1 and <= 100_000, $"{nameof(MaxConnections)} {MaxConnections} : attendu de 1 à 100 000");
        Check(MaxConcurrentEvaluations is >= 1 and <= 1024, $"{nameof(MaxConcurrentEvaluations)} {MaxConcurrentEvaluations} : attendu de 1 à 1 024");
        Check(EvaluationQueueLimit is >= 0 and <= 10_000, $"{nameof(EvaluationQueueLimit)} {EvaluationQueueLimit} : attendu de 0 à 10 000");
        Check(Positive(EvaluationQueueTimeout), $"{nameof(EvaluationQueueTimeout)} : attendu une durée strictement positive");
        Check(MaxQueuedSimulations is >= 0 and <= 100, $"{nameof(MaxQueuedSimulations)} {MaxQueuedSimulations} : attendu de 0 à 100");
        Check(MaxConcurrentUploads is >= 1 and <= 100, $"{nameof(MaxConcurrentUploads)} {MaxConcurrentUploads} : attendu de 1 à 100");
        Check(Positive(SimulationQueueTimeout), $"{nameof(SimulationQueueTimeout)} : attendu une durée strictement positive");
        Check(EvaluationRetryAfter >= TimeSpan.FromSeconds(1), $"{nameof(EvaluationRetryAfter)} : attendu au moins une seconde (Retry-After compte en secondes)");
        Check(SimulationRetryAfter >= TimeSpan.FromSeconds(1), $"{nameof(SimulationRetryAfter)} : attendu au moins une seconde (Retry-After compte en secondes)");
        Check(Positive(RequestTimeout), $"{nameof(RequestTimeout)} : attendu une durée strictement positive");
        Check(Positive(SimulationTimeout), $"{nameof(SimulationTimeout)} : attendu une durée strictement positive");
        Check(MaxPopulation is >= 1 and <= 10_000_000, $"{nameof(MaxPopulation)} {MaxPopulation} : attendu de 1 à 10 000 000");
        if (errors.Count > 0) throw new SegurException(errors[0], errors.Skip(1).ToList());
    }

    private static bool Positive(TimeSpan t) => t > TimeSpan.Zero && t < TimeSpan.FromDays(1);

    /// <summary>
    /// Kestrel's own limits, above ours: between the two the application answers 414/431 with a French
    /// problem document; beyond them Kestrel rejects the request itself, before any application code
    /// runs, with an empty body (a category of errors Kestrel offers no hook for).
    /// </summary>
    internal const int HardUrlBytes = 64 * 1024, HardHeaderBytes = 64 * 1024;

    /// <summary>Default data folder: <c>SEGUR_DATA</c>, else <c>~/.local/share/segur</c> (XDG), else <c>./segur-donnees</c>.</summary>
    public static string DefaultDataFolder()
    {
        var env = Environment.GetEnvironmentVariable("SEGUR_DATA");
        if (!string.IsNullOrWhiteSpace(env)) return env;
        var xdg = Environment.GetEnvironmentVariable("XDG_DATA_HOME");
        if (!string.IsNullOrWhiteSpace(xdg)) return Path.Combine(xdg, "segur");
        var home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        return string.IsNullOrEmpty(home) ? Path.GetFullPath("segur-donnees") : Path.Combine(home, ".local", "share", "segur");
    }
}
