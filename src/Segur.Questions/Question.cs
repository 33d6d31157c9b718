namespace Segur.Questions;

/// <summary>Where a question was read from.</summary>
public enum QuestionFormat
{
    /// <summary>The published page as text or markdown (« Texte de la question », « Données clés »).</summary>
    Text,

    /// <summary>The Assemblée nationale open-data JSON (root object <c>question</c>).</summary>
    OpenData,
}

/// <summary>A dated event of the question's life (signalement, renouvellement, changement d'attribution, retrait, clôture).</summary>
public sealed record QuestionEvent(string Label, DateOnly Date, string? Detail = null);

/// <summary>
/// One parliamentary question as published: identification, author, ministries, the two JO publications
/// and the texts. Every field the format always carries is required by the parser; a field that a source
/// does not carry (the author's name in the open data) is null and explained in <see cref="Notes"/>.
/// </summary>
public sealed record Question
{
    /// <summary>File (or other origin) the question was read from, as given to the parser.</summary>
    public required string Origin { get; init; }

    public required QuestionFormat Format { get; init; }

    /// <summary>Chamber: « AN » (Assemblée nationale) or « Senat » (Sénat).</summary>
    public string Chamber { get; init; } = "AN";

    /// <summary>QE (question écrite), QOSD (orale sans débat) or QG (au Gouvernement).</summary>
    public required string? Type { get; init; }

    /// <summary>Legislature; always known at the Assemblée nationale, null for a Sénat page that does not print it.</summary>
    public required int? Legislature { get; init; }

    /// <summary>Number; always known at the Assemblée nationale, null for a Sénat page that does not print it.</summary>
    public required int? Number { get; init; }

    /// <summary>
    /// The key of a question across sources: the AN open-data identifier <c>QANR5L{legislature}{type}{numero}</c>;
    /// for the Sénat <c>SENAT-L{legislature}-QE{numero}</c> (legislature left out when unknown, and, without a
    /// number, the publication date and the author's name).
    /// </summary>
    public string Uid => Chamber == "Senat"
        ? "SENAT" + (Legislature is { } l ? $"-L{l}" : "") + $"-{Type ?? "Q"}" + (Number is { } n ? n.ToString("D5", System.Globalization.CultureInfo.InvariantCulture) : $"-{QuestionDate:yyyyMMdd}-{Slug(Author)}")
        : Legislature is { } leg && Number is { } num ? $"QANR5L{leg}{Type ?? "QE"}{num}"
        : $"AN-{Type ?? "Q"}-" + (Number is { } nn ? nn.ToString(System.Globalization.CultureInfo.InvariantCulture) : $"{QuestionDate:yyyyMMdd}-{Slug(Author)}");

    /// <summary>Title (« analyse » of the AN); empty when the page carries none (some Sénat copies).</summary>
    public required string Title { get; init; }

    /// <summary>Civility and name (« Mme Sandrine Nosbé »); null when the source does not carry it (open data).</summary>
    public string? Author { get; init; }

    /// <summary>Open-data reference of the author (<c>PA…</c>), when known.</summary>
    public string? AuthorRef { get; init; }

    /// <summary>« Isère (9e circonscription) »; null when the source does not carry it (open data).</summary>
    public string? Constituency { get; init; }

    public string? Departement { get; init; }
    public int? ConstituencyNumber { get; init; }

    /// <summary>Political group, long form (« La France insoumise - Nouveau Front Populaire »).</summary>
    public string? Group { get; init; }

    /// <summary>Rubrique; always known at the Assemblée nationale, null at the Sénat (its pages carry none).</summary>
    public required string? Rubrique { get; init; }

    /// <summary>Ministry asked; null at the Sénat, whose pages name it only in the text.</summary>
    public required string? MinistryAsked { get; init; }

    /// <summary>Ministry the question is assigned to (« attributaire », « répondant », Sénat « transmise au »): the last one; null when a Sénat page names none.</summary>
    public required string? MinistryAssigned { get; init; }

    /// <summary>Publication of the question in the JO; null when a copy (a mirror page) does not carry it.</summary>
    public required DateOnly? QuestionDate { get; init; }
    public int? QuestionPage { get; init; }

    /// <summary>The publication date in words, or « date non indiquée par la page ».</summary>
    public string QuestionDateText => QuestionDate is { } d ? Segur.Engine.Format.Date(d) : "date non indiquée par la page";
    public DateOnly? AnswerDate { get; init; }
    public int? AnswerPage { get; init; }

    /// <summary>The question text, paragraphs separated by a blank line.</summary>
    public required string QuestionText { get; init; }

    /// <summary>The minister's answer, or null when none is published.</summary>
    public string? AnswerText { get; init; }

    public IReadOnlyList<QuestionEvent> Events { get; init; } = [];

    /// <summary>Key data the parser read but has no field for (label → value), kept rather than dropped.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> OtherData { get; init; } = [];

    /// <summary>French remarks on how the document was read (repairs, fields the source lacks).</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];

    /// <summary>« Question écrite n° 12835 (17e législature) », « Question écrite n° 5294 du Sénat (16e législature) ».</summary>
    public string Reference =>
        TypeLabel(Type) + (Number is { } n ? $" n° {n}" : "") + (Chamber == "Senat" ? " du Sénat" : "") + (Number is null && QuestionDate is { } qd ? $" publiée le {qd:dd/MM/yyyy}" : "")
        + (Legislature is { } l ? $" ({l}e législature)" : "");

    private static string Slug(string? name)
    {
        var folded = FrenchText.Fold(name ?? "auteur-inconnu");
        var chars = folded.Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-').ToArray();
        return string.Join('-', new string(chars).Split('-', StringSplitOptions.RemoveEmptyEntries));
    }

    public static string TypeLabel(string? type) => type switch
    {
        "QE" => "Question écrite",
        "QOSD" => "Question orale sans débat",
        "QG" => "Question au Gouvernement",
        _ => "Question",
    };
}
