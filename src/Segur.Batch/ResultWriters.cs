using System.Globalization;
using System.Text;
using Segur.Engine;

namespace Segur.Batch;

/// <summary>One output line: a worker over the period, or a worker in one month (<c>--par-mois</c>).</summary>
public struct ResultRecord
{
    public long Line;
    public string? Id;
    public string Period;
    public int PaidMonths;
    public string Measures;
    public decimal Gross;
    public bool Uncertain;

    /// <summary>A measure due has no known amount: <see cref="Gross"/> counts only the known amounts (a floor).</summary>
    public bool AmountUnknown;
    public string? ReformMeasures;
    public decimal ReformGross;
    public decimal Difference;
    public decimal Arrears;
}

/// <summary>Writes per-row results as CSV (<c>;</c>, decimal point) or Parquet, atomically.</summary>
public abstract class ResultWriter : IDisposable
{
    protected ResultWriter(string path, bool scenario)
    {
        File = new AtomicFile(path);
        Scenario = scenario;
    }

    protected AtomicFile File { get; }
    protected bool Scenario { get; }

    public static ResultWriter Open(string path, bool scenario, bool perMonth) => Path.GetExtension(path).ToLowerInvariant() switch
    {
        ".csv" => new CsvResultWriter(path, scenario, perMonth),
        ".parquet" => new ParquetResultWriter(path, scenario, perMonth),
        var ext => throw new SegurException($"{path} : format de sortie « {ext} » non pris en charge ; attendu .csv ou .parquet"),
    };

    public abstract void Write(in ResultRecord r);

    /// <summary>Ends a block of rows (Parquet writes a row group).</summary>
    public virtual void Flush() { }

    public virtual void Commit() => File.Commit();

    public virtual void Dispose() => File.Dispose();
}

/// <summary>
/// Writes results as UTF-8 bytes straight into a buffer: numbers are formatted in place, no string is built per row.
/// </summary>
public sealed class CsvResultWriter : ResultWriter
{
    private const int Size = 1 << 16;
    private static readonly UTF8Encoding Utf8 = new(false);
    private readonly byte[] _buf = new byte[Size];
    private int _n;

    public CsvResultWriter(string path, bool scenario, bool perMonth) : base(path, scenario)
    {
        Text("ligne;id;");
        Text(perMonth ? "mois;" : "periode;");
        Text("mois_payes;mesures;montant_brut;incertain");
        if (scenario) Text(";mesures_reforme;montant_brut_reforme;difference;rappels");
        Text(";montant_inconnu");
        Byte((byte)'\n');
    }

    public override void Write(in ResultRecord r)
    {
        Integer(r.Line);
        Byte((byte)';');
        if (r.Id is not null) Escape(r.Id);
        Byte((byte)';');
        Text(r.Period);
        Byte((byte)';');
        Integer(r.PaidMonths);
        Byte((byte)';');
        Text(r.Measures);
        Byte((byte)';');
        Money(r.Gross);
        Text(r.Uncertain ? ";oui" : ";non");
        if (Scenario)
        {
            Byte((byte)';');
            Text(r.ReformMeasures);
            Byte((byte)';');
            Money(r.ReformGross);
            Byte((byte)';');
            Money(r.Difference);
            Byte((byte)';');
            Money(r.Arrears);
        }
        Text(r.AmountUnknown ? ";oui" : ";non");
        Byte((byte)'\n');
    }

    /// <summary>Room for <paramref name="bytes"/> more bytes, emptying the buffer into the file if need be.</summary>
    private Span<byte> Room(int bytes)
    {
        if (Size - _n < bytes) Drain();
        return _buf.AsSpan(_n);
    }

    private void Drain()
    {
        File.Stream.Write(_buf, 0, _n);
        _n = 0;
    }

    private void Byte(byte b)
    {
        if (_n == Size) Drain();
        _buf[_n++] = b;
    }

    private void Integer(long value)
    {
        value.TryFormat(Room(24), out var n, default, CultureInfo.InvariantCulture);
        _n += n;
    }

    private void Money(decimal value)
    {
        value.TryFormat(Room(40), out var n, "F2", CultureInfo.InvariantCulture);
        _n += n;
    }

    private void Text(string? s)
    {
        if (string.IsNullOrEmpty(s)) return;
        var max = Utf8.GetMaxByteCount(s.Length);
        if (max > Size)
        {
            Drain();
            File.Stream.Write(Utf8.GetBytes(s));
            return;
        }
        var n = Utf8.GetBytes(s, Room(max));
        _n += n;
    }

    private void Escape(string s)
    {
        if (s.AsSpan().IndexOfAny(";\"\n\r") < 0)
        {
            Text(s);
            return;
        }
        Byte((byte)'"');
        Text(s.Replace("\"", "\"\"", StringComparison.Ordinal));
        Byte((byte)'"');
    }

    public override void Commit()
    {
        Drain();
        base.Commit();
    }
}

/// <summary>The rejects file: one line per row that could not be read, with its line and a French reason.</summary>
public sealed class RejectWriter : IDisposable
{
    private readonly AtomicFile _file;
    private readonly StreamWriter _w;

    public RejectWriter(string path)
    {
        Path = path;
        _file = new AtomicFile(path);
        _w = new StreamWriter(_file.Stream, new UTF8Encoding(false), 1 << 16, leaveOpen: true);
        _w.Write("ligne;champ;valeur;motif\n");
    }

    public string Path { get; }
    public long Count { get; private set; }

    public void Write(Rejection r)
    {
        Count++;
        _w.Write(r.Line);
        _w.Write(';');
        _w.Write(r.Field);
        _w.Write(';');
        _w.Write(Quote(r.Value));
        _w.Write(';');
        _w.Write(Quote(r.Reason));
        _w.Write('\n');
    }

    private static string Quote(string s) => s.AsSpan().IndexOfAny(";\"\n\r") < 0 ? s : "\"" + s.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    private bool _closed;

    public void Commit()
    {
        _w.Flush();
        _w.Dispose();
        _closed = true;
        _file.Commit();
    }

    public void Dispose()
    {
        if (!_closed) _w.Dispose();
        _closed = true;
        _file.Dispose();
    }
}
