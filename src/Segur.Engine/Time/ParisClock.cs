namespace Segur.Engine.Time;

/// <summary>
/// "Today" for the law: the French legal calendar is the one of metropolitan France, so the current
/// day and month are read in Europe/Paris from an injected clock, never from the host's time zone.
/// </summary>
public static class ParisClock
{
    private static readonly Lazy<TimeZoneInfo> Zone = new(() =>
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");
        }
        catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            throw new SegurException("fuseau horaire Europe/Paris introuvable sur cette machine ; installez la base des fuseaux horaires (paquet tzdata)");
        }
    });

    /// <summary>The Europe/Paris time zone, from the machine's tz database.</summary>
    public static TimeZoneInfo Paris => Zone.Value;

    /// <summary>The current day in Paris.</summary>
    public static DateOnly Today(TimeProvider clock) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), Paris).DateTime);

    /// <summary>The current month in Paris.</summary>
    public static YearMonth CurrentMonth(TimeProvider clock) => YearMonth.Of(Today(clock));
}
