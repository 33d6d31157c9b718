using Segur.Engine.Law;

namespace Segur.Engine.Evaluation;

/// <summary>
/// One node of a measure's explanation: a criterion as evaluated for one month, with the texts that set it
/// and how far its result is established. Renderers switch on the node's type, never on its id.
/// </summary>
public abstract class CriterionNode
{
    /// <summary>Whether the criterion is met (for an exclusion: whether the worker is clear of it).</summary>
    public required Tri Result { get; init; }

    public required string Label { get; init; }

    /// <summary>What the profile says of the facts tested (« employeur.secteur = public »), or why the node failed.</summary>
    public string? Detail { get; init; }

    public IReadOnlyList<Citation> Citations { get; init; } = [];

    /// <summary>How far this result is established: the rule's own grade, its best text, and its children's.</summary>
    public Confidence Confidence { get; init; } = Confidence.H;

    public string? Note { get; init; }

    /// <summary>Sub-criteria (only for a composite rule).</summary>
    public IReadOnlyList<CriterionNode> Children { get; init; } = [];

    /// <summary>The node's name in its measure: « en_vigueur », « en_fonction », the rule's id, or the exclusion's id.</summary>
    public abstract string Name { get; }
}

/// <summary>The measure's span of application and the publication of the text that institutes it.</summary>
public sealed class InForceNode : CriterionNode
{
    public required Measure Measure { get; init; }

    public override string Name => "en_vigueur";
}

/// <summary>Days in post in the month, when the profile gives an entry or exit date.</summary>
public sealed class InPostNode : CriterionNode
{
    public required int Thirtieths { get; init; }

    public override string Name => "en_fonction";
}

/// <summary>A criterion of the measure file (<see cref="Law.Rule"/>), leaf or composite.</summary>
public sealed class RuleNode : CriterionNode
{
    public required Rule Rule { get; init; }

    /// <summary>The rule's id in its measure file ("" for an unnamed nested rule).</summary>
    public string Id => Rule.Id;

    public override string Name => Rule.Id;
}

/// <summary>A stated exclusion examined for the measure: <see cref="Applies"/> says whether it rules the worker out.</summary>
public sealed class ExclusionNode : CriterionNode
{
    public required Exclusion Exclusion { get; init; }

    /// <summary>True when the exclusion applies (the criterion « not excluded » then fails).</summary>
    public Tri Applies => TriLogic.Not(Result);

    public override string Name => Exclusion.Id;
}

/// <summary>What a step of the amount does.</summary>
public enum StepKind
{
    /// <summary>The full-time monthly amount (points × point value ÷ divisor, or a flat amount).</summary>
    FullTime,
    /// <summary>Working time: the quotité, or the fraction of the traitement of a temps partiel.</summary>
    WorkingTime,
    /// <summary>Thirtieths of a month with an entry or an exit.</summary>
    PartialMonth,
    /// <summary>Share of working time in eligible structures.</summary>
    SharedPost,
    /// <summary>Share of the traitement or salary kept.</summary>
    ReducedPay,
    /// <summary>The amount due, rounded once to the cent.</summary>
    Result,
}

/// <summary>One step of the amount: a base or a proration factor, with the text behind it.</summary>
public sealed record CalculationStep(StepKind Kind, string Label, decimal Value, IReadOnlyList<Citation> Citations);

/// <summary>
/// A fact graded M or L that a verdict or an amount rests on, said in French, with the text it comes from.
/// </summary>
public sealed record Caveat(Confidence Confidence, string Text, Citation? Citation);

/// <summary>A documented open question that applies to the profile this month.</summary>
public sealed record UncertaintyNote(string Id, string Title, string Note, Confidence Confidence, IReadOnlyList<Citation> Citations);
