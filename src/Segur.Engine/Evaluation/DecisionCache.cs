using System.Collections.Concurrent;
using Segur.Engine.Profiles;
using Segur.Engine.Time;

namespace Segur.Engine.Evaluation;

/// <summary>
/// A class of coded facts in one month, as the batch's class memo (<c>Segur.Batch.ClassTable</c>) keys its verdicts:
/// the codes of the <see cref="Kernel.ClassFields"/>, the month and the law date, plus what the criteria's explanation
/// writes besides those codes — the days in post of the month (thirtieths, −1 without entry or exit date: the node
/// « en fonction » states them) and the implications that filled a class field (their titles appear in the criteria).
/// Quotité, temps partiel, shares and the other fields do not enter it: equal keys give the same explained decision.
/// </summary>
public sealed class DecisionClass : IEquatable<DecisionClass>
{
    private readonly int[] _codes;
    private readonly string[] _implied;
    private readonly int _hash;

    /// <summary>The class of <paramref name="profile"/> in <paramref name="month"/>, on the fields <paramref name="fields"/> (<see cref="Kernel.ClassFields"/>).</summary>
    public DecisionClass(Profile profile, ReadOnlySpan<int> fields, YearMonth month, int thirtieths, DateOnly? lawAsOf)
    {
        _codes = new int[fields.Length];
        for (var i = 0; i < fields.Length; i++) _codes[i] = profile.Codes[fields[i]];
        var implied = new List<string>();
        foreach (var i in profile.Implied)
        {
            if (fields.BinarySearch(i.Field.Index) >= 0) implied.Add(i.Id);
        }
        _implied = [.. implied];
        Month = month;
        Thirtieths = thirtieths;
        LawAsOf = lawAsOf;
        var h = new HashCode();
        foreach (var c in _codes) h.Add(c);
        foreach (var i in _implied) h.Add(i);
        h.Add(month);
        h.Add(thirtieths);
        h.Add(lawAsOf);
        _hash = h.ToHashCode();
    }

    public YearMonth Month { get; }
    public int Thirtieths { get; }
    public DateOnly? LawAsOf { get; }

    public bool Equals(DecisionClass? other) =>
        other is not null && _hash == other._hash && Month == other.Month && Thirtieths == other.Thirtieths && LawAsOf == other.LawAsOf
        && _codes.AsSpan().SequenceEqual(other._codes) && _implied.AsSpan().SequenceEqual(other._implied);

    public override bool Equals(object? obj) => Equals(obj as DecisionClass);

    public override int GetHashCode() => _hash;
}

/// <summary>
/// All the facts of one profile month that its explained result depends on: every code, the implications, the days in
/// post and the pure multipliers (<see cref="WorkFacts"/>). Equal keys give equal explained months.
/// </summary>
public sealed class MonthFacts : IEquatable<MonthFacts>
{
    private readonly int[] _codes;
    private readonly string[] _implied;
    private readonly WorkFacts _work;
    private readonly int _hash;

    /// <summary>The facts of <paramref name="profile"/> for a month of <paramref name="cls"/>.</summary>
    public MonthFacts(Profile profile, DecisionClass cls)
    {
        _codes = [.. profile.Codes];
        _implied = profile.Implied.Select(i => i.Id).ToArray();
        _work = new WorkFacts(profile.Quotite, profile.TempsPartiel, profile.PartStructuresEligibles, profile.FractionTraitement);
        var h = new HashCode();
        foreach (var c in _codes) h.Add(c);
        foreach (var i in _implied) h.Add(i);
        h.Add(_work);
        h.Add(cls);
        _hash = h.ToHashCode();
    }

    public bool Equals(MonthFacts? other) =>
        other is not null && _hash == other._hash && _work == other._work
        && _codes.AsSpan().SequenceEqual(other._codes) && _implied.AsSpan().SequenceEqual(other._implied);

    public override bool Equals(object? obj) => Equals(obj as MonthFacts);

    public override int GetHashCode() => _hash;
}

/// <summary>
/// The class memo of the explained evaluation, shared by every request of a server. A month's explanation has two
/// parts: the decision and its criteria trees (verdicts, grades, texts, open questions, the full-time amounts), which
/// depend only on the <see cref="DecisionClass"/>, and the amount due with its proration steps, caveats and notes, the
/// net estimate and the informations, which depend on the pure multipliers and the other fields. The first part is
/// computed once per class and shared by every profile of the class (whatever its quotité or dates); the second is
/// recomputed from it for each new set of facts (cheap: a few multiplications) and the finished month is kept too, so
/// that a repeated profile costs a lookup. Thread-safe; results are immutable (their summary is computed before they
/// are shared). Bounded: at most <see cref="Capacity"/> classes and <see cref="Capacity"/> finished months are kept
/// (an explained month holds tens of kilobytes, its criteria shared with its class); when either is full the cache
/// is emptied and refills with what is asked next, so memory stays below about <see cref="Capacity"/> × 100 KB.
/// </summary>
public sealed class DecisionCache(int capacity = DecisionCache.DefaultCapacity)
{
    /// <summary>Default bound: 1 024 classes and 1 024 finished months.</summary>
    public const int DefaultCapacity = 1024;

    private sealed class Entry(ExplainedDecision decision)
    {
        public ExplainedDecision Decision { get; } = decision;
        public ConcurrentDictionary<MonthFacts, MonthResult> Months { get; } = new();
    }

    private ConcurrentDictionary<DecisionClass, Entry> _classes = new();
    private int _months;

    /// <summary>Most classes, and most finished months, kept.</summary>
    public int Capacity { get; } = capacity > 0 ? capacity : throw new ArgumentOutOfRangeException(nameof(capacity));

    /// <summary>Classes kept now (each explained once).</summary>
    public int Count => _classes.Count;

    /// <summary>Finished months kept now, over every class.</summary>
    public int Months => Volatile.Read(ref _months);

    /// <summary>
    /// The month of <paramref name="facts"/> in class <paramref name="cls"/>: the class is decided by <paramref name="decide"/>
    /// the first time it is met, and the month finished from the shared decision by <paramref name="finish"/> the first
    /// time these facts are met.
    /// </summary>
    internal MonthResult GetOrAdd(DecisionClass cls, MonthFacts facts, Func<ExplainedDecision> decide, Func<ExplainedDecision, MonthResult> finish)
    {
        var classes = _classes;
        if (!classes.TryGetValue(cls, out var entry))
        {
            if (classes.Count >= Capacity) Reset(classes);
            entry = _classes.GetOrAdd(cls, new Entry(decide()));
        }
        if (entry.Months.TryGetValue(facts, out var known)) return known;
        var month = finish(entry.Decision);
        _ = month.Summary; // fills the lazy explanation before the result is shared between threads
        if (Interlocked.Increment(ref _months) > Capacity) Reset(classes);
        return entry.Months.GetOrAdd(facts, month);
    }

    private void Reset(ConcurrentDictionary<DecisionClass, Entry> seen)
    {
        // Swap in an empty table (once per fill, whichever thread sees it first); entries still referenced finish normally.
        if (Interlocked.CompareExchange(ref _classes, new ConcurrentDictionary<DecisionClass, Entry>(), seen) == seen)
            Volatile.Write(ref _months, 0);
    }
}

/// <summary>The part of an explained month that depends on its class alone: the kernel's decision and the explanation drafts.</summary>
internal sealed record ExplainedDecision(MonthDecision Decision, ExplanationBuilder Builder);
