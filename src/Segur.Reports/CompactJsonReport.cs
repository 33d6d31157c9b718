using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Segur.Engine;
using Segur.Engine.Evaluation;
using Segur.Engine.Law;

namespace Segur.Reports;

/// <summary>How much of the explanation the compact JSON contract gives (<c>explication=</c>).</summary>
public enum ExplanationLevel
{
    /// <summary><c>aucune</c>: verdicts and amounts only.</summary>
    None,
    /// <summary><c>resume</c>: plus the decisive reason, its grounds, exclusions, open questions and informations.</summary>
    Summary,
    /// <summary><c>complete</c>: plus every relevant measure with its criteria, calculation and reservations.</summary>
    Full,
}

/// <summary>
/// Writes an evaluation as the compact JSON contract, version 2, of <c>docs/sortie-json.md</c>: each text cited
/// once in the root's <c>textes</c> table, referred to by id; consecutive months whose written content is the
/// same (verdict, amount, reasons, at the level asked) grouped in one run <c>du</c>..<c>au</c>. One line,
/// deterministic, UTF-8 without escaping of accented letters, written straight into the caller's buffer.
/// </summary>
public static class CompactJsonReport
{
    /// <summary>The contract's version number, written as the root's <c>version</c>.</summary>
    public const int Version = 2;

    internal static readonly JsonWriterOptions Options = new() { Indented = false, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, SkipValidation = true };

    /// <summary>The French name of a level, as <c>explication=</c> takes it.</summary>
    public static string Name(ExplanationLevel level) => level switch
    {
        ExplanationLevel.None => "aucune",
        ExplanationLevel.Full => "complete",
        _ => "resume",
    };

    /// <summary>Reads <c>aucune|resume|complete</c> (any case); null when the text is none of them.</summary>
    public static ExplanationLevel? Parse(string? text) => text?.Trim().ToLowerInvariant() switch
    {
        "aucune" => ExplanationLevel.None,
        "resume" or "résumé" => ExplanationLevel.Summary,
        "complete" or "complète" => ExplanationLevel.Full,
        _ => null,
    };

    /// <summary>The document as a string (tests, CLI).</summary>
    public static string Write(EvaluationResult r, ExplanationLevel level = ExplanationLevel.Summary, bool allMeasures = false)
    {
        var buffer = new ArrayBufferWriter<byte>(4096);
        Write(buffer, r, level, allMeasures);
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>Writes the document into <paramref name="output"/> (an HTTP response's pipe, a file's buffer).</summary>
    public static void Write(IBufferWriter<byte> output, EvaluationResult r, ExplanationLevel level = ExplanationLevel.Summary, bool allMeasures = false)
    {
        using var w = new Utf8JsonWriter(output, Options);
        var texts = new CitedTexts();
        w.WriteStartObject();
        w.WriteNumber("version", Version);
        w.WriteString("explication", Name(level));
        JsonReport.Header(w, r);
        JsonReport.Money(w, "total_brut", r.Total);
        JsonReport.Money(w, "total_brut_au_moins", r.TotalAtLeast);
        w.WriteNumber("mois_montant_inconnu", r.UnknownAmountMonths);
        w.WriteStartArray("mois");
        Runs(w, r, level, allMeasures, texts);
        w.WriteEndArray();
        Arrears(w, r, texts);
        w.WriteStartObject("textes");
        foreach (var t in texts.InOrder)
        {
            w.WriteStartObject(t.Id);
            w.WriteString("titre", t.Title);
            w.WriteString("nature", t.Nature);
            if (t.PublishedOn is { } p) w.WriteString("publie_le", Format.Iso(p)); else w.WriteNull("publie_le");
            w.WriteString("url", t.Url);
            w.WriteString("confiance", t.Confidence.ToString());
            w.WriteEndObject();
        }
        w.WriteEndObject();
        w.WriteEndObject();
    }

    /// <summary>
    /// Each month's content is written once into a scratch buffer; a month whose bytes equal the previous one's
    /// extends the run, otherwise the run is closed (<c>{"du", "au", …content}</c>, spliced as a raw value).
    /// </summary>
    private static void Runs(Utf8JsonWriter w, EvaluationResult r, ExplanationLevel level, bool all, CitedTexts texts)
    {
        var current = new ArrayBufferWriter<byte>(2048);
        var previous = new ArrayBufferWriter<byte>(2048);
        var run = new ArrayBufferWriter<byte>(2048);
        using var scratch = new Utf8JsonWriter(current, Options);
        var start = r.Months[0].Month;
        var end = start;
        for (var i = 0; i < r.Months.Count; i++)
        {
            var m = r.Months[i];
            current.ResetWrittenCount();
            scratch.Reset(current);
            CompactJsonMonth.Write(scratch, m, level, all, texts);
            scratch.Flush();
            if (i > 0 && current.WrittenSpan.SequenceEqual(previous.WrittenSpan))
            {
                end = m.Month;
                continue;
            }
            if (i > 0) Emit(w, run, start, end, previous.WrittenSpan);
            (current, previous) = (previous, current);
            start = end = m.Month;
        }
        Emit(w, run, start, end, previous.WrittenSpan);
    }

    private static void Emit(Utf8JsonWriter w, ArrayBufferWriter<byte> run, Engine.Time.YearMonth from, Engine.Time.YearMonth to, ReadOnlySpan<byte> body)
    {
        run.ResetWrittenCount();
        Append(run, $"{{\"du\":\"{from}\",\"au\":\"{to}\"");
        if (body.Length > 2) Append(run, ",");
        Segur.Reports.Runs.Restore(run, body[1..], from, to);
        w.WriteRawValue(run.WrittenSpan, skipInputValidation: true);
    }

    private static void Append(ArrayBufferWriter<byte> b, string ascii)
    {
        var n = Encoding.UTF8.GetBytes(ascii, b.GetSpan(ascii.Length * 3));
        b.Advance(n);
    }

    private static void Arrears(Utf8JsonWriter w, EvaluationResult r, CitedTexts texts) => JsonSummary.WriteArrears(w, r, texts.Writer);
}

/// <summary>The texts cited by a document, each once, in the order of their first citation.</summary>
internal sealed class CitedTexts
{
    private readonly HashSet<string> _seen = new(StringComparer.Ordinal);
    private readonly List<LegalText> _order = [];

    public CitedTexts() => Writer = (w, citations) => CompactJsonMonth.Refs(w, citations, this);

    public IReadOnlyList<LegalText> InOrder => _order;

    /// <summary>Writes citations by id and collects their texts (one delegate for the whole document).</summary>
    public CitationWriter Writer { get; }

    public void Add(LegalText t)
    {
        if (_seen.Add(t.Id)) _order.Add(t);
    }
}
