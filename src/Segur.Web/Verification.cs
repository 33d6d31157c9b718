using System.Globalization;
using System.Text.Json.Nodes;
using Segur.Engine;
using Segur.Engine.Evaluation;
using Segur.Engine.Law;
using Segur.Engine.Profiles;
using Segur.Reports;
using Segur.Engine.Time;
using Segur.Web.Api;

namespace Segur.Web;

/// <summary>One verification asked of the server: the profile, and the options of <c>segur verifier</c>.</summary>
public sealed record VerifyRequest(JsonObject Profile, string? Reform, DateOnly? LawAsOf, bool AllMeasures);

/// <summary>
/// Evaluates a profile exactly as <c>segur verifier</c> does (same reader, same evaluator, same JSON
/// writer), month by month so that a request past its time limit stops between two months.
/// </summary>
public sealed class Verification(LawService laws, WebOptions options)
{
    /// <summary>Longest period evaluated by one request (the engine accepts 1 200 months, 80 ko of JSON each).</summary>
    public const int MaxMonths = 240;

    public const string Origin = "requête";

    /// <summary>Splits the request options (<c>reforme</c>, <c>droit_au</c>, <c>toutes_mesures</c>) from the profile.</summary>
    public static VerifyRequest Parse(JsonObject body)
    {
        var reform = RequestBody.TakeString(body, "reforme", "un texte : l'id d'une réforme fournie (GET /api/reformes) ou le YAML d'une réforme");
        var asOfText = RequestBody.TakeString(body, "droit_au", "une date AAAA-MM-JJ");
        var all = RequestBody.TakeBool(body, "toutes_mesures") ?? false;
        DateOnly? asOf = null;
        if (asOfText is not null)
        {
            if (!DateOnly.TryParseExact(asOfText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
                throw new WebProblem(400, $"requête : /droit_au : date « {asOfText} » invalide ; attendu une date AAAA-MM-JJ (ex. 2021-01-31)");
            asOf = d;
        }
        return new VerifyRequest(body, string.IsNullOrWhiteSpace(reform) ? null : reform, asOf, all);
    }

    public Legislation LawFor(string? reform) => reform is null ? laws.Law : laws.WithReform(reform);

    public EvaluationResult Evaluate(VerifyRequest request, CancellationToken ct)
    {
        var law = LawFor(request.Reform);
        // A reform cannot change the profile schema: the one reader serves every law.
        var profile = ReadProfile(law, request.Profile);
        var period = profile.Periode ?? CurrentMonth();
        if (period.Count > MaxMonths)
            throw new WebProblem(400, $"{Origin} : /periode : {period.Count} mois ; l'API évalue au plus {MaxMonths} mois par requête (découpez la période)");
        return laws.EvaluatorFor(law).Evaluate(profile, period, request.LawAsOf, cancellation: ct);
    }

    /// <summary>
    /// The profile reader, with « vouliez-vous dire » for mistyped values. The reader is hardened
    /// elsewhere; at this boundary anything it still throws besides its French errors becomes a 400.
    /// </summary>
    private Profile ReadProfile(Legislation law, JsonObject body)
    {
        try
        {
            return ProfileSuggestions.Read(laws.Reader, law, body, Origin);
        }
        catch (Exception e) when (e is not SegurException and not OperationCanceledException and not WebProblem)
        {
            throw new WebProblem(400, $"{Origin} : profil que le lecteur de profils n'a pas pu lire ; vérifiez chaque champ et chaque valeur contre profile.schema.json (docs/profil.md)");
        }
    }

    public MonthRange CurrentMonth()
    {
        var m = ParisClock.CurrentMonth(options.Clock);
        return new MonthRange(m, m);
    }

    /// <summary>
    /// The answer's contract from the query: <c>?contrat=1</c> for the old form (version 1, <c>--format json-v1</c>),
    /// otherwise version 2 at <c>?explication=aucune|resume|complete</c> (default <c>resume</c>).
    /// </summary>
    public static (bool V1, ExplanationLevel Level) Contract(IQueryCollection query)
    {
        var contract = query["contrat"].ToString();
        var v1 = contract switch
        {
            "" or "2" => false,
            "1" => true,
            _ => throw new WebProblem(400, $"?contrat={contract} : version inconnue ; attendu 1 (ancien contrat, « segur verifier --format json-v1 ») ou 2 (par défaut)"),
        };
        var text = query["explication"].ToString();
        if (text.Length == 0) return (v1, ExplanationLevel.Summary);
        if (v1) throw new WebProblem(400, "?explication : seulement avec le contrat 2 (sans ?contrat=1) ; le contrat 1 donne toujours l'explication complète");
        return (false, CompactJsonReport.Parse(text)
            ?? throw new WebProblem(400, $"?explication={text} : niveau inconnu ; attendu aucune, resume ou complete"));
    }

    /// <summary>The bytes <c>segur verifier --format json-v1</c> writes on its standard output.</summary>
    public static byte[] Json(EvaluationResult result, bool allMeasures)
    {
        using var ms = new MemoryStream();
        JsonReport.Write(ms, result, allMeasures);
        ms.WriteByte((byte)'\n');
        return ms.ToArray();
    }
}
