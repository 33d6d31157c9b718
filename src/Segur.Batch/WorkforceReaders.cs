using System.Globalization;
using Parquet;
using Parquet.Schema;
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

    public CsvWorkforceReader(string path, Legislation law, bool keepIds = true)
    {
        _path = path;
        _stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        var text = new StreamReader(_stream, System.Text.Encoding.UTF8, detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16);
        try
        {
            _csv = CsvDataReader.Create(text, new CsvDataReaderOptions { HasHeaders = true, BufferSize = 1 << 17 });
        }
        catch (CsvFormatException e)
        {
            _stream.Dispose();
            throw new SegurException($"{path}, ligne {e.RowNumber} : CSV mal formé ({e.Message})");
        }
        _parser = new RowParser(law.Vocabulary, law.Implications) { KeepIds = keepIds };
        var names = Enumerable.Range(0, _csv.FieldCount).Select(_csv.GetName).ToList();
        if (names.Count == 0) throw new SegurException($"{path} : fichier vide ; attendu une ligne d'en-tête (employeur.secteur;employeur.structure;emploi.profession;…)");
        _map = _parser.MapColumns(names, path);
    }

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
            catch (CsvFormatException e)
            {
                throw new SegurException($"{_path}, ligne {RowsRead + 2} : CSV mal formé ({e.Message}) ; vérifiez les guillemets");
            }
            if (!more) return chunk.Count > 0;
            RowsRead++;
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

/// <summary>Parquet with one column per dotted schema name (strings, booleans, numbers or dates).</summary>
public sealed class ParquetWorkforceReader : IWorkforceReader
{
    private readonly FileStream _stream;
    private readonly ParquetReader _reader;
    private readonly RowParser _parser;
    private readonly (DataField Data, FieldDef Field)[] _columns;
    private readonly long _total;
    private int _group;
    private long _groupRow;
    private long _groupCount;
    private Array[] _values = [];

    public ParquetWorkforceReader(string path, Legislation law, bool keepIds = true)
    {
        _stream = File.OpenRead(path);
        try
        {
            _reader = ParquetReader.CreateAsync(_stream).GetAwaiter().GetResult();
        }
        catch (Exception e) when (e is IOException or InvalidDataException or NotSupportedException or ArgumentException or InvalidOperationException)
        {
            _stream.Dispose();
            throw new SegurException($"{path} : fichier Parquet illisible ({e.Message})");
        }
        _parser = new RowParser(law.Vocabulary, law.Implications) { KeepIds = keepIds };
        var data = _reader.Schema.GetDataFields();
        var map = _parser.MapColumns(data.Select(d => d.Path.ToString()).ToList(), path);
        _columns = data.Select((d, i) => (d, map.Fields[i])).ToArray();
        _total = Enumerable.Range(0, _reader.RowGroupCount).Sum(i => _reader.OpenRowGroupReader(i).RowCount);
    }

    public long RowsRead { get; private set; }

    public double Progress => _total == 0 ? 1 : (double)RowsRead / _total;

    public bool Read(WorkforceChunk chunk, List<Rejection> rejects)
    {
        chunk.Clear();
        Span<char> buffer = stackalloc char[64];
        while (!chunk.IsFull)
        {
            if (_groupRow >= _groupCount)
            {
                if (_group >= _reader.RowGroupCount) return chunk.Count > 0;
                LoadGroup(_group++);
                continue;
            }
            RowsRead++;
            var row = chunk.Begin(RowsRead);
            Rejection? bad = null;
            for (var c = 0; c < _columns.Length && bad is null; c++)
            {
                var text = Cell(_values[c], (int)_groupRow, buffer, out var present);
                if (!present) continue;
                bad = _parser.Cell(chunk, row, _columns[c].Field, text);
            }
            _groupRow++;
            bad ??= _parser.Finish(chunk, row);
            if (bad is null) chunk.Commit();
            else rejects.Add(bad);
        }
        return true;
    }

    private void LoadGroup(int index)
    {
        using var group = _reader.OpenRowGroupReader(index);
        _groupCount = group.RowCount;
        _groupRow = 0;
        _values = new Array[_columns.Length];
        for (var c = 0; c < _columns.Length; c++) _values[c] = ReadColumn(group, _columns[c].Data, (int)group.RowCount);
    }

    // Columns stay typed (no boxing): text columns as strings, others as nullable values.
    private static Array ReadColumn(ParquetRowGroupReader group, DataField field, int n)
    {
        Array Read<T>() where T : struct
        {
            var a = new T?[n];
            group.ReadAsync(field, a.AsMemory()).AsTask().GetAwaiter().GetResult();
            return a;
        }
        var t = field.ClrType;
        if (t == typeof(string) || t == typeof(ReadOnlyMemory<char>))
        {
            var a = new string?[n];
            group.ReadAsync(field, a.AsMemory()).AsTask().GetAwaiter().GetResult();
            return a;
        }
        if (t == typeof(bool)) return Read<bool>();
        if (t == typeof(int)) return Read<int>();
        if (t == typeof(long)) return Read<long>();
        if (t == typeof(double)) return Read<double>();
        if (t == typeof(float)) return Read<float>();
        if (t == typeof(decimal)) return Read<decimal>();
        if (t == typeof(DateOnly)) return Read<DateOnly>();
        if (t == typeof(DateTime)) return Read<DateTime>();
        throw new SegurException($"colonne Parquet {field.Path} : type {t.Name} non pris en charge ; attendu texte, booléen, nombre ou date");
    }

    private static ReadOnlySpan<char> Cell(Array column, int i, Span<char> buffer, out bool present)
    {
        present = true;
        int written;
        switch (column)
        {
            case string?[] s:
                present = s[i] is not null;
                return s[i];
            case bool?[] b:
                present = b[i].HasValue;
                return b[i] == true ? "true" : "false";
            case DateOnly?[] d:
                present = d[i].HasValue;
                if (!present) return default;
                d[i]!.Value.TryFormat(buffer, out written, "yyyy-MM-dd", CultureInfo.InvariantCulture);
                return buffer[..written];
            case DateTime?[] dt:
                present = dt[i].HasValue;
                if (!present) return default;
                dt[i]!.Value.TryFormat(buffer, out written, "yyyy-MM-dd", CultureInfo.InvariantCulture);
                return buffer[..written];
            case int?[] x: return Format(x[i], buffer, out present);
            case long?[] x: return Format(x[i], buffer, out present);
            case double?[] x: return Format(x[i], buffer, out present);
            case float?[] x: return Format(x[i], buffer, out present);
            case decimal?[] x: return Format(x[i], buffer, out present);
            default: throw new InvalidOperationException("type de colonne inattendu");
        }
    }

    private static ReadOnlySpan<char> Format<T>(T? value, Span<char> buffer, out bool present) where T : struct, ISpanFormattable
    {
        present = value.HasValue;
        if (!present) return default;
        value!.Value.TryFormat(buffer, out var written, default, CultureInfo.InvariantCulture);
        return buffer[..written];
    }

    public void Dispose()
    {
        _reader.DisposeAsync().AsTask().GetAwaiter().GetResult();
        _stream.Dispose();
    }
}
