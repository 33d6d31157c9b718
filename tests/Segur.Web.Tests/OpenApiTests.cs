using System.Text.Json.Nodes;

namespace Segur.Web.Tests;

/// <summary>The API describes itself: every operation has typed request and response schemas.</summary>
public sealed class OpenApiTests : IAsyncLifetime
{
    private TestSite _site = null!;
    private JsonObject _doc = null!;

    public async Task InitializeAsync()
    {
        _site = new TestSite();
        _doc = JsonNode.Parse(await _site.Client.GetStringAsync("/api/openapi.json"))!.AsObject();
    }

    public async Task DisposeAsync() => await _site.DisposeAsync();

    private IEnumerable<(string Path, string Method, JsonObject Operation)> Operations() =>
        from p in _doc["paths"]!.AsObject()
        from m in p.Value!.AsObject()
        where m.Value is JsonObject
        select (p.Key, m.Key, m.Value!.AsObject());

    /// <summary>A schema says something: a type, a reference, a composition or an enumeration — never <c>{}</c>.</summary>
    private static void AssertTyped(JsonNode? schema, string where)
    {
        Assert.True(schema is JsonObject, $"{where} : pas de schéma");
        var s = schema!.AsObject();
        Assert.True(s.ContainsKey("type") || s.ContainsKey("$ref") || s.ContainsKey("allOf") || s.ContainsKey("oneOf") || s.ContainsKey("anyOf") || s.ContainsKey("enum"),
            $"{where} : schéma vide {s.ToJsonString()}");
        if (s["items"] is { } items) AssertTyped(items, where + "/items");
    }

    [Fact]
    public void EveryOperation_HasTypedRequestAndResponses()
    {
        var ops = Operations().ToList();
        Assert.True(ops.Count >= 15, $"{ops.Count} opérations");
        foreach (var (path, method, op) in ops)
        {
            var where = $"{method.ToUpperInvariant()} {path}";
            if (method is "post" or "put")
            {
                var body = op["requestBody"]?["content"]?.AsObject();
                Assert.True(body is { Count: > 0 }, $"{where} : corps de requête non décrit");
                foreach (var (type, media) in body!) AssertTyped(media!["schema"], $"{where} requête {type}");
            }
            var responses = op["responses"]!.AsObject();
            Assert.Contains(responses, r => r.Key.StartsWith('2'));
            foreach (var (status, response) in responses)
            {
                var content = response!["content"]?.AsObject();
                Assert.True(content is { Count: > 0 }, $"{where} {status} : réponse sans contenu décrit");
                foreach (var (type, media) in content!)
                {
                    AssertTyped(media!["schema"], $"{where} {status} {type}");
                    if (status[0] is '4' or '5')
                    {
                        Assert.Equal("application/problem+json", type);
                        Assert.Equal("#/components/schemas/Probleme", media["schema"]!["$ref"]!.GetValue<string>());
                    }
                }
            }
        }
    }

    [Fact]
    public void EveryComponentSchema_IsTyped()
    {
        foreach (var (name, schema) in _doc["components"]!["schemas"]!.AsObject()) AssertTyped(schema, "composant " + name);
    }

    [Fact]
    public void Verifier_TakesTheProfileSchemaByReference()
    {
        var request = _doc["components"]!["schemas"]!["DemandeVerification"]!;
        Assert.Equal("#/components/schemas/Profil", request["allOf"]![0]!["$ref"]!.GetValue<string>());
        var profile = _doc["components"]!["schemas"]!["Profil"]!;
        Assert.NotNull(profile["properties"]!["employeur"]);
        var verify = _doc["paths"]!["/api/verifier"]!["post"]!;
        var answer = verify["responses"]!["200"]!["content"]!["application/json"]!["schema"]!["oneOf"]!.AsArray();
        Assert.Equal(["#/components/schemas/Verification", "#/components/schemas/VerificationContrat1"], answer.Select(a => a!["$ref"]!.GetValue<string>()));
        Assert.Equal(2, _doc["components"]!["schemas"]!["Verification"]!["properties"]!["version"]!["const"]!.GetValue<int>());
        Assert.Contains(verify["parameters"]!.AsArray(), p => p!["name"]!.GetValue<string>() == "explication");
        var simulate = _doc["components"]!["schemas"]!["DemandeSimulation"]!;
        Assert.Equal("#/components/schemas/Profil", simulate["properties"]!["profils"]!["items"]!["$ref"]!.GetValue<string>());
    }

    [Fact]
    public void Upload_IsDeclaredAsMultipartWithItsFileField()
    {
        var schema = _doc["paths"]!["/api/televersements"]!["post"]!["requestBody"]!["content"]!["multipart/form-data"]!["schema"]!;
        Assert.Equal("binary", schema["properties"]!["fichier"]!["format"]!.GetValue<string>());
        Assert.Equal("fichier", schema["required"]![0]!.GetValue<string>());
    }

    [Fact]
    public async Task ProfileSchema_IsServedAtAStableAddress()
    {
        var r = await _site.Client.GetAsync("/api/schemas/profil.json");
        Assert.Equal(System.Net.HttpStatusCode.OK, r.StatusCode);
        Assert.Equal("application/schema+json", r.Content.Headers.ContentType!.MediaType);
        Assert.Equal(File.ReadAllText(Path.Combine(Repo.Root, "legislation", "profile.schema.json")), await r.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task TypedAnswers_AreWhatTheDocumentSays()
    {
        var m1 = JsonNode.Parse(await _site.Client.GetStringAsync("/api/mesures/M1"))!;
        Assert.Equal("decret-2020-1152", m1["institue_par"]!["texte"]!.GetValue<string>());
        Assert.NotNull(_doc["components"]!["schemas"]!["Mesure"]!["properties"]!["institue_par"]);
        var sante = JsonNode.Parse(await _site.Client.GetStringAsync("/api/sante"))!;
        Assert.True(sante["version_schema"]!.GetValue<int>() >= 1);
    }
}
