using System.Globalization;
using System.Text.Json.Nodes;
using Segur.Engine;
using Segur.Engine.Documents;
using Segur.Engine.Law;
using Segur.Engine.Profiles;
using Segur.Engine.Time;
using YamlDotNet.RepresentationModel;

namespace Segur.Careers;

/// <summary>
/// Reads the pay grids of <c>legislation/grids/*.yaml</c> (one file per grid family) and checks them like
/// the rest of the law: every value cites a text of the catalogues (<c>references*.yaml</c>), dates are whole
/// months, dated values are contiguous and the last one is open-ended, each period gives one value per
/// échelon, the Ségur profile passes the profile schema. Every problem is reported in French with the file
/// and the line; loading stops with a <see cref="SegurException"/> listing all of them.
/// </summary>
public static class GridLoader
{
    /// <summary>Folder of the grid files, relative to the legislation folder.</summary>
    public const string Folder = "grids/";

    public static GridCatalog Load(ILegislationSource source, Legislation law)
    {
        var files = source.Files()
            .Where(f => f.Path.StartsWith(Folder, StringComparison.Ordinal) && f.Path.EndsWith(".yaml", StringComparison.Ordinal))
            .OrderBy(f => f.Path, StringComparer.Ordinal)
            .ToList();
        var errors = new List<string>();
        var grids = new List<Grid>();
        var profiles = new ProfileReader(law);
        foreach (var f in files)
        {
            var name = source.DisplayName(f.Path);
            var stem = f.Path[Folder.Length..^".yaml".Length];
            new FileReader(name, law, profiles, errors).Read(f.Text, stem, grids);
        }
        if (files.Count == 0) errors.Add($"{source.Origin} : aucune grille trouvée ; attendu des fichiers grids/*.yaml (voir docs/carrieres.md)");
        if (errors.Count > 0) throw new SegurException($"grilles invalides : {errors[0]}", errors.Skip(1).ToList());
        using var sha = System.Security.Cryptography.IncrementalHash.CreateHash(System.Security.Cryptography.HashAlgorithmName.SHA256);
        foreach (var f in files) sha.AppendData(System.Text.Encoding.UTF8.GetBytes(f.Path + "\0" + f.Text.Replace("\r\n", "\n") + "\0"));
        return new GridCatalog(grids, Convert.ToHexStringLower(sha.GetHashAndReset()));
    }

    /// <summary>Reads one grid file; errors go to the shared list.</summary>
    private sealed class FileReader(string file, Legislation law, ProfileReader profiles, List<string> errors)
    {
        private static readonly string[] FileKeys = ["famille", "intitule", "description", "references", "remuneration", "grilles"];
        private static readonly string[] PayKeys = ["type", "parametre_point", "diviseur", "valeurs_du_point"];
        private static readonly string[] GridKeys =
            ["id", "intitule", "description", "versements_par_an", "profil_segur", "points_experience", "variante_entree", "hypotheses", "carriere", "grades"];
        private static readonly string[] GradeKeys = ["id", "intitule", "echelons", "durees", "indices_bruts", "valeurs"];
        private static readonly string[] SourceKeys = ["reference", "confiance", "note"];

        public void Read(string text, string stem, List<Grid> grids)
        {
            var root = Parse(text);
            if (root is null) return;
            Keys(root, "fichier de grilles", FileKeys);
            var id = Text(root, "famille", "fichier de grilles", required: true);
            if (id is not null && id != stem)
                Error(Get(root, "famille"), $"famille « {id} » différente du nom du fichier ({stem}.yaml) ; attendu famille: {stem}");
            var title = Text(root, "intitule", "fichier de grilles", required: true);
            var citations = Citations(root, "references", $"famille {id}");
            var pay = Pay(Map(root, "remuneration", $"famille {id}", required: true), $"famille {id}, remuneration");
            var items = Seq(root, "grilles", $"famille {id}", required: true);
            if (id is null || title is null || pay is null || items is null) return;
            var family = new GridFamily { Id = id, Title = title, Description = Text(root, "description", "", false), Citations = citations, Pay = pay, File = file };
            if (items.Children.Count == 0) Error(items, $"famille {id} : aucune grille ; attendu au moins une grille sous « grilles: »");
            foreach (var node in items.Children)
            {
                var grid = GridOf(node, family);
                if (grid is null) continue;
                if (grids.FirstOrDefault(g => g.Name == grid.Name) is { } other)
                    Error(node, $"grille « {grid.Name} » déjà définie ({other.Family.File}, ligne {other.Line})");
                else grids.Add(grid);
            }
        }

        /// <summary>Reads the file with the shared reader (syntax, then the shape of grilles.schema.json), then as nodes.</summary>
        private YamlMappingNode? Parse(string text)
        {
            var reader = DocumentReader.Shared;
            try
            {
                var problems = reader.Check(reader.Parse(text, file), DocumentKind.Grids);
                if (problems.Count > 0)
                {
                    errors.AddRange(problems);
                    return null;
                }
            }
            catch (SegurException e)
            {
                errors.Add(e.Message);
                return null;
            }
            var stream = new YamlStream();
            stream.Load(new StringReader(text));
            return (YamlMappingNode)stream.Documents[0].RootNode;
        }

        private PayRule? Pay(YamlMappingNode? map, string where)
        {
            if (map is null) return null;
            Keys(map, where, PayKeys);
            var type = Text(map, "type", where, required: true);
            switch (type)
            {
                case "indice_majore":
                    var pid = Text(map, "parametre_point", where, required: true);
                    var divisor = Number(map, "diviseur", where, required: true);
                    if (pid is not null && !law.Parameters.ContainsKey(pid))
                        Error(Get(map, "parametre_point"), $"{where} : paramètre « {pid} » inconnu du droit ; attendu un id de legislation/parameters/ (ex. point-indice)");
                    if (divisor is <= 0) Error(Get(map, "diviseur"), $"{where} : diviseur {Num(divisor.Value)} invalide ; attendu un nombre positif (1200 : valeur annuelle de l'indice 100 sur 12 mois)");
                    if (Get(map, "valeurs_du_point") is { } extra) Error(extra, $"{where} : « valeurs_du_point » sans objet pour une grille indiciaire (la valeur vient du paramètre)");
                    if (pid is null || divisor is null or <= 0 || !law.Parameters.ContainsKey(pid)) return null;
                    return new PayRule { Kind = PayKind.IndiceMajore, ParameterId = pid, Divisor = divisor.Value };
                case "points":
                    var values = Dated(Seq(map, "valeurs_du_point", where, required: true), $"{where}, valeurs_du_point", "valeur");
                    foreach (var (node, v) in values)
                    {
                        if (v.Value <= 0) Error(node, $"{where} : valeur du point {Num(v.Value)} invalide ; attendu un nombre positif (euros par point et par mois)");
                    }
                    return values.Count == 0 ? null : new PayRule { Kind = PayKind.Points, PointValues = values.Select(v => v.Value).ToList() };
                case null:
                    return null;
                default:
                    Error(Get(map, "type"), $"{where} : type « {type} » inconnu ; attendu indice_majore ou points");
                    return null;
            }
        }

        private Grid? GridOf(YamlNode node, GridFamily family)
        {
            if (node is not YamlMappingNode map)
            {
                Error(node, $"famille {family.Id} : grille mal formée ; attendu un objet (id, intitule, versements_par_an, profil_segur, carriere, grades)");
                return null;
            }
            var id = Text(map, "id", $"famille {family.Id}, grille", required: true);
            var where = $"grille {family.Id}:{id ?? "?"}";
            Keys(map, where, GridKeys);
            if (id is not null && (id.Contains(':') || id.Any(char.IsWhiteSpace)))
                Error(Get(map, "id"), $"{where} : id « {id} » invalide ; attendu un identifiant sans espace ni deux-points (ex. niveau-5)");
            var title = Text(map, "intitule", where, required: true);

            int? payments = null;
            Sourced? paymentsSource = null;
            if (Map(map, "versements_par_an", where, required: true) is { } pm)
            {
                Keys(pm, $"{where}, versements_par_an", ["valeur", .. SourceKeys]);
                payments = Integer(pm, "valeur", $"{where}, versements_par_an", required: true);
                if (payments is < 12 or > 14) Error(Get(pm, "valeur"), $"{where} : versements_par_an {payments} invalide ; attendu 12, 13 ou 14 versements du salaire mensuel par an");
                paymentsSource = Source(pm, $"{where}, versements_par_an");
            }

            string? profileLabel = null;
            string? profileNote = null;
            Profile? profile = null;
            JsonObject? profileJson = null;
            if (Map(map, "profil_segur", where, required: true) is { } ps)
            {
                var pw = $"{where}, profil_segur";
                Keys(ps, pw, ["libelle", "note", "profil"]);
                profileLabel = Text(ps, "libelle", pw, required: true);
                profileNote = Text(ps, "note", pw, required: false);
                if (Map(ps, "profil", pw, required: true) is { } pn && YamlJson.ToJson(pn) is JsonObject obj)
                {
                    try
                    {
                        profile = profiles.Read(obj, $"{file}, ligne {pn.Start.Line}, {pw}.profil");
                        profileJson = obj;
                    }
                    catch (SegurException e)
                    {
                        errors.Add(e.Message);
                        errors.AddRange(e.Details);
                    }
                }
            }

            var experience = new List<ExperienceRule>();
            if (Seq(map, "points_experience", where, required: false) is { } es)
            {
                var ew = $"{where}, points_experience";
                foreach (var (n, period) in Periods(es, ew, ["points_par_an", "plafond"]))
                {
                    var perYear = Integer(n, "points_par_an", ew, required: true);
                    var cap = Integer(n, "plafond", ew, required: true);
                    if (perYear is < 0) Error(Get(n, "points_par_an"), $"{ew} : points_par_an {perYear} invalide ; attendu un entier positif ou nul");
                    if (cap is < 0) Error(Get(n, "plafond"), $"{ew} : plafond {cap} invalide ; attendu un entier positif ou nul");
                    if (perYear is null or < 0 || cap is null or < 0 || period.Source is null) continue;
                    experience.Add(new ExperienceRule(period.From, period.To, perYear.Value, cap.Value, period.Source));
                }
            }

            EntryVariant? variant = null;
            if (Map(map, "variante_entree", where, required: false) is { } vm)
            {
                var vw = $"{where}, variante_entree";
                Keys(vm, vw, ["montant", "libelle", .. SourceKeys]);
                var amount = Number(vm, "montant", vw, required: true);
                var label = Text(vm, "libelle", vw, required: true);
                var source = Source(vm, vw);
                if (amount is <= 0) Error(Get(vm, "montant"), $"{vw} : montant {Num(amount.Value)} invalide ; attendu un salaire brut mensuel positif");
                if (amount is > 0 && label is not null && source is not null) variant = new EntryVariant(amount.Value, label, source);
            }

            var assumptions = new List<Assumption>();
            if (Seq(map, "hypotheses", where, required: false) is { } hs)
            {
                var hw = $"{where}, hypotheses";
                foreach (var h in hs.Children)
                {
                    if (h is not YamlMappingNode hm)
                    {
                        Error(h, $"{hw} : attendu un objet {{texte: ..., reference: {{texte: <id>}}}}");
                        continue;
                    }
                    Keys(hm, hw, ["texte", "reference", "confiance"]);
                    var t = Text(hm, "texte", hw, required: true);
                    var s = Source(hm, hw);
                    if (t is not null && s is not null) assumptions.Add(new Assumption(t, s));
                }
            }

            var grades = new List<Grade>();
            if (Seq(map, "grades", where, required: true) is { } gs)
            {
                if (gs.Children.Count == 0) Error(gs, $"{where} : aucun grade ; attendu au moins un grade sous « grades: »");
                foreach (var g in gs.Children)
                {
                    var grade = GradeOf(g, where);
                    if (grade is null) continue;
                    if (grades.Any(x => x.Id == grade.Id)) Error(g, $"{where} : grade « {grade.Id} » défini deux fois");
                    else grades.Add(grade);
                }
            }

            Grade? initial = null;
            var initialEchelon = 1;
            if (Map(map, "carriere", where, required: true) is { } cm)
            {
                var cw = $"{where}, carriere";
                Keys(cm, cw, ["grade_initial", "echelon_initial"]);
                var gid = Text(cm, "grade_initial", cw, required: true);
                initialEchelon = Integer(cm, "echelon_initial", cw, required: false) ?? 1;
                if (gid is not null && grades.Count > 0)
                {
                    initial = grades.FirstOrDefault(g => g.Id == gid);
                    if (initial is null)
                        Error(Get(cm, "grade_initial"), $"{cw} : grade « {gid} » inconnu ; attendu un de {string.Join(", ", grades.Select(g => g.Id))}");
                    else if (initialEchelon < 1 || initialEchelon > initial.Echelons.Count)
                        Error(Get(cm, "echelon_initial") ?? cm, $"{cw} : échelon {initialEchelon} inexistant ; le grade {gid} a les échelons 1 à {initial.Echelons.Count}");
                }
            }

            if (id is null || title is null || payments is null or < 12 or > 14 || paymentsSource is null || profileLabel is null || profile is null
                || profileJson is null || initial is null || initialEchelon < 1 || initialEchelon > initial.Echelons.Count)
                return null;

            var starts = new List<DateOnly> { initial.ValidFrom };
            if (family.Pay.Kind == PayKind.Points) starts.Add(family.Pay.PointValues[0].From);
            else starts.Add(law.Parameter(family.Pay.ParameterId!).Values[0].From);
            if (experience.Count > 0) starts.Add(experience[0].From);
            return new Grid
            {
                Family = family, Id = id, Title = title, Description = Text(map, "description", where, required: false),
                PaymentsPerYear = payments.Value, PaymentsSource = paymentsSource, ProfileLabel = profileLabel, ProfileNote = profileNote,
                Profile = profile, ProfileJson = profileJson, Experience = experience, EntryVariant = variant, Assumptions = assumptions,
                InitialGrade = initial, InitialEchelon = initialEchelon, Grades = grades, Line = (int)map.Start.Line,
                ValidFrom = YearMonth.Of(starts.Max()),
            };
        }

        private Grade? GradeOf(YamlNode node, string gridWhere)
        {
            if (node is not YamlMappingNode map)
            {
                Error(node, $"{gridWhere} : grade mal formé ; attendu un objet (id, intitule, echelons, valeurs)");
                return null;
            }
            var id = Text(map, "id", $"{gridWhere}, grade", required: true);
            var where = $"{gridWhere}, grade {id ?? "?"}";
            Keys(map, where, GradeKeys);
            var title = Text(map, "intitule", where, required: true);
            var echelons = new List<Echelon>();
            var ew = $"{where}, echelons";
            if (Seq(map, "echelons", where, required: true) is { } es)
            {
                if (es.Children.Count == 0) Error(es, $"{ew} : liste vide ; attendu au moins un échelon");
                for (var i = 0; i < es.Children.Count; i++)
                {
                    if (es.Children[i] is not YamlMappingNode em)
                    {
                        Error(es.Children[i], $"{ew} : attendu un objet {{echelon: N, duree_mois: M, ib: I}}");
                        continue;
                    }
                    Keys(em, ew, ["echelon", "duree_mois", "ib"]);
                    var number = Integer(em, "echelon", ew, required: true);
                    var duration = Integer(em, "duree_mois", ew, required: false);
                    var ib = Integer(em, "ib", ew, required: false);
                    var last = i == es.Children.Count - 1;
                    if (number is not null && number != i + 1)
                        Error(em, $"{ew} : échelon {number} à la position {i + 1} ; attendu des échelons numérotés 1, 2, 3… dans l'ordre");
                    if (!last && duration is null)
                        Error(em, $"{ew} : échelon {number} sans duree_mois ; attendu la durée (en mois) de chaque échelon sauf le dernier");
                    if (duration is <= 0) Error(Get(em, "duree_mois"), $"{ew} : échelon {number} : duree_mois {duration} invalide ; attendu un nombre de mois positif");
                    if (last && duration is not null)
                        Error(Get(em, "duree_mois"), $"{ew} : le dernier échelon ({number}) a une durée ; attendu aucune duree_mois pour l'échelon terminal");
                    if (ib is <= 0) Error(Get(em, "ib"), $"{ew} : échelon {number} : indice brut {ib} invalide");
                    if (number is not null) echelons.Add(new Echelon(number.Value, last ? null : duration, ib));
                }
            }
            Sourced? durations = null;
            if (Map(map, "durees", where, required: echelons.Count > 1) is { } dm)
            {
                Keys(dm, $"{where}, durees", SourceKeys);
                durations = Source(dm, $"{where}, durees");
            }
            Sourced? indicesBruts = null;
            var withIb = echelons.Count(e => e.IndiceBrut is not null);
            if (withIb > 0 && withIb < echelons.Count)
                Error(map, $"{ew} : indices bruts donnés pour {withIb} échelons sur {echelons.Count} ; attendu tous ou aucun");
            if (Map(map, "indices_bruts", where, required: withIb > 0) is { } im)
            {
                Keys(im, $"{where}, indices_bruts", SourceKeys);
                indicesBruts = Source(im, $"{where}, indices_bruts");
            }
            var values = new List<DatedPoints>();
            var vw = $"{where}, valeurs";
            if (Seq(map, "valeurs", where, required: true) is { } vs)
            {
                foreach (var (n, period) in Periods(vs, vw, ["points"]))
                {
                    if (Seq(n, "points", vw, required: true) is not { } ps) continue;
                    var points = new List<decimal>();
                    foreach (var p in ps.Children)
                    {
                        if (p is YamlScalarNode { Value: { } pv } && decimal.TryParse(pv, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var d) && d > 0)
                            points.Add(d);
                        else Error(p, $"{vw} : « {(p as YamlScalarNode)?.Value} » n'est pas un nombre de points positif (séparateur décimal : le point)");
                    }
                    if (points.Count != ps.Children.Count) continue;
                    if (echelons.Count > 0 && points.Count != echelons.Count)
                    {
                        Error(ps, $"{vw} : {points.Count} valeurs pour {echelons.Count} échelons (période du {Format.Iso(period.From)}) ; attendu une valeur par échelon, dans l'ordre");
                        continue;
                    }
                    if (period.Source is not null) values.Add(new DatedPoints(period.From, period.To, points, period.Source));
                }
            }
            if (id is null || title is null || echelons.Count == 0 || values.Count == 0 || (echelons.Count > 1 && durations is null)) return null;
            return new Grade { Id = id, Title = title, Echelons = echelons, Durations = durations, IndicesBruts = indicesBruts, Values = values };
        }

        /// <summary>Dated values with one number under <paramref name="key"/>.</summary>
        private List<(YamlMappingNode Node, DatedValue Value)> Dated(YamlSequenceNode? seq, string where, string key)
        {
            var result = new List<(YamlMappingNode, DatedValue)>();
            if (seq is null) return result;
            foreach (var (n, period) in Periods(seq, where, [key]))
            {
                var v = Number(n, key, where, required: true);
                if (v is not null && period.Source is not null) result.Add((n, new DatedValue(period.From, period.To, v.Value, period.Source)));
            }
            return result;
        }

        private sealed record Period(DateOnly From, DateOnly? To, Sourced? Source);

        /// <summary>
        /// Reads a list of dated items (du, au, reference, confiance, note, plus <paramref name="keys"/>): whole
        /// months, chronological, contiguous; the last one has no end (it runs until a new value is known).
        /// An item without <c>au</c> that is not the last runs until the next one starts.
        /// </summary>
        private List<(YamlMappingNode Node, Period Period)> Periods(YamlSequenceNode seq, string where, string[] keys)
        {
            var read = new List<(YamlMappingNode Node, Period Period, bool HasTo)>();
            if (seq.Children.Count == 0) Error(seq, $"{where} : liste vide ; attendu au moins une valeur datée (du, reference…)");
            foreach (var item in seq.Children)
            {
                if (item is not YamlMappingNode m)
                {
                    Error(item, $"{where} : attendu un objet {{du: AAAA-MM-JJ, …, reference: {{texte: <id>}}}}");
                    continue;
                }
                Keys(m, where, ["du", "au", .. keys, .. SourceKeys]);
                var from = Date(m, "du", where, required: true);
                var to = Date(m, "au", where, required: false);
                if (from is { Day: not 1 } f) Error(Get(m, "du"), $"{where} : du : {Format.Iso(f)} ; les valeurs sont mensuelles, attendu le premier jour d'un mois");
                if (to is { } t && t.Day != DateTime.DaysInMonth(t.Year, t.Month))
                    Error(Get(m, "au"), $"{where} : au : {Format.Iso(t)} ; les valeurs sont mensuelles, attendu le dernier jour d'un mois");
                if (from is not null && to is not null && to < from)
                    Error(m, $"{where} : période du {Format.Iso(from.Value)} au {Format.Iso(to.Value)} impossible (fin avant début)");
                var source = Source(m, where);
                if (from is null) continue;
                read.Add((m, new Period(from.Value, to, source), to is not null));
            }
            var result = new List<(YamlMappingNode, Period)>();
            for (var i = 0; i < read.Count; i++)
            {
                var (node, p, hasTo) = read[i];
                if (i + 1 < read.Count)
                {
                    var next = read[i + 1].Period.From;
                    if (next <= p.From)
                        Error(read[i + 1].Node, $"{where} : valeurs non classées par date (le {Format.Iso(next)} suit le {Format.Iso(p.From)}) ; attendu l'ordre chronologique");
                    else if (hasTo && p.To!.Value.AddDays(1) < next)
                        Error(read[i + 1].Node, $"{where} : trou entre le {Format.Iso(p.To.Value)} et le {Format.Iso(next)} ; attendu des valeurs contiguës");
                    else if (hasTo && p.To!.Value >= next)
                        Error(read[i + 1].Node, $"{where} : chevauchement : la valeur du {Format.Iso(p.From)} court jusqu'au {Format.Iso(p.To.Value)}, après le début de la suivante ({Format.Iso(next)})");
                    if (!hasTo && next > p.From) p = p with { To = next.AddDays(-1) };
                }
                else if (hasTo)
                {
                    Error(node, $"{where} : la dernière valeur s'arrête le {Format.Iso(p.To!.Value)} ; attendu une dernière valeur sans « au » (prolongée tant qu'aucune nouvelle valeur n'est connue)");
                }
                result.Add((node, p));
            }
            return result;
        }

        private Sourced? Source(YamlMappingNode map, string where)
        {
            var refNode = Get(map, "reference");
            Citation? citation = null;
            if (refNode is null)
                Error(map, $"{where} : aucune référence ; attendu « reference: {{texte: <id d'un catalogue references*.yaml>, article: ...}} »");
            else citation = Cite(refNode, where);
            var confidence = Confidence(map, where);
            var note = Text(map, "note", where, required: false);
            return citation is null ? null : new Sourced(citation, confidence, note);
        }

        private List<Citation> Citations(YamlMappingNode map, string key, string where)
        {
            var seq = Seq(map, key, where, required: true);
            if (seq is null) return [];
            if (seq.Children.Count == 0) Error(seq, $"{where} : aucune référence ; attendu « {key}: [{{texte: <id>}}] »");
            return seq.Children.Select(c => Cite(c, where)).Where(c => c is not null).Select(c => c!).ToList();
        }

        private Citation? Cite(YamlNode node, string where)
        {
            if (node is not YamlMappingNode m)
            {
                Error(node, $"{where} : référence mal formée ; attendu {{texte: <id>, article: ...}}");
                return null;
            }
            Keys(m, $"{where}, référence", ["texte", "article"]);
            var id = Text(m, "texte", $"{where}, référence", required: true);
            if (id is null) return null;
            if (!law.Texts.TryGetValue(id, out var text))
            {
                Error(m, $"{where} : texte « {id} » absent des catalogues references*.yaml ; attendu l'id d'un texte cité (ajoutez-le à references-grilles.yaml)");
                return null;
            }
            var article = Text(m, "article", where, required: false);
            return new Citation(text, article);
        }

        private Confidence Confidence(YamlMappingNode map, string where)
        {
            var v = Text(map, "confiance", where, required: false);
            switch (v)
            {
                case null or "H": return Engine.Law.Confidence.H;
                case "M": return Engine.Law.Confidence.M;
                case "L": return Engine.Law.Confidence.L;
                default:
                    Error(Get(map, "confiance"), $"{where} : confiance « {v} » inconnue ; attendu H, M ou L");
                    return Engine.Law.Confidence.H;
            }
        }

        // ---- node helpers ------------------------------------------------------------------------------

        private void Error(YamlNode? node, string message) =>
            errors.Add(node is null ? $"{file} : {message}" : $"{file}, ligne {node.Start.Line} : {message}");

        private void Keys(YamlMappingNode map, string where, string[] allowed)
        {
            foreach (var key in map.Children.Keys)
            {
                var name = (key as YamlScalarNode)?.Value ?? "";
                if (!allowed.Contains(name))
                    Error(key, $"{where} : clé inconnue « {name} » ; attendu une de {string.Join(", ", allowed)} (voir docs/carrieres.md)");
            }
        }

        private static YamlNode? Get(YamlMappingNode map, string key) =>
            map.Children.TryGetValue(new YamlScalarNode(key), out var v) ? v : null;

        private string? Text(YamlMappingNode map, string key, string where, bool required)
        {
            var node = Get(map, key);
            if (node is null)
            {
                if (required) Error(map, $"{where} : clé « {key} » manquante ; attendu un texte");
                return null;
            }
            if (node is YamlScalarNode { Value: { } v } && !string.IsNullOrWhiteSpace(v)) return v.Trim();
            if (node is YamlScalarNode && !required) return null;
            Error(node, $"{where} : {key} : attendu un texte non vide");
            return null;
        }

        private decimal? Number(YamlMappingNode map, string key, string where, bool required)
        {
            var node = Get(map, key);
            if (node is null)
            {
                if (required) Error(map, $"{where} : clé « {key} » manquante ; attendu un nombre");
                return null;
            }
            if (node is YamlScalarNode { Value: { } v } && decimal.TryParse(v, NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var d))
                return d;
            Error(node, $"{where} : {key} : « {(node as YamlScalarNode)?.Value} » n'est pas un nombre ; attendu un nombre (séparateur décimal : le point, ex. 7.60939)");
            return null;
        }

        private int? Integer(YamlMappingNode map, string key, string where, bool required)
        {
            var node = Get(map, key);
            if (node is null)
            {
                if (required) Error(map, $"{where} : clé « {key} » manquante ; attendu un nombre entier");
                return null;
            }
            if (node is YamlScalarNode { Value: { } v } && int.TryParse(v, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var i)) return i;
            Error(node, $"{where} : {key} : « {(node as YamlScalarNode)?.Value} » n'est pas un nombre entier");
            return null;
        }

        private DateOnly? Date(YamlMappingNode map, string key, string where, bool required)
        {
            var node = Get(map, key);
            if (node is null)
            {
                if (required) Error(map, $"{where} : clé « {key} » manquante ; attendu une date AAAA-MM-JJ");
                return null;
            }
            if (node is YamlScalarNode { Value: { } v } && DateOnly.TryParseExact(v, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)) return d;
            Error(node, $"{where} : {key} : « {(node as YamlScalarNode)?.Value} » n'est pas une date ; attendu AAAA-MM-JJ");
            return null;
        }

        private YamlMappingNode? Map(YamlMappingNode map, string key, string where, bool required)
        {
            var node = Get(map, key);
            if (node is YamlMappingNode m) return m;
            if (node is null)
            {
                if (required) Error(map, $"{where} : clé « {key} » manquante ; attendu un objet");
                return null;
            }
            Error(node, $"{where} : {key} : objet attendu (clés « nom: valeur »)");
            return null;
        }

        private YamlSequenceNode? Seq(YamlMappingNode map, string key, string where, bool required)
        {
            var node = Get(map, key);
            if (node is YamlSequenceNode s) return s;
            if (node is null)
            {
                if (required) Error(map, $"{where} : clé « {key} » manquante ; attendu une liste");
                return null;
            }
            Error(node, $"{where} : {key} : liste attendue (éléments précédés de « - »)");
            return null;
        }

        private static string Num(decimal d) => d.ToString(CultureInfo.InvariantCulture);
    }
}
