using Segur.Engine.Evaluation;
using Segur.Engine.Law;
using Segur.Engine.Profiles;
using Segur.Engine.Time;

namespace Segur.Engine.Tests.Law;

/// <summary>Facts the law implies (<c>implications/</c>): filled when absent, refused when contradicted.</summary>
public sealed class ImplicationTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "segur-implications-" + Guid.NewGuid().ToString("N"));

    private const string Mas = """
        {"employeur": {"secteur": "public", "versant": "FPH", "structure": "mas", "rattachement_eps_ou_ehpad": false},
         "emploi": {"profession": "aide_soignant", "statut": "titulaire", "quotite": 1}}
        """;

    public ImplicationTests()
    {
        foreach (var file in Directory.EnumerateFiles(TestLaw.Legislation, "*", SearchOption.AllDirectories))
        {
            var rel = Path.GetRelativePath(TestLaw.Legislation, file);
            if (rel.StartsWith("cases", StringComparison.Ordinal) || rel.StartsWith("implications", StringComparison.Ordinal)) continue;
            var target = Path.Combine(_dir, rel);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
        Directory.CreateDirectory(Path.Combine(_dir, "implications"));
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private Legislation WithImplication(string yaml)
    {
        File.WriteAllText(Path.Combine(_dir, "implications", "test.yaml"), yaml);
        return LegislationLoader.Load(new DirectoryLegislation(_dir));
    }

    private const string MasFunded = """
        implications:
          - id: mas-financee-assurance-maladie
            intitule: "Une MAS est financée par l'assurance maladie"
            si: {champ: employeur.structure, parmi: [mas]}
            alors: {champ: employeur.financement_assurance_maladie, egal: "true"}
            references: [{texte: casf-l312-1}]
        """;

    [Fact]
    public void AbsentField_IsFilledByTheImpliedFact_AndTheVerdictNoLongerWaitsForIt()
    {
        var without = LegislationLoader.Load(new DirectoryLegislation(_dir));
        var law = WithImplication(MasFunded);
        var month = new YearMonth(2022, 1);
        var before = new Evaluator(without).EvaluateMonth(new ProfileReader(without).Read(Mas, "test"), month);
        var profile = new ProfileReader(law).Read(Mas, "test");
        var after = new Evaluator(law).EvaluateMonth(profile, month);

        Assert.Equal(Verdict.Undetermined, before.Measures.Single(m => m.Measure.Id == "M3").Verdict);
        Assert.Equal(["M3"], after.Retained);
        Assert.Equal("mas-financee-assurance-maladie", Assert.Single(profile.Implied).Id);
        Assert.True(profile.Has("employeur.financement_assurance_maladie"));
    }

    [Fact]
    public void StatedContrary_IsAnInputErrorNamingTheFieldAndTheText()
    {
        var law = WithImplication(MasFunded);
        var contrary = Mas.Replace("\"rattachement_eps_ou_ehpad\": false", "\"rattachement_eps_ou_ehpad\": false, \"financement_assurance_maladie\": false");
        var e = Assert.Throws<SegurException>(() => new ProfileReader(law).Read(contrary, "profil.json"));
        Assert.Contains("profil.json : /employeur/financement_assurance_maladie", e.Message);
        Assert.Contains("contraire au droit", e.Message);
        Assert.Contains("attendu oui", e.Message);
    }

    [Fact]
    public void ImplicationReadingItsOwnField_IsRefused()
    {
        var e = Assert.Throws<SegurException>(() => WithImplication(MasFunded.Replace("si: {champ: employeur.structure, parmi: [mas]}", "si: {champ: employeur.financement_assurance_maladie, egal: \"false\"}")));
        Assert.Contains("lit le champ qu'elle implique", string.Join("\n", e.Details.Prepend(e.Message)));
    }

    [Fact]
    public void ImplicationWithoutReference_IsRefused()
    {
        var e = Assert.Throws<SegurException>(() => WithImplication(MasFunded.Replace("    references: [{texte: casf-l312-1}]", "")));
        Assert.Contains("aucune référence", e.Message + string.Join("\n", e.Details));
    }
}
