using System.Text.Json;
using System.Xml.Linq;
using static Segur.Careers.Tests.TestGrids;

namespace Segur.Careers.Tests;

/// <summary>The text, JSON and SVG outputs of a career comparison.</summary>
public sealed class OutputTests
{
    private static readonly Lazy<CareerComparisonResult> Result = new(() =>
        Compare(Law, "2026-01", 42, "ucanss:niveau-5", "fpt:assistant-socio-educatif", "fph:assistant-socio-educatif"));

    [Fact]
    public void Text_IsFrench_WithTablesVerdictsAndSources()
    {
        var text = CareerText.Write(Result.Value);
        Assert.Contains("Carrières comparées : 3 grille(s), 42 an(s) à partir de janvier 2026 (de janvier 2026 à janvier 2067)", text);
        Assert.Contains("  1  2026-01  5B                   285+0       7,60939    2 168,68              —    2 168,68  L", text);
        Assert.Contains("  1  2026-01  ase, éch. 1            395      4,922783    1 944,50      241,22 M4    2 185,72  M", text);
        Assert.Contains("[B] 2 185,72 € − [A] 2 168,68 € = +17,04 €, soit +0,78 % du salaire de [B] (seuil : plus de 10 %)", text);
        Assert.Contains("[B] 3 180,12 € − [A] 2 549,15 € = +630,97 €, soit +19,84 % du salaire de [B] (seuil : plus de 500 €)", text);
        Assert.Contains("Valeurs incertaines utilisées", text);
        Assert.Contains("[L] ucanss:niveau-5 : coefficient du grade 5B (285) à partir du 1er juin 2025", text);
        Assert.Contains("qe-17-15684 : Question écrite n° 15684", text);
        Assert.Equal(text, CareerText.Write(Compare(Law, "2026-01", 42, "ucanss:niveau-5", "fpt:assistant-socio-educatif", "fph:assistant-socio-educatif")));
    }

    [Fact]
    public void Json_GivesYearsGapsAndVerdicts()
    {
        using var doc = JsonDocument.Parse(CareerJson.Write(Result.Value));
        var root = doc.RootElement;
        Assert.Equal("2026-01", root.GetProperty("debut").GetString());
        Assert.Equal(42, root.GetProperty("annees").GetInt32());
        var grids = root.GetProperty("grilles");
        Assert.Equal(3, grids.GetArrayLength());
        var fpt = grids[1];
        Assert.Equal("fpt:assistant-socio-educatif", fpt.GetProperty("id").GetString());
        var y1 = fpt.GetProperty("annees")[0];
        Assert.Equal(395, y1.GetProperty("indice_majore").GetInt32());
        Assert.Equal(444, y1.GetProperty("indice_brut").GetInt32());
        Assert.Equal(1944.50m, y1.GetProperty("base").GetDecimal());
        Assert.Equal(241.22m, y1.GetProperty("segur").GetDecimal());
        Assert.Equal("M4", y1.GetProperty("segur_mesures")[0].GetString());
        Assert.Equal(2185.72m, y1.GetProperty("total").GetDecimal());
        Assert.Equal(5907.34m, y1.GetProperty("valeur_point_annuelle_indice_100").GetDecimal());
        var caf = grids[0].GetProperty("annees")[41];
        Assert.Equal(285, caf.GetProperty("coefficient").GetInt32());
        Assert.Equal(50, caf.GetProperty("points_experience").GetInt32());
        Assert.Equal(2974.01m, caf.GetProperty("equivalent_mensuel_annuel").GetDecimal());
        Assert.Equal("L", caf.GetProperty("confiance").GetString());
        var gap = root.GetProperty("ecarts")[0].GetProperty("annees")[41];
        Assert.Equal(630.97m, gap.GetProperty("ecart_euros").GetDecimal());
        Assert.Equal(19.84m, gap.GetProperty("ecart_pourcentage_homologue").GetDecimal());
        var claims = root.GetProperty("affirmations");
        Assert.Equal(4, claims.GetArrayLength());
        var end = claims.EnumerateArray().First(c => c.GetProperty("id").GetString() == "ecart-fin");
        Assert.True(end.GetProperty("verifiee").GetBoolean());
        Assert.False(end.GetProperty("robuste").GetBoolean());
        Assert.Equal("L", end.GetProperty("confiance").GetString());
        Assert.Contains(root.GetProperty("textes").EnumerateArray(), t => t.GetProperty("id").GetString() == "qe-17-15684");
        Assert.Contains(root.GetProperty("textes").EnumerateArray(), t => t.GetProperty("id").GetString() == "decret-2022-728");   // M4, from the engine
        Assert.Equal(Catalog.Fingerprint, root.GetProperty("legislation").GetProperty("empreinte_grilles").GetString());
        Assert.Contains("\"segur\": 0.00,", CareerJson.Write(Result.Value));
        Assert.Equal(CareerJson.Write(Result.Value), CareerJson.Write(Compare(Law, "2026-01", 42, "ucanss:niveau-5", "fpt:assistant-socio-educatif", "fph:assistant-socio-educatif")));
    }

    [Fact]
    public void Svg_IsWellFormedDeterministicAndEscaped()
    {
        var svg = CareerSvg.Write(Result.Value);
        var doc = XDocument.Parse(svg);
        XNamespace ns = "http://www.w3.org/2000/svg";
        Assert.Equal(ns + "svg", doc.Root!.Name);
        Assert.Equal(5, doc.Descendants(ns + "polyline").Count());   // 3 careers, 2 of them also without the Ségur
        Assert.Contains("Salaire brut mensuel selon la carrière", svg);
        Assert.Contains("(courbe confondue avec [C])", svg);
        Assert.Equal(svg, CareerSvg.Write(Result.Value));
        Assert.Equal("a &amp; b &lt;c&gt; &quot;d&quot; &apos;e&apos;", CareerSvg.Escape("a & b <c> \"d\" 'e'"));
    }
}
