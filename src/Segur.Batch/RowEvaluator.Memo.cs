using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Segur.Batch;

/// <summary>
/// The memo of whole rows. A row in post for the whole run (no entry or exit date inside it), with no shared post
/// and full pay kept, has results that depend only on its class, its quotité and its temps partiel: rows that share
/// the three (a workforce holds millions of rows, but a few thousand classes and a few dozen quotités) get the
/// results computed for the first one, copied, not recomputed. The key holds the quotité's exact decimal bits, so a
/// hit is the very same computation. One entry is one cache line (64 bytes: key and totals; with one measure and
/// one year paid, the usual case, the sums by measure and by year are the totals; the rest go to a side pool), so
/// that a hit costs about one memory read even when quotités are drawn at random. The memo is bounded (<see cref="MaxEntries"/>, about 10 MB, then started afresh).
/// </summary>
public sealed partial class RowEvaluator
{
    /// <summary>Bound on the remembered rows.</summary>
    internal const int MaxEntries = 1 << 16;

    private const byte EmployerUnknownFlag = 1, AmountUnknownFlag = 2, UncertainFlag = 4, UndeterminedFlag = 8;

    /// <summary>A remembered row: its key (class, temps partiel, quotité) and its results.</summary>
    [StructLayout(LayoutKind.Sequential)]
    private struct Entry
    {
        public ulong Quotite;
        public int Class;
        public sbyte TempsPartiel;
        public byte Flags;
        public ushort PaidMonths;
        public long TotalCents, EmployerCents;
        public double Fte;
        public ulong MeasureMask;
        /// <summary>
        /// Where the pool holds, in this order, what the entry does not: the masks of unknown amounts (one slot, when
        /// an amount is unknown), the sums of each measure (when more than one: with one, they are the totals) and
        /// of each year (when more than one).
        /// </summary>
        public int PoolStart;
        /// <summary>The one year paid (its sums are the totals), or −1 when <see cref="YearCount"/> years are in the pool.</summary>
        public int Year;
        public int PieceStart;
        public ushort PieceCount, YearCount;
    }

    private readonly int _firstDay, _afterLastDay;
    private Entry[] _memo = new Entry[512];
    private int[] _memoBuckets = NewBuckets(1024);
    private int _memoCount;
    private long[] _poolCents = new long[256], _poolEmployer = new long[256];
    private double[] _poolFte = new double[256];
    private int[] _poolYear = new int[256];
    private Piece[] _poolPieces = new Piece[1024];
    private int _poolUsed, _piecesUsed;

    /// <summary>Rows whose results came from the memo.</summary>
    public long MemoHits { get; private set; }

    private static int[] NewBuckets(int n)
    {
        var b = new int[n];
        Array.Fill(b, -1);
        return b;
    }

    /// <summary>
    /// The row's memo key (≠ 0 with <paramref name="quotite"/> its packed quotité), or false when its results depend
    /// on more than its class, quotité and temps partiel: an entry or exit date inside the run, a shared post, pay not
    /// kept in full, or a quotité beyond 32 bits of mantissa.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private bool Memoizable(WorkforceChunk chunk, int row, out ulong quotite)
    {
        quotite = 0;
        var entry = chunk.Entree[row];
        var exit = chunk.Sortie[row];
        if (!((entry == WorkforceChunk.NoDate || entry < _firstDay) && (exit == WorkforceChunk.NoDate || exit >= _afterLastDay)
            && IsOne(ref chunk.Part[row]) && IsOne(ref chunk.Fraction[row]))) return false;
        // decimal is { int flags; uint hi; ulong lo }: flags (scale, sign) and a 32-bit lo pack into 64 bits.
        ref var w = ref Unsafe.As<decimal, ulong>(ref chunk.Quotite[row]);
        var lo = Unsafe.Add(ref w, 1);
        if ((w >> 32) != 0 || lo > uint.MaxValue) return false;
        quotite = (w << 32) | lo;
        return true;
    }

    /// <summary>Whether the decimal's bits are those of <c>1m</c> (another spelling of one, e.g. 1.00, is simply not memoized).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool IsOne(ref decimal d)
    {
        ref var w = ref Unsafe.As<decimal, long>(ref d);
        return w == 0 && Unsafe.Add(ref w, 1) == 1;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int HashOf(ulong quotite, int cls, int tp)
    {
        var h = (quotite ^ ((ulong)(uint)cls << 40) ^ ((ulong)(uint)(tp + 1) << 20)) * 0x9E3779B97F4A7C15UL;
        h ^= h >> 29;
        h *= 0xBF58476D1CE4E5B9UL;
        return (int)(h >> 33);
    }

    /// <summary>The bucket holding the row's entry (≥ 0), or ~ the free bucket where it would go.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int Probe(ulong quotite, int cls, sbyte tp)
    {
        var buckets = _memoBuckets;
        var mask = buckets.Length - 1;
        var b = HashOf(quotite, cls, tp) & mask;
        while (true)
        {
            var e = buckets[b];
            if (e < 0) return ~b;
            ref var k = ref _memo[e];
            if (k.Quotite == quotite && k.Class == cls && k.TempsPartiel == tp) return b;
            b = (b + 1) & mask;
        }
    }

    /// <summary>Loads a remembered row into the evaluator's state, as <see cref="Compute"/> would have left it.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void Restore(int e)
    {
        for (var i = 0; i < _yearCount; i++) _yearTouched[_years[i]] = false;
        ref var s = ref _memo[e];
        _class = s.Class;
        _materialized = false;
        TotalCents = s.TotalCents;
        EmployerCents = s.EmployerCents;
        Fte = s.Fte;
        MeasureMask = s.MeasureMask;
        UnknownMeasureMask = UnknownYearMask = 0;
        PaidMonths = s.PaidMonths;
        EmployerUnknown = (s.Flags & EmployerUnknownFlag) != 0;
        AmountUnknown = (s.Flags & AmountUnknownFlag) != 0;
        Uncertain = (s.Flags & UncertainFlag) != 0;
        Undetermined = (s.Flags & UndeterminedFlag) != 0;
        _pieceSource = _poolPieces;
        _pieceStart = s.PieceStart;
        _pieceCount = s.PieceCount;
        var mask = s.MeasureMask;
        var p = s.PoolStart;
        if (AmountUnknown)
        {
            UnknownMeasureMask = (ulong)_poolCents[p];
            UnknownYearMask = (ulong)_poolEmployer[p];
            p++;
        }
        if (BitOperations.PopCount(mask) == 1) Set(BitOperations.TrailingZeroCount(mask), s.TotalCents, s.EmployerCents, s.Fte);
        else
        {
            for (; mask != 0; mask &= mask - 1, p++) Set(BitOperations.TrailingZeroCount(mask), _poolCents[p], _poolEmployer[p], _poolFte[p]);
        }
        if (s.Year >= 0)
        {
            _yearCount = 1;
            SetYear(0, s.Year, s.TotalCents, s.EmployerCents, s.Fte);
            return;
        }
        _yearCount = s.YearCount;
        for (var i = 0; i < s.YearCount; i++, p++) SetYear(i, _poolYear[p], _poolCents[p], _poolEmployer[p], _poolFte[p]);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void Set(int m, long cents, long employer, double fte)
    {
        _measureCents[m] = cents;
        _measureEmployer[m] = employer;
        _measureFte[m] = fte;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void SetYear(int i, int y, long cents, long employer, double fte)
    {
        _years[i] = y;
        _yearTouched[y] = true;
        _yearCents[y] = cents;
        _yearEmployer[y] = employer;
        _yearFte[y] = fte;
    }

    /// <summary>Remembers the row just computed, to go in bucket <paramref name="bucket"/>.</summary>
    private void Remember(ulong quotite, int cls, sbyte tp, int bucket)
    {
        if (PaidMonths > ushort.MaxValue || _yearCount > ushort.MaxValue || _pieceCount > ushort.MaxValue) return;
        if (_memoCount == MaxEntries)
        {
            _memoCount = _poolUsed = _piecesUsed = 0;
            Array.Fill(_memoBuckets, -1);
            bucket = ~Probe(quotite, cls, tp);
        }
        var measures = BitOperations.PopCount(MeasureMask);
        var unknown = UnknownMeasureMask != 0 || UnknownYearMask != 0;
        if (unknown != AmountUnknown) return; // (they go together: the entry keeps one flag for both)
        var pooled = (unknown ? 1 : 0) + (measures > 1 ? measures : 0) + (_yearCount > 1 ? _yearCount : 0);
        Ensure(ref _poolCents, _poolUsed + pooled);
        Ensure(ref _poolEmployer, _poolUsed + pooled);
        Ensure(ref _poolFte, _poolUsed + pooled);
        Ensure(ref _poolYear, _poolUsed + pooled);
        Ensure(ref _poolPieces, _piecesUsed + _pieceCount);
        Ensure(ref _memo, _memoCount + 1);
        ref var s = ref _memo[_memoCount];
        s = new Entry
        {
            Quotite = quotite, Class = cls, TempsPartiel = tp,
            Flags = (byte)((EmployerUnknown ? EmployerUnknownFlag : 0) | (AmountUnknown ? AmountUnknownFlag : 0)
                | (Uncertain ? UncertainFlag : 0) | (Undetermined ? UndeterminedFlag : 0)),
            PaidMonths = (ushort)PaidMonths,
            TotalCents = TotalCents, EmployerCents = EmployerCents, Fte = Fte,
            MeasureMask = MeasureMask,
            Year = _yearCount == 1 ? _years[0] : -1, YearCount = (ushort)_yearCount,
            PoolStart = _poolUsed, PieceStart = _piecesUsed, PieceCount = (ushort)_pieceCount,
        };
        var p = _poolUsed;
        if (unknown)
        {
            (_poolCents[p], _poolEmployer[p]) = ((long)UnknownMeasureMask, (long)UnknownYearMask);
            p++;
        }
        if (measures > 1)
        {
            for (var mask = MeasureMask; mask != 0; mask &= mask - 1, p++)
            {
                var m = BitOperations.TrailingZeroCount(mask);
                (_poolCents[p], _poolEmployer[p], _poolFte[p]) = (_measureCents[m], _measureEmployer[m], _measureFte[m]);
            }
        }
        if (_yearCount > 1)
        {
            for (var i = 0; i < _yearCount; i++, p++)
            {
                var y = _years[i];
                (_poolYear[p], _poolCents[p], _poolEmployer[p], _poolFte[p]) = (y, _yearCents[y], _yearEmployer[y], _yearFte[y]);
            }
        }
        _poolUsed = p;
        Array.Copy(_pieces, 0, _poolPieces, _piecesUsed, _pieceCount);
        _piecesUsed += _pieceCount;
        _memoBuckets[bucket] = _memoCount++;
        if (_memoCount * 2 > _memoBuckets.Length) RehashMemo();
    }

    private void RehashMemo()
    {
        _memoBuckets = NewBuckets(_memoBuckets.Length * 2);
        var mask = _memoBuckets.Length - 1;
        for (var e = 0; e < _memoCount; e++)
        {
            ref var k = ref _memo[e];
            var b = HashOf(k.Quotite, k.Class, k.TempsPartiel) & mask;
            while (_memoBuckets[b] >= 0) b = (b + 1) & mask;
            _memoBuckets[b] = e;
        }
    }

    private static void Ensure<T>(ref T[] array, int length)
    {
        if (length > array.Length) Array.Resize(ref array, Math.Max(length, array.Length * 2));
    }
}
