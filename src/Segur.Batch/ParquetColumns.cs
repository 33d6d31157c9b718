using System.Globalization;
using Parquet;
using Parquet.Schema;
using Segur.Engine;
using Segur.Engine.Law;

namespace Segur.Batch;

/// <summary>
/// One input column of a Parquet workforce file. <see cref="Load"/> decodes the column of one row group
/// (typed, no boxing) into <see cref="Slots"/>: for each row, the slot of its value in the column's
/// <see cref="ParquetCellTable"/>, or -1 for a null cell. A value is checked once, when first met; a
/// dictionary-encoded text column is looked up once per dictionary entry and row group (the library hands
/// every cell of an entry the same characters), other cells by their text or value.
/// </summary>
internal abstract class ParquetColumn(DataField data, FieldDef field, ParquetCellTable table)
{
    /// <summary>Distinct values kept from one row group to the next, beyond which the table starts afresh.</summary>
    protected const int Kept = 65_536;

    public DataField Data { get; } = data;
    public FieldDef Field { get; } = field;
    public ParquetCellTable Table { get; } = table;
    public int[] Slots { get; private set; } = [];

    /// <summary>Values are nearly all different (an id): they are checked one by one, without a lookup.</summary>
    protected bool Unique { get; set; }

    /// <summary>The column for <paramref name="data"/>, or a French error for a type that is not supported.</summary>
    public static ParquetColumn Create(string path, DataField data, FieldDef field, RowParser parser, Vocabulary vocabulary)
    {
        if (data.MaxRepetitionLevel > 0)
            throw new SegurException($"{path} : colonne Parquet {data.Path} : liste de valeurs non prise en charge ; attendu une valeur par ligne (texte, booléen, nombre ou date)");
        var table = new ParquetCellTable(parser, field, vocabulary);
        var t = data.ClrType;
        if (t == typeof(string) || t == typeof(ReadOnlyMemory<char>)) return new TextColumn(data, field, table);
        if (t == typeof(bool)) return new ValueColumn<bool>(data, field, table, (v, b) => Copy(v ? "true" : "false", b));
        if (t == typeof(int)) return new ValueColumn<int>(data, field, table, Format);
        if (t == typeof(long)) return new ValueColumn<long>(data, field, table, Format);
        if (t == typeof(double)) return new ValueColumn<double>(data, field, table, Format);
        if (t == typeof(float)) return new ValueColumn<float>(data, field, table, Format);
        if (t == typeof(decimal)) return new ValueColumn<decimal>(data, field, table, Format);
        if (t == typeof(DateOnly)) return new ValueColumn<DateOnly>(data, field, table, (v, b) => v.TryFormat(b, out var n, "yyyy-MM-dd", CultureInfo.InvariantCulture) ? n : 0);
        if (t == typeof(DateTime)) return new ValueColumn<DateTime>(data, field, table, (v, b) => v.TryFormat(b, out var n, "yyyy-MM-dd", CultureInfo.InvariantCulture) ? n : 0);
        throw new SegurException($"{path} : colonne Parquet {data.Path} : type {TypeName(t)} non pris en charge ; attendu texte, booléen, nombre ou date");
    }

    /// <summary>Decodes this column of <paramref name="group"/> into <see cref="Slots"/>; <paramref name="levels"/> and
    /// <paramref name="text"/> are scratch buffers of at least <paramref name="rows"/> items, shared by the columns.</summary>
    public void Load(ParquetRowGroupReader group, int rows, int[] levels, ReadOnlyMemory<char>[] text)
    {
        // A column chunk holds one value per row; anything else is a damaged file, not a buffer to overrun.
        if (group.GetMetadata(Data)?.MetaData is not { } meta || meta.NumValues != rows)
            throw new InvalidDataException("nombre de valeurs de la colonne différent du nombre de lignes");
        if (Slots.Length < rows) Slots = new int[rows];
        if (Unique || Table.Count > Kept) Forget();
        var dictionary = meta.Encodings?.Any(e => e is Parquet.Meta.Encoding.PLAIN_DICTIONARY or Parquet.Meta.Encoding.RLE_DICTIONARY) == true;
        var added = Decode(group, rows, levels, text, dictionary);
        if (rows >= 1024 && added > rows / 2) Unique = true;
    }

    /// <summary>Decodes the values and fills the slots; returns how many new values were checked.</summary>
    protected abstract int Decode(ParquetRowGroupReader group, int rows, int[] levels, ReadOnlyMemory<char>[] text, bool dictionary);

    /// <summary>Drops the distinct values (and whatever lookup leads to them).</summary>
    protected virtual void Forget() => Table.Clear();

    /// <summary>Definition levels of the group, or null for a column that cannot be null.</summary>
    protected Memory<int>? Levels(int[] levels, int rows) => Data.MaxDefinitionLevel > 0 ? levels.AsMemory(0, rows) : null;

    private static int Copy(string s, Span<char> b)
    {
        s.CopyTo(b);
        return s.Length;
    }

    private static int Format<T>(T v, Span<char> b) where T : ISpanFormattable =>
        v.TryFormat(b, out var n, default, CultureInfo.InvariantCulture) ? n : 0;

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
}

/// <summary>A text column, read as characters the library owns (no string per cell).</summary>
internal sealed class TextColumn : ParquetColumn
{
    private readonly Dictionary<string, int> _byText = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _lookup;
    private readonly Dictionary<ReadOnlyMemory<char>, int> _byEntry = []; // same characters, same slot: one look-up per dictionary entry
    public TextColumn(DataField data, FieldDef field, ParquetCellTable table) : base(data, field, table) =>
        _lookup = _byText.GetAlternateLookup<ReadOnlySpan<char>>();

    protected override void Forget()
    {
        base.Forget();
        _byText.Clear();
    }

    protected override int Decode(ParquetRowGroupReader group, int rows, int[] levels, ReadOnlyMemory<char>[] text, bool dictionary)
    {
        group.ReadRawAsync(Data, text.AsMemory(0, rows), Levels(levels, rows), null).AsTask().GetAwaiter().GetResult();
        var slots = Slots;
        var max = Data.MaxDefinitionLevel;
        var byEntry = dictionary && !Unique;
        _byEntry.Clear();
        ReadOnlyMemory<char> last = default;
        int lastSlot = -1, added = 0, k = 0;
        for (var r = 0; r < rows; r++)
        {
            if (max > 0 && levels[r] < max)
            {
                slots[r] = -1;
                continue;
            }
            var v = text[k++];
            int s;
            if (lastSlot >= 0 && v.Equals(last)) s = lastSlot;
            else if (Unique) s = Table.Add(v.Span);
            else if (!byEntry || !_byEntry.TryGetValue(v, out s))
            {
                if (!_lookup.TryGetValue(v.Span, out s))
                {
                    s = Table.Add(v.Span);
                    _lookup.TryAdd(v.Span, s);
                    added++;
                }
                if (byEntry && _byEntry.Count < 4096) _byEntry[v] = s;
            }
            slots[r] = lastSlot = s;
            last = v;
        }
        Array.Clear(text, 0, k); // the library's characters are not kept past the group
        _byEntry.Clear();
        return Unique ? rows : added;
    }
}

/// <summary>A boolean, number or date column, read as typed values.</summary>
internal sealed class ValueColumn<T>(DataField data, FieldDef field, ParquetCellTable table, Func<T, Span<char>, int> format)
    : ParquetColumn(data, field, table) where T : struct, IEquatable<T>
{
    private readonly Dictionary<T, int> _byValue = [];
    private T[] _values = [];

    protected override void Forget()
    {
        base.Forget();
        _byValue.Clear();
    }

    protected override int Decode(ParquetRowGroupReader group, int rows, int[] levels, ReadOnlyMemory<char>[] text, bool dictionary)
    {
        if (_values.Length < rows) _values = new T[rows];
        group.ReadRawAsync(Data, _values.AsMemory(0, rows), Levels(levels, rows), null).AsTask().GetAwaiter().GetResult();
        var slots = Slots;
        var max = Data.MaxDefinitionLevel;
        Span<char> chars = stackalloc char[64];
        T last = default;
        int lastSlot = -1, added = 0, k = 0;
        for (var r = 0; r < rows; r++)
        {
            if (max > 0 && levels[r] < max)
            {
                slots[r] = -1;
                continue;
            }
            var v = _values[k++];
            int s;
            if (lastSlot >= 0 && v.Equals(last)) s = lastSlot;
            else if (Unique || !_byValue.TryGetValue(v, out s))
            {
                s = Table.Add(chars[..format(v, chars)]);
                if (!Unique) _byValue[v] = s;
                added++;
            }
            slots[r] = lastSlot = s;
            last = v;
        }
        return added;
    }
}
