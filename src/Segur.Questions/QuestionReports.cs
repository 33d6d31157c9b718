using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Segur.Engine;

namespace Segur.Questions;

/// <summary>
/// The JSON form of analysed questions (contract in docs/questions.md): one object per question, fixed key
/// order, ISO dates, null for what a question lacks (answer, page), UTF-8 without escaping accents.
/// </summary>
public static class QuestionJson
{
    public static readonly JsonWriterOptions Options = new() { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>One question as a JSON object; <paramref name="extra"/> may append more properties.</summary>
    public static void WriteQuestion(Utf8JsonWriter w, QuestionAnalysis a, Action<Utf8JsonWriter>? extra = null)
    {
        var q = a.Question;
        w.WriteStartObject();
        w.WriteString("uid", q.Uid);
        w.WriteString("chambre", q.Chamber);
        w.WriteString("type", q.Type);
        Num(w, "legislature", q.Legislature);
        Num(w, "numero", q.Number);
        w.WriteString("titre", q.Title);
        Str(w, "auteur", q.Author);
        Str(w, "auteur_ref", q.AuthorRef);
        Str(w, "circonscription", q.Constituency);
        Str(w, "departement", q.Departement);
        Num(w, "numero_circonscription", q.ConstituencyNumber);
        Str(w, "groupe", q.Group);
        Str(w, "rubrique", q.Rubrique);
        Str(w, "ministere_interroge", q.MinistryAsked);
        Str(w, "ministere_attributaire", q.MinistryAssigned);
        Str(w, "date_question", q.QuestionDate is { } qd ? Format.Iso(qd) : null);
        Num(w, "page_question", q.QuestionPage);
        Str(w, "date_reponse", q.AnswerDate is { } ad ? Format.Iso(ad) : null);
        Num(w, "page_reponse", q.AnswerPage);
        w.WriteStartArray("evenements");
        foreach (var e in q.Events)
        {
            w.WriteStartObject();
            w.WriteString("libelle", e.Label);
            w.WriteString("date", Format.Iso(e.Date));
            Str(w, "detail", e.Detail);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteStartObject("autres_donnees");
        foreach (var (k, v) in q.OtherData) w.WriteString(k, v);
        w.WriteEndObject();
        w.WriteStartArray("populations");
        foreach (var p in a.Populations)
        {
            w.WriteStartObject();
            w.WriteString("id", p.Definition.Id);
            w.WriteString("libelle", p.Definition.Label);
            w.WriteString("theme", p.Definition.Theme);
            Strings(w, "termes_reconnus", p.Terms);
            w.WriteString("extrait", p.Excerpt);
            w.WriteStartArray("profils");
            foreach (var prof in p.Definition.Profiles)
            {
                w.WriteStartObject();
                w.WriteString("libelle", prof.Label);
                w.WritePropertyName("profil");
                prof.Profile.WriteTo(w);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        }
        w.WriteEndArray();
        Demands(w, "demandes", a.Demands);
        Demands(w, "mentions", a.Mentions);
        w.WriteString("question", q.QuestionText);
        Str(w, "reponse", q.AnswerText);
        Strings(w, "notes", q.Notes);
        w.WriteStartObject("source");
        w.WriteString("fichier", q.Origin);
        w.WriteString("format", q.Format == QuestionFormat.Text ? "texte" : "donnees-ouvertes-an");
        w.WriteEndObject();
        extra?.Invoke(w);
        w.WriteEndObject();
    }

    /// <summary>The topics of a folder, each with its questions (uids) and near-identical clusters.</summary>
    public static void WriteGroups(Utf8JsonWriter w, IReadOnlyList<TopicGroup> groups, QuestionVocabulary vocabulary)
    {
        w.WriteStartObject();
        w.WriteStartObject("parametres");
        w.WriteNumber("taille_shingles", vocabulary.ShingleSize);
        w.WriteNumber("seuil_jaccard", vocabulary.SimilarityThreshold);
        w.WriteEndObject();
        w.WriteStartArray("groupes");
        foreach (var g in groups)
        {
            w.WriteStartObject();
            w.WriteString("theme", g.Key);
            w.WriteString("libelle", g.Label);
            Strings(w, "questions", g.Questions.Select(a => a.Question.Uid).ToList());
            w.WriteStartArray("quasi_identiques");
            foreach (var c in g.Clusters)
            {
                w.WriteStartObject();
                Strings(w, "questions", c.Questions.Select(a => a.Question.Uid).ToList());
                w.WriteStartArray("similarites");
                foreach (var p in c.Pairs)
                {
                    w.WriteStartObject();
                    w.WriteString("a", p.First.Question.Uid);
                    w.WriteString("b", p.Second.Question.Uid);
                    w.WriteNumber("jaccard", Math.Round(p.Similarity, 3));
                    w.WriteEndObject();
                }
                w.WriteEndArray();
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
    }

    /// <summary>One question as a JSON document (no extra properties).</summary>
    public static string Write(QuestionAnalysis a)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, Options)) WriteQuestion(w, a);
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static void Demands(Utf8JsonWriter w, string name, IReadOnlyList<DetectedDemand> demands)
    {
        w.WriteStartArray(name);
        foreach (var d in demands)
        {
            w.WriteStartObject();
            w.WriteString("id", d.Definition.Id);
            w.WriteString("libelle", d.Definition.Label);
            Strings(w, "termes_reconnus", d.Terms);
            w.WriteString("extrait", d.Excerpt);
            w.WriteEndObject();
        }
        w.WriteEndArray();
    }

    private static void Strings(Utf8JsonWriter w, string name, IReadOnlyList<string> values)
    {
        w.WriteStartArray(name);
        foreach (var v in values) w.WriteStringValue(v);
        w.WriteEndArray();
    }

    private static void Str(Utf8JsonWriter w, string name, string? value)
    {
        if (value is null) w.WriteNull(name); else w.WriteString(name, value);
    }

    private static void Num(Utf8JsonWriter w, string name, int? value)
    {
        if (value is null) w.WriteNull(name); else w.WriteNumber(name, value.Value);
    }
}

/// <summary>The French text form of analysed questions and of the topics of a folder.</summary>
public static class QuestionText
{
    /// <summary>Shown for a field the page does not carry (Sénat: rubrique, ministère interrogé).</summary>
    public const string Missing = "non indiqué par la page";

    /// <summary>Metadata, populations, demands, reading notes, then the texts; <paramref name="extra"/> is inserted before the texts.</summary>
    public static string Write(QuestionAnalysis a, Action<StringBuilder>? extra = null)
    {
        var q = a.Question;
        var sb = new StringBuilder();
        sb.Append(q.Reference).Append(" — ").AppendLine(q.Uid);
        sb.Append("Titre : ").AppendLine(q.Title);
        sb.Append("Auteur : ").Append(q.Author ?? (q.AuthorRef is null ? "inconnu" : $"référence {q.AuthorRef} (nom absent des données ouvertes)"));
        if ((q.Constituency ?? q.Departement) is { } place) sb.Append(" — ").Append(place);
        if (q.Group is not null) sb.Append(" — ").Append(q.Group);
        sb.AppendLine();
        sb.Append("Chambre : ").AppendLine(q.Chamber == "Senat" ? "Sénat" : "Assemblée nationale");
        sb.Append("Rubrique : ").AppendLine(q.Rubrique ?? Missing);
        sb.Append("Ministère interrogé : ").AppendLine(q.MinistryAsked ?? Missing);
        sb.Append("Ministère attributaire : ").AppendLine(q.MinistryAssigned ?? Missing);
        sb.Append("Question publiée au JO le ").Append(q.QuestionDateText).AppendLine(Page(q.QuestionPage));
        sb.AppendLine(q.AnswerDate is { } ad ? $"Réponse publiée au JO le {Format.Date(ad)}{Page(q.AnswerPage)}" : "Réponse : aucune réponse publiée");
        foreach (var e in q.Events) sb.Append(e.Label).Append(" le ").Append(Format.Date(e.Date)).AppendLine(e.Detail is null ? "" : $" ({e.Detail})");
        foreach (var (k, v) in q.OtherData) sb.Append(k).Append(" : ").AppendLine(v);
        sb.Append("Source : ").Append(q.Origin).AppendLine(q.Format == QuestionFormat.Text ? " (texte publié)" : q.Chamber == "Senat" ? " (données ouvertes du Sénat)" : " (données ouvertes de l'Assemblée nationale)");

        sb.AppendLine();
        if (a.Populations.Count == 0) sb.AppendLine("Populations visées : aucune reconnue par le vocabulaire.");
        else
        {
            sb.AppendLine("Populations visées :");
            foreach (var p in a.Populations)
            {
                sb.Append("  • ").Append(p.Definition.Id).Append(" — ").AppendLine(p.Definition.Label);
                sb.Append("      termes : ").AppendLine(Quoted(p.Terms));
            }
        }
        if (a.Demands.Count == 0) sb.AppendLine("Demandes : aucune reconnue par le vocabulaire.");
        else
        {
            sb.AppendLine("Demandes :");
            foreach (var d in a.Demands)
            {
                sb.Append("  • ").Append(d.Definition.Id).Append(" — ").Append(d.Definition.Label).Append(" (").Append(Quoted(d.Terms)).AppendLine(")");
                sb.Append("      « ").Append(Shorten(d.Excerpt, 220)).AppendLine(" »");
            }
        }
        if (a.Mentions.Count > 0)
            sb.Append("Évoqué sans être demandé : ").AppendLine(string.Join(", ", a.Mentions.Select(m => $"{m.Definition.Id} ({Quoted(m.Terms)})")));
        foreach (var n in q.Notes) sb.Append("Remarque de lecture : ").AppendLine(n);
        extra?.Invoke(sb);
        sb.AppendLine();
        sb.AppendLine("Texte de la question :");
        sb.AppendLine(q.QuestionText);
        if (q.AnswerText is not null)
        {
            sb.AppendLine();
            sb.AppendLine("Texte de la réponse :");
            sb.AppendLine(q.AnswerText);
        }
        return sb.ToString();
    }

    /// <summary>Topics of a folder with their questions, near-identical questions marked and shown together.</summary>
    public static string WriteGroups(IReadOnlyList<TopicGroup> groups, QuestionVocabulary vocabulary)
    {
        var sb = new StringBuilder();
        var total = groups.Sum(g => g.Questions.Count);
        sb.Append("Regroupement de ").Append(total).Append(total > 1 ? " questions" : " question").Append(" par thème (quasi identiques : similarité de Jaccard des suites de ")
          .Append(vocabulary.ShingleSize).Append(" mots ≥ ").Append(Decimal(vocabulary.SimilarityThreshold, "0.##")).AppendLine(")");
        foreach (var g in groups)
        {
            sb.AppendLine();
            sb.Append("── ").Append(g.Label).Append(" (").Append(g.Questions.Count).AppendLine(g.Questions.Count > 1 ? " questions) ──" : " question) ──");
            foreach (var a in g.Questions)
            {
                var cluster = g.Clusters.Select((c, i) => (c, i)).FirstOrDefault(x => x.c.Questions.Contains(a));
                var mark = cluster.c is null ? "  " : $"≈{cluster.i + 1}";
                var q = a.Question;
                sb.Append(mark).Append(' ').Append(q.Uid).Append("  ").Append(q.QuestionDateText).Append("  ").Append(q.Author ?? q.AuthorRef ?? "?")
                  .Append("  « ").Append(q.Title).Append(" »");
                if (a.Demands.Count > 0) sb.Append("  [").Append(string.Join(", ", a.Demands.Select(d => d.Definition.Id))).Append(']');
                sb.AppendLine();
            }
            for (var i = 0; i < g.Clusters.Count; i++)
            {
                var c = g.Clusters[i];
                sb.Append("  ≈").Append(i + 1).Append(" quasi identiques : ").AppendLine(string.Join(" ; ",
                    c.Pairs.Select(p => $"{p.First.Question.Uid} / {p.Second.Question.Uid} : {Decimal(p.Similarity, "0.00")}")));
            }
        }
        return sb.ToString();
    }

    private static string Decimal(double value, string format) => value.ToString(format, CultureInfo.InvariantCulture).Replace('.', ',');

    private static string Page(int? page) => page is null ? "" : $", page {page}";

    private static string Quoted(IEnumerable<string> terms) => string.Join(", ", terms.Select(t => $"« {t} »"));

    private static string Shorten(string s, int max) => s.Length <= max ? s : s[..(max - 1)].TrimEnd() + "…";
}
