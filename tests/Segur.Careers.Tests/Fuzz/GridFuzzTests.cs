using CsCheck;
using Segur.Engine.Law;
using Segur.Tests.Fuzz;
using static Segur.Careers.Tests.TestGrids;

namespace Segur.Careers.Tests.Fuzzing;

/// <summary>Fuzzing of the grid loader: mutated windows of the real grid files, loaded against the embedded law.</summary>
public sealed class GridFuzzTests
{
    [Fact]
    public void Fuzz_GridFile_IsAFrenchErrorOrGrids()
    {
        var files = Directory.EnumerateFiles(Path.Combine(LegislationFolder, "grids"), "*.yaml").Order(StringComparer.Ordinal).Select(File.ReadAllText).ToList();
        var law = Law;
        // A window keeps the header of the file most of the time: start at the top, cut after a few dozen lines.
        var gen = Gen.Frequency((3, Fuzz.Mutated(files.Select(f => string.Join("\n", f.Split('\n').Take(60))).ToList(), maxLines: 60)), (1, Fuzz.Mutated(files, maxLines: 20)));
        Fuzz.Check(gen, text =>
        {
            var famille = text.Contains("famille: ucanss", StringComparison.Ordinal) ? "ucanss" : "fuzz";
            GridLoader.Load(new MemoryLegislation("grilles", [new LegislationFile($"grids/{famille}.yaml", text)]), law);
        });
    }
}
