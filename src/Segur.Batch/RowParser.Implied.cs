using System.Runtime.InteropServices;
using Segur.Engine.Law;

namespace Segur.Batch;

public sealed partial class RowParser
{
    private readonly ImpliedMemo _memo;

    /// <summary>
    /// Remembers, for the coded facts of a row as read, what the law's implied facts make of them (the
    /// completed codes and the first contradiction): a workforce holds few distinct profiles, so most rows
    /// are completed by one lookup instead of evaluating every implication. Bounded: forgotten when full.
    /// </summary>
    private sealed class ImpliedMemo
    {
        private const int MaxEntries = 1 << 14;

        private readonly Dictionary<int[], (int[] Completed, ImplicationConflict? Conflict)> _entries = new(CodesComparer.Instance);

        public ImplicationConflict? Complete(IReadOnlyList<Implication> implications, Span<int> codes)
        {
            if (implications.Count == 0) return null;
            var lookup = _entries.GetAlternateLookup<ReadOnlySpan<int>>();
            if (lookup.TryGetValue(codes, out var known))
            {
                known.Completed.CopyTo(codes);
                return known.Conflict;
            }
            var key = codes.ToArray();
            var conflict = ImpliedFacts.Complete(implications, codes);
            if (_entries.Count >= MaxEntries) _entries.Clear();
            _entries[key] = (codes.ToArray(), conflict);
            return conflict;
        }
    }

    /// <summary>Compares rows of codes by content, and looks them up from a span without copying.</summary>
    private sealed class CodesComparer : IEqualityComparer<int[]>, IAlternateEqualityComparer<ReadOnlySpan<int>, int[]>
    {
        public static readonly CodesComparer Instance = new();

        public bool Equals(int[]? x, int[]? y) => x is not null && y is not null && x.AsSpan().SequenceEqual(y);

        public int GetHashCode(int[] obj) => GetHashCode((ReadOnlySpan<int>)obj);

        public bool Equals(ReadOnlySpan<int> alternate, int[] other) => alternate.SequenceEqual(other);

        public int GetHashCode(ReadOnlySpan<int> alternate)
        {
            var h = new HashCode();
            h.AddBytes(MemoryMarshal.AsBytes(alternate));
            return h.ToHashCode();
        }

        public int[] Create(ReadOnlySpan<int> alternate) => alternate.ToArray();
    }
}
