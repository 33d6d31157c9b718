using Segur.Engine;

namespace Segur.Batch;

/// <summary>
/// An output file written under a temporary name in the same folder and renamed only when complete:
/// a run killed halfway leaves the final path untouched (at most a hidden <c>.tmp</c> file).
/// </summary>
public sealed class AtomicFile : IDisposable
{
    private readonly string _final;
    private bool _done;

    public AtomicFile(string path)
    {
        _final = Path.GetFullPath(path);
        var dir = Path.GetDirectoryName(_final)!;
        if (!Directory.Exists(dir)) throw new SegurException($"{path} : dossier de destination {dir} introuvable");
        TempPath = Path.Combine(dir, $".{Path.GetFileName(_final)}.{Environment.ProcessId}.tmp");
        Stream = new FileStream(TempPath, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16);
    }

    public string TempPath { get; }
    public Stream Stream { get; }

    /// <summary>Flushes, closes and renames onto the final path.</summary>
    public void Commit()
    {
        Stream.Flush();
        Stream.Dispose();
        File.Move(TempPath, _final, overwrite: true);
        _done = true;
    }

    public void Dispose()
    {
        if (_done) return;
        Stream.Dispose();
        if (File.Exists(TempPath)) File.Delete(TempPath);
    }

    public static void WriteAllText(string path, string text)
    {
        using var f = new AtomicFile(path);
        using (var w = new StreamWriter(f.Stream, new System.Text.UTF8Encoding(false), leaveOpen: true)) w.Write(text);
        f.Commit();
    }
}
