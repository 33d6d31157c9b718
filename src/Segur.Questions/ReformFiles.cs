using Segur.Engine.Law;

namespace Segur.Questions;

/// <summary>
/// Finds the reform scenarios the vocabulary names (<c>reforms/….yaml</c>, relative to the legislation
/// folder): in the legislation folder given with <c>--legislation</c> when it holds the file, else in the
/// copy of <c>legislation/reforms/</c> embedded in this library.
/// </summary>
public sealed class ReformFiles(string? legislationDirectory = null)
{
    public ReformSource Get(string relativePath)
    {
        if (legislationDirectory is not null)
        {
            var onDisk = Path.Combine(legislationDirectory, relativePath);
            if (File.Exists(onDisk)) return ReformSource.FromFile(onDisk);
        }
        using var stream = typeof(ReformFiles).Assembly.GetManifestResourceStream(relativePath);
        if (stream is null)
        {
            var where = legislationDirectory is null ? "la copie intégrée de legislation/reforms/" : $"{legislationDirectory} ni dans la copie intégrée de legislation/reforms/";
            throw new SegurException($"{relativePath} : scénario de réforme introuvable dans {where} ; attendu un fichier YAML de legislation/reforms/ (clé « reforme » du vocabulaire)");
        }
        using var reader = new StreamReader(stream);
        return new ReformSource($"legislation/{relativePath}", reader.ReadToEnd());
    }

    /// <summary>
    /// The headcounts of <c>populations/effectifs-questions.yaml</c>: from the legislation folder when it holds the
    /// file, else the embedded copy.
    /// </summary>
    public QuestionHeadcounts Headcounts()
    {
        if (legislationDirectory is not null)
        {
            var onDisk = Path.Combine(legislationDirectory, QuestionHeadcounts.RelativePath);
            if (File.Exists(onDisk)) return QuestionHeadcounts.Parse(File.ReadAllText(onDisk), onDisk);
        }
        return QuestionHeadcounts.Embedded();
    }
}
