using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Segur.Web.Api;

/// <summary>
/// The OpenAPI document of <c>/api/openapi.json</c>: the one ASP.NET Core generates from the endpoints and
/// the types of <c>Api/Contracts.cs</c>, completed with what no C# type describes: the profile (the public
/// schema <c>profile.schema.json</c>, referenced as <c>#/components/schemas/Profil</c> and served at
/// <c>/api/schemas/profil.json</c>), the request bodies built from it, the verification and synthesis
/// documents, the multipart upload, and the French problem document of every error.
/// </summary>
public static class OpenApiDocumentBuilder
{
    public static async Task<string> BuildAsync(IServiceProvider services, string profileSchema, CancellationToken ct)
    {
        var provider = services.GetRequiredKeyedService<IOpenApiDocumentProvider>("v1");
        var document = await provider.GetOpenApiDocumentAsync(ct);
        var root = JsonNode.Parse(await document.SerializeAsJsonAsync(OpenApiSpecVersion.OpenApi3_1, ct))!.AsObject();
        var schemas = (root["components"] ??= new JsonObject()).AsObject()["schemas"] ??= new JsonObject();

        var profile = JsonNode.Parse(profileSchema)!.AsObject();
        profile.Remove("$schema");
        profile.Remove("$id");
        profile["externalDocs"] = new JsonObject { ["description"] = "Le même schéma, seul", ["url"] = "/api/schemas/profil.json" };
        schemas["Profil"] = profile;
        schemas["Probleme"] = Parse(ProblemSchema);
        schemas["Periode"] = Parse(PeriodSchema);
        schemas["DemandeVerification"] = Parse(VerifyRequestSchema);
        foreach (var (name, json) in VerificationSchemas.All) schemas[name] = Parse(json);
        schemas["DemandeSimulation"] = Parse(SimulationRequestSchema);
        schemas["DemandeEnregistrement"] = Parse(SaveRequestSchema);
        schemas["Synthese"] = Parse(SynthesisSchema);
        schemas.AsObject().Remove("ProblemDetails");
        if (schemas["Calcul"]?["properties"] is JsonObject saved)
            saved["synthese"] = new JsonObject { ["anyOf"] = new JsonArray(Ref("Synthese"), new JsonObject { ["type"] = "null" }) };

        foreach (var (path, item) in root["paths"]!.AsObject())
        {
            foreach (var (method, op) in item!.AsObject())
            {
                if (op is not JsonObject operation) continue;
                foreach (var (status, response) in operation["responses"]?.AsObject() ?? [])
                {
                    if (int.TryParse(status, System.Globalization.CultureInfo.InvariantCulture, out var code) && code >= 400)
                        response!["content"] = Content("application/problem+json", "Probleme");
                }
                switch ((method, path))
                {
                    case ("post", "/api/verifier"):
                        operation["requestBody"] = Body("application/json", "DemandeVerification");
                        operation["responses"]!["200"]!["content"] = new JsonObject { ["application/json"] = new JsonObject { ["schema"] = new JsonObject
                        {
                            ["description"] = "Contrat 2 (Verification) par défaut ; contrat 1 (VerificationContrat1) avec ?contrat=1.",
                            ["oneOf"] = new JsonArray(Ref("Verification"), Ref("VerificationContrat1")),
                        } } };
                        operation["parameters"] = Parse(VerifyParameters);
                        break;
                    case ("post", "/api/simuler"):
                        operation["requestBody"] = Body("application/json", "DemandeSimulation");
                        operation["responses"]!["200"]!["content"] = Content("application/json", "Synthese");
                        break;
                    case ("post", "/api/simulations"):
                        operation["requestBody"] = Body("application/json", "DemandeEnregistrement");
                        break;
                    case ("post", "/api/televersements"):
                        operation["requestBody"] = Parse(UploadBody);
                        break;
                    case ("get", "/api/schemas/profil.json"):
                        operation["responses"]!["200"]!["content"] = Content("application/schema+json", "Profil");
                        break;
                }
            }
        }
        return root.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
    }

    private static JsonNode Parse(string json) => JsonNode.Parse(json)!;

    private static JsonObject Ref(string name) => new() { ["$ref"] = "#/components/schemas/" + name };

    private static JsonObject Content(string type, string schema) => new() { [type] = new JsonObject { ["schema"] = Ref(schema) } };

    private static JsonObject Body(string type, string schema) => new() { ["required"] = true, ["content"] = Content(type, schema) };

    private const string ProblemSchema = """
        {"type": "object", "description": "Erreur en français (application/problem+json).", "required": ["type", "title", "status", "detail", "champ", "erreurs"],
         "properties": {
           "type": {"type": "string", "const": "about:blank"},
           "title": {"type": "string", "description": "Intitulé du statut, en français (« Requête invalide »)."},
           "status": {"type": "integer", "minimum": 400, "maximum": 599},
           "detail": {"type": "string", "description": "Le premier message : où (chemin JSON, ligne), ce qui a été trouvé, ce qui était attendu."},
           "champ": {"type": ["string", "null"], "description": "Chemin JSON du premier champ en cause (« /emploi/quotite »)."},
           "erreurs": {"type": "array", "items": {"type": "string"}, "description": "Tous les messages, le premier en tête."}}}
        """;

    private const string PeriodSchema = """
        {"type": "object", "required": ["debut"], "properties": {
           "debut": {"type": "string", "pattern": "^[0-9]{4}-[0-9]{2}$", "description": "Premier mois, AAAA-MM."},
           "fin": {"type": "string", "pattern": "^[0-9]{4}-[0-9]{2}$", "description": "Dernier mois, AAAA-MM (par défaut : le premier)."}}}
        """;

    private const string VerifyRequestSchema = """
        {"description": "Un profil (schéma Profil, avec sa période) et trois options, retirées avant la validation du profil.",
         "allOf": [{"$ref": "#/components/schemas/Profil"}],
         "properties": {
           "droit_au": {"type": "string", "format": "date", "description": "Le droit tel que publié à cette date (--droit-au)."},
           "toutes_mesures": {"type": "boolean", "description": "Expliquer toutes les mesures (--toutes-mesures)."},
           "reforme": {"type": "string", "description": "Id d'un scénario fourni (GET /api/reformes) ou texte YAML d'une réforme."}}}
        """;

    private const string VerifyParameters = """
        [{"name": "explication", "in": "query", "required": false, "description": "Niveau de détail du contrat 2 (docs/sortie-json.md).",
          "schema": {"type": "string", "enum": ["aucune", "resume", "complete"], "default": "resume"}},
         {"name": "contrat", "in": "query", "required": false, "description": "Version du contrat : 2 par défaut ; 1 pour l'ancien (sans « explication »).",
          "schema": {"type": "string", "enum": ["1", "2"], "default": "2"}}]
        """;

    private const string SimulationRequestSchema = """
        {"type": "object", "required": ["periode"], "description": "Une population : « profils » (1 000 au plus), « population » (tirage synthétique, 100 000 au plus) ou « televersement ».",
         "properties": {
           "periode": {"$ref": "#/components/schemas/Periode"},
           "reforme": {"type": "string", "description": "Id d'un scénario fourni ou texte YAML d'une réforme."},
           "droit_au": {"type": "string", "format": "date"},
           "profils": {"type": "array", "maxItems": 1000, "items": {"$ref": "#/components/schemas/Profil"}},
           "population": {"type": "object", "properties": {"taille": {"type": "integer", "minimum": 1}, "graine": {"type": "integer"}}},
           "televersement": {"type": "string", "pattern": "^[0-9a-f]{32}\\.(csv|parquet)$", "description": "Id rendu par POST /api/televersements."}}}
        """;

    private const string SaveRequestSchema = """
        {"allOf": [{"$ref": "#/components/schemas/DemandeSimulation"}], "required": ["titre"],
         "properties": {"titre": {"type": "string", "minLength": 1, "maxLength": 200}}}
        """;

    private const string SynthesisSchema = """
        {"type": "object", "description": "La synthèse de « segur simuler --synthese » (docs/simulation.md).",
         "required": ["entree", "periode", "droit_au", "legislation", "lignes", "reference"],
         "properties": {
           "entree": {"type": "string"},
           "periode": {"type": "object", "properties": {"debut": {"type": "string"}, "fin": {"type": "string"}, "mois": {"type": "integer"}}},
           "droit_au": {"type": ["string", "null"], "format": "date"},
           "legislation": {"$ref": "#/components/schemas/VersionLegislation"},
           "lignes": {"type": "object", "properties": {"lues": {"type": "integer"}, "evaluees": {"type": "integer"}, "rejetees": {"type": "integer"}}},
           "reference": {"type": "object", "description": "Résultats du droit en vigueur : bénéficiaires, coût, par mesure et par année."},
           "reforme": {"type": "object", "description": "Résultats avec la réforme, et la différence."}}}
        """;

    private const string UploadBody = """
        {"required": true, "content": {"multipart/form-data": {"schema": {"type": "object", "required": ["fichier"], "properties": {
           "fichier": {"type": "string", "format": "binary", "description": "Fichier d'effectifs .csv ou .parquet (format de segur simuler, docs/simulation.md), 50 Mo au plus."}}},
         "encoding": {"fichier": {"contentType": "text/csv, application/vnd.apache.parquet, application/octet-stream"}}}}}
        """;
}
