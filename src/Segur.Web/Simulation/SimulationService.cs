using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Segur.Batch;
using Segur.Engine;
using Segur.Engine.Law;
using Segur.Engine.Time;
using Segur.Web.Api;
using Segur.Web.Storage;

namespace Segur.Web.Simulation;

/// <summary>Where the workers of a simulation come from.</summary>
public enum SourceKind { Population, Upload, Profiles }

/// <summary>What to simulate: the workers, the months, the law's date and the reform.</summary>
public sealed record SimulationRequest
{
    public SourceKind Source { get; init; } = SourceKind.Population;
    public int Size { get; init; } = 20_000;
    public int Seed { get; init; } = 1;
    public string? UploadId { get; init; }
    public string? UploadName { get; init; }
    public IReadOnlyList<JsonObject>? Profiles { get; init; }
    public required MonthRange Period { get; init; }
    public DateOnly? LawAsOf { get; init; }
    public string? Reform { get; init; }
}

/// <summary>A simulation's results, with what is needed to show and save it.</summary>
public sealed record SimulationOutcome(
    SimulationRequest Request,
    BatchResult Result,
    Legislation Law,
    Legislation? Reformed,
    string SourceLabel,
    string? ReformId,
    string? ReformText,
    double NationalScale,
    IReadOnlyList<Rejection> FirstRejections)
{
    public string Json => SynthesisReport.Json(Result);
}

/// <summary>
/// Runs workforce simulations (the batch engine of <c>segur simuler</c>) for the web: the synthetic
/// national population, an uploaded file kept in the data folder, or a few profiles sent to the API.
/// One simulation at a time (the machine is small); files are only ever written under the data folder.
/// </summary>
public sealed class SimulationService(LawService laws, WebOptions options)
{
    public const int MaxProfiles = 1_000;
    private readonly SemaphoreSlim _gate = new(1, 1);

    public string UploadFolder => Path.Combine(options.DataFolder, "televersements");
    private string WorkFolder => Path.Combine(options.DataFolder, "travail");
    private string PopulationFolder => Path.Combine(options.DataFolder, "populations");

    public long NationalHeadcount => PopulationModel.Embedded(laws.Law.Vocabulary).Total;

    public async Task<SimulationOutcome> RunAsync(SimulationRequest req, CancellationToken ct)
    {
        if (!await _gate.WaitAsync(options.SimulationQueueTimeout, ct))
            throw new WebProblem(503, "une autre simulation est en cours ; réessayez dans quelques instants", retryAfter: options.SimulationRetryAfter);
        try
        {
            return await Task.Run(() => Run(req, ct), ct);
        }
        finally
        {
            _gate.Release();
        }
    }

    private SimulationOutcome Run(SimulationRequest req, CancellationToken ct)
    {
        var law = laws.Law;
        Legislation? reformed = null;
        string? reformId = null, reformText = null;
        if (!string.IsNullOrWhiteSpace(req.Reform))
        {
            (reformId, reformText) = laws.ReformText(req.Reform);
            reformed = laws.WithReform(req.Reform);
        }
        Directory.CreateDirectory(WorkFolder);
        string input;
        string label;
        var scale = 1.0;
        string? temporary = null;
        switch (req.Source)
        {
            case SourceKind.Population:
                if (req.Size < 1 || req.Size > options.MaxPopulation)
                    throw new WebProblem(400, $"/population/taille : {req.Size} ; attendu un nombre de travailleurs entre 1 et {options.MaxPopulation}");
                input = Population(req.Size, req.Seed);
                scale = (double)NationalHeadcount / req.Size;
                label = $"population nationale synthétique : {req.Size.ToString("#,##0", Fr)} travailleurs tirés (graine {req.Seed})";
                break;
            case SourceKind.Upload:
                input = UploadPath(req.UploadId ?? "");
                label = $"fichier téléversé « {req.UploadName ?? Path.GetFileName(input)} »";
                break;
            default:
                var profiles = req.Profiles ?? [];
                if (profiles.Count == 0 || profiles.Count > MaxProfiles)
                    throw new WebProblem(400, $"/profils : {profiles.Count} profil(s) ; attendu de 1 à {MaxProfiles} profils");
                temporary = input = Path.Combine(WorkFolder, Guid.NewGuid().ToString("N") + ".csv");
                WriteProfiles(profiles, input, law);
                label = $"{profiles.Count} profil(s) envoyés à l'API";
                break;
        }
        var rejects = Path.Combine(WorkFolder, Guid.NewGuid().ToString("N") + ".rejets.csv");
        try
        {
            var o = new BatchOptions(input, req.Period, req.LawAsOf, Rejects: rejects, ChunkSize: 8_192);
            var result = BatchRunner.Run(law, reformed, o, _ => ct.ThrowIfCancellationRequested());
            var first = File.Exists(rejects) ? ReadRejections(rejects) : [];
            return new SimulationOutcome(req, result, law, reformed, label, reformId, reformText, scale, first);
        }
        finally
        {
            if (temporary is not null) File.Delete(temporary);
            if (File.Exists(rejects)) File.Delete(rejects);
        }
    }

    private static List<Rejection> ReadRejections(string path)
    {
        var list = new List<Rejection>();
        foreach (var line in File.ReadLines(path).Skip(1).Take(20))
        {
            var parts = line.Split(';', 4);
            if (parts.Length == 4 && long.TryParse(parts[0], CultureInfo.InvariantCulture, out var n))
                list.Add(new Rejection(n, parts[1], parts[2], parts[3].Trim('"')));
            else list.Add(new Rejection(0, "", "", line));
        }
        return list;
    }

    /// <summary>The path of an uploaded file from its id (32 hex digits and an extension): never outside the upload folder.</summary>
    public string UploadPath(string id)
    {
        if (!UploadId(id)) throw new WebProblem(400, $"/televersement : identifiant « {id} » invalide ; attendu l'identifiant rendu par le téléversement");
        var path = Path.GetFullPath(Path.Combine(UploadFolder, id));
        if (!path.StartsWith(Path.GetFullPath(UploadFolder) + Path.DirectorySeparatorChar, StringComparison.Ordinal) || !File.Exists(path))
            throw new WebProblem(404, $"/televersement : fichier « {id} » introuvable (expiré ou jamais téléversé)");
        return path;
    }

    public static bool UploadId(string id) =>
        id.Length is 36 or 40 && id[..32].All(char.IsAsciiHexDigitLower) && (id[32..] is ".csv" or ".parquet");

    /// <summary>Stores an uploaded workforce file under a random name; the client's name is never used as a path.</summary>
    public async Task<string> SaveUploadAsync(Stream content, string clientName, CancellationToken ct)
    {
        var ext = Path.GetExtension(clientName).ToLowerInvariant();
        if (ext is not (".csv" or ".parquet"))
            throw new WebProblem(400, $"/fichier : « {clientName} » : format non pris en charge ; attendu un fichier .csv ou .parquet");
        Directory.CreateDirectory(UploadFolder);
        CleanOldUploads();
        var id = Guid.NewGuid().ToString("N") + ext;
        var final = Path.Combine(UploadFolder, id);
        var tmp = Path.Combine(UploadFolder, "." + id + ".tmp");
        try
        {
            await using (var f = new FileStream(tmp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16, useAsync: true))
            {
                var buffer = new byte[1 << 16];
                long total = 0;
                int n;
                while ((n = await content.ReadAsync(buffer, ct)) > 0)
                {
                    total += n;
                    if (total > options.MaxUploadBytes)
                        throw new WebProblem(413, $"/fichier : fichier trop volumineux ; au plus {options.MaxUploadBytes / (1 << 20)} Mo acceptés");
                    await f.WriteAsync(buffer.AsMemory(0, n), ct);
                }
                if (total == 0) throw new WebProblem(400, "/fichier : fichier vide ; attendu un fichier d'effectifs CSV ou Parquet");
            }
            File.Move(tmp, final);
            // Check the header now, so that a wrong file is refused at upload with its reason.
            try
            {
                using var reader = WorkforceReader.Open(final, laws.Law);
            }
            catch (SegurException e)
            {
                File.Delete(final);
                throw new WebProblem(400, "/fichier : " + e.Message.Replace(final, clientName, StringComparison.Ordinal), e.Details);
            }
            return id;
        }
        finally
        {
            if (File.Exists(tmp)) File.Delete(tmp);
        }
    }

    private void CleanOldUploads()
    {
        foreach (var f in Directory.EnumerateFiles(UploadFolder))
        {
            if (File.GetLastWriteTimeUtc(f) < options.Clock.GetUtcNow().UtcDateTime.AddDays(-7)) File.Delete(f);
        }
    }

    private string Population(int size, int seed)
    {
        Directory.CreateDirectory(PopulationFolder);
        var path = Path.Combine(PopulationFolder, $"population-{size}-{seed}-{laws.Law.Fingerprint[..12]}.csv");
        if (File.Exists(path)) return path;
        var model = PopulationModel.Embedded(laws.Law.Vocabulary);
        PopulationParquet.Write(path, laws.Law.Vocabulary, model.Generate(size, seed), model.Metadata(size, seed, laws.Law));
        return path;
    }

    private void WriteProfiles(IReadOnlyList<JsonObject> profiles, string path, Legislation law)
    {
        var columns = PopulationParquet.Columns(law.Vocabulary);
        var sb = new StringBuilder();
        sb.Append(string.Join(';', columns)).Append('\n');
        for (var i = 0; i < profiles.Count; i++)
        {
            var p = (JsonObject)profiles[i].DeepClone();
            p.Remove("periode");
            try
            {
                laws.Reader.Read(p, "requête");
            }
            catch (SegurException e)
            {
                string Fix(string m) => m.Replace("requête : /", $"requête : /profils/{i}/", StringComparison.Ordinal);
                throw new SegurException(Fix(e.Message), e.Details.Select(Fix).ToList());
            }
            var flat = new Dictionary<string, string>();
            Flatten(p, "", flat);
            for (var c = 0; c < columns.Length; c++)
            {
                if (c > 0) sb.Append(';');
                if (flat.TryGetValue(columns[c], out var v))
                {
                    if (v.Contains(';') || v.Contains('"') || v.Contains('\n')) sb.Append('"').Append(v.Replace("\"", "\"\"")).Append('"');
                    else sb.Append(v);
                }
            }
            sb.Append('\n');
        }
        File.WriteAllText(path, sb.ToString(), new UTF8Encoding(false));
    }

    private static void Flatten(JsonObject o, string prefix, Dictionary<string, string> into)
    {
        foreach (var (k, v) in o)
        {
            if (v is JsonObject child) Flatten(child, prefix + k + ".", into);
            else if (v is not null) into[prefix + k] = v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : v.ToJsonString();
        }
    }

    /// <summary>What is saved of a run: its figures, the law and reform it used, its synthesis JSON.</summary>
    public static NewRun ToSaved(SimulationOutcome o, string title)
    {
        var r = o.Result;
        var measures = new List<RunMeasure>();
        void Add(string scenario, Synthesis s)
        {
            for (var i = 0; i < s.ByMeasure.Length; i++)
            {
                var c = s.ByMeasure[i];
                if (c.Beneficiaries == 0 && c.Cents == 0) continue;
                measures.Add(new RunMeasure(scenario, s.Law.Measures[i].Id, s.Law.Measures[i].Title, c.Beneficiaries, c.Cents, c.EmployerCents));
            }
        }
        Add("reference", r.Baseline);
        if (r.Reform is { } rs) Add("reforme", rs);
        return new NewRun
        {
            Title = title,
            LegislationVersion = o.Law.Version,
            LegislationFingerprint = o.Law.Fingerprint,
            ReformId = o.Reformed?.Reform?.Id ?? o.ReformId,
            ReformTitle = o.Reformed?.Reform?.Title,
            ReformText = o.ReformText,
            ReformFingerprint = o.Reformed?.Fingerprint,
            Source = o.SourceLabel,
            Period = r.Period.ToString(),
            LawAsOf = r.LawAsOf is { } d ? Format.Iso(d) : null,
            Rows = r.RowsEvaluated,
            Beneficiaries = r.Baseline.Total.Beneficiaries,
            ReformBeneficiaries = r.Reform?.Total.Beneficiaries ?? 0,
            Gainers = r.Difference?.Gainers ?? 0,
            CostCents = r.Baseline.Total.Cents,
            ReformCostCents = r.Reform?.Total.Cents ?? 0,
            DifferenceCents = r.Difference?.Cents ?? 0,
            ArrearsCents = r.Difference?.ArrearsCents ?? 0,
            EmployerDifferenceCents = r.Difference?.EmployerCents ?? 0,
            SynthesisJson = o.Json,
            Measures = measures,
        };
    }

    public static string Fingerprint(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    private static readonly NumberFormatInfo Fr = new() { NumberGroupSeparator = " ", NumberDecimalDigits = 0 };
}
