using System.Text;
using CsCheck;
using Segur.Batch;
using Segur.Engine;
using Segur.Engine.Law;
using Segur.Tests.Fuzz;

namespace Segur.Batch.Tests.Fuzzing;

/// <summary>
/// Fuzzing of the workforce readers: CSV headers and rows built from the schema's columns with right, wrong and
/// nasty cells, mutated real rows, bytes that are not UTF-8; Parquet files with bytes flipped, cut or spliced.
/// Each file is read to the end: rows valid or rejected (with a line and a French reason), or a French error.
/// </summary>
public sealed class WorkforceFuzzTests : IDisposable
{
    private static readonly Lazy<Legislation> LawLoaded = new(() => LegislationLoader.Load(new EmbeddedLegislation()));
    private static Legislation Law => LawLoaded.Value;
    private readonly string _dir = Directory.CreateTempSubdirectory("segur-fuzz-").FullName;
    private int _next;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static readonly string[] Columns =
        ["id", "employeur.secteur", "employeur.versant", "employeur.structure", "employeur.idcc", "emploi.profession", "emploi.statut", "emploi.quotite",
         "emploi.temps_partiel", "emploi.entree", "emploi.sortie", "employeur.departement", "periode.debut", "salaire", ""];

    private static readonly string[] Cells =
        ["public", "FPH", "ehpad", "etablissement_public_sante", "infirmier", "titulaire", "0,8", "0.8", "1", "0", "1,5", "oui", "non", "vrai", "2024-02-30", "2024-01-01",
         "413", "+413", "413.0", "75", "2A", "20", "2024-13", "\"", "\"\"", "\";\"", "é", "\ufeff", "\u0001", "", " ", "1e308", "NaN", "\\", "\r", "\t"];

    private static readonly Gen<string> Cell = Gen.Frequency((5, Gen.OneOf(Cells.Select(Gen.Const).ToArray())), (2, Fuzz.Fragment), (1, Gen.Int[0, 300].Select(n => new string('x', n))));

    private static readonly Gen<string> Csv =
        Gen.Select(Gen.OneOf(Gen.Const(';'), Gen.Const(','), Gen.Const('\t')), Gen.OneOf(Columns.Select(Gen.Const).ToArray()).Array[1, 8], Cell.Array[0, 9].Array[0, 12],
            (sep, header, rows) => string.Join(sep, header) + "\n" + string.Concat(rows.Select(r => string.Join(sep, r) + "\n")));

    private static readonly string[] RealRows =
    [
        "id;employeur.secteur;employeur.versant;employeur.structure;employeur.financement_assurance_maladie;emploi.profession;emploi.statut;emploi.quotite;emploi.entree;emploi.sortie;employeur.departement\n"
        + "A1;public;FPH;etablissement_public_sante;oui;infirmier;titulaire;0,8;;;75\nA2;public;FPH;etablissement_public_sante;oui;infirmier;titulaire;1;2024-03-16;;13\n"
        + "A4;securite_sociale;;organisme_securite_sociale;;assistant_service_social;salarie;1;;;\nA7;public;FPH;etablissement_public_sante;oui;infirmier;titulaire;1;2024-05-01;2024-02-01;2A\n",
    ];

    private string File(byte[] bytes, string extension)
    {
        var path = Path.Combine(_dir, $"f{Interlocked.Increment(ref _next)}{extension}");
        System.IO.File.WriteAllBytes(path, bytes);
        return path;
    }

    /// <summary>Reads the whole file; every rejected row must carry a file line and a French reason.</summary>
    private void ReadAll(string path)
    {
        try
        {
            using var reader = WorkforceReader.Open(path, Law);
            var chunk = new WorkforceChunk(Law.Vocabulary, 64);
            var rejects = new List<Rejection>();
            var guard = 0;
            while (reader.Read(chunk, rejects) && guard++ < 100_000) { }
            foreach (var r in rejects)
            {
                Assert.True(r.Line >= 1, $"ligne {r.Line} d'un rejet");
                Assert.Null(Fuzz.Problem($"{Path.GetFileName(path)}, ligne {r.Line} : {r.Reason}"));
            }
        }
        finally
        {
            System.IO.File.Delete(path);
        }
    }

    [Fact]
    public void Fuzz_Csv_IsRowsRejectsOrAFrenchError()
    {
        var mutated = Fuzz.Mutated(RealRows, maxLines: 6);
        var gen = Gen.Frequency(
            (3, Csv.Select(t => Encoding.UTF8.GetBytes(t))),
            (2, mutated.Select(t => Encoding.UTF8.GetBytes(t))),
            (1, mutated.Select(t => Encoding.Latin1.GetBytes(t.Replace('\ud800', 'é')))),
            (1, Gen.Byte.Array[0, 200]));
        Fuzz.Check(gen, bytes => ReadAll(File(bytes, ".csv")), b => Encoding.UTF8.GetString(b));
    }

    [Fact]
    public void Fuzz_Parquet_IsRowsRejectsOrAFrenchError()
    {
        var model = PopulationModel.Embedded(Law.Vocabulary);
        var seed = Path.Combine(_dir, "seed.parquet");
        PopulationParquet.Write(seed, Law.Vocabulary, model.Generate(40, 3), model.Metadata(40, 3, Law));
        var bytes = System.IO.File.ReadAllBytes(seed);
        var gen = Gen.Frequency(
            (3, Gen.Select(Gen.Int[0, bytes.Length - 1], Gen.Byte, Gen.Int[1, 8], (at, value, n) =>
            {
                var b = (byte[])bytes.Clone();
                for (var i = 0; i < n; i++) b[(at + i * 97) % b.Length] = (byte)(value + i);
                return b;
            })),
            (1, Gen.Int[0, bytes.Length].Select(n => bytes[..n])),
            (1, Gen.Select(Gen.Int[0, bytes.Length - 1], Gen.Int[0, bytes.Length - 1], (a, c) => bytes[..Math.Min(a, c)].Concat(bytes[Math.Max(a, c)..]).ToArray())));
        Fuzz.Check(gen, b => ReadAll(File(b, ".parquet")), b => $"{b.Length} octets", iterations: Fuzz.Iterations);
    }

    /// <summary>
    /// Files the fuzzer found that made Parquet.Net 6.1 spin forever in its footer parser (a varint read past
    /// the end): they must end, quickly, with the French error of a damaged file.
    /// </summary>
    [Theory]
    [InlineData("pied-vide-1.parquet")]
    [InlineData("pied-vide-2.parquet")]
    public async Task Parquet_FooterThatRunsOffItsEnd_IsAFrenchErrorNotAHang(string name)
    {
        Assert.True(ParquetGuard.Active, "la garde du pied Parquet ne trouve plus le lecteur interne de Parquet.Net : revoir ParquetGuard après une mise à jour");
        var source = Path.Combine(AppContext.BaseDirectory, "Fuzz", "Regressions", name);
        var read = Task.Run(() => Record.Exception(() => ReadAll(File(System.IO.File.ReadAllBytes(source), ".parquet"))));
        var error = Assert.IsType<SegurException>(await read.WaitAsync(TimeSpan.FromMinutes(1)));
        Assert.Contains("fichier Parquet illisible", error.Message);
    }
}
