using System.Globalization;
using System.Text.Json.Nodes;
using Segur.Engine.Law;
using Segur.Engine.Profiles;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Segur.Questions;

/// <summary>
/// A word or phrase of the vocabulary, as written and as words. A term written entirely in capitals
/// (« CAF », « ESSMS ») is an acronym: it only matches the same capitals in the text.
/// </summary>
public sealed class Term
{
    public Term(string text)
    {
        Text = text;
        Tokens = FrenchText.Tokens(text);
        IsAcronym = text.Any(char.IsLetter) && !text.Any(char.IsLower);
    }

    public string Text { get; }
    public IReadOnlyList<Token> Tokens { get; }
    public bool IsAcronym { get; }

    /// <summary>True when the term's words start at <paramref name="at"/> in <paramref name="words"/>.</summary>
    public bool MatchesAt(IReadOnlyList<Token> words, int at)
    {
        if (at + Tokens.Count > words.Count) return false;
        for (var k = 0; k < Tokens.Count; k++)
        {
            var ok = IsAcronym
                ? string.Equals(words[at + k].Cased, Tokens[k].Cased, StringComparison.Ordinal)
                : string.Equals(words[at + k].Folded, Tokens[k].Folded, StringComparison.Ordinal);
            if (!ok) return false;
        }
        return true;
    }

    /// <summary>True when the term occurs anywhere in <paramref name="words"/>.</summary>
    public bool OccursIn(IReadOnlyList<Token> words) => IndexIn(words) >= 0;

    /// <summary>Index of the first word where the term occurs, or -1.</summary>
    public int IndexIn(IReadOnlyList<Token> words)
    {
        for (var i = 0; i + Tokens.Count <= words.Count; i++)
            if (MatchesAt(words, i)) return i;
        return -1;
    }

    /// <summary>The words of <paramref name="text"/> the term matched, as written there (« Caisses d'allocations familiales »), or null.</summary>
    public string? FoundIn(string text, IReadOnlyList<Token> words)
    {
        var i = IndexIn(words);
        return i < 0 ? null : text[words[i].Start..words[i + Tokens.Count - 1].End];
    }

    public override string ToString() => Text;
}

/// <summary>What a group of terms names: a profession, an organisme or a structure.</summary>
public enum TermGroupKind { Profession, Organisme, Structure }

/// <summary>A named list of terms: one profession, organisme or structure with its French variants and acronyms.</summary>
public sealed record TermGroup(string Id, string Label, TermGroupKind Kind, IReadOnlyList<Term> Terms);

/// <summary>A worker profile standing for a population, in the vocabulary of <c>legislation/profile.schema.json</c>.</summary>
public sealed record PopulationProfile(string Label, JsonObject Profile);

/// <summary>
/// The pay grids a question on a population may compare: the population's own grid (<see cref="From"/>)
/// and the public grids it is compared with (<see cref="To"/>), ids of <c>legislation/grids/</c>.
/// </summary>
public sealed record GridPair(string Label, string From, IReadOnlyList<string> To);

/// <summary>A population the questions ask about, how to recognise it, and the profiles that stand for it.</summary>
public sealed record PopulationDefinition(
    string Id,
    string Label,
    string Theme,
    IReadOnlyList<TermGroup> Professions,
    IReadOnlyList<TermGroup> Places,
    IReadOnlyList<string> ReplacedBy,
    IReadOnlyList<PopulationProfile> Profiles)
{
    /// <summary>
    /// The reform overlay that models the extension asked for this population, relative to the legislation
    /// folder (<c>reforms/extension-securite-sociale.yaml</c>); null when none is written.
    /// </summary>
    public string? Reform { get; init; }

    /// <summary>Strata of <c>legislation/populations/france.yaml</c> whose headcounts make the population's estimate.</summary>
    public IReadOnlyList<string> Strata { get; init; } = [];

    /// <summary>The grid comparison a question on this population may ask for, or null.</summary>
    public GridPair? Grids { get; init; }
}

/// <summary>A kind of request (extension, retroactivity...) and the terms that express it.</summary>
public sealed record DemandDefinition(string Id, string Label, IReadOnlyList<Term> Terms);

public sealed record Theme(string Id, string Label);

/// <summary>
/// The detection vocabulary of <c>legislation/questions/vocabulaire.yaml</c>: professions, organismes and
/// structures with their variants, populations (with their profiles), demands, sentence markers, and the
/// grouping parameters. Checked when loaded: unknown keys, missing or duplicate ids, dangling references and
/// empty lists are errors naming the file and the line.
/// </summary>
public sealed partial class QuestionVocabulary
{
    [System.Text.RegularExpressions.GeneratedRegex(@"^reforms/[a-z0-9][a-z0-9-]*\.yaml$")]
    private static partial System.Text.RegularExpressions.Regex ReformPath();

    private const string ResourceName = "questions/vocabulaire.yaml";

    public required string Origin { get; init; }
    public required int SentenceWindow { get; init; }
    public required int ShingleSize { get; init; }
    public required double SimilarityThreshold { get; init; }
    public required IReadOnlyList<Term> RequestMarkers { get; init; }
    public required IReadOnlyList<Term> BeneficiaryMarkers { get; init; }
    public required IReadOnlyList<Term> ExclusionMarkers { get; init; }
    public required IReadOnlyList<Theme> Themes { get; init; }
    public required IReadOnlyList<TermGroup> Groups { get; init; }
    public required IReadOnlyList<PopulationDefinition> Populations { get; init; }
    public required IReadOnlyList<DemandDefinition> Demands { get; init; }

    public Theme Theme(string id) => Themes.First(t => t.Id == id);

    /// <summary>The vocabulary shipped in this library (a copy of legislation/questions/vocabulaire.yaml).</summary>
    public static QuestionVocabulary Embedded()
    {
        using var stream = typeof(QuestionVocabulary).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"ressource {ResourceName} absente de Segur.Questions");
        using var reader = new StreamReader(stream);
        return Load(reader.ReadToEnd(), "legislation/questions/vocabulaire.yaml (intégré)");
    }

    public static QuestionVocabulary FromFile(string path)
    {
        if (!File.Exists(path)) throw new SegurException($"{path} : vocabulaire de détection introuvable");
        return Load(File.ReadAllText(path), path);
    }

    /// <summary>
    /// Checks that every stratum named by a population exists in <paramref name="model"/>; an unknown id is an
    /// error naming the population and listing the known ids.
    /// </summary>
    public void CheckStrata(Segur.Batch.PopulationModel model, string modelOrigin)
    {
        var known = model.Strata.Select(s => s.Id).ToHashSet(StringComparer.Ordinal);
        var errors = Populations.SelectMany(p => p.Strata.Where(s => !known.Contains(s))
                .Select(s => $"{Origin}, population {p.Id} : strate « {s} » inconnue de {modelOrigin} ; attendu un id parmi {string.Join(", ", model.Strata.Select(x => x.Id))}"))
            .ToList();
        if (errors.Count > 0) throw new SegurException(errors[0], errors.Skip(1).ToList());
    }

    /// <summary>
    /// Validates every population profile against the profile schema of <paramref name="law"/> and returns
    /// them read; a profile out of the schema is an error naming the population.
    /// </summary>
    public IReadOnlyDictionary<(string Population, int Index), Profile> CheckProfiles(Legislation law)
    {
        var reader = new ProfileReader(law);
        var result = new Dictionary<(string, int), Profile>();
        foreach (var p in Populations)
        {
            for (var i = 0; i < p.Profiles.Count; i++)
            {
                var obj = (JsonObject)p.Profiles[i].Profile.DeepClone();
                obj["id"] = p.Profiles.Count == 1 ? p.Id : $"{p.Id}#{i + 1}";
                result[(p.Id, i)] = reader.Read(obj, $"{Origin}, population {p.Id}, profil « {p.Profiles[i].Label} »");
            }
        }
        return result;
    }

    public static QuestionVocabulary Load(string yaml, string origin)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(yaml));
        }
        catch (YamlException e)
        {
            throw new SegurException($"{origin}, ligne {e.Start.Line}, colonne {e.Start.Column} : {Segur.Engine.Documents.YamlSyntax.Translate(e)}");
        }
        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root)
            throw new SegurException($"{origin} : attendu un objet YAML (clés version, populations, demandes…)");
        var r = new Reader(origin);
        r.Keys(root, "racine", "version", "fenetre_phrases", "regroupement", "marqueurs", "themes", "professions", "organismes", "structures", "populations", "demandes");

        var version = r.Int(root, "version", "racine", 1, 1);
        var window = r.Int(root, "fenetre_phrases", "racine", 0, 10);
        var grouping = r.Map(root, "regroupement", "racine");
        int shingle = 3;
        double threshold = 0.5;
        if (grouping is not null)
        {
            r.Keys(grouping, "regroupement", "taille_shingles", "seuil_jaccard");
            shingle = r.Int(grouping, "taille_shingles", "regroupement", 1, 10) ?? shingle;
            threshold = r.Number(grouping, "seuil_jaccard", "regroupement") ?? threshold;
        }
        var markers = r.Map(root, "marqueurs", "racine");
        List<Term> request = [], beneficiaries = [], exclusion = [];
        if (markers is not null)
        {
            r.Keys(markers, "marqueurs", "demande", "beneficiaires", "exclusion");
            request = r.Terms(markers, "demande", "marqueurs");
            beneficiaries = r.Terms(markers, "beneficiaires", "marqueurs", allowEmpty: true);
            exclusion = r.Terms(markers, "exclusion", "marqueurs", allowEmpty: true);
        }

        var themes = new List<Theme>();
        foreach (var (node, where) in r.Items(root, "themes"))
        {
            r.Keys(node, where, "id", "libelle");
            var id = r.Id(node, where, themes.Select(t => t.Id));
            var label = r.String(node, "libelle", where);
            if (id is not null && label is not null) themes.Add(new Theme(id, label));
        }

        var groups = new List<TermGroup>();
        foreach (var (section, kind) in new[] { ("professions", TermGroupKind.Profession), ("organismes", TermGroupKind.Organisme), ("structures", TermGroupKind.Structure) })
        {
            foreach (var (node, where) in r.Items(root, section))
            {
                r.Keys(node, where, "id", "libelle", "termes");
                var id = r.Id(node, where, groups.Where(g => (g.Kind == TermGroupKind.Profession) == (kind == TermGroupKind.Profession)).Select(g => g.Id));
                var label = r.String(node, "libelle", where);
                var terms = r.Terms(node, "termes", where);
                if (id is not null && label is not null) groups.Add(new TermGroup(id, label, kind, terms));
            }
        }

        var populations = new List<PopulationDefinition>();
        var replaced = new List<(string Where, int Line, string Id)>();
        foreach (var (node, where) in r.Items(root, "populations"))
        {
            r.Keys(node, where, "id", "libelle", "theme", "professions", "lieux", "remplacee_par", "profils", "reforme", "strates", "grilles");
            var id = r.Id(node, where, populations.Select(p => p.Id));
            var label = r.String(node, "libelle", where);
            var theme = r.String(node, "theme", where);
            if (theme is not null && themes.All(t => t.Id != theme))
                r.Error(node, $"{where} : thème « {theme} » inconnu ; attendu un id de « themes » ({string.Join(", ", themes.Select(t => t.Id))})");
            var professions = r.Refs(node, "professions", where, groups.Where(g => g.Kind == TermGroupKind.Profession).ToList(), "professions");
            var places = r.Refs(node, "lieux", where, groups.Where(g => g.Kind != TermGroupKind.Profession).ToList(), "organismes ou structures");
            if (professions.Count == 0 && places.Count == 0)
                r.Error(node, $"{where} : ni « professions » ni « lieux » ; attendu au moins l'une des deux listes pour reconnaître la population");
            var replacedBy = r.Strings(node, "remplacee_par", where, required: false);
            foreach (var x in replacedBy) replaced.Add((where, (int)node.Start.Line, x));
            var profiles = new List<PopulationProfile>();
            foreach (var (pn, pwhere) in r.Items(node, "profils", where))
            {
                r.Keys(pn, pwhere, "libelle", "profil");
                var plabel = r.String(pn, "libelle", pwhere);
                var profile = r.Map(pn, "profil", pwhere, required: true);
                if (plabel is not null && profile is not null)
                {
                    if (YamlJson.ToJson(profile) is JsonObject obj) profiles.Add(new PopulationProfile(plabel, obj));
                    else r.Error(pn, $"{pwhere} : profil illisible ; attendu un objet {{employeur: {{…}}, emploi: {{…}}}}");
                }
            }
            var reform = r.Optional(node, "reforme", where);
            if (reform is not null && !ReformPath().IsMatch(reform))
                r.Error(node, $"{where} : reforme « {reform} » invalide ; attendu un chemin relatif au dossier de législation, de la forme reforms/nom-du-scenario.yaml");
            var strata = r.Strings(node, "strates", where, required: false);
            foreach (var st in strata.Where(x => !x.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-')))
                r.Error(node, $"{where} : strate « {st} » invalide ; attendu un id de legislation/populations/france.yaml (ex. ss-caf-travailleurs-sociaux)");
            foreach (var dup in strata.GroupBy(x => x).Where(g => g.Count() > 1))
                r.Error(node, $"{where} : strate « {dup.Key} » en double");
            GridPair? grids = null;
            if (r.Map(node, "grilles", where) is { } gm)
            {
                var gwhere = $"{where}, grilles";
                r.Keys(gm, gwhere, "libelle", "de", "vers");
                var glabel = r.String(gm, "libelle", gwhere);
                var from = r.String(gm, "de", gwhere);
                var to = r.Strings(gm, "vers", gwhere, required: true);
                if (to.Count == 0 && gm.Children.ContainsKey(new YamlScalarNode("vers"))) r.Error(gm, $"{gwhere} : « vers » vide ; attendu au moins une grille de comparaison");
                if (glabel is not null && from is not null && to.Count > 0) grids = new GridPair(glabel, from, to);
            }
            if (id is not null && label is not null && theme is not null)
                populations.Add(new PopulationDefinition(id, label, theme, professions, places, replacedBy, profiles) { Reform = reform, Strata = strata, Grids = grids });
        }
        foreach (var (where, line, id) in replaced)
            if (populations.All(p => p.Id != id))
                r.Errors.Add($"{origin}, ligne {line} : {where} : remplacee_par « {id} » : population inconnue ; attendu un id de « populations »");

        var demands = new List<DemandDefinition>();
        foreach (var (node, where) in r.Items(root, "demandes"))
        {
            r.Keys(node, where, "id", "libelle", "termes");
            var id = r.Id(node, where, demands.Select(d => d.Id));
            var label = r.String(node, "libelle", where);
            var terms = r.Terms(node, "termes", where);
            if (id is not null && label is not null) demands.Add(new DemandDefinition(id, label, terms));
        }
        if (request.Count == 0) r.Errors.Add($"{origin} : marqueurs.demande vide ; attendu les mots qui portent une demande (demande, souhaite connaître…)");
        if (threshold is <= 0 or > 1) r.Errors.Add($"{origin} : regroupement.seuil_jaccard {threshold.ToString(CultureInfo.InvariantCulture)} hors bornes ; attendu un nombre entre 0 (exclu) et 1");

        if (r.Errors.Count > 0) throw new SegurException(r.Errors[0], r.Errors.Skip(1).ToList());
        _ = version;
        return new QuestionVocabulary
        {
            Origin = origin,
            SentenceWindow = window ?? 1,
            ShingleSize = shingle,
            SimilarityThreshold = threshold,
            RequestMarkers = request,
            BeneficiaryMarkers = beneficiaries,
            ExclusionMarkers = exclusion,
            Themes = themes,
            Groups = groups,
            Populations = populations,
            Demands = demands,
        };
    }

    /// <summary>Reads YAML nodes and collects French errors with their line.</summary>
    private sealed class Reader(string origin)
    {
        public List<string> Errors { get; } = [];

        public void Error(YamlNode node, string message) => Errors.Add($"{origin}, ligne {node.Start.Line} : {message}");

        private static YamlNode? Get(YamlMappingNode map, string key) =>
            map.Children.TryGetValue(new YamlScalarNode(key), out var v) ? v : null;

        public void Keys(YamlMappingNode map, string where, params string[] allowed)
        {
            foreach (var k in map.Children.Keys)
            {
                var name = (k as YamlScalarNode)?.Value ?? "";
                if (!allowed.Contains(name)) Error(k, $"{where} : clé inconnue « {name} » ; attendu une de : {string.Join(", ", allowed)}");
            }
        }

        public YamlMappingNode? Map(YamlMappingNode map, string key, string where, bool required = false)
        {
            var v = Get(map, key);
            if (v is null)
            {
                if (required) Error(map, $"{where} : « {key} » manquant");
                return null;
            }
            if (v is YamlMappingNode m) return m;
            Error(v, $"{where} : « {key} » doit être un objet (clés « nom: valeur »)");
            return null;
        }

        public IEnumerable<(YamlMappingNode Node, string Where)> Items(YamlMappingNode map, string key, string? parent = null)
        {
            var v = Get(map, key);
            var at = parent is null ? key : $"{parent}, {key}";
            if (v is not YamlSequenceNode seq)
            {
                Error(v ?? map, $"{at} : liste attendue (éléments précédés de « - »)");
                yield break;
            }
            if (seq.Children.Count == 0) Error(seq, $"{at} : liste vide");
            var i = 0;
            foreach (var item in seq.Children)
            {
                i++;
                var id = item is YamlMappingNode m && Get(m, "id") is YamlScalarNode s ? s.Value : null;
                var where = id is null ? $"{at} n° {i}" : $"{at} « {id} »";
                if (item is YamlMappingNode mapping) yield return (mapping, where);
                else Error(item, $"{where} : objet attendu (clés « nom: valeur »)");
            }
        }

        /// <summary>An optional text: null when the key is absent, an error when it is present but empty or not text.</summary>
        public string? Optional(YamlMappingNode map, string key, string where) => Get(map, key) is null ? null : String(map, key, where);

        public string? String(YamlMappingNode map, string key, string where)
        {
            var v = Get(map, key);
            if (v is YamlScalarNode s && !string.IsNullOrWhiteSpace(s.Value)) return s.Value.Trim();
            Error(v ?? map, $"{where} : « {key} » manquant ou vide ; attendu un texte");
            return null;
        }

        public string? Id(YamlMappingNode map, string where, IEnumerable<string> existing)
        {
            var id = String(map, "id", where);
            if (id is null) return null;
            if (!id.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-'))
                Error(map, $"{where} : id « {id} » invalide ; attendu des minuscules sans accent, chiffres et tirets (ex. travailleurs-sociaux-caf)");
            if (existing.Contains(id)) Error(map, $"{where} : id « {id} » en double");
            return id;
        }

        public int? Int(YamlMappingNode map, string key, string where, int min, int max)
        {
            var v = Get(map, key);
            if (v is null)
            {
                Error(map, $"{where} : « {key} » manquant ; attendu un entier entre {min} et {max}");
                return null;
            }
            if (v is YamlScalarNode s && int.TryParse(s.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= min && n <= max) return n;
            Error(v, $"{where} : « {key} » invalide ; attendu un entier entre {min} et {max}");
            return null;
        }

        public double? Number(YamlMappingNode map, string key, string where)
        {
            var v = Get(map, key);
            if (v is null) return null;
            if (v is YamlScalarNode s && double.TryParse(s.Value, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var d)) return d;
            Error(v, $"{where} : « {key} » invalide ; attendu un nombre (séparateur décimal : le point, ex. 0.5)");
            return null;
        }

        public List<string> Strings(YamlMappingNode map, string key, string where, bool required)
        {
            var v = Get(map, key);
            if (v is null)
            {
                if (required) Error(map, $"{where} : « {key} » manquant ; attendu une liste");
                return [];
            }
            if (v is not YamlSequenceNode seq)
            {
                Error(v, $"{where} : « {key} » doit être une liste ([a, b] ou éléments précédés de « - »)");
                return [];
            }
            var list = new List<string>();
            foreach (var item in seq.Children)
            {
                if (item is YamlScalarNode s && !string.IsNullOrWhiteSpace(s.Value)) list.Add(s.Value.Trim());
                else Error(item, $"{where} : « {key} » : élément vide ou non textuel");
            }
            return list;
        }

        public List<Term> Terms(YamlMappingNode map, string key, string where, bool allowEmpty = false)
        {
            var terms = new List<Term>();
            var texts = Strings(map, key, where, required: !allowEmpty);
            if (texts.Count == 0 && !allowEmpty && Get(map, key) is YamlSequenceNode empty) Error(empty, $"{where} : « {key} » vide ; attendu au moins un terme");
            foreach (var t in texts)
            {
                var term = new Term(t);
                if (term.Tokens.Count == 0) Error(map, $"{where} : terme « {t} » sans aucun mot");
                else if (terms.Any(x => x.Text == t)) Error(map, $"{where} : terme « {t} » en double");
                else terms.Add(term);
            }
            return terms;
        }

        public List<TermGroup> Refs(YamlMappingNode map, string key, string where, List<TermGroup> known, string section)
        {
            var result = new List<TermGroup>();
            foreach (var id in Strings(map, key, where, required: false))
            {
                var g = known.FirstOrDefault(x => x.Id == id);
                if (g is null) Error(map, $"{where} : {key} : « {id} » inconnu ; attendu un id des {section} ({string.Join(", ", known.Select(x => x.Id))})");
                else result.Add(g);
            }
            return result;
        }
    }
}
