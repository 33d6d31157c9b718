namespace Segur.Web.Api;

/// <summary>
/// The OpenAPI components of the answer of <c>POST /api/verifier</c> (docs/sortie-json.md): <c>Verification</c>, the compact
/// contract 2 (the default) and the pieces it is made of; <c>VerificationContrat1</c>, the old form of <c>?contrat=1</c>.
/// </summary>
internal static class VerificationSchemas
{
    /// <summary>Component name → schema (JSON text), in the order they are added to the document.</summary>
    public static IEnumerable<(string Name, string Json)> All =>
        new (string, string)[]
        {
            ("Verification", Root), ("TrancheVerification", Run), ("CitationTexte", Citation), ("TexteCite", CitedText),
            ("Fondement", Ground), ("MesureExpliquee", Measure), ("CritereEvalue", Criterion), ("RappelVerification", Arrears),
            ("VerificationContrat1", Version1),
        }.Select(s => (s.Item1, Expand(s.Item2)));

    // The small schemas used everywhere, written once (« @Money@ » in a schema text).
    private static string Expand(string json) => json.Replace("@Money@", Money).Replace("@Grade@", Grade).Replace("@Month@", Month)
        .Replace("@Ids@", Ids).Replace("@Cites@", Cites);

    private const string Root = """
        {"type": "object", "description": "Contrat 2 (par défaut) : exactement le JSON de « segur verifier --format json --explication … » (docs/sortie-json.md). Avec ?contrat=1 : VerificationContrat1.",
         "required": ["version", "explication", "profil", "periode", "droit_au", "legislation", "total_brut", "total_brut_au_moins", "mois_montant_inconnu", "mois", "rappel", "textes"],
         "properties": {
           "version": {"type": "integer", "const": 2},
           "explication": {"type": "string", "enum": ["aucune", "resume", "complete"]},
           "profil": {"type": "object", "required": ["id"], "properties": {"id": {"type": ["string", "null"]}}},
           "periode": {"$ref": "#/components/schemas/Periode"},
           "droit_au": {"type": ["string", "null"], "format": "date"},
           "legislation": {"$ref": "#/components/schemas/VersionLegislation"},
           "total_brut": {"type": ["number", "null"]},
           "total_brut_au_moins": {"type": "number"},
           "mois_montant_inconnu": {"type": "integer", "minimum": 0},
           "mois": {"type": "array", "minItems": 1, "items": {"$ref": "#/components/schemas/TrancheVerification"}},
           "rappel": {"anyOf": [{"$ref": "#/components/schemas/RappelVerification"}, {"type": "null"}]},
           "textes": {"type": "object", "description": "Chaque texte cité, une fois, par son id, dans l'ordre de première citation.", "additionalProperties": {"$ref": "#/components/schemas/TexteCite"}}}}
        """;

    private const string Money = """{"type": ["number", "null"]}""";
    private const string Grade = """{"type": "string", "enum": ["H", "M", "L"]}""";
    private const string Month = """{"type": "string", "pattern": "^[0-9]{4}-[0-9]{2}$"}""";
    private const string Ids = """{"type": "array", "items": {"type": "string"}}""";
    private const string Cites = """{"type": "array", "items": {"$ref": "#/components/schemas/CitationTexte"}}""";

    private const string Run = """
        {"type": "object", "description": "Une tranche de mois consécutifs au contenu identique ; montants par mois. Les clés après « confiance » selon le niveau d'explication.",
         "required": ["du", "au", "eligible", "montant_brut", "montant_net_estime", "mesures_retenues", "incertain", "confiance"],
         "properties": {
           "du": @Month@, "au": @Month@,
           "motif_decisif": {"type": "string", "description": "Niveaux resume et complete : la décision en une ou deux phrases."},
           "eligible": {"type": "boolean"},
           "montant_brut": @Money@, "montant_net_estime": @Money@,
           "mesures_retenues": @Ids@,
           "incertain": {"type": "boolean"}, "confiance": @Grade@,
           "base_estimation_net": {"type": ["string", "null"]},
           "mesure_la_plus_proche": {"type": ["string", "null"]},
           "fondements": {"type": "array", "items": {"$ref": "#/components/schemas/Fondement"}},
           "incertitudes": {"type": "array", "items": {"type": "object", "required": ["id", "intitule", "note", "confiance", "textes"],
             "properties": {"id": {"type": "string"}, "intitule": {"type": "string"}, "note": {"type": "string"}, "confiance": @Grade@, "textes": @Cites@}}},
           "exclusions": {"type": "array", "items": {"type": "object", "required": ["id", "intitule", "detail", "mesures", "textes"],
             "properties": {"id": {"type": "string"}, "intitule": {"type": "string"}, "detail": {"type": "string"}, "mesures": @Ids@, "textes": @Cites@}}},
           "informations": {"type": "array", "items": {"type": "object", "required": ["id", "intitule", "note", "textes"],
             "properties": {"id": {"type": "string"}, "intitule": {"type": "string"}, "note": {"type": ["string", "null"]}, "textes": @Cites@}}},
           "mesures": {"type": "array", "description": "Niveau complete seulement.", "items": {"$ref": "#/components/schemas/MesureExpliquee"}}}}
        """;

    private const string Citation = """
        {"type": "object", "description": "Un texte cité : son id dans la table « textes » de la racine, et l'article quand il est nommé.", "required": ["id"],
         "properties": {"id": {"type": "string"}, "article": {"type": "string"}}}
        """;

    private const string CitedText = """
        {"type": "object", "required": ["titre", "nature", "publie_le", "url", "confiance"],
         "properties": {"titre": {"type": "string"}, "nature": {"type": "string"}, "publie_le": {"type": ["string", "null"], "format": "date"},
           "url": {"type": "string"}, "confiance": {"type": "string", "enum": ["H", "M", "L"]}}}
        """;

    private const string Ground = """
        {"type": "object", "description": "Un élément typé du motif décisif.", "required": ["nature", "id", "libelle", "mesures", "champs", "textes"],
         "properties": {
           "nature": {"type": "string", "enum": ["mesure_due", "exclusion", "critere", "periode", "en_fonction", "information_manquante", "mesure_la_plus_proche"]},
           "id": {"type": "string"}, "libelle": {"type": "string"}, "mesures": @Ids@, "champs": @Ids@, "exclusions": @Ids@, "textes": @Cites@}}
        """;

    private const string Measure = """
        {"type": "object", "required": ["id", "intitule", "famille", "verdict", "montant_brut", "forme", "ecartee_par", "incertain", "confiance", "champs_manquants", "criteres", "calcul", "notes", "reserves"],
         "properties": {
           "id": {"type": "string"}, "intitule": {"type": "string"}, "famille": {"type": "string"},
           "verdict": {"type": "string", "enum": ["eligible", "non_eligible", "indetermine", "ecartee"]},
           "montant_brut": @Money@, "forme": {"type": ["string", "null"]}, "ecartee_par": {"type": ["string", "null"]},
           "incertain": {"type": "boolean"}, "confiance": @Grade@, "champs_manquants": @Ids@,
           "criteres": {"type": "array", "items": {"$ref": "#/components/schemas/CritereEvalue"}},
           "calcul": {"type": "array", "items": {"type": "object", "required": ["etape", "nature", "valeur", "textes"], "properties": {
             "etape": {"type": "string"},
             "nature": {"type": "string", "enum": ["temps_plein", "temps_de_travail", "mois_incomplet", "structures_eligibles", "traitement_maintenu", "montant"]},
             "valeur": {"type": "number"}, "textes": @Cites@}}},
           "notes": @Ids@,
           "reserves": {"type": "array", "items": {"type": "object", "required": ["confiance", "texte", "textes"],
             "properties": {"confiance": {"type": "string", "enum": ["M", "L"]}, "texte": {"type": "string"}, "textes": @Cites@}}}}}
        """;

    private const string Criterion = """
        {"type": "object", "description": "Un critère évalué ; detail, confiance (absente : H), note, textes et sous_criteres seulement quand ils ont une valeur.",
         "required": ["id", "libelle", "resultat"],
         "properties": {
           "id": {"type": ["string", "null"]}, "libelle": {"type": "string"},
           "resultat": {"type": "string", "enum": ["rempli", "non_rempli", "indetermine"]},
           "detail": {"type": "string"}, "confiance": @Grade@, "note": {"type": "string"}, "textes": @Cites@,
           "sous_criteres": {"type": "array", "items": {"$ref": "#/components/schemas/CritereEvalue"}}}}
        """;

    private const string Arrears = """
        {"type": "object", "description": "Avec « verse_depuis » : ce qui reste dû avant ce mois.",
         "required": ["verse_depuis", "mois", "total_brut", "total_brut_au_moins", "mois_montant_inconnu", "mois_incertains", "textes"],
         "properties": {
           "verse_depuis": @Month@,
           "mois": {"type": "array", "items": {"type": "object", "required": ["mois", "mesures", "montant_brut", "incertain"],
             "properties": {"mois": @Month@, "mesures": @Ids@, "montant_brut": @Money@, "incertain": {"type": "boolean"}}}},
           "total_brut": @Money@, "total_brut_au_moins": {"type": "number"},
           "mois_montant_inconnu": {"type": "integer"}, "mois_incertains": {"type": "integer"}, "textes": @Cites@}}
        """;

    private const string Version1 = """
        {"type": "object", "description": "Contrat 1, avec ?contrat=1 : exactement le JSON de « segur verifier --format json-v1 » (ancien, maintenu une version ; docs/sortie-json.md).",
         "required": ["profil", "periode", "droit_au", "legislation", "total_brut", "mois"],
         "not": {"required": ["version"]},
         "properties": {
           "profil": {"type": "object", "properties": {"id": {"type": ["string", "null"]}}},
           "periode": {"$ref": "#/components/schemas/Periode"},
           "droit_au": {"type": ["string", "null"], "format": "date"},
           "legislation": {"$ref": "#/components/schemas/VersionLegislation"},
           "total_brut": {"type": ["number", "null"]},
           "mois": {"type": "array", "items": {"type": "object", "required": ["mois", "eligible", "incertain", "confiance"], "properties": {
             "mois": {"type": "string", "pattern": "^[0-9]{4}-[0-9]{2}$"},
             "eligible": {"type": "boolean"},
             "montant_brut": {"type": ["number", "null"]},
             "mesures_retenues": {"type": "array", "items": {"type": "string"}},
             "mesure_la_plus_proche": {"type": ["string", "null"]},
             "incertain": {"type": "boolean"},
             "confiance": {"type": "string", "enum": ["H", "M", "L"]},
             "mesures": {"type": "array", "items": {"type": "object", "description": "Verdict, montant et critères d'une mesure (docs/sortie-json.md)."}}}}}}}
        """;
}
