using System.Diagnostics;

namespace Segur.Cli;

/// <summary>A progress bar on standard error, shown only once a run has lasted more than a second.</summary>
public sealed class ProgressBar(TextWriter error)
{
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private long _lastMs = -1;
    private bool _shown;

    public void Report(double share)
    {
        var ms = _clock.ElapsedMilliseconds;
        if (ms < 1000 || (_lastMs >= 0 && ms - _lastMs < 200)) return;
        _lastMs = ms;
        _shown = true;
        var width = 30;
        var done = (int)Math.Round(Math.Clamp(share, 0, 1) * width);
        error.Write($"\r[{new string('#', done)}{new string('.', width - done)}] {share * 100:0} % ({ms / 1000.0:0.0} s)");
    }

    public void Done()
    {
        if (_shown) error.WriteLine();
    }
}
