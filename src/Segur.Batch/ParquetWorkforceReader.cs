using System.Collections.Concurrent;
using System.Globalization;
using Parquet;
using Parquet.Schema;
using Segur.Engine;
using Segur.Engine.Law;

namespace Segur.Batch;

/// <summary>
/// Parquet with one column per dotted schema name (strings, booleans, numbers or dates). Row groups are
/// decoded column by column on a background thread, one group ahead of the thread that checks the
/// cells; the <c>id</c> column is not even decoded when no per-row output needs it.
/// </summary>
public sealed class ParquetWorkforceReader : IWorkforceReader
{
    private readonly Stream _stream;
    private readonly string _path;
    private readonly ParquetReader _reader;
    private readonly RowParser _parser;
    private readonly (DataField Data, FieldDef Field)[] _columns;
    private readonly long _total;
    private readonly bool _keepIds;
    private readonly BlockingCollection<Loaded> _loaded = new(1);
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _prefetch = Task.CompletedTask;
    private long _groupRow;
    private long _groupCount;
    private Array?[] _values = [];

    /// <summary>One decoded row group, or the error that stopped decoding.</summary>
    private sealed record Loaded(int Index, long Count, Array?[] Values, Exception? Error);

    public ParquetWorkforceReader(string path, Legislation law, bool keepIds = true)
    {
        _path = path;
        _keepIds = keepIds;
        try
        {
            _stream = ParquetGuard.Bounded(File.OpenRead(path));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new SegurException($"{path} : fichier d'effectifs illisible ({(e is UnauthorizedAccessException ? "accès refusé" : "erreur de lecture")}) ; vérifiez le chemin et les droits");
        }
        try
        {
            ParquetGuard.CheckFooter(_stream);
            _reader = ParquetReader.CreateAsync(_stream).GetAwaiter().GetResult();
            _parser = new RowParser(law.Vocabulary, law.Implications) { KeepIds = keepIds };
            var data = _reader.Schema.GetDataFields();
            var map = _parser.MapColumns(data.Select(d => d.Path.ToString()).ToList(), path);
            _columns = data.Select((d, i) => (d, map.Fields[i])).ToArray();
            _total = Enumerable.Range(0, _reader.RowGroupCount).Sum(i => _reader.OpenRowGroupReader(i).RowCount);
            _prefetch = Task.Run(Prefetch);
        }
        catch (Exception e) when (e is not SegurException)
        {
            _stream.Dispose();
            throw new SegurException($"{path} : fichier Parquet illisible : structure interne invalide (fichier tronqué, endommagé, ou qui n'est pas un Parquet) ; attendu un fichier écrit par un outil Parquet (voir docs/simulation.md)");
        }
        catch
        {
            _stream.Dispose();
            throw;
        }
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
                if (!_loaded.TryTake(out var next, Timeout.Infinite)) return chunk.Count > 0;
                if (next.Error is SegurException known) throw known;
                if (next.Error is not null)
                    throw new SegurException($"{_path} : fichier Parquet illisible : groupe de lignes n° {next.Index + 1} endommagé (à partir de la ligne {RowsRead + 1}) ; attendu un fichier écrit par un outil Parquet");
                _values = next.Values;
                _groupCount = next.Count;
                _groupRow = 0;
                continue;
            }
            RowsRead++;
            var row = chunk.Begin(RowsRead);
            Rejection? bad = null;
            for (var c = 0; c < _columns.Length && bad is null; c++)
            {
                if (_values[c] is not { } column) continue;
                var text = Cell(column, (int)_groupRow, buffer, out var present);
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

    /// <summary>Decodes the row groups in order, on its own thread (the only one touching the library's reader).</summary>
    private void Prefetch()
    {
        try
        {
            for (var index = 0; index < _reader.RowGroupCount; index++)
            {
                Loaded item;
                try
                {
                    using var group = _reader.OpenRowGroupReader(index);
                    var values = new Array?[_columns.Length];
                    for (var c = 0; c < _columns.Length; c++)
                    {
                        if (!_keepIds && _columns[c].Field.Name == "id") continue; // read by nobody: not decoded
                        values[c] = ReadColumn(group, _columns[c].Data, (int)group.RowCount);
                    }
                    item = new Loaded(index, group.RowCount, values, null);
                }
                catch (Exception e)
                {
                    item = new Loaded(index, 0, [], e);
                }
                _loaded.Add(item, _stop.Token);
                if (item.Error is not null) return;
            }
        }
        catch (OperationCanceledException)
        {
            // The run stopped before the end of the file.
        }
        finally
        {
            _loaded.CompleteAdding();
        }
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
        throw new SegurException($"colonne Parquet {field.Path} : type {TypeName(t)} non pris en charge ; attendu texte, booléen, nombre ou date");
    }

    /// <summary>A column type in words (never the runtime's type name).</summary>
    private static string TypeName(Type t) => t switch
    {
        _ when t == typeof(byte) || t == typeof(sbyte) => "entier 8 bits",
        _ when t == typeof(short) || t == typeof(ushort) => "entier 16 bits",
        _ when t == typeof(uint) || t == typeof(ulong) => "entier non signé",
        _ when t == typeof(byte[]) => "binaire",
        _ when t == typeof(TimeSpan) || t == typeof(TimeOnly) => "durée ou heure",
        _ when t == typeof(DateTimeOffset) => "horodatage avec fuseau",
        _ when t == typeof(Guid) => "identifiant UUID",
        _ => "composé ou inconnu",
    };

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
        _stop.Cancel();
        try
        {
            _prefetch.Wait();
        }
        catch (AggregateException)
        {
            // Decoding errors were handed over with the groups.
        }
        _loaded.Dispose();
        _stop.Dispose();
        _reader.DisposeAsync().AsTask().GetAwaiter().GetResult();
        _stream.Dispose();
    }
}
