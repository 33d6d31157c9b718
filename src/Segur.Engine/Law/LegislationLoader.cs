using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace Segur.Engine.Law;

/// <summary>
/// Loads the legislation files, checks them, and builds the immutable <see cref="Legislation"/>.
/// Every problem is reported in French with the file (and line where known); loading stops with a
/// <see cref="SegurException"/> listing all of them, so that a lawyer fixes a file in one pass.
/// Checks: references on every dated value and rule, known texts, known vocabulary, contiguous dated
/// values (no gap, no overlap), whole-month dates, amounts defined over each measure's whole span, and
/// no two measures of a family able to pay the same job in the same month without a <c>cede_a</c>.
/// </summary>
public static partial class LegislationLoader
{
    private static readonly string[] Natures =
        ["loi", "ordonnance", "decret", "arrete", "accord", "recommandation_patronale", "decision_unilaterale", "protocole", "decision_justice", "page_officielle", "source_secondaire", "code", "circulaire", "scenario"];

    private static readonly HashSet<string> ReservedCriteria = ["en_vigueur", "en_fonction"];

    public static Legislation Load(ILegislationSource source) => Load(source, null);

    /// <summary>Loads the law, with a reform overlay applied on top when one is given.</summary>
    public static Legislation Load(ILegislationSource source, ReformSource? reform)
    {
        var files = source.Files();
        var ctx = new Context(source.Origin);
        var byPath = files.ToDictionary(f => f.Path, StringComparer.Ordinal);

        var schema = Required(byPath, "profile.schema.json", source);
        var vocabulary = Vocabulary.FromSchema(schema.Text, Name(source, schema.Path));
        ctx.Vocabulary = vocabulary;

        var labelsFile = Required(byPath, "libelles.yaml", source);
        ctx.File = Name(source, labelsFile.Path);
        LoadLabels(ctx, YamlReader.Read<LabelsFileDto>(labelsFile.Text, ctx.File));

        var manifestFile = Required(byPath, "legislation.yaml", source);
        var manifest = YamlReader.Read<ManifestDto>(manifestFile.Text, Name(source, manifestFile.Path));
        ctx.File = Name(source, manifestFile.Path);
        var version = ctx.Text(manifest.Version, "version", manifest.Line) ?? "?";
        var checkedOn = ctx.Date(manifest.CheckedOn, "verifiee_le", manifest.Line) ?? DateOnly.MinValue;
        Required(byPath, "references.yaml", source);

        // Parse every file first, so that a reform can amend the documents before they are checked.
        var docs = new Documents();
        IEnumerable<LegislationFile> Under(string folder) => files.Where(f => f.Path.StartsWith(folder, StringComparison.Ordinal));
        foreach (var f in files.Where(f => !f.Path.Contains('/') && f.Path.StartsWith("references", StringComparison.Ordinal) && f.Path.EndsWith(".yaml", StringComparison.Ordinal)))
            docs.Catalogues.Add((Name(source, f.Path), YamlReader.Read<CatalogueDto>(f.Text, Name(source, f.Path))));
        foreach (var f in Under("lists/"))
            docs.Lists.AddRange((YamlReader.Read<ListsFileDto>(f.Text, Name(source, f.Path)).Lists ?? []).Select(d => (Name(source, f.Path), d)));
        foreach (var f in Under("parameters/"))
            docs.Parameters.AddRange((YamlReader.Read<ParametersFileDto>(f.Text, Name(source, f.Path)).Parameters ?? []).Select(d => (Name(source, f.Path), d)));
        foreach (var f in Under("measures/"))
            docs.Measures.Add((Name(source, f.Path), YamlReader.Read<MeasureDto>(f.Text, Name(source, f.Path))));
        foreach (var f in Under("exclusions/"))
            docs.Exclusions.AddRange((YamlReader.Read<ExclusionsFileDto>(f.Text, Name(source, f.Path)).Exclusions ?? []).Select(d => (Name(source, f.Path), d)));
        foreach (var f in Under("incertitudes/"))
            docs.Uncertainties.AddRange((YamlReader.Read<UncertaintiesFileDto>(f.Text, Name(source, f.Path)).Uncertainties ?? []).Select(d => (Name(source, f.Path), d)));
        foreach (var f in Under("proratisations/"))
            docs.Schemes.Add((Name(source, f.Path), YamlReader.Read<ProrationSchemeDto>(f.Text, Name(source, f.Path))));
        foreach (var f in Under("estimations/"))
            docs.Estimations.Add((Name(source, f.Path), YamlReader.Read<EstimationsFileDto>(f.Text, Name(source, f.Path))));
        foreach (var f in Under("informations/"))
            docs.Informations.AddRange((YamlReader.Read<InformationsFileDto>(f.Text, Name(source, f.Path)).Informations ?? []).Select(d => (Name(source, f.Path), d)));
        foreach (var f in Under("implications/"))
            docs.Implications.AddRange((YamlReader.Read<ImplicationsFileDto>(f.Text, Name(source, f.Path)).Implications ?? []).Select(d => (Name(source, f.Path), d)));

        ReformInfo? reformInfo = null;
        if (reform is not null)
        {
            var dto = YamlReader.Read<ReformDto>(reform.Text, reform.Name);
            reformInfo = ReformOverlay.Apply(dto, reform.Name, docs, ctx);
        }

        foreach (var (file, dto) in docs.Catalogues)
        {
            ctx.File = file;
            LoadTexts(ctx, dto);
        }
        foreach (var (file, dto) in docs.Lists)
        {
            ctx.File = file;
            LoadList(ctx, dto);
        }
        foreach (var (file, dto) in docs.Parameters)
        {
            ctx.File = file;
            LoadParameter(ctx, dto);
        }
        foreach (var (file, dto) in docs.Schemes)
        {
            ctx.File = file;
            var scheme = LoadProrationScheme(ctx, dto);
            if (scheme is null) continue;
            if (ctx.Schemes.ContainsKey(scheme.Id)) ctx.Error(dto.Line, $"proratisation « {scheme.Id} » déjà définie dans {ctx.Schemes[scheme.Id].SourceFile}");
            else ctx.Schemes[scheme.Id] = scheme;
        }
        var implications = new List<Implication>();
        foreach (var (file, dto) in docs.Implications)
        {
            ctx.File = file;
            var i = LoadImplication(ctx, dto);
            if (i is null) continue;
            if (implications.Any(x => x.Id == i.Id)) ctx.Error(dto.Line, $"implication « {i.Id} » déjà définie");
            else implications.Add(i);
        }
        var measures = new List<Measure>();
        foreach (var (file, dto) in docs.Measures)
        {
            ctx.File = file;
            var m = LoadMeasure(ctx, dto);
            if (m is null) continue;
            if (measures.Any(x => x.Id == m.Id)) ctx.Error(dto.Line, $"mesure « {m.Id} » déjà définie dans {measures.First(x => x.Id == m.Id).SourceFile}");
            else measures.Add(m);
        }
        foreach (var m in measures)
        {
            ctx.File = m.SourceFile;
            foreach (var c in m.CedesTo)
            {
                var other = measures.FirstOrDefault(x => x.Id == c);
                if (other is null) ctx.Error(1, $"mesure {m.Id} : cede_a « {c} » ne désigne aucune mesure ; attendu un identifiant parmi {string.Join(", ", measures.Select(x => x.Id))}");
                else if (other.Family != m.Family) ctx.Error(1, $"mesure {m.Id} : cede_a « {c} » désigne une mesure d'une autre famille ({other.Family}) ; une priorité n'a de sens qu'entre mesures de la même famille");
            }
        }
        var exclusions = new List<Exclusion>();
        foreach (var (file, dto) in docs.Exclusions)
        {
            ctx.File = file;
            var e = LoadExclusion(ctx, dto, measures);
            if (e is null) continue;
            if (exclusions.Any(x => x.Id == e.Id)) ctx.Error(dto.Line, $"exclusion « {e.Id} » déjà définie");
            else exclusions.Add(e);
        }
        foreach (var m in measures) m.Exclusions = exclusions.Where(e => e.MeasureIds.Contains(m.Id)).ToList();
        var uncertainties = new List<Uncertainty>();
        foreach (var (file, dto) in docs.Uncertainties)
        {
            ctx.File = file;
            var u = LoadUncertainty(ctx, dto, measures);
            if (u is null) continue;
            if (uncertainties.Any(x => x.Id == u.Id)) ctx.Error(dto.Line, $"incertitude « {u.Id} » déjà définie");
            else uncertainties.Add(u);
        }
        var netEstimates = new List<NetEstimateRule>();
        var employerRates = new List<EmployerRateRule>();
        foreach (var (file, dto) in docs.Estimations)
        {
            ctx.File = file;
            foreach (var n in dto.NetEstimates ?? [])
            {
                if (LoadNetEstimate(ctx, n, measures) is { } rule) netEstimates.Add(rule);
            }
            foreach (var e in dto.EmployerRates ?? [])
            {
                if (LoadEmployerRate(ctx, e, measures) is { } rule) employerRates.Add(rule);
            }
        }
        var informations = new List<Information>();
        foreach (var (file, dto) in docs.Informations)
        {
            ctx.File = file;
            var i = LoadInformation(ctx, dto);
            if (i is null) continue;
            if (informations.Any(x => x.Id == i.Id)) ctx.Error(dto.Line, $"information « {i.Id} » déjà définie");
            else informations.Add(i);
        }
        if (measures.Count == 0) ctx.Errors.Add($"{source.Origin} : aucune mesure trouvée ; attendu des fichiers measures/*.yaml");
        if (ctx.Errors.Count == 0) ctx.Errors.AddRange(ConflictChecker.Check(measures));
        if (ctx.Errors.Count > 0)
            throw new SegurException($"{(reform is null ? "législation" : "réforme")} invalide : {ctx.Errors[0]}", ctx.Errors.Skip(1).ToList());

        var allFiles = reform is null ? files : files.Append(new LegislationFile("reforms/" + Path.GetFileName(reform.Name), reform.Text)).ToList();
        return new Legislation
        {
            Version = version,
            Fingerprint = Fingerprint(allFiles),
            CheckedOn = checkedOn,
            Vocabulary = vocabulary,
            Texts = ctx.Texts,
            Parameters = ctx.Parameters,
            Lists = ctx.Lists,
            Measures = measures,
            Exclusions = exclusions,
            Uncertainties = uncertainties,
            Implications = implications,
            Informations = informations,
            ProrationSchemes = ctx.Schemes,
            NetEstimates = netEstimates,
            EmployerRates = employerRates,
            Reform = reformInfo,
        };
    }

    /// <summary>The parsed documents of the law, before checks; a reform amends them in place.</summary>
    internal sealed class Documents
    {
        public List<(string File, CatalogueDto Dto)> Catalogues { get; } = [];
        public List<(string File, ListDto Dto)> Lists { get; } = [];
        public List<(string File, ParameterDto Dto)> Parameters { get; } = [];
        public List<(string File, MeasureDto Dto)> Measures { get; } = [];
        public List<(string File, ExclusionDto Dto)> Exclusions { get; } = [];
        public List<(string File, UncertaintyDto Dto)> Uncertainties { get; } = [];
        public List<(string File, ImplicationDto Dto)> Implications { get; } = [];
        public List<(string File, InformationDto Dto)> Informations { get; } = [];
        public List<(string File, ProrationSchemeDto Dto)> Schemes { get; } = [];
        public List<(string File, EstimationsFileDto Dto)> Estimations { get; } = [];
    }

    private static string Name(ILegislationSource source, string path) =>
        source is EmbeddedLegislation ? "legislation/" + path : Path.Combine(source.Origin, path);

    private static LegislationFile Required(Dictionary<string, LegislationFile> files, string path, ILegislationSource source) =>
        files.TryGetValue(path, out var f)
            ? f
            : throw new SegurException($"{source.Origin} : fichier {path} manquant ; attendu dans le dossier de législation");

    private static readonly string[] LawFolders = ["lists/", "parameters/", "measures/", "exclusions/", "incertitudes/", "implications/", "informations/", "proratisations/", "estimations/", "reforms/"];

    /// <summary>True for the files that make the law (not the population figures nor the question vocabulary).</summary>
    private static bool IsLaw(string path) =>
        LawFolders.Any(f => path.StartsWith(f, StringComparison.Ordinal)) || (!path.Contains('/') && path.EndsWith(".yaml", StringComparison.Ordinal)) || path == "profile.schema.json";

    private static string Fingerprint(IReadOnlyList<LegislationFile> files)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var f in files.Where(f => IsLaw(f.Path)).OrderBy(f => f.Path, StringComparer.Ordinal))
        {
            sha.AppendData(Encoding.UTF8.GetBytes(f.Path + "\0" + f.Text.Replace("\r\n", "\n") + "\0"));
        }
        return Convert.ToHexStringLower(sha.GetHashAndReset());
    }

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

    private static void LoadList(Context ctx, ListDto dto)
    {
        var id = ctx.Text(dto.Id, "liste : id", dto.Line);
        if (id is null) return;
        var where = $"liste « {id} »";
        if (ctx.Lists.ContainsKey(id))
        {
            ctx.Error(dto.Line, $"{where} déjà définie");
            return;
        }
        var title = ctx.Text(dto.Title, $"{where} : intitule", dto.Line) ?? id;
        var field = ctx.Field(dto.Field, where, dto.Line);
        var citations = ctx.Citations(dto.References, where, dto.Line, required: true);
        if (field is null) return;
        var codes = (dto.Values ?? []).Select(v => ctx.Code(field, v, where, dto.Line)).Where(c => c is not null).Select(c => c!.Value).Distinct().ToList();
        if (codes.Count == 0) ctx.Error(dto.Line, $"{where} : aucune valeur ; attendu « valeurs: [...] »");
        ctx.Lists[id] = new ValueList(id, title, field, codes, citations, ctx.File);
    }

    private static void LoadParameter(Context ctx, ParameterDto dto)
    {
        var id = ctx.Text(dto.Id, "paramètre : id", dto.Line);
        if (id is null) return;
        var where = $"paramètre « {id} »";
        if (ctx.Parameters.ContainsKey(id))
        {
            ctx.Error(dto.Line, $"{where} déjà défini dans {ctx.Parameters[id].SourceFile}");
            return;
        }
        var title = ctx.Text(dto.Title, $"{where} : intitule", dto.Line);
        var unit = ctx.Text(dto.Unit, $"{where} : unite", dto.Line);
        var values = new List<ParameterValue>();
        foreach (var v in dto.Values ?? [])
        {
            var (from, to) = ctx.Months(v.From, v.To, where, v.Line, fromRequired: true);
            if (v.Value is null) ctx.Error(v.Line, $"{where} : valeur manquante ; attendu « valeur: » suivi d'un nombre");
            if (v.Reference is null)
            {
                ctx.Error(v.Line, $"{where} : la valeur du {v.From} n'a pas de référence ; attendu « reference: {{texte: <id de references.yaml>, article: ...}} »");
                continue;
            }
            var citation = ctx.Cite(v.Reference, where);
            var confidence = ctx.Confidence(v.Confidence, where, v.Line);
            if (from is null || v.Value is null || citation is null) continue;
            if (to is not null && to < from) ctx.Error(v.Line, $"{where} : période du {from:yyyy-MM-dd} au {to:yyyy-MM-dd} impossible (fin avant début)");
            values.Add(new ParameterValue(from.Value, to, v.Value.Value, citation, confidence, v.Note));
        }
        if (values.Count == 0) ctx.Error(dto.Line, $"{where} : aucune valeur datée ; attendu « valeurs: » avec au moins une valeur");
        for (var i = 1; i < values.Count; i++)
        {
            var prev = values[i - 1];
            var cur = values[i];
            if (cur.From <= prev.From)
                ctx.Error(dto.Line, $"{where} : valeurs non classées par date (le {cur.From:yyyy-MM-dd} suit le {prev.From:yyyy-MM-dd}) ; attendu l'ordre chronologique");
            else if (prev.To is { } end && end.AddDays(1) < cur.From)
                ctx.Error(dto.Line, $"{where} : trou entre le {end:yyyy-MM-dd} et le {cur.From:yyyy-MM-dd} ; attendu des valeurs contiguës (ou une valeur pour la période manquante)");
            else if (prev.To is { } end2 && end2 >= cur.From)
                ctx.Error(dto.Line, $"{where} : chevauchement : la valeur du {prev.From:yyyy-MM-dd} court jusqu'au {end2:yyyy-MM-dd}, après le début de la suivante ({cur.From:yyyy-MM-dd})");
        }
        if (title is null || unit is null || values.Count == 0) return;
        ctx.Parameters[id] = new Parameter { Id = id, Title = title, Unit = unit, Description = dto.Description, Values = values, SourceFile = ctx.File };
    }

    private static Measure? LoadMeasure(Context ctx, MeasureDto dto)
    {
        var id = ctx.Text(dto.Id, "mesure : id", dto.Line);
        if (id is null) return null;
        var where = $"mesure {id}";
        if (!MeasureId().IsMatch(id)) ctx.Error(dto.Line, $"{where} : identifiant invalide ; attendu majuscules, chiffres et tirets (ex. M1, M5-FEHAP)");
        var title = ctx.Text(dto.Title, $"{where} : intitule", dto.Line);
        var family = ctx.Text(dto.Family, $"{where} : famille", dto.Line);
        var instituted = ctx.TextRef(dto.InstitutedBy, $"{where} : institue_par", dto.Line);
        var citations = ctx.Citations(dto.References, where, dto.Line, required: true);
        var (from, to) = ctx.Months(dto.From, dto.To, where, dto.Line, fromRequired: true);
        ctx.Schemes.TryGetValue(dto.Proration ?? "", out var proration);
        if (proration is null) ctx.Error(dto.Line, $"{where} : proratisation « {dto.Proration} » inconnue ; attendu un id de proratisations/ ({string.Join(", ", ctx.Schemes.Keys.Order())})");
        var amount = LoadAmount(ctx, dto.Amount, where, dto.Line, from, to);
        var forms = new List<PaymentForm>();
        foreach (var f in dto.Forms ?? [])
        {
            var (ff, ft) = ctx.Months(f.From, f.To, $"{where} : formes", f.Line, fromRequired: true);
            var label = ctx.Text(f.Label, $"{where} : formes : libelle", f.Line);
            var fc = ctx.Citations(f.References, $"{where} : formes", f.Line, required: true);
            if (ff is not null && label is not null) forms.Add(new PaymentForm(ff.Value, ft, label, fc));
        }
        var criteria = new List<Rule>();
        foreach (var r in dto.Criteria ?? [])
        {
            var rule = LoadRule(ctx, r, where, topLevel: true, inherited: []);
            if (rule is null) continue;
            if (ReservedCriteria.Contains(rule.Id) || rule.Id.StartsWith("exclusion.", StringComparison.Ordinal))
                ctx.Error(r.Line, $"{where} : l'identifiant de critère « {rule.Id} » est réservé au moteur");
            else if (criteria.Any(c => c.Id == rule.Id))
                ctx.Error(r.Line, $"{where} : critère « {rule.Id} » défini deux fois");
            else criteria.Add(rule);
        }
        if (criteria.Count == 0) ctx.Error(dto.Line, $"{where} : aucun critère ; attendu « criteres: » avec au moins un critère");
        var confidence = ctx.Confidence(dto.Confidence, where, dto.Line);
        if (title is null || family is null || instituted is null || from is null || proration is null || amount is null) return null;
        return new Measure
        {
            Id = id, Title = title, Family = family, Description = dto.Description, InstitutedBy = instituted,
            Citations = citations, From = from.Value, To = to, Proration = proration, Amount = amount,
            Forms = forms, CedesTo = dto.CedesTo ?? [], Criteria = criteria, Confidence = confidence, Note = dto.Note,
            SourceFile = ctx.File,
        };
    }

    private static AmountRule? LoadAmount(Context ctx, AmountDto? dto, string where, int line, DateOnly? from, DateOnly? to)
    {
        if (dto is null)
        {
            ctx.Error(line, $"{where} : montant manquant ; attendu « montant: {{points: <paramètre>, valeur_du_point: <paramètre>}} », « montant: {{euros: <paramètre>}} » ou « montant: {{inconnu: <explication>}} »");
            return null;
        }
        var kinds = (dto.Points is not null ? 1 : 0) + (dto.Euros is not null ? 1 : 0) + (dto.Unknown is not null ? 1 : 0);
        if (kinds != 1)
        {
            ctx.Error(dto.Line, $"{where} : montant : attendu exactement un de points, euros ou inconnu");
            return null;
        }
        if (dto.Unknown is not null) return new AmountRule(null, null, null, null, dto.Unknown);
        Parameter? Param(string? pid, string key)
        {
            if (pid is null)
            {
                ctx.Error(dto.Line, $"{where} : montant : {key} manquant");
                return null;
            }
            if (!ctx.Parameters.TryGetValue(pid, out var p))
            {
                ctx.Error(dto.Line, $"{where} : montant : paramètre « {pid} » inconnu ; attendu un id défini dans parameters/");
                return null;
            }
            if (from is not null)
            {
                // The amount must be defined for every month the measure can pay.
                var first = p.Values[0].From;
                var last = p.Values[^1].To;
                if (first > from.Value) ctx.Error(dto.Line, $"{where} : le paramètre « {pid} » n'a pas de valeur avant le {first:yyyy-MM-dd}, alors que la mesure commence le {from:yyyy-MM-dd}");
                if (last is not null && (to is null || last < to)) ctx.Error(dto.Line, $"{where} : le paramètre « {pid} » s'arrête le {last:yyyy-MM-dd}, avant la fin de la mesure");
            }
            return p;
        }
        if (dto.Points is not null)
        {
            var points = Param(dto.Points, "points");
            var value = Param(dto.PointValue, "valeur_du_point");
            var divisor = Param(dto.Divisor, "diviseur");
            return points is null || value is null || divisor is null ? null : new AmountRule(points, value, divisor, null, null);
        }
        if (dto.PointValue is not null || dto.Divisor is not null)
            ctx.Error(dto.Line, $"{where} : montant : valeur_du_point et diviseur ne vont qu'avec points");
        var euros = Param(dto.Euros, "euros");
        return euros is null ? null : new AmountRule(null, null, null, euros, null);
    }

    private static Rule? LoadRule(Context ctx, RuleDto dto, string where, bool topLevel, IReadOnlyList<Citation> inherited)
    {
        var id = dto.Id;
        if (topLevel && id is null)
        {
            ctx.Error(dto.Line, $"{where} : critère sans id ; attendu « id: » (ex. lieu, metier, statut)");
            return null;
        }
        var label = ctx.Text(dto.Label, $"{where} : critère {id ?? "(imbriqué)"} : libelle", dto.Line);
        var here = $"{where}, critère {id ?? label ?? "?"}";
        var citations = ctx.Citations(dto.References, here, dto.Line, required: topLevel);
        if (citations.Count == 0) citations = [.. inherited];
        var instituted = dto.InstitutedBy is null ? null : ctx.TextRef(dto.InstitutedBy, $"{here} : institue_par", dto.Line);
        var (from, to) = ctx.Months(dto.From, dto.To, here, dto.Line, fromRequired: false);
        var confidence = ctx.Confidence(dto.Confidence, here, dto.Line);
        var shapes = (dto.Condition is not null ? 1 : 0) + (dto.All is not null ? 1 : 0) + (dto.Any is not null ? 1 : 0);
        if (shapes != 1)
        {
            ctx.Error(dto.Line, $"{here} : attendu exactement un de « condition », « toutes » ou « une_de »");
            return null;
        }
        Condition? condition = null;
        var children = new List<Rule>();
        RuleKind kind;
        if (dto.Condition is not null)
        {
            kind = RuleKind.Leaf;
            condition = LoadCondition(ctx, dto.Condition, here);
            if (condition is null) return null;
        }
        else
        {
            kind = dto.All is not null ? RuleKind.All : RuleKind.Any;
            var list = dto.All ?? dto.Any!;
            if (list.Count == 0) ctx.Error(dto.Line, $"{here} : liste vide");
            for (var i = 0; i < list.Count; i++)
            {
                var child = LoadRule(ctx, list[i], here, topLevel: false, inherited: citations);
                if (child is not null) children.Add(child);
            }
        }
        if (label is null) return null;
        return new Rule
        {
            Id = id ?? "", Label = label, Kind = kind, Condition = condition, Children = children, Citations = citations,
            InstitutedBy = instituted, From = from, To = to, Confidence = confidence, Note = dto.Note,
        };
    }

    internal static Condition? LoadCondition(Context ctx, ConditionDto dto, string where)
    {
        var shapes = (dto.Field is not null ? 1 : 0) + (dto.All is not null ? 1 : 0) + (dto.Any is not null ? 1 : 0) + (dto.Not is not null ? 1 : 0);
        if (shapes != 1)
        {
            ctx.Error(dto.Line, $"{where} : condition : attendu exactement un de « champ », « toutes », « une_de » ou « non »");
            return null;
        }
        if (dto.All is not null || dto.Any is not null)
        {
            var parts = (dto.All ?? dto.Any!).Select(c => LoadCondition(ctx, c, where)).ToList();
            if (parts.Count == 0) ctx.Error(dto.Line, $"{where} : condition : liste vide");
            if (parts.Any(p => p is null)) return null;
            return dto.All is not null ? new AllOf(parts!) : new AnyOf(parts!);
        }
        if (dto.Not is not null)
        {
            var inner = LoadCondition(ctx, dto.Not, where);
            return inner is null ? null : new NotOf(inner);
        }
        var field = ctx.Field(dto.Field, where, dto.Line);
        if (field is null) return null;
        var allowed = new HashSet<int>();
        var positive = dto.In is not null || dto.Lists is not null || dto.Equals_ is not null;
        foreach (var v in dto.In ?? [])
        {
            if (ctx.Code(field, v, where, dto.Line) is { } c) allowed.Add(c);
        }
        if (dto.Equals_ is not null && ctx.Code(field, dto.Equals_, where, dto.Line) is { } ce) allowed.Add(ce);
        foreach (var l in dto.Lists ?? [])
        {
            if (!ctx.Lists.TryGetValue(l, out var list))
            {
                ctx.Error(dto.Line, $"{where} : liste « {l} » inconnue ; attendu un id défini dans lists/ ({string.Join(", ", ctx.Lists.Keys.Order())})");
                continue;
            }
            if (list.Field != field)
            {
                ctx.Error(dto.Line, $"{where} : la liste « {l} » porte sur {list.Field.Name}, pas sur {field.Name}");
                continue;
            }
            allowed.UnionWith(list.Codes);
        }
        var except = (dto.Except ?? []).Select(v => ctx.Code(field, v, where, dto.Line)).Where(c => c is not null).Select(c => c!.Value).ToList();
        if (!positive && except.Count == 0)
        {
            ctx.Error(dto.Line, $"{where} : condition sur {field.Name} sans valeur ; attendu « parmi », « listes », « egal » ou « sauf »");
            return null;
        }
        if (!positive)
        {
            if (field.Kind == FieldKind.Integer) return new NotOf(new FieldIn(field, except));
            allowed.UnionWith(Enumerable.Range(0, field.Values.Count));
        }
        allowed.ExceptWith(except);
        return new FieldIn(field, allowed);
    }

    private static Exclusion? LoadExclusion(Context ctx, ExclusionDto dto, List<Measure> measures)
    {
        var id = ctx.Text(dto.Id, "exclusion : id", dto.Line);
        if (id is null) return null;
        var where = $"exclusion « {id} »";
        var title = ctx.Text(dto.Title, $"{where} : intitule", dto.Line);
        var citations = ctx.Citations(dto.References, where, dto.Line, required: true);
        var confidence = ctx.Confidence(dto.Confidence, where, dto.Line);
        if ((dto.Measures is null) == (dto.AllMeasuresExcept is null))
            ctx.Error(dto.Line, $"{where} : attendu exactement un de « mesures » ou « toutes_mesures_sauf »");
        foreach (var m in (dto.Measures ?? []).Concat(dto.AllMeasuresExcept ?? []))
        {
            if (measures.All(x => x.Id != m)) ctx.Error(dto.Line, $"{where} : mesure « {m} » inconnue ; attendu un id parmi {string.Join(", ", measures.Select(x => x.Id))}");
        }
        var ids = dto.Measures ?? measures.Select(m => m.Id).Where(m => !(dto.AllMeasuresExcept ?? []).Contains(m)).ToList();
        if (dto.Condition is null)
        {
            ctx.Error(dto.Line, $"{where} : condition manquante");
            return null;
        }
        var condition = LoadCondition(ctx, dto.Condition, where);
        if (title is null || condition is null) return null;
        return new Exclusion
        {
            Id = id, Title = title, Description = dto.Description, Citations = citations, Condition = condition,
            MeasureIds = ids, Confidence = confidence, Note = dto.Note, SourceFile = ctx.File,
        };
    }

    private static Uncertainty? LoadUncertainty(Context ctx, UncertaintyDto dto, List<Measure> measures)
    {
        var id = ctx.Text(dto.Id, "incertitude : id", dto.Line);
        if (id is null) return null;
        var where = $"incertitude « {id} »";
        var title = ctx.Text(dto.Title, $"{where} : intitule", dto.Line);
        var note = ctx.Text(dto.Note, $"{where} : note", dto.Line);
        var citations = ctx.Citations(dto.References, where, dto.Line, required: true);
        var confidence = dto.Confidence is null ? Confidence.L : ctx.Confidence(dto.Confidence, where, dto.Line);
        foreach (var m in dto.Measures ?? [])
        {
            if (measures.All(x => x.Id != m)) ctx.Error(dto.Line, $"{where} : mesure « {m} » inconnue ; attendu un id parmi {string.Join(", ", measures.Select(x => x.Id))}");
        }
        var (from, to) = ctx.Months(dto.From, dto.To, where, dto.Line, fromRequired: false);
        if (dto.Condition is null)
        {
            ctx.Error(dto.Line, $"{where} : condition manquante");
            return null;
        }
        var condition = LoadCondition(ctx, dto.Condition, where);
        if (title is null || note is null || condition is null) return null;
        return new Uncertainty
        {
            Id = id, Title = title, Note = note, Citations = citations, Condition = condition, Confidence = confidence,
            From = from, To = to, MeasureIds = dto.Measures ?? [], SourceFile = ctx.File,
        };
    }

    /// <summary>Attaches the French labels to the vocabulary: every field named, every enum value labelled.</summary>
    private static void LoadLabels(Context ctx, LabelsFileDto dto)
    {
        var fields = dto.Fields ?? [];
        foreach (var (name, labels) in fields)
        {
            if (!ctx.Vocabulary.TryGet(name, out var f))
            {
                ctx.Error(labels.Line, $"libellés : champ « {name} » inconnu du schéma de profil");
                continue;
            }
            f.Label = ctx.Text(labels.Label, $"libellés : {name} : libelle", labels.Line) ?? name;
            f.Question = labels.Question;
            f.Hint = labels.Hint;
            if (f.Kind != FieldKind.Enum)
            {
                if (labels.Values is not null) ctx.Error(labels.Line, $"libellés : {name} : « valeurs » n'a de sens que pour un champ à valeurs listées");
                continue;
            }
            var values = new string[f.Values.Count];
            foreach (var (code, label) in labels.Values ?? [])
            {
                if (!f.TryCode(code, out var c)) ctx.Error(labels.Line, $"libellés : {name} : valeur « {code} » inconnue du schéma ; attendu une de {string.Join(", ", f.Values)}");
                else values[c] = label;
            }
            var missing = f.Values.Where((v, i) => string.IsNullOrWhiteSpace(values[i])).ToList();
            if (missing.Count > 0) ctx.Error(labels.Line, $"libellés : {name} : valeur(s) sans libellé : {string.Join(", ", missing)} ; attendu un libellé pour chaque valeur du schéma");
            f.ValueLabels = values;
        }
        foreach (var f in ctx.Vocabulary.Fields.Where(f => !fields.ContainsKey(f.Name)))
            ctx.Error(dto.Line, $"libellés : champ {f.Name} sans libellé ; attendu « {f.Name}: {{libelle: ...}} »");
    }

    private static Information? LoadInformation(Context ctx, InformationDto dto)
    {
        var id = ctx.Text(dto.Id, "information : id", dto.Line);
        if (id is null) return null;
        var where = $"information « {id} »";
        var title = ctx.Text(dto.Title, $"{where} : intitule", dto.Line);
        var note = ctx.Text(dto.Note, $"{where} : note", dto.Line);
        var citations = ctx.Citations(dto.References, where, dto.Line, required: true);
        var (from, to) = ctx.Months(dto.From, dto.To, where, dto.Line, fromRequired: false);
        if (dto.Condition is null)
        {
            ctx.Error(dto.Line, $"{where} : condition manquante ; attendu les profils concernés");
            return null;
        }
        var condition = LoadCondition(ctx, dto.Condition, where);
        if (title is null || note is null || condition is null) return null;
        return new Information
        {
            Id = id, Title = title, Note = note, Citations = citations, Condition = condition, From = from, To = to,
            OnlyWhenNothingDue = dto.OnlyWhenNothingDue ?? false, SourceFile = ctx.File,
        };
    }

    private static Implication? LoadImplication(Context ctx, ImplicationDto dto)
    {
        var id = ctx.Text(dto.Id, "implication : id", dto.Line);
        if (id is null) return null;
        var where = $"implication « {id} »";
        var title = ctx.Text(dto.Title, $"{where} : intitule", dto.Line);
        var citations = ctx.Citations(dto.References, where, dto.Line, required: true);
        var confidence = ctx.Confidence(dto.Confidence, where, dto.Line);
        if (dto.If is null) ctx.Error(dto.Line, $"{where} : « si » manquant ; attendu la condition qui implique le fait (ex. si: {{champ: employeur.structure, parmi: [mas]}})");
        if (dto.Then is null) ctx.Error(dto.Line, $"{where} : « alors » manquant ; attendu le fait impliqué (ex. alors: {{champ: employeur.financement_assurance_maladie, egal: \"true\"}})");
        var condition = dto.If is null ? null : LoadCondition(ctx, dto.If, where);
        FieldDef? field = null;
        int? code = null;
        if (dto.Then is not null)
        {
            field = ctx.Field(dto.Then.Field, $"{where} : alors", dto.Then.Line);
            if (field is not null && dto.Then.Value is null) ctx.Error(dto.Then.Line, $"{where} : alors : « egal » manquant ; attendu la valeur impliquée");
            else if (field is not null) code = ctx.Code(field, dto.Then.Value!, $"{where} : alors", dto.Then.Line);
        }
        if (condition is not null && field is not null)
        {
            var read = new HashSet<FieldDef>();
            condition.CollectFields(read);
            if (read.Contains(field)) ctx.Error(dto.Line, $"{where} : la condition lit le champ qu'elle implique ({field.Name}) ; attendu une condition sur d'autres champs");
        }
        if (title is null || condition is null || field is null || code is null) return null;
        return new Implication
        {
            Id = id, Title = title, If = condition, Field = field, Code = code.Value, Citations = citations,
            Confidence = confidence, Note = dto.Note, SourceFile = ctx.File,
        };
    }

    [GeneratedRegex("^[A-Z][A-Z0-9-]*$")]
    private static partial Regex MeasureId();

    /// <summary>State shared while loading: what is known so far, and the errors found.</summary>
    internal sealed class Context(string origin)
    {
        public string Origin { get; } = origin;
        public string File { get; set; } = origin;
        public List<string> Errors { get; } = [];
        public Vocabulary Vocabulary { get; set; } = null!;
        public Dictionary<string, LegalText> Texts { get; } = new(StringComparer.Ordinal);
        public Dictionary<string, Parameter> Parameters { get; } = new(StringComparer.Ordinal);
        public Dictionary<string, ValueList> Lists { get; } = new(StringComparer.Ordinal);
        public Dictionary<string, ProrationScheme> Schemes { get; } = new(StringComparer.Ordinal);

        public void Error(int line, string message) => Errors.Add(line > 0 ? $"{File}, ligne {line} : {message}" : $"{File} : {message}");

        public string? Text(string? value, string what, int line)
        {
            if (!string.IsNullOrWhiteSpace(value)) return value.Trim();
            Error(line, $"{what} : valeur manquante ; attendu un texte");
            return null;
        }

        public DateOnly? Date(string? value, string what, int line)
        {
            if (value is not null && DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)) return d;
            Error(line, value is null ? $"{what} manquant ; attendu une date AAAA-MM-JJ" : $"{what} : « {value} » n'est pas une date ; attendu AAAA-MM-JJ");
            return null;
        }

        /// <summary>Reads a span of whole months: <c>du</c> on a first day, <c>au</c> (optional) on a last day.</summary>
        public (DateOnly? From, DateOnly? To) Months(string? from, string? to, string where, int line, bool fromRequired)
        {
            var f = from is null && !fromRequired ? null : Date(from, $"{where} : du", line);
            var t = to is null ? null : Date(to, $"{where} : au", line);
            if (f is not null) FirstOfMonth(f.Value, $"{where} : du", line);
            if (t is not null) LastOfMonth(t.Value, $"{where} : au", line);
            return (f, t);
        }

        public void FirstOfMonth(DateOnly d, string what, int line)
        {
            if (d.Day != 1) Error(line, $"{what} : {d:yyyy-MM-dd} ; les droits sont mensuels, attendu le premier jour d'un mois");
        }

        public void LastOfMonth(DateOnly d, string what, int line)
        {
            if (d.Day != DateTime.DaysInMonth(d.Year, d.Month)) Error(line, $"{what} : {d:yyyy-MM-dd} ; les droits sont mensuels, attendu le dernier jour d'un mois");
        }

        public Confidence Confidence(string? value, string what, int line)
        {
            switch (value)
            {
                case null or "H": return Law.Confidence.H;
                case "M": return Law.Confidence.M;
                case "L": return Law.Confidence.L;
                default:
                    Error(line, $"{what} : confiance « {value} » inconnue ; attendu H, M ou L");
                    return Law.Confidence.H;
            }
        }

        public LegalText? TextRef(string? id, string what, int line)
        {
            if (id is null)
            {
                Error(line, $"{what} manquant ; attendu l'id d'un texte de references.yaml");
                return null;
            }
            if (Texts.TryGetValue(id, out var t)) return t;
            Error(line, $"{what} : texte « {id} » absent de references.yaml");
            return null;
        }

        public Citation? Cite(CitationDto dto, string where)
        {
            var t = TextRef(dto.Text, $"{where} : reference", dto.Line);
            return t is null ? null : new Citation(t, string.IsNullOrWhiteSpace(dto.Article) ? null : dto.Article.Trim());
        }

        public List<Citation> Citations(List<CitationDto>? dtos, string where, int line, bool required)
        {
            if (dtos is null || dtos.Count == 0)
            {
                if (required) Error(line, $"{where} : aucune référence ; attendu « references: [{{texte: <id>, article: ...}}] »");
                return [];
            }
            return dtos.Select(d => Cite(d, where)).Where(c => c is not null).Select(c => c!).ToList();
        }

        public FieldDef? Field(string? name, string where, int line)
        {
            if (name is null)
            {
                Error(line, $"{where} : champ manquant");
                return null;
            }
            if (!Vocabulary.TryGet(name, out var f))
            {
                Error(line, $"{where} : champ « {name} » inconnu du schéma de profil ; attendu un de {string.Join(", ", Vocabulary.Fields.Where(x => x.IsTestable).Select(x => x.Name))}");
                return null;
            }
            if (!f.IsTestable)
            {
                Error(line, $"{where} : le champ « {name} » ne peut pas être testé par une condition (seuls les champs à valeurs listées, booléens ou entiers le peuvent)");
                return null;
            }
            return f;
        }

        public int? Code(FieldDef field, string value, string where, int line)
        {
            if (field.Kind == FieldKind.Integer)
            {
                if (int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n)) return n;
                Error(line, $"{where} : « {value} » n'est pas un entier valide pour {field.Name}");
                return null;
            }
            if (field.TryCode(value, out var c)) return c;
            var hint = field.Kind == FieldKind.Boolean ? "true ou false" : string.Join(", ", field.Values);
            Error(line, $"{where} : valeur « {value} » inconnue pour {field.Name} ; attendu une de : {hint}");
            return null;
        }
    }
}
