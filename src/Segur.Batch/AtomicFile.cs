using System.Diagnostics;
using Segur.Engine;

namespace Segur.Batch;

/// <summary>
/// An output file written under a temporary name in the same folder and renamed only when complete:
/// a run killed halfway leaves the final path untouched, at most a hidden temporary file named
/// <c>.&lt;name&gt;.segur-&lt;pid&gt;.tmp</c>. The next output opened in that folder removes the temporary
/// files of segur processes that are no longer running; finished files are never touched.
/// </summary>
public sealed class AtomicFile : IDisposable
{
    /// <summary>What every temporary name of segur ends with, after the process id: <c>.segur-1234.tmp</c>.</summary>
    private const string Marker = ".segur-";

    private readonly string _final;
    private bool _done;

    public AtomicFile(string path)
    {
        _final = Path.GetFullPath(path);
        var dir = Path.GetDirectoryName(_final)!;
        if (!Directory.Exists(dir)) throw new SegurException($"{path} : dossier de destination {dir} introuvable");
        RemoveStale(dir);
        TempPath = Path.Combine(dir, $".{Path.GetFileName(_final)}{Marker}{Environment.ProcessId}.tmp");
        try
        {
            Stream = new FileStream(TempPath, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new SegurException($"{path} : écriture impossible dans {dir} ({(e is UnauthorizedAccessException ? "accès refusé" : "erreur d'écriture")}) ; vérifiez le dossier et ses droits");
        }
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

    /// <summary>The process id in a temporary name of segur (<c>.x.csv.segur-1234.tmp</c>), or null for any other file.</summary>
    public static int? OwnerOf(string fileName)
    {
        if (!fileName.StartsWith('.') || !fileName.EndsWith(".tmp", StringComparison.Ordinal)) return null;
        var at = fileName.LastIndexOf(Marker, StringComparison.Ordinal);
        if (at < 0) return null;
        var digits = fileName[(at + Marker.Length)..^".tmp".Length];
        return int.TryParse(digits, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var pid) ? pid : null;
    }

    /// <summary>Deletes the temporary files left in <paramref name="dir"/> by segur runs that are no longer running.</summary>
    public static void RemoveStale(string dir)
    {
        IEnumerable<string> candidates;
        try
        {
            candidates = Directory.EnumerateFiles(dir, "*" + Marker + "*.tmp").ToList();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return;
        }
        foreach (var file in candidates)
        {
            if (OwnerOf(Path.GetFileName(file)) is not { } pid || pid == Environment.ProcessId || IsRunning(pid)) continue;
            try
            {
                File.Delete(file);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // Another run may be removing it too, or the folder is read-only: nothing to clean then.
            }
        }
    }

    private static bool IsRunning(int pid)
    {
        try
        {
            using var p = Process.GetProcessById(pid);
            return !p.HasExited;
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException)
        {
            return false;
        }
    }
}
