using Segur.Engine.Law;
using Segur.Questions;

namespace Segur.Questions.Tests;

/// <summary>Paths of the test questions, the embedded vocabulary and law, loaded once.</summary>
public static class Fixtures
{
    private static readonly Lazy<QuestionVocabulary> LoadedVocabulary = new(QuestionVocabulary.Embedded);
    private static readonly Lazy<Legislation> LoadedLaw = new(() => LegislationLoader.Load(new EmbeddedLegislation()));

    public static QuestionVocabulary Vocabulary => LoadedVocabulary.Value;
    public static Legislation Law => LoadedLaw.Value;
    public static QuestionAnalyzer Analyzer { get; } = new(Vocabulary);

    public static string Root => Path.Combine(AppContext.BaseDirectory, "fixtures");
    public static string PublishedDir => Path.Combine(Root, "publiees");
    public static string WrittenDir => Path.Combine(Root, "redigees");
    public static string OpenDataDir => Path.Combine(Root, "donnees-ouvertes");

    public static string RepoRoot
    {
        get
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "segur.slnx"))) dir = dir.Parent;
            return dir?.FullName ?? throw new InvalidOperationException("racine du dépôt introuvable");
        }
    }

    /// <summary>A published fixture by its prefix (« 000 » … « 004 »).</summary>
    public static string Published(string prefix) => Directory.GetFiles(PublishedDir, prefix + "_*.txt").Single();

    public static string Written(string prefix) => Directory.GetFiles(WrittenDir, prefix + "-*.txt").Single();

    public static Question Parse(string path) => QuestionParser.ParseFile(path);

    public static QuestionAnalysis Analyze(string path) => Analyzer.Analyze(Parse(path));

    public static IReadOnlyList<string> PopulationIds(QuestionAnalysis a) => a.Populations.Select(p => p.Definition.Id).ToList();
    public static IReadOnlyList<string> DemandIds(QuestionAnalysis a) => a.Demands.Select(d => d.Definition.Id).ToList();
    public static IReadOnlyList<string> MentionIds(QuestionAnalysis a) => a.Mentions.Select(d => d.Definition.Id).ToList();

    /// <summary>Parses a document expected to be refused and returns the whole French message (message and details).</summary>
    public static string Refused(string text, string origin = "question.txt")
    {
        var e = Assert.Throws<Segur.Engine.SegurException>(() => QuestionParser.Parse(text, origin));
        return string.Join("\n", new[] { e.Message }.Concat(e.Details));
    }
}
