using Segur.Engine.Evaluation;
using Segur.Engine.Law;
using Segur.Engine.Time;

namespace Segur.Batch;

/// <summary>
/// The hot loop: one row, every month of the run, against a <see cref="ClassTable"/>. Amounts are exact
/// cents (<c>long</c>); the full-time amount of the class is used as is when the row works full time all
/// month, and prorated once with <c>decimal</c> otherwise (same rule and rounding as the explained
/// evaluation). Results land in reusable per-month arrays: nothing is allocated per row.
/// </summary>
public sealed class RowEvaluator
{
    private readonly ClassTable _table;
    private readonly int _startOrdinal;

    public RowEvaluator(ClassTable table)
    {
        _table = table;
        _startOrdinal = table.Range.Start.Ordinal;
        MonthCents = new long[table.Months];
        MonthEmployerCents = new long[table.Months];
        MonthFte = new double[table.Months];
        MonthMeasures = new short[table.Months * table.K];
    }

    /// <summary>Gross cents due per month (0 when none).</summary>
    public long[] MonthCents { get; }

    /// <summary>Employer contributions per month in cents, −1 when the rate is unknown.</summary>
    public long[] MonthEmployerCents { get; }

    /// <summary>Full-time equivalent share per paid month (quotité × share of month × share in eligible structures).</summary>
    public double[] MonthFte { get; }

    /// <summary>Measure index per month and family, −1 when none.</summary>
    public short[] MonthMeasures { get; }

    // Row summary.
    public long TotalCents { get; private set; }
    public long EmployerCents { get; private set; }
    public bool EmployerUnknown { get; private set; }
    public int PaidMonths { get; private set; }
    public bool AmountUnknown { get; private set; }
    public bool Uncertain { get; private set; }
    public bool Undetermined { get; private set; }
    public ulong MeasureMask { get; private set; }

    public void Evaluate(WorkforceChunk chunk, int row, int cls)
    {
        var t = _table;
        var months = t.Months;
        var k = t.K;
        var quotite = chunk.Quotite[row];
        var tp = chunk.TempsPartiel[row];
        var shares = chunk.Part[row] * chunk.Fraction[row];
        var publicFactor = Proration.WorkingTime(ProrationRule.FonctionPublique, quotite, tp < 0 ? null : tp == 1) * shares;
        var privateFactor = quotite * shares;
        var weakPublic = publicFactor != quotite * shares || chunk.Fraction[row] != 1m;
        var fteBase = (double)(quotite * chunk.Part[row]);
        var entry = chunk.Entree[row];
        var exit = chunk.Sortie[row];
        var entryOrd = entry == WorkforceChunk.NoDate ? int.MinValue : YearMonth.Of(DateOnly.FromDayNumber(entry)).Ordinal;
        var exitOrd = exit == WorkforceChunk.NoDate ? int.MaxValue : YearMonth.Of(DateOnly.FromDayNumber(exit)).Ordinal;

        long total = 0, employer = 0;
        int paid = 0;
        bool employerUnknown = false, unknown = false, uncertain = false, undetermined = false;
        ulong mask = 0;
        var classMonth = cls * months;
        for (var mi = 0; mi < months; mi++)
        {
            long cents = 0, emp = 0;
            double fte = 0;
            var ord = _startOrdinal + mi;
            var slot0 = (classMonth + mi) * k;
            for (var f = 0; f < k; f++) MonthMeasures[mi * k + f] = -1;
            if (ord >= entryOrd && ord <= exitOrd)
            {
                var days = 30;
                if (ord == entryOrd || ord == exitOrd)
                {
                    var month = YearMonth.FromOrdinal(ord);
                    days = Proration.Thirtieths(entry == WorkforceChunk.NoDate ? null : DateOnly.FromDayNumber(entry),
                        exit == WorkforceChunk.NoDate ? null : DateOnly.FromDayNumber(exit), month);
                }
                var flags = t.MonthFlags[classMonth + mi];
                var anyPaid = false;
                for (var f = 0; f < k && days > 0; f++)
                {
                    var slot = slot0 + f;
                    var measure = t.Measure[slot];
                    if (measure < 0) continue;
                    anyPaid = true;
                    MonthMeasures[mi * k + f] = measure;
                    mask |= 1UL << measure;
                    var isPublic = t.PublicProration[slot];
                    if (t.FullCents[slot] < 0)
                    {
                        unknown = true;
                        continue;
                    }
                    var factor = isPublic ? publicFactor : privateFactor;
                    if (days < 30)
                    {
                        factor *= days / 30m;
                        if (!isPublic) uncertain = true;
                    }
                    if (isPublic && weakPublic) uncertain = true;
                    var c = factor == 1m ? t.FullCents[slot] : (long)(Proration.ToCent(t.FullExact[slot] * factor) * 100m);
                    cents += c;
                    var rate = t.RatePpm[slot];
                    if (rate < 0) employerUnknown = true;
                    else emp += (c * rate + 500_000) / 1_000_000;
                }
                if (anyPaid)
                {
                    paid++;
                    fte = fteBase * days / 30.0;
                    if ((flags & ClassTable.FlagUncertain) != 0) uncertain = true;
                }
                else if ((flags & ClassTable.FlagUndetermined) != 0)
                {
                    undetermined = true;
                    uncertain = true;
                }
            }
            MonthCents[mi] = cents;
            MonthEmployerCents[mi] = emp;
            MonthFte[mi] = fte;
            total += cents;
            employer += emp;
        }
        TotalCents = total;
        EmployerCents = employer;
        EmployerUnknown = employerUnknown;
        PaidMonths = paid;
        AmountUnknown = unknown;
        Uncertain = uncertain || unknown;
        Undetermined = undetermined;
        MeasureMask = mask;
    }
}
