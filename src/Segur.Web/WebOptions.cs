namespace Segur.Web;

/// <summary>How the server is started: port, data folder, write token, database, limits.</summary>
public sealed record WebOptions
{
    /// <summary>TCP port on 127.0.0.1; 0 picks a free port (tests).</summary>
    public int Port { get; init; } = 8080;

    /// <summary>Folder of the SQLite database and of uploaded files (created if missing).</summary>
    public required string DataFolder { get; init; }

    /// <summary>Token required by every request that writes (saving runs, uploading files).</summary>
    public required string Token { get; init; }

    /// <summary>PostgreSQL connection string; null: SQLite file <c>segur.db</c> in <see cref="DataFolder"/>.</summary>
    public string? PostgresConnection { get; init; }

    /// <summary>Largest JSON request body accepted by the API.</summary>
    public long MaxJsonBytes { get; init; } = 1L << 20;

    /// <summary>Largest uploaded workforce file.</summary>
    public long MaxUploadBytes { get; init; } = 50L << 20;

    /// <summary>Longest time a request may compute before it is abandoned with a 503.</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Longest time a simulation may run.</summary>
    public TimeSpan SimulationTimeout { get; init; } = TimeSpan.FromSeconds(120);

    /// <summary>Largest synthetic population drawn for one simulation.</summary>
    public int MaxPopulation { get; init; } = 500_000;

    /// <summary>Clock for default periods (the current month).</summary>
    public TimeProvider Clock { get; init; } = TimeProvider.System;

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
