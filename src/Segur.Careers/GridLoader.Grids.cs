using System.Globalization;
using System.Text.Json.Nodes;
using Segur.Engine;
using Segur.Engine.Law;
using Segur.Engine.Profiles;
using Segur.Engine.Time;
using YamlDotNet.RepresentationModel;

namespace Segur.Careers;

// Grids and grades of a grid file: payments, the Ségur profile, experience points, échelons and their points over time.
public static partial class GridLoader
{
    private sealed partial class FileReader
    {
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
    }
}
