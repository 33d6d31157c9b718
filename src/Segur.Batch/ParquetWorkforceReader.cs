using Parquet;
using Segur.Engine;
using Segur.Engine.Law;

namespace Segur.Batch;

/// <summary>
/// Parquet with one column per dotted schema name (strings, booleans, numbers or dates), read by column:
/// each row group is decoded one column at a time into slots of distinct values (<see cref="ParquetColumn"/>),
/// each value checked once, then rows are assembled by copying the effects of their slots. Memory holds one
/// row group's slots, whatever the file size; the <c>id</c> column is not even decoded when no per-row
/// output needs it.
/// </summary>
public sealed class ParquetWorkforceReader : IWorkforceReader
{
    private readonly Stream _stream;
    private readonly string _path;
    private readonly ParquetReader _reader;
    private readonly RowParser _parser;
    private readonly ParquetColumn[] _columns;
    private readonly long _total;
    private const long MaxGroupRows = 1 << 28; // beyond, a damaged footer rather than a row group to allocate
    private int[] _levels = [];
    private ReadOnlyMemory<char>[] _text = [];
    private int _group = -1;
    private int _groupRow;
    private int _groupCount;

    public ParquetWorkforceReader(string path, Legislation law, bool keepIds = true)
    {
        _path = path;
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
            _columns = data.Select((d, i) => (d, f: map.Fields[i]))
                .Where(x => keepIds || x.f.Name != "id") // read by nobody: not decoded
                .Select(x => ParquetColumn.Create(path, x.d, x.f, _parser, law.Vocabulary))
                .ToArray();
            _total = Enumerable.Range(0, _reader.RowGroupCount).Sum(i => _reader.OpenRowGroupReader(i).RowCount);
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
        var columns = _columns;
        while (!chunk.IsFull)
        {
            if (_groupRow >= _groupCount)
            {
                if (!NextGroup()) return chunk.Count > 0;
                continue;
            }
            var line = ++RowsRead;
            var row = chunk.Begin(line);
            var g = _groupRow++;
            Rejection? bad = null;
            for (var c = 0; c < columns.Length; c++)
            {
                var column = columns[c];
                var slot = column.Slots[g];
                if (slot < 0) continue;
                var table = column.Table;
                if (table.CodeOnly) chunk.Codes[row * chunk.FieldCount + column.Field.Index] = table.Code(slot);
                else if (table.Apply(slot, chunk, row) is { } rejected)
                {
                    bad = rejected with { Line = line };
                    break;
                }
            }
            bad ??= _parser.Finish(chunk, row);
            if (bad is null) chunk.Commit();
            else rejects.Add(bad);
        }
        return true;
    }

    /// <summary>Decodes the next row group, column by column; false at the end of the file.</summary>
    private bool NextGroup()
    {
        while (++_group < _reader.RowGroupCount)
        {
            try
            {
                using var group = _reader.OpenRowGroupReader(_group);
                if (group.RowCount is < 0 or > MaxGroupRows) throw new InvalidDataException("nombre de lignes du groupe hors bornes");
                var rows = (int)group.RowCount;
                if (_levels.Length < rows)
                {
                    _levels = new int[rows];
                    _text = new ReadOnlyMemory<char>[rows];
                }
                foreach (var column in _columns) column.Load(group, rows, _levels, _text);
                _groupRow = 0;
                _groupCount = rows;
            }
            catch (Exception e) when (e is not SegurException)
            {
                throw new SegurException($"{_path} : fichier Parquet illisible : groupe de lignes n° {_group + 1} endommagé (à partir de la ligne {RowsRead + 1}) ; attendu un fichier écrit par un outil Parquet");
            }
            if (_groupCount > 0) return true;
        }
        return false;
    }

    public void Dispose()
    {
        _reader.DisposeAsync().AsTask().GetAwaiter().GetResult();
        _stream.Dispose();
    }
}
