using System.Diagnostics;
using Segur.Batch;
using Segur.Engine.Law;

namespace Segur.Cli.Tests;

/// <summary>A run killed while writing leaves no output at the final path.</summary>
public sealed class KillHalfwayTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("segur-kill-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void SimulerKilledWhileWriting_LeavesNoPartialOutput()
    {
        var law = LegislationLoader.Load(new EmbeddedLegislation());
        var model = PopulationModel.Embedded(law.Vocabulary);
        var input = Path.Combine(_dir, "effectifs.csv");
        PopulationParquet.Write(input, law.Vocabulary, model.Generate(200_000, 7), model.Metadata(200_000, 7, law));
        var output = Path.Combine(_dir, "resultats.csv");
        var segur = Path.Combine(AppContext.BaseDirectory, "segur.dll");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in new[] { segur, "simuler", input, "--periode", "2021-01..2026-12", "--par-mois", "--sortie", output }) start.ArgumentList.Add(a);
        using var p = Process.Start(start)!;
        var clock = Stopwatch.StartNew();
        string? temp = null;
        while (clock.Elapsed < TimeSpan.FromSeconds(60) && !p.HasExited)
        {
            temp = Directory.GetFiles(_dir, ".resultats.csv.*.tmp").FirstOrDefault();
            if (temp is not null && new FileInfo(temp).Length > 1_000_000) break;
            Thread.Sleep(20);
        }
        Assert.False(p.HasExited, "le calcul s'est terminé avant d'avoir pu être interrompu ; agrandir le fichier d'entrée");
        Assert.NotNull(temp);
        p.Kill(entireProcessTree: true);
        p.WaitForExit();
        Assert.False(File.Exists(output), "une sortie partielle a été laissée au chemin final");
    }
}
