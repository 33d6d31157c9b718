using Segur.Engine.Law;
using Segur.Engine.Time;

namespace Segur.Engine.Evaluation;

/// <summary>Why a measure or rule is, or is not, in force in a month.</summary>
public enum InForceStatus
{
    InForce,
    /// <summary>The month is outside the dates of the measure or rule.</summary>
    OutOfSpan,
    /// <summary>The text that institutes it was published after the date of law asked for (<c>--droit-au</c>).</summary>
    NotYetPublished,
    /// <summary>In force, by a text published after the month (retroactive right).</summary>
    Retroactive,
}

/// <summary>
/// What the kernel reports while it decides. The kernel is generic over the trace type: batches pass
/// <see cref="NoTrace"/> (a struct whose methods are empty and <see cref="Enabled"/> false, so the JIT removes
/// every call and every label built for it); explanations pass <see cref="ExplanationTrace"/>.
/// Calls arrive in order: for each measure <see cref="BeginMeasure"/>, its criteria (rules nested with
/// <see cref="EnterRule"/>/<see cref="ExitRule"/>), exclusions, <see cref="EndMeasure"/>; then priorities,
/// amounts of the paid measures, open questions; proration steps come from <see cref="Kernel.Factor"/>.
/// </summary>
public interface ITrace
{
    /// <summary>False when nothing is recorded: callers skip building texts.</summary>
    bool Enabled { get; }

    void BeginMeasure(int index, Measure measure);
    void InForce(Measure measure, YearMonth month, InForceStatus status, Confidence confidence);
    void InPost(int thirtieths);
    void EnterRule(Rule rule);
    void ExitRule(Rule rule, Tri result, InForceStatus status, Confidence confidence);
    void Exclusion(Exclusion exclusion, Tri applies, Confidence confidence);
    void EndMeasure(Verdict verdict, Confidence confidence);
    void Superseded(int index, int by);
    void Note(int index, string text);
    void Caveat(int index, Caveat caveat);
    void Amount(int index, decimal? fullTime, string? unknownReason);
    void Step(int index, CalculationStep step);
    void Uncertainty(Uncertainty uncertainty);
}

/// <summary>The trace of batches: records nothing, costs nothing.</summary>
public struct NoTrace : ITrace
{
    public readonly bool Enabled => false;
    public readonly void BeginMeasure(int index, Measure measure) { }
    public readonly void InForce(Measure measure, YearMonth month, InForceStatus status, Confidence confidence) { }
    public readonly void InPost(int thirtieths) { }
    public readonly void EnterRule(Rule rule) { }
    public readonly void ExitRule(Rule rule, Tri result, InForceStatus status, Confidence confidence) { }
    public readonly void Exclusion(Exclusion exclusion, Tri applies, Confidence confidence) { }
    public readonly void EndMeasure(Verdict verdict, Confidence confidence) { }
    public readonly void Superseded(int index, int by) { }
    public readonly void Note(int index, string text) { }
    public readonly void Caveat(int index, Caveat caveat) { }
    public readonly void Amount(int index, decimal? fullTime, string? unknownReason) { }
    public readonly void Step(int index, CalculationStep step) { }
    public readonly void Uncertainty(Uncertainty uncertainty) { }
}
