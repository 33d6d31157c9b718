using Parquet;
using Parquet.Schema;

namespace Segur.Batch;

/// <summary>
/// Per-row results as Parquet: one typed buffer per column, written as a row group every
/// <see cref="GroupRows"/> rows and at the end of each block (<see cref="ResultWriter.Flush"/>). Amounts are exact decimals
/// (18 digits, 2 decimals, stored as 64-bit integers); the period and measure columns take few values
/// and are dictionary-encoded, the id column plain.
/// </summary>
public sealed class ParquetResultWriter : ResultWriter
{
    /// <summary>
    /// Rows per row group at most. Small groups cost nothing in speed here and keep memory flat: the library
    /// rents its column buffers from the shared array pools, which keep them (about 60 MB retained with
    /// 65 536-row groups, 15 MB with 16 384).
    /// </summary>
    public const int GroupRows = 16_384;

    private readonly ParquetWriter _writer;
    private readonly DataField<long> _lineField = new("ligne");
    private readonly DataField<string> _idField = new("id");
    private readonly DataField<string> _periodField;
    private readonly DataField<int> _paidField = new("mois_payes");
    private readonly DataField<string> _measuresField = new("mesures");
    private readonly DecimalDataField _grossField = Money("montant_brut");
    private readonly DataField<bool> _uncertainField = new("incertain");
    private readonly DataField<string> _reformMeasuresField = new("mesures_reforme");
    private readonly DecimalDataField _reformGrossField = Money("montant_brut_reforme");
    private readonly DecimalDataField _differenceField = Money("difference");
    private readonly DecimalDataField _arrearsField = Money("rappels");
    private readonly DataField<bool> _unknownField = new("montant_inconnu");

    private readonly long[] _line = new long[GroupRows];
    private readonly string?[] _id = new string?[GroupRows];
    private readonly string?[] _period = new string?[GroupRows];
    private readonly int[] _paid = new int[GroupRows];
    private readonly string?[] _measures = new string?[GroupRows];
    private readonly decimal[] _gross = new decimal[GroupRows];
    private readonly bool[] _uncertain = new bool[GroupRows];
    private readonly string?[] _reformMeasures;
    private readonly decimal[] _reformGross;
    private readonly decimal[] _difference;
    private readonly decimal[] _arrears;
    private readonly bool[] _unknown = new bool[GroupRows];
    private int _count;

    public ParquetResultWriter(string path, bool scenario, bool perMonth) : base(path, scenario)
    {
        _periodField = new DataField<string>(perMonth ? "mois" : "periode");
        var fields = new List<Field> { _lineField, _idField, _periodField, _paidField, _measuresField, _grossField, _uncertainField };
        if (scenario) fields.AddRange([_reformMeasuresField, _reformGrossField, _differenceField, _arrearsField]);
        fields.Add(_unknownField);
        var n = scenario ? GroupRows : 0;
        _reformMeasures = new string?[n];
        _reformGross = new decimal[n];
        _difference = new decimal[n];
        _arrears = new decimal[n];
        // The library keeps freed page buffers for reuse (16 + 64 MB by default): a few pages are enough.
        var options = new ParquetOptions { MaximumSmallPoolFreeBytes = 4 << 20, MaximumLargePoolFreeBytes = 8 << 20 };
        foreach (var f in new[] { _periodField, _measuresField, _reformMeasuresField }) options.ColumnEncodingHints[f.Path.ToString()] = EncodingHint.Dictionary;
        _writer = ParquetWriter.CreateAsync(new ParquetSchema(fields), File.Stream, options).GetAwaiter().GetResult();
    }

    private static DecimalDataField Money(string name) => new(name, 18, 2);

    public override void Write(in ResultRecord r)
    {
        var i = _count;
        _line[i] = r.Line;
        _id[i] = r.Id;
        _period[i] = r.Period;
        _paid[i] = r.PaidMonths;
        _measures[i] = r.Measures;
        _gross[i] = r.Gross;
        _uncertain[i] = r.Uncertain;
        _unknown[i] = r.AmountUnknown;
        if (Scenario)
        {
            _reformMeasures[i] = r.ReformMeasures;
            _reformGross[i] = r.ReformGross;
            _difference[i] = r.Difference;
            _arrears[i] = r.Arrears;
        }
        if (++_count == GroupRows) Flush();
    }

    public override void Flush()
    {
        var n = _count;
        if (n == 0) return;
        using (var g = _writer.CreateRowGroup())
        {
            Wait(g.WriteAsync(_lineField, new ReadOnlyMemory<long>(_line, 0, n)));
            Wait(g.WriteAsync(_idField, new ArraySegment<string?>(_id, 0, n)));
            Wait(g.WriteAsync(_periodField, new ArraySegment<string?>(_period, 0, n)));
            Wait(g.WriteAsync(_paidField, new ReadOnlyMemory<int>(_paid, 0, n)));
            Wait(g.WriteAsync(_measuresField, new ArraySegment<string?>(_measures, 0, n)));
            Wait(g.WriteAsync(_grossField, new ReadOnlyMemory<decimal>(_gross, 0, n)));
            Wait(g.WriteAsync(_uncertainField, new ReadOnlyMemory<bool>(_uncertain, 0, n)));
            if (Scenario)
            {
                Wait(g.WriteAsync(_reformMeasuresField, new ArraySegment<string?>(_reformMeasures, 0, n)));
                Wait(g.WriteAsync(_reformGrossField, new ReadOnlyMemory<decimal>(_reformGross, 0, n)));
                Wait(g.WriteAsync(_differenceField, new ReadOnlyMemory<decimal>(_difference, 0, n)));
                Wait(g.WriteAsync(_arrearsField, new ReadOnlyMemory<decimal>(_arrears, 0, n)));
            }
            Wait(g.WriteAsync(_unknownField, new ReadOnlyMemory<bool>(_unknown, 0, n)));
        }
        Array.Clear(_id, 0, n); // no worker's id kept past its row group
        _count = 0;
    }

    private static void Wait(Task t) => t.GetAwaiter().GetResult();

    public override void Commit()
    {
        Flush();
        _writer.DisposeAsync().AsTask().GetAwaiter().GetResult();
        base.Commit();
    }
}
