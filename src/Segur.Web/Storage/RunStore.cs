namespace Segur.Web.Storage;

/// <summary>One line of a saved run's per-measure table (<c>reference</c>: law in force; <c>reforme</c>: reformed law).</summary>
public sealed record RunMeasure(string Scenario, string MeasureId, string Title, long Beneficiaries, long Cents, long EmployerCents);

/// <summary>A simulation to save: what was run (law, reform, input, period) and what it gave.</summary>
public sealed record NewRun
{
    public required string Title { get; init; }
    public required string LegislationVersion { get; init; }
    public required string LegislationFingerprint { get; init; }
    public string? ReformId { get; init; }
    public string? ReformTitle { get; init; }
    public string? ReformText { get; init; }
    public string? ReformFingerprint { get; init; }
    public required string Source { get; init; }
    public required string Period { get; init; }
    public string? LawAsOf { get; init; }
    public long Rows { get; init; }
    public long Beneficiaries { get; init; }
    public long ReformBeneficiaries { get; init; }
    public long Gainers { get; init; }
    public long CostCents { get; init; }
    public long ReformCostCents { get; init; }
    public long DifferenceCents { get; init; }
    public long ArrearsCents { get; init; }
    public long EmployerDifferenceCents { get; init; }
    public required string SynthesisJson { get; init; }
    public IReadOnlyList<RunMeasure> Measures { get; init; } = [];
}

/// <summary>A saved run as read back.</summary>
public sealed record SavedRun(long Id, DateTimeOffset CreatedAt, NewRun Run);

/// <summary>
/// Where simulation runs are saved: SQLite by default, PostgreSQL with a connection string. Saving is
/// one transaction (the run and its per-measure lines): a crash leaves the whole run or nothing.
/// </summary>
public interface IRunStore : IDisposable
{
    /// <summary><c>sqlite</c> or <c>postgresql</c>.</summary>
    string Kind { get; }

    /// <summary>Creates the schema or brings it to the latest version; returns that version.</summary>
    Task<int> MigrateAsync(CancellationToken ct = default);

    Task<long> SaveAsync(NewRun run, CancellationToken ct = default);

    /// <summary>The most recent runs first (without their synthesis JSON nor measure lines).</summary>
    Task<IReadOnlyList<SavedRun>> ListAsync(int limit = 200, CancellationToken ct = default);

    Task<SavedRun?> GetAsync(long id, CancellationToken ct = default);
}
