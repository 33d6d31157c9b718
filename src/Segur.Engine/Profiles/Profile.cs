using Segur.Engine.Law;
using Segur.Engine.Time;

namespace Segur.Engine.Profiles;

/// <summary>
/// One worker in one job, checked against the profile schema: coded facts for the rules (one integer per
/// vocabulary field) and the numbers that prorate the amount.
/// </summary>
public sealed class Profile
{
    internal Profile(Vocabulary vocabulary, int[] codes)
    {
        Vocabulary = vocabulary;
        Codes = codes;
    }

    public Vocabulary Vocabulary { get; }

    /// <summary>Field codes indexed by <see cref="FieldDef.Index"/>; <see cref="Facts.Absent"/> when absent.</summary>
    public int[] Codes { get; }

    public string? Id { get; init; }

    /// <summary>Working time, 1 = full time (schema default).</summary>
    public decimal Quotite { get; init; } = 1m;

    /// <summary>Temps partiel (true), temps non complet (false), or not said (null).</summary>
    public bool? TempsPartiel { get; init; }

    public DateOnly? Entree { get; init; }
    public DateOnly? Sortie { get; init; }

    /// <summary>Share of working time in eligible structures (segur extension, default 1).</summary>
    public decimal PartStructuresEligibles { get; init; } = 1m;

    /// <summary>Share of the traitement or salary kept this month (segur extension, default 1).</summary>
    public decimal FractionTraitement { get; init; } = 1m;

    public string? Corps { get; init; }

    /// <summary>Facts the law implied and filled in (the profile left them out).</summary>
    public IReadOnlyList<Implication> Implied { get; init; } = [];

    /// <summary>Months asked for in the profile itself, if any.</summary>
    public MonthRange? Periode { get; init; }

    public bool Has(string field) => Codes[Vocabulary[field].Index] != Facts.Absent;

    /// <summary>The value of an enum field, or null when absent.</summary>
    public string? Value(string field)
    {
        var f = Vocabulary[field];
        var c = Codes[f.Index];
        return c == Facts.Absent ? null : f.Describe(c);
    }
}
