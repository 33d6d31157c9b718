using System.Runtime.InteropServices;
using Segur.Engine.Evaluation;
using Segur.Engine.Law;
using Segur.Engine.Time;

namespace Segur.Batch;

/// <summary>
/// The verdicts of a run, computed once per distinct set of coded facts ("class") and month. A national
/// workforce has millions of rows but a few thousand classes: each class is evaluated by the rules
/// kernel (<see cref="Kernel.Decide"/>, without explanation) the first time it is met, and rows then only look up their
/// class and prorate. Lookups hash the row's codes in place (open addressing): no allocation per row.
/// Layout: slot <c>(class × months + month) × families + family</c>.
/// </summary>
public sealed class ClassTable
{
    public const byte FlagUncertain = 1;
    public const byte FlagUndetermined = 2;

    private readonly Kernel _kernel;
    private readonly DateOnly? _lawAsOf;
    private readonly EmployerRates _rates;
    private readonly int _fields;
    private int[] _keys;
    private int[] _buckets;
    private int _count;

    public ClassTable(Legislation law, MonthRange range, DateOnly? lawAsOf = null)
    {
        Law = law;
        _kernel = new Kernel(law);
        Range = range;
        _lawAsOf = lawAsOf;
        _rates = new EmployerRates(law);
        _fields = law.Vocabulary.Fields.Count;
        Months = range.Count;
        Families = _kernel.Families;
        K = Families.Length;
        _keys = new int[1024 * _fields];
        _buckets = new int[4096];
        Array.Fill(_buckets, -1);
        Measure = new short[1024 * Months * K];
        FullCents = new long[Measure.Length];
        FullExact = new decimal[Measure.Length];
        RatePpm = new long[Measure.Length];
        MonthFlags = new byte[1024 * Months];
    }

    public Legislation Law { get; }
    public MonthRange Range { get; }
    public int Months { get; }
    public string[] Families { get; }

    /// <summary>Number of measure families (at most one measure of each is paid a month).</summary>
    public int K { get; }

    public int Count => _count;

    /// <summary>Index of the measure paid in the slot, or -1.</summary>
    public short[] Measure { get; private set; }

    /// <summary>Full-time amount in cents, rounded (−1 when the amount is unknown).</summary>
    public long[] FullCents { get; private set; }

    /// <summary>Full-time amount, unrounded, for prorations.</summary>
    public decimal[] FullExact { get; private set; }

    /// <summary>Employer contribution rate in millionths, or −1 when no sourced rate applies.</summary>
    public long[] RatePpm { get; private set; }

    /// <summary>Per class and month: <see cref="FlagUncertain"/>, <see cref="FlagUndetermined"/>.</summary>
    public byte[] MonthFlags { get; private set; }

    /// <summary>The class of a row's codes, evaluated on first sight.</summary>
    public int Lookup(ReadOnlySpan<int> codes)
    {
        // Workforce files are often sorted by employer and job: the previous row's class is a good first guess.
        if (_last >= 0 && codes.SequenceEqual(_keys.AsSpan(_last * _fields, _fields))) return _last;
        return _last = Find(codes);
    }

    private int _last = -1;

    private int Find(ReadOnlySpan<int> codes)
    {
        var hash = Hash(codes);
        var mask = _buckets.Length - 1;
        var b = hash & mask;
        while (true)
        {
            var id = _buckets[b];
            if (id < 0) break;
            if (codes.SequenceEqual(_keys.AsSpan(id * _fields, _fields))) return id;
            b = (b + 1) & mask;
        }
        var cls = Add(codes);
        _buckets[b] = cls;
        if (_count * 2 > _buckets.Length) Rehash();
        return cls;
    }

    private int Add(ReadOnlySpan<int> codes)
    {
        var cls = _count++;
        if (_count * _fields > _keys.Length) Grow();
        codes.CopyTo(_keys.AsSpan(cls * _fields, _fields));
        var month = Range.Start;
        for (var mi = 0; mi < Months; mi++, month = month.AddMonths(1))
        {
            var trace = new NoTrace();
            var s = _kernel.Decide(codes, -1, month, _lawAsOf, ref trace);
            MonthFlags[cls * Months + mi] = (byte)((s.Confidence != Confidence.H ? FlagUncertain : 0) | (s.Undetermined ? FlagUndetermined : 0));
            var baseSlot = (cls * Months + mi) * K;
            for (var k = 0; k < K; k++) Measure[baseSlot + k] = -1;
            foreach (var p in s.Paid)
            {
                var k = _kernel.FamilyOf(p.MeasureIndex);
                var slot = baseSlot + k;
                Measure[slot] = (short)p.MeasureIndex;
                FullExact[slot] = p.FullTime ?? 0m;
                FullCents[slot] = p.FullTime is { } f ? (long)(Kernel.ToCent(f) * 100m) : -1;
                RatePpm[slot] = _rates.RatePpm(codes, month, Law.Measures[p.MeasureIndex]);
            }
        }
        return cls;
    }

    private void Grow()
    {
        var capacity = _keys.Length / _fields * 2;
        Array.Resize(ref _keys, capacity * _fields);
        var measure = Measure;
        Array.Resize(ref measure, capacity * Months * K);
        Measure = measure;
        var fc = FullCents; Array.Resize(ref fc, measure.Length); FullCents = fc;
        var fe = FullExact; Array.Resize(ref fe, measure.Length); FullExact = fe;
        var rp = RatePpm; Array.Resize(ref rp, measure.Length); RatePpm = rp;
        var mf = MonthFlags; Array.Resize(ref mf, capacity * Months); MonthFlags = mf;
    }

    private void Rehash()
    {
        _buckets = new int[_buckets.Length * 2];
        Array.Fill(_buckets, -1);
        var mask = _buckets.Length - 1;
        for (var id = 0; id < _count; id++)
        {
            var b = Hash(_keys.AsSpan(id * _fields, _fields)) & mask;
            while (_buckets[b] >= 0) b = (b + 1) & mask;
            _buckets[b] = id;
        }
    }

    private static int Hash(ReadOnlySpan<int> codes)
    {
        var h = new HashCode();
        h.AddBytes(MemoryMarshal.AsBytes(codes));
        return h.ToHashCode() & int.MaxValue;
    }
}
