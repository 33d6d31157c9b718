using System.Globalization;
using Segur.Engine.Evaluation;
using Segur.Engine.Law;
using Segur.Engine.Profiles;
using Segur.Engine.Time;
using Segur.Reports;

namespace Segur.Tests;

/// <summary>
/// The JSON reports that the libraries alone give for a profile file: version 1 (<c>segur verifier --format json-v1</c>
/// and <c>POST /api/verifier?contrat=1</c>) and version 2 (<c>--format json</c> and <c>POST /api/verifier</c>) must
/// write exactly these bytes, followed by one line end.
/// </summary>
public static class LibraryReport
{
    private static readonly Lazy<Legislation> Law = new(() => LegislationLoader.Load(new EmbeddedLegislation()));

    /// <summary>The report of the profile file <paramref name="path"/> over <paramref name="period"/> (« AAAA-MM » or
    /// « AAAA-MM..AAAA-MM »), the law as known on <paramref name="asOf"/> (« AAAA-MM-JJ », or null for today),
    /// every measure listed when <paramref name="all"/>.</summary>
    public static string Json(string path, string period, string? asOf, bool all) => JsonReport.Write(Evaluate(path, period, asOf), all) + "\n";

    /// <summary>The compact report (version 2) of the same evaluation, at <paramref name="level"/>.</summary>
    public static string JsonV2(string path, string period, string? asOf, bool all, ExplanationLevel level) =>
        CompactJsonReport.Write(Evaluate(path, period, asOf), level, all) + "\n";

    private static EvaluationResult Evaluate(string path, string period, string? asOf)
    {
        var law = Law.Value;
        var profile = new ProfileReader(law).Read(File.ReadAllText(path), path);
        var parts = period.Split("..");
        Assert.True(YearMonth.TryParse(parts[0], out var start));
        Assert.True(YearMonth.TryParse(parts[^1], out var end));
        var lawAsOf = asOf is null ? (DateOnly?)null : DateOnly.ParseExact(asOf, "yyyy-MM-dd", CultureInfo.InvariantCulture);
        return new Evaluator(law).Evaluate(profile, new MonthRange(start, end), lawAsOf);
    }
}
