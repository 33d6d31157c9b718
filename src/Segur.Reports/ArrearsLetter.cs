using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Segur.Engine;
using Segur.Engine.Evaluation;
using Segur.Engine.Law;

namespace Segur.Reports;

/// <summary>
/// What an employer still owes (<see cref="Arrears"/>), for people: a French text section for
/// <c>segur verifier --verse-depuis</c>, and a printable letter to the employer citing the texts (HTML: a
/// fragment for the web page, or a standalone document with its print style). Amounts come from the engine
/// only; an uncertain month or an unknown amount is said, never hidden.
/// </summary>
public static class ArrearsLetter
{
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    /// <summary>The text section: months owed grouped by runs of the same amount, the total, the texts.</summary>
    public static string Text(EvaluationResult r, ArrearsStatement a)
    {
        var sb = new StringBuilder();
        sb.Append("── Sommes restant dues (versement effectif à partir de ").Append(Format.Month(a.PaidFrom)).AppendLine(") ──");
        if (a.Months.Count == 0)
        {
            sb.AppendLine($"Rien ne reste dû : aucune mesure n'était due avant {Format.Month(a.PaidFrom)} sur la période examinée.");
            return sb.ToString();
        }
        foreach (var (from, to, row) in Runs(a))
        {
            var span = from == to ? from.Month.Month.ToString() : $"{from.Month.Month} → {to.Month.Month}";
            sb.Append("  ").Append(span.PadRight(20)).Append(string.Join("+", row.Month.Retained).PadRight(16))
              .Append((row.Amount is { } x ? Format.Euros(x) : "inconnu").PadLeft(12)).Append(" par mois");
            if (row.Uncertain) sb.Append("   (incertain)");
            sb.AppendLine();
        }
        sb.Append("  Total restant dû : ").AppendLine(Total(a));
        if (a.UncertainMonths > 0) sb.AppendLine($"  {a.UncertainMonths} mois reposent sur un point du droit à confirmer (voir « Pourquoi »).");
        sb.AppendLine("  Textes : " + string.Join(" ; ", a.Citations.Take(6).Select(c => c.Label)));
        return sb.ToString();
    }

    /// <summary>« 1 234,56 € brut », or « au moins … » when an amount owed is unknown.</summary>
    public static string Total(ArrearsStatement a) => a.Total is { } t
        ? Format.Euros(t) + " brut"
        : $"au moins {Format.Euros(a.TotalAtLeast)} brut (montant inconnu pour {a.UnknownAmountMonths} mois : aucun texte ne le fixe)";

    /// <summary>The letter as an HTML fragment (every value encoded), styled by the page or the standalone document.</summary>
    public static string Fragment(EvaluationResult r, ArrearsStatement a)
    {
        var h = new StringBuilder();
        string E(string s) => Encoder.Encode(s);
        var p = r.Profile;
        var v = p.Vocabulary;
        string Fact(string field) => p.Value(field) is { } x ? v.Label(field, x) : "[à préciser]";
        var measures = string.Join(", ", a.Measures.Select(m => $"{m.Id} — {m.Title}"));
        h.Append("<article class=\"lettre\" id=\"lettre\">");
        h.Append("<p class=\"expediteur\">[Vos nom et prénom]<br>[Votre adresse]<br>[Votre matricule ou numéro d'agent]</p>");
        h.Append("<p class=\"destinataire\">[Nom de l'employeur]<br>Service des ressources humaines<br>[Adresse]</p>");
        h.Append("<p class=\"lieu-date\">[Lieu], le [date]</p>");
        h.Append("<p class=\"objet\"><strong>Objet : demande de régularisation — ").Append(E(string.Join(", ", a.Measures.Select(m => m.Id))))
         .Append(", sommes restant dues avant ").Append(E(Format.Month(a.PaidFrom))).Append("</strong></p>");
        h.Append("<p>Madame, Monsieur,</p>");
        var first = a.Months[0].Month.Month;
        var last = a.Months[^1].Month.Month;
        var job = Fact("emploi.profession").ToLowerInvariant();
        h.Append("<p>J'exerce les fonctions ").Append("aeiouyhéèêàâîôû".Contains(job[0]) ? "d'" : "de ").Append(E(job))
         .Append(" (").Append(E(Fact("emploi.statut"))).Append("), structure : ").Append(E(Fact("employeur.structure"))).Append(". ");
        h.Append("En application des textes cités ci-dessous, la mesure ").Append(E(measures)).Append(" m'est due à compter de ")
         .Append(E(Format.Month(first))).Append(". Elle ne m'est versée que depuis ").Append(E(Format.Month(a.PaidFrom))).Append(".</p>");
        h.Append("<p>Je vous demande donc de bien vouloir me verser les sommes restant dues de ").Append(E(Format.Month(first))).Append(" à ")
         .Append(E(Format.Month(last))).Append(", soit <strong id=\"total-du\">").Append(E(Total(a))).Append("</strong>, selon le détail suivant :</p>");
        h.Append("<table class=\"rappel\"><thead><tr><th scope=\"col\">Mois</th><th scope=\"col\">Mesure</th><th scope=\"col\" class=\"nombre\">Brut mensuel</th><th scope=\"col\" class=\"nombre\">Sous-total</th></tr></thead><tbody>");
        foreach (var (from, to, row) in Runs(a))
        {
            var count = to.Month.Month.Ordinal - from.Month.Month.Ordinal + 1;
            var span = from == to ? Format.Month(from.Month.Month) : $"{Format.Month(from.Month.Month)} à {Format.Month(to.Month.Month)}";
            var sub = row.Amount is { } x ? Format.Euros(x * count) : "montant inconnu";
            h.Append("<tr><td>").Append(E(span)).Append(row.Uncertain ? " *" : "").Append("</td><td>").Append(E(string.Join(" + ", row.Month.Retained)))
             .Append("</td><td class=\"nombre\">").Append(E(row.Amount is { } y ? Format.Euros(y) : "inconnu")).Append("</td><td class=\"nombre\">").Append(E(sub)).Append("</td></tr>");
        }
        h.Append("</tbody></table>");
        if (a.UnknownAmountMonths > 0)
        {
            var unknown = a.Months.Where(m => m.Amount is null).SelectMany(m => m.Month.Measures.Where(x => m.Month.Retained.Contains(x.Measure.Id) && x.Amount is null)).DistinctBy(x => x.Measure.Id).ToList();
            foreach (var u in unknown)
                h.Append("<p class=\"inconnu\">Le montant de ").Append(E(u.Measure.Id)).Append(" n'est fixé par aucun texte que j'aie pu consulter (")
                 .Append(E(u.UnknownAmount ?? "montant inconnu")).Append(") : je vous demande de m'indiquer le montant que vous appliquez et de me le verser pour ces mois.</p>");
        }
        if (a.UncertainMonths > 0)
        {
            var caveats = a.Months.Where(m => m.Uncertain).SelectMany(m => m.Month.Measures.Where(x => m.Month.Retained.Contains(x.Measure.Id)).SelectMany(x => x.Caveats).Select(c => c.Text)
                .Concat(m.Month.Uncertainties.Select(u => u.Title))).Distinct().Take(3).ToList();
            h.Append("<p class=\"incertain\">* Ces mois reposent sur un point du droit dont la lecture reste à confirmer")
             .Append(caveats.Count > 0 ? " : " + E(string.Join(" ; ", caveats)) : "").Append(".</p>");
        }
        h.Append("<p>Textes applicables :</p><ul class=\"textes\">");
        foreach (var c in a.Citations)
            h.Append("<li>").Append(E(TextReport.Cite(c))).Append("</li>");
        h.Append("</ul>");
        h.Append("<p>Je vous remercie de me confirmer la régularisation et sa date, et vous prie d'agréer, Madame, Monsieur, l'expression de mes salutations distinguées.</p>");
        h.Append("<p class=\"signature\">[Signature]</p>");
        h.Append("<p class=\"mention\">Montants bruts calculés par segur (législation ").Append(E(r.Legislation.Version)).Append(", empreinte ")
         .Append(E(r.Legislation.Fingerprint[..12])).Append(") pour un temps de travail de ").Append(E(p.Quotite == 1m ? "100 %" : Format.Percent(p.Quotite)))
         .Append(", à partir des textes cités ; ils ne tiennent pas compte des délais de prescription ou de déchéance, qui dépendent de votre statut.</p>");
        h.Append("</article>");
        return h.ToString();
    }

    /// <summary>A standalone printable document (<c>segur verifier --lettre</c>): the fragment with its own style.</summary>
    public static string Document(EvaluationResult r, ArrearsStatement a) =>
        "<!doctype html>\n<html lang=\"fr\">\n<head>\n<meta charset=\"utf-8\">\n<title>Demande de régularisation — segur</title>\n<style>\n" + PrintCss + "</style>\n</head>\n<body>\n"
        + Fragment(r, a) + "\n</body>\n</html>\n";

    /// <summary>The letter's style, on screen and on paper (also in the site's stylesheet, under <c>article.lettre</c>).</summary>
    public const string PrintCss = """
        body { font-family: "DejaVu Serif", Georgia, serif; max-width: 17cm; margin: 1.5cm auto; line-height: 1.45; color: #111; }
        article.lettre .destinataire { margin-left: 55%; }
        article.lettre .lieu-date { text-align: right; }
        article.lettre table { border-collapse: collapse; width: 100%; }
        article.lettre th, article.lettre td { border-bottom: 1px solid #999; padding: .2rem .4rem; text-align: left; }
        article.lettre .nombre { text-align: right; white-space: nowrap; }
        article.lettre .mention { font-size: .8rem; color: #444; }
        article.lettre ul.textes { font-size: .85rem; overflow-wrap: anywhere; }
        @page { size: A4; margin: 2cm; }
        """;

    private static List<(OwedMonth From, OwedMonth To, OwedMonth Row)> Runs(ArrearsStatement a)
    {
        var runs = new List<(OwedMonth From, OwedMonth To, OwedMonth Row)>();
        foreach (var m in a.Months)
        {
            if (runs.Count > 0)
            {
                var (from, to, row) = runs[^1];
                if (to.Month.Month.AddMonths(1) == m.Month.Month && row.Amount == m.Amount && row.Uncertain == m.Uncertain && row.Month.Retained.SequenceEqual(m.Month.Retained))
                {
                    runs[^1] = (from, m, row);
                    continue;
                }
            }
            runs.Add((m, m, m));
        }
        return runs;
    }
}
