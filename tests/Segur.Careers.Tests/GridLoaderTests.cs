using Segur.Engine;
using Segur.Engine.Law;
using static Segur.Careers.Tests.TestGrids;

namespace Segur.Careers.Tests;

/// <summary>The grid files are referenced data: a value without a known text, a bad date or a bad shape is refused with file and line.</summary>
public sealed class GridLoaderTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("segur-grilles-").FullName;

    public GridLoaderTests() => CopyLegislation(_dir);

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string GridFile(string family) => Path.Combine(_dir, "grids", family + ".yaml");

    private void Edit(string family, string from, string to)
    {
        var text = File.ReadAllText(GridFile(family));
        Assert.Contains(from, text);
        File.WriteAllText(GridFile(family), text.Replace(from, to));
    }

    private static int LineOf(string path, string fragment) =>
        File.ReadAllLines(path).Select((l, i) => (l, i)).First(x => x.l.Contains(fragment)).i + 1;

    private string Messages()
    {
        var source = new DirectoryLegislation(_dir);
        var e = Assert.Throws<SegurException>(() => GridLoader.Load(source, LegislationLoader.Load(source)));
        return string.Join("\n", e.Details.Prepend(e.Message));
    }

    [Fact]
    public void EmbeddedGrids_LoadWithEveryValueSourced()
    {
        Assert.Equal(["ccn66:assistant-service-social", "fph:assistant-socio-educatif", "fpt:assistant-socio-educatif", "ucanss:niveau-5", "ucanss:niveau-6"], Catalog.Names);
        foreach (var g in Catalog.Grids)
        {
            foreach (var grade in g.Grades)
            {
                Assert.All(grade.Values, v => Assert.Equal(grade.Echelons.Count, v.Points.Count));
                Assert.Null(grade.Values[^1].To);
            }
        }
        // The unknown post-June-2025 UCANSS coefficients stay flagged L.
        var five = Grid("ucanss:niveau-5").InitialGrade;
        Assert.All(five.Values, v => Assert.Equal(Confidence.L, v.Source.Confidence));
    }

    [Fact]
    public void DirectoryCopy_LoadsLikeTheEmbeddedGrids()
    {
        var source = new DirectoryLegislation(_dir);
        var grids = GridLoader.Load(source, LegislationLoader.Load(source));
        Assert.Equal(Catalog.Names, grids.Names);
        Assert.Equal(64, Catalog.Fingerprint.Length);
        Assert.Equal(Catalog.Fingerprint, grids.Fingerprint);
    }

    [Fact]
    public void UnknownText_IsRefusedWithFileAndLine()
    {
        Edit("fpt", "reference: {texte: decret-2023-519}\n            confiance: M\n            note: \"Indices de 2023 + 5 points majorés pour tous les agents au 1er janvier 2024 (barème",
            "reference: {texte: decret-2023-999}\n            confiance: M\n            note: \"Indices de 2023 + 5 points majorés pour tous les agents au 1er janvier 2024 (barème");
        var line = LineOf(GridFile("fpt"), "decret-2023-999");
        Assert.Contains($"grids/fpt.yaml, ligne {line} : grille fpt:assistant-socio-educatif, grade ase, valeurs : texte « decret-2023-999 » absent des catalogues references*.yaml", Messages());
    }

    [Fact]
    public void MissingReference_IsRefused()
    {
        var line = LineOf(GridFile("ccn66"), "valeur: 3.82") - 2;
        Edit("ccn66", "      valeur: 3.82\n      reference: {texte: ccn66-avenant-361}\n", "      valeur: 3.82\n");
        Assert.Contains($"grids/ccn66.yaml, ligne {line} : " + "famille ccn66, remuneration, valeurs_du_point : aucune référence ; attendu « reference: {texte: <id d'un catalogue references*.yaml>, article: ...} »", Messages());
    }

    [Fact]
    public void WrongNumberOfPoints_IsRefused()
    {
        Edit("fpt", "points: [390, 404, 415, 426, 440, 452, 465, 482, 502, 523, 546, 566, 576, 592]", "points: [390, 404, 415]");
        Assert.Contains("grille fpt:assistant-socio-educatif, grade ase, valeurs : 3 valeurs pour 14 échelons (période du 2021-01-01) ; attendu une valeur par échelon, dans l'ordre", Messages());
    }

    [Fact]
    public void GapBetweenPeriods_IsRefused()
    {
        Edit("ucanss", "      au: 2022-09-30\n      valeur: 7.24342", "      au: 2022-08-31\n      valeur: 7.24342");
        Assert.Contains("famille ucanss, remuneration, valeurs_du_point : trou entre le 2022-08-31 et le 2022-10-01 ; attendu des valeurs contiguës", Messages());
    }

    [Fact]
    public void DateNotOnAFirstDay_IsRefused()
    {
        Edit("ucanss", "    - du: 2022-10-01\n      au: 2023-06-30", "    - du: 2022-10-15\n      au: 2023-06-30");
        Assert.Contains("du : 2022-10-15 ; les valeurs sont mensuelles, attendu le premier jour d'un mois", Messages());
    }

    [Fact]
    public void UnknownKey_IsRefusedWithTheExpectedOnes()
    {
        Edit("fph", "    carriere: {grade_initial: ase, echelon_initial: 1}", "    carriere: {grade_initial: ase, echelon_initial: 1}\n    promotion: 12");
        var line = LineOf(GridFile("fph"), "promotion: 12");
        // Read by the shared reader against grilles.schema.json: file, line and column of the key, the grid, the expected keys.
        Assert.Contains($"grids/fph.yaml, ligne {line}, colonne 5 : grilles « assistant-socio-educatif » : clé inconnue « promotion » ; attendu une de id, intitule, description, versements_par_an", Messages());
    }

    [Fact]
    public void ProfileOutsideTheSchema_IsRefused()
    {
        Edit("fpt", "structure: ase_service_departemental}", "structure: conseil_departemental}");
        Assert.Contains("profil_segur.profil : /employeur/structure : valeur \"conseil_departemental\" inconnue", Messages());
    }

    [Fact]
    public void LastEchelonWithDuration_IsRefused()
    {
        Edit("ccn66", "          - {echelon: 12}", "          - {echelon: 12, duree_mois: 48}");
        Assert.Contains("le dernier échelon (12) a une durée ; attendu aucune duree_mois pour l'échelon terminal", Messages());
    }

    [Fact]
    public void FamilyNotMatchingTheFileName_IsRefused()
    {
        Edit("ccn66", "famille: ccn66", "famille: ccn51");
        Assert.Contains("famille « ccn51 » différente du nom du fichier (ccn66.yaml) ; attendu famille: ccn66", Messages());
    }

    [Fact]
    public void BrokenYaml_IsRefusedWithLineAndColumn()
    {
        File.WriteAllText(GridFile("ccn66"), "famille: ccn66\nintitule: [oups\n");
        Assert.Matches(@"grids/ccn66\.yaml, ligne \d+, colonne \d+ : YAML invalide", Messages());
    }

    private string ClaimsFile => Path.Combine(_dir, "carrieres", "affirmations.yaml");

    [Fact]
    public void EmbeddedClaims_AreTheThresholdsOfTheWrittenQuestion_WithItsText()
    {
        Assert.Equal(["ecart-debut", "ecart-fin"], Catalog.Claims.Select(c => c.Id));
        Assert.Equal([ClaimKind.StartPercent, ClaimKind.EndEuros], Catalog.Claims.Select(c => c.Kind));
        Assert.Equal([10m, 500m], Catalog.Claims.Select(c => c.Threshold));
        Assert.All(Catalog.Claims, c => Assert.Equal("qe-17-15684", c.Source.Text.Id));
    }

    [Fact]
    public void Claim_CitingAnUnknownText_IsRefusedWithFileAndLine()
    {
        File.WriteAllText(ClaimsFile, File.ReadAllText(ClaimsFile).Replace("reference: {texte: qe-17-15684}\n  - id: ecart-fin", "reference: {texte: qe-inconnue}\n  - id: ecart-fin"));
        var m = Messages();
        Assert.Contains($"carrieres/affirmations.yaml, ligne {LineOf(ClaimsFile, "id: ecart-debut")} : affirmation ecart-debut : texte « qe-inconnue » absent des catalogues", m);
    }

    [Fact]
    public void Claim_WithAnUnknownMeasure_IsASchemaErrorInFrench()
    {
        File.WriteAllText(ClaimsFile, File.ReadAllText(ClaimsFile).Replace("mesure: ecart_fin_euros", "mesure: ecart_median"));
        var m = Messages();
        Assert.Contains($"carrieres/affirmations.yaml, ligne {LineOf(ClaimsFile, "ecart_median")}", m);
        Assert.Contains("ecart_debut_pourcent", m);
    }

    [Fact]
    public void IndiceGrid_NamingAnUnknownDivisor_IsRefused()
    {
        Edit("fpt", "diviseur: diviseur-point-mensuel", "diviseur: diviseur-inconnu");
        Assert.Contains($"grids/fpt.yaml, ligne {LineOf(GridFile("fpt"), "diviseur-inconnu")}", Messages());
        Assert.Contains("diviseur « diviseur-inconnu » inconnu du droit", Messages());
    }
}
