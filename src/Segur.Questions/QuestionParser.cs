namespace Segur.Questions;

/// <summary>
/// Reads parliamentary questions: the published page as text or markdown, or the Assemblée nationale
/// open-data JSON (recognised by its first character, <c>{</c>). Tolerant of the layout variations of the
/// published format, strict about content: a missing or unreadable field is a <see cref="SegurException"/>
/// in French naming the file, the line when there is one, and what was expected; never an empty field.
/// </summary>
public static class QuestionParser
{
    /// <summary>File extensions read from a folder.</summary>
    public static readonly IReadOnlyList<string> Extensions = [".txt", ".md", ".json"];

    /// <summary>Parses one document; <paramref name="origin"/> names it in errors (a file path).</summary>
    public static Question Parse(string text, string origin)
    {
        text = WellFormed(text);
        var start = text.TrimStart('\uFEFF', ' ', '\t', '\r', '\n');
        if (start.StartsWith('['))
            throw new SegurException($"{origin} : liste JSON non prise en charge ; attendu une question par fichier ({{\"question\": {{…}}}}), comme dans les archives des données ouvertes de l'Assemblée nationale");
        if (start.StartsWith('{')) return OpenDataQuestionReader.Read(text, origin);
        var lines = start.Split('\n', 60).Take(60).Select(TextQuestionReader.Clean).ToList();
        return SenatQuestionReader.Recognises(lines) ? SenatQuestionReader.Read(text, origin) : TextQuestionReader.Read(text, origin);
    }

    /// <summary>The text with every lone surrogate (invalid UTF-16, e.g. from a bad copy) replaced by U+FFFD, so that normalisation never throws.</summary>
    private static string WellFormed(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1])) { i++; continue; }
            if (char.IsSurrogate(c)) return string.Create(text.Length, text, (span, t) =>
            {
                for (var k = 0; k < t.Length; k++)
                {
                    var x = t[k];
                    if (char.IsHighSurrogate(x) && k + 1 < t.Length && char.IsLowSurrogate(t[k + 1])) { span[k] = x; span[k + 1] = t[++k]; }
                    else span[k] = char.IsSurrogate(x) ? '\uFFFD' : x;
                }
            });
        }
        return text;
    }

    public static Question ParseFile(string path)
    {
        if (!File.Exists(path)) throw new SegurException($"{path} : fichier de question introuvable");
        return Parse(File.ReadAllText(path), path);
    }

    /// <summary>
    /// The question files of a folder and its subfolders (.txt, .md, .json), in path order; hidden files and
    /// notes named README or LISEZMOI are left out.
    /// </summary>
    public static IReadOnlyList<string> FilesIn(string directory)
    {
        if (!Directory.Exists(directory)) throw new SegurException($"{directory} : dossier de questions introuvable");
        var files = Directory.EnumerateFiles(directory, "*", SearchOption.AllDirectories)
            .Where(f => Extensions.Contains(Path.GetExtension(f).ToLowerInvariant()))
            .Where(f => !Path.GetFileName(f).StartsWith('.'))
            .Where(f => !IsNote(Path.GetFileNameWithoutExtension(f)))
            .Order(StringComparer.Ordinal)
            .ToList();
        if (files.Count == 0) throw new SegurException($"{directory} : aucune question dans ce dossier ; attendu des fichiers {string.Join(", ", Extensions)}");
        return files;
    }

    private static bool IsNote(string name) =>
        name.Equals("README", StringComparison.OrdinalIgnoreCase) || name.Equals("LISEZMOI", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Parses every question of a folder. All files are read before failing: the exception lists every
    /// unreadable file, each with its first problem.
    /// </summary>
    public static IReadOnlyList<Question> ParseDirectory(string directory)
    {
        var questions = new List<Question>();
        var problems = new List<string>();
        var files = FilesIn(directory);
        foreach (var f in files)
        {
            try
            {
                questions.Add(ParseFile(f));
            }
            catch (SegurException e)
            {
                problems.Add(e.Message);
                problems.AddRange(e.Details);
            }
        }
        if (problems.Count > 0)
            throw new SegurException($"{directory} : {files.Count - questions.Count} question(s) illisible(s) sur {files.Count} ; rien n'est produit tant qu'elles ne sont pas corrigées", problems);
        return questions;
    }
}
