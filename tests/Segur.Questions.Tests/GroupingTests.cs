using Segur.Questions;

namespace Segur.Questions.Tests;

/// <summary>Topics and near-identical questions in a folder.</summary>
public sealed class GroupingTests
{
    private static List<QuestionAnalysis> All() =>
        QuestionParser.ParseDirectory(Fixtures.Root).Select(Fixtures.Analyzer.Analyze).ToList();

    [Fact]
    public void Similarity_IdenticalIsOne_DisjointIsZero()
    {
        Assert.Equal(1.0, QuestionGrouper.Similarity("un deux trois quatre", "Un, deux ; trois quatre.", 3));
        Assert.Equal(0.0, QuestionGrouper.Similarity("un deux trois", "quatre cinq six", 3));
    }

    [Fact]
    public void PublishedQuestions_AreSameTopicButNotNearIdentical()
    {
        var texts = new[] { "000", "001", "002", "003", "004" }.Select(p => Fixtures.Parse(Fixtures.Published(p)).QuestionText).ToList();
        for (var i = 0; i < texts.Count; i++)
            for (var j = i + 1; j < texts.Count; j++)
                Assert.True(QuestionGrouper.Similarity(texts[i], texts[j], 3) < 0.05, $"{i} / {j}");
    }

    [Fact]
    public void CampaignQuestions_AreNearIdentical()
    {
        var a = Fixtures.Parse(Fixtures.Written("r3")).QuestionText;
        var b = Fixtures.Parse(Fixtures.Written("r4")).QuestionText;
        Assert.True(QuestionGrouper.Similarity(a, b, 3) > 0.8);
    }

    [Fact]
    public void Folder_IsGroupedByTopic_CampaignShownTogether()
    {
        var groups = QuestionGrouper.Group(All(), Fixtures.Vocabulary);
        var social = groups[0];
        Assert.Equal("securite-sociale", social.Key);
        Assert.Equal("Travailleurs sociaux des organismes de sécurité sociale", social.Label);
        Assert.Equal(7, social.Questions.Count);
        // The campaign comes first and together.
        Assert.Equal(["QANR5L17QE90003", "QANR5L17QE90004"], social.Questions.Take(2).Select(a => a.Question.Uid));
        var cluster = Assert.Single(social.Clusters);
        Assert.Equal(["QANR5L17QE90003", "QANR5L17QE90004"], cluster.Questions.Select(a => a.Question.Uid));
        Assert.True(Assert.Single(cluster.Pairs).Similarity > 0.8);

        var essms = groups.Single(g => g.Key == "essms-support");
        Assert.Equal(["QANR5L16QE90006"], essms.Questions.Select(a => a.Question.Uid));
        var mixed = groups.Single(g => g.Key == "essms-support+secteur-associatif");
        Assert.Equal(["QANR5L16QE10826"], mixed.Questions.Select(a => a.Question.Uid));
        var none = groups.Single(g => g.Key == QuestionGrouper.NoPopulationKey);
        Assert.Equal(["QANR5L17QE90007"], none.Questions.Select(a => a.Question.Uid));
        Assert.Equal(13, groups.Sum(g => g.Questions.Count));
        Assert.Equal(QuestionGrouper.NoPopulationKey, groups[^1].Key);
    }

    [Fact]
    public void GroupsText_MarksNearIdenticalQuestions()
    {
        var text = QuestionText.WriteGroups(QuestionGrouper.Group(All(), Fixtures.Vocabulary), Fixtures.Vocabulary);
        Assert.Contains("Regroupement de 13 questions par thème (quasi identiques : similarité de Jaccard des suites de 3 mots ≥ 0,5)", text);
        Assert.Contains("≈1 QANR5L17QE90003", text);
        Assert.Contains("≈1 QANR5L17QE90004", text);
        Assert.Contains("≈1 quasi identiques : QANR5L17QE90003 / QANR5L17QE90004 : 0,", text);
    }
}
