using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NodeDeserializers;

namespace Segur.Engine.Law;

/// <summary>
/// Reads one YAML document into a DTO with YamlDotNet, remembering the line where every DTO starts,
/// and turns YamlDotNet's errors into French messages that name the file and the line.
/// </summary>
public static partial class YamlReader
{
    private static readonly IDeserializer Deserializer = new DeserializerBuilder()
        .WithNodeDeserializer(inner => new LocatingDeserializer(inner), s => s.InsteadOf<ObjectNodeDeserializer>())
        .WithDuplicateKeyChecking()
        .Build();

    public static T Read<T>(string text, string path) where T : Located, new()
    {
        try
        {
            return Deserializer.Deserialize<T>(text) ?? new T();
        }
        catch (YamlException e)
        {
            throw new SegurException($"{path}, ligne {e.Start.Line}, colonne {e.Start.Column} : {Translate(e)}");
        }
    }

    private static string Translate(YamlException e)
    {
        var m = UnknownProperty().Match(e.Message);
        if (m.Success) return $"clé inconnue « {m.Groups[1].Value} » ; voir docs/legislation.md pour les clés attendues";
        if (e.Message.Contains("Duplicate key", StringComparison.OrdinalIgnoreCase)) return "clé en double dans le même objet ; attendu chaque clé une seule fois";
        for (var inner = e.InnerException; inner is not null; inner = inner.InnerException)
        {
            if (inner is FormatException or OverflowException) return "nombre attendu (séparateur décimal : le point, ex. 5907.34)";
        }
        if (e.Message.Contains("Exception during deserialization", StringComparison.Ordinal) || e.Message.Contains("System.", StringComparison.Ordinal))
            return "valeur d'un type inattendu (texte, nombre, liste ou objet) ; voir docs/legislation.md pour la forme attendue de cette clé";
        if (e.Message.Contains("Expected 'SequenceStart'", StringComparison.Ordinal)) return "liste attendue (éléments précédés de « - »)";
        if (e.Message.Contains("Expected 'MappingStart'", StringComparison.Ordinal)) return "objet attendu (clés « nom: valeur »)";
        if (e.Message.Contains("Expected 'Scalar'", StringComparison.Ordinal)) return "valeur simple attendue (texte, nombre ou date), pas une liste ni un objet";
        return "YAML invalide (" + e.Message.TrimEnd('.') + ") ; vérifiez l'indentation, les deux-points et les guillemets";
    }

    [GeneratedRegex("Property '([^']+)' not found on type")]
    private static partial Regex UnknownProperty();

    private sealed class LocatingDeserializer(INodeDeserializer inner) : INodeDeserializer
    {
        public bool Deserialize(IParser reader, Type expectedType, Func<IParser, Type, object?> nestedObjectDeserializer, out object? value, ObjectDeserializer rootDeserializer)
        {
            var line = reader.Current is ParsingEvent ev ? (int)ev.Start.Line : 0;
            if (!inner.Deserialize(reader, expectedType, nestedObjectDeserializer, out value, rootDeserializer)) return false;
            if (value is Located located) located.Line = line;
            return true;
        }
    }
}
