namespace Segur.Questions;

/// <summary>Two questions whose texts are near-identical, with their similarity (0 to 1).</summary>
public sealed record SimilarPair(QuestionAnalysis First, QuestionAnalysis Second, double Similarity);

/// <summary>Questions linked by near-identical texts (a campaign), directly or through one another.</summary>
public sealed record NearDuplicateCluster(IReadOnlyList<QuestionAnalysis> Questions, IReadOnlyList<SimilarPair> Pairs);

/// <summary>Questions on the same topic (same set of population themes), near-identical ones first and together.</summary>
public sealed record TopicGroup(string Key, string Label, IReadOnlyList<QuestionAnalysis> Questions, IReadOnlyList<NearDuplicateCluster> Clusters);

/// <summary>
/// Groups a folder of questions by topic and finds near-identical questions: Jaccard similarity of the
/// sets of word shingles (runs of <see cref="QuestionVocabulary.ShingleSize"/> folded words) of the question
/// texts, linked when it reaches <see cref="QuestionVocabulary.SimilarityThreshold"/>. A cluster of
/// near-identical questions always stays together, under the topic of its earliest question.
/// </summary>
public static class QuestionGrouper
{
    public const string NoPopulationKey = "sans-population";

    /// <summary>Jaccard similarity of the word shingles of two texts (1 for identical texts, 0 for nothing shared).</summary>
    public static double Similarity(string a, string b, int shingleSize)
    {
        var sa = Shingles(a, shingleSize);
        var sb = Shingles(b, shingleSize);
        if (sa.Count == 0 && sb.Count == 0) return 1;
        var inter = sa.Count(sb.Contains);
        return (double)inter / (sa.Count + sb.Count - inter);
    }

    public static HashSet<string> Shingles(string text, int size)
    {
        var words = FrenchText.Words(text);
        var set = new HashSet<string>(StringComparer.Ordinal);
        if (words.Count == 0) return set;
        if (words.Count < size)
        {
            set.Add(string.Join(' ', words));
            return set;
        }
        for (var i = 0; i + size <= words.Count; i++) set.Add(string.Join(' ', words.Skip(i).Take(size)));
        return set;
    }

    public static IReadOnlyList<TopicGroup> Group(IReadOnlyList<QuestionAnalysis> items, QuestionVocabulary vocabulary)
    {
        var ordered = items.OrderBy(a => a.Question.QuestionDate).ThenBy(a => a.Question.Legislature).ThenBy(a => a.Question.Number).ToList();
        var n = ordered.Count;
        var parent = Enumerable.Range(0, n).ToArray();
        int Find(int i) => parent[i] == i ? i : parent[i] = Find(parent[i]);
        var shingles = ordered.Select(a => Shingles(a.Question.QuestionText, vocabulary.ShingleSize)).ToList();
        var pairs = new List<(int A, int B, double S)>();
        for (var i = 0; i < n; i++)
        {
            for (var j = i + 1; j < n; j++)
            {
                var inter = shingles[i].Count(shingles[j].Contains);
                var union = shingles[i].Count + shingles[j].Count - inter;
                var s = union == 0 ? 1 : (double)inter / union;
                if (s < vocabulary.SimilarityThreshold) continue;
                pairs.Add((i, j, s));
                parent[Find(j)] = Find(i);
            }
        }

        var clusters = Enumerable.Range(0, n).GroupBy(Find).Select(g => g.Order().ToList()).OrderBy(g => g[0]).ToList();
        var topics = new Dictionary<string, (string Label, List<List<int>> Clusters)>(StringComparer.Ordinal);
        foreach (var c in clusters)
        {
            var first = ordered[c[0]];
            var key = first.Themes.Count == 0 ? NoPopulationKey : string.Join("+", first.Themes);
            var label = first.Themes.Count == 0 ? "Aucune population reconnue" : string.Join(" ; ", first.Themes.Select(t => vocabulary.Theme(t).Label));
            if (!topics.TryGetValue(key, out var topic)) topics[key] = topic = (label, []);
            topic.Clusters.Add(c);
        }
        return topics
            .Select(t => new TopicGroup(
                t.Key,
                t.Value.Label,
                t.Value.Clusters.OrderByDescending(c => c.Count).ThenBy(c => c[0]).SelectMany(c => c).Select(i => ordered[i]).ToList(),
                t.Value.Clusters.Where(c => c.Count > 1).Select(c => new NearDuplicateCluster(
                    c.Select(i => ordered[i]).ToList(),
                    pairs.Where(p => c.Contains(p.A)).Select(p => new SimilarPair(ordered[p.A], ordered[p.B], p.S)).ToList())).ToList()))
            .OrderByDescending(t => t.Questions.Count)
            .ThenBy(t => t.Key == NoPopulationKey ? 1 : 0)
            .ThenBy(t => t.Key, StringComparer.Ordinal)
            .ToList();
    }
}
