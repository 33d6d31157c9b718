using System.Globalization;
using System.Text.Json.Nodes;
using Segur.Engine;
using Segur.Engine.Law;
using Segur.Engine.Time;
using Segur.Web.Simulation;
using Segur.Web.Storage;

namespace Segur.Web.Api;

/// <summary>The JSON API under <c>/api</c>: verify one profile, simulate a small population, list the law, save and read runs.</summary>
public static class ApiEndpoints
{
    public static void Map(WebApplication app)
    {
        var api = app.MapGroup("/api").WithTags("segur");

        api.MapPost("/verifier", Verify)
            .RequireRateLimiting(Overload.Evaluation)
            .WithName("verifier")
            .WithSummary("Vérifier un profil : le JSON de « segur verifier --format json »")
            .WithDescription("Corps : un profil (schéma legislation/profile.schema.json, avec « periode » {debut, fin}), et en option « reforme » (id d'une réforme fournie ou texte YAML d'une réforme), « droit_au » (AAAA-MM-JJ) et « toutes_mesures » (booléen). Réponse : exactement les octets de « segur verifier profil.json --format json » pour la même entrée. Au plus 240 mois par requête ; sans période, le mois courant.")
            .Accepts<JsonObject>("application/json")
            .Produces<JsonObject>(200, "application/json")
            .ProducesProblem(400).ProducesProblem(413).ProducesProblem(415);

        api.MapPost("/simuler", Simulate)
            .RequireRateLimiting(Overload.Simulation)
            .WithName("simuler")
            .WithSummary("Simuler une petite population (jusqu'à 1 000 profils) ou la population nationale synthétique")
            .WithDescription("Corps : {\"profils\": [profil…]} ou {\"population\": {\"taille\": n, \"graine\": g}}, avec « periode » {debut, fin} (obligatoire), « reforme » et « droit_au » facultatifs. Réponse : la synthèse de « segur simuler --synthese ».")
            .Accepts<JsonObject>("application/json")
            .Produces<JsonObject>(200, "application/json")
            .ProducesProblem(400);

        api.MapGet("/mesures", (LawService l) => Results.Json(l.Law.Measures.Select(m => Measure(m, false)), Problem.Json))
            .WithName("mesures").WithSummary("Lister les mesures");
        api.MapGet("/mesures/{id}", (string id, LawService l) => l.Law.Measure(id) is { } m
                ? Results.Json(Measure(m, true), Problem.Json)
                : Problem.Result(404, $"/mesures/{id} : mesure inconnue ; attendu un id parmi {string.Join(", ", l.Law.Measures.Select(x => x.Id))}"))
            .WithName("mesure").WithSummary("Une mesure, ses critères et ses textes");
        api.MapGet("/parametres", (LawService l) => Results.Json(l.Law.Parameters.Values.OrderBy(p => p.Id, StringComparer.Ordinal).Select(Parameter), Problem.Json))
            .WithName("parametres").WithSummary("Lister les paramètres et leurs valeurs datées");
        api.MapGet("/parametres/{id}", (string id, LawService l) => l.Law.Parameters.TryGetValue(id, out var p)
                ? Results.Json(Parameter(p), Problem.Json)
                : Problem.Result(404, $"/parametres/{id} : paramètre inconnu"))
            .WithName("parametre").WithSummary("Un paramètre et ses valeurs datées");
        api.MapGet("/textes", (LawService l) => Results.Json(l.Law.Texts.Values.OrderBy(t => t.Id, StringComparer.Ordinal).Select(Text), Problem.Json))
            .WithName("textes").WithSummary("Lister les textes cités");
        api.MapGet("/cas", (LawService l) => Results.Json(l.Cases.Select(c => new
            {
                id = c.Id, titre = c.Title, fichier = c.File, ligne = c.Line, mois = c.Month.ToString(),
                droit_au = c.LawAsOf is { } d ? Format.Iso(d) : null,
                attendu = new { eligible = c.Expected.Eligible, mesure = c.Expected.Measure, montant_brut = c.Expected.Gross, motifs = c.Expected.Motifs, incertain = c.Expected.Uncertain },
                raison = c.Reason, confiance = c.Confidence, sources = c.Sources, profil = c.Profile,
            }), Problem.Json))
            .WithName("cas").WithSummary("Lister les cas juridiques (legislation/cases/)");
        api.MapGet("/reformes", (LawService l) => Results.Json(l.Reforms.Select(r => new { id = r.Id, intitule = r.Title, fichier = r.File, yaml = r.Text }), Problem.Json))
            .WithName("reformes").WithSummary("Lister les scénarios de réforme fournis");
        api.MapGet("/sante", async (LawService l, IRunStore store, CancellationToken ct) =>
                Results.Json(new { etat = "ok", legislation = new { version = l.Law.Version, empreinte = l.Law.Fingerprint }, stockage = store.Kind, version_schema = await store.MigrateAsync(ct) }, Problem.Json))
            .WithName("sante").WithSummary("État du serveur");

        api.MapPost("/televersements", Upload)
            .RequireRateLimiting(Overload.Upload)
            .WithName("televerser").WithSummary("Téléverser un fichier d'effectifs (jeton requis)")
            .WithDescription("multipart/form-data, champ « fichier » (.csv ou .parquet) ; en-tête « Authorization: Bearer <jeton> ». Réponse : {\"id\": …} à passer à POST /api/simulations.")
            .ProducesProblem(401).ProducesProblem(413);
        api.MapPost("/simulations", SaveRun)
            .RequireRateLimiting(Overload.Simulation)
            .WithName("enregistrer").WithSummary("Lancer et enregistrer une simulation (jeton requis)")
            .WithDescription("Corps : {\"titre\": …, \"periode\": {debut, fin}, \"reforme\": …, et \"population\": {taille, graine} ou \"televersement\": id ou \"profils\": […]}. Enregistrement en une transaction, avec la version de la législation et le texte de la réforme.")
            .Accepts<JsonObject>("application/json")
            .ProducesProblem(400).ProducesProblem(401);
        api.MapGet("/simulations", async (IRunStore store, CancellationToken ct) => Results.Json((await store.ListAsync(200, ct)).Select(s => Saved(s, false)), Problem.Json))
            .WithName("simulations").WithSummary("Lister les calculs enregistrés");
        api.MapGet("/simulations/{id:long}", async (long id, IRunStore store, CancellationToken ct) => await store.GetAsync(id, ct) is { } s
                ? Results.Json(Saved(s, true), Problem.Json)
                : Problem.Result(404, $"/simulations/{id} : calcul introuvable"))
            .WithName("simulation").WithSummary("Un calcul enregistré");
    }

    private static async Task<IResult> Verify(HttpRequest req, Verification verification, WebOptions options, CancellationToken ct)
    {
        RequestBody.RequireJson(req);
        var body = await RequestBody.ReadAsync(req, options.MaxJsonBytes, ct);
        var obj = RequestBody.Object(body, "un objet JSON décrivant un profil {\"employeur\": {…}, \"emploi\": {…}, \"periode\": {…}}");
        var request = Verification.Parse(obj);
        var result = verification.Evaluate(request, ct);
        var bytes = Verification.Json(result, request.AllMeasures);
        ct.ThrowIfCancellationRequested(); // past the time limit while computing: 503 rather than a late answer
        return new JsonBytes(bytes);
    }

    /// <summary>A computed answer, written in full even if the time limit passes during the write (no half document).</summary>
    private sealed class JsonBytes(byte[] bytes) : IResult
    {
        public async Task ExecuteAsync(HttpContext ctx)
        {
            ctx.Response.StatusCode = 200;
            ctx.Response.ContentType = "application/json; charset=utf-8";
            ctx.Response.ContentLength = bytes.Length;
            await ctx.Response.Body.WriteAsync(bytes, CancellationToken.None);
        }
    }

    private static SimulationRequest SimulationOf(JsonObject obj, SimulationService sims)
    {
        var reform = RequestBody.TakeString(obj, "reforme", "un texte : id d'une réforme fournie ou YAML");
        var asOfText = RequestBody.TakeString(obj, "droit_au", "une date AAAA-MM-JJ");
        DateOnly? asOf = null;
        if (asOfText is not null)
        {
            if (!DateOnly.TryParseExact(asOfText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
                throw new WebProblem(400, $"requête : /droit_au : date « {asOfText} » invalide ; attendu une date AAAA-MM-JJ");
            asOf = d;
        }
        if (obj["periode"] is not JsonObject per) throw new WebProblem(400, "requête : /periode : champ obligatoire manquant ; attendu {\"debut\": \"AAAA-MM\", \"fin\": \"AAAA-MM\"}");
        var debut = per["debut"]?.GetValueKind() == System.Text.Json.JsonValueKind.String ? per["debut"]!.GetValue<string>() : null;
        var fin = per["fin"]?.GetValueKind() == System.Text.Json.JsonValueKind.String ? per["fin"]!.GetValue<string>() : debut;
        if (debut is null) throw new WebProblem(400, "requête : /periode/debut : champ obligatoire manquant ; attendu un mois AAAA-MM");
        if (!MonthRange.TryParse($"{debut}..{fin}", out var period, out var error)) throw new WebProblem(400, "requête : /periode : " + error);
        var r = new SimulationRequest { Period = period, LawAsOf = asOf, Reform = string.IsNullOrWhiteSpace(reform) ? null : reform };
        if (obj["profils"] is JsonArray arr)
        {
            var list = new List<JsonObject>();
            for (var i = 0; i < arr.Count; i++)
                list.Add(arr[i] as JsonObject ?? throw new WebProblem(400, $"requête : /profils/{i} : attendu un objet profil, trouvé {RequestBody.Kind(arr[i])}"));
            return r with { Source = SourceKind.Profiles, Profiles = list };
        }
        if (obj["profils"] is { } bad) throw new WebProblem(400, $"requête : /profils : type incorrect ({RequestBody.Kind(bad)}) ; attendu une liste de profils");
        if (obj["televersement"] is { } up)
        {
            var id = up.GetValueKind() == System.Text.Json.JsonValueKind.String ? up.GetValue<string>() : throw new WebProblem(400, "requête : /televersement : attendu l'identifiant (texte) rendu par POST /api/televersements");
            sims.UploadPath(id);
            return r with { Source = SourceKind.Upload, UploadId = id };
        }
        if (obj["population"] is JsonObject pop)
        {
            int Int(string name, int dflt) => pop[name] switch
            {
                null => dflt,
                var n when n.GetValueKind() == System.Text.Json.JsonValueKind.Number && n.GetValue<decimal>() == decimal.Truncate(n.GetValue<decimal>()) && Math.Abs(n.GetValue<decimal>()) < int.MaxValue => (int)n.GetValue<decimal>(),
                var n => throw new WebProblem(400, $"requête : /population/{name} : valeur {n.ToJsonString()} invalide ; attendu un nombre entier"),
            };
            return r with { Source = SourceKind.Population, Size = Int("taille", 20_000), Seed = Int("graine", 1) };
        }
        throw new WebProblem(400, "requête : /profils : champ manquant ; attendu « profils » (liste de profils), « population » ({taille, graine}) ou « televersement » (id)");
    }

    private static async Task<IResult> Simulate(HttpRequest req, SimulationService sims, WebOptions options, CancellationToken ct)
    {
        RequestBody.RequireJson(req);
        var obj = RequestBody.Object(await RequestBody.ReadAsync(req, options.MaxJsonBytes, ct), "un objet JSON {\"profils\": […], \"periode\": {…}}");
        var r = SimulationOf(obj, sims);
        if (r.Source == SourceKind.Population && r.Size > 100_000)
            throw new WebProblem(400, $"requête : /population/taille : {r.Size} ; POST /api/simuler tire au plus 100 000 travailleurs (utilisez le site ou la ligne de commande au-delà)");
        var outcome = await sims.RunAsync(r, ct);
        return Results.Text(outcome.Json, "application/json; charset=utf-8");
    }

    private static async Task<IResult> Upload(HttpRequest req, SimulationService sims, WriteToken token, WebOptions options, CancellationToken ct)
    {
        token.Require(req, "/televersements");
        var form = await FormReader.ReadAsync(req, sims, null, options.MaxUploadBytes, ct);
        if (form.UploadId is null) throw new WebProblem(400, "/fichier : aucun fichier ; attendu un champ « fichier » (multipart/form-data) .csv ou .parquet");
        return Results.Json(new { id = form.UploadId, nom = form.UploadName }, Problem.Json, statusCode: 201);
    }

    private static async Task<IResult> SaveRun(HttpRequest req, SimulationService sims, IRunStore store, WriteToken token, WebOptions options, CancellationToken ct)
    {
        token.Require(req, "/simulations");
        RequestBody.RequireJson(req);
        var obj = RequestBody.Object(await RequestBody.ReadAsync(req, options.MaxJsonBytes, ct), "un objet JSON {\"titre\": …, \"periode\": {…}, …}");
        var title = RequestBody.TakeString(obj, "titre", "un texte (le titre du calcul)")?.Trim();
        if (string.IsNullOrEmpty(title) || title.Length > 200) throw new WebProblem(400, "requête : /titre : attendu un titre de 1 à 200 caractères");
        var outcome = await sims.RunAsync(SimulationOf(obj, sims), ct);
        var id = await store.SaveAsync(SimulationService.ToSaved(outcome, title), ct);
        return Results.Json(new { id, url = $"/api/simulations/{id}", page = $"/simulations/{id}" }, Problem.Json, statusCode: 201);
    }

    private static object Ref(Citation c) => new
    {
        texte = c.Text.Id, titre = c.Text.Title, article = c.Article,
        publie_le = c.Text.PublishedOn is { } p ? Format.Iso(p) : null, url = c.Text.Url,
    };

    private static object Text(LegalText t) => new
    {
        id = t.Id, titre = t.Title, nature = t.Nature, date = t.SignedOn is { } s ? Format.Iso(s) : null,
        publie_le = t.PublishedOn is { } p ? Format.Iso(p) : null, publication = t.Publication, url = t.Url,
        verifie_le = Format.Iso(t.CheckedOn), confiance = t.Confidence.ToString(), note = t.Note,
    };

    private static object Rule(Rule r) => new
    {
        id = r.Id.Length == 0 ? null : r.Id, libelle = r.Label,
        type = r.Kind switch { RuleKind.Leaf => "condition", RuleKind.All => "toutes", _ => "une_de" },
        condition = r.Condition?.ToString(), du = r.From is { } f ? Format.Iso(f) : null, au = r.To is { } t ? Format.Iso(t) : null,
        confiance = r.Confidence.ToString(), note = r.Note, references = r.Citations.Select(Ref),
        sous_criteres = r.Children.Select(Rule),
    };

    private static object Measure(Measure m, bool detail) => new
    {
        id = m.Id, intitule = m.Title, famille = m.Family, description = m.Description,
        du = Format.Iso(m.From), au = m.To is { } t ? Format.Iso(t) : null,
        institue_par = Ref(new Citation(m.InstitutedBy, null)), references = m.Citations.Select(Ref), cede_a = m.CedesTo,
        proratisation = m.Proration.Id,
        montant = !m.Amount.IsKnown ? (object)new { inconnu = m.Amount.UnknownNote }
            : m.Amount.Points is { } pts ? new { points = pts.Id, valeur_du_point = m.Amount.PointValue!.Id } : new { euros = m.Amount.Euros!.Id },
        confiance = m.Confidence.ToString(), note = m.Note,
        criteres = detail ? m.Criteria.Select(Rule) : null,
        exclusions = detail ? m.Exclusions.Select(e => new { id = e.Id, intitule = e.Title, condition = e.Condition.ToString(), references = e.Citations.Select(Ref) }) : null,
    };

    private static object Parameter(Parameter p) => new
    {
        id = p.Id, intitule = p.Title, unite = p.Unit, description = p.Description, fichier = p.SourceFile,
        valeurs = p.Values.Select(v => new { du = Format.Iso(v.From), au = v.To is { } t ? Format.Iso(t) : null, valeur = v.Value, confiance = v.Confidence.ToString(), note = v.Note, reference = Ref(v.Citation) }),
    };

    private static object Saved(SavedRun s, bool full)
    {
        var r = s.Run;
        return new
        {
            id = s.Id, titre = r.Title, cree_le = s.CreatedAt.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
            legislation = new { version = r.LegislationVersion, empreinte = r.LegislationFingerprint },
            reforme = r.ReformTitle is null && r.ReformId is null ? null : new { id = r.ReformId, intitule = r.ReformTitle, empreinte = r.ReformFingerprint, yaml = full ? r.ReformText : null },
            population = r.Source, periode = r.Period, droit_au = r.LawAsOf, lignes = r.Rows,
            beneficiaires = r.Beneficiaries, beneficiaires_reforme = r.ReformBeneficiaries, nouveaux_beneficiaires = r.Gainers,
            cout_brut = r.CostCents / 100m, cout_brut_reforme = r.ReformCostCents / 100m, difference = r.DifferenceCents / 100m,
            rappels = r.ArrearsCents / 100m, cotisations_employeur = r.EmployerDifferenceCents / 100m,
            mesures = full ? r.Measures.Select(m => new { scenario = m.Scenario, mesure = m.MeasureId, intitule = m.Title, beneficiaires = m.Beneficiaries, cout_brut = m.Cents / 100m, cotisations_employeur = m.EmployerCents / 100m }) : null,
            synthese = full ? JsonNode.Parse(r.SynthesisJson) : null,
        };
    }
}
