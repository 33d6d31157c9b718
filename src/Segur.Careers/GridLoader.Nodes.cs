using System.Globalization;
using YamlDotNet.RepresentationModel;

namespace Segur.Careers;

// Typed reads of YAML nodes, each error in French with its line.
public static partial class GridLoader
{
    private sealed partial class FileReader
    {
        private void Error(YamlNode? node, string message) =>
            errors.Add(node is null ? $"{file} : {message}" : $"{file}, ligne {node.Start.Line} : {message}");

        private void Keys(YamlMappingNode map, string where, string[] allowed)
        {
            foreach (var key in map.Children.Keys)
            {
                var name = (key as YamlScalarNode)?.Value ?? "";
                if (!allowed.Contains(name))
                    Error(key, $"{where} : clé inconnue « {name} » ; attendu une de {string.Join(", ", allowed)} (voir docs/carrieres.md)");
            }
        }

        private static YamlNode? Get(YamlMappingNode map, string key) =>
            map.Children.TryGetValue(new YamlScalarNode(key), out var v) ? v : null;

        private string? Text(YamlMappingNode map, string key, string where, bool required)
        {
            var node = Get(map, key);
            if (node is null)
            {
                if (required) Error(map, $"{where} : clé « {key} » manquante ; attendu un texte");
                return null;
            }
            if (node is YamlScalarNode { Value: { } v } && !string.IsNullOrWhiteSpace(v)) return v.Trim();
            if (node is YamlScalarNode && !required) return null;
            Error(node, $"{where} : {key} : attendu un texte non vide");
            return null;
        }

        private decimal? Number(YamlMappingNode map, string key, string where, bool required)
        {
            var node = Get(map, key);
            if (node is null)
            {
                if (required) Error(map, $"{where} : clé « {key} » manquante ; attendu un nombre");
                return null;
            }
            if (node is YamlScalarNode { Value: { } v } && decimal.TryParse(v, NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var d))
                return d;
            Error(node, $"{where} : {key} : « {(node as YamlScalarNode)?.Value} » n'est pas un nombre ; attendu un nombre (séparateur décimal : le point, ex. 7.60939)");
            return null;
        }

        private int? Integer(YamlMappingNode map, string key, string where, bool required)
        {
            var node = Get(map, key);
            if (node is null)
            {
                if (required) Error(map, $"{where} : clé « {key} » manquante ; attendu un nombre entier");
                return null;
            }
            if (node is YamlScalarNode { Value: { } v } && int.TryParse(v, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var i)) return i;
            Error(node, $"{where} : {key} : « {(node as YamlScalarNode)?.Value} » n'est pas un nombre entier");
            return null;
        }

        private DateOnly? Date(YamlMappingNode map, string key, string where, bool required)
        {
            var node = Get(map, key);
            if (node is null)
            {
                if (required) Error(map, $"{where} : clé « {key} » manquante ; attendu une date AAAA-MM-JJ");
                return null;
            }
            if (node is YamlScalarNode { Value: { } v } && DateOnly.TryParseExact(v, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)) return d;
            Error(node, $"{where} : {key} : « {(node as YamlScalarNode)?.Value} » n'est pas une date ; attendu AAAA-MM-JJ");
            return null;
        }

        private YamlMappingNode? Map(YamlMappingNode map, string key, string where, bool required)
        {
            var node = Get(map, key);
            if (node is YamlMappingNode m) return m;
            if (node is null)
            {
                if (required) Error(map, $"{where} : clé « {key} » manquante ; attendu un objet");
                return null;
            }
            Error(node, $"{where} : {key} : objet attendu (clés « nom: valeur »)");
            return null;
        }

        private YamlSequenceNode? Seq(YamlMappingNode map, string key, string where, bool required)
        {
            var node = Get(map, key);
            if (node is YamlSequenceNode s) return s;
            if (node is null)
            {
                if (required) Error(map, $"{where} : clé « {key} » manquante ; attendu une liste");
                return null;
            }
            Error(node, $"{where} : {key} : liste attendue (éléments précédés de « - »)");
            return null;
        }

        private static string Num(decimal d) => d.ToString(CultureInfo.InvariantCulture);
    }
}
