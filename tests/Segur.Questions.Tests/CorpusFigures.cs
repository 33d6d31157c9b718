using System.Globalization;
using YamlDotNet.RepresentationModel;

namespace Segur.Questions.Tests;

/// <summary>One page of the corpus with its hand-written expectation (<c>&lt;id&gt;.attendu.yaml</c>).</summary>
public sealed record CorpusPage(string Id, string Path, string Format, IReadOnlyDictionary<string, string?> Expected,
    IReadOnlyList<string> Populations, string? Missing);

/// <summary>
/// Reads tests/Segur.Questions.Tests/corpus/ (real questions, collected with the library's search) and computes
/// the reading figures: metadata fields exact, population recall and precision, refusals.
/// </summary>
public static class Corpus
{
    /// <summary>The metadata fields compared, as named in the expectations.</summary>
    public static readonly IReadOnlyList<string> Fields =
    [
        "chambre", "type", "legislature", "numero", "auteur", "groupe", "departement", "rubrique", "ministere_interroge",
        "ministere_attributaire", "date_question", "page_question", "date_reponse", "page_reponse", "reponse",
    ];

    public static string Dir => System.IO.Path.Combine(Fixtures.RepoRoot, "tests", "Segur.Questions.Tests", "corpus");

    /// <summary>The well-formed pages (corpus/) or the truncated ones (corpus/tronquees/).</summary>
    public static IReadOnlyList<CorpusPage> Pages(bool truncated = false)
    {
        var dir = truncated ? System.IO.Path.Combine(Dir, "tronquees") : Dir;
        var pages = new List<CorpusPage>();
        foreach (var yaml in Directory.GetFiles(dir, "*.attendu.yaml").Order(StringComparer.Ordinal))
        {
            var id = System.IO.Path.GetFileName(yaml)[..^".attendu.yaml".Length];
            var page = Directory.GetFiles(dir, id + ".*").FirstOrDefault(f => !f.EndsWith(".yaml", StringComparison.Ordinal));
            if (page is null) continue;
            var stream = new YamlStream();
            using (var reader = new StreamReader(yaml)) stream.Load(reader);
            var root = (YamlMappingNode)stream.Documents[0].RootNode;
            var expected = new Dictionary<string, string?>(StringComparer.Ordinal);
            foreach (var f in Fields.Append("manque"))
                expected[f] = root.Children.TryGetValue(new YamlScalarNode(f), out var v) && v is YamlScalarNode sc && sc.Value is { } t && t != "null" && t != "~" && t.Length > 0 ? t : null;
            var pops = root.Children.TryGetValue(new YamlScalarNode("populations"), out var pn) && pn is YamlSequenceNode seq
                ? seq.Children.OfType<YamlScalarNode>().Select(x => x.Value!).ToList() : [];
            pages.Add(new CorpusPage(id, page, System.IO.Path.GetExtension(page) == ".json" ? "json" : "texte", expected, pops, expected["manque"]));
        }
        return pages;
    }

    /// <summary>The value of a field read from a question, written as in the expectations.</summary>
    public static string? Actual(Question q, string field) => field switch
    {
        "chambre" => q.Chamber,
        "type" => q.Type,
        "legislature" => q.Legislature?.ToString(CultureInfo.InvariantCulture),
        "numero" => q.Number?.ToString(CultureInfo.InvariantCulture),
        "auteur" => q.Author,
        "groupe" => q.Group,
        "departement" => q.Departement,
        "rubrique" => q.Rubrique,
        "ministere_interroge" => q.MinistryAsked,
        "ministere_attributaire" => q.MinistryAssigned,
        "date_question" => q.QuestionDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        "page_question" => q.QuestionPage?.ToString(CultureInfo.InvariantCulture),
        "date_reponse" => q.AnswerDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        "page_reponse" => q.AnswerPage?.ToString(CultureInfo.InvariantCulture),
        "reponse" => q.AnswerText is null ? "false" : "true",
        _ => throw new ArgumentOutOfRangeException(nameof(field)),
    };

    /// <summary>Equal after trimming, ignoring case and accents (« Professions » / « professions »), a trailing dot and apostrophe forms.</summary>
    public static bool Same(string? expected, string? actual) =>
        (expected is null && actual is null)
        || (expected is not null && actual is not null && Norm(expected) == Norm(actual));

    private static string Norm(string s) => FrenchText.Fold(s.Replace('’', '\'').Trim().TrimEnd('.')).Replace("  ", " ");
}
