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

public sealed class CsvResultWriter : ResultWriter
{
    private readonly StreamWriter _w;

    public CsvResultWriter(string path, bool scenario, bool perMonth) : base(path, scenario)
    {
        _w = new StreamWriter(File.Stream, new UTF8Encoding(false), 1 << 16, leaveOpen: true);
        _w.Write("ligne;id;");
        _w.Write(perMonth ? "mois;" : "periode;");
        _w.Write("mois_payes;mesures;montant_brut;incertain");
        if (scenario) _w.Write(";mesures_reforme;montant_brut_reforme;difference;rappels");
        _w.Write(";montant_inconnu");
        _w.Write('\n');
    }

    public override void Write(in ResultRecord r)
    {
        Span<char> buf = stackalloc char[32];
        _w.Write(r.Line);
        _w.Write(';');
        if (r.Id is not null) Escape(r.Id);
        _w.Write(';');
        _w.Write(r.Period);
        _w.Write(';');
        _w.Write(r.PaidMonths);
        _w.Write(';');
        _w.Write(r.Measures);
        _w.Write(';');
        Money(r.Gross, buf);
        _w.Write(r.Uncertain ? ";oui" : ";non");
        if (Scenario)
        {
            _w.Write(';');
            _w.Write(r.ReformMeasures);
            _w.Write(';');
            Money(r.ReformGross, buf);
            _w.Write(';');
            Money(r.Difference, buf);
            _w.Write(';');
            Money(r.Arrears, buf);
        }
        _w.Write(r.AmountUnknown ? ";oui" : ";non");
        _w.Write('\n');
    }

    private void Money(decimal value, Span<char> buf)
    {
        value.TryFormat(buf, out var n, "0.00", CultureInfo.InvariantCulture);
        _w.Write(buf[..n]);
    }

    private void Escape(string s)
    {
        if (s.AsSpan().IndexOfAny(";\"\n\r") < 0)
        {
            _w.Write(s);
            return;
        }
        _w.Write('"');
        _w.Write(s.Replace("\"", "\"\"", StringComparison.Ordinal));
        _w.Write('"');
    }

    private bool _closed;

    public override void Commit()
    {
        _w.Flush();
        _w.Dispose();
        _closed = true;
        base.Commit();
    }

    public override void Dispose()
    {
        if (!_closed) _w.Dispose();
        _closed = true;
        base.Dispose();
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
