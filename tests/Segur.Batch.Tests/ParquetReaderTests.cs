using System.Globalization;
using Parquet;
using Parquet.Schema;
using Segur.Engine;
using Segur.Engine.Law;
using Segur.Engine.Time;

namespace Segur.Batch.Tests;

/// <summary>
/// The Parquet reader checks each distinct value once and copies its effect into the rows: whatever the
/// encoding (dictionary or plain), the row groups, the column types and the nulls, it must give exactly the
/// rows and the rejections the CSV reader gives for the same cells.
/// </summary>
public sealed class ParquetReaderTests : IDisposable
{
    private static Legislation Law => TestLaw.Law;
    private readonly string _dir = Directory.CreateTempSubdirectory("segur-parquet-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static readonly string[] Columns =
    [
        "id", "employeur.secteur", "employeur.versant", "employeur.structure", "employeur.idcc", "employeur.departement",
        "employeur.financement_assurance_maladie", "emploi.profession", "emploi.statut", "emploi.quotite", "emploi.temps_partiel",
        "emploi.entree", "emploi.sortie", "emploi.part_temps_structures_eligibles", "emploi.fraction_traitement",
    ];

    /// <summary>Rows with repeated values, nulls, and bad cells of every kind (unknown value, out-of-range number, bad date…).</summary>
    private static List<Dictionary<string, string>> Rows(int n)
    {
        var rng = new Random(11);
        string? Pick(params string?[] values) => values[rng.Next(values.Length)];
        var rows = new List<Dictionary<string, string>>();
        for (var i = 1; i <= n; i++)
        {
            var cells = new Dictionary<string, string?>
            {
                ["id"] = Pick($"P{i}", $"P{i}", null),
                ["employeur.secteur"] = Pick("public", "public", "prive_non_lucratif", "prive_lucratif", null),
                ["employeur.versant"] = Pick("FPH", "FPT", null, "FPX"),
                ["employeur.structure"] = Pick("etablissement_public_sante", "ehpad", "etablissement_sante_prive"),
                ["employeur.idcc"] = Pick("29", "413", null, "0"),
                ["employeur.departement"] = Pick("75", "2A", "974", null, "99x"),
                ["employeur.financement_assurance_maladie"] = Pick("true", "false", null, "peut-être"),
                ["emploi.profession"] = Pick("infirmier", "aide_soignant", "educateur_specialise", "agent_technique", "sorcier"),
                ["emploi.statut"] = Pick("titulaire", "contractuel_droit_prive", null),
                ["emploi.quotite"] = Pick("1", "0.8", "0.5", null, "2"),
                ["emploi.temps_partiel"] = Pick("true", "false", null),
                ["emploi.entree"] = Pick("2020-01-01", "2023-05-02", null, null, "2023-13-01"),
                ["emploi.sortie"] = Pick("2024-06-30", null, null, null, "2019-01-01"),
                ["emploi.part_temps_structures_eligibles"] = Pick("0.5", null, null, "1.5"),
                ["emploi.fraction_traitement"] = Pick("0.25", null, null),
            };
            rows.Add(cells.Where(c => c.Value is not null).ToDictionary(c => c.Key, c => c.Value!));
        }
        return rows;
    }

    /// <summary>A committed row, every part of it.</summary>
    private sealed record Row(long Line, string? Id, string Codes, decimal Quotite, sbyte TempsPartiel, int Entree, int Sortie, decimal Part, decimal Fraction, short Departement);

    private static (List<Row> Rows, List<Rejection> Rejects) ReadAll(string path, bool keepIds = true, long lineOffset = 0)
    {
        using var reader = WorkforceReader.Open(path, Law, keepIds);
        var chunk = new WorkforceChunk(Law.Vocabulary, 1000); // blocks that do not line up with row groups
        var rejects = new List<Rejection>();
        var rows = new List<Row>();
        while (reader.Read(chunk, rejects))
        {
            for (var r = 0; r < chunk.Count; r++)
                rows.Add(new Row(chunk.Line[r] - lineOffset, chunk.Id[r], string.Join(",", chunk.RowCodes(r).ToArray()), chunk.Quotite[r], chunk.TempsPartiel[r],
                    chunk.Entree[r], chunk.Sortie[r], chunk.Part[r], chunk.Fraction[r], chunk.Departement[r]));
        }
        return (rows, rejects.Select(x => x with { Line = x.Line - lineOffset }).ToList());
    }

    private string Csv(List<Dictionary<string, string>> rows)
    {
        var path = Path.Combine(_dir, "effectifs.csv");
        PopulationParquet.Write(path, Law.Vocabulary, rows, [], Columns);
        return path;
    }

    private static void SameAsCsv(string csv, string parquet, bool keepIds = true)
    {
        var expected = ReadAll(csv, keepIds, lineOffset: 1); // CSV line 2 is Parquet row 1
        var actual = ReadAll(parquet, keepIds);
        Assert.True(expected.Rows.Count > 100 && expected.Rejects.Count > 100, "the sample has both valid and rejected rows");
        Assert.Equal(expected.Rejects, actual.Rejects);
        Assert.Equal(expected.Rows, actual.Rows);
    }

    private static async Task<List<Parquet.Meta.Encoding>> Encodings(string path, string column)
    {
        await using var stream = File.OpenRead(path);
        await using var reader = await ParquetReader.CreateAsync(stream);
        var field = reader.Schema.GetDataFields().Single(f => f.Path.ToString() == column);
        return reader.OpenRowGroupReader(0).GetMetadata(field)!.MetaData!.Encodings;
    }

    private static async Task<int> RowGroups(string path)
    {
        await using var stream = File.OpenRead(path);
        await using var reader = await ParquetReader.CreateAsync(stream);
        return reader.RowGroupCount;
    }

    [Fact]
    public async Task PopulationFile_IsDictionaryEncoded_AndReadsExactlyAsTheCsv()
    {
        var rows = Rows(3000);
        var parquet = Path.Combine(_dir, "effectifs.parquet");
        PopulationParquet.Write(parquet, Law.Vocabulary, rows, [], Columns);
        Assert.Contains(Parquet.Meta.Encoding.PLAIN_DICTIONARY, (await Encodings(parquet, "emploi.profession")));
        Assert.DoesNotContain(Parquet.Meta.Encoding.PLAIN_DICTIONARY, (await Encodings(parquet, "id")));
        SameAsCsv(Csv(rows), parquet);
        SameAsCsv(Csv(rows), parquet, keepIds: false);
    }

    /// <summary>Text columns written by another tool: plain (no dictionary), in many small row groups.</summary>
    [Fact]
    public async Task PlainTextFile_InSeveralRowGroups_ReadsExactlyAsTheCsv()
    {
        var rows = Rows(3000);
        var parquet = Path.Combine(_dir, "plain.parquet");
        var fields = Columns.Select(c => new DataField<string>(c)).ToArray();
        await Write(parquet, fields, rows, 700, (g, c, part) => g.WriteAsync(fields[c], part.Select(r => r.GetValueOrDefault(Columns[c])).ToArray()));
        Assert.Equal(5, await RowGroups(parquet));
        Assert.DoesNotContain(Parquet.Meta.Encoding.PLAIN_DICTIONARY, (await Encodings(parquet, "emploi.profession")));
        SameAsCsv(Csv(rows), parquet);
    }

    /// <summary>Booleans, integers, doubles and dates as Parquet types, with nulls: read as their text would be.</summary>
    [Fact]
    public async Task TypedColumnsWithNulls_ReadExactlyAsTheCsv()
    {
        // Typed columns cannot hold a bad text: keep the cells that their type can say.
        var rows = Rows(3000);
        foreach (var r in rows)
        {
            if (r.GetValueOrDefault("employeur.financement_assurance_maladie") == "peut-être") r.Remove("employeur.financement_assurance_maladie");
            if (r.GetValueOrDefault("emploi.entree") == "2023-13-01") r.Remove("emploi.entree");
        }
        var typed = new Dictionary<string, Type>
        {
            ["employeur.idcc"] = typeof(int), ["employeur.financement_assurance_maladie"] = typeof(bool), ["emploi.temps_partiel"] = typeof(bool),
            ["emploi.quotite"] = typeof(double), ["emploi.part_temps_structures_eligibles"] = typeof(decimal),
            ["emploi.entree"] = typeof(DateOnly), ["emploi.sortie"] = typeof(DateTime),
        };
        var fields = Columns.Select(c => typed.TryGetValue(c, out var t) ? new DataField(c, t, isNullable: true) : new DataField<string>(c)).ToArray();
        var parquet = Path.Combine(_dir, "types.parquet");
        await Write(parquet, fields, rows, 1000, (g, c, part) =>
        {
            var name = Columns[c];
            string? Cell(Dictionary<string, string> r) => r.GetValueOrDefault(name);
            T? Parse<T>(Dictionary<string, string> r, Func<string, T> parse) where T : struct => Cell(r) is { } s ? parse(s) : null;
            var inv = CultureInfo.InvariantCulture;
            return fields[c].ClrType switch
            {
                var t when t == typeof(int) => g.WriteAsync(fields[c], M(part.Select(r => Parse(r, s => int.Parse(s, inv))).ToArray())),
                var t when t == typeof(bool) => g.WriteAsync(fields[c], M(part.Select(r => Parse(r, bool.Parse)).ToArray())),
                var t when t == typeof(double) => g.WriteAsync(fields[c], M(part.Select(r => Parse(r, s => double.Parse(s, inv))).ToArray())),
                var t when t == typeof(decimal) => g.WriteAsync(fields[c], M(part.Select(r => Parse(r, s => decimal.Parse(s, inv))).ToArray())),
                var t when t == typeof(DateOnly) => g.WriteAsync(fields[c], M(part.Select(r => Parse(r, s => DateOnly.Parse(s, inv))).ToArray())),
                var t when t == typeof(DateTime) => g.WriteAsync(fields[c], M(part.Select(r => Parse(r, s => DateTime.Parse(s, inv))).ToArray())),
                _ => g.WriteAsync(fields[c], part.Select(Cell).ToArray()),
            };
        });
        SameAsCsv(Csv(rows), parquet);
    }

    [Fact]
    public void BadValue_IsRejectedWithItsRowAndField()
    {
        var row = new Dictionary<string, string>
        {
            ["employeur.secteur"] = "public", ["employeur.versant"] = "FPH", ["employeur.structure"] = "etablissement_public_sante",
            ["emploi.profession"] = "infirmier", ["emploi.quotite"] = "2",
        };
        var parquet = Path.Combine(_dir, "une.parquet");
        PopulationParquet.Write(parquet, Law.Vocabulary, [row, row, row], [], Columns);
        var (valid, rejects) = ReadAll(parquet);
        Assert.Empty(valid);
        Assert.Equal([1L, 2L, 3L], rejects.Select(r => r.Line));
        Assert.All(rejects, r => Assert.Equal(("emploi.quotite", "2", "quotité hors bornes ; attendu un nombre strictement positif et au plus 1"), (r.Field, r.Value, r.Reason)));
    }

    [Fact]
    public async Task UnsupportedColumnType_IsAFrenchErrorNamingTheFileAndColumn()
    {
        var parquet = Path.Combine(_dir, "uuid.parquet");
        var fields = new DataField[] { new DataField<string>("employeur.secteur"), new DataField<string>("employeur.structure"), new DataField<string>("emploi.profession"), new DataField<Guid>("employeur.departement") };
        await Write(parquet, fields, Rows(2), 10, (g, c, part) => c < 3
            ? g.WriteAsync(fields[c], part.Select(r => r.GetValueOrDefault(fields[c].Name)).ToArray())
            : g.WriteAsync(fields[c], M(part.Select(_ => Guid.Empty).ToArray())));
        var e = Assert.Throws<SegurException>(() => ReadAll(parquet));
        Assert.Equal($"{parquet} : colonne Parquet employeur.departement : type identifiant UUID non pris en charge ; attendu texte, booléen, nombre ou date", e.Message);
    }

    [Fact]
    public async Task UnknownColumn_IsAFrenchErrorNamingIt()
    {
        var parquet = Path.Combine(_dir, "inconnue.parquet");
        var fields = new[] { "employeur.secteur", "employeur.structure", "emploi.profession", "emploi.couleur" }.Select(c => new DataField<string>(c)).ToArray();
        await Write(parquet, fields, Rows(2), 10, (g, c, part) => g.WriteAsync(fields[c], part.Select(r => r.GetValueOrDefault(fields[c].Name)).ToArray()));
        var e = Assert.Throws<SegurException>(() => ReadAll(parquet));
        Assert.StartsWith($"{parquet}, ligne 1 : colonne(s) inconnue(s) : emploi.couleur ;", e.Message);
    }

    /// <summary>Parquet results hold the same values as CSV results, typed (exact decimal amounts).</summary>
    [Fact]
    public async Task ParquetResults_HoldTheSameValuesAsCsvResults()
    {
        var rows = Rows(2000);
        var input = Path.Combine(_dir, "effectifs.parquet");
        PopulationParquet.Write(input, Law.Vocabulary, rows, [], Columns);
        var period = new MonthRange(new YearMonth(2023, 1), new YearMonth(2024, 12));
        string csvOut = Path.Combine(_dir, "res.csv"), parquetOut = Path.Combine(_dir, "res.parquet");
        BatchRunner.Run(Law, null, new BatchOptions(input, period, Output: csvOut, Rejects: Path.Combine(_dir, "r1.csv")));
        BatchRunner.Run(Law, null, new BatchOptions(input, period, Output: parquetOut, Rejects: Path.Combine(_dir, "r2.csv")));
        var csv = File.ReadAllLines(csvOut).Skip(1).Select(l => l.Split(';')).ToList();
        await using var stream = File.OpenRead(parquetOut);
        await using var reader = await ParquetReader.CreateAsync(stream);
        var fields = reader.Schema.GetDataFields();
        Assert.Equal(["ligne", "id", "periode", "mois_payes", "mesures", "montant_brut", "incertain", "montant_inconnu"], fields.Select(f => f.Name));
        var lines = new List<string>();
        for (var i = 0; i < reader.RowGroupCount; i++)
        {
            using var g = reader.OpenRowGroupReader(i);
            var n = (int)g.RowCount;
            var line = new long[n]; var id = new string?[n]; var period2 = new string?[n]; var paid = new int[n];
            var measures = new string?[n]; var gross = new decimal[n]; var uncertain = new bool[n]; var unknown = new bool[n];
            await g.ReadAsync(fields[0], line.AsMemory());
            await g.ReadAsync(fields[1], id.AsMemory());
            await g.ReadAsync(fields[2], period2.AsMemory());
            await g.ReadAsync(fields[3], paid.AsMemory());
            await g.ReadAsync(fields[4], measures.AsMemory());
            await g.ReadAsync(fields[5], gross.AsMemory());
            await g.ReadAsync(fields[6], uncertain.AsMemory());
            await g.ReadAsync(fields[7], unknown.AsMemory());
            for (var r = 0; r < n; r++)
                lines.Add(string.Join(";", line[r], id[r], period2[r], paid[r], measures[r], gross[r].ToString("0.00", CultureInfo.InvariantCulture), uncertain[r] ? "oui" : "non", unknown[r] ? "oui" : "non"));
        }
        Assert.True(csv.Count > 100 && csv.Any(c => c[5] != "0.00"), "some workers are paid");
        Assert.Equal(csv.Select(c => string.Join(";", c)), lines);
    }

    private static ReadOnlyMemory<T> M<T>(T[] values) => values;

    private static async Task Write(string path, DataField[] fields, List<Dictionary<string, string>> rows, int groupRows,
        Func<ParquetRowGroupWriter, int, List<Dictionary<string, string>>, Task> column)
    {
        await using var stream = File.Create(path);
        await using var writer = await ParquetWriter.CreateAsync(new ParquetSchema(fields), stream);
        foreach (var part in rows.Chunk(groupRows))
        {
            using var g = writer.CreateRowGroup();
            for (var c = 0; c < fields.Length; c++) await column(g, c, [.. part]);
        }
    }
}
