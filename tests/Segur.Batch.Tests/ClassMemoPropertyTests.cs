using CsCheck;
using Segur.Batch;
using Segur.Engine;
using Segur.Engine.Cases;
using Segur.Engine.Evaluation;
using Segur.Engine.Law;
using Segur.Engine.Profiles;
using Segur.Engine.Time;

namespace Segur.Batch.Tests;

/// <summary>
/// The memoised batch path (classes of decision facts × per-row proration) against the kernel applied to each
/// row directly: every month decided with the row's own codes and thirtieths, every amount prorated with the
/// row's own working facts and rounded as the law says. Quotités, temps partiel, entry and exit dates, shares of
/// time and of pay are drawn; classes are shared by many rows with different working facts.
/// </summary>
public sealed class ClassMemoPropertyTests
{
    private static Legislation Law => TestLaw.Law;

    private static readonly Lazy<int[][]> Pool = new(() =>
        [.. CaseFileReader.Read(new EmbeddedLegislation()).Select(c => new ProfileReader(Law).Read(c.Profile, c.Id).Codes)]);

    /// <summary>A drawn row: a case profile (possibly with one coded field changed) and its working facts.</summary>
    private sealed record RowSpec(int Profile, int Field, int Code, decimal Quotite, sbyte TempsPartiel, decimal Part, decimal Fraction, int? Entry, int? Exit);

    private sealed record Scenario(int StartOrdinal, int Months, int? LawAsOfDay, RowSpec[] Rows);

    private static readonly Gen<decimal> Quotite = Gen.Frequency(
        (5, Gen.Int[50, 100].Select(q => q / 100m)),                 // the peers' draw
        (2, Gen.OneOf(Gen.Const(0.8m), Gen.Const(0.9m), Gen.Const(1m))), // the statute's fractions
        (2, Gen.Int[1, 10_000].Select(q => q / 10_000m)),            // anything a file may hold
        (1, Gen.Int[1, 1000].Select(q => q / 1000m)));

    private static readonly Gen<decimal> Share = Gen.Frequency(
        (6, Gen.Const(1m)), (2, Gen.Const(0.5m)), (2, Gen.Int[0, 100].Select(p => p / 100m)));

    private static readonly DateOnly Origin = new(2020, 1, 1);

    private static Gen<RowSpec> Row(int pool) => Gen.Select(
        Gen.Int[0, pool - 1], Gen.Int[-1, 40], Gen.Int[-1, 20], Quotite, Gen.Int[-1, 1].Select(i => (sbyte)i),
        Gen.Select(Share, Share, (a, b) => (a, b)),
        Gen.Select(Gen.Int[0, 3], Gen.Int[0, 2400], Gen.Int[0, 3], Gen.Int[0, 1200], (e, ed, s, sd) => (e == 0 ? ed : (int?)null, s == 0 ? sd : (int?)null)),
        (p, f, c, q, tp, shares, dates) => new RowSpec(p, f, c, q, tp, shares.a, shares.b,
            dates.Item1 is { } e ? Origin.DayNumber + e : null,
            dates.Item2 is { } s ? Origin.DayNumber + (dates.Item1 ?? 0) + s : null));

    private static Gen<Scenario> Scenarios(int pool) => Gen.Select(
        Gen.Int[2020 * 12 + 8, 2026 * 12], Gen.Int[1, 40], Gen.Int[0, 4], Gen.Int[0, 1800], Row(pool).Array[1, 40],
        (start, months, asOf, day, rows) => new Scenario(start, months, asOf == 0 ? Origin.DayNumber + day : null, rows));

    [Fact]
    public void MemoisedRows_EqualTheKernelAppliedToEachRow_OnAmountsMeasuresAndFlags()
    {
        var pool = Pool.Value;
        Scenarios(pool.Length).Sample(s => Check(s, pool), iter: 150, threads: 1);
    }

    [Fact]
    public void RepeatedRows_TakenFromTheRowMemo_EqualTheKernelAppliedToEachRow()
    {
        // A few distinct rows (a case profile, possibly with one coded field changed), each met many times: the second time on, rows in post all run long come from the
        // row memo. Quotités include one whose product lies on a half cent (238 € × 0.5025); dates are absent,
        // outside the run (memoised) or inside it (not); some rows keep half their pay (not memoised).
        var pool = Pool.Value;
        var quotite = Gen.OneOf(Gen.Const(0.5025m), Gen.Const(0.5m), Gen.Const(0.73m), Gen.Const(0.8m), Gen.Const(1m), Gen.Int[50, 100].Select(q => q / 100m));
        var distinct = Gen.Select(Gen.Int[0, pool.Length - 1], Gen.Int[-1, 40], Gen.Int[-1, 20], quotite, Gen.Int[-1, 1], Gen.Int[0, 5], (p, f, c, q, tp, d) => new RowSpec(p, f, c, q, (sbyte)tp, 1m,
            d == 4 ? 0.5m : 1m,
            d switch { 1 => Origin.DayNumber, 3 => Origin.DayNumber + 1500, _ => null },
            d == 2 ? Origin.DayNumber + 4000 : null)).Array[1, 6];
        Gen.Select(Gen.Int[2020 * 12 + 8, 2026 * 12], Gen.Int[1, 40], distinct, Gen.Int[0, 5].Array[2, 60],
                (start, months, specs, picks) => new Scenario(start, months, null, [.. picks.Select(i => specs[i % specs.Length])]))
            .Sample(s => Check(s, pool), iter: 100, threads: 1);
    }

    [Fact]
    public void HalfCentProducts_AreRoundedByTheKernelsArithmetic_NotByTheDoubleProduct()
    {
        // 238 € × 0.5025 = 119.595 € exactly: the law rounds it up to 119.60 €, the double product (0.5025 is
        // 0.50249999… in binary) lies just below the half cent.
        var pool = Pool.Value;
        var range = new MonthRange(new YearMonth(2024, 1), new YearMonth(2024, 1));
        var table = new ClassTable(Law, range);
        var chunk = new WorkforceChunk(Law.Vocabulary, pool.Length);
        int found = -1, cls = -1;
        for (var p = 0; p < pool.Length && found < 0; p++)
        {
            var r = Fill(chunk, new RowSpec(p, -1, -1, 0.5025m, 0, 1m, 1m, null, null), pool);
            cls = table.Lookup(chunk.RowCodes(r));
            for (var f = 0; f < table.K; f++)
                if (table.Measure[cls * table.K + f] >= 0 && table.FullExact[cls * table.K + f] == 238m && table.ProrationKeys[table.ProrationKey[cls * table.K + f]].Fractions.Length == 0) found = r;
        }
        Assert.True(found >= 0, "aucun profil des cas n'a d'indemnité de 238 € en janvier 2024");
        var evaluator = new RowEvaluator(table);
        evaluator.Evaluate(chunk, found, cls);
        var expected = (long)(Kernel.ToCent(238m * 0.5025m) * 100m);
        Assert.NotEqual(expected, (long)Math.Floor(23_800 * 0.5025 + 0.5)); // the case is a real trap for doubles
        Assert.Equal(expected, evaluator.TotalCents);
        Assert.True(evaluator.ExactFallbacks > 0);
        // The same row again comes from the row memo, with the same cents.
        evaluator.Evaluate(chunk, found, cls);
        Assert.Equal(1, evaluator.MemoHits);
        Assert.Equal(expected, evaluator.TotalCents);
    }

    private static int Fill(WorkforceChunk chunk, RowSpec spec, int[][] pool)
    {
        var r = chunk.Begin(chunk.Count + 1);
        var codes = chunk.RowCodes(r);
        pool[spec.Profile].CopyTo(codes);
        var fields = Law.Vocabulary.Fields;
        if (spec.Field >= 0 && spec.Field < fields.Count && fields[spec.Field].Kind is FieldKind.Enum or FieldKind.Boolean)
        {
            var n = fields[spec.Field].Kind == FieldKind.Boolean ? 2 : fields[spec.Field].Values.Count;
            codes[spec.Field] = spec.Code < 0 ? Facts.Absent : spec.Code % n;
        }
        chunk.Quotite[r] = spec.Quotite;
        chunk.TempsPartiel[r] = spec.TempsPartiel;
        chunk.Part[r] = spec.Part;
        chunk.Fraction[r] = spec.Fraction;
        chunk.Entree[r] = spec.Entry ?? WorkforceChunk.NoDate;
        chunk.Sortie[r] = spec.Exit ?? WorkforceChunk.NoDate;
        chunk.Commit();
        return r;
    }

    private static void Check(Scenario s, int[][] pool)
    {
        var range = new MonthRange(YearMonth.FromOrdinal(s.StartOrdinal), YearMonth.FromOrdinal(s.StartOrdinal + s.Months - 1));
        DateOnly? lawAsOf = s.LawAsOfDay is { } d ? DateOnly.FromDayNumber(d) : null;
        var table = new ClassTable(Law, range, lawAsOf);
        var evaluator = new RowEvaluator(table);
        var synthesis = new Synthesis(table);
        var chunk = new WorkforceChunk(Law.Vocabulary, s.Rows.Length);
        var expected = new Reference(range, lawAsOf);
        foreach (var spec in s.Rows)
        {
            var r = Fill(chunk, spec, pool);
            evaluator.Evaluate(chunk, r, table.Lookup(chunk.RowCodes(r)));
            synthesis.Add(chunk, r, evaluator);
            var want = expected.Row(chunk, r);
            Assert.Equal(want.MonthCents, evaluator.MonthCents);
            Assert.Equal(want.MonthEmployer, evaluator.MonthEmployerCents);
            Assert.Equal(want.MonthMeasures, evaluator.MonthMeasures);
            for (var mi = 0; mi < want.MonthFte.Length; mi++) Assert.Equal(want.MonthFte[mi], evaluator.MonthFte[mi], 1e-12);
            Assert.Equal(want.MonthCents.Sum(), evaluator.TotalCents);
            Assert.Equal(want.MonthEmployer.Sum(), evaluator.EmployerCents);
            Assert.Equal(want.PaidMonths, evaluator.PaidMonths);
            Assert.Equal(want.Mask, evaluator.MeasureMask);
            Assert.Equal(want.AmountUnknown, evaluator.AmountUnknown);
            Assert.Equal(want.AmountUnknown, evaluator.UnknownMeasureMask != 0);
            Assert.Equal(want.EmployerUnknown, evaluator.EmployerUnknown);
            Assert.Equal(want.Uncertain, evaluator.Uncertain);
            Assert.Equal(want.Undetermined, evaluator.Undetermined);
        }
        Assert.Equal(expected.Total, synthesis.Total.Cents);
        for (var m = 0; m < Law.Measures.Count; m++) Assert.Equal(expected.ByMeasure[m], synthesis.ByMeasure[m].Cents);
        for (var y = 0; y < synthesis.ByYear.Length; y++) Assert.Equal(expected.ByYear[y], synthesis.ByYear[y].Cents);
    }

    private sealed record Expected(long[] MonthCents, long[] MonthEmployer, short[] MonthMeasures, double[] MonthFte, int PaidMonths, ulong Mask,
        bool AmountUnknown, bool EmployerUnknown, bool Uncertain, bool Undetermined);

    /// <summary>Each row, each month, through <see cref="Kernel.Decide"/> and <see cref="Kernel.Factor"/> with the row's own facts.</summary>
    private sealed class Reference(MonthRange range, DateOnly? lawAsOf)
    {
        private readonly Kernel _kernel = new(Law);
        private readonly EmployerRates _rates = new(Law);
        public long Total;
        public readonly long[] ByMeasure = new long[Law.Measures.Count];
        public readonly long[] ByYear = new long[range.End.Year - range.Start.Year + 1];

        public Expected Row(WorkforceChunk chunk, int r)
        {
            var codes = chunk.RowCodes(r).ToArray();
            var k = _kernel.Families.Length;
            var months = range.Months().ToArray();
            var cents = new long[months.Length];
            var employer = new long[months.Length];
            var measures = Enumerable.Repeat((short)-1, months.Length * k).ToArray();
            var fte = new double[months.Length];
            DateOnly? entry = chunk.Entree[r] == WorkforceChunk.NoDate ? null : DateOnly.FromDayNumber(chunk.Entree[r]);
            DateOnly? exit = chunk.Sortie[r] == WorkforceChunk.NoDate ? null : DateOnly.FromDayNumber(chunk.Sortie[r]);
            var facts = new WorkFacts(chunk.Quotite[r], chunk.TempsPartiel[r] < 0 ? null : chunk.TempsPartiel[r] == 1, chunk.Part[r], chunk.Fraction[r]);
            int paidMonths = 0;
            ulong mask = 0;
            bool unknown = false, employerUnknown = false, uncertain = false, undetermined = false;
            for (var mi = 0; mi < months.Length; mi++)
            {
                var month = months[mi];
                var thirtieths = entry is null && exit is null ? -1 : Proration.Thirtieths(entry, exit, month);
                var trace = new NoTrace();
                var decision = _kernel.Decide(codes, thirtieths, month, lawAsOf, ref trace);
                foreach (var p in decision.Paid)
                {
                    var m = p.MeasureIndex;
                    measures[mi * k + _kernel.FamilyOf(m)] = (short)m;
                    mask |= 1UL << m;
                    if (p.FullTime is not { } full)
                    {
                        unknown = true;
                        continue;
                    }
                    var factor = Kernel.Factor(Law.Measures[m], m, month, facts, thirtieths, ref trace, out var confidence);
                    if (confidence != Confidence.H) uncertain = true;
                    var c = (long)(Kernel.ToCent(full * factor) * 100m);
                    var rate = _rates.RatePpm(codes, month, Law.Measures[m], lawAsOf);
                    if (rate < 0) employerUnknown = true;
                    else employer[mi] += (c * rate + 500_000) / 1_000_000;
                    cents[mi] += c;
                    ByMeasure[m] += c;
                }
                if (decision.Paid.Length > 0)
                {
                    paidMonths++;
                    fte[mi] = (double)(facts.Quotite * facts.PartStructures) * (thirtieths < 0 ? 30 : thirtieths) / 30.0;
                    if (decision.Confidence != Confidence.H) uncertain = true;
                }
                else if (decision.Undetermined) undetermined = uncertain = true;
                Total += cents[mi];
                ByYear[month.Year - range.Start.Year] += cents[mi];
            }
            return new Expected(cents, employer, measures, fte, paidMonths, mask, unknown, employerUnknown, uncertain || unknown, undetermined);
        }
    }
}
