using System.Text.RegularExpressions;
using CsCheck;
using Segur.Engine.Cases;
using Segur.Engine.Law;
using Segur.Tests.Fuzz;

namespace Segur.Engine.Tests.Fuzzing;

/// <summary>
/// Fuzzing of every YAML document of the law, of reform overlays and of case files: mutated windows of the real
/// files of <c>legislation/</c> and small documents built from each kind's keys. Each one is read and checked
/// like a file added to the embedded law (<see cref="LegislationLoader.CheckDocument"/>): French errors with
/// file and line, or a sound document; never another exception.
/// </summary>
public sealed partial class LegislationFuzzTests
{
    private const string Information = """
        informations:
          - id: avenant-43-bad
            intitule: "Aide à domicile (BAD) : revalorisation par l'avenant 43"
            note: "Pas une mesure Ségur."
            du: 2021-10-01
            seulement_sans_mesure: true
            references: [{texte: decret-2020-1152}]
            condition: {champ: employeur.idcc, parmi: ["2941"]}
        """;

    private const string Implication = """
        implications:
          - id: mas-financee-assurance-maladie
            intitule: "Les maisons d'accueil spécialisées sont financées par l'assurance maladie"
            si: {champ: employeur.structure, parmi: [mas]}
            alors: {champ: employeur.financement_assurance_maladie, egal: "true"}
            references: [{texte: decret-2020-1152}]
            confiance: M
        """;

    private static List<string> Files(string pattern) =>
        Directory.EnumerateFiles(TestLaw.Legislation, pattern, SearchOption.AllDirectories)
            .Where(f => !f.Contains("/schemas/", StringComparison.Ordinal)).Order(StringComparer.Ordinal).Select(File.ReadAllText).ToList();

    private static string[] KeysOf(IEnumerable<string> texts) =>
        texts.SelectMany(t => Key().Matches(t).Select(m => m.Groups[1].Value)).Distinct().Order(StringComparer.Ordinal).ToArray();

    [GeneratedRegex(@"(?:^|[\s{,-])([a-z_]+):", RegexOptions.Multiline)]
    private static partial Regex Key();

    private static Gen<string> Inputs(List<string> seeds) =>
        Gen.Frequency((3, Fuzz.Mutated(seeds)), (1, Fuzz.Yaml(KeysOf(seeds))), (1, Fuzz.Mutated(seeds, maxLines: 4)));

    private static void Checked(string path, string text)
    {
        var errors = LegislationLoader.CheckDocument(TestLaw.Law, path, text);
        if (errors.Count > 0) throw new SegurException(errors[0], errors.Skip(1).ToList());
    }

    public static TheoryData<string, string> Kinds => new()
    {
        { "legislation.yaml", "legislation.yaml" },
        { "references-fuzz.yaml", "references*.yaml" },
        { "lists/fuzz.yaml", "lists/*.yaml" },
        { "parameters/fuzz.yaml", "parameters/*.yaml" },
        { "measures/fuzz.yaml", "measures/*.yaml" },
        { "exclusions/fuzz.yaml", "exclusions/*.yaml" },
        { "incertitudes/fuzz.yaml", "incertitudes/*.yaml" },
        { "proratisations/fuzz.yaml", "proratisations/*.yaml" },
        { "estimations/fuzz.yaml", "estimations/*.yaml" },
        { "informations/fuzz.yaml", "" },
        { "implications/fuzz.yaml", "" },
        { "reforms/fuzz.yaml", "reforms/*.yaml" },
    };

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Fuzz_LawDocument_IsAFrenchErrorOrSound(string path, string pattern)
    {
        var folder = pattern.Contains('/') ? pattern[..pattern.IndexOf('/')] : "";
        var seeds = pattern switch
        {
            "" => [path.StartsWith("informations", StringComparison.Ordinal) ? Information : Implication],
            _ when folder.Length == 0 => Files(pattern).Where(t => true).ToList(),
            _ => Directory.EnumerateFiles(Path.Combine(TestLaw.Legislation, folder), "*.yaml").Order(StringComparer.Ordinal).Select(File.ReadAllText).ToList(),
        };
        if (folder.Length == 0 && pattern != "")
            seeds = Directory.EnumerateFiles(TestLaw.Legislation, pattern).Order(StringComparer.Ordinal).Select(File.ReadAllText).ToList();
        Assert.NotEmpty(seeds);
        Fuzz.Check(Inputs(seeds), text => Checked(path, text));
    }

    [Fact]
    public void Fuzz_CaseFile_IsAFrenchErrorOrValidCases()
    {
        var seeds = Directory.EnumerateFiles(Path.Combine(TestLaw.Legislation, "cases"), "*.yaml").Order(StringComparer.Ordinal).Select(File.ReadAllText).ToList();
        Fuzz.Check(Gen.Frequency((3, Fuzz.Mutated(seeds, maxLines: 30)), (1, Fuzz.Yaml(KeysOf(seeds)).Select(t => "cas:\n  - " + t.Replace("\n", "\n    ")))), text =>
        {
            foreach (var c in CaseFileReader.Read(text, "cases/fuzz.yaml"))
                TestLaw.Reader.Read(c.Profile, $"cases/fuzz.yaml, ligne {c.Line}, cas {c.Id}");
        });
    }
}
