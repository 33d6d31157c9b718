using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Segur.Web.Api;

// The answers of the API as types: the OpenAPI document is generated from them, and the endpoints
// build them, so the document says what is sent. Member names are written in snake case (« publie_le »).

/// <summary>A text cited for a rule, a value or a measure, with the article when one is named.</summary>
public sealed record Reference(string Texte, string Titre, string? Article, string? PublieLe, string? Url);

/// <summary>A legal text of <c>references*.yaml</c>.</summary>
public sealed record Texte(string Id, string Titre, string? Nature, string? Date, string? PublieLe, string? Publication, string? Url, string VerifieLe, string Confiance, string? Note);

/// <summary>A criterion of a measure: a condition, or all / one of its sub-criteria.</summary>
public sealed record Critere(string? Id, string Libelle, string Type, string? Condition, string? Du, string? Au, string Confiance, string? Note,
    IReadOnlyList<Reference> References, IReadOnlyList<Critere> SousCriteres);

/// <summary>How a measure's amount is fixed: points and the point value, euros, or unknown (with why).</summary>
public sealed record Montant(
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Points,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? ValeurDuPoint,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Euros,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Inconnu);

/// <summary>An exclusion of a measure.</summary>
public sealed record Exclusion(string Id, string Intitule, string Condition, IReadOnlyList<Reference> References);

/// <summary>A measure; <c>criteres</c> and <c>exclusions</c> are given for one measure, null in the list.</summary>
public sealed record Mesure(string Id, string Intitule, string Famille, string? Description, string Du, string? Au, Reference InstituePar,
    IReadOnlyList<Reference> References, IReadOnlyList<string> CedeA, string Proratisation, Montant Montant, string Confiance, string? Note,
    IReadOnlyList<Critere>? Criteres, IReadOnlyList<Exclusion>? Exclusions);

/// <summary>A dated value of a parameter, with its text.</summary>
public sealed record ValeurDatee(string Du, string? Au, decimal Valeur, string Confiance, string? Note, Reference Reference);

/// <summary>A parameter of <c>parameters/</c> and its dated values.</summary>
public sealed record Parametre(string Id, string Intitule, string? Unite, string? Description, string Fichier, IReadOnlyList<ValeurDatee> Valeurs);

/// <summary>What a legal case expects.</summary>
public sealed record Attendu(bool Eligible, string? Mesure, decimal? MontantBrut, IReadOnlyList<string> Motifs, bool Incertain);

/// <summary>A legal case of <c>legislation/cases/</c>.</summary>
public sealed record Cas(string Id, string Titre, string Fichier, int Ligne, string Mois, string? DroitAu, Attendu Attendu, string Raison,
    string Confiance, IReadOnlyList<string> Sources, JsonObject Profil);

/// <summary>A reform scenario shipped with segur.</summary>
public sealed record Reforme(string Id, string Intitule, string Fichier, string Yaml);

/// <summary>The law the server runs on.</summary>
public sealed record VersionLegislation(string Version, string Empreinte);

/// <summary>The server's state.</summary>
public sealed record Sante(string Etat, VersionLegislation Legislation, string Stockage, int VersionSchema);

/// <summary>An uploaded workforce file: its id, for <c>POST /api/simulations</c>.</summary>
public sealed record Televersement(string Id, string? Nom);

/// <summary>A saved run: where to read it.</summary>
public sealed record CalculCree(long Id, string Url, string Page);

/// <summary>The reform of a saved run.</summary>
public sealed record ReformeEnregistree(string? Id, string? Intitule, string? Empreinte, string? Yaml);

/// <summary>Beneficiaries and cost of one measure in a saved run, for the law in force or the reform.</summary>
public sealed record LigneMesure(string Scenario, string Mesure, string Intitule, long Beneficiaires, decimal CoutBrut, decimal CotisationsEmployeur);

/// <summary>A saved run; <c>mesures</c>, the reform's YAML and <c>synthese</c> are given for one run, null in the list.</summary>
public sealed record Calcul(long Id, string Titre, string CreeLe, VersionLegislation Legislation, ReformeEnregistree? Reforme, string Population,
    string Periode, string? DroitAu, long Lignes, long Beneficiaires, long BeneficiairesReforme, long NouveauxBeneficiaires,
    decimal CoutBrut, decimal CoutBrutReforme, decimal Difference, decimal Rappels, decimal CotisationsEmployeur,
    IReadOnlyList<LigneMesure>? Mesures, JsonObject? Synthese);
