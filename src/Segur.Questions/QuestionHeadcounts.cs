using System.Globalization;
using Segur.Engine.Law;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Segur.Questions;

/// <summary>
/// The sourced headcount of a population named by the questions (<c>legislation/populations/effectifs-questions.yaml</c>),
/// or, when <see cref="Headcount"/> is null, why no source gives one.
/// </summary>
public sealed record SourcedHeadcount(string Population, long? Headcount, string? Unit, string? AsOf, string? Published,
    string? Source, string? Url, Confidence Confidence, string? Note)
{
    /// <summary>The reference a figure cites: the source, its address and dates.</summary>
    public BriefReference Reference => new(
        $"legislation/populations/effectifs-questions.yaml, « {Population} » : {Source ?? Note}{(AsOf is null ? "" : $" (effectif au {AsOf}")}{(Published is null ? "" : $", publié en {Published}")}{(AsOf is null ? "" : ")")}",
        Url);
}

/// <summary>
/// Reads the headcounts of the populations that no stratum represents. A headcount is a fact: only a figure of a
/// public source, with its address and date; <c>effectif: null</c> says that no source gives one.
/// </summary>
public sealed class QuestionHeadcounts
{
    /// <summary>Path of the file, relative to the legislation folder, and name of the embedded copy.</summary>
    public const string RelativePath = "populations/effectifs-questions.yaml";

    private readonly Dictionary<string, SourcedHeadcount> _byPopulation;

    private QuestionHeadcounts(Dictionary<string, SourcedHeadcount> byPopulation) => _byPopulation = byPopulation;

    /// <summary>The entry of <paramref name="population"/>, or null when the file does not name it.</summary>
    public SourcedHeadcount? Get(string population) => _byPopulation.GetValueOrDefault(population);

    /// <summary>Population ids the file names.</summary>
    public IEnumerable<string> Populations => _byPopulation.Keys;

    /// <summary>Parses the file; a French error naming the file, the line and the field on bad input.</summary>
    public static QuestionHeadcounts Parse(string text, string origin)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException e)
        {
            throw new SegurException($"{origin}, ligne {e.Start.Line}, colonne {e.Start.Column} : {Segur.Engine.Documents.YamlSyntax.Translate(e)} (attendu une liste « effectifs »)");
        }
        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root
            || !root.Children.TryGetValue(new YamlScalarNode("effectifs"), out var list) || list is not YamlSequenceNode seq)
            throw new SegurException($"{origin} : clé « effectifs » absente ; attendu une liste d'entrées « population », « effectif », « source », « url »");
        var result = new Dictionary<string, SourcedHeadcount>(StringComparer.Ordinal);
        foreach (var node in seq.Children)
        {
            var line = node.Start.Line;
            if (node is not YamlMappingNode map) throw new SegurException($"{origin}, ligne {line} : entrée invalide ; attendu une table (population, effectif, source, url)");
            string? Get(string key) => map.Children.TryGetValue(new YamlScalarNode(key), out var v) && v is YamlScalarNode s && s.Value is { Length: > 0 } t && t != "null" && t != "~" ? t : null;
            var id = Get("population") ?? throw new SegurException($"{origin}, ligne {line} : champ « population » absent ; attendu l'id d'une population du vocabulaire");
            long? headcount = null;
            if (Get("effectif") is { } raw)
            {
                if (!long.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n <= 0)
                    throw new SegurException($"{origin}, ligne {line}, population {id} : effectif « {raw} » invalide ; attendu un entier positif, ou null quand aucune source ne le donne");
                headcount = n;
                foreach (var key in new[] { "source", "url", "date" })
                    if (Get(key) is null) throw new SegurException($"{origin}, ligne {line}, population {id} : champ « {key} » absent ; un effectif doit citer sa source, son adresse et sa date");
            }
            else if (Get("note") is null)
                throw new SegurException($"{origin}, ligne {line}, population {id} : effectif null sans « note » ; attendu la raison (aucune source lue)");
            var conf = Get("confiance") switch
            {
                null or "L" => Confidence.L,
                "M" => Confidence.M,
                "H" => Confidence.H,
                var c => throw new SegurException($"{origin}, ligne {line}, population {id} : confiance « {c} » invalide ; attendu H, M ou L"),
            };
            if (!result.TryAdd(id, new SourcedHeadcount(id, headcount, Get("unite"), Get("date"), Get("publie_le"), Get("source"), Get("url"), conf, Get("note"))))
                throw new SegurException($"{origin}, ligne {line} : population « {id} » déjà donnée plus haut ; attendu une entrée par population");
        }
        return new QuestionHeadcounts(result);
    }

    /// <summary>The copy embedded in this library.</summary>
    public static QuestionHeadcounts Embedded()
    {
        using var stream = typeof(QuestionHeadcounts).Assembly.GetManifestResourceStream(RelativePath)
                           ?? throw new SegurException($"legislation/{RelativePath} absent de la bibliothèque");
        using var reader = new StreamReader(stream);
        return Parse(reader.ReadToEnd(), $"legislation/{RelativePath}");
    }
}
