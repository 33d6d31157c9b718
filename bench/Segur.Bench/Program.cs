using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Segur.Engine.Evaluation;
using Segur.Engine.Law;
using Segur.Engine.Profiles;
using Segur.Reports;
using Segur.Engine.Time;

namespace Segur.Bench;

/// <summary>
/// Benchmarks of the segur engine: loading the embedded law, evaluating one profile over 72 months,
/// and writing the JSON report of that evaluation.
/// <list type="bullet">
/// <item><c>dotnet run -c Release --project bench/Segur.Bench -- --filter '*'</c>: every benchmark, default job.</item>
/// <item><c>... -- --filter '*' --job short</c>: quicker figures (3 warm-up, 3 measured iterations).</item>
/// <item><c>... -- --smoke</c>: smoke run, one iteration of each benchmark in this process (no child build);
/// checks that every benchmark runs, gives no meaningful timing.</item>
/// </list>
/// Without <c>--filter</c> (or <c>--list</c>), every benchmark runs: BenchmarkDotNet's interactive menu
/// would wait for a keyboard.
/// </summary>
public static class Program
{
    public static int Main(string[] args)
    {
        var list = args.ToList();
        var smoke = list.Remove("--smoke");
        if (!list.Any(a => a is "--filter" or "-f" or "--list" or "--help" or "-h" or "--version" || a.StartsWith("--filter=", StringComparison.Ordinal)))
            list.AddRange(["--filter", "*"]);

        IConfig config = DefaultConfig.Instance;
        if (smoke)
        {
            config = ManualConfig.Create(DefaultConfig.Instance)
                .AddJob(Job.Dry.WithToolchain(InProcessEmitToolchain.Instance).WithId("smoke"))
                .WithOptions(ConfigOptions.DisableOptimizationsValidator);
        }
        var summaries = BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run([.. list], config);
        return summaries.Any(s => s.HasCriticalValidationErrors || s.Reports.Any(r => !r.Success)) ? 1 : 0;
    }
}

/// <summary>The two profiles measured, written as a user would write them (see docs/profil.md).</summary>
public static class Profiles
{
    /// <summary>Titular nurse of a public hospital (FPH): M1 due every month, net estimated.</summary>
    public const string InfirmiereFph = """
        {
          "id": "infirmiere-chu",
          "employeur": {"secteur": "public", "versant": "FPH", "structure": "etablissement_public_sante", "departement": "69"},
          "emploi": {"profession": "infirmier", "statut": "titulaire", "quotite": 1}
        }
        """;

    /// <summary>Social worker of a CAF: excluded from every measure (organismes de sécurité sociale).</summary>
    public const string AssistanteSocialeCaf = """
        {
          "id": "assistante-sociale-caf",
          "employeur": {"secteur": "securite_sociale", "organisme": "CAF", "idcc": 218, "structure": "organisme_securite_sociale", "departement": "59"},
          "emploi": {"profession": "assistant_service_social", "statut": "salarie", "fonctions_socio_educatives_principales": true, "quotite": 1}
        }
        """;

    public static string Json(string name) => name switch
    {
        "infirmiere-fph" => InfirmiereFph,
        "assistante-caf" => AssistanteSocialeCaf,
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "profil de banc d'essai inconnu"),
    };
}

/// <summary>(a) Loading and checking the law compiled into the engine (YAML, references, conflict check).</summary>
[MemoryDiagnoser]
public class LegislationBenchmarks
{
    [Benchmark(Description = "LegislationLoader.Load(EmbeddedLegislation)")]
    public Legislation Load() => LegislationLoader.Load(new EmbeddedLegislation());
}

/// <summary>(b) Evaluating one profile over 72 months (2021-01..2026-12); (c) its JSON report.</summary>
[MemoryDiagnoser]
public class ProfileBenchmarks
{
    private static readonly MonthRange Range = new(new YearMonth(2021, 1), new YearMonth(2026, 12));

    private Legislation _law = null!;
    private Profile _profile = null!;
    private EvaluationResult _result = null!;

    [Params("infirmiere-fph", "assistante-caf")]
    public string Profil { get; set; } = "";

    [GlobalSetup]
    public void Setup()
    {
        _law = LegislationLoader.Load(new EmbeddedLegislation());
        _profile = new ProfileReader(_law).Read(Profiles.Json(Profil), Profil);
        _result = new Evaluator(_law).Evaluate(_profile, Range);
        if (_result.Months.Count != 72) throw new InvalidOperationException($"{_result.Months.Count} mois évalués au lieu de 72");
    }

    [Benchmark(Description = "Evaluator.Evaluate (72 mois)")]
    public EvaluationResult Evaluate() => new Evaluator(_law).Evaluate(_profile, Range);

    [Benchmark(Description = "JsonReport.Write -> string")]
    public string JsonString() => JsonReport.Write(_result);

    [Benchmark(Description = "JsonReport.Write -> Stream.Null")]
    public void JsonStream() => JsonReport.Write(Stream.Null, _result);
}
