using System.Text.Json.Nodes;
using Segur.Engine;
using Segur.Engine.Law;
using Segur.Engine.Profiles;
using Segur.Engine.Time;

namespace Segur.Careers;

/// <summary>A value's source: the text that sets it, how far it is established, and the caveat if any.</summary>
public sealed record Sourced(Citation Citation, Confidence Confidence, string? Note);

/// <summary>A dated number (a point value): from the first day of a month, to the last day of a month or open.</summary>
public sealed record DatedValue(DateOnly From, DateOnly? To, decimal Value, Sourced Source)
{
    public bool Covers(YearMonth m) => From <= m.FirstDay && (To is null || To.Value >= m.LastDay);
}

/// <summary>The points of every échelon of a grade (indices majorés or coefficients) over one period.</summary>
public sealed record DatedPoints(DateOnly From, DateOnly? To, IReadOnlyList<decimal> Points, Sourced Source)
{
    public bool Covers(YearMonth m) => From <= m.FirstDay && (To is null || To.Value >= m.LastDay);
}

/// <summary>One échelon: its number, how long one stays in it (none for the last), its indice brut if any.</summary>
public sealed record Echelon(int Number, int? DurationMonths, int? IndiceBrut);

/// <summary>A grade (or a classification level): échelons, their durations and their points over time.</summary>
public sealed class Grade
{
    public required string Id { get; init; }
    public required string Title { get; init; }
    public required IReadOnlyList<Echelon> Echelons { get; init; }

    /// <summary>The text that sets the durations (null for a single-échelon grade).</summary>
    public Sourced? Durations { get; init; }

    /// <summary>The text that sets the indices bruts, when the grid has them.</summary>
    public Sourced? IndicesBruts { get; init; }

    public required IReadOnlyList<DatedPoints> Values { get; init; }

    public DateOnly ValidFrom => Values[0].From;

    public DatedPoints? At(YearMonth m) => Values.FirstOrDefault(v => v.Covers(m));
}

/// <summary>UCANSS experience points: so many points per full year of seniority, up to a cap.</summary>
public sealed record ExperienceRule(DateOnly From, DateOnly? To, int PointsPerYear, int Cap, Sourced Source)
{
    public bool Covers(YearMonth m) => From <= m.FirstDay && (To is null || To.Value >= m.LastDay);
}

/// <summary>A reported entry pay that no coefficient explains (a variant of the start-of-career verdict).</summary>
public sealed record EntryVariant(decimal Amount, string Label, Sourced Source);

/// <summary>An assumption of a grid, with its source.</summary>
public sealed record Assumption(string Text, Sourced Source);

/// <summary>How the points of a grid become euros.</summary>
public enum PayKind
{
    /// <summary>Indice majoré × annual value of the point (engine parameter) ÷ divisor.</summary>
    IndiceMajore,

    /// <summary>Points × monthly value of the point (dated values of the grid file).</summary>
    Points,
}

/// <summary>The pay rule of a grid family.</summary>
public sealed class PayRule
{
    public required PayKind Kind { get; init; }

    /// <summary>Engine parameter giving the annual value of the point (indice majoré grids).</summary>
    public string? ParameterId { get; init; }

    /// <summary>Engine parameter dividing the annual value into a monthly amount per point (indice majoré grids: <c>diviseur-point-mensuel</c>).</summary>
    public string? DivisorId { get; init; }

    /// <summary>Monthly value of one point over time (points grids).</summary>
    public IReadOnlyList<DatedValue> PointValues { get; init; } = [];
}

/// <summary>A grid family: one file of <c>legislation/grids/</c> (ucanss, fpt, fph, ccn66).</summary>
public sealed class GridFamily
{
    public required string Id { get; init; }
    public required string Title { get; init; }
    public string? Description { get; init; }
    public required IReadOnlyList<Citation> Citations { get; init; }
    public required PayRule Pay { get; init; }
    public required string File { get; init; }
}

/// <summary>
/// One career grid: where a worker starts, how échelons and seniority points advance, how many payments a
/// year, and the worker profile the rules engine evaluates for the Ségur amount.
/// </summary>
public sealed class Grid
{
    public required GridFamily Family { get; init; }
    public required string Id { get; init; }

    /// <summary>« famille:grille », e.g. <c>ucanss:niveau-5</c>.</summary>
    public string Name => $"{Family.Id}:{Id}";

    public required string Title { get; init; }
    public string? Description { get; init; }
    public required int PaymentsPerYear { get; init; }
    public required Sourced PaymentsSource { get; init; }
    public required string ProfileLabel { get; init; }
    public string? ProfileNote { get; init; }
    public required Profile Profile { get; init; }

    /// <summary>The profile as written in the grid file (for the JSON output).</summary>
    public required JsonObject ProfileJson { get; init; }

    public required IReadOnlyList<ExperienceRule> Experience { get; init; }
    public EntryVariant? EntryVariant { get; init; }
    public required IReadOnlyList<Assumption> Assumptions { get; init; }
    public required Grade InitialGrade { get; init; }
    public required int InitialEchelon { get; init; }
    public required IReadOnlyList<Grade> Grades { get; init; }
    public required int Line { get; init; }

    /// <summary>First month for which every value a career needs is defined.</summary>
    public required YearMonth ValidFrom { get; init; }

    /// <summary>True for a grid of a social security body (its Ségur profile says so).</summary>
    public bool IsSocialSecurity => Profile.Value("employeur.secteur") == "securite_sociale";

    public ExperienceRule? ExperienceAt(YearMonth m) => Experience.FirstOrDefault(e => e.Covers(m));
}

/// <summary>Every grid of <c>legislation/grids/</c>, by name.</summary>
public sealed class GridCatalog(IReadOnlyList<Grid> grids, string fingerprint = "", IReadOnlyList<Claim>? claims = null)
{
    public IReadOnlyList<Grid> Grids { get; } = grids;

    /// <summary>The claims of the written questions judged on these grids (<c>carrieres/affirmations.yaml</c>).</summary>
    public IReadOnlyList<Claim> Claims { get; } = claims ?? [];

    /// <summary>SHA-256 of the grid files, in path order: identifies the grids a comparison was computed with.</summary>
    public string Fingerprint { get; } = fingerprint;

    public IEnumerable<string> Names => Grids.Select(g => g.Name);

    /// <summary>
    /// The grid called <paramref name="name"/> (« famille:grille »; « famille-grille » is accepted too, the
    /// form the question vocabulary uses). Unknown or malformed names are refused in French.
    /// </summary>
    public Grid Get(string name)
    {
        var text = name.Trim();
        var found = Grids.FirstOrDefault(g => g.Name == text) ?? Grids.FirstOrDefault(g => $"{g.Family.Id}-{g.Id}" == text);
        if (found is not null) return found;
        var known = string.Join(", ", Names);
        if (text.Length == 0) throw new SegurException($"--grille vide ; attendu un nom famille:grille parmi {known}");
        if (!text.Contains(':'))
            throw new SegurException($"--grille « {text} » mal formée ; attendu famille:grille (ex. fpt:assistant-socio-educatif), parmi {known}");
        var family = text[..text.IndexOf(':')];
        if (Grids.All(g => g.Family.Id != family))
        {
            var families = string.Join(", ", Grids.Select(g => g.Family.Id).Distinct());
            throw new SegurException($"--grille « {text} » : famille « {family} » inconnue ; attendu une de {families} (grilles : {known})");
        }
        throw new SegurException($"--grille « {text} » inconnue ; attendu une de {known}");
    }
}
