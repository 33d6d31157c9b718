namespace Segur.Engine.Documents;

/// <summary>
/// A kind of YAML document and the JSON Schema (draft 2020-12) of <c>legislation/schemas/</c> that gives its
/// shape: known keys, types of values, lists without empty items. What a value means (a real date, a cited
/// text that exists, a field of the profile vocabulary) is checked afterwards by the loader of the kind.
/// </summary>
public sealed record DocumentKind(string Name, string Schema)
{
    public static readonly DocumentKind Manifest = new("manifeste", "legislation.schema.json");
    public static readonly DocumentKind Texts = new("catalogue de textes", "textes.schema.json");
    public static readonly DocumentKind Labels = new("libellés du vocabulaire", "libelles.schema.json");
    public static readonly DocumentKind Lists = new("listes", "listes.schema.json");
    public static readonly DocumentKind Parameters = new("paramètres", "parametres.schema.json");
    public static readonly DocumentKind Measure = new("mesure", "mesure.schema.json");
    public static readonly DocumentKind Exclusions = new("exclusions", "exclusions.schema.json");
    public static readonly DocumentKind Uncertainties = new("questions ouvertes", "incertitudes.schema.json");
    public static readonly DocumentKind Implications = new("implications", "implications.schema.json");
    public static readonly DocumentKind Informations = new("informations", "informations.schema.json");
    public static readonly DocumentKind ProrationScheme = new("proratisation", "proratisation.schema.json");
    public static readonly DocumentKind Estimations = new("estimations", "estimations.schema.json");
    public static readonly DocumentKind Reform = new("réforme", "reforme.schema.json");
    public static readonly DocumentKind Grids = new("grilles", "grilles.schema.json");
    public static readonly DocumentKind Cases = new("cas juridiques", "cas.schema.json");
    public static readonly DocumentKind Claims = new("affirmations des questions", "affirmations.schema.json");
    public static readonly DocumentKind QuestionVocabulary = new("vocabulaire des questions", "vocabulaire.schema.json");

    /// <summary>Every kind, in the order the schemas are documented.</summary>
    public static IReadOnlyList<DocumentKind> All { get; } =
        [Manifest, Texts, Labels, Lists, Parameters, Measure, Exclusions, Uncertainties, Implications, Informations, ProrationScheme, Estimations, Reform, Grids, Claims, Cases, QuestionVocabulary];
}
