using Npgsql;
using Segur.Web.Storage;

namespace Segur.Web.Tests;

/// <summary>The same checks for both stores: fresh schema, migrations re-run, save and read back, a crash mid-save leaves nothing.</summary>
public abstract class StoreContract
{
    protected static NewRun Sample(string title, int measures = 3) => new()
    {
        Title = title, LegislationVersion = "2026.11.26", LegislationFingerprint = new string('a', 64),
        ReformId = "extension-securite-sociale", ReformTitle = "Extension « sécurité sociale »", ReformText = "id: x\n", ReformFingerprint = new string('b', 64),
        Source = "population nationale synthétique : 100 travailleurs", Period = "2022-04..2026-12", LawAsOf = null,
        Rows = 100, Beneficiaries = 60, ReformBeneficiaries = 61, Gainers = 1, CostCents = 123_456_789, ReformCostCents = 123_600_000,
        DifferenceCents = 143_211, ArrearsCents = 100_000, EmployerDifferenceCents = 50_000, SynthesisJson = "{\"difference\": {}}",
        Measures = Enumerable.Range(0, measures).Select(i => new RunMeasure(i % 2 == 0 ? "reference" : "reforme", "M" + i, "Mesure " + i, i, i * 100L, i * 10L)).ToList(),
    };

    protected static async Task Contract(SqlRunStore store)
    {
        Assert.Equal(SqlRunStore.LatestVersion, await store.MigrateAsync());
        Assert.Equal(SqlRunStore.LatestVersion, await store.MigrateAsync()); // idempotent
        Assert.Empty(await store.ListAsync());

        var id = await store.SaveAsync(Sample("Premier calcul"));
        var id2 = await store.SaveAsync(Sample("Deuxième calcul", 1));
        Assert.True(id2 > id);
        var list = await store.ListAsync();
        Assert.Equal([id2, id], list.Select(r => r.Id));
        var back = await store.GetAsync(id);
        Assert.NotNull(back);
        Assert.Equal("Premier calcul", back.Run.Title);
        Assert.Equal("Extension « sécurité sociale »", back.Run.ReformTitle);
        Assert.Equal(143_211, back.Run.DifferenceCents);
        Assert.Equal(3, back.Run.Measures.Count);
        Assert.Null(back.Run.LawAsOf);
        Assert.Null(await store.GetAsync(id2 + 1000));

        // A crash between the inserts and the commit: the run and its lines are all gone.
        store.BeforeCommit = () => throw new IOException("panne simulée avant la validation");
        await Assert.ThrowsAsync<IOException>(() => store.SaveAsync(Sample("Calcul interrompu", 5)));
        store.BeforeCommit = null;
        Assert.Equal(2, (await store.ListAsync()).Count);
        Assert.DoesNotContain(await store.ListAsync(), r => r.Run.Title == "Calcul interrompu");
        var next = await store.SaveAsync(Sample("Après la panne", 2));
        Assert.Equal(2, (await store.GetAsync(next))!.Run.Measures.Count);
    }
}

public sealed class SqliteStoreTests : StoreContract, IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("segur-sqlite-").FullName;

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_dir, recursive: true);
    }

    [Fact]
    public async Task Sqlite_CreatedOnFirstRun_MigratesSavesAndSurvivesACrash()
    {
        using var store = SqlRunStore.Sqlite(Path.Combine(_dir, "donnees"));
        Assert.Equal("sqlite", store.Kind);
        await Contract(store);
        Assert.True(File.Exists(Path.Combine(_dir, "donnees", "segur.db")));
    }

    [Fact]
    public async Task Sqlite_RecordsEachMigrationOnce()
    {
        using (var s = SqlRunStore.Sqlite(_dir)) await s.MigrateAsync();
        using (var s = SqlRunStore.Sqlite(_dir)) await s.MigrateAsync();
        await using var c = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={Path.Combine(_dir, "segur.db")}");
        await c.OpenAsync();
        await using var cmd = c.CreateCommand();
        cmd.CommandText = "SELECT group_concat(version) FROM (SELECT version FROM schema_migrations ORDER BY version)";
        Assert.Equal("1,2", (string)(await cmd.ExecuteScalarAsync())!);
    }
}

public sealed class PostgresStoreTests : StoreContract
{
    /// <summary>A fresh schema per test, dropped at the end.</summary>
    private static async Task<(string Cs, Func<Task> Drop)> Schema()
    {
        var cs = PostgresFactAttribute.ConnectionString;
        var schema = "segur_test_" + Guid.NewGuid().ToString("N")[..12];
        await using (var c = new NpgsqlConnection(cs))
        {
            await c.OpenAsync();
            await using var cmd = new NpgsqlCommand($"CREATE SCHEMA {schema}", c);
            await cmd.ExecuteNonQueryAsync();
        }
        var scoped = new NpgsqlConnectionStringBuilder(cs) { SearchPath = schema }.ToString();
        return (scoped, async () =>
        {
            NpgsqlConnection.ClearAllPools();
            await using var c = new NpgsqlConnection(cs);
            await c.OpenAsync();
            await using var cmd = new NpgsqlCommand($"DROP SCHEMA {schema} CASCADE", c);
            await cmd.ExecuteNonQueryAsync();
        });
    }

    [PostgresFact]
    public async Task Postgres_MigratesSavesAndSurvivesACrash()
    {
        var (cs, drop) = await Schema();
        try
        {
            using var store = SqlRunStore.Postgres(cs);
            Assert.Equal("postgresql", store.Kind);
            await Contract(store);
        }
        finally
        {
            await drop();
        }
    }

    [PostgresFact]
    public async Task Postgres_TwoServersMigratingTogether_ApplyEachMigrationOnce()
    {
        var (cs, drop) = await Schema();
        try
        {
            using var a = SqlRunStore.Postgres(cs);
            using var b = SqlRunStore.Postgres(cs);
            var versions = await Task.WhenAll(a.MigrateAsync(), b.MigrateAsync());
            Assert.All(versions, v => Assert.Equal(SqlRunStore.LatestVersion, v));
            await using var c = new NpgsqlConnection(cs);
            await c.OpenAsync();
            await using var cmd = new NpgsqlCommand("SELECT COUNT(*) FROM schema_migrations", c);
            Assert.Equal((long)SqlRunStore.LatestVersion, (long)(await cmd.ExecuteScalarAsync())!);
        }
        finally
        {
            await drop();
        }
    }

    [PostgresFact]
    public async Task Postgres_TheSiteSavesRunsThere()
    {
        var (cs, drop) = await Schema();
        try
        {
            await using var site = new TestSite(postgres: cs);
            var body = new StringContent("""{"titre": "Calcul PostgreSQL", "periode": {"debut": "2024-01", "fin": "2024-12"}, "population": {"taille": 500}}""", System.Text.Encoding.UTF8, "application/json");
            var r = await site.Authorized().PostAsync("/api/simulations", body);
            Assert.Equal(System.Net.HttpStatusCode.Created, r.StatusCode);
            var health = await site.Client.GetStringAsync("/api/sante");
            Assert.Contains("\"stockage\": \"postgresql\"", health);
            var page = await site.Client.GetStringAsync("/simulations");
            Assert.Contains("Calcul PostgreSQL", page);
            Assert.Contains("postgresql", page);
        }
        finally
        {
            await drop();
        }
    }
}
