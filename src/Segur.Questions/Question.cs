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

    /// <summary>Chamber: always « AN » for now (Assemblée nationale).</summary>
    public string Chamber { get; init; } = "AN";

    /// <summary>QE (question écrite), QOSD (orale sans débat) or QG (au Gouvernement).</summary>
    public required string Type { get; init; }

    public required int Legislature { get; init; }
    public required int Number { get; init; }

    /// <summary>The open-data identifier, <c>QANR5L{legislature}{type}{numero}</c>: the key of a question across sources.</summary>
    public string Uid => $"QANR5L{Legislature}{Type}{Number}";

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

    public required string Rubrique { get; init; }
    public required string MinistryAsked { get; init; }

    /// <summary>Ministry the question is assigned to (« attributaire » or « répondant »): the last one.</summary>
    public required string MinistryAssigned { get; init; }

    public required DateOnly QuestionDate { get; init; }
    public int? QuestionPage { get; init; }
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

    /// <summary>« Question écrite n° 12835 (17e législature) ».</summary>
    public string Reference => $"{TypeLabel(Type)} n° {Number} ({Legislature}e législature)";

    public static string TypeLabel(string type) => type switch
    {
        "QE" => "Question écrite",
        "QOSD" => "Question orale sans débat",
        "QG" => "Question au Gouvernement",
        _ => "Question",
    };
}
