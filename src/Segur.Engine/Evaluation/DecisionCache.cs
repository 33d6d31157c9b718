using System.Collections.Concurrent;
using Segur.Engine.Profiles;
using Segur.Engine.Time;

namespace Segur.Engine.Evaluation;

/// <summary>
/// A class of coded facts in one month: the notion the batch's class memo (<c>Segur.Batch.ClassTable</c>) keys its
/// verdicts on — the codes of the profile, the month, the days in post (thirtieths, −1 for the whole month) and the
/// law date — plus, for an explained result, the pure multipliers of the amount (<see cref="WorkFacts"/>) and the
/// implications that filled a fact (their titles appear in the explanation). Equal keys give equal explained months.
/// </summary>
public sealed class FactClass : IEquatable<FactClass>
{
    private readonly int[] _codes;
    private readonly string[] _implied;
    private readonly int _hash;

    /// <summary>The class of <paramref name="profile"/> in <paramref name="month"/>.</summary>
    public FactClass(Profile profile, YearMonth month, int thirtieths, DateOnly? lawAsOf)
    {
        _codes = [.. profile.Codes];
        _implied = profile.Implied.Select(i => i.Id).ToArray();
        Month = month;
        Thirtieths = thirtieths;
        LawAsOf = lawAsOf;
        Work = new WorkFacts(profile.Quotite, profile.TempsPartiel, profile.PartStructuresEligibles, profile.FractionTraitement);
        var h = new HashCode();
        foreach (var c in _codes) h.Add(c);
        foreach (var i in _implied) h.Add(i);
        h.Add(month);
        h.Add(thirtieths);
        h.Add(lawAsOf);
        h.Add(Work);
        _hash = h.ToHashCode();
    }

    public YearMonth Month { get; }
    public int Thirtieths { get; }
    public DateOnly? LawAsOf { get; }
    public WorkFacts Work { get; }

    public bool Equals(FactClass? other) =>
        other is not null && _hash == other._hash && Month == other.Month && Thirtieths == other.Thirtieths && LawAsOf == other.LawAsOf
        && Work == other.Work && _codes.AsSpan().SequenceEqual(other._codes) && _implied.AsSpan().SequenceEqual(other._implied);

    public override bool Equals(object? obj) => Equals(obj as FactClass);

    public override int GetHashCode() => _hash;
}

/// <summary>
/// Explained months already computed, by <see cref="FactClass"/>, shared by every request of a server: a month is
/// explained once and its result reused (results are immutable; their summary is computed before they are shared).
/// Thread-safe. Bounded: at most <see cref="Capacity"/> months are kept (an explained month holds its criteria
/// trees, tens of kilobytes); when it is full, the cache is emptied and refills with the classes asked next, so
/// memory stays below about <see cref="Capacity"/> × 100 KB whatever the traffic.
/// </summary>
public sealed class DecisionCache(int capacity = DecisionCache.DefaultCapacity)
{
    /// <summary>Default bound: 1 024 explained months.</summary>
    public const int DefaultCapacity = 1024;

    private readonly ConcurrentDictionary<FactClass, MonthResult> _months = new();

    /// <summary>Most months kept.</summary>
    public int Capacity { get; } = capacity > 0 ? capacity : throw new ArgumentOutOfRangeException(nameof(capacity));

    /// <summary>Months kept now.</summary>
    public int Count => _months.Count;

    /// <summary>The month of <paramref name="key"/>, computed by <paramref name="compute"/> the first time.</summary>
    public MonthResult GetOrAdd(FactClass key, Func<MonthResult> compute)
    {
        if (_months.TryGetValue(key, out var known)) return known;
        var month = compute();
        _ = month.Summary; // fills the lazy explanation before the result is shared between threads
        if (_months.Count >= Capacity) _months.Clear();
        return _months.GetOrAdd(key, month);
    }
}
