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
/// figures a ministry or an employer needs. Built row by row from the sums by measure and by year that a
/// <see cref="RowEvaluator"/> keeps for each row; every sum is exact in cents.
/// </summary>
public sealed class Synthesis
{
    private readonly Legislation _law;
    private readonly ClassTable _table;
    private readonly FieldDef _secteur, _structure, _profession;
    private readonly int[] _yearOfMonth;
    private readonly int _firstYear;

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

    /// <summary>Adds one evaluated row: its totals, and its own sums by measure and by year (exact cents, computed by the evaluator).</summary>
    public void Add(WorkforceChunk chunk, int row, RowEvaluator r)
    {
        if (r.Uncertain) UncertainRows++;
        if (r.Undetermined) UndeterminedRows++;
        if (r.AmountUnknown) AmountUnknownRows++;
        if (r.PaidMonths == 0) return;
        var unknown = r.AmountUnknown;
        var cents = r.TotalCents;
        var employer = r.EmployerCents;
        var employerUnknown = r.EmployerUnknown;
        var fte = r.Fte;
        Accumulate(Total, cents, employer, employerUnknown, fte, unknown);
        var codes = chunk.RowCodes(row);
        Accumulate(Cell(BySecteur, codes[_secteur.Index]), cents, employer, employerUnknown, fte, unknown);
        Accumulate(Cell(ByStructure, codes[_structure.Index]), cents, employer, employerUnknown, fte, unknown);
        Accumulate(Cell(ByProfession, codes[_profession.Index]), cents, employer, employerUnknown, fte, unknown);
        var dep = chunk.Departement[row];
        Accumulate(dep < 0 ? ByDepartement[^1] : ByDepartement[dep], cents, employer, employerUnknown, fte, unknown);
        for (var mask = r.MeasureMask; mask != 0; mask &= mask - 1)
        {
            var m = System.Numerics.BitOperations.TrailingZeroCount(mask);
            Accumulate(ByMeasure[m], r.ByMeasureCents[m], r.ByMeasureEmployer[m], employerUnknown, r.ByMeasureFte[m], (r.UnknownMeasureMask & (1UL << m)) != 0);
        }
        foreach (var y in r.PaidYears)
            Accumulate(ByYear[y], r.ByYearCents[y], r.ByYearEmployer[y], employerUnknown, r.ByYearFte[y], (r.UnknownYearMask & (1UL << Math.Min(y, 63))) != 0);
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
