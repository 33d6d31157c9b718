using Segur.Engine.Evaluation;
using Segur.Engine.Law;
using Segur.Engine.Profiles;
using Segur.Engine.Time;

namespace Segur.Engine.Tests.Law;

/// <summary>Informations (<c>informations/</c>): told to the matching worker, never changing a verdict.</summary>
public sealed class InformationTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "segur-informations-" + Guid.NewGuid().ToString("N"));

    public InformationTests()
    {
        foreach (var file in Directory.EnumerateFiles(TestLaw.Legislation, "*", SearchOption.AllDirectories))
        {
            var rel = Path.GetRelativePath(TestLaw.Legislation, file);
            if (rel.StartsWith("cases", StringComparison.Ordinal) || rel.StartsWith("informations", StringComparison.Ordinal)) continue;
            var target = Path.Combine(_dir, rel);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
        Directory.CreateDirectory(Path.Combine(_dir, "informations"));
        File.WriteAllText(Path.Combine(_dir, "informations", "test.yaml"), """
            informations:
              - id: test-aide-domicile
                intitule: "Aide à domicile : une autre revalorisation"
                note: "Note de test."
                du: 2021-10-01
                seulement_sans_mesure: true
                references: [{texte: avenant-43-bad}]
                condition: {champ: employeur.idcc, parmi: ["2941"]}
            """);
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private const string HomeHelp = """
        {"employeur": {"secteur": "prive_non_lucratif", "structure": "saad", "idcc": 2941, "champ_bass": false},
         "emploi": {"profession": "aide_domicile", "statut": "salarie", "quotite": 1}}
        """;

    [Fact]
    public void MatchingProfile_IsToldTheInformation_InTextAndJson_WithoutAnyChangeOfVerdict()
    {
        var law = LegislationLoader.Load(new DirectoryLegislation(_dir));
        var profile = new ProfileReader(law).Read(HomeHelp, "test");
        var evaluation = new Evaluator(law).Evaluate(profile, new MonthRange(new YearMonth(2021, 9), new YearMonth(2021, 10)));
        var plain = TestLaw.Evaluator.Evaluate(TestLaw.Profile(HomeHelp), new MonthRange(new YearMonth(2021, 9), new YearMonth(2021, 10)));

        Assert.Empty(evaluation.Months[0].Informations);
        Assert.Equal("test-aide-domicile", Assert.Single(evaluation.Months[1].Informations).Id);
        Assert.Equal(plain.Months.Select(m => (m.Eligible, m.Gross)), evaluation.Months.Select(m => (m.Eligible, m.Gross)));
    }
}
