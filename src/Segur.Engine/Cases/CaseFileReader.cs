using System.Globalization;
using System.Text.Json.Nodes;
using Segur.Engine.Law;
using Segur.Engine.Time;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Segur.Engine.Cases;

/// <summary>
/// Reads case files. A case file is data a lawyer writes (format in <c>legislation/cases/README.md</c>);
/// every malformed entry is reported with its file, line and field, in French.
/// </summary>
public static class CaseFileReader
{
    /// <summary>All cases of every <c>*.yaml</c> file under <paramref name="directory"/>, in file then entry order.</summary>
    public static IReadOnlyList<LegalCase> ReadDirectory(string directory)
    {
        if (!Directory.Exists(directory)) throw new SegurException($"{directory} : dossier de cas introuvable");
        return Directory.EnumerateFiles(directory, "*.yaml", SearchOption.AllDirectories)
            .Order(StringComparer.Ordinal)
            .SelectMany(f => Read(File.ReadAllText(f), f))
            .ToList();
    }

    public static IReadOnlyList<LegalCase> Read(string text, string file)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException e)
        {
            throw new SegurException($"{file}, ligne {e.Start.Line} : YAML invalide ; vérifiez l'indentation et les deux-points");
        }
        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root ||
            !root.Children.TryGetValue(new YamlScalarNode("cas"), out var list) || list is not YamlSequenceNode seq)
            throw new SegurException($"{file} : attendu une liste « cas: » de cas juridiques");
        var cases = new List<LegalCase>();
        var ids = new HashSet<string>();
        foreach (var item in seq.Children)
        {
            var line = (int)item.Start.Line;
            if (item is not YamlMappingNode m) throw new SegurException($"{file}, ligne {line} : un cas doit être un objet (id, titre, profil, mois, attendu...)");
            string Req(string key) => Scalar(m, key) ?? throw new SegurException($"{file}, ligne {line} : champ « {key} » manquant");
            var id = Req("id");
            if (!ids.Add(id)) throw new SegurException($"{file}, ligne {line} : identifiant de cas « {id} » en double");
            if (!YearMonth.TryParse(Req("mois"), out var month))
                throw new SegurException($"{file}, ligne {line} : cas {id} : mois « {Scalar(m, "mois")} » invalide ; attendu AAAA-MM");
            DateOnly? asOf = null;
            if (Scalar(m, "droit_au") is { } d)
            {
                if (!DateOnly.TryParseExact(d, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var dd))
                    throw new SegurException($"{file}, ligne {line} : cas {id} : droit_au « {d} » invalide ; attendu AAAA-MM-JJ");
                asOf = dd;
            }
            if (!m.Children.TryGetValue(new YamlScalarNode("profil"), out var profileNode) || YamlJson.ToJson(profileNode) is not JsonObject profile)
                throw new SegurException($"{file}, ligne {line} : cas {id} : « profil » manquant ou qui n'est pas un objet");
            if (!m.Children.TryGetValue(new YamlScalarNode("attendu"), out var expNode) || expNode is not YamlMappingNode exp)
                throw new SegurException($"{file}, ligne {line} : cas {id} : « attendu » manquant");
            var eligible = Bool(exp, "eligible") ?? throw new SegurException($"{file}, ligne {(int)exp.Start.Line} : cas {id} : attendu.eligible manquant (true ou false)");
            var grossText = Scalar(exp, "montant_brut");
            decimal? gross = null;
            var grossKnown = grossText is not null && grossText != "null";
            if (grossKnown)
            {
                if (!decimal.TryParse(grossText, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var g))
                    throw new SegurException($"{file}, ligne {(int)exp.Start.Line} : cas {id} : attendu.montant_brut « {grossText} » invalide ; attendu un nombre comme 241.22 ou null");
                gross = g;
            }
            var motifs = new List<Motif>();
            if (exp.Children.TryGetValue(new YamlScalarNode("motifs"), out var mn) && mn is YamlSequenceNode ms)
            {
                foreach (var motif in ms.Children.OfType<YamlScalarNode>())
                {
                    motifs.Add(Motif.Parse(motif.Value ?? "") ?? throw new SegurException($"{file}, ligne {(int)motif.Start.Line} : cas {id} : motif « {motif.Value} » invalide ; attendu « MESURE.critère » (ex. M4.lieu) ou « exclusion.ID »"));
                }
            }
            var sources = m.Children.TryGetValue(new YamlScalarNode("sources"), out var sn) && sn is YamlSequenceNode ss
                ? ss.Children.OfType<YamlScalarNode>().Select(s => s.Value ?? "").ToList()
                : [];
            if (sources.Count == 0) throw new SegurException($"{file}, ligne {line} : cas {id} : aucune source ; attendu « sources: » avec au moins une adresse");
            cases.Add(new LegalCase(id, Scalar(m, "titre") ?? id, profile, month, asOf,
                new Expectation(eligible, Scalar(exp, "mesure"), gross, grossKnown, motifs, Bool(exp, "incertain") ?? false),
                Scalar(m, "raison") ?? "", Scalar(m, "confiance") ?? "H", sources, file, line));
        }
        return cases;
    }

    private static string? Scalar(YamlMappingNode m, string key) =>
        m.Children.TryGetValue(new YamlScalarNode(key), out var n) && n is YamlScalarNode s ? s.Value : null;

    private static bool? Bool(YamlMappingNode m, string key) => Scalar(m, key) switch
    {
        "true" => true,
        "false" => false,
        _ => null,
    };
}
