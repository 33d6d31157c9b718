namespace Segur.Engine.Tests.Profiles;

/// <summary>Inputs the JSON library would crash on or accept silently: each is a French error with the line and the path.</summary>
public sealed class MalformedProfileTests
{
    private static string Refused(string json) =>
        Assert.Throws<SegurException>(() => TestLaw.Reader.Read(json, "profil.json")).Message;

    [Fact]
    public void Profile_DuplicatedKey_IsAFrenchError()
    {
        var m = Refused("""{"emploi":{},"emploi":{}}""");
        Assert.StartsWith("profil.json, ligne 1, colonne 14 : /emploi : champ écrit deux fois", m);
    }

    [Fact]
    public void Profile_DuplicatedNestedKey_NamesThePath()
    {
        var m = Refused("{\"employeur\": {\"secteur\": \"public\",\n \"secteur\": \"public\"}}");
        Assert.StartsWith("profil.json, ligne 2, colonne 2 : /employeur/secteur : champ écrit deux fois", m);
    }

    [Theory]
    [InlineData("""{"employeur": {"secteur": "public", "structure": "ehpad"}, "emploi": {"profession": "infirmier", "quotite": 1e308}}""", "/emploi/quotite : nombre 1e308 hors des limites")]
    [InlineData("""{"employeur": {"secteur": "public", "structure": "ehpad", "idcc": 1e308}, "emploi": {"profession": "infirmier"}}""", "/employeur/idcc : nombre 1e308 hors des limites")]
    [InlineData("""{"x": [1, 2, -1e400]}""", "/x/2 : nombre -1e400 hors des limites")]
    public void Profile_HugeNumber_IsAFrenchError(string json, string expected)
    {
        var m = Refused(json);
        Assert.StartsWith("profil.json, ligne 1, colonne ", m);
        Assert.Contains(expected, m);
        Assert.Contains("attendu un nombre ordinaire", m);
    }

    [Fact]
    public void Profile_LoneSurrogate_IsAFrenchError()
    {
        var m = Refused("""{"id": "\ud800", "employeur": {"secteur": "public", "structure": "ehpad"}, "emploi": {"profession": "infirmier"}}""");
        Assert.StartsWith("profil.json, ligne 1, colonne 8 : /id : texte illisible (caractère UTF-16 isolé", m);
    }

    [Fact]
    public void Profile_DeepNesting_IsAFrenchError()
    {
        var m = Refused(new string('[', 100) + new string(']', 100));
        Assert.Contains("profil.json, ligne 1, colonne 33 : ", m);
        Assert.Contains("imbrication trop profonde (plus de 32 niveaux)", m);
    }

    [Fact]
    public void Profile_HugeString_IsAFrenchError()
    {
        var m = Refused("{\"id\": \"" + new string('a', JsonInputLimit + 1) + "\"}");
        Assert.StartsWith("profil.json : document trop grand", m);
    }

    private const int JsonInputLimit = Segur.Engine.Profiles.JsonInput.MaxLength;

    [Fact]
    public void Profile_ImpossibleYear_IsAFrenchError()
    {
        var m = Refused("""{"employeur": {"secteur": "public", "structure": "ehpad"}, "emploi": {"profession": "infirmier", "entree": "0000-01-01"}}""");
        Assert.Contains("/emploi/entree : date \"0000-01-01\" invalide ; attendu une date AAAA-MM-JJ", m);
    }
}
