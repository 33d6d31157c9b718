namespace Segur.Engine.Law;

/// <summary>Which measures and profiles a rule of <c>legislation/estimations/</c> applies to.</summary>
public sealed record EstimateScope(IReadOnlyList<string> Schemes, IReadOnlyList<string> Families, Condition? Condition)
{
    public bool Matches(Measure m, ReadOnlySpan<int> codes) =>
        (Schemes.Count == 0 || Schemes.Contains(m.Proration.Id))
        && (Families.Count == 0 || Families.Contains(m.Family))
        && (Condition is null || Condition.Evaluate(codes) == Tri.True);
}

/// <summary>One employee deduction of a net estimate: a rate, optionally on a share of the gross (assiette).</summary>
public sealed record NetDeduction(string Label, Parameter Rate, Parameter? Base);

/// <summary>
/// How the net of a Ségur amount is estimated for some measures and profiles: gross × a sourced ratio, or
/// gross minus sourced deductions. An estimate, shown as such; a profile that no rule covers gets none.
/// </summary>
public sealed class NetEstimateRule
{
    public required string Id { get; init; }
    public required string Label { get; init; }
    public required EstimateScope Scope { get; init; }

    /// <summary>Net = gross × this ratio (exclusive with <see cref="Deductions"/>).</summary>
    public Parameter? Ratio { get; init; }
    public string? RatioLabel { get; init; }
    public IReadOnlyList<NetDeduction> Deductions { get; init; } = [];
}

/// <summary>The employer contribution rate that applies to some measures and profiles (first rule that matches).</summary>
public sealed class EmployerRateRule
{
    public required string Id { get; init; }
    public required EstimateScope Scope { get; init; }
    public required Parameter Rate { get; init; }
}
