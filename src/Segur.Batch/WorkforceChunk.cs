using Segur.Engine.Law;
using Segur.Engine.Profiles;

namespace Segur.Batch;

/// <summary>
/// A block of workforce rows held in columns, reused from one block to the next so that reading and
/// evaluating a file allocates nothing per row. Coded facts are kept row by row (one span per row, as
/// the rules read them); the numbers that prorate amounts are kept in one column each.
/// </summary>
public sealed class WorkforceChunk
{
    /// <summary>Sentinel of an absent date.</summary>
    public const int NoDate = int.MinValue;

    public WorkforceChunk(Vocabulary vocabulary, int capacity = 65_536)
    {
        Vocabulary = vocabulary;
        Capacity = capacity;
        FieldCount = vocabulary.Fields.Count;
        Codes = new int[capacity * FieldCount];
        Line = new long[capacity];
        Id = new string?[capacity];
        Quotite = new decimal[capacity];
        TempsPartiel = new sbyte[capacity];
        Entree = new int[capacity];
        Sortie = new int[capacity];
        Part = new decimal[capacity];
        Fraction = new decimal[capacity];
        Departement = new short[capacity];
    }

    public Vocabulary Vocabulary { get; }
    public int Capacity { get; }
    public int FieldCount { get; }
    public int Count { get; private set; }

    public int[] Codes { get; }
    public long[] Line { get; }
    public string?[] Id { get; }
    public decimal[] Quotite { get; }

    /// <summary>-1 not said, 0 temps non complet, 1 temps partiel.</summary>
    public sbyte[] TempsPartiel { get; }

    /// <summary>Entry and exit dates as <see cref="DateOnly.DayNumber"/>, or <see cref="NoDate"/>.</summary>
    public int[] Entree { get; }
    public int[] Sortie { get; }
    public decimal[] Part { get; }
    public decimal[] Fraction { get; }

    /// <summary>Index in <see cref="Departements.Codes"/>, or -1.</summary>
    public short[] Departement { get; }

    public bool IsFull => Count == Capacity;

    public Span<int> RowCodes(int row) => Codes.AsSpan(row * FieldCount, FieldCount);

    public void Clear() => Count = 0;

    /// <summary>Starts a new row with the schema defaults; returns its index.</summary>
    public int Begin(long line)
    {
        var r = Count;
        RowCodes(r).Fill(Facts.Absent);
        Line[r] = line;
        Id[r] = null;
        Quotite[r] = 1m;
        TempsPartiel[r] = -1;
        Entree[r] = NoDate;
        Sortie[r] = NoDate;
        Part[r] = 1m;
        Fraction[r] = 1m;
        Departement[r] = -1;
        return r;
    }

    /// <summary>Keeps the row begun last.</summary>
    public void Commit() => Count++;
}

/// <summary>The département codes of the profile schema (01–19, 2A, 2B, 21–95, 971–976).</summary>
public static class Departements
{
    public static readonly string[] Codes = Build();

    private static readonly Dictionary<string, short> Index = Codes.Select((c, i) => (c, (short)i)).ToDictionary(p => p.c, p => p.Item2);
    private static readonly Dictionary<string, short>.AlternateLookup<ReadOnlySpan<char>> Lookup = Index.GetAlternateLookup<ReadOnlySpan<char>>();

    public static bool TryIndex(ReadOnlySpan<char> code, out short index) => Lookup.TryGetValue(code, out index);

    private static string[] Build()
    {
        var list = new List<string>();
        for (var i = 1; i <= 95; i++)
        {
            if (i == 20) { list.Add("2A"); list.Add("2B"); continue; }
            list.Add(i.ToString("D2", System.Globalization.CultureInfo.InvariantCulture));
        }
        for (var i = 971; i <= 976; i++) list.Add(i.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return [.. list];
    }
}
