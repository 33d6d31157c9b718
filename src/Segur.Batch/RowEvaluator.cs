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
    private readonly Measure[] _measures;
    private readonly int _startOrdinal;

    public RowEvaluator(ClassTable table)
    {
        _table = table;
        _startOrdinal = table.Range.Start.Ordinal;
        _measures = [.. table.Law.Measures];
        _scratch = new RowOutcome(table.Months, table.K);
        Current = _scratch;
    }

    private readonly RowOutcome _scratch;
    private readonly Dictionary<TemplateKey, RowOutcome> _templates = [];

    /// <summary>
    /// The outcome of the last row evaluated. Rows without entry or exit date share their outcome with
    /// every row of the same class and working time: it is computed once and reused (read-only).
    /// </summary>
    public RowOutcome Current { get; private set; }

    /// <summary>Gross cents due per month (0 when none).</summary>
    public long[] MonthCents => Current.MonthCents;

    /// <summary>Employer contributions per month in cents.</summary>
    public long[] MonthEmployerCents => Current.MonthEmployerCents;

    /// <summary>Full-time equivalent share per paid month (quotité × share of month × share in eligible structures).</summary>
    public double[] MonthFte => Current.MonthFte;

    /// <summary>Measure index per month and family, −1 when none.</summary>
    public short[] MonthMeasures => Current.MonthMeasures;

    public long TotalCents => Current.TotalCents;
    public long EmployerCents => Current.EmployerCents;
    public bool EmployerUnknown => Current.EmployerUnknown;
    public int PaidMonths => Current.PaidMonths;
    public bool AmountUnknown => Current.AmountUnknown;
    public bool Uncertain => Current.Uncertain;
    public bool Undetermined => Current.Undetermined;
    public ulong MeasureMask => Current.MeasureMask;

    private readonly record struct TemplateKey(int Class, decimal Quotite, sbyte TempsPartiel, decimal Part, decimal Fraction);

    public void Evaluate(WorkforceChunk chunk, int row, int cls)
    {
        if (chunk.Entree[row] == WorkforceChunk.NoDate && chunk.Sortie[row] == WorkforceChunk.NoDate)
        {
            var key = new TemplateKey(cls, chunk.Quotite[row], chunk.TempsPartiel[row], chunk.Part[row], chunk.Fraction[row]);
            if (!_templates.TryGetValue(key, out var template))
            {
                template = new RowOutcome(_table.Months, _table.K);
                Compute(chunk, row, cls, template);
                if (_templates.Count < 1_000_000) _templates[key] = template;
            }
            Current = template;
            return;
        }
        Compute(chunk, row, cls, _scratch);
        _scratch.SynthesisCache = null;
        Current = _scratch;
    }

    private void Compute(WorkforceChunk chunk, int row, int cls, RowOutcome o)
    {
        var t = _table;
        var months = t.Months;
        var k = t.K;
        var quotite = chunk.Quotite[row];
        var facts = new WorkFacts(quotite, chunk.TempsPartiel[row] < 0 ? null : chunk.TempsPartiel[row] == 1, chunk.Part[row], chunk.Fraction[row]);
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
        // Prorating is the only decimal work; a row has the same full-time amount and factor most months.
        decimal lastFull = -1m, lastFactor = -1m;
        long lastCents = 0;
        for (var mi = 0; mi < months; mi++)
        {
            long cents = 0, emp = 0;
            double fte = 0;
            var ord = _startOrdinal + mi;
            var slot0 = (classMonth + mi) * k;
            for (var f = 0; f < k; f++) o.MonthMeasures[mi * k + f] = -1;
            if (ord >= entryOrd && ord <= exitOrd)
            {
                var days = 30;
                if (ord == entryOrd || ord == exitOrd)
                {
                    var entryMonth = YearMonth.FromOrdinal(ord);
                    days = Proration.Thirtieths(entry == WorkforceChunk.NoDate ? null : DateOnly.FromDayNumber(entry),
                        exit == WorkforceChunk.NoDate ? null : DateOnly.FromDayNumber(exit), entryMonth);
                }
                var flags = t.MonthFlags[classMonth + mi];
                var anyPaid = false;
                for (var f = 0; f < k && days > 0; f++)
                {
                    var slot = slot0 + f;
                    var measure = t.Measure[slot];
                    if (measure < 0) continue;
                    anyPaid = true;
                    o.MonthMeasures[mi * k + f] = measure;
                    mask |= 1UL << measure;
                    if (t.FullCents[slot] < 0)
                    {
                        unknown = true;
                        continue;
                    }
                    var trace = new NoTrace();
                    var factor = Kernel.Factor(_measures[measure], measure, YearMonth.FromOrdinal(ord), facts, days, ref trace, out var confidence);
                    if (confidence != Confidence.H) uncertain = true;
                    long c;
                    if (factor == 1m) c = t.FullCents[slot];
                    else if (factor == lastFactor && t.FullExact[slot] == lastFull) c = lastCents;
                    else
                    {
                        lastFull = t.FullExact[slot];
                        lastFactor = factor;
                        c = lastCents = (long)(Kernel.ToCent(lastFull * factor) * 100m);
                    }
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
            o.MonthCents[mi] = cents;
            o.MonthEmployerCents[mi] = emp;
            o.MonthFte[mi] = fte;
            total += cents;
            employer += emp;
        }
        o.TotalCents = total;
        o.EmployerCents = employer;
        o.EmployerUnknown = employerUnknown;
        o.PaidMonths = paid;
        o.AmountUnknown = unknown;
        o.Uncertain = uncertain || unknown;
        o.Undetermined = undetermined;
        o.MeasureMask = mask;
    }
}

/// <summary>What one row gets over the run: per-month arrays and a summary.</summary>
public sealed class RowOutcome(int months, int families)
{
    public long[] MonthCents { get; } = new long[months];
    public long[] MonthEmployerCents { get; } = new long[months];
    public double[] MonthFte { get; } = new double[months];
    public short[] MonthMeasures { get; } = new short[months * families];
    public long TotalCents { get; internal set; }
    public long EmployerCents { get; internal set; }
    public bool EmployerUnknown { get; internal set; }
    public int PaidMonths { get; internal set; }
    public bool AmountUnknown { get; internal set; }
    public bool Uncertain { get; internal set; }
    public bool Undetermined { get; internal set; }
    public ulong MeasureMask { get; internal set; }

    /// <summary>The row's contributions to a synthesis, kept by <see cref="Synthesis"/> for shared outcomes.</summary>
    internal object? SynthesisCache { get; set; }
}
