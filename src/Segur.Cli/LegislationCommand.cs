using System.CommandLine;
using Segur.Engine;
using Segur.Engine.Law;
using Segur.Reports;

namespace Segur.Cli;

/// <summary><c>segur legislation</c>: loads and checks the law, then lists measures and dated parameters.</summary>
public static class LegislationCommand
{
    public static Command Build(CommandContext ctx)
    {
        var law = SharedOptions.Legislation();
        var cmd = new Command("legislation", "Charger et vérifier la législation (références, dates, conflits), puis lister les mesures et les paramètres datés.") { law };
        cmd.SetAction(parse =>
        {
            var l = SharedOptions.LoadLaw(parse.GetValue(law));
            var o = ctx.Out;
            o.WriteLine($"Législation {l.Version} (vérifiée le {Format.Date(l.CheckedOn)}, empreinte {l.Fingerprint[..12]}) : {l.Measures.Count} mesures, {l.Parameters.Count} paramètres, {l.Exclusions.Count} exclusions, {l.Uncertainties.Count} questions ouvertes, {l.Texts.Count} textes. Aucune erreur.");
            o.WriteLine();
            foreach (var m in l.Measures)
            {
                o.WriteLine($"{m.Id} — {m.Title}");
                o.WriteLine($"  à compter du {Format.Date(m.From)}{(m.To is { } to ? $" jusqu'au {Format.Date(to)}" : "")} ; famille {m.Family}{(m.CedesTo.Count > 0 ? " ; cède à " + string.Join(", ", m.CedesTo) : "")}");
                foreach (var c in m.Citations) WriteCitation(o, "    ", c);
            }
            o.WriteLine();
            foreach (var p in l.Parameters.Values.OrderBy(p => p.Id, StringComparer.Ordinal))
            {
                o.WriteLine($"{p.Id} — {p.Title} ({p.Unit})");
                foreach (var v in p.Values)
                {
                    o.WriteLine($"  {Format.Iso(v.From)} → {(v.To is { } t ? Format.Iso(t) : "…")} : {Format.Number(v.Value)} [{v.Confidence}] — {TextReport.Cite(v.Citation)}");
                    WriteSeeAlso(o, "      ", v.Citation);
                }
            }
            return Cli.Ok;
        });
        return cmd;
    }

    /// <summary>The citation with its official address, then the secondary pages on their own lines.</summary>
    private static void WriteCitation(TextWriter o, string indent, Citation c)
    {
        o.WriteLine(indent + TextReport.Cite(c));
        WriteSeeAlso(o, indent + "  ", c);
    }

    private static void WriteSeeAlso(TextWriter o, string indent, Citation c)
    {
        foreach (var page in c.Text.SeeAlso) o.WriteLine($"{indent}voir aussi : {page}");
    }
}
