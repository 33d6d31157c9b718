using System.Globalization;
using System.Text.Json.Nodes;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Segur.Engine.Law;

/// <summary>
/// Turns a YAML node into the JSON it stands for, so that a profile written inside a YAML file (case
/// files, reform overlays) goes through exactly the same schema validation as a JSON profile.
/// Plain scalars follow YAML 1.2 core types (true/false, null, integers, decimals); quoted scalars stay text.
/// </summary>
public static class YamlJson
{
    public static JsonNode? ToJson(YamlNode node) => node switch
    {
        YamlMappingNode map => new JsonObject(map.Children.Select(kv =>
            KeyValuePair.Create(((YamlScalarNode)kv.Key).Value ?? "", ToJson(kv.Value)))),
        YamlSequenceNode seq => new JsonArray(seq.Children.Select(ToJson).ToArray()),
        YamlScalarNode s => Scalar(s),
        _ => null,
    };

    private static JsonNode? Scalar(YamlScalarNode s) => Scalar(s.Value ?? "", s.Style);

    /// <summary>The JSON value of a scalar: quoted text stays text, plain scalars follow the YAML 1.2 core types.</summary>
    internal static JsonNode? Scalar(string v, ScalarStyle style)
    {
        if (style is not (ScalarStyle.Plain or ScalarStyle.Any)) return JsonValue.Create(v);
        switch (v)
        {
            case "true": return JsonValue.Create(true);
            case "false": return JsonValue.Create(false);
            case "null" or "~" or "": return null;
        }
        if (long.TryParse(v, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var l)) return JsonValue.Create(l);
        if (decimal.TryParse(v, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var d)) return JsonValue.Create(d);
        return JsonValue.Create(v);
    }
}
