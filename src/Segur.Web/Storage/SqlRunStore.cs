using System.Data;
using System.Data.Common;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Segur.Web.Storage;

/// <summary>
/// The run store over ADO.NET, one implementation for SQLite and PostgreSQL: the data statements are
/// the same (named parameters, <c>INSERT … RETURNING</c>); only the schema DDL differs. Migrations are
/// numbered, recorded in <c>schema_migrations</c> and applied each in its own transaction.
/// </summary>
public sealed class SqlRunStore : IRunStore
{
    private readonly Func<DbConnection> _open;
    private readonly bool _postgres;
    private readonly NpgsqlDataSource? _pg;
    private readonly TimeProvider _clock;

    private SqlRunStore(Func<DbConnection> open, bool postgres, NpgsqlDataSource? pg, TimeProvider clock)
    {
        _open = open;
        _postgres = postgres;
        _pg = pg;
        _clock = clock;
    }

    /// <summary>The SQLite file <c>segur.db</c> in <paramref name="folder"/>, created on first use; <paramref name="clock"/> dates runs and migrations.</summary>
    public static SqlRunStore Sqlite(string folder, TimeProvider? clock = null)
    {
        Directory.CreateDirectory(folder);
        var cs = new SqliteConnectionStringBuilder
        {
            DataSource = Path.Combine(folder, "segur.db"),
            Mode = SqliteOpenMode.ReadWriteCreate,
            ForeignKeys = true,
            DefaultTimeout = 30,
            Pooling = true,
        }.ToString();
        return new SqlRunStore(() => new SqliteConnection(cs), postgres: false, null, clock ?? TimeProvider.System);
    }

    public static SqlRunStore Postgres(string connectionString, TimeProvider? clock = null)
    {
        var ds = NpgsqlDataSource.Create(connectionString);
        return new SqlRunStore(ds.CreateConnection, postgres: true, ds, clock ?? TimeProvider.System);
    }

    public string Kind => _postgres ? "postgresql" : "sqlite";

    /// <summary>Test hook: runs inside the save transaction, after every insert and before the commit.</summary>
    internal Func<Task>? BeforeCommit { get; set; }

    private static readonly (int Version, string Description, string Sqlite, string Postgres)[] Migrations =
    [
        (1, "calculs enregistrés et leurs lignes par mesure",
            """
            CREATE TABLE runs (
              id INTEGER PRIMARY KEY AUTOINCREMENT,
              created_at TEXT NOT NULL,
              title TEXT NOT NULL,
              legislation_version TEXT NOT NULL,
              legislation_fingerprint TEXT NOT NULL,
              reform_id TEXT, reform_title TEXT, reform_text TEXT, reform_fingerprint TEXT,
              source TEXT NOT NULL, period TEXT NOT NULL, law_as_of TEXT,
              rows_count INTEGER NOT NULL, beneficiaries INTEGER NOT NULL, reform_beneficiaries INTEGER NOT NULL,
              gainers INTEGER NOT NULL, cost_cents INTEGER NOT NULL, reform_cost_cents INTEGER NOT NULL,
              difference_cents INTEGER NOT NULL, arrears_cents INTEGER NOT NULL, employer_difference_cents INTEGER NOT NULL,
              synthesis_json TEXT NOT NULL);
            CREATE TABLE run_measures (
              run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
              scenario TEXT NOT NULL, measure_id TEXT NOT NULL, title TEXT NOT NULL,
              beneficiaries INTEGER NOT NULL, cents INTEGER NOT NULL, employer_cents INTEGER NOT NULL,
              PRIMARY KEY (run_id, scenario, measure_id));
            """,
            """
            CREATE TABLE runs (
              id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
              created_at TEXT NOT NULL,
              title TEXT NOT NULL,
              legislation_version TEXT NOT NULL,
              legislation_fingerprint TEXT NOT NULL,
              reform_id TEXT, reform_title TEXT, reform_text TEXT, reform_fingerprint TEXT,
              source TEXT NOT NULL, period TEXT NOT NULL, law_as_of TEXT,
              rows_count BIGINT NOT NULL, beneficiaries BIGINT NOT NULL, reform_beneficiaries BIGINT NOT NULL,
              gainers BIGINT NOT NULL, cost_cents BIGINT NOT NULL, reform_cost_cents BIGINT NOT NULL,
              difference_cents BIGINT NOT NULL, arrears_cents BIGINT NOT NULL, employer_difference_cents BIGINT NOT NULL,
              synthesis_json TEXT NOT NULL);
            CREATE TABLE run_measures (
              run_id BIGINT NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
              scenario TEXT NOT NULL, measure_id TEXT NOT NULL, title TEXT NOT NULL,
              beneficiaries BIGINT NOT NULL, cents BIGINT NOT NULL, employer_cents BIGINT NOT NULL,
              PRIMARY KEY (run_id, scenario, measure_id));
            """),
        (2, "index des calculs par date",
            "CREATE INDEX runs_created_at ON runs (created_at);",
            "CREATE INDEX runs_created_at ON runs (created_at);"),
    ];

    public static int LatestVersion => Migrations[^1].Version;

    public async Task<int> MigrateAsync(CancellationToken ct = default)
    {
        await using var c = await OpenAsync(ct);
        // Two servers starting together on one PostgreSQL database: one migrates, the other waits its turn.
        if (_postgres) await Exec(c, null, "SELECT pg_advisory_lock(730194601);", ct);
        try
        {
            return await Migrate(c, ct);
        }
        finally
        {
            if (_postgres) await Exec(c, null, "SELECT pg_advisory_unlock(730194601);", CancellationToken.None);
        }
    }

    private async Task<int> Migrate(DbConnection c, CancellationToken ct)
    {
        if (!_postgres) await Exec(c, null, "PRAGMA journal_mode=WAL;", ct);
        await Exec(c, null, "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, description TEXT NOT NULL, applied_at TEXT NOT NULL);", ct);
        var current = 0;
        foreach (var (version, description, sqlite, postgres) in Migrations)
        {
            await using var tx = await c.BeginTransactionAsync(ct);
            if (!_postgres) await Exec(c, tx, "UPDATE schema_migrations SET version = version WHERE 0;", ct);
            var done = await Scalar(c, tx, "SELECT COUNT(*) FROM schema_migrations WHERE version = @v;", ct, ("v", version));
            if (Convert.ToInt64(done, CultureInfo.InvariantCulture) == 0)
            {
                await Exec(c, tx, _postgres ? postgres : sqlite, ct);
                await Exec(c, tx, "INSERT INTO schema_migrations (version, description, applied_at) VALUES (@v, @d, @a);", ct,
                    ("v", version), ("d", description), ("a", Now()));
            }
            await tx.CommitAsync(ct);
            current = version;
        }
        return current;
    }

    public async Task<long> SaveAsync(NewRun r, CancellationToken ct = default)
    {
        await using var c = await OpenAsync(ct);
        await using var tx = await c.BeginTransactionAsync(ct);
        var id = Convert.ToInt64(await Scalar(c, tx, """
            INSERT INTO runs (created_at, title, legislation_version, legislation_fingerprint, reform_id, reform_title, reform_text,
              reform_fingerprint, source, period, law_as_of, rows_count, beneficiaries, reform_beneficiaries, gainers, cost_cents,
              reform_cost_cents, difference_cents, arrears_cents, employer_difference_cents, synthesis_json)
            VALUES (@created, @title, @lv, @lf, @rid, @rtitle, @rtext, @rf, @source, @period, @asof, @rows, @ben, @rben, @gain,
              @cost, @rcost, @diff, @arrears, @emp, @json)
            RETURNING id;
            """, ct,
            ("created", Now()), ("title", r.Title), ("lv", r.LegislationVersion), ("lf", r.LegislationFingerprint),
            ("rid", r.ReformId), ("rtitle", r.ReformTitle), ("rtext", r.ReformText), ("rf", r.ReformFingerprint),
            ("source", r.Source), ("period", r.Period), ("asof", r.LawAsOf), ("rows", r.Rows), ("ben", r.Beneficiaries),
            ("rben", r.ReformBeneficiaries), ("gain", r.Gainers), ("cost", r.CostCents), ("rcost", r.ReformCostCents),
            ("diff", r.DifferenceCents), ("arrears", r.ArrearsCents), ("emp", r.EmployerDifferenceCents), ("json", r.SynthesisJson)),
            CultureInfo.InvariantCulture);
        foreach (var m in r.Measures)
        {
            await Exec(c, tx, "INSERT INTO run_measures (run_id, scenario, measure_id, title, beneficiaries, cents, employer_cents) VALUES (@id, @s, @m, @t, @b, @c, @e);", ct,
                ("id", id), ("s", m.Scenario), ("m", m.MeasureId), ("t", m.Title), ("b", m.Beneficiaries), ("c", m.Cents), ("e", m.EmployerCents));
        }
        if (BeforeCommit is not null) await BeforeCommit();
        await tx.CommitAsync(ct);
        return id;
    }

    private const string Columns = """
        id, created_at, title, legislation_version, legislation_fingerprint, reform_id, reform_title, reform_text, reform_fingerprint,
        source, period, law_as_of, rows_count, beneficiaries, reform_beneficiaries, gainers, cost_cents, reform_cost_cents,
        difference_cents, arrears_cents, employer_difference_cents
        """;

    public async Task<IReadOnlyList<SavedRun>> ListAsync(int limit = 200, CancellationToken ct = default)
    {
        await using var c = await OpenAsync(ct);
        await using var cmd = Command(c, null, $"SELECT {Columns}, '' FROM runs ORDER BY id DESC LIMIT @n;", ("n", limit));
        await using var rd = await cmd.ExecuteReaderAsync(ct);
        var list = new List<SavedRun>();
        while (await rd.ReadAsync(ct)) list.Add(Read(rd, []));
        return list;
    }

    public async Task<SavedRun?> GetAsync(long id, CancellationToken ct = default)
    {
        await using var c = await OpenAsync(ct);
        var measures = new List<RunMeasure>();
        await using (var cmd = Command(c, null, "SELECT scenario, measure_id, title, beneficiaries, cents, employer_cents FROM run_measures WHERE run_id = @id ORDER BY scenario, measure_id;", ("id", id)))
        await using (var rd = await cmd.ExecuteReaderAsync(ct))
        {
            while (await rd.ReadAsync(ct))
                measures.Add(new RunMeasure(rd.GetString(0), rd.GetString(1), rd.GetString(2), rd.GetInt64(3), rd.GetInt64(4), rd.GetInt64(5)));
        }
        await using (var cmd = Command(c, null, $"SELECT {Columns}, synthesis_json FROM runs WHERE id = @id;", ("id", id)))
        await using (var rd = await cmd.ExecuteReaderAsync(ct))
        {
            return await rd.ReadAsync(ct) ? Read(rd, measures) : null;
        }
    }

    private static SavedRun Read(DbDataReader rd, IReadOnlyList<RunMeasure> measures)
    {
        string? S(int i) => rd.IsDBNull(i) ? null : rd.GetString(i);
        return new SavedRun(rd.GetInt64(0), DateTimeOffset.Parse(rd.GetString(1), CultureInfo.InvariantCulture), new NewRun
        {
            Title = rd.GetString(2), LegislationVersion = rd.GetString(3), LegislationFingerprint = rd.GetString(4),
            ReformId = S(5), ReformTitle = S(6), ReformText = S(7), ReformFingerprint = S(8), Source = rd.GetString(9),
            Period = rd.GetString(10), LawAsOf = S(11), Rows = rd.GetInt64(12), Beneficiaries = rd.GetInt64(13),
            ReformBeneficiaries = rd.GetInt64(14), Gainers = rd.GetInt64(15), CostCents = rd.GetInt64(16), ReformCostCents = rd.GetInt64(17),
            DifferenceCents = rd.GetInt64(18), ArrearsCents = rd.GetInt64(19), EmployerDifferenceCents = rd.GetInt64(20),
            SynthesisJson = rd.GetString(21), Measures = measures,
        });
    }

    private async Task<DbConnection> OpenAsync(CancellationToken ct)
    {
        var c = _open();
        await c.OpenAsync(ct);
        return c;
    }

    private string Now() => _clock.GetUtcNow().ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    private static DbCommand Command(DbConnection c, DbTransaction? tx, string sql, params (string Name, object? Value)[] args)
    {
        var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        cmd.Transaction = tx;
        foreach (var (name, value) in args)
        {
            var p = cmd.CreateParameter();
            p.ParameterName = "@" + name;
            p.Value = value ?? DBNull.Value;
            if (value is null) p.DbType = DbType.String;
            cmd.Parameters.Add(p);
        }
        return cmd;
    }

    private static async Task Exec(DbConnection c, DbTransaction? tx, string sql, CancellationToken ct, params (string, object?)[] args)
    {
        await using var cmd = Command(c, tx, sql, args);
        await cmd.ExecuteNonQueryAsync(ct);
    }

    private static async Task<object?> Scalar(DbConnection c, DbTransaction? tx, string sql, CancellationToken ct, params (string, object?)[] args)
    {
        await using var cmd = Command(c, tx, sql, args);
        return await cmd.ExecuteScalarAsync(ct);
    }

    public void Dispose()
    {
        _pg?.Dispose();
        if (!_postgres) SqliteConnection.ClearAllPools();
    }
}
