using Segur.Engine.Law;
using Segur.Engine.Time;

namespace Segur.Batch;

/// <summary>
/// Employer contribution rate applied to a Ségur amount: the first rule of
/// <c>legislation/estimations/cout-employeur.yaml</c> that matches the measure and the profile names the dated
/// parameter (<c>parameters/cotisations-employeur.yaml</c>). When no rule or no value covers a case, the employer
/// cost is reported as unknown rather than guessed.
/// </summary>
public sealed class EmployerRates(Legislation law)
{
    /// <summary>The rule that applies to <paramref name="measure"/> paid to a profile with these codes, or null.</summary>
    public EmployerRateRule? Rule(Measure measure, ReadOnlySpan<int> codes)
    {
        foreach (var r in law.EmployerRates)
        {
            if (r.Scope.Matches(measure, codes)) return r;
        }
        return null;
    }

    /// <summary>
    /// The rate in millionths for the month, or −1 when unknown. With <paramref name="lawAsOf"/> (<c>--droit-au</c>),
    /// a rate whose text was published later is unknown, as every other dated parameter (<see cref="Parameter.Find"/>).
    /// </summary>
    public long RatePpm(ReadOnlySpan<int> codes, YearMonth month, Measure measure, DateOnly? lawAsOf = null)
    {
        var v = Rule(measure, codes)?.Rate.Find(month, lawAsOf);
        return v is null ? -1 : (long)Math.Round(v.Value * 1_000_000m, MidpointRounding.AwayFromZero);
    }
}
