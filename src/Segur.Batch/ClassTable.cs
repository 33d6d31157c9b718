using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Segur.Engine.Evaluation;
using Segur.Engine.Law;
using Segur.Engine.Time;

namespace Segur.Batch;

/// <summary>
/// The verdicts of a run, computed once per class and month. A class is the set of values of the fields that
/// can change a decision or an employer rate (<see cref="Kernel.ClassFields"/>, the engine's one definition, which the
/// API's decision cache keys on too): quotité,
/// temps partiel, entry and exit dates, share of time in eligible structures and share of pay kept only scale an
/// amount or mark months out of post, so they never split a class; they are applied per row by
/// <see cref="RowEvaluator"/>. A national workforce has millions of rows but a few thousand classes: each class is
/// evaluated by the rules kernel (<see cref="Kernel.Decide"/>, without explanation) the first time it is met.
/// Lookups hash the row's key fields in place (open addressing): no allocation per row.
/// Layout of the per-slot arrays: slot <c>(class × months + month) × families + family</c>; see also the runs of
/// identical months (<see cref="RunStart"/>).
/// </summary>
public sealed partial class ClassTable
{
    public const byte FlagUncertain = 1;
    public const byte FlagUndetermined = 2;

    private readonly Kernel _kernel;
    private readonly DateOnly? _lawAsOf;
    private readonly EmployerRates _rates;
    private readonly int[] _keyFields;
    private readonly int _width;
    private readonly int[] _probe;
    private readonly int _maxField;
    private readonly ulong[] _multipliers;
    private int[] _keys;
    private int[] _buckets;
    private int _count;
    private int _last = -1;

    public ClassTable(Legislation law, MonthRange range, DateOnly? lawAsOf = null)
    {
        Law = law;
        _kernel = new Kernel(law);
        Range = range;
        _lawAsOf = lawAsOf;
        _rates = new EmployerRates(law);
        _keyFields = _kernel.ClassFields.ToArray();
        _width = Math.Max(1, _keyFields.Length);
        _probe = new int[_width];
        _maxField = _keyFields.Length == 0 ? -1 : _keyFields[^1];
        _multipliers = [.. Enumerable.Range(0, _width).Select(i => 0x9E3779B97F4A7C15UL * (ulong)(2 * i + 1))];
        Months = range.Count;
        Families = _kernel.Families;
        K = Families.Length;
        _keys = new int[1024 * _width];
        _buckets = new int[4096];
        Array.Fill(_buckets, -1);
        Measure = new short[1024 * Months * K];
        FullCents = new long[Measure.Length];
        FullExact = new decimal[Measure.Length];
        Full100 = new double[Measure.Length];
        RatePpm = new long[Measure.Length];
        ProrationKey = new byte[Measure.Length];
        MonthFlags = new byte[1024 * Months];
        RunStart = new int[1025];
        InitRuns();
    }

    public Legislation Law { get; }
    public MonthRange Range { get; }
    public int Months { get; }
    public string[] Families { get; }

    /// <summary>The kernel that decides the classes (and prorates, on the exact path).</summary>
    public Kernel Kernel => _kernel;

    /// <summary>Number of measure families (at most one measure of each is paid a month).</summary>
    public int K { get; }

    public int Count => _count;

    /// <summary>Indices of the fields that make up a class (the only facts that can change a verdict or an employer rate).</summary>
    public ReadOnlySpan<int> KeyFields => _keyFields;

    /// <summary>Index of the measure paid in the slot, or -1.</summary>
    public short[] Measure { get; private set; }

    /// <summary>Full-time amount in cents, rounded (−1 when the amount is unknown).</summary>
    public long[] FullCents { get; private set; }

    /// <summary>Full-time amount, unrounded, for prorations.</summary>
    public decimal[] FullExact { get; private set; }

    /// <summary>Full-time amount in cents as a double (<see cref="FullExact"/> × 100), for the fast proration.</summary>
    public double[] Full100 { get; private set; }

    /// <summary>Employer contribution rate in millionths, or −1 when no sourced rate applies.</summary>
    public long[] RatePpm { get; private set; }

    /// <summary>Index in <see cref="ProrationKeys"/> of the slot's proration scheme and temps-partiel texts in force.</summary>
    public byte[] ProrationKey { get; private set; }

    /// <summary>Per class and month: <see cref="FlagUncertain"/>, <see cref="FlagUndetermined"/>.</summary>
    public byte[] MonthFlags { get; private set; }

    /// <summary>The class of a row's codes, evaluated on first sight.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public int Lookup(ReadOnlySpan<int> codes)
    {
        var fields = _keyFields;
        var n = fields.Length;
        if (codes.Length <= _maxField) throw new ArgumentException("codes d'une ligne plus courts que le vocabulaire", nameof(codes));
        // Unchecked reads: every key field is below codes.Length (checked above), every i below n.
        ref var c = ref MemoryMarshal.GetReference(codes);
        ref var f = ref MemoryMarshal.GetArrayDataReference(fields);
        // Workforce files are often sorted by employer and job: the previous row's class is a good first guess.
        if (_last >= 0)
        {
            ref var k = ref _keys[_last * _width];
            var i = 0;
            while (i < n && Unsafe.Add(ref c, Unsafe.Add(ref f, i)) == Unsafe.Add(ref k, i)) i++;
            if (i == n) return _last;
        }
        var probe = _probe; // _width ≥ n: the spare cell, when no field, stays 0
        ref var p = ref MemoryMarshal.GetArrayDataReference(probe);
        ref var m = ref MemoryMarshal.GetArrayDataReference(_multipliers);
        ulong h = 0;
        for (var i = 0; i < n; i++)
        {
            var v = Unsafe.Add(ref c, Unsafe.Add(ref f, i));
            Unsafe.Add(ref p, i) = v;
            h += (ulong)(uint)(v + 1) * Unsafe.Add(ref m, i);
        }
        return _last = Find(probe, Finish(h), codes);
    }

    private int Find(ReadOnlySpan<int> probe, int hash, ReadOnlySpan<int> codes)
    {
        var mask = _buckets.Length - 1;
        var b = hash & mask;
        while (true)
        {
            var id = _buckets[b];
            if (id < 0) break;
            if (probe.SequenceEqual(_keys.AsSpan(id * _width, _width))) return id;
            b = (b + 1) & mask;
        }
        var cls = Add(probe, codes);
        _buckets[b] = cls;
        if (_count * 2 > _buckets.Length) Rehash();
        return cls;
    }

    private int Add(ReadOnlySpan<int> probe, ReadOnlySpan<int> codes)
    {
        var cls = _count++;
        if (_count * _width > _keys.Length) Grow();
        probe.CopyTo(_keys.AsSpan(cls * _width, _width));
        var month = Range.Start;
        for (var mi = 0; mi < Months; mi++, month = month.AddMonths(1))
        {
            // The other fields of this first row are not read by the kernel (see Kernel.DecisionFields).
            var trace = new NoTrace();
            var s = _kernel.Decide(codes, -1, month, _lawAsOf, ref trace);
            MonthFlags[cls * Months + mi] = (byte)((s.Confidence != Confidence.H ? FlagUncertain : 0) | (s.Undetermined ? FlagUndetermined : 0));
            var baseSlot = (cls * Months + mi) * K;
            for (var k = 0; k < K; k++)
            {
                Measure[baseSlot + k] = -1;
                FullCents[baseSlot + k] = 0;
                FullExact[baseSlot + k] = 0m;
                Full100[baseSlot + k] = 0;
                RatePpm[baseSlot + k] = 0;
                ProrationKey[baseSlot + k] = 0;
            }
            foreach (var p in s.Paid)
            {
                var slot = baseSlot + _kernel.FamilyOf(p.MeasureIndex);
                var measure = Law.Measures[p.MeasureIndex];
                Measure[slot] = (short)p.MeasureIndex;
                FullExact[slot] = p.FullTime ?? 0m;
                FullCents[slot] = p.FullTime is { } f ? (long)(Kernel.ToCent(f) * 100m) : -1;
                Full100[slot] = p.FullTime is { } g ? (double)(g * 100m) : -1;
                RatePpm[slot] = _rates.RatePpm(codes, month, measure, _lawAsOf);
                ProrationKey[slot] = KeyOf(measure.Proration, month);
            }
        }
        AddRuns(cls);
        return cls;
    }

    private void Grow()
    {
        var capacity = _keys.Length / _width * 2;
        Array.Resize(ref _keys, capacity * _width);
        var measure = Measure;
        Array.Resize(ref measure, capacity * Months * K);
        Measure = measure;
        var fc = FullCents; Array.Resize(ref fc, measure.Length); FullCents = fc;
        var fe = FullExact; Array.Resize(ref fe, measure.Length); FullExact = fe;
        var fd = Full100; Array.Resize(ref fd, measure.Length); Full100 = fd;
        var rp = RatePpm; Array.Resize(ref rp, measure.Length); RatePpm = rp;
        var pk = ProrationKey; Array.Resize(ref pk, measure.Length); ProrationKey = pk;
        var mf = MonthFlags; Array.Resize(ref mf, capacity * Months); MonthFlags = mf;
        var rs = RunStart; Array.Resize(ref rs, capacity + 1); RunStart = rs;
    }

    private void Rehash()
    {
        _buckets = new int[_buckets.Length * 2];
        Array.Fill(_buckets, -1);
        var mask = _buckets.Length - 1;
        for (var id = 0; id < _count; id++)
        {
            var b = Hash(_keys.AsSpan(id * _width, _keyFields.Length)) & mask;
            while (_buckets[b] >= 0) b = (b + 1) & mask;
            _buckets[b] = id;
        }
    }

    /// <summary>The hash is a sum of independent products (not a chain): the processor computes the terms side by side.</summary>
    private int Hash(ReadOnlySpan<int> key)
    {
        ulong h = 0;
        for (var i = 0; i < key.Length; i++) h += (ulong)(uint)(key[i] + 1) * _multipliers[i];
        return Finish(h);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Finish(ulong h)
    {
        h ^= h >> 31;
        h *= 0xBF58476D1CE4E5B9UL;
        return (int)(h >> 33);
    }
}
