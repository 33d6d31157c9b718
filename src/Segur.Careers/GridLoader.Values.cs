using Segur.Engine;
using Segur.Engine.Law;
using YamlDotNet.RepresentationModel;

namespace Segur.Careers;

// Dated values and their sources, as every grid file writes them.
public static partial class GridLoader
{
    private sealed partial class FileReader
    {
        /// <summary>Dated values with one number under <paramref name="key"/>.</summary>
        private List<(YamlMappingNode Node, DatedValue Value)> Dated(YamlSequenceNode? seq, string where, string key)
        {
            var result = new List<(YamlMappingNode, DatedValue)>();
            if (seq is null) return result;
            foreach (var (n, period) in Periods(seq, where, [key]))
            {
                var v = Number(n, key, where, required: true);
                if (v is not null && period.Source is not null) result.Add((n, new DatedValue(period.From, period.To, v.Value, period.Source)));
            }
            return result;
        }

        private sealed record Period(DateOnly From, DateOnly? To, Sourced? Source);

        /// <summary>
        /// Reads a list of dated items (du, au, reference, confiance, note, plus <paramref name="keys"/>): whole
        /// months, chronological, contiguous; the last one has no end (it runs until a new value is known).
        /// An item without <c>au</c> that is not the last runs until the next one starts.
        /// </summary>
        private List<(YamlMappingNode Node, Period Period)> Periods(YamlSequenceNode seq, string where, string[] keys)
        {
            var read = new List<(YamlMappingNode Node, Period Period, bool HasTo)>();
            if (seq.Children.Count == 0) Error(seq, $"{where} : liste vide ; attendu au moins une valeur datée (du, reference…)");
            foreach (var item in seq.Children)
            {
                if (item is not YamlMappingNode m)
                {
                    Error(item, $"{where} : attendu un objet {{du: AAAA-MM-JJ, …, reference: {{texte: <id>}}}}");
                    continue;
                }
                Keys(m, where, ["du", "au", .. keys, .. SourceKeys]);
                var from = Date(m, "du", where, required: true);
                var to = Date(m, "au", where, required: false);
                if (from is { Day: not 1 } f) Error(Get(m, "du"), $"{where} : du : {Format.Iso(f)} ; les valeurs sont mensuelles, attendu le premier jour d'un mois");
                if (to is { } t && t.Day != DateTime.DaysInMonth(t.Year, t.Month))
                    Error(Get(m, "au"), $"{where} : au : {Format.Iso(t)} ; les valeurs sont mensuelles, attendu le dernier jour d'un mois");
                if (from is not null && to is not null && to < from)
                    Error(m, $"{where} : période du {Format.Iso(from.Value)} au {Format.Iso(to.Value)} impossible (fin avant début)");
                var source = Source(m, where);
                if (from is null) continue;
                read.Add((m, new Period(from.Value, to, source), to is not null));
            }
            var result = new List<(YamlMappingNode, Period)>();
            for (var i = 0; i < read.Count; i++)
            {
                var (node, p, hasTo) = read[i];
                if (i + 1 < read.Count)
                {
                    var next = read[i + 1].Period.From;
                    if (next <= p.From)
                        Error(read[i + 1].Node, $"{where} : valeurs non classées par date (le {Format.Iso(next)} suit le {Format.Iso(p.From)}) ; attendu l'ordre chronologique");
                    else if (hasTo && p.To!.Value.AddDays(1) < next)
                        Error(read[i + 1].Node, $"{where} : trou entre le {Format.Iso(p.To.Value)} et le {Format.Iso(next)} ; attendu des valeurs contiguës");
                    else if (hasTo && p.To!.Value >= next)
                        Error(read[i + 1].Node, $"{where} : chevauchement : la valeur du {Format.Iso(p.From)} court jusqu'au {Format.Iso(p.To.Value)}, après le début de la suivante ({Format.Iso(next)})");
                    if (!hasTo && next > p.From) p = p with { To = next.AddDays(-1) };
                }
                else if (hasTo)
                {
                    Error(node, $"{where} : la dernière valeur s'arrête le {Format.Iso(p.To!.Value)} ; attendu une dernière valeur sans « au » (prolongée tant qu'aucune nouvelle valeur n'est connue)");
                }
                result.Add((node, p));
            }
            return result;
        }

        private Sourced? Source(YamlMappingNode map, string where)
        {
            var refNode = Get(map, "reference");
            Citation? citation = null;
            if (refNode is null)
                Error(map, $"{where} : aucune référence ; attendu « reference: {{texte: <id d'un catalogue references*.yaml>, article: ...}} »");
            else citation = Cite(refNode, where);
            var confidence = Confidence(map, where);
            var note = Text(map, "note", where, required: false);
            return citation is null ? null : new Sourced(citation, confidence, note);
        }

        private List<Citation> Citations(YamlMappingNode map, string key, string where)
        {
            var seq = Seq(map, key, where, required: true);
            if (seq is null) return [];
            if (seq.Children.Count == 0) Error(seq, $"{where} : aucune référence ; attendu « {key}: [{{texte: <id>}}] »");
            return seq.Children.Select(c => Cite(c, where)).Where(c => c is not null).Select(c => c!).ToList();
        }

        private Citation? Cite(YamlNode node, string where)
        {
            if (node is not YamlMappingNode m)
            {
                Error(node, $"{where} : référence mal formée ; attendu {{texte: <id>, article: ...}}");
                return null;
            }
            Keys(m, $"{where}, référence", ["texte", "article"]);
            var id = Text(m, "texte", $"{where}, référence", required: true);
            if (id is null) return null;
            if (!law.Texts.TryGetValue(id, out var text))
            {
                Error(m, $"{where} : texte « {id} » absent des catalogues references*.yaml ; attendu l'id d'un texte cité (ajoutez-le à references-grilles.yaml)");
                return null;
            }
            var article = Text(m, "article", where, required: false);
            return new Citation(text, article);
        }

        private Confidence Confidence(YamlMappingNode map, string where)
        {
            var v = Text(map, "confiance", where, required: false);
            switch (v)
            {
                case null or "H": return Engine.Law.Confidence.H;
                case "M": return Engine.Law.Confidence.M;
                case "L": return Engine.Law.Confidence.L;
                default:
                    Error(Get(map, "confiance"), $"{where} : confiance « {v} » inconnue ; attendu H, M ou L");
                    return Engine.Law.Confidence.H;
            }
        }
    }
}
