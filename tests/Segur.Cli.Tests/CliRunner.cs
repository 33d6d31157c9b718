namespace Segur.Cli.Tests;

/// <summary>Runs <c>segur</c> in the test process, and finds the repository.</summary>
internal static class CliRunner
{
    public static (int Code, string Out, string Err) Run(params string[] args)
    {
        var o = new StringWriter();
        var e = new StringWriter();
        var code = Cli.Run(args, o, e, TimeProvider.System);
        return (code, o.ToString(), e.ToString());
    }

    /// <summary>The folder of <c>segur.slnx</c>.</summary>
    public static string Root
    {
        get
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "segur.slnx"))) dir = dir.Parent;
            return dir!.FullName;
        }
    }
}
