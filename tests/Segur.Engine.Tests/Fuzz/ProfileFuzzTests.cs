using System.Text.Json.Nodes;
using CsCheck;
using Segur.Tests.Fuzz;

namespace Segur.Engine.Tests.Fuzzing;

/// <summary>Fuzzing of the JSON profile reader: mutated example profiles and small JSON documents made of the schema's keys.</summary>
public sealed class ProfileFuzzTests
{
    private static readonly string[] Keys =
        ["id", "employeur", "emploi", "periode", "secteur", "structure", "versant", "idcc", "profession", "statut", "quotite", "temps_partiel", "entree", "sortie", "debut", "fin", "departement", "fraction_traitement"];

    private static readonly string[] Values =
        ["\"public\"", "\"ehpad\"", "\"infirmier\"", "\"titulaire\"", "\"FPH\"", "0.8", "1", "0", "-1", "1e308", "-1e400", "1.5", "true", "null", "\"\"", "\"2024-02-30\"",
         "\"2024-13\"", "\"\\ud800\"", "\"\\udfff x\"", "\"\\u0000\"", "[]", "{}", "[1, 2]", "\"99\"", "\"2A\"", "413", "4.13e2", "\"é\""];

    private static Gen<string> Json(int depth) => depth == 0
        ? Gen.OneOf(Values.Select(Gen.Const).ToArray())
        : Gen.Frequency(
            (3, Gen.OneOf(Values.Select(Gen.Const).ToArray())),
            (2, Gen.Select(Gen.OneOf(Keys.Select(Gen.Const).ToArray()), Json(depth - 1), (k, v) => (k, v)).Array[0, 5]
                .Select(kv => "{" + string.Join(", ", kv.Select(p => $"\"{p.k}\": {p.v}")) + "}")),
            (1, Json(depth - 1).Array[0, 3].Select(items => "[" + string.Join(", ", items) + "]")));

    private static List<string> Seeds()
    {
        var files = Directory.EnumerateFiles(Path.Combine(TestLaw.RepoRoot, "exemples"), "*.json").Select(File.ReadAllText).ToList();
        // Every case-file profile, as JSON: realistic shapes of every sector.
        files.AddRange(Segur.Engine.Cases.CaseFileReader.ReadDirectory(Path.Combine(TestLaw.Legislation, "cases")).Take(60).Select(c => c.Profile.ToJsonString()));
        return files;
    }

    [Fact]
    public void Fuzz_ProfileJson_IsAFrenchErrorOrAProfile()
    {
        var seeds = Seeds();
        var gen = Gen.Frequency((3, Fuzz.Mutated(seeds, maxLines: 40)), (2, Json(3)), (1, Json(3).Select(j => j.Replace("\"", "\"\"", StringComparison.Ordinal))));
        Fuzz.Check(gen, json => TestLaw.Reader.Read(json, "profil.json"));
    }

    [Fact]
    public void Fuzz_ProfileObject_FromYaml_IsAFrenchErrorOrAProfile()
    {
        // The path of case files, grids and reforms: a profile built from YAML (long and decimal values).
        var gen = Json(3).Select(j =>
        {
            try { return JsonNode.Parse(j) as JsonObject; }
            catch (System.Text.Json.JsonException) { return null; }
        });
        Fuzz.Check(gen, obj =>
        {
            if (obj is not null) TestLaw.Reader.Read(obj, "cas.yaml, ligne 3");
        }, o => o?.ToJsonString() ?? "null");
    }
}
