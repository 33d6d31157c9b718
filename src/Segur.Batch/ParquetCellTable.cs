using Segur.Engine.Law;

namespace Segur.Batch;

/// <summary>
/// The distinct values met in one Parquet column, each checked once by <see cref="RowParser.Cell"/> on a
/// scratch row: what the value writes into a row (its code and the prorating numbers) or why it is
/// rejected. Rows then copy the effect of their value's slot instead of parsing text again. Which parts of
/// a row a field writes is learnt from the parser itself (the parts that differ from a fresh row), so the
/// parser stays the only place that knows how a cell is read.
/// </summary>
internal sealed class ParquetCellTable
{
    // The parts of a row besides the field's code, as bits of _written.
    private const int QuotiteBit = 1, PartBit = 2, FractionBit = 4, TempsPartielBit = 8, EntreeBit = 16, SortieBit = 32, DepartementBit = 64, IdBit = 128;

    private readonly RowParser _parser;
    private readonly FieldDef _field;
    private readonly WorkforceChunk _scratch;
    private readonly WorkforceChunk _fresh; // one row as WorkforceChunk.Begin leaves it: the values no cell has written
    private int _written;
    private int[] _code = new int[64];
    private Rejection?[] _reject = new Rejection?[64];
    private decimal[] _quotite = [], _part = [], _fraction = [];
    private sbyte[] _tempsPartiel = [];
    private int[] _entree = [], _sortie = [];
    private short[] _departement = [];
    private string?[] _id = [];

    public ParquetCellTable(RowParser parser, FieldDef field, Vocabulary vocabulary)
    {
        _parser = parser;
        _field = field;
        _scratch = new WorkforceChunk(vocabulary, 1);
        _fresh = new WorkforceChunk(vocabulary, 1);
        _fresh.Begin(0);
    }

    /// <summary>Distinct values held.</summary>
    public int Count { get; private set; }

    /// <summary>True while every value held is valid and writes only the field's code (see <see cref="Code"/>).</summary>
    public bool CodeOnly { get; private set; } = true;

    /// <summary>The code a valid value writes, for a table that is <see cref="CodeOnly"/>.</summary>
    public int Code(int slot) => _code[slot];

    /// <summary>Forgets every value (the slots handed out so far become invalid).</summary>
    public void Clear()
    {
        Count = 0;
        CodeOnly = _written == 0;
        Array.Clear(_id);
        Array.Clear(_reject);
    }

    /// <summary>Checks one value and keeps its effect; returns its slot.</summary>
    public int Add(ReadOnlySpan<char> text)
    {
        var s = Count;
        if (s == _code.Length) Grow(s * 2);
        var row = _scratch.Begin(0);
        _reject[s] = _parser.Cell(_scratch, row, _field, text);
        _code[s] = _scratch.RowCodes(row)[_field.Index];
        // A part of the row that this value changed joins the parts copied for every value of the field.
        if (_scratch.Quotite[row] != _fresh.Quotite[0]) Learn(QuotiteBit);
        if (_scratch.Part[row] != _fresh.Part[0]) Learn(PartBit);
        if (_scratch.Fraction[row] != _fresh.Fraction[0]) Learn(FractionBit);
        if (_scratch.TempsPartiel[row] != _fresh.TempsPartiel[0]) Learn(TempsPartielBit);
        if (_scratch.Entree[row] != _fresh.Entree[0]) Learn(EntreeBit);
        if (_scratch.Sortie[row] != _fresh.Sortie[0]) Learn(SortieBit);
        if (_scratch.Departement[row] != _fresh.Departement[0]) Learn(DepartementBit);
        if (_scratch.Id[row] != _fresh.Id[0]) Learn(IdBit);
        if ((_written & QuotiteBit) != 0) _quotite[s] = _scratch.Quotite[row];
        if ((_written & PartBit) != 0) _part[s] = _scratch.Part[row];
        if ((_written & FractionBit) != 0) _fraction[s] = _scratch.Fraction[row];
        if ((_written & TempsPartielBit) != 0) _tempsPartiel[s] = _scratch.TempsPartiel[row];
        if ((_written & EntreeBit) != 0) _entree[s] = _scratch.Entree[row];
        if ((_written & SortieBit) != 0) _sortie[s] = _scratch.Sortie[row];
        if ((_written & DepartementBit) != 0) _departement[s] = _scratch.Departement[row];
        if ((_written & IdBit) != 0) _id[s] = _scratch.Id[row];
        _scratch.Clear();
        if (_written != 0 || _reject[s] is not null) CodeOnly = false;
        Count++;
        return s;
    }

    /// <summary>Writes the effect of <paramref name="slot"/> into <paramref name="row"/>; returns its rejection (line to set), or null.</summary>
    public Rejection? Apply(int slot, WorkforceChunk chunk, int row)
    {
        if (_reject[slot] is { } bad) return bad;
        chunk.Codes[row * chunk.FieldCount + _field.Index] = _code[slot];
        var w = _written;
        if (w == 0) return null;
        if ((w & QuotiteBit) != 0) chunk.Quotite[row] = _quotite[slot];
        if ((w & PartBit) != 0) chunk.Part[row] = _part[slot];
        if ((w & FractionBit) != 0) chunk.Fraction[row] = _fraction[slot];
        if ((w & TempsPartielBit) != 0) chunk.TempsPartiel[row] = _tempsPartiel[slot];
        if ((w & EntreeBit) != 0) chunk.Entree[row] = _entree[slot];
        if ((w & SortieBit) != 0) chunk.Sortie[row] = _sortie[slot];
        if ((w & DepartementBit) != 0) chunk.Departement[row] = _departement[slot];
        if ((w & IdBit) != 0) chunk.Id[row] = _id[slot];
        return null;
    }

    // First time the field writes this part: its array starts with a fresh row's value (WorkforceChunk.Begin) for the earlier slots.
    private void Learn(int bit)
    {
        if ((_written & bit) != 0) return;
        _written |= bit;
        var n = _code.Length;
        switch (bit)
        {
            case QuotiteBit: _quotite = Filled(n, _fresh.Quotite[0]); break;
            case PartBit: _part = Filled(n, _fresh.Part[0]); break;
            case FractionBit: _fraction = Filled(n, _fresh.Fraction[0]); break;
            case TempsPartielBit: _tempsPartiel = Filled(n, _fresh.TempsPartiel[0]); break;
            case EntreeBit: _entree = Filled(n, _fresh.Entree[0]); break;
            case SortieBit: _sortie = Filled(n, _fresh.Sortie[0]); break;
            case DepartementBit: _departement = Filled(n, _fresh.Departement[0]); break;
            default: _id = Filled(n, _fresh.Id[0]); break;
        }
    }

    private static T[] Filled<T>(int n, T value)
    {
        var a = new T[n];
        a.AsSpan().Fill(value);
        return a;
    }

    private void Grow(int n)
    {
        Array.Resize(ref _code, n);
        Array.Resize(ref _reject, n);
        if ((_written & QuotiteBit) != 0) Array.Resize(ref _quotite, n);
        if ((_written & PartBit) != 0) Array.Resize(ref _part, n);
        if ((_written & FractionBit) != 0) Array.Resize(ref _fraction, n);
        if ((_written & TempsPartielBit) != 0) Array.Resize(ref _tempsPartiel, n);
        if ((_written & EntreeBit) != 0) Array.Resize(ref _entree, n);
        if ((_written & SortieBit) != 0) Array.Resize(ref _sortie, n);
        if ((_written & DepartementBit) != 0) Array.Resize(ref _departement, n);
        if ((_written & IdBit) != 0) Array.Resize(ref _id, n);
    }
}
