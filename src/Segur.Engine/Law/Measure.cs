namespace Segur.Engine.Law;

/// <summary>
/// How a measure's full-time monthly gross is set: <c>points × point value ÷ divisor</c> (the divisor turns
/// the annual value of the indice 100 into the monthly value of one point), a flat amount, or unknown.
/// </summary>
public sealed record AmountRule(Parameter? Points, Parameter? PointValue, Parameter? Divisor, Parameter? Euros, string? UnknownNote)
{
    public bool IsKnown => UnknownNote is null;
}

/// <summary>A dated label for the legal form of the payment (prime de revalorisation, then CTI).</summary>
public sealed record PaymentForm(DateOnly From, DateOnly? To, string Label, IReadOnlyList<Citation> Citations);

/// <summary>
/// One Ségur measure: who (criteria), from when, how much, under which texts. Two measures of the
/// same family never pay the same job in the same month: the static check demands an explicit
/// <see cref="CedesTo"/> wherever two could.
/// </summary>
public sealed class Measure
{
    public required string Id { get; init; }
    public required string Title { get; init; }
    public required string Family { get; init; }
    public string? Description { get; init; }
    public required LegalText InstitutedBy { get; init; }
    public required IReadOnlyList<Citation> Citations { get; init; }
    public required DateOnly From { get; init; }
    public DateOnly? To { get; init; }
    public required ProrationScheme Proration { get; init; }
    public required AmountRule Amount { get; init; }
    public IReadOnlyList<PaymentForm> Forms { get; init; } = [];
    public IReadOnlyList<string> CedesTo { get; init; } = [];
    public required IReadOnlyList<Rule> Criteria { get; init; }
    public IReadOnlyList<Exclusion> Exclusions { get; internal set; } = [];
    public Confidence Confidence { get; init; } = Confidence.H;
    public string? Note { get; init; }
    public required string SourceFile { get; init; }
}

/// <summary>
/// A stated exclusion (social security bodies, medical staff, ...): when its condition holds, the
/// measures it names are not due, and the explanation cites why.
/// </summary>
public sealed class Exclusion
{
    public required string Id { get; init; }
    public required string Title { get; init; }
    public string? Description { get; init; }
    public required IReadOnlyList<Citation> Citations { get; init; }
    public required Condition Condition { get; init; }
    public required IReadOnlyList<string> MeasureIds { get; init; }
    public Confidence Confidence { get; init; } = Confidence.H;
    public string? Note { get; init; }
    public required string SourceFile { get; init; }
}

/// <summary>
/// A documented open question: profiles matching it get their verdict flagged uncertain with this note,
/// whatever the measures say.
/// </summary>
public sealed class Uncertainty
{
    public required string Id { get; init; }
    public required string Title { get; init; }
    public required string Note { get; init; }
    public required IReadOnlyList<Citation> Citations { get; init; }
    public required Condition Condition { get; init; }
    public Confidence Confidence { get; init; } = Confidence.L;

    /// <summary>When not empty: the note applies only in months where one of these measures is paid.</summary>
    public IReadOnlyList<string> MeasureIds { get; init; } = [];
    public DateOnly? From { get; init; }
    public DateOnly? To { get; init; }
    public required string SourceFile { get; init; }

    public bool InForce(Time.YearMonth month) =>
        (From is null || From.Value <= month.FirstDay) && (To is null || To.Value >= month.LastDay);
}

/// <summary>A named list of values of one field (e.g. the ESSMS of art. L.312-1 CASF).</summary>
public sealed record ValueList(string Id, string Title, FieldDef Field, IReadOnlyList<int> Codes, IReadOnlyList<Citation> Citations, string SourceFile);

/// <summary>
/// Something the law data tells a worker whose profile matches (<c>legislation/informations/</c>): a
/// revaluation outside the Ségur measures (e.g. the avenant 43 of the home-help branch), or a private
/// measure with no public counterpart. It changes no verdict and no amount.
/// </summary>
public sealed class Information
{
    public required string Id { get; init; }
    public required string Title { get; init; }
    public required string Note { get; init; }
    public required IReadOnlyList<Citation> Citations { get; init; }
    public required Condition Condition { get; init; }
    public DateOnly? From { get; init; }
    public DateOnly? To { get; init; }

    /// <summary>Shown only in months where no measure is due.</summary>
    public bool OnlyWhenNothingDue { get; init; }
    public required string SourceFile { get; init; }

    public bool InForce(Time.YearMonth month) =>
        (From is null || From.Value <= month.FirstDay) && (To is null || To.Value >= month.LastDay);
}
