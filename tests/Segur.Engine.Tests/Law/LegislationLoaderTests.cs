using Segur.Engine.Law;

namespace Segur.Engine.Tests.Law;

/// <summary>Each test breaks one file of a copy of <c>legislation/</c> and checks the French error.</summary>
public sealed class LegislationLoaderTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "segur-law-" + Guid.NewGuid().ToString("N"));

    public LegislationLoaderTests()
    {
        foreach (var file in Directory.EnumerateFiles(TestLaw.Legislation, "*", SearchOption.AllDirectories))
        {
            var rel = Path.GetRelativePath(TestLaw.Legislation, file);
            if (rel.StartsWith("cases", StringComparison.Ordinal)) continue;
            var target = Path.Combine(_dir, rel);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private void Edit(string file, string from, string to)
    {
        var path = Path.Combine(_dir, file);
        var text = File.ReadAllText(path);
        Assert.Contains(from, text);
        File.WriteAllText(path, text.Replace(from, to));
    }

    private SegurException Refused()
    {
        var e = Assert.Throws<SegurException>(() => LegislationLoader.Load(new DirectoryLegislation(_dir)));
        return e;
    }

    private string AllMessages(SegurException e) => string.Join("\n", e.Details.Prepend(e.Message));

    [Fact]
    public void DirectoryCopy_LoadsLikeTheEmbeddedLaw()
    {
        var fromDisk = LegislationLoader.Load(new DirectoryLegislation(_dir));
        Assert.Equal(TestLaw.Law.Fingerprint, fromDisk.Fingerprint);
        Assert.Equal(TestLaw.Law.Measures.Select(m => m.Id), fromDisk.Measures.Select(m => m.Id));
    }

    [Fact]
    public void EnumValueWithoutLabel_IsRefused_AndLabelsReachTheVocabulary()
    {
        Assert.Equal("Infirmier(ère)", TestLaw.Law.Vocabulary.Label("emploi.profession", "infirmier"));
        Assert.Equal("métier", TestLaw.Law.Vocabulary.Label("emploi.profession"));
        Edit("libelles.yaml", "      infirmier: \"Infirmier(ère)\"\n", "");
        var e = Refused();
        Assert.Contains("libelles.yaml", AllMessages(e));
        Assert.Contains("emploi.profession : valeur(s) sans libellé : infirmier", AllMessages(e));
    }

    [Fact]
    public void ValueWithoutReference_IsRefused()
    {
        Edit("parameters/point-indice.yaml", "        reference: {texte: decret-2022-994, article: \"art. 1\"}\n", "");
        var e = Refused();
        Assert.Contains("parameters/point-indice.yaml", e.Message);
        Assert.Contains("n'a pas de référence", e.Message);
    }

    [Fact]
    public void GapBetweenDatedValues_IsRefused()
    {
        Edit("parameters/point-indice.yaml", "      - du: 2022-07-01\n        au: 2023-06-30", "      - du: 2022-08-01\n        au: 2023-06-30");
        Assert.Contains("trou entre le 2022-06-30 et le 2022-08-01", Refused().Message);
    }

    [Fact]
    public void OverlappingDatedValues_AreRefused()
    {
        Edit("parameters/point-indice.yaml", "        au: 2022-06-30\n", "        au: 2022-07-31\n");
        Assert.Contains("chevauchement", Refused().Message);
    }

    [Fact]
    public void UnknownVocabularyValue_NamesFileFieldAndExpectedValues()
    {
        Edit("measures/m6-fhp.yaml", "{champ: employeur.structure, egal: etablissement_sante_prive}", "{champ: employeur.structure, egal: clinique}");
        var e = Refused();
        Assert.Contains("measures/m6-fhp.yaml, ligne", e.Message);
        Assert.Contains("valeur « clinique » inconnue pour employeur.structure", e.Message);
    }

    [Fact]
    public void UnknownField_IsRefused()
    {
        Edit("measures/m6-fhp.yaml", "{champ: employeur.idcc, parmi: [\"2264\"]}", "{champ: employeur.convention, parmi: [\"2264\"]}");
        Assert.Contains("champ « employeur.convention » inconnu du schéma de profil", Refused().Message);
    }

    [Fact]
    public void CitationOfUnknownText_IsRefused()
    {
        Edit("measures/m6-fhp.yaml", "institue_par: fhp-accord-2020", "institue_par: accord-imaginaire");
        Assert.Contains("texte « accord-imaginaire » absent de references.yaml", Refused().Message);
    }

    [Fact]
    public void ConflictWithoutPriority_IsAnError()
    {
        Edit("measures/m9-accord-bass-2024.yaml", "cede_a: [M5-FEHAP, M5-NEXEM, M5-UNICANCER, M5-CROIX-ROUGE, M7, M8]", "cede_a: [M5-FEHAP, M5-NEXEM, M5-UNICANCER, M5-CROIX-ROUGE, M7]");
        var all = AllMessages(Refused());
        Assert.Contains("conflit entre les mesures M8 et M9", all);
        Assert.Contains("cede_a", all);
    }

    [Fact]
    public void MidMonthDate_IsRefused()
    {
        Edit("measures/m7-laforcade-bass.yaml", "du: 2021-11-01", "du: 2021-11-15");
        Assert.Contains("attendu le premier jour d'un mois", Refused().Message);
    }

    [Fact]
    public void MalformedYaml_GivesFileAndLine()
    {
        Edit("measures/m7-laforcade-bass.yaml", "famille: socle", "famille: [socle");
        var e = Refused();
        Assert.Contains("m7-laforcade-bass.yaml, ligne", e.Message);
    }

    [Fact]
    public void UnknownKey_IsRefused()
    {
        Edit("measures/m7-laforcade-bass.yaml", "famille: socle", "famille: socle\nmontant_net: 183");
        Assert.Contains("clé inconnue « montant_net »", Refused().Message);
    }

    [Fact]
    public void AmountParameterNotCoveringTheMeasure_IsRefused()
    {
        Edit("measures/m7-laforcade-bass.yaml", "du: 2021-11-01", "du: 2021-10-01");
        Assert.Contains("n'a pas de valeur avant le 2021-11-01", AllMessages(Refused()));
    }
}
