using Segur.Engine;
using Segur.Engine.Evaluation;
using Segur.Engine.Law;
using Segur.Engine.Time;

namespace Segur.Careers;

/// <summary>A fact a pay figure rests on, with its grade: what the output lists as uncertain when not H.</summary>
public sealed record UsedFact(string Label, Confidence Confidence, string? Note, Citation? Citation);

/// <summary>Where a career stands in a month: grade, échelon, time spent in it, seniority.</summary>
public sealed record Position(Grade Grade, int Echelon, int MonthsInEchelon, int SeniorityMonths);

/// <summary>The pay of one career in one month (the first month of each career year in the comparison).</summary>
public sealed record CareerMonth
{
    /// <summary>Career year, 0 for the first one.</summary>
    public required int Year { get; init; }

    public required YearMonth Month { get; init; }
    public required Position Position { get; init; }

    /// <summary>Indice majoré, or coefficient of the level (without experience points).</summary>
    public required decimal Points { get; init; }

    public required int ExperiencePoints { get; init; }

    /// <summary>Euros per point per month (for indice grids: annual value ÷ divisor), unrounded.</summary>
    public required decimal PointValue { get; init; }

    /// <summary>For indice grids, the annual value of the point as the law gives it; null otherwise.</summary>
    public decimal? AnnualPointValue { get; init; }

    /// <summary>Traitement or salary from the grid, rounded to the cent.</summary>
    public required decimal Base { get; init; }

    /// <summary>Ségur amount due according to the rules engine (0 when none is due).</summary>
    public required decimal Segur { get; init; }

    /// <summary>Measures the engine retained this month (e.g. M4), empty when none.</summary>
    public required IReadOnlyList<string> SegurMeasures { get; init; }

    /// <summary>When the engine says the Ségur amount is due but unknown.</summary>
    public bool SegurUnknown { get; init; }

    public decimal Total => Base + Segur;

    /// <summary>Annual pay ÷ 12: base × payments a year ÷ 12, plus the Ségur (paid 12 times), to the cent.</summary>
    public required decimal AnnualMonthlyEquivalent { get; init; }

    /// <summary>Weakest grade of the facts this month's figure rests on.</summary>
    public required Confidence Confidence { get; init; }

    public required IReadOnlyList<UsedFact> Facts { get; init; }

    /// <summary>Short French description: « ase, éch. 3 », « 5B ».</summary>
    public string Situation => Position.Grade.Echelons.Count == 1 ? Position.Grade.Id : $"{Position.Grade.Id}, éch. {Position.Echelon}";
}

/// <summary>One grid's career, year by year.</summary>
public sealed record Career(Grid Grid, YearMonth Start, IReadOnlyList<CareerMonth> Years);

/// <summary>
/// Builds careers by the rules of each grid: échelon durations (time spent in each échelon, from the
/// starting échelon), UCANSS experience points (so many per full year of seniority, up to a cap), the point
/// value in force each month (the grid's own dated values, or the engine's <c>point-indice</c> parameter),
/// and the Ségur amount the rules engine gives for the grid's worker profile that month.
/// </summary>
public sealed class CareerBuilder(Legislation law)
{
    private readonly Evaluator _evaluator = new(law);

    public Legislation Law { get; } = law;

    /// <summary>Grade and échelon after <paramref name="seniorityMonths"/> of unbroken service from the grid's start.</summary>
    public static Position PositionAfter(Grid grid, int seniorityMonths) =>
        PositionAfter(grid.InitialGrade, grid.InitialEchelon, seniorityMonths);

    /// <summary>Grade and échelon after <paramref name="seniorityMonths"/> in <paramref name="grade"/>, starting at <paramref name="echelon"/>.</summary>
    public static Position PositionAfter(Grade grade, int echelon, int seniorityMonths)
    {
        if (seniorityMonths < 0) throw new ArgumentOutOfRangeException(nameof(seniorityMonths), "ancienneté négative");
        var index = echelon - 1;
        var left = seniorityMonths;
        while (grade.Echelons[index].DurationMonths is { } d && left >= d)
        {
            left -= d;
            index++;
        }
        return new Position(grade, index + 1, left, seniorityMonths);
    }

    /// <summary>The career on <paramref name="grid"/> from <paramref name="start"/>, first month of each of <paramref name="years"/> years.</summary>
    public Career Build(Grid grid, YearMonth start, int years)
    {
        var list = new List<CareerMonth>(years);
        for (var y = 0; y < years; y++) list.Add(At(grid, start, start.AddMonths(12 * y)));
        return new Career(grid, start, list);
    }

    /// <summary>The pay in <paramref name="month"/> of a career that started in <paramref name="start"/>.</summary>
    public CareerMonth At(Grid grid, YearMonth start, YearMonth month)
    {
        if (month < start) throw new ArgumentException($"{month} précède le début de carrière {start}");
        if (start < grid.ValidFrom)
            throw new SegurException($"la grille {grid.Name} n'est définie qu'à partir de {Format.Month(grid.ValidFrom)} ({grid.Family.File}) ; attendu un début de carrière en {Format.Month(grid.ValidFrom)} ou après");
        var seniority = month.Ordinal - start.Ordinal;
        var position = PositionAfter(grid, seniority);
        var facts = new List<UsedFact>();

        var period = position.Grade.At(month)
                     ?? throw new SegurException($"la grille {grid.Name} n'a pas de valeur pour le grade {position.Grade.Id} en {Format.Month(month)} ({grid.Family.File})");
        var points = period.Points[position.Echelon - 1];
        var unit = grid.Family.Pay.Kind == PayKind.IndiceMajore ? "indice majoré" : "coefficient";
        var units = grid.Family.Pay.Kind == PayKind.IndiceMajore ? "indices majorés" : "coefficients";
        var what = position.Grade.Echelons.Count > 1
            ? $"{units} du grade {position.Grade.Id} (valeurs en vigueur à partir du {Format.Date(period.From)})"
            : $"{unit} du grade {position.Grade.Id} ({Num(points)}) à partir du {Format.Date(period.From)}";
        facts.Add(new UsedFact($"{grid.Name} : {what}",
            period.Source.Confidence, period.Source.Note, period.Source.Citation));
        if (position.Grade.Durations is { } durations && seniority > 0)
            facts.Add(new UsedFact($"{grid.Name} : durées d'échelon du grade {position.Grade.Id}", durations.Confidence, durations.Note, durations.Citation));

        var experience = 0;
        if (grid.ExperienceAt(month) is { } rule)
        {
            experience = Math.Min(rule.PointsPerYear * (seniority / 12), rule.Cap);
            if (experience > 0)
                facts.Add(new UsedFact($"{grid.Name} : points d'expérience ({rule.PointsPerYear} par an, {rule.Cap} au plus) à partir du {Format.Date(rule.From)}", rule.Source.Confidence, rule.Source.Note, rule.Source.Citation));
        }

        decimal pointValue;
        decimal? annual = null;
        decimal pay;
        if (grid.Family.Pay.Kind == PayKind.IndiceMajore)
        {
            var param = Law.Parameter(grid.Family.Pay.ParameterId!);
            var v = param.Find(month)
                    ?? throw new SegurException($"le paramètre {param.Id} n'a pas de valeur en {Format.Month(month)} : traitement de la grille {grid.Name} incalculable");
            var divisorParam = Law.Parameter(grid.Family.Pay.DivisorId!);
            var d = divisorParam.Find(month)
                    ?? throw new SegurException($"le paramètre {divisorParam.Id} n'a pas de valeur en {Format.Month(month)} : traitement de la grille {grid.Name} incalculable");
            annual = v.Value;
            pointValue = v.Value / d.Value;
            pay = Cent((points + experience) * v.Value / d.Value);
            facts.Add(new UsedFact($"{grid.Name} : {param.Title} ({Num(v.Value)} € à partir du {Format.Date(v.From)})", v.Confidence, v.Note, v.Citation));
        }
        else
        {
            var v = grid.Family.Pay.PointValues.FirstOrDefault(p => p.Covers(month))
                    ?? throw new SegurException($"la grille {grid.Name} n'a pas de valeur du point en {Format.Month(month)} ({grid.Family.File})");
            pointValue = v.Value;
            pay = Cent((points + experience) * v.Value);
            facts.Add(new UsedFact($"{grid.Name} : valeur du point ({Num(v.Value)} € à partir du {Format.Date(v.From)})", v.Source.Confidence, v.Source.Note, v.Source.Citation));
        }
        if (grid.PaymentsPerYear != 12)
            facts.Add(new UsedFact($"{grid.Name} : {grid.PaymentsPerYear} versements par an", grid.PaymentsSource.Confidence, grid.PaymentsSource.Note, grid.PaymentsSource.Citation));

        var month0 = _evaluator.EvaluateMonth(grid.Profile, month);
        var segur = Cent(month0.Gross ?? 0m);
        var unknown = month0.Eligible && month0.Gross is null;
        var segurConfidence = month0.Confidence;
        if (unknown)
        {
            segurConfidence = Confidence.L;
            facts.Add(new UsedFact($"{grid.Name} : montant Ségur dû mais inconnu en {Format.Month(month)} (compté 0)", Confidence.L, null, null));
        }
        foreach (var r in month0.Measures.Where(r => month0.Retained.Contains(r.Measure.Id)))
        {
            facts.Add(new UsedFact($"{grid.Name} : Ségur, mesure {r.Measure.Id} — {r.Measure.Title}", Confidence.H, null, new Citation(r.Measure.InstitutedBy, null)));
            foreach (var c in r.Caveats)
                facts.Add(new UsedFact($"{grid.Name} : Ségur ({r.Measure.Id}) — {c.Text}", c.Confidence, null, c.Citation));
        }
        foreach (var u in month0.Uncertainties)
            facts.Add(new UsedFact($"{grid.Name} : question ouverte « {u.Title} »", u.Confidence, u.Note, u.Citations.FirstOrDefault()));

        var confidence = facts.Select(f => f.Confidence).Append(segurConfidence).Max();
        return new CareerMonth
        {
            Year = seniority / 12,
            Month = month,
            Position = position,
            Points = points,
            ExperiencePoints = experience,
            PointValue = pointValue,
            AnnualPointValue = annual,
            Base = pay,
            Segur = segur,
            SegurMeasures = month0.Retained,
            SegurUnknown = unknown,
            AnnualMonthlyEquivalent = Cent(pay * grid.PaymentsPerYear / 12m + segur),
            Confidence = confidence,
            Facts = facts,
        };
    }

    /// <summary>Half away from zero, to the cent, with two decimals kept (0.00, not 0).</summary>
    public static decimal Cent(decimal amount) => Math.Round(amount, 2, MidpointRounding.AwayFromZero) + 0.00m;

    private static string Num(decimal d) => Format.Number(d);
}
