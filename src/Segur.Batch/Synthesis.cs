using Segur.Engine.Law;
using Segur.Engine.Profiles;

namespace Segur.Batch;

/// <summary>One line of a synthesis table.</summary>
public sealed class SynthesisCell
{
    /// <summary>Rows paid at least one month in this cell.</summary>
    public long Beneficiaries { get; internal set; }

    /// <summary>Sum of monthly full-time-equivalent shares; divided by the months of the period it gives average FTEs.</summary>
    public double FteMonths { get; internal set; }

    public long Cents { get; internal set; }
    public long EmployerCents { get; internal set; }

    /// <summary>Rows whose employer rate is unknown: their employer cost is not counted.</summary>
    public long EmployerUnknownRows { get; internal set; }

    /// <summary>
    /// Beneficiaries with a measure due whose amount no text gives (at least one month): counted apart, never
    /// at zero; when not 0, <see cref="Cents"/> is a floor (« au moins »).
    /// </summary>
    public long UnknownAmountBeneficiaries { get; internal set; }
}

/// <summary>
/// Totals of a run, overall and by measure, sector, structure, profession, département and year: the
/// figures a ministry or an employer needs. Built row by row from the reusable month arrays of a
/// <see cref="RowEvaluator"/>; every sum is exact in cents.
/// </summary>
public sealed class Synthesis
{
    private readonly Legislation _law;
    private readonly ClassTable _table;
    private readonly FieldDef _secteur, _structure, _profession;
    private readonly int[] _yearOfMonth;
    private readonly int _firstYear;
    private readonly long[] _rowMeasureCents;
    private readonly long[] _rowMeasureEmployer;
    private readonly double[] _rowMeasureFte;
    private readonly long[] _rowYearCents;
    private readonly long[] _rowYearEmployer;
    private readonly double[] _rowYearFte;

    public Synthesis(ClassTable table)
    {
        _table = table;
        _law = table.Law;
        var v = _law.Vocabulary;
        _secteur = v["employeur.secteur"];
        _structure = v["employeur.structure"];
        _profession = v["emploi.profession"];
        _firstYear = table.Range.Start.Year;
        _yearOfMonth = table.Range.Months().Select(m => m.Year - _firstYear).ToArray();
        var years = table.Range.End.Year - _firstYear + 1;
        ByMeasure = New(_law.Measures.Count);
        BySecteur = New(_secteur.Values.Count + 1);
        ByStructure = New(_structure.Values.Count + 1);
        ByProfession = New(_profession.Values.Count + 1);
        ByDepartement = New(Departements.Codes.Length + 1);
        ByYear = New(years);
        _rowMeasureCents = new long[_law.Measures.Count];
        _rowMeasureEmployer = new long[_law.Measures.Count];
        _rowMeasureFte = new double[_law.Measures.Count];
        _rowYearCents = new long[years];
        _rowYearEmployer = new long[years];
        _rowYearFte = new double[years];
    }

    public SynthesisCell Total { get; } = new();
    public SynthesisCell[] ByMeasure { get; }
    public SynthesisCell[] BySecteur { get; }
    public SynthesisCell[] ByStructure { get; }
    public SynthesisCell[] ByProfession { get; }

    /// <summary>By département index; the last cell gathers rows without a département.</summary>
    public SynthesisCell[] ByDepartement { get; }
    public SynthesisCell[] ByYear { get; }

    public long UncertainRows { get; private set; }
    public long UndeterminedRows { get; private set; }
    public long AmountUnknownRows { get; private set; }
    public Legislation Law => _law;
    public int FirstYear => _firstYear;
    public int Months => _table.Months;

    /// <summary>Months of the period that fall in the <paramref name="yearIndex"/>-th year.</summary>
    public int MonthsInYear(int yearIndex) => _yearOfMonth.Count(y => y == yearIndex);

    private static SynthesisCell[] New(int n) => Enumerable.Range(0, n).Select(_ => new SynthesisCell()).ToArray();

    /// <summary>A row's share of the by-measure and by-year tables, reusable for rows with the same outcome.</summary>
    private sealed record Contribution((int Measure, long Cents, long Employer, double Fte)[] Measures, (int Year, long Cents, long Employer, double Fte)[] Years, double Fte,
        ulong UnknownMeasures, ulong UnknownYears);

    public void Add(WorkforceChunk chunk, int row, RowEvaluator r)
    {
        if (r.Uncertain) UncertainRows++;
        if (r.Undetermined) UndeterminedRows++;
        if (r.AmountUnknown) AmountUnknownRows++;
        if (r.PaidMonths == 0) return;
        if (r.Current.SynthesisCache is not Contribution c) r.Current.SynthesisCache = c = Contribute(chunk, row, r);
        var unknown = r.AmountUnknown;
        Accumulate(Total, r.TotalCents, r.EmployerCents, r.EmployerUnknown, c.Fte, unknown);
        var codes = chunk.RowCodes(row);
        Accumulate(Cell(BySecteur, codes[_secteur.Index]), r.TotalCents, r.EmployerCents, r.EmployerUnknown, c.Fte, unknown);
        Accumulate(Cell(ByStructure, codes[_structure.Index]), r.TotalCents, r.EmployerCents, r.EmployerUnknown, c.Fte, unknown);
        Accumulate(Cell(ByProfession, codes[_profession.Index]), r.TotalCents, r.EmployerCents, r.EmployerUnknown, c.Fte, unknown);
        var dep = chunk.Departement[row];
        Accumulate(dep < 0 ? ByDepartement[^1] : ByDepartement[dep], r.TotalCents, r.EmployerCents, r.EmployerUnknown, c.Fte, unknown);
        foreach (var m in c.Measures) Accumulate(ByMeasure[m.Measure], m.Cents, m.Employer, r.EmployerUnknown, m.Fte, (c.UnknownMeasures & (1UL << m.Measure)) != 0);
        foreach (var y in c.Years) Accumulate(ByYear[y.Year], y.Cents, y.Employer, r.EmployerUnknown, y.Fte, (c.UnknownYears & (1UL << y.Year)) != 0);
    }

    private Contribution Contribute(WorkforceChunk chunk, int row, RowEvaluator r)
    {
        double fte = 0;
        var months = _table.Months;
        var k = _table.K;
        Array.Clear(_rowMeasureCents);
        Array.Clear(_rowMeasureEmployer);
        Array.Clear(_rowMeasureFte);
        Array.Clear(_rowYearCents);
        Array.Clear(_rowYearEmployer);
        Array.Clear(_rowYearFte);
        var yearsPaid = 0UL;
        ulong unknownMeasures = 0, unknownYears = 0;
        var slotBase = r.AmountUnknown ? _table.Lookup(chunk.RowCodes(row)) * months : -1;
        for (var mi = 0; mi < months; mi++)
        {
            var y = _yearOfMonth[mi];
            var first = -1;
            var count = 0;
            for (var f = 0; f < k; f++)
            {
                var m = r.MonthMeasures[mi * k + f];
                if (m < 0) continue;
                if (slotBase >= 0 && _table.FullCents[(slotBase + mi) * k + f] < 0)
                {
                    unknownMeasures |= 1UL << m;
                    unknownYears |= 1UL << _yearOfMonth[mi];
                }
                // A month paid by two families (rare) counts the row's FTE share once per measure line, once in the totals.
                _rowMeasureFte[m] += r.MonthFte[mi];
                count++;
                if (first < 0) first = m;
            }
            if (count == 0) continue;
            yearsPaid |= 1UL << y;
            fte += r.MonthFte[mi];
            _rowYearCents[y] += r.MonthCents[mi];
            _rowYearEmployer[y] += r.MonthEmployerCents[mi];
            _rowYearFte[y] += r.MonthFte[mi];
            if (count == 1)
            {
                _rowMeasureCents[first] += r.MonthCents[mi];
                _rowMeasureEmployer[first] += r.MonthEmployerCents[mi];
            }
            else SplitByMeasure(chunk, row, mi, r);
        }
        var measures = new List<(int, long, long, double)>();
        for (var m = 0; m < ByMeasure.Length; m++)
            if ((r.MeasureMask & (1UL << m)) != 0) measures.Add((m, _rowMeasureCents[m], _rowMeasureEmployer[m], _rowMeasureFte[m]));
        var years = new List<(int, long, long, double)>();
        for (var y = 0; y < ByYear.Length; y++)
            if ((yearsPaid & (1UL << y)) != 0) years.Add((y, _rowYearCents[y], _rowYearEmployer[y], _rowYearFte[y]));
        return new Contribution([.. measures], [.. years], fte, unknownMeasures, unknownYears);
    }

    private void SplitByMeasure(WorkforceChunk chunk, int row, int mi, RowEvaluator r)
    {
        // Several families paid the same month: recompute each measure's own prorated amount.
        var cls = _table.Lookup(chunk.RowCodes(row));
        var k = _table.K;
        var slot0 = (cls * _table.Months + mi) * k;
        long rest = r.MonthCents[mi];
        long restEmp = r.MonthEmployerCents[mi];
        long fullTotal = 0;
        for (var f = 0; f < k; f++) if (_table.Measure[slot0 + f] >= 0 && _table.FullCents[slot0 + f] > 0) fullTotal += _table.FullCents[slot0 + f];
        var last = -1;
        for (var f = 0; f < k; f++)
        {
            var m = _table.Measure[slot0 + f];
            if (m < 0) continue;
            last = m;
            if (fullTotal == 0) continue;
            var share = r.MonthCents[mi] * Math.Max(0, _table.FullCents[slot0 + f]) / fullTotal;
            var shareEmp = r.MonthEmployerCents[mi] * Math.Max(0, _table.FullCents[slot0 + f]) / fullTotal;
            _rowMeasureCents[m] += share;
            _rowMeasureEmployer[m] += shareEmp;
            rest -= share;
            restEmp -= shareEmp;
        }
        if (last >= 0)
        {
            _rowMeasureCents[last] += rest;
            _rowMeasureEmployer[last] += restEmp;
        }
    }

    private static SynthesisCell Cell(SynthesisCell[] cells, int code) => code == Facts.Absent ? cells[^1] : cells[code];

    private static void Accumulate(SynthesisCell cell, long cents, long employer, bool employerUnknown, double fte, bool amountUnknown)
    {
        cell.Beneficiaries++;
        if (amountUnknown) cell.UnknownAmountBeneficiaries++;
        cell.Cents += cents;
        cell.FteMonths += fte;
        if (employerUnknown) cell.EmployerUnknownRows++;
        else cell.EmployerCents += employer;
    }
}
