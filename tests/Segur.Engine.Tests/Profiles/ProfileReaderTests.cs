namespace Segur.Engine.Tests.Profiles;

public class ProfileReaderTests
{
    private static SegurException Refused(string json) =>
        Assert.Throws<SegurException>(() => TestLaw.Reader.Read(json, "profil.json"));

    [Fact]
    public void UnknownProfession_NamesThePathAndTheExpectedValues()
    {
        var e = Refused("""{"employeur": {"secteur": "public", "structure": "ehpad"}, "emploi": {"profession": "astronaute"}}""");
        Assert.StartsWith("profil.json : /emploi/profession : valeur \"astronaute\" inconnue", e.Message);
        Assert.Contains("infirmier", e.Message);
    }

    [Fact]
    public void UnknownStructure_IsRefused() =>
        Assert.Contains("/employeur/structure", Refused("""{"employeur": {"secteur": "public", "structure": "hopital"}, "emploi": {"profession": "infirmier"}}""").Message);

    [Fact]
    public void QuotiteOutOfRange_SaysWhatIsExpected() =>
        Assert.Contains("quotité 1.5 hors bornes", Refused("""{"employeur": {"secteur": "public", "structure": "ehpad"}, "emploi": {"profession": "infirmier", "quotite": 1.5}}""").Message);

    [Fact]
    public void MissingEmployer_IsReportedAsMissingField() =>
        Assert.Contains("/employeur : champ obligatoire manquant", Refused("""{"emploi": {"profession": "infirmier"}}""").Message);

    [Fact]
    public void UnknownField_IsRefused() =>
        Assert.Contains("/emploi/salaire : champ inconnu", Refused("""{"employeur": {"secteur": "public", "structure": "ehpad"}, "emploi": {"profession": "infirmier", "salaire": 2000}}""").Message);

    [Fact]
    public void MalformedJson_GivesTheLine()
    {
        var e = Refused("{\n \"employeur\": {\n  \"secteur\": \"public\",,\n}");
        Assert.Contains("profil.json, ligne 3", e.Message);
        Assert.Contains("JSON invalide", e.Message);
    }

    [Fact]
    public void ExitBeforeEntry_IsRefused() =>
        Assert.Contains("précède /emploi/entree", Refused("""{"employeur": {"secteur": "public", "structure": "ehpad"}, "emploi": {"profession": "infirmier", "entree": "2024-05-01", "sortie": "2024-04-30"}}""").Message);

    [Fact]
    public void ValidProfile_KeepsDefaultsOfTheSchema()
    {
        var p = TestLaw.Reader.Read("""{"employeur": {"secteur": "public", "structure": "ehpad"}, "emploi": {"profession": "infirmier"}}""", "p");
        Assert.Equal(1m, p.Quotite);
        Assert.Equal(1m, p.PartStructuresEligibles);
        Assert.Equal("ehpad", p.Value("employeur.structure"));
        Assert.Null(p.Value("employeur.versant"));
    }
}
