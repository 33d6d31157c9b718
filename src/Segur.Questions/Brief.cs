using Segur.Batch;
using Segur.Engine.Evaluation;
using Segur.Engine.Law;
using Segur.Engine.Time;

namespace Segur.Questions;

/// <summary>
/// Where a figure or a reason comes from: a legal text (title, article, publication, address) or a data
/// file of the project (a stratum of the population estimate, a reform scenario).
/// </summary>
public sealed record BriefReference(string Label, string? Url)
{
    public static BriefReference Of(Citation c)
    {
        var official = c.Text.Nature is "loi" or "ordonnance" or "decret" or "arrete";
        var published = c.Text.PublishedOn is { } p ? (official ? $" (JO du {Format.Date(p)})" : $" (rendu public le {Format.Date(p)})")
            : c.Text.Publication is { } pub ? $" ({pub})" : "";
        var grade = c.Text.Confidence == Confidence.H ? "" : $" [confiance {c.Text.Confidence}]";
        return new BriefReference(c.Label + published + grade, c.Text.Url);
    }
}

/// <summary>What a figure counts.</summary>
public enum BriefUnit { Euros, Persons, Rate, Percent }

/// <summary>
/// One figure of a brief, with the references it rests on and the weakest confidence of the facts behind
/// it. A figure graded M or L is <see cref="Uncertain"/>, and <see cref="Caveat"/> says which fact is uncertain.
/// </summary>
public sealed record BriefFigure(
    string Id,
    string Label,
    decimal? Value,
    BriefUnit Unit,
    IReadOnlyList<BriefReference> References,
    Confidence Confidence,
    string? Caveat = null)
{
    public bool Uncertain => Confidence != Confidence.H;

    /// <summary>« 1 234,56 € », « 2 000 personnes », « 0,845 »; « inconnu » when the engine could not compute it.</summary>
    public string Display => Value is not { } v ? "inconnu" : Unit switch
    {
        BriefUnit.Euros => Format.Euros(v),
        BriefUnit.Persons => Format.Integer((long)v) + (v > 1 ? " personnes" : " personne"),
        BriefUnit.Percent => Format.Number(v) + " %",
        _ => Format.Number(v),
    };
}

/// <summary>A legal reason for a verdict (exclusion, criterion not met, measure due, open question), with its texts.</summary>
public sealed record BriefReason(string Text, IReadOnlyList<BriefReference> References, Confidence Confidence = Confidence.H);

/// <summary>
/// Consecutive months with the same outcome. <paramref name="Undetermined"/>: the verdict depends on facts the profile type
/// does not give (<see cref="SummaryOutcome.Undetermined"/>); <paramref name="Condition"/> is then the engine's sentence for
/// the last month of the period, saying which facts decide and what each answer would open.
/// </summary>
public sealed record VerdictPeriod(YearMonth Start, YearMonth End, IReadOnlyList<string> Measures, decimal? MonthlyGross, bool Uncertain, Confidence Confidence,
    bool Undetermined = false, string? Condition = null);

/// <summary>The engine's verdict for one profile standing for a population, with its reasons.</summary>
public sealed record PopulationVerdict(
    PopulationDefinition Population,
    PopulationProfile Profile,
    IReadOnlyList<VerdictPeriod> Periods,
    BriefFigure Total,
    IReadOnlyList<BriefReason> Reasons,
    EvaluationResult Result);

/// <summary>One stratum of <c>legislation/populations/france.yaml</c> used for a population estimate.</summary>
public sealed record StratumEstimate(string Id, long Headcount, Confidence Confidence, string Source, string? Note)
{
    public BriefReference Reference => new($"legislation/populations/france.yaml, strate « {Id} » ({Format.Integer(Headcount)} personnes, confiance {Confidence}) — source : {Source}", null);
}

/// <summary>
/// Sums of reform-minus-law differences in cents, over one or several runs: the figures of an extension's cost.
/// </summary>
public sealed record CostTotals(
    long Headcount,
    long Gainers,
    long Cents,
    long EmployerCents,
    long ArrearsCents,
    long LastMonthCents,
    IReadOnlyList<(int Year, long Cents)> ByYear,
    long UncertainRows,
    long EmployerUnknownRows)
{
    public long AnnualCents => LastMonthCents * 12;

    public static CostTotals Of(long headcount, BatchResult r) => new(
        headcount,
        r.Difference!.Gainers,
        r.Difference.Cents,
        r.Difference.EmployerCents,
        r.Difference.ArrearsCents,
        r.Difference.LastMonthCents,
        r.Difference.ByYearCents.Select((c, i) => (r.Period.Start.Year + i, c)).ToList(),
        r.Reform!.UncertainRows,
        r.Reform.Total.EmployerUnknownRows);

    public static CostTotals Sum(IReadOnlyList<CostTotals> parts) => new(
        parts.Sum(p => p.Headcount),
        parts.Sum(p => p.Gainers),
        parts.Sum(p => p.Cents),
        parts.Sum(p => p.EmployerCents),
        parts.Sum(p => p.ArrearsCents),
        parts.Sum(p => p.LastMonthCents),
        parts.SelectMany(p => p.ByYear).GroupBy(y => y.Year).OrderBy(g => g.Key).Select(g => (g.Key, g.Sum(y => y.Cents))).ToList(),
        parts.Sum(p => p.UncertainRows),
        parts.Sum(p => p.EmployerUnknownRows));
}

/// <summary>
/// A population's share of an extension's cost: its strata, the run over them, its figures; the cost per worker
/// of each of its profiles; the sourced headcount used when no stratum represents it.
/// </summary>
public sealed record PopulationCost(
    PopulationDefinition Population,
    IReadOnlyList<StratumEstimate> Strata,
    CostTotals? Totals,
    IReadOnlyList<BriefFigure> Figures,
    string? Note,
    IReadOnlyList<WorkerCost>? PerWorkerCosts = null,
    SourcedHeadcount? Headcount = null)
{
    /// <summary>The cost per worker of each profile (empty when not computed).</summary>
    public IReadOnlyList<WorkerCost> PerWorker => PerWorkerCosts ?? [];
}

/// <summary>
/// What a reform costs for one worker of a profile: gross and employer contributions of the last month of the
/// period (cents), the gross of the whole period and its arrears; <see cref="EmployerKnown"/> false when no
/// sourced employer rate applies to the profile.
/// </summary>
public sealed record WorkerCost(string Profile, long MonthCents, long MonthEmployerCents, bool EmployerKnown, long PeriodCents, long ArrearsCents,
    bool Uncertain, decimal Quotite)
{
    /// <summary>Gross cost of twelve months like the last one.</summary>
    public long AnnualCents => MonthCents * 12;

    /// <summary>Gross plus employer contributions of twelve months like the last one.</summary>
    public long AnnualTotalCents => (MonthCents + MonthEmployerCents) * 12;
}

/// <summary>A stated assumption of a costing, with where it comes from.</summary>
public sealed record BriefAssumption(string Text, IReadOnlyList<BriefReference> References, Confidence Confidence = Confidence.H);

/// <summary>
/// The cost of the extension a question asks for: a reform overlay run by <see cref="BatchRunner"/> on the
/// population estimate (strata drawn at their documented headcounts), with its figures and assumptions.
/// </summary>
public sealed record ExtensionCost(
    string ReformFile,
    ReformInfo Reform,
    MonthRange Period,
    bool RetroactivityAsked,
    DateOnly? RetroactivityDateAsked,
    IReadOnlyList<PopulationCost> Populations,
    CostTotals? Totals,
    IReadOnlyList<BriefFigure> Figures,
    IReadOnlyList<BriefAssumption> Assumptions,
    IReadOnlyList<string> Notes)
{
    public BriefFigure Figure(string id) => Figures.First(f => f.Id == id);
}

/// <summary>
/// The gap between pay grids, as given by the career comparison: a summary, the figures, the verdicts on the
/// claims of the written questions, and the comparison's assumptions.
/// </summary>
public sealed record PayScaleGap(string Summary, IReadOnlyList<BriefFigure> Figures, IReadOnlyList<BriefReason> Claims, IReadOnlyList<BriefAssumption> Assumptions);

/// <summary>
/// Compares pay grids (the career comparison of <c>legislation/grids/</c>). One method, so that the brief
/// does not depend on how the comparison is computed; without one, the brief says the comparison is not available.
/// </summary>
public interface IPayScaleComparer
{
    /// <summary>
    /// The gap between the grids of <paramref name="pair"/> for a career starting at <paramref name="month"/>;
    /// a <see cref="SegurException"/> in French when a grid is unknown or not defined at that date.
    /// </summary>
    PayScaleGap Compare(GridPair pair, YearMonth month);
}

/// <summary>One grid comparison a question raises: the gap, or why there is none.</summary>
public sealed record PayScaleItem(GridPair? Pair, IReadOnlyList<PopulationDefinition> Populations, PayScaleGap? Gap, string? Unavailable);

/// <summary>
/// A brief for one question, or one shared brief for near-identical questions: the engine's verdict per
/// population, the cost of the extension asked for, the arrears, the pay-scale gap when raised.
/// </summary>
public sealed record QuestionBrief(
    IReadOnlyList<QuestionAnalysis> Questions,
    string LawVersion,
    string LawFingerprint,
    MonthRange SituationPeriod,
    IReadOnlyList<DetectedPopulation> Populations,
    IReadOnlyList<DetectedDemand> Demands,
    IReadOnlyList<PopulationVerdict> Verdicts,
    IReadOnlyList<ExtensionCost> Costs,
    IReadOnlyList<string> CostNotes,
    IReadOnlyList<PayScaleItem> PayScales,
    bool PayScaleAsked)
{
    public bool Shared => Questions.Count > 1;

    /// <summary>« QANR5L17QE12835 » for one question; « QANR5L17QE90001-commune » for near-identical questions.</summary>
    public string FileName => Shared ? Questions[0].Question.Uid + "-commune" : Questions[0].Question.Uid;

    public string Title => Shared
        ? $"Fiche commune — {Questions.Count} questions quasi identiques"
        : $"Fiche — {Questions[0].Question.Reference}";
}
