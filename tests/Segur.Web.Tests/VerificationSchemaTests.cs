using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;

namespace Segur.Web.Tests;

/// <summary>Actual answers of <c>POST /api/verifier</c> against the schemas the API publishes in <c>/api/openapi.json</c>.</summary>
public sealed class VerificationSchemaTests : IAsyncLifetime
{
    private TestSite _site = null!;
    private JsonSchema _v2 = null!;
    private JsonSchema _v1 = null!;

    private const string Nurse = """{"id": "infirmiere", "employeur": {"secteur": "public", "versant": "FPH", "structure": "etablissement_public_sante"}, "emploi": {"profession": "infirmier", "statut": "titulaire", "quotite": 0.8, "temps_partiel": true, "entree": "2021-03-16"}, "periode": {"debut": "2020-12", "fin": "2022-06"}}""";
    private const string Caf = """{"employeur": {"secteur": "securite_sociale", "organisme": "CAF", "structure": "organisme_securite_sociale"}, "emploi": {"profession": "assistant_service_social", "statut": "salarie"}, "periode": {"debut": "2024-01", "fin": "2024-03"}}""";
    private const string Undecided = """{"employeur": {"secteur": "public", "versant": "FPH", "structure": "ehpad"}, "emploi": {"profession": "educateur_specialise"}, "periode": {"debut": "2022-03", "fin": "2022-05"}}""";

    public async Task InitializeAsync()
    {
        _site = new TestSite();
        var doc = JsonNode.Parse(await _site.Client.GetStringAsync("/api/openapi.json"))!;
        _v2 = Component(doc, "Verification");
        _v1 = Component(doc, "VerificationContrat1");
    }

    public async Task DisposeAsync() => await _site.DisposeAsync();

    /// <summary>One component of the document as a JSON Schema, with every other component that does not need the profile as <c>$defs</c>.</summary>
    private static JsonSchema Component(JsonNode doc, string name)
    {
        var defs = new JsonObject();
        foreach (var (n, s) in doc["components"]!["schemas"]!.AsObject())
        {
            var text = s!.ToJsonString();
            if (n == "Profil" || text.Contains("#/components/schemas/Profil", StringComparison.Ordinal)) continue;
            defs[n] = JsonNode.Parse(text.Replace("#/components/schemas/", "#/$defs/", StringComparison.Ordinal));
        }
        var root = new JsonObject { ["$schema"] = "https://json-schema.org/draft/2020-12/schema", ["$ref"] = "#/$defs/" + name, ["$defs"] = defs };
        return JsonSchema.FromText(root.ToJsonString(), new BuildOptions { SchemaRegistry = new SchemaRegistry() });
    }

    private static void AssertValid(JsonSchema schema, JsonElement answer, string what)
    {
        var r = schema.Evaluate(answer, new EvaluationOptions { OutputFormat = OutputFormat.List });
        Assert.True(r.IsValid, what + " : " + string.Join(" ; ", (r.Details ?? []).Where(d => d.Errors is { Count: > 0 })
            .Select(d => $"{d.InstanceLocation} {string.Join(", ", d.Errors!.Values)}").Take(5)));
    }

    private async Task<JsonElement> Post(string query, string body)
    {
        var r = await _site.Client.PostAsync("/api/verifier" + query, new StringContent(body, Encoding.UTF8, "application/json"));
        var text = await r.Content.ReadAsStringAsync();
        Assert.True(r.IsSuccessStatusCode, $"{(int)r.StatusCode} {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    [Theory]
    [InlineData(""), InlineData("?explication=aucune"), InlineData("?explication=resume"), InlineData("?explication=complete"), InlineData("?contrat=2&explication=complete")]
    public async Task Contract2Answers_FollowThePublishedSchema(string query)
    {
        foreach (var body in new[] { Nurse, Caf, Undecided })
        {
            var answer = await Post(query, body);
            Assert.Equal(2, answer.GetProperty("version").GetInt32());
            AssertValid(_v2, answer, $"contrat 2 {query}");
            Assert.False(_v1.Evaluate(answer).IsValid, "une réponse du contrat 2 ne doit pas passer pour le contrat 1");
        }
    }

    [Fact]
    public async Task Contract1Answers_FollowTheirOwnSchema_NotContract2s()
    {
        var answer = await Post("?contrat=1", Nurse);
        AssertValid(_v1, answer, "contrat 1");
        Assert.False(_v2.Evaluate(answer).IsValid);
    }

    [Fact]
    public async Task TheSchema_RefusesAnAnswerThatBreaksTheContract()
    {
        var answer = JsonNode.Parse((await Post("?explication=complete", Nurse)).GetRawText())!;
        var run = answer["mois"]![0]!.AsObject();
        run["montant_brut"] = "241,22";
        Assert.False(_v2.Evaluate(JsonSerializer.SerializeToElement(answer)).IsValid);
        run.Remove("montant_brut");
        Assert.False(_v2.Evaluate(JsonSerializer.SerializeToElement(answer)).IsValid);
        var criterion = JsonNode.Parse((await Post("?explication=complete", Nurse)).GetRawText())!;
        criterion["mois"]![0]!["mesures"]![0]!["criteres"]![0]!["resultat"] = "oui";
        Assert.False(_v2.Evaluate(JsonSerializer.SerializeToElement(criterion)).IsValid);
    }
}
