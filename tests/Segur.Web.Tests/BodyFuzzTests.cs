using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using CsCheck;

namespace Segur.Web.Tests;

/// <summary>
/// Property: whatever body a client sends to an API endpoint, the answer is a valid 2xx result or a French
/// problem document with a 4xx status, never a 5xx. The bodies are valid requests mutated by CsCheck
/// generators (text edits, JSON tree edits, duplicated keys, huge numbers, lone surrogates, invalid
/// UTF-8, deep nesting, truncation, wrong content types, oversize). Each run is seeded: the same inputs
/// every time (set <c>SEGUR_FUZZ_ITER</c> for a longer run, <c>SEGUR_FUZZ_SEED</c> for other inputs).
/// </summary>
public sealed class BodyFuzzTests(Xunit.Abstractions.ITestOutputHelper output) : IAsyncLifetime
{
    private TestSite _site = null!;

    public Task InitializeAsync()
    {
        _site = new TestSite();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _site.DisposeAsync();

    private static int Iterations(int normal) =>
        int.TryParse(Environment.GetEnvironmentVariable("SEGUR_FUZZ_ITER"), System.Globalization.CultureInfo.InvariantCulture, out var n) && n > 0 ? Math.Max(n, normal) : normal;

    private static ulong Seed => ulong.TryParse(Environment.GetEnvironmentVariable("SEGUR_FUZZ_SEED"), System.Globalization.CultureInfo.InvariantCulture, out var s) ? s : 20261202UL;

    private static readonly string[] Profiles =
    [
        """{"id": "infirmiere-chu", "employeur": {"secteur": "public", "versant": "FPH", "structure": "etablissement_public_sante", "departement": "69"}, "emploi": {"profession": "infirmier", "statut": "titulaire", "quotite": 1}, "periode": {"debut": "2024-06", "fin": "2024-06"}}""",
        """{"id": "assistante-sociale-caf", "employeur": {"secteur": "securite_sociale", "organisme": "CAF", "idcc": 218, "structure": "organisme_securite_sociale", "departement": "59"}, "emploi": {"profession": "assistant_service_social", "statut": "salarie", "fonctions_socio_educatives_principales": true, "quotite": 1}, "periode": {"debut": "2022-03", "fin": "2022-03"}, "droit_au": "2022-06-30", "toutes_mesures": true}""",
        """{"employeur": {"secteur": "securite_sociale", "organisme": "CAF", "structure": "organisme_securite_sociale"}, "emploi": {"profession": "assistant_service_social", "statut": "salarie"}, "periode": {"debut": "2024-01", "fin": "2024-01"}, "reforme": "extension-securite-sociale"}""",
    ];

    private const string Simulation = """{"periode": {"debut": "2024-01", "fin": "2024-02"}, "profils": [{"employeur": {"secteur": "public", "versant": "FPH", "structure": "etablissement_public_sante"}, "emploi": {"profession": "infirmier", "statut": "titulaire", "quotite": 0.8}}]}""";

    [Fact]
    public async Task Verifier_AnyMutatedBody_GivesAResultOrAFrenchProblem_NeverA5xx()
    {
        var stats = await Run("/api/verifier", BodyGen.Requests(Profiles), Iterations(10_000), requireOk: body => body.RootElement.TryGetProperty("mois", out _));
        Assert.True(stats.Ok > 100, $"trop peu de corps valides pour que la propriété dise quelque chose : {stats}");
        Assert.True(stats.Refused > 5_000, $"trop peu de corps refusés : {stats}");
    }

    [Fact]
    public async Task Simuler_AnyMutatedBody_GivesASynthesisOrAFrenchProblem_NeverA5xx()
    {
        var stats = await Run("/api/simuler", BodyGen.Requests([Simulation]), Iterations(1_000), requireOk: body => body.RootElement.ValueKind == JsonValueKind.Object);
        Assert.True(stats.Ok > 10 && stats.Refused > 500, stats.ToString());
    }

    private const string Save = """{"titre": "Essai", "periode": {"debut": "2024-01", "fin": "2024-01"}, "profils": [{"employeur": {"secteur": "public", "versant": "FPH", "structure": "etablissement_public_sante"}, "emploi": {"profession": "infirmier", "statut": "titulaire"}}]}""";

    private const string Boundary = "----segur-fuzz-7MA4YWxkTrZu0gW";

    private static readonly string Upload =
        $"--{Boundary}\r\nContent-Disposition: form-data; name=\"fichier\"; filename=\"effectifs.csv\"\r\nContent-Type: text/csv\r\n\r\n" +
        "employeur.secteur;employeur.versant;employeur.structure;emploi.profession;emploi.statut\npublic;FPH;etablissement_public_sante;infirmier;titulaire\n" +
        $"\r\n--{Boundary}--\r\n";

    [Fact]
    public async Task Simulations_AnyMutatedBody_SavesOrGivesAFrenchProblem_NeverA5xx()
    {
        var stats = await Run("/api/simulations", BodyGen.Requests([Save]), Iterations(300), requireOk: body => body.RootElement.TryGetProperty("id", out _), _site.Authorized());
        Assert.True(stats.Ok > 5 && stats.Refused > 150, stats.ToString());
    }

    [Fact]
    public async Task Televersements_AnyMutatedMultipart_StoresOrGivesAFrenchProblem_NeverA5xx()
    {
        var stats = await Run("/api/televersements", BodyGen.Multipart(Upload, Boundary), Iterations(1_000), requireOk: body => body.RootElement.TryGetProperty("id", out _), _site.Authorized());
        Assert.True(stats.Ok > 20 && stats.Refused > 300, stats.ToString());
    }

    private sealed record Stats(int Ok, int Refused, Dictionary<int, int> ByStatus)
    {
        public override string ToString() => string.Join(", ", ByStatus.OrderBy(k => k.Key).Select(k => $"{k.Key} : {k.Value}"));
    }

    private async Task<Stats> Run(string path, Gen<FuzzRequest> gen, int count, Func<JsonDocument, bool> requireOk, HttpClient? client = null)
    {
        client ??= _site.Client;
        // The inputs are drawn in order from the seed, then sent by two workers (the answers do not depend on the order).
        var pcg = new PCG(1, Seed);
        var inputs = new FuzzRequest[count];
        for (var i = 0; i < count; i++) inputs[i] = gen.Generate(pcg, null, out _);
        var statuses = new int[count];
        var ok = 0;
        await Parallel.ForAsync(0, count, new ParallelOptions { MaxDegreeOfParallelism = 2 }, async (i, ct) =>
        {
            var input = inputs[i];
            using var content = new ByteArrayContent(input.Body);
            if (input.ContentType is not null) content.Headers.TryAddWithoutValidation("Content-Type", input.ContentType);
            HttpResponseMessage r;
            try
            {
                r = await client.PostAsync(path, content, ct);
            }
            catch (Exception e)
            {
                throw new Xunit.Sdk.XunitException($"entrée n° {i} (graine {Seed}) : {input}\nexception {e.GetType().Name} : {e.Message}");
            }
            var status = statuses[i] = (int)r.StatusCode;
            try
            {
                if (status is >= 200 and < 300)
                {
                    using var doc = JsonDocument.Parse(await r.Content.ReadAsByteArrayAsync(ct));
                    Assert.True(requireOk(doc), "réponse 2xx qui n'a pas la forme attendue");
                    Interlocked.Increment(ref ok);
                }
                else
                {
                    Assert.InRange(status, 400, 499);
                    await FrenchProblem.Check(r);
                }
            }
            catch (Exception e)
            {
                throw new Xunit.Sdk.XunitException($"entrée n° {i} (graine {Seed}) : {input}\nstatut {status} : {Cut(await r.Content.ReadAsStringAsync(ct))}\n{e.Message}");
            }
        });
        var byStatus = statuses.GroupBy(x => x).ToDictionary(g => g.Key, g => g.Count());
        var refused = count - ok;
        var stats = new Stats(ok, refused, byStatus);
        output.WriteLine($"{path} : {count} entrées (graine {Seed}) : {stats}");
        return stats;
    }

    private static string Cut(string s) => s.Length > 600 ? s[..600] + "…" : s;
}

/// <summary>A body to send, with its content type (null: no header) and how it was made.</summary>
public sealed record FuzzRequest(byte[] Body, string? ContentType, string How)
{
    public override string ToString()
    {
        var text = Encoding.UTF8.GetString(Body);
        return $"{How} ; type {ContentType ?? "absent"} ; {Body.Length} octets : {(text.Length > 400 ? text[..400] + "…" : text)}";
    }
}

/// <summary>CsCheck generators of mutated request bodies.</summary>
public static class BodyGen
{
    private static readonly string[] Tokens =
    [
        "{", "}", "[", "]", "\"", ",", ":", "\\", "null", "true", "1e308", "-1e308", "1e-400", "1E400", "NaN", "Infinity", "-0",
        "99999999999999999999999999999999", "0.000000000000000000000000000001", "\"\\uD800\"", "\"\\uDFFF\"", "\\uD83D", "\"\\u0000\"",
        "\"é\"", " ", "\n", "\"emploi\": {}, ", "\"periode\": \"2024\", ", "/*", "'", "0x1F", "+1", "01",
    ];

    private static JsonNode?[] Values() =>
    [
        null, true, false, 0, -1, 1.5m, 1e300, -7, 1000000, "", "x", "infirmiere", "2024-13", "2024-06", "9999-12", "0000-01",
        "2024-06-31", "\uFFFD", new string('a', 5000), new JsonArray(), new JsonObject(), new JsonArray(1, "a", null),
        new JsonObject { ["debut"] = "2024-01", ["fin"] = "2023-01" }, new JsonObject { ["debut"] = "1900-01", ["fin"] = "2199-12" },
    ];

    private static readonly string?[] ContentTypes =
    [
        "application/json", "application/json; charset=utf-8", "application/json; charset=iso-8859-1", "application/problem+json",
        null, "text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "application/xml", "application/json; charset=",
    ];

    /// <summary>Mostly JSON with a few wrong content types; bodies from one of <paramref name="valid"/>, mutated.</summary>
    public static Gen<FuzzRequest> Requests(string[] valid)
    {
        var contentType = Gen.Frequency((9, Gen.Const<string?>("application/json")), (1, Gen.Int[0, ContentTypes.Length - 1].Select(i => ContentTypes[i])));
        var body = Gen.Int[0, valid.Length - 1].SelectMany(i => Mutated(valid[i]));
        return Gen.Select(body, contentType, (b, t) => b with { ContentType = t });
    }

    /// <summary>A multipart form mutated as text or bytes, under its own or a wrong content type.</summary>
    public static Gen<FuzzRequest> Multipart(string form, string boundary)
    {
        string?[] types = [$"multipart/form-data; boundary={boundary}", $"multipart/form-data; boundary=\"{boundary}\"", "multipart/form-data", $"multipart/form-data; boundary={boundary}x",
            $"multipart/form-data; boundary={new string('b', 300)}", "application/json", null, "application/x-www-form-urlencoded"];
        var body = Gen.Frequency(
            (1, Gen.Const(new FuzzRequest(Encoding.UTF8.GetBytes(form), null, "intact"))),
            (6, TextEdits(form)),
            (2, Gen.Int[0, form.Length].Select(n => new FuzzRequest(Encoding.UTF8.GetBytes(form[..n]), null, $"tronqué à {n}"))),
            (1, ByteEdit(form)),
            (1, Gen.Int[0, 3].Select(k => new FuzzRequest(Encoding.UTF8.GetBytes(k switch
            {
                0 => form.Replace("effectifs.csv", "effectifs.exe", StringComparison.Ordinal),
                1 => form.Replace("filename=\"effectifs.csv\"", "filename=\"../../etc/passwd.csv\"", StringComparison.Ordinal),
                2 => form.Replace("name=\"fichier\"", "name=\"autre\"", StringComparison.Ordinal),
                _ => form.Replace("Content-Type: text/csv", "Content-Type: text/csv\r\nX-Long: " + new string('h', 20_000), StringComparison.Ordinal),
            }), null, $"variante {k}"))));
        var type = Gen.Frequency((8, Gen.Const<string?>(types[0])), (2, Gen.Int[1, types.Length - 1].Select(i => types[i])));
        return Gen.Select(body, type, (b, t) => b with { ContentType = t });
    }

    private static Gen<FuzzRequest> Mutated(string json) => Gen.Frequency(
        (1, Gen.Const(new FuzzRequest(Encoding.UTF8.GetBytes(json), null, "intact"))),
        (6, TextEdits(json)),
        (6, TreeEdit(json)),
        (1, Gen.Int[0, json.Length].Select(n => new FuzzRequest(Encoding.UTF8.GetBytes(json[..n]), null, $"tronqué à {n}"))),
        (1, Gen.Int[1, 20_000].Select(depth => new FuzzRequest(Encoding.UTF8.GetBytes(json.Insert(json.IndexOf(':') + 1, new string('[', depth) + new string(']', depth))), null, $"imbrication {depth}"))),
        (1, ByteEdit(json)),
        (1, Gen.Int[0, 40].Select(k => new FuzzRequest(Encoding.UTF8.GetBytes(k == 0 ? json.Replace("}", new string(' ', (1 << 20) + 10) + "}", StringComparison.Ordinal) : json + new string(' ', k)), null, k == 0 ? "trop gros" : "espaces"))));

    /// <summary>One to four insertions, deletions or duplications in the text.</summary>
    private static Gen<FuzzRequest> TextEdits(string json)
    {
        var edit = Gen.Select(Gen.Int[0, 2], Gen.Int[0, int.MaxValue], Gen.Int[0, Tokens.Length - 1], Gen.Int[1, 12]);
        return edit.Array[1, 4].Select(edits =>
        {
            var text = json;
            var how = new List<string>();
            foreach (var (kind, at, token, length) in edits)
            {
                var pos = at % (text.Length + 1);
                switch (kind)
                {
                    case 0:
                        text = text.Insert(pos, Tokens[token]);
                        how.Add($"insère {Tokens[token]} en {pos}");
                        break;
                    case 1:
                        var n = Math.Min(length, text.Length - pos);
                        text = text.Remove(pos, n);
                        how.Add($"retire {n} en {pos}");
                        break;
                    default:
                        var m = Math.Min(length * 3, text.Length - pos);
                        text = text.Insert(pos, text.Substring(pos, m));
                        how.Add($"double {m} en {pos}");
                        break;
                }
            }
            return new FuzzRequest(Encoding.UTF8.GetBytes(text), null, string.Join(", ", how));
        });
    }

    /// <summary>Replaces, removes, renames or adds one member somewhere in the tree.</summary>
    private static Gen<FuzzRequest> TreeEdit(string json) =>
        Gen.Select(Gen.Int[0, int.MaxValue], Gen.Int[0, 3], Gen.Int[0, Values().Length - 1]).Select(t =>
        {
            var (at, kind, value) = t;
            var root = JsonNode.Parse(json)!.AsObject();
            var slots = new List<(JsonObject Parent, string Key)>();
            Collect(root, slots);
            var (parent, key) = slots[at % slots.Count];
            var path = key;
            switch (kind)
            {
                case 0:
                    parent[key] = Values()[value];
                    path = $"{key} = {parent[key]?.ToJsonString() ?? "null"}";
                    break;
                case 1:
                    parent.Remove(key);
                    path = $"retire {key}";
                    break;
                case 2:
                    var v = parent[key];
                    parent.Remove(key);
                    parent[key + "_"] = v;
                    path = $"renomme {key}";
                    break;
                default:
                    parent["champ_inconnu"] = Values()[value];
                    path = $"ajoute champ_inconnu dans l'objet de {key}";
                    break;
            }
            return new FuzzRequest(Encoding.UTF8.GetBytes(root.ToJsonString()), null, "arbre : " + path);
        });

    private static void Collect(JsonObject o, List<(JsonObject, string)> slots)
    {
        foreach (var (k, v) in o.ToList())
        {
            slots.Add((o, k));
            if (v is JsonObject child) Collect(child, slots);
            if (v is JsonArray arr) foreach (var item in arr) if (item is JsonObject c) Collect(c, slots);
        }
    }

    /// <summary>Invalid UTF-8 bytes, an encoded lone surrogate, a byte-order mark, a NUL.</summary>
    private static Gen<FuzzRequest> ByteEdit(string json)
    {
        byte[][] junk = [[0xFF], [0xC0, 0x80], [0xED, 0xA0, 0x80], [0xEF, 0xBB, 0xBF], [0x00], [0xE9], [0xF4, 0x90, 0x80, 0x80]];
        return Gen.Select(Gen.Int[0, int.MaxValue], Gen.Int[0, junk.Length - 1]).Select(t =>
        {
            var bytes = Encoding.UTF8.GetBytes(json).ToList();
            var pos = t.Item1 % (bytes.Count + 1);
            bytes.InsertRange(pos, junk[t.Item2]);
            return new FuzzRequest([.. bytes], null, $"octets {Convert.ToHexString(junk[t.Item2])} en {pos}");
        });
    }
}
