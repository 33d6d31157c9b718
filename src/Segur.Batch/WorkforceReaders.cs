using System.Globalization;
using System.Text;
using Segur.Engine;
using Segur.Engine.Law;
using Sylvan.Data.Csv;

namespace Segur.Batch;

/// <summary>Streams a workforce file into reusable column blocks; bad rows go to the rejects.</summary>
public interface IWorkforceReader : IDisposable
{
    /// <summary>Fills <paramref name="chunk"/> (cleared first); false when the file is exhausted.</summary>
    bool Read(WorkforceChunk chunk, List<Rejection> rejects);

    /// <summary>Data rows read so far (valid or not).</summary>
    long RowsRead { get; }

    /// <summary>Share of the file read, 0 to 1, for the progress bar.</summary>
    double Progress { get; }
}

public static class WorkforceReader
{
    /// <summary>Opens a CSV (<c>.csv</c>, <c>;</c> or <c>,</c>) or Parquet (<c>.parquet</c>) file.</summary>
    public static IWorkforceReader Open(string path, Legislation law, bool keepIds = true)
    {
        if (!File.Exists(path)) throw new SegurException($"{path} : fichier d'effectifs introuvable");
        return Path.GetExtension(path).ToLowerInvariant() switch
        {
            ".csv" or ".txt" => new CsvWorkforceReader(path, law, keepIds),
            ".parquet" => new ParquetWorkforceReader(path, law, keepIds),
            var ext => throw new SegurException($"{path} : format « {ext} » non pris en charge ; attendu un fichier .csv ou .parquet"),
        };
    }
}

/// <summary>CSV in UTF-8 with a header of dotted schema names; the delimiter (; or ,) is detected.</summary>
public sealed class CsvWorkforceReader : IWorkforceReader
{
    private readonly FileStream _stream;
    private readonly CsvDataReader _csv;
    private readonly RowParser _parser;
    private readonly ColumnMap _map;
    private readonly string _path;
    private readonly LineGuardReader _guard;

    public CsvWorkforceReader(string path, Legislation law, bool keepIds = true)
    {
        _path = path;
        _stream = Open(path);
        _guard = new LineGuardReader(new StreamReader(new Utf8CheckingStream(_stream), Encoding.UTF8, detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16));
        try
        {
            _csv = CsvDataReader.Create(_guard, new CsvDataReaderOptions { HasHeaders = true, BufferSize = 1 << 17 });
            if (_guard.HeaderTooLong)
                throw new SegurException($"{path}, ligne 1 : en-tête trop long (plus de {LineGuardReader.MaxLine} caractères) ; attendu les noms pointés des colonnes (employeur.secteur;employeur.structure;…)");
            _parser = new RowParser(law.Vocabulary, law.Implications) { KeepIds = keepIds };
            var names = Enumerable.Range(0, _csv.FieldCount).Select(_csv.GetName).ToList();
            if (names.Count == 0 || names is [""]) throw new SegurException($"{path} : fichier vide ; attendu une ligne d'en-tête (employeur.secteur;employeur.structure;emploi.profession;…)");
            _map = _parser.MapColumns(names, path);
        }
        catch (Exception e) when (e is not SegurException)
        {
            _stream.Dispose();
            throw Translate(e, 1);
        }
        catch
        {
            _stream.Dispose();
            throw;
        }
    }

    private static FileStream Open(string path)
    {
        try
        {
            return new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new SegurException($"{path} : fichier d'effectifs illisible ({(e is UnauthorizedAccessException ? "accès refusé" : "erreur de lecture")}) ; vérifiez le chemin et les droits");
        }
    }

    /// <summary>A reading error in French: not UTF-8, bad quotes, a record too large, a file that cannot be read.</summary>
    private SegurException Translate(Exception e, long line) => e switch
    {
        NotUtf8Exception u => new SegurException($"{_path} n'est pas encodé en UTF-8 (octet 0x{u.Value:X2} ligne {u.Line}) ; enregistrez-le en UTF-8 (tableur : « CSV UTF-8 »), voir docs/simulation.md"),
        CsvMissingHeadersException => new SegurException($"{_path} : fichier vide ; attendu une ligne d'en-tête (employeur.secteur;employeur.structure;emploi.profession;…)"),
        CsvRecordTooLargeException => new SegurException($"{_path}, ligne {line} : enregistrement trop long (cellule entre guillemets de plus de {LineGuardReader.MaxLine} caractères sur plusieurs lignes ?) ; vérifiez les guillemets"),
        CsvFormatException => new SegurException($"{_path}, ligne {line} : CSV mal formé (guillemet mal placé ou non fermé) ; vérifiez les guillemets"),
        IOException or UnauthorizedAccessException => new SegurException($"{_path}, ligne {line} : lecture interrompue (erreur de lecture du fichier) ; vérifiez le fichier et le disque"),
        _ => new SegurException($"{_path}, ligne {line} : CSV illisible ; vérifiez l'encodage (UTF-8), le séparateur et les guillemets"),
    };

    public long RowsRead { get; private set; }

    public double Progress => _stream.Length == 0 ? 1 : (double)_stream.Position / _stream.Length;

    public bool Read(WorkforceChunk chunk, List<Rejection> rejects)
    {
        chunk.Clear();
        var fields = _map.Fields;
        while (!chunk.IsFull)
        {
            bool more;
            try
            {
                more = _csv.Read();
            }
            catch (Exception e) when (e is CsvFormatException or NotUtf8Exception or IOException or DecoderFallbackException)
            {
                throw Translate(e, RowsRead + 2);
            }
            if (!more) return chunk.Count > 0;
            RowsRead++;
            if (_csv.RowFieldCount > 0 && _csv.GetFieldSpan(0) is [LineGuardReader.TooLong, ..])
            {
                rejects.Add(new Rejection(RowsRead + 1, "(ligne)", "", $"ligne trop longue (plus de {LineGuardReader.MaxLine} caractères) ; attendu une ligne par travailleur, cellules de taille ordinaire"));
                continue;
            }
            var row = chunk.Begin(RowsRead + 1);
            Rejection? bad = null;
            var n = Math.Min(_csv.RowFieldCount, fields.Length);
            for (var i = 0; i < n && bad is null; i++) bad = _parser.Cell(chunk, row, fields[i], _csv.GetFieldSpan(i));
            bad ??= _parser.Finish(chunk, row);
            if (bad is null) chunk.Commit();
            else rejects.Add(bad);
        }
        return true;
    }

    public void Dispose()
    {
        _csv.Dispose();
        _stream.Dispose();
    }
}
