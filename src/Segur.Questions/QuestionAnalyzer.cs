namespace Segur.Questions;

/// <summary>A population recognised in a question: the terms that named it and the sentence where they were found.</summary>
public sealed record DetectedPopulation(PopulationDefinition Definition, IReadOnlyList<string> Terms, string Excerpt);

/// <summary>
/// A demand recognised in a question. <see cref="Explicit"/>: found in a sentence that carries a request
/// (or in the title); otherwise only mentioned in the exposé.
/// </summary>
public sealed record DetectedDemand(DemandDefinition Definition, IReadOnlyList<string> Terms, string Excerpt, bool Explicit);

/// <summary>A question with what it asks about and what it demands.</summary>
public sealed record QuestionAnalysis(
    Question Question,
    IReadOnlyList<DetectedPopulation> Populations,
    IReadOnlyList<DetectedDemand> Demands,
    IReadOnlyList<DetectedDemand> Mentions)
{
    /// <summary>Every vocabulary group (profession, organisme, structure) whose terms occur in the title or text, with the words found.</summary>
    public IReadOnlyList<(TermGroup Group, IReadOnlyList<string> Terms)> Found { get; init; } = [];

    /// <summary>Theme ids of the populations, sorted: the question's topic.</summary>
    public IReadOnlyList<string> Themes => Populations.Select(p => p.Definition.Theme).Distinct().Order(StringComparer.Ordinal).ToList();
}

/// <summary>
/// Recognises populations and demands in a question's title and text (never in the answer) with the
/// vocabulary's terms and rules; see the header of legislation/questions/vocabulaire.yaml. Deterministic,
/// no network, no language model.
/// </summary>
public sealed class QuestionAnalyzer(QuestionVocabulary vocabulary)
{
    public QuestionVocabulary Vocabulary { get; } = vocabulary;

    private sealed record Sentence(int Index, string Text, List<Token> Words, bool IsTitle, bool IsRequest, bool DescribesBeneficiaries);

    public QuestionAnalysis Analyze(Question question)
    {
        var sentences = Split(question);

        var found = new List<DetectedPopulation>();
        foreach (var p in Vocabulary.Populations)
        {
            var hit = Detect(p, sentences);
            if (hit is not null) found.Add(hit);
        }
        found.RemoveAll(f => f.Definition.ReplacedBy.Any(id => found.Any(o => o.Definition.Id == id)));

        var demands = new List<DetectedDemand>();
        var mentions = new List<DetectedDemand>();
        foreach (var d in Vocabulary.Demands)
        {
            var explicitHits = new List<(Sentence S, List<string> Terms)>();
            var otherHits = new List<(Sentence S, List<string> Terms)>();
            foreach (var s in sentences)
            {
                var terms = d.Terms.Select(t => t.FoundIn(s.Text, s.Words)).OfType<string>().ToList();
                if (terms.Count == 0) continue;
                (s.IsRequest ? explicitHits : otherHits).Add((s, terms));
            }
            if (explicitHits.Count > 0)
                demands.Add(new DetectedDemand(d, Distinct(explicitHits.SelectMany(h => h.Terms)), explicitHits[0].S.Text, true));
            else if (otherHits.Count > 0)
                mentions.Add(new DetectedDemand(d, Distinct(otherHits.SelectMany(h => h.Terms)), otherHits[0].S.Text, false));
        }
        var groups = new List<(TermGroup, IReadOnlyList<string>)>();
        foreach (var g in Vocabulary.Groups)
        {
            var terms = Distinct(sentences.SelectMany(s => g.Terms.Select(t => t.FoundIn(s.Text, s.Words)).OfType<string>()));
            if (terms.Count > 0) groups.Add((g, terms));
        }
        return new QuestionAnalysis(question, found, demands, mentions) { Found = groups };
    }

    private List<Sentence> Split(Question q)
    {
        var texts = new List<(string Text, bool Title)> { (q.Title, true) };
        texts.AddRange(FrenchText.Sentences(q.QuestionText).Select(s => (s, false)));
        var result = new List<Sentence>();
        foreach (var (text, title) in texts)
        {
            var words = FrenchText.Tokens(text);
            var request = title || text.Contains('?') || Vocabulary.RequestMarkers.Any(m => m.OccursIn(words));
            var beneficiaries = Vocabulary.BeneficiaryMarkers.Any(m => m.OccursIn(words)) && !Vocabulary.ExclusionMarkers.Any(m => m.OccursIn(words));
            result.Add(new Sentence(result.Count, text, words, title, request, beneficiaries));
        }
        return result;
    }

    private DetectedPopulation? Detect(PopulationDefinition p, List<Sentence> sentences)
    {
        List<string> TermsIn(IReadOnlyList<TermGroup> groups, Sentence s) =>
            groups.SelectMany(g => g.Terms).Select(t => t.FoundIn(s.Text, s.Words)).OfType<string>().ToList();

        var terms = new List<string>();
        string? excerpt = null;
        foreach (var s in sentences)
        {
            if (s.DescribesBeneficiaries) continue;
            var anchor = p.Professions.Count > 0 ? TermsIn(p.Professions, s) : TermsIn(p.Places, s);
            if (anchor.Count == 0) continue;
            var places = new List<string>();
            if (p.Professions.Count > 0 && p.Places.Count > 0)
            {
                foreach (var o in sentences)
                {
                    var near = o.Index == s.Index || (!o.IsTitle && !s.IsTitle && Math.Abs(o.Index - s.Index) <= Vocabulary.SentenceWindow);
                    if (near) places.AddRange(TermsIn(p.Places, o));
                }
                if (places.Count == 0) continue;
            }
            excerpt ??= s.Text;
            terms.AddRange(anchor);
            terms.AddRange(places);
        }
        return excerpt is null ? null : new DetectedPopulation(p, Distinct(terms), excerpt);
    }

    /// <summary>Matched words in order of appearance, once each (ignoring case and accents), shorter ones inside longer ones dropped.</summary>
    private static List<string> Distinct(IEnumerable<string> terms)
    {
        var list = new List<string>();
        foreach (var t in terms)
            if (!list.Any(x => string.Equals(FrenchText.Fold(x), FrenchText.Fold(t), StringComparison.Ordinal))) list.Add(t);
        return list.Where(t => !list.Any(o => o.Length > t.Length && Contains(o, t))).ToList();
    }

    private static bool Contains(string longer, string shorter)
    {
        var a = FrenchText.Tokens(longer);
        var b = new Term(shorter);
        return b.OccursIn(a);
    }
}
