using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using BenchmarkDotNet.Attributes;
using Segur.Engine.Evaluation;
using Segur.Engine.Law;
using Segur.Engine.Profiles;
using Segur.Engine.Time;
using Segur.Reports;

namespace Segur.Bench;

/// <summary>
/// The compact contract (version 2) of one month as the API writes it: the hand-written <see cref="Utf8JsonWriter"/> of
/// <see cref="CompactJsonReport"/> (from the evaluation: runs, texts table and all), against System.Text.Json source
/// generation of DTO records holding the same document. The DTOs are built once beforehand (read back from the hand-written
/// bytes), so the second figure is a lower bound of a DTO path, which would also have to build them from the evaluation.
/// <c>dotnet run -c Release --project bench/Segur.Bench -- --filter '*CompactJson*'</c>.
/// </summary>
[MemoryDiagnoser]
public class CompactJsonBenchmarks
{
    private EvaluationResult _result = null!;
    private CompactDocument _dto = null!;
    private readonly ArrayBufferWriter<byte> _buffer = new(1 << 16);
    private static readonly CompactJsonContext Context = new(new JsonSerializerOptions
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    });

    /// <summary>Level of explanation (<c>explication=</c>).</summary>
    [Params(ExplanationLevel.Summary, ExplanationLevel.Full)]
    public ExplanationLevel Level { get; set; }

    /// <summary>One month of the titular nurse (the month of <c>bench/verifier.lua</c>), and its DTOs.</summary>
    [GlobalSetup]
    public void Setup()
    {
        var law = LegislationLoader.Load(new EmbeddedLegislation());
        var profile = new ProfileReader(law).Read(Profiles.InfirmiereFph, "bench");
        _result = new Evaluator(law).Evaluate(profile, new MonthRange(new YearMonth(2024, 1), new YearMonth(2024, 1)));
        _dto = JsonSerializer.Deserialize(CompactJsonReport.Write(_result, Level), Context.CompactDocument)
            ?? throw new InvalidOperationException("document vide");
    }

    /// <summary>Hand-written writer, from the evaluation.</summary>
    [Benchmark(Baseline = true, Description = "CompactJsonReport.Write (Utf8JsonWriter, depuis l'évaluation)")]
    public int HandWritten()
    {
        _buffer.ResetWrittenCount();
        CompactJsonReport.Write(_buffer, _result, Level);
        return _buffer.WrittenCount;
    }

    /// <summary>Source-generated serialization of DTOs built beforehand.</summary>
    [Benchmark(Description = "JsonSerializer source générée (DTO déjà construits)")]
    public int SourceGenerated()
    {
        _buffer.ResetWrittenCount();
        using var w = new Utf8JsonWriter(_buffer, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, SkipValidation = true });
        JsonSerializer.Serialize(w, _dto, Context.CompactDocument);
        w.Flush();
        return _buffer.WrittenCount;
    }
}

/// <summary>The root of the compact contract (docs/sortie-json.md, contract 2), as DTOs.</summary>
public sealed record CompactDocument(int Version, string Explication, JsonObject Profil, JsonObject Periode, string? DroitAu, JsonObject Legislation,
    decimal? TotalBrut, decimal TotalBrutAuMoins, int MoisMontantInconnu, List<CompactRun> Mois, JsonObject? Rappel, Dictionary<string, CompactText> Textes);

/// <summary>A run of months.</summary>
public sealed record CompactRun(string Du, string Au, string? MotifDecisif, bool Eligible, decimal? MontantBrut, decimal? MontantNetEstime, List<string> MesuresRetenues,
    bool Incertain, string Confiance, string? BaseEstimationNet, string? MesureLaPlusProche, List<CompactGround>? Fondements, List<CompactNote>? Incertitudes,
    List<CompactNote>? Exclusions, List<CompactNote>? Informations, List<CompactMeasure>? Mesures);

/// <summary>A text cited by id.</summary>
public sealed record CompactCite(string Id, string? Article);

/// <summary>An entry of the texts table.</summary>
public sealed record CompactText(string Titre, string Nature, string? PublieLe, string Url, string Confiance);

/// <summary>A ground of the decisive reason.</summary>
public sealed record CompactGround(string Nature, string Id, string Libelle, List<string> Mesures, List<string> Champs, List<string>? Exclusions, List<CompactCite> Textes);

/// <summary>An open question, exclusion or information.</summary>
public sealed record CompactNote(string Id, string Intitule, string? Note, string? Detail, string? Confiance, List<string>? Mesures, List<CompactCite> Textes);

/// <summary>A measure explained (level <c>complete</c>).</summary>
public sealed record CompactMeasure(string Id, string Intitule, string Famille, string Verdict, decimal? MontantBrut, string? Forme, string? EcarteePar, bool Incertain,
    string Confiance, List<string> ChampsManquants, List<CompactCriterion> Criteres, List<CompactStep> Calcul, List<string> Notes, List<CompactCaveat> Reserves);

/// <summary>A criterion evaluated.</summary>
public sealed record CompactCriterion(string? Id, string Libelle, string Resultat, string? Detail, string? Confiance, string? Note, List<CompactCite>? Textes,
    List<CompactCriterion>? SousCriteres);

/// <summary>A step of the amount.</summary>
public sealed record CompactStep(string Etape, string Nature, decimal Valeur, List<CompactCite> Textes);

/// <summary>A reservation.</summary>
public sealed record CompactCaveat(string Confiance, string Texte, List<CompactCite> Textes);

/// <summary>The source-generated metadata of the DTOs.</summary>
[JsonSerializable(typeof(CompactDocument))]
public sealed partial class CompactJsonContext : JsonSerializerContext;
