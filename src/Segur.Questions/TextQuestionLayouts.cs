using System.Text.RegularExpressions;

namespace Segur.Questions;

/// <summary>
/// What the text readers share about the published layouts: the list of accepted layouts quoted in errors,
/// the key-data labels recognised without a « Données clés » heading, the event lines and the page clutter
/// a browser copy carries (« partager », « Page mise à jour le »).
/// </summary>
internal static partial class Layouts
{
    /// <summary>The layouts accepted, as quoted at the end of a reading error.</summary>
    public const string Accepted =
        "mises en page acceptées : page actuelle de l'Assemblée nationale (« Question écrite n° … », « Question de : … », "
        + "données clés avec ou sans titre « Données clés »), page ancienne de l'Assemblée nationale (jusqu'à la 16e législature : "
        + "« Question N° … », « de M. … (Groupe - Département) », « Ministère interrogé > … », « Question publiée au JO le : … page : … »), "
        + "page du Sénat (« Question écrite n° … de M. … (Département - Groupe) publiée dans le JO Sénat du … - page … ») "
        + "et données ouvertes JSON de l'Assemblée nationale ({\"question\": {…}})";

    /// <summary>Folded key-data labels recognised anywhere in an AN page.</summary>
    private static readonly HashSet<string> KeyLabels = new(StringComparer.Ordinal)
    {
        "auteur", "circonscription", "type de question", "numero de la question", "rubrique", "tete d'analyse", "analyse",
        "ministere interroge", "ministere attributaire", "ministere repondant", "question publiee au jo le", "question publiee le",
        "reponse publiee au jo le", "reponse publiee le", "date de changement d'attribution", "date de signalement",
        "date de renouvellement", "question retiree le", "date de cloture", "question caduque le", "date de caducite", "date",
    };

    /// <summary>Event lines (folded start, event label) read in the header or in the key data.</summary>
    public static readonly IReadOnlyList<(string Start, string Label)> EventLines =
    [
        ("question signalee le", "Question signalée"),
        ("question retiree le", "Question retirée"),
        ("question caduque le", "Question caduque"),
        ("question renouvelee le", "Question renouvelée"),
        ("date de changement d'attribution", "Changement d'attribution"),
    ];

    private static readonly HashSet<string> Clutter = new(StringComparer.Ordinal)
    {
        "partager", "imprimer", "haut de page", "retour en haut de page", "version pdf", "envoyer par mail", "facebook", "twitter",
        "x", "linkedin", "copier le lien", "suivre", "plan du site", "partager sur", "comments", "commentaires", "inscription",
        "ou", "connexion", "email", "par email", "par e-mail", "reponse", "la question est caduque", "en attente de reponse",
    };

    private static readonly string[] ClutterStarts =
    [
        "page mise a jour le", "aucun commentaire n'a encore ete formule", "pour voir la reponse", "photo de ",
        "cette question n'a pas encore de reponse", "etre alerte lorsque cette", "question aura une reponse",
    ];

    /// <summary>A line of page furniture a browser copy carries; never part of a question.</summary>
    public static bool IsClutter(string folded) =>
        Clutter.Contains(folded.TrimEnd('|', ' ', '.')) || ClutterStarts.Any(c => folded.StartsWith(c, StringComparison.Ordinal))
        || Signature().IsMatch(folded);

    /// <summary>
    /// Whether a page read as an AN page names the Sénat: an address of the Sénat or of its mirror (senat.fr,
    /// nossenateurs.fr), « JO Sénat », a signature « … Sénatrice de la Charente », or an answer to « Mme la sénatrice ».
    /// </summary>
    public static bool NamesSenat(IEnumerable<string> cleanLines) => cleanLines.Select(FrenchText.Fold).Any(f =>
        f.Contains("senat.fr", StringComparison.Ordinal) || f.Contains("nossenateurs", StringComparison.Ordinal) || f.Contains("jo senat", StringComparison.Ordinal)
        || SenatorSignature().IsMatch(f) || f.Contains("m. le senateur", StringComparison.Ordinal) || f.Contains("mme la senatrice", StringComparison.Ordinal));

    [GeneratedRegex(@"^[\p{L}' .\-]{3,60}\s(?:senateur|senatrice)\s(?:de|du|des|de la|d')\s?[\p{L}' \-]{2,40}$")]
    private static partial Regex SenatorSignature();

    /// <summary>A mirror's signature line: « Roger Chudeau Député du Loir-et-Cher ».</summary>
    [GeneratedRegex(@"^[\p{L}' .\-]{3,60}\s(?:depute|deputee|senateur|senatrice)\s(?:de|du|des|de la|d')\s?[\p{L}' \-]{2,40}$")]
    private static partial Regex Signature();

    /// <summary>
    /// Lines a page may end on or carry near its end (folded, as written): a last line that only begins one of them
    /// (« Fi » for « Fin de mandat ») was cut by the copy.
    /// </summary>
    private static readonly (string Folded, string Written)[] KnownLines =
    [
        ("fin de mandat", "Fin de mandat"), ("page mise a jour le", "Page mise à jour le"), ("donnees cles", "Données clés"),
        ("texte de la question", "Texte de la question"), ("texte de la reponse", "Texte de la réponse"),
        ("aucun commentaire n'a encore ete formule sur cette question.", "Aucun commentaire n'a encore été formulé sur cette question."),
        ("transmise au ministere", "Transmise au Ministère …"), ("reponse du ministere", "Réponse du Ministère …"),
        ("en attente de reponse du ministere", "En attente de réponse du Ministère …"), ("question de", "Question de : …"),
        ("date de cloture", "Date de cloture"), ("question publiee le", "Question publiée le …"), ("reponse publiee le", "Réponse publiée le …"),
        ("ministere interroge", "Ministère interrogé"), ("ministere attributaire", "Ministère attributaire"), ("ministere repondant", "Ministère répondant"),
        ("type de question", "Type de question"), ("rubrique", "Rubrique"), ("auteur", "Auteur"), ("question retiree le", "Question retirée le"),
        ("question caduque le", "Question caduque le"), ("date de signalement", "Date de signalement"),
        ("date de changement d'attribution", "Date de changement d'attribution"),
    ];

    /// <summary>Labels that need a value, on their line or the next: a page cannot end on one of them.</summary>
    private static readonly HashSet<string> ValueLabels = new(KeyLabels.Where(l => l != "analyse" && l != "tete d'analyse"), StringComparer.Ordinal)
    {
        "transmise au ministere", "transmise au", "transmise a", "reponse du ministere", "en attente de reponse du ministere", "question de",
    };

    /// <summary>
    /// Whether the copy stops inside its last line: a line that only begins a known line of the layouts (« Fi »,
    /// beginning of « Fin de mandat »), or a label awaiting its value (« Transmise au Ministère » with no ministry,
    /// « Date de cloture : » with no date). Returns the French problem, or null for a page that ends well.
    /// </summary>
    public static string? CutLastLine(IEnumerable<string> cleanLines)
    {
        var last = cleanLines.LastOrDefault(l => l.Trim().Length > 0)?.Trim();
        if (last is null) return null;
        var folded = FrenchText.Fold(last).TrimEnd(' ');
        var bare = folded.TrimEnd(':', ' ');
        if (ValueLabels.Contains(bare))
            return $"page tronquée : la dernière ligne « {last} » s'arrête avant sa valeur ; manque la fin de la page (valeur de « {last.TrimEnd(':', ' ')} » et ce qui suit)";
        if (bare.Length == 0 || bare.Length > 30 || folded.EndsWith('.') || KnownLines.Any(k => k.Folded == folded || k.Folded == bare)) return null;
        var begun = KnownLines.FirstOrDefault(k => k.Folded.StartsWith(bare, StringComparison.Ordinal));
        return begun.Folded is null ? null
            : $"page tronquée : la dernière ligne « {last} » est coupée (début de « {begun.Written} ») ; manque la fin de la page";
    }

    /// <summary>Whether a label (as written) is a key-data label of an AN page.</summary>
    public static bool IsKeyLabel(string label) => KeyLabels.Contains(FrenchText.Fold(label).Trim());

    /// <summary>« Libellé : valeur » or « Libellé > valeur » (older AN page), or null.</summary>
    public static (string Label, string Value, bool Arrow)? KeyDataLine(string clean)
    {
        var arrow = ArrowLine().Match(clean);
        if (arrow.Success && IsKeyLabel(arrow.Groups[1].Value)) return (arrow.Groups[1].Value.Trim(), arrow.Groups[2].Value.Trim(), true);
        var colon = ColonLine().Match(clean);
        if (colon.Success) return (colon.Groups[1].Value.Trim(), colon.Groups[2].Value.Trim(), false);
        return null;
    }

    [GeneratedRegex(@"^([^>:]{2,60}?)\s*>\s*(.*)$")]
    private static partial Regex ArrowLine();

    [GeneratedRegex(@"^([^:]{2,60}?)\s*:\s*(.*)$")]
    private static partial Regex ColonLine();
}
