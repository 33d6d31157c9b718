using System.Globalization;
using System.Text.Json.Nodes;
using Segur.Engine;
using Segur.Engine.Law;
using Segur.Engine.Evaluation;
using Segur.Engine.Time;
using Segur.Reports;
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
            .WithSummary("Vérifier un profil : le JSON de « segur verifier --format json » (contrat 2, compact)")
            .WithDescription("Corps : un profil (schéma legislation/profile.schema.json, avec « periode » {debut, fin}), et en option « reforme » (id d'une réforme fournie ou texte YAML d'une réforme), « droit_au » (AAAA-MM-JJ) et « toutes_mesures » (booléen). Paramètres de requête : « explication » (aucune, resume par défaut, complete) ; « contrat=1 » pour l'ancien contrat (version 1). Réponse : exactement les octets de « segur verifier profil.json --format json --explication … » (ou « --format json-v1 ») pour la même entrée. Au plus 240 mois par requête ; sans période, le mois courant.")
            .Accepts<JsonObject>("application/json")
            .Produces<JsonObject>(200, "application/json")
            .ProducesProblem(400).ProducesProblem(413).ProducesProblem(415).ProducesProblem(503);

        api.MapPost("/simuler", Simulate)
            .RequireRateLimiting(Overload.Simulation)
            .WithName("simuler")
            .WithSummary("Simuler une petite population (jusqu'à 1 000 profils) ou la population nationale synthétique")
            .WithDescription("Corps : {\"profils\": [profil…]} ou {\"population\": {\"taille\": n, \"graine\": g}}, avec « periode » {debut, fin} (obligatoire), « reforme » et « droit_au » facultatifs. Réponse : la synthèse de « segur simuler --synthese ».")
            .Accepts<JsonObject>("application/json")
            .Produces<JsonObject>(200, "application/json")
            .ProducesProblem(400).ProducesProblem(413).ProducesProblem(415).ProducesProblem(503);

        api.MapGet("/mesures", (LawService l) => Results.Json(l.Law.Measures.Select(m => Measure(m, false)).ToList(), ApiJson.Api.ListMesure))
            .WithName("mesures").WithSummary("Lister les mesures").Produces<List<Mesure>>();
        api.MapGet("/mesures/{id}", (string id, LawService l) => l.Law.Measure(id) is { } m
                ? Results.Json(Measure(m, true), ApiJson.Api.Mesure)
                : Problem.Result(404, $"/mesures/{id} : mesure inconnue ; attendu un id parmi {string.Join(", ", l.Law.Measures.Select(x => x.Id))}"))
            .WithName("mesure").WithSummary("Une mesure, ses critères et ses textes").Produces<Mesure>().ProducesProblem(404);
        api.MapGet("/parametres", (LawService l) => Results.Json(l.Law.Parameters.Values.OrderBy(p => p.Id, StringComparer.Ordinal).Select(Parameter).ToList(), ApiJson.Api.ListParametre))
            .WithName("parametres").WithSummary("Lister les paramètres et leurs valeurs datées").Produces<List<Parametre>>();
        api.MapGet("/parametres/{id}", (string id, LawService l) => l.Law.Parameters.TryGetValue(id, out var p)
                ? Results.Json(Parameter(p), ApiJson.Api.Parametre)
                : Problem.Result(404, $"/parametres/{id} : paramètre inconnu"))
            .WithName("parametre").WithSummary("Un paramètre et ses valeurs datées").Produces<Parametre>().ProducesProblem(404);
        api.MapGet("/textes", (LawService l) => Results.Json(l.Law.Texts.Values.OrderBy(t => t.Id, StringComparer.Ordinal).Select(Text).ToList(), ApiJson.Api.ListTexte))
            .WithName("textes").WithSummary("Lister les textes cités").Produces<List<Texte>>();
        api.MapGet("/cas", (LawService l) => Results.Json(l.Cases.Select(c => new Cas(
                c.Id, c.Title, c.File, c.Line, c.Month.ToString(), c.LawAsOf is { } d ? Format.Iso(d) : null,
                new Attendu(c.Expected.Eligible, c.Expected.Measure, c.Expected.Gross, c.Expected.Motifs.Select(m => m.ToString()).ToList(), c.Expected.Uncertain),
                c.Reason, c.Confidence, c.Sources, c.Profile)).ToList(), ApiJson.Api.ListCas))
            .WithName("cas").WithSummary("Lister les cas juridiques (legislation/cases/)").Produces<List<Cas>>();
        api.MapGet("/reformes", (LawService l) => Results.Json(l.Reforms.Select(r => new Reforme(r.Id, r.Title, r.File, r.Text)).ToList(), ApiJson.Api.ListReforme))
            .WithName("reformes").WithSummary("Lister les scénarios de réforme fournis").Produces<List<Reforme>>();
        api.MapGet("/sante", async (LawService l, IRunStore store, CancellationToken ct) =>
                Results.Json(new Sante("ok", new VersionLegislation(l.Law.Version, l.Law.Fingerprint), store.Kind, await store.MigrateAsync(ct)), ApiJson.Api.Sante))
            .WithName("sante").WithSummary("État du serveur").Produces<Sante>();
        api.MapGet("/schemas/profil.json", (LawService l) => Results.Text(l.Law.Vocabulary.SchemaText, "application/schema+json; charset=utf-8"))
            .WithName("schema-profil").WithSummary("Le schéma JSON public du profil (legislation/profile.schema.json)")
            .Produces<JsonObject>(200, "application/schema+json");

        api.MapPost("/televersements", Upload)
            .RequireRateLimiting(Overload.Upload)
            .WithName("televerser").WithSummary("Téléverser un fichier d'effectifs (jeton requis)")
            .WithDescription("multipart/form-data, champ « fichier » (.csv ou .parquet) ; en-tête « Authorization: Bearer <jeton> ». Réponse : {\"id\": …} à passer à POST /api/simulations.")
            .Produces<Televersement>(201).ProducesProblem(400).ProducesProblem(401).ProducesProblem(403).ProducesProblem(413).ProducesProblem(415).ProducesProblem(503);
        api.MapPost("/simulations", SaveRun)
            .RequireRateLimiting(Overload.Simulation)
            .WithName("enregistrer").WithSummary("Lancer et enregistrer une simulation (jeton requis)")
            .WithDescription("Corps : {\"titre\": …, \"periode\": {debut, fin}, \"reforme\": …, et \"population\": {taille, graine} ou \"televersement\": id ou \"profils\": […]}. Enregistrement en une transaction, avec la version de la législation et le texte de la réforme.")
            .Accepts<JsonObject>("application/json")
            .Produces<CalculCree>(201).ProducesProblem(400).ProducesProblem(401).ProducesProblem(403).ProducesProblem(413).ProducesProblem(415).ProducesProblem(503);
        api.MapGet("/simulations", async (IRunStore store, CancellationToken ct) => Results.Json((await store.ListAsync(200, ct)).Select(s => Saved(s, false)).ToList(), ApiJson.Api.ListCalcul))
            .WithName("simulations").WithSummary("Lister les calculs enregistrés").Produces<List<Calcul>>();
        api.MapGet("/simulations/{id:long}", async (long id, IRunStore store, CancellationToken ct) => await store.GetAsync(id, ct) is { } s
                ? Results.Json(Saved(s, true), ApiJson.Api.Calcul)
                : Problem.Result(404, $"/simulations/{id} : calcul introuvable"))
            .WithName("simulation").WithSummary("Un calcul enregistré").Produces<Calcul>().ProducesProblem(404);
    }

    private static async Task<IResult> Verify(HttpRequest req, Verification verification, WebOptions options, CancellationToken ct)
    {
        RequestBody.RequireJson(req);
        var body = await RequestBody.ReadAsync(req, options.MaxJsonBytes, ct);
        var obj = RequestBody.Object(body, "un objet JSON décrivant un profil {\"employeur\": {…}, \"emploi\": {…}, \"periode\": {…}}");
        var (v1, level) = Verification.Contract(req.Query);
        var request = Verification.Parse(obj);
        var result = verification.Evaluate(request, ct);
        if (!v1)
        {
            ct.ThrowIfCancellationRequested(); // past the time limit while computing: 503 rather than a late answer
            return new CompactJson(result, level, request.AllMeasures);
        }
        var bytes = Verification.Json(result, request.AllMeasures);
        ct.ThrowIfCancellationRequested();
        return new JsonBytes(bytes);
    }

    /// <summary>The compact contract written straight into the response's pipe (no intermediate string or array), then one line end.</summary>
    private sealed class CompactJson(EvaluationResult result, ExplanationLevel level, bool all) : IResult
    {
        public async Task ExecuteAsync(HttpContext ctx)
        {
            ctx.Response.StatusCode = 200;
            ctx.Response.ContentType = "application/json; charset=utf-8";
            var pipe = ctx.Response.BodyWriter;
            CompactJsonReport.Write(pipe, result, level, all);
            pipe.GetSpan(1)[0] = (byte)'\n';
            pipe.Advance(1);
            await pipe.FlushAsync(CancellationToken.None);
        }
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
        return Results.Json(new Televersement(form.UploadId, form.UploadName), ApiJson.Api.Televersement, statusCode: 201);
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
        return Results.Json(new CalculCree(id, $"/api/simulations/{id}", $"/simulations/{id}"), ApiJson.Api.CalculCree, statusCode: 201);
    }

    private static Reference Ref(Citation c) =>
        new(c.Text.Id, c.Text.Title, c.Article, c.Text.PublishedOn is { } p ? Format.Iso(p) : null, c.Text.Url);

    private static Texte Text(LegalText t) =>
        new(t.Id, t.Title, t.Nature, t.SignedOn is { } s ? Format.Iso(s) : null, t.PublishedOn is { } p ? Format.Iso(p) : null,
            t.Publication, t.Url, Format.Iso(t.CheckedOn), t.Confidence.ToString(), t.Note);

    private static Critere Rule(Rule r) =>
        new(r.Id.Length == 0 ? null : r.Id, r.Label, r.Kind switch { RuleKind.Leaf => "condition", RuleKind.All => "toutes", _ => "une_de" },
            r.Condition?.ToString(), r.From is { } f ? Format.Iso(f) : null, r.To is { } t ? Format.Iso(t) : null,
            r.Confidence.ToString(), r.Note, r.Citations.Select(Ref).ToList(), r.Children.Select(Rule).ToList());

    private static Mesure Measure(Measure m, bool detail) =>
        new(m.Id, m.Title, m.Family, m.Description, Format.Iso(m.From), m.To is { } t ? Format.Iso(t) : null,
            Ref(new Citation(m.InstitutedBy, null)), m.Citations.Select(Ref).ToList(), m.CedesTo, m.Proration.Id,
            !m.Amount.IsKnown ? new Montant(null, null, null, m.Amount.UnknownNote)
                : m.Amount.Points is { } pts ? new Montant(pts.Id, m.Amount.PointValue!.Id, null, null) : new Montant(null, null, m.Amount.Euros!.Id, null),
            m.Confidence.ToString(), m.Note,
            detail ? m.Criteria.Select(Rule).ToList() : null,
            detail ? m.Exclusions.Select(e => new Exclusion(e.Id, e.Title, e.Condition.ToString(), e.Citations.Select(Ref).ToList())).ToList() : null);

    private static Parametre Parameter(Parameter p) =>
        new(p.Id, p.Title, p.Unit, p.Description, p.SourceFile, p.Values.Select(v => new ValeurDatee(
            Format.Iso(v.From), v.To is { } t ? Format.Iso(t) : null, v.Value, v.Confidence.ToString(), v.Note, Ref(v.Citation))).ToList());

    private static Calcul Saved(SavedRun s, bool full)
    {
        var r = s.Run;
        return new Calcul(s.Id, r.Title, s.CreatedAt.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
            new VersionLegislation(r.LegislationVersion, r.LegislationFingerprint),
            r.ReformTitle is null && r.ReformId is null ? null : new ReformeEnregistree(r.ReformId, r.ReformTitle, r.ReformFingerprint, full ? r.ReformText : null),
            r.Source, r.Period, r.LawAsOf, r.Rows, r.Beneficiaries, r.ReformBeneficiaries, r.Gainers,
            r.CostCents / 100m, r.ReformCostCents / 100m, r.DifferenceCents / 100m, r.ArrearsCents / 100m, r.EmployerDifferenceCents / 100m,
            full ? r.Measures.Select(m => new LigneMesure(m.Scenario, m.MeasureId, m.Title, m.Beneficiaries, m.Cents / 100m, m.EmployerCents / 100m)).ToList() : null,
            full ? JsonNode.Parse(r.SynthesisJson) as JsonObject : null);
    }
}
