using System.Text;
using Segur.Engine;
using Segur.Engine.Law;

namespace Segur.Careers;

/// <summary>
/// The French text report of a career comparison: grids and profiles, one table per grid year by year
/// (situation, points, point value, base, Ségur, total), the gaps against the reference grid, the verdicts
/// on the claims with their variants, the assumptions, the uncertain values used and the texts cited.
/// Deterministic: same input, same bytes.
/// </summary>
public static class CareerText
{
    public static string Write(CareerComparisonResult r)
    {
        var sb = new StringBuilder();
        var req = r.Request;
        sb.Append($"Carrières comparées : {r.Careers.Count} grille(s), {req.Years} an(s) à partir de {Format.Month(req.Start)}");
        sb.AppendLine(req.Years > 1 ? $" (de {Format.Month(req.Start)} à {Format.Month(r.End)})" : "");
        sb.Append($"Droit appliqué : législation {r.Law.Version} (empreinte {r.Law.Fingerprint[..12]}), grilles (empreinte {Short(r.GridsFingerprint)})");
        sb.AppendLine(r.Law.Reform is { } reform ? $", avec la réforme simulée « {reform.Id} » ({reform.File})" : ", sans réforme simulée");
        sb.AppendLine("Montants : brut mensuel du premier mois de chaque année de carrière, en euros ; Ségur selon le moteur de règles.");
        foreach (var n in r.Notes) sb.AppendLine("Note : " + n);
        sb.AppendLine();

        sb.AppendLine("Grilles");
        foreach (var c in r.Careers)
        {
            var g = c.Grid;
            sb.AppendLine($"  [{r.Letter(g)}] {g.Name} — {g.Title}");
            sb.AppendLine($"      {g.Family.Title}");
            sb.AppendLine($"      Rémunération : {PayRule(g)} ; {g.PaymentsPerYear} versements par an{Grade(g.PaymentsSource.Confidence)}");
            sb.AppendLine($"      Carrière : {g.InitialGrade.Title}, échelon {g.InitialEchelon} au départ ; grille définie depuis {Format.Month(g.ValidFrom)} ({g.Family.File})");
            sb.AppendLine($"      Ségur : profil « {g.ProfileLabel} »");
            if (g.ProfileNote is not null) sb.AppendLine($"        ({g.ProfileNote})");
        }
        sb.AppendLine();

        foreach (var c in r.Careers) WriteCareer(sb, r, c);
        if (r.Gaps.Count > 0) WriteGaps(sb, r);
        if (r.Verdicts.Count > 0) WriteVerdicts(sb, r);

        sb.AppendLine("Hypothèses");
        foreach (var a in r.Assumptions)
            sb.AppendLine($"  - {a.Text}{Grade(a.Confidence)}");
        foreach (var c in r.Careers)
        {
            foreach (var a in c.Grid.Assumptions)
                sb.AppendLine($"  - [{r.Letter(c.Grid)}] {a.Text}{Grade(a.Source.Confidence)} ({a.Source.Citation.Text.Id})");
        }
        sb.AppendLine();

        var weak = r.WeakFacts;
        if (weak.Count > 0)
        {
            sb.AppendLine("Valeurs incertaines utilisées (confiance M : source secondaire ; L : non confirmée, à ne pas tenir pour acquise)");
            foreach (var f in weak)
            {
                sb.Append($"  [{f.Confidence}] {f.Label}");
                if (f.Citation is not null) sb.Append($" — {f.Citation.Text.Id}");
                sb.AppendLine();
                if (f.Note is not null) sb.AppendLine($"      {f.Note}");
            }
            sb.AppendLine();
        }

        sb.AppendLine("Non modélisé");
        sb.AppendLine("  - Coefficients de la nouvelle classification UCANSS (1er juin 2025) pour 5B, 5C et 6 : non trouvés ; niveau 5C sans valeur, non proposé.");
        sb.AppendLine("  - MSA : valeur du point et niveau des travailleurs sociaux non trouvés, pas de grille.");
        sb.AppendLine("  - Promotion à la classe exceptionnelle (FPT) ou au 2e grade (FPH) : grilles lues, mais date de promotion imprévisible ; non simulée.");
        sb.AppendLine();

        sb.AppendLine("Textes cités");
        foreach (var t in r.Texts)
            sb.AppendLine($"  - {t.Id} : {t.Title}{Published(t)} — {t.Url}");
        return sb.ToString();
    }

    private static void WriteCareer(StringBuilder sb, CareerComparisonResult r, Career c)
    {
        var g = c.Grid;
        var indice = g.Family.Pay.Kind == PayKind.IndiceMajore;
        sb.AppendLine($"[{r.Letter(g)}] {g.Name} — année par année");
        var header = indice
            ? Row("An", "Mois", "Situation", "IM", "Point €/mois", "Traitement", "Ségur", "Total", "Conf.")
            : Row("An", "Mois", "Situation", g.Experience.Count > 0 ? "Coef.+exp." : "Coef.", "Point €", "Salaire", "Ségur", "Total", "Conf.");
        sb.AppendLine(header);
        foreach (var y in c.Years)
        {
            var points = indice ? Format.Number(y.Points) : g.Experience.Count > 0 ? $"{Format.Number(y.Points)}+{y.ExperiencePoints}" : Format.Number(y.Points);
            var segur = y.SegurUnknown ? "inconnu" : y.Segur == 0m ? "—" : $"{Money(y.Segur)} {string.Join("+", y.SegurMeasures)}";
            sb.AppendLine(Row((y.Year + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), y.Month.ToString(), y.Situation, points,
                Format.Number(Math.Round(y.PointValue, 6)), Money(y.Base), segur, Money(y.Total), y.Confidence.ToString()));
        }
        if (g.PaymentsPerYear != 12)
        {
            var first = c.Years[0];
            var last = c.Years[^1];
            sb.AppendLine($"  Équivalent mensuel des {g.PaymentsPerYear} versements annuels : {Money(first.AnnualMonthlyEquivalent)} € la 1re année, {Money(last.AnnualMonthlyEquivalent)} € la dernière.");
        }
        sb.AppendLine();
    }

    private static void WriteGaps(StringBuilder sb, CareerComparisonResult r)
    {
        var refGrid = r.Careers[0].Grid;
        sb.AppendLine($"Écarts avec [A] {refGrid.Name} (homologue − [A], brut mensuel ; % du salaire de l'homologue)");
        var head = new StringBuilder();
        head.Append(Cell("An", 3, right: true)).Append("  ").Append(Cell("Mois", 7)).Append("  ").Append(Cell("[A] total", 10, right: true));
        foreach (var gg in r.Gaps)
        {
            var l = r.Letter(gg.Other.Grid);
            head.Append("  ").Append(Cell($"[{l}] total", 10, right: true)).Append("  ").Append(Cell($"écart {l}", 10, right: true)).Append("  ").Append(Cell($"% {l}", 8, right: true));
        }
        sb.AppendLine(head.ToString());
        for (var i = 0; i < r.Request.Years; i++)
        {
            var line = new StringBuilder();
            var first = r.Gaps[0].Years[i];
            line.Append(Cell((i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), 3, right: true)).Append("  ")
                .Append(Cell(first.Month.ToString(), 7)).Append("  ").Append(Cell(Money(first.Reference), 10, right: true));
            foreach (var gg in r.Gaps)
            {
                var y = gg.Years[i];
                line.Append("  ").Append(Cell(Money(y.Other), 10, right: true)).Append("  ").Append(Cell(Signed(y.Euros), 10, right: true))
                    .Append("  ").Append(Cell(y.PercentOfOther is { } p ? Pct(p) : "—", 8, right: true));
            }
            sb.AppendLine(line.ToString());
        }
        sb.AppendLine();
    }

    private static void WriteVerdicts(StringBuilder sb, CareerComparisonResult r)
    {
        var claims = r.Verdicts.Select(v => v.Claim).DistinctBy(c => c.Id).ToList();
        var q = claims[0].Source.Text;
        sb.AppendLine($"Affirmations des questions écrites ({q.Title}{Published(q)})");
        var n = 0;
        foreach (var claim in claims)
        {
            n++;
            sb.AppendLine($"  {n}. « {claim.Statement} »");
            foreach (var v in r.Verdicts.Where(v => v.Claim.Id == claim.Id))
            {
                var a = r.Letter(v.Reference.Grid);
                var b = r.Letter(v.Other.Grid);
                var when = claim.Kind == ClaimKind.StartPercent ? "début de carrière" : $"fin de carrière, {v.ReferenceMonth.Year + 1}e année";
                sb.AppendLine($"     [{a}] {v.Reference.Grid.Name} face à [{b}] {v.Other.Grid.Name} ({when}, {Format.Month(v.ReferenceMonth.Month)}) :");
                sb.AppendLine($"       [{b}] {Money(v.OtherMonth.Total)} € − [{a}] {Money(v.ReferenceMonth.Total)} € = {Signed(v.Euros)} €, soit {(v.PercentOfOther is { } p ? Pct(p) : "—")} du salaire de [{b}]"
                              + (claim.Kind == ClaimKind.StartPercent ? $" (seuil : plus de {Format.Number(claim.Threshold)} %)" : $" (seuil : plus de {Format.Number(claim.Threshold)} €)"));
                sb.AppendLine($"       → {v.Conclusion}");
                foreach (var x in v.Variants)
                {
                    var measured = claim.Kind == ClaimKind.StartPercent
                        ? $"{Signed(x.Euros)} €, {(x.Percent is { } xp ? Pct(xp) : "—")}"
                        : $"{Signed(x.Euros)} €";
                    sb.AppendLine($"       • {x.Label} : {Money(x.Other)} € − {Money(x.Reference)} € = {measured} → {(x.Holds ? "vérifiée" : "non vérifiée")}{Grade(x.Confidence)}");
                }
                var l = v.WeakFacts.Where(f => f.Confidence == Confidence.L).Select(f => f.Label).ToList();
                if (l.Count > 0) sb.AppendLine($"       Repose sur des valeurs non confirmées (L) : {string.Join(" ; ", l)}.");
            }
        }
        sb.AppendLine();
    }

    private static string PayRule(Grid g) => g.Family.Pay.Kind == PayKind.IndiceMajore
        ? $"indice majoré × valeur annuelle du point ({g.Family.Pay.ParameterId}) ÷ diviseur ({g.Family.Pay.DivisorId}), au centime"
        : g.Experience.Count > 0
            ? "(coefficient + points d'expérience) × valeur du point, au centime"
            : "coefficient × valeur du point, au centime";

    private static string Grade(Confidence c) => c == Confidence.H ? "" : $" [{c}]";

    private static string Published(LegalText t) => t.PublishedOn is { } p
        ? (t.Nature is "loi" or "ordonnance" or "decret" or "arrete" ? $" (JO du {Format.Date(p)})" : $" (rendu public le {Format.Date(p)})")
        : t.SignedOn is { } s ? $" (du {Format.Date(s)})" : "";

    private static string Short(string fingerprint) => fingerprint.Length > 12 ? fingerprint[..12] : fingerprint;

    private static string Money(decimal d) => Format.Euros(d)[..^2];

    private static string Signed(decimal d) => (d > 0 ? "+" : "") + Money(d);

    private static string Pct(decimal p) => (p > 0 ? "+" : "") + Format.Number(p) + " %";

    private static string Row(string an, string mois, string situation, string points, string point, string @base, string segur, string total, string conf) =>
        $"{Cell(an, 3, true)}  {Cell(mois, 7)}  {Cell(situation, 14)}  {Cell(points, 10, true)}  {Cell(point, 12, true)}  {Cell(@base, 10, true)}  {Cell(segur, 13, true)}  {Cell(total, 10, true)}  {conf}";

    private static string Cell(string s, int width, bool right = false) => right ? s.PadLeft(width) : s.PadRight(width);
}
