namespace Segur.Engine.Law;

// Texts (references*.yaml, and the textes of a reform): the catalogue every citation points into.
public static partial class LegislationLoader
{
    private static readonly string[] Natures =
        ["loi", "ordonnance", "decret", "arrete", "accord", "recommandation_patronale", "decision_unilaterale", "protocole", "decision_justice", "page_officielle", "source_secondaire", "code", "circulaire", "scenario"];

    private static void LoadTexts(Context ctx, CatalogueDto dto)
    {
        if (dto.Texts is null || dto.Texts.Count == 0)
        {
            ctx.Error(dto.Line, "aucun texte ; attendu « textes: » suivi des textes cités");
            return;
        }
        foreach (var (id, t) in dto.Texts)
        {
            var where = $"texte « {id} »";
            var title = ctx.Text(t.Title, $"{where} : titre", t.Line);
            var nature = ctx.Text(t.Nature, $"{where} : nature", t.Line);
            if (nature is not null && !Natures.Contains(nature))
                ctx.Error(t.Line, $"{where} : nature « {nature} » inconnue ; attendu une de {string.Join(", ", Natures)}");
            var url = ctx.Text(t.Url, $"{where} : url", t.Line);
            if (url is not null && !url.StartsWith("http", StringComparison.Ordinal)) ctx.Error(t.Line, $"{where} : url « {url} » invalide ; attendu une adresse http(s)");
            var checkedOn = ctx.Date(t.CheckedOn, $"{where} : verifie_le", t.Line);
            var published = t.PublishedOn is null ? null : ctx.Date(t.PublishedOn, $"{where} : publie_le", t.Line);
            if (published is null && string.IsNullOrWhiteSpace(t.Publication))
                ctx.Error(t.Line, $"{where} : ni publie_le (date du Journal officiel) ni publication (texte non publié au JO, et pourquoi) ; attendu l'un des deux");
            var signed = t.Date is null ? null : ctx.Date(t.Date, $"{where} : date", t.Line);
            var confidence = ctx.Confidence(t.Confidence, where, t.Line);
            if (title is null || url is null || checkedOn is null) continue;
            if (ctx.Texts.ContainsKey(id))
            {
                ctx.Error(t.Line, $"{where} déjà défini dans un autre catalogue de textes");
                continue;
            }
            foreach (var extra in t.SeeAlso ?? [])
            {
                if (!extra.StartsWith("http", StringComparison.Ordinal)) ctx.Error(t.Line, $"{where} : voir_aussi « {extra} » invalide ; attendu une adresse http(s)");
            }
            ctx.Texts[id] = new LegalText(id, title, nature ?? "", signed, published, t.Publication, url, checkedOn.Value, confidence, t.Note) { SeeAlso = t.SeeAlso ?? [] };
        }
    }
}
