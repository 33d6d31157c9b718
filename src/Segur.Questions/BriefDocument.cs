namespace Segur.Questions;

/// <summary>
/// What an inline piece of a brief is: plain text, emphasis, an id, a link, a link to another brief (its
/// file name without extension: .md from Markdown, .html from HTML), references, a warning.
/// </summary>
public enum InlineKind { Text, Strong, Code, Link, FileLink, References, Warning }

/// <summary>A piece of a line. <see cref="Numbers"/>: reference numbers for <see cref="InlineKind.References"/>.</summary>
public sealed record Inline(InlineKind Kind, string Text, string? Url = null, IReadOnlyList<int>? Numbers = null)
{
    public static Inline T(string text) => new(InlineKind.Text, text);
    public static Inline B(string text) => new(InlineKind.Strong, text);
    public static Inline C(string text) => new(InlineKind.Code, text);
}

/// <summary>A block of a brief; the Markdown and HTML writers render the same blocks.</summary>
public abstract record Block;

public sealed record Heading(int Level, string Text) : Block;

public sealed record Paragraph(IReadOnlyList<Inline> Content) : Block;

public sealed record Bullets(IReadOnlyList<IReadOnlyList<Inline>> Items) : Block;

public sealed record Table(IReadOnlyList<string> Header, IReadOnlyList<IReadOnlyList<IReadOnlyList<Inline>>> Rows) : Block;

public sealed record Quote(string Text) : Block;

/// <summary>
/// A brief laid out: title, blocks, and the references numbered in order of first citation. Built once,
/// rendered as Markdown (<see cref="BriefMarkdown"/>) and HTML (<see cref="BriefHtml"/>), so both say the same.
/// </summary>
public sealed class BriefDocument(string title)
{
    private readonly List<BriefReference> _references = [];

    public string Title { get; } = title;
    public List<Block> Blocks { get; } = [];
    public IReadOnlyList<BriefReference> References => _references;

    /// <summary>The numbers of <paramref name="refs"/> (1-based), adding those not yet cited.</summary>
    public Inline Cite(IEnumerable<BriefReference> refs)
    {
        var numbers = new List<int>();
        foreach (var r in refs)
        {
            var i = _references.IndexOf(r);
            if (i < 0)
            {
                _references.Add(r);
                i = _references.Count - 1;
            }
            if (!numbers.Contains(i + 1)) numbers.Add(i + 1);
        }
        numbers.Sort();
        return new Inline(InlineKind.References, "", Numbers: numbers);
    }
}
