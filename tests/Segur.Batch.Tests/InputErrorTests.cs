using System.Text;
using Segur.Batch;
using Segur.Engine;
using Segur.Engine.Law;
using Segur.Engine.Time;

namespace Segur.Batch.Tests;

/// <summary>Workforce files that are not what they should be: each is a French message, or a rejected row and the run goes on.</summary>
public sealed class InputErrorTests : IDisposable
{
    private static Legislation Law => TestLaw.Law;
    private static readonly MonthRange January = new(new YearMonth(2024, 1), new YearMonth(2024, 1));
    private readonly string _dir = Directory.CreateTempSubdirectory("segur-entrees-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private const string Header = "employeur.secteur;employeur.versant;employeur.structure;emploi.profession;emploi.statut\n";
    private const string Good = "public;FPH;etablissement_public_sante;infirmier;titulaire\n";

    private string Write(string name, string text) => WriteBytes(name, Encoding.UTF8.GetBytes(text));

    private string WriteBytes(string name, byte[] bytes)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    private BatchResult Run(string input) => BatchRunner.Run(Law, null, new BatchOptions(input, January, Rejects: Path.Combine(_dir, "rejets.csv")));

    private string Refused(string input) => Assert.Throws<SegurException>(() => Run(input)).Message;

    [Fact]
    public void Csv_OversizeRow_IsRejectedWithItsLine_AndTheRunGoesOn()
    {
        var input = Write("long.csv", Header + Good + "public;FPH;etablissement_public_sante;" + new string('x', 200_000) + ";titulaire\n" + Good);
        var r = Run(input);
        Assert.Equal(3, r.RowsRead);
        Assert.Equal(2, r.RowsEvaluated);
        var rejects = File.ReadAllLines(Path.Combine(_dir, "rejets.csv"));
        Assert.StartsWith("3;(ligne);;", rejects[1]);
        Assert.Contains("ligne trop longue (plus de 65536 caractères)", rejects[1]);
    }

    [Fact]
    public void Csv_OversizeQuotedCell_DoesNotSwallowTheNextRows()
    {
        var input = Write("guillemets.csv", Header + "public;FPH;\"" + new string('x', 100_000) + "\";infirmier;titulaire\n" + Good + Good);
        var r = Run(input);
        Assert.Equal(3, r.RowsRead);
        Assert.Equal(2, r.RowsEvaluated);
    }

    [Fact]
    public void Csv_OversizeHeader_IsAFrenchError() =>
        Assert.Contains("long.csv, ligne 1 : en-tête trop long", Refused(Write("long.csv", new string('a', 70_000) + "\n" + Good)));

    [Fact]
    public void Csv_Latin1_IsReportedAsNotUtf8WithByteAndLine()
    {
        var latin1 = Encoding.Latin1.GetBytes(Header + Good + "public;FPH;etablissement_public_sante;infirmier;titulaire;é\n");
        var m = Refused(WriteBytes("latin1.csv", latin1));
        Assert.Contains("latin1.csv n'est pas encodé en UTF-8 (octet 0xE9 ligne 3) ; enregistrez-le en UTF-8", m);
    }

    [Fact]
    public void Csv_Latin1InTheHeader_IsReportedAsNotUtf8()
    {
        var latin1 = Encoding.Latin1.GetBytes("employeur.secteur;employeur.structure;emploi.profession;é\n" + Good);
        Assert.Contains("n'est pas encodé en UTF-8 (octet 0xE9 ligne 1)", Refused(WriteBytes("entete.csv", latin1)));
    }

    [Fact]
    public void Csv_Empty_IsAFrenchError() => Assert.Contains("vide.csv : fichier vide ; attendu une ligne d'en-tête", Refused(Write("vide.csv", "")));

    [Fact]
    public void Csv_DuplicatedColumn_IsAFrenchError() =>
        Assert.Contains("double.csv, ligne 1 : colonne(s) en double : emploi.profession", Refused(Write("double.csv", "employeur.secteur;employeur.structure;emploi.profession;emploi.profession\n")));

    [Fact]
    public void Csv_UnclosedQuote_IsAFrenchErrorWithTheLine()
    {
        var m = Refused(Write("quote.csv", Header + Good + "public;FPH;\"etablissement_public_sante;infirmier;titulaire\n"));
        Assert.Contains("quote.csv, ligne", m);
        Assert.DoesNotContain("Exception", m);
    }

    [Fact]
    public void Parquet_Garbage_IsAFrenchErrorWithoutTheLibraryText()
    {
        var m = Refused(Write("faux.parquet", "PAR1 ceci n'est pas un fichier Parquet PAR1"));
        Assert.Equal($"{Path.Combine(_dir, "faux.parquet")} : fichier Parquet illisible : structure interne invalide (fichier tronqué, endommagé, ou qui n'est pas un Parquet) ; attendu un fichier écrit par un outil Parquet (voir docs/simulation.md)", m);
    }

    [Fact]
    public void StaleTemporaryFile_OfAKilledRun_IsRemovedByTheNextOutput_ButNotAFinishedFile()
    {
        var stale = Path.Combine(_dir, ".resultats.csv.segur-999999.tmp");
        var other = Path.Combine(_dir, ".notes.txt.tmp");
        var finished = Path.Combine(_dir, "resultats.csv");
        File.WriteAllText(stale, "partiel");
        File.WriteAllText(other, "autre");
        File.WriteAllText(finished, "fini");
        AtomicFile.WriteAllText(Path.Combine(_dir, "synthese.json"), "{}");
        Assert.False(File.Exists(stale));
        Assert.True(File.Exists(other));
        Assert.Equal("fini", File.ReadAllText(finished));
    }

    [Fact]
    public void TemporaryFile_OfARunningProcess_IsKept()
    {
        var mine = Path.Combine(_dir, $".resultats.csv.segur-{Environment.ProcessId}.tmp");
        File.WriteAllText(mine, "en cours");
        AtomicFile.RemoveStale(_dir);
        Assert.True(File.Exists(mine));
    }
}
