using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Segur.Engine;
using Segur.Engine.Law;

namespace Segur.Batch;

/// <summary>
/// The synthesis of a run as JSON (<c>docs/simulation.md</c>) and as a French text table. Money is in
/// euros with two decimals; FTEs are averages over the months of the period.
/// </summary>
public static class SynthesisReport
{
    private static readonly JsonWriterOptions Options = new() { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Json(BatchResult r)
    {
        using var ms = new MemoryStream();
        using (var w = new Utf8JsonWriter(ms, Options))
        {
            w.WriteStartObject();
            w.WriteString("entree", Path.GetFileName(r.Input));
            w.WriteStartObject("periode");
            w.WriteString("debut", r.Period.Start.ToString());
            w.WriteString("fin", r.Period.End.ToString());
            w.WriteNumber("mois", r.Period.Count);
            w.WriteEndObject();
            if (r.LawAsOf is { } d) w.WriteString("droit_au", Format.Iso(d)); else w.WriteNull("droit_au");
            w.WriteStartObject("legislation");
            w.WriteString("version", r.Baseline.Law.Version);
            w.WriteString("empreinte", r.Baseline.Law.Fingerprint);
            w.WriteEndObject();
            w.WriteStartObject("lignes");
            w.WriteNumber("lues", r.RowsRead);
            w.WriteNumber("evaluees", r.RowsEvaluated);
            w.WriteNumber("rejetees", r.RowsRejected);
            w.WriteEndObject();
            w.WritePropertyName("reference");
            Synthesis(w, r.Baseline);
            if (r.Reform is { } reform && r.Difference is { } diff && reform.Law.Reform is { } info)
            {
                w.WriteStartObject("reforme");
                w.WriteString("id", info.Id);
                w.WriteString("intitule", info.Title);
                w.WriteString("decidee_le", Format.Iso(info.DecidedOn));
                w.WriteString("empreinte", reform.Law.Fingerprint);
                w.WritePropertyName("resultats");
                Synthesis(w, reform);
                w.WriteEndObject();
                w.WriteStartObject("difference");
                w.WriteNumber("beneficiaires", diff.Gainers);
                w.WriteNumber("lignes_modifiees", diff.Changed);
                Money(w, "cout_brut", diff.Cents);
                Money(w, "cotisations_employeur", diff.EmployerCents);
                Money(w, "cout_employeur", diff.Cents + diff.EmployerCents);
                Money(w, "rappels", diff.ArrearsCents);
                Money(w, "cout_mensuel", diff.LastMonthCents);
                Money(w, "cout_annuel", diff.LastMonthCents * 12);
                w.WriteStartArray("par_annee");
                for (var y = 0; y < diff.ByYearCents.Length; y++)
                {
                    w.WriteStartObject();
                    w.WriteNumber("annee", r.Period.Start.Year + y);
                    Money(w, "cout_brut", diff.ByYearCents[y]);
                    w.WriteEndObject();
                }
                w.WriteEndArray();
                w.WriteEndObject();
            }
            w.WriteEndObject();
        }
        return Encoding.UTF8.GetString(ms.ToArray()) + "\n";
    }

    private static void Synthesis(Utf8JsonWriter w, Synthesis s)
    {
        w.WriteStartObject();
        Cell(w, s.Total, s.Months);
        w.WriteNumber("lignes_incertaines", s.UncertainRows);
        w.WriteNumber("lignes_indeterminees", s.UndeterminedRows);
        w.WriteNumber("lignes_montant_inconnu", s.AmountUnknownRows);
        Table(w, "par_mesure", s.ByMeasure, i => s.Law.Measures[i].Id, s.Months);
        var v = s.Law.Vocabulary;
        Table(w, "par_secteur", s.BySecteur, i => Label(v["employeur.secteur"], i), s.Months);
        Table(w, "par_structure", s.ByStructure, i => Label(v["employeur.structure"], i), s.Months);
        Table(w, "par_profession", s.ByProfession, i => Label(v["emploi.profession"], i), s.Months);
        Table(w, "par_departement", s.ByDepartement, i => i < Departements.Codes.Length ? Departements.Codes[i] : "non renseigné", s.Months);
        Table(w, "par_annee", s.ByYear, i => (s.FirstYear + i).ToString(CultureInfo.InvariantCulture), s.Months, i => s.MonthsInYear(i));
        w.WriteEndObject();
    }

    private static string Label(FieldDef f, int i) => i < f.Values.Count ? f.Values[i] : "non renseigné";

    private static void Table(Utf8JsonWriter w, string name, SynthesisCell[] cells, Func<int, string> key, int months, Func<int, int>? monthsOf = null)
    {
        w.WriteStartArray(name);
        for (var i = 0; i < cells.Length; i++)
        {
            if (cells[i].Beneficiaries == 0) continue;
            w.WriteStartObject();
            w.WriteString("cle", key(i));
            Cell(w, cells[i], monthsOf?.Invoke(i) ?? months);
            w.WriteEndObject();
        }
        w.WriteEndArray();
    }

    private static void Cell(Utf8JsonWriter w, SynthesisCell c, int months)
    {
        w.WriteNumber("beneficiaires", c.Beneficiaries);
        w.WritePropertyName("etp");
        w.WriteRawValue(Math.Round((decimal)(c.FteMonths / months), 1).ToString("0.0", CultureInfo.InvariantCulture), skipInputValidation: true);
        Money(w, "cout_brut", c.Cents);
        if (c.EmployerUnknownRows > 0 && c.EmployerUnknownRows == c.Beneficiaries)
        {
            w.WriteNull("cotisations_employeur");
            w.WriteNull("cout_employeur");
        }
        else
        {
            Money(w, "cotisations_employeur", c.EmployerCents);
            Money(w, "cout_employeur", c.Cents + c.EmployerCents);
        }
        w.WriteNumber("lignes_sans_taux_employeur", c.EmployerUnknownRows);
        // Beneficiaries whose amount no text gives: never counted at zero; when not 0, cout_brut is a floor.
        w.WriteNumber("beneficiaires_montant_inconnu", c.UnknownAmountBeneficiaries);
    }

    private static void Money(Utf8JsonWriter w, string name, long cents)
    {
        w.WritePropertyName(name);
        w.WriteRawValue((cents / 100m).ToString("0.00", CultureInfo.InvariantCulture), skipInputValidation: true);
    }

    /// <summary>The French text table printed at the end of a run.</summary>
    public static string Text(BatchResult r)
    {
        var sb = new StringBuilder();
        sb.Append("Lignes lues : ").Append(r.RowsRead.ToString("#,##0", Fr)).Append(" ; évaluées : ").Append(r.RowsEvaluated.ToString("#,##0", Fr))
          .Append(" ; rejetées : ").Append(r.RowsRejected.ToString("#,##0", Fr));
        if (r.RejectsPath is not null) sb.Append(" (détail dans ").Append(r.RejectsPath).Append(')');
        sb.AppendLine();
        sb.Append("Période : ").Append(Format.Month(r.Period.Start)).Append(" à ").Append(Format.Month(r.Period.End))
          .Append(" (").Append(r.Period.Count).Append(" mois) ; législation ").Append(r.Baseline.Law.Version).AppendLine();
        sb.AppendLine();
        Block(sb, "Droit en vigueur", r.Baseline);
        if (r.Reform is { } reform && r.Difference is { } d && reform.Law.Reform is { } info)
        {
            sb.AppendLine();
            Block(sb, $"Réforme « {info.Title} »", reform);
            sb.AppendLine();
            sb.AppendLine("Différence réforme − droit en vigueur");
            void Line(string label, string value) => sb.Append("  ").Append(label.PadRight(50)).AppendLine(value.PadLeft(22));
            Line("Nouveaux bénéficiaires", d.Gainers.ToString("#,##0", Fr));
            Line("Coût brut sur la période", (reform.AmountUnknownRows > 0 ? "au moins " : "") + Euros(d.Cents));
            Line("Cotisations employeur sur la période", Euros(d.EmployerCents));
            Line($"dont rappels (mois avant le {Format.Date(info.DecidedOn)})", Euros(d.ArrearsCents));
            Line("Coût brut du dernier mois", Euros(d.LastMonthCents));
            Line("Coût brut annuel (dernier mois × 12)", Euros(d.LastMonthCents * 12));
            for (var y = 0; y < d.ByYearCents.Length; y++) Line($"Coût brut {r.Period.Start.Year + y}", Euros(d.ByYearCents[y]));
        }
        return sb.ToString();
    }

    private static void Block(StringBuilder sb, string title, Synthesis s)
    {
        sb.AppendLine(title);
        sb.AppendLine("  Mesure                 Bénéficiaires           ETP                Coût brut       Cotisations employeur");
        for (var i = 0; i < s.ByMeasure.Length; i++)
        {
            var c = s.ByMeasure[i];
            if (c.Beneficiaries == 0) continue;
            Row(sb, s.Law.Measures[i].Id, c, s.Months);
        }
        Row(sb, "Total", s.Total, s.Months);
        if (s.Total.UnknownAmountBeneficiaries > 0)
        {
            var ids = Enumerable.Range(0, s.ByMeasure.Length).Where(i => s.ByMeasure[i].UnknownAmountBeneficiaries > 0).Select(i => s.Law.Measures[i].Id);
            sb.Append("  Bénéficiaires au montant inconnu (comptés à part, jamais à 0 € : les coûts sont des minimums) : ")
              .Append(s.Total.UnknownAmountBeneficiaries.ToString("#,##0", Fr)).Append(" (").Append(string.Join(", ", ids)).AppendLine(")");
        }
        if (s.UncertainRows > 0) sb.Append("  Lignes dont le verdict est incertain : ").AppendLine(s.UncertainRows.ToString("#,##0", Fr));
        if (s.UndeterminedRows > 0) sb.Append("  Lignes indéterminées (champ manquant) : ").AppendLine(s.UndeterminedRows.ToString("#,##0", Fr));
        if (s.Total.EmployerUnknownRows > 0) sb.Append("  Lignes sans taux employeur sourcé (coût employeur non compté) : ").AppendLine(s.Total.EmployerUnknownRows.ToString("#,##0", Fr));
    }

    private static void Row(StringBuilder sb, string label, SynthesisCell c, int months)
    {
        sb.Append("  ").Append(label.PadRight(16))
          .Append(c.Beneficiaries.ToString("#,##0", Fr).PadLeft(20))
          .Append(Math.Round((decimal)(c.FteMonths / months), 1).ToString("#,##0.0", Fr).PadLeft(14))
          .Append(((c.UnknownAmountBeneficiaries > 0 ? "≥ " : "") + Euros(c.Cents)).PadLeft(25))
          .Append((c.EmployerUnknownRows == c.Beneficiaries ? "inconnu" : Euros(c.EmployerCents)).PadLeft(28))
          .AppendLine();
    }

    private static string Euros(long cents) => Format.Euros(cents / 100m);

    private static readonly NumberFormatInfo Fr = new() { NumberGroupSeparator = " ", NumberDecimalSeparator = ",", NumberGroupSizes = [3] };
}
