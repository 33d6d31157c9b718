using Segur.Engine.Law;
using Segur.Engine.Profiles;
using Segur.Engine.Time;

namespace Segur.Engine.Evaluation;

/// <summary>
/// Evaluates a profile month by month against the legislation. Pure: the same legislation, profile,
/// period and <c>lawAsOf</c> always give the same result (no clock, no culture).
/// </summary>
public sealed partial class Evaluator(Legislation law)
{
    private const string PublicProrationText = "decret-2020-1152";
    private const string ThirtiethsText = "decret-62-765";
    private const string PartTimeText = "temps-partiel-6-7";

    public Legislation Law { get; } = law;

    public EvaluationResult Evaluate(Profile profile, MonthRange period, DateOnly? lawAsOf = null)
    {
        var months = new List<MonthResult>(period.Count);
        foreach (var m in period.Months()) months.Add(EvaluateMonth(profile, m, lawAsOf));
        return new EvaluationResult { Profile = profile, Period = period, LawAsOf = lawAsOf, Legislation = Law, Months = months };
    }

    public MonthResult EvaluateMonth(Profile profile, YearMonth month, DateOnly? lawAsOf = null)
    {
        var results = new List<MeasureResult>(Law.Measures.Count);
        foreach (var m in Law.Measures) results.Add(EvaluateMeasure(m, profile, month, lawAsOf));

        var retained = new List<MeasureResult>();
        foreach (var family in results.GroupBy(r => r.Measure.Family))
        {
            var eligible = family.Where(r => r.Verdict == Verdict.Eligible).ToList();
            foreach (var r in eligible)
            {
                var winner = eligible.FirstOrDefault(o => r.Measure.CedesTo.Contains(o.Measure.Id));
                if (winner is null) continue;
                r.Verdict = Verdict.Superseded;
                r.SupersededBy = winner.Measure.Id;
                r.Notes.Add($"Écartée : la mesure {winner.Measure.Id} s'applique en priorité (une seule mesure de cette famille par emploi et par mois).");
                r.Amount = 0m;
                r.Calculation = [];
            }
            var paid = family.Where(r => r.Verdict == Verdict.Eligible).ToList();
            if (paid.Count > 1)
                throw new InvalidOperationException($"conflit non résolu entre {string.Join(" et ", paid.Select(p => p.Measure.Id))} en {month} : la vérification statique aurait dû le refuser");
            retained.AddRange(paid);
            if (paid.Count == 1 && family.Any(r => r.Verdict == Verdict.Undetermined && paid[0].Measure.CedesTo.Contains(r.Measure.Id)))
            {
                // Only a note: the priority measure would change which text pays, rarely the amount.
                paid[0].Notes.Add("Une mesure prioritaire de la même famille reste indéterminée faute d'information : complétez le profil.");
            }
        }

        var notes = new List<UncertaintyNote>();
        foreach (var u in Law.Uncertainties)
        {
            if (!u.InForce(month) || u.Condition.Evaluate(profile.Codes) != Tri.True) continue;
            if (u.MeasureIds.Count > 0 && !retained.Any(r => u.MeasureIds.Contains(r.Measure.Id))) continue;
            notes.Add(new UncertaintyNote(u.Id, u.Title, u.Note, u.Confidence, u.Citations));
        }

        var eligibleMonth = retained.Count > 0;
        decimal? gross = eligibleMonth ? 0m : 0m;
        foreach (var r in retained) gross = gross is null || r.Amount is null ? null : gross + r.Amount;
        var undetermined = !eligibleMonth && results.Any(r => r.Verdict == Verdict.Undetermined);
        var confidence = notes.Select(n => n.Confidence).Concat(retained.Select(r => r.Confidence)).DefaultIfEmpty(Confidence.H).Max();
        if (undetermined || retained.Any(r => r.Amount is null)) confidence = Confidence.L;
        var uncertain = confidence != Confidence.H;
        string? closest = null;
        if (!eligibleMonth)
        {
            var best = results.Where(r => r.Verdict is Verdict.NotEligible or Verdict.Undetermined)
                .OrderByDescending(r => r.Verdict == Verdict.Undetermined ? 2 : r.Score)
                .FirstOrDefault();
            closest = best?.Measure.Id;
        }
        var (net, basis) = NetEstimate(profile, month, retained, lawAsOf);
        var informations = Law.Informations
            .Where(i => i.InForce(month) && (!i.OnlyWhenNothingDue || !eligibleMonth) && i.Condition.Evaluate(profile.Codes) == Tri.True)
            .ToList();
        return new MonthResult
        {
            Month = month,
            Eligible = eligibleMonth,
            Gross = gross,
            NetEstimate = net,
            NetBasis = basis,
            Retained = retained.Select(r => r.Measure.Id).ToList(),
            Closest = closest,
            Uncertain = uncertain,
            Confidence = confidence,
            Uncertainties = notes,
            Informations = informations,
            Measures = results,
        };
    }

    private MeasureResult EvaluateMeasure(Measure m, Profile p, YearMonth month, DateOnly? lawAsOf)
    {
        var criteria = new List<CriterionResult>(m.Criteria.Count + m.Exclusions.Count + 2);
        var missing = new SortedSet<string>(StringComparer.Ordinal);
        var weak = new List<(Confidence, string)>();

        criteria.Add(InForceCriterion(m, month, lawAsOf));
        var days = Proration.Thirtieths(p.Entree, p.Sortie, month);
        if (p.Entree is not null || p.Sortie is not null)
        {
            criteria.Add(new CriterionResult("en_fonction", "En fonction au cours du mois", days > 0 ? Tri.True : Tri.False,
                days > 0 ? $"{days} trentième(s) du mois en fonction" : "hors de la période d'emploi (entrée ou sortie)",
                [], Confidence.H, null, []));
        }
        foreach (var r in m.Criteria) criteria.Add(EvaluateRule(r, p, month, lawAsOf, missing, weak));
        foreach (var e in m.Exclusions)
        {
            var hit = e.Condition.Evaluate(p.Codes);
            if (hit == Tri.Unknown) CollectMissing(e.Condition, p, missing);
            criteria.Add(new CriterionResult("exclusion." + e.Id, e.Title, TriLogic.Not(hit),
                hit switch { Tri.True => "exclu : " + (e.Description ?? e.Title), Tri.False => "non concerné", _ => "indéterminé faute d'information" },
                e.Citations, e.Confidence, e.Note, []));
        }

        var overall = Tri.True;
        foreach (var c in criteria) overall = TriLogic.And(overall, c.Result);
        var score = criteria.Count(c => c.Result == Tri.True) / (double)criteria.Count;
        var form = m.Forms.LastOrDefault(f => f.From <= month.FirstDay && (f.To is null || f.To >= month.LastDay))?.Label;

        if (overall != Tri.True)
        {
            return new MeasureResult
            {
                Measure = m, Verdict = overall == Tri.False ? Verdict.NotEligible : Verdict.Undetermined, Amount = 0m,
                Criteria = criteria, MissingFields = overall == Tri.Unknown ? [.. missing] : [], Score = score, Form = form,
            };
        }

        var result = Amount(m, p, month, lawAsOf, days, form, criteria, score, weak);
        if (m.Confidence != Confidence.H) weak.Add((m.Confidence, $"{m.Id} : {m.Note ?? "mesure établie par une source secondaire"}"));
        if (m.Note is not null && m.Confidence == Confidence.H) result.Notes.Add(m.Note);
        foreach (var (conf, text) in weak)
        {
            result.Notes.Add($"[{conf}] {text}");
            if (conf > result.Confidence) result.Confidence = conf;
        }
        result.Uncertain |= result.Confidence != Confidence.H;
        return result;
    }

    private static CriterionResult InForceCriterion(Measure m, YearMonth month, DateOnly? lawAsOf)
    {
        var label = m.To is null
            ? $"Période d'application : à compter du {Format.Date(m.From)}"
            : $"Période d'application : du {Format.Date(m.From)} au {Format.Date(m.To.Value)}";
        var published = m.InstitutedBy.PublishedOn;
        var citations = new[] { new Citation(m.InstitutedBy, null) };
        if (m.From > month.FirstDay || (m.To is { } to && to < month.LastDay))
            return new CriterionResult("en_vigueur", label, Tri.False, $"{Format.Month(month)} est hors de la période d'application", citations, Confidence.H, null, []);
        if (!m.InstitutedBy.KnownOn(lawAsOf) && lawAsOf is { } asOf && m.InstitutedBy.EarliestPublic is { } pub)
            return new CriterionResult("en_vigueur", label, Tri.False,
                $"le texte qui l'institue a été publié le {Format.Date(pub)}, après la date de droit retenue ({Format.Date(asOf)})", citations, Confidence.H, null, []);
        var detail = published is { } p2 && p2 > month.LastDay
            ? $"droit ouvert rétroactivement : texte publié le {Format.Date(p2)}"
            : null;
        return new CriterionResult("en_vigueur", label, Tri.True, detail, citations, Confidence.H, null, []);
    }

    private static CriterionResult EvaluateRule(Rule r, Profile p, YearMonth month, DateOnly? lawAsOf, ISet<string> missing, List<(Confidence, string)> weak)
    {
        if (!r.InForce(month))
        {
            var span = r.To is null ? $"à compter du {Format.Date(r.From!.Value)}" : $"jusqu'au {Format.Date(r.To.Value)}";
            return new CriterionResult(r.Id, r.Label, Tri.False, $"règle applicable {span}", r.Citations, r.Confidence, r.Note, []);
        }
        if (!r.Known(lawAsOf))
        {
            return new CriterionResult(r.Id, r.Label, Tri.False,
                $"instituée par un texte {(r.InstitutedBy!.PublishedOn is null ? "signé" : "publié")} le {Format.Date(r.InstitutedBy.EarliestPublic!.Value)}, après la date de droit retenue ({Format.Date(lawAsOf!.Value)})",
                r.Citations, r.Confidence, r.Note, []);
        }
        Tri result;
        string? detail;
        var children = new List<CriterionResult>();
        if (r.Kind == RuleKind.Leaf)
        {
            result = r.Condition!.Evaluate(p.Codes);
            if (result == Tri.Unknown) CollectMissing(r.Condition, p, missing);
            detail = Describe(r.Condition, p);
        }
        else
        {
            result = r.Kind == RuleKind.All ? Tri.True : Tri.False;
            foreach (var c in r.Children)
            {
                var cr = EvaluateRule(c, p, month, lawAsOf, missing, weak);
                children.Add(cr);
                result = r.Kind == RuleKind.All ? TriLogic.And(result, cr.Result) : TriLogic.Or(result, cr.Result);
            }
            detail = null;
        }
        if (result == Tri.True && r.Confidence != Confidence.H)
            weak.Add((r.Confidence, $"{r.Label}{(r.Note is null ? "" : " — " + r.Note)}"));
        return new CriterionResult(r.Id, r.Label, result, detail, r.Citations, r.Confidence, r.Note, children);
    }

    private static string Describe(Condition c, Profile p)
    {
        var fields = new SortedSet<FieldDef>(Comparer<FieldDef>.Create((a, b) => a.Index.CompareTo(b.Index)));
        c.CollectFields(fields);
        return string.Join(" ; ", fields.Select(f =>
        {
            var code = p.Codes[f.Index];
            return code == Facts.Absent ? $"{f.Name} non renseigné" : $"{f.Name} = {f.Describe(code)}";
        }));
    }

    private static void CollectMissing(Condition c, Profile p, ISet<string> missing)
    {
        var fields = new HashSet<FieldDef>();
        c.CollectFields(fields);
        foreach (var f in fields.Where(f => p.Codes[f.Index] == Facts.Absent)) missing.Add(f.Name);
    }

    private MeasureResult Amount(Measure m, Profile p, YearMonth month, DateOnly? lawAsOf, int days, string? form,
        List<CriterionResult> criteria, double score, List<(Confidence, string)> weak)
    {
        var steps = new List<CalculationStep>();
        if (!m.Amount.IsKnown)
        {
            var unknown = new MeasureResult { Measure = m, Verdict = Verdict.Eligible, Amount = null, Criteria = criteria, Score = score, Form = form, Uncertain = true, Confidence = Confidence.L };
            unknown.Notes.Add("Montant inconnu : " + m.Amount.UnknownNote);
            return unknown;
        }
        var first = (m.Amount.Points ?? m.Amount.Euros)!.Find(month, lawAsOf);
        var second = m.Amount.Points is not null ? m.Amount.PointValue!.Find(month, lawAsOf) : null;
        if (first is null || (m.Amount.Points is not null && second is null))
        {
            var unpublished = new MeasureResult { Measure = m, Verdict = Verdict.Eligible, Amount = null, Criteria = criteria, Score = score, Form = form, Uncertain = true, Confidence = Confidence.L };
            unpublished.Notes.Add("Montant inconnu : aucune valeur publiée pour ce mois à la date de droit retenue.");
            return unpublished;
        }
        decimal fullTime;
        if (m.Amount.Points is { } pointsParam)
        {
            var points = Value(pointsParam, month, lawAsOf, weak);
            var point = Value(m.Amount.PointValue!, month, lawAsOf, weak);
            fullTime = points.Value * point.Value / 1200m;
            steps.Add(new CalculationStep(
                $"{Format.Number(points.Value)} points × {Format.Number(point.Value)} € (valeur annuelle de l'indice 100) ÷ 1 200 = {Format.Number(fullTime)} € par mois à temps plein",
                fullTime, [points.Citation, point.Citation]));
        }
        else
        {
            var euros = Value(m.Amount.Euros!, month, lawAsOf, weak);
            fullTime = euros.Value;
            steps.Add(new CalculationStep($"montant forfaitaire à temps plein : {Format.Euros(fullTime)}", fullTime, [euros.Citation]));
        }

        var prorationCitation = m.Proration == ProrationRule.FonctionPublique && Law.Texts.TryGetValue(PublicProrationText, out var pt)
            ? new Citation(pt, "dispositions communes : réduction dans les mêmes proportions que le traitement")
            : m.Citations[0];
        var factor = 1m;
        var notes = new List<string>();
        var wt = Proration.WorkingTime(m.Proration, p, out var wtLabel, out var assumed);
        if (wt != 1m)
        {
            factor *= wt;
            var cites = new List<Citation> { prorationCitation };
            // The 6/7 and 32/35 rule was in ordonnance 82-296 until the code général de la fonction publique (1 March 2022).
            var partTimeText = month < new YearMonth(2022, 3) ? "ordonnance-82-296" : PartTimeText;
            if (wt != p.Quotite && Law.Texts.TryGetValue(partTimeText, out var tp)) cites.Add(new Citation(tp, null));
            steps.Add(new CalculationStep($"× {wtLabel}", wt, cites));
            if (wt != p.Quotite)
            {
                weak.Add((Confidence.M, "L'application au CTI des ratios 6/7 et 32/35 du traitement est déduite de la règle « mêmes proportions que le traitement » ; "
                    + $"lecture alternative (quotité brute) : {Format.Euros(Proration.ToCent(fullTime * p.Quotite))} pour un mois complet"));
                if (assumed) notes.Add("Temps partiel supposé (emploi.temps_partiel non renseigné) ; pour un temps non complet, indiquez temps_partiel: false.");
            }
        }
        if (days < 30)
        {
            factor *= days / 30m;
            var cites = new List<Citation>();
            if (Law.Texts.TryGetValue(ThirtiethsText, out var t30)) cites.Add(new Citation(t30, "art. 1 (mois compté pour 30 jours)"));
            steps.Add(new CalculationStep($"× {days}/30 (entrée ou sortie en cours de mois)", days / 30m, cites));
            if (m.Proration == ProrationRule.ContratPrive)
                weak.Add((Confidence.L, "Mois incomplet dans le privé : la règle de paie de l'employeur (heures ou jours calendaires) peut différer des trentièmes retenus ici"));
        }
        if (p.PartStructuresEligibles != 1m)
        {
            factor *= p.PartStructuresEligibles;
            steps.Add(new CalculationStep($"× {Format.Percent(p.PartStructuresEligibles)} du temps exercé dans des structures éligibles", p.PartStructuresEligibles, [prorationCitation]));
        }
        if (p.FractionTraitement != 1m)
        {
            factor *= p.FractionTraitement;
            steps.Add(new CalculationStep($"× {Format.Percent(p.FractionTraitement)} du traitement ou du salaire maintenu", p.FractionTraitement, [prorationCitation]));
            weak.Add((Confidence.M, "Maintien en congé de maladie : le CTI suit le traitement (plein traitement trois mois, puis demi-traitement), selon la FAQ du ministère"));
        }
        var amount = Proration.ToCent(fullTime * factor);
        steps.Add(new CalculationStep($"= {Format.Euros(amount)} brut (arrondi au centime à la fin du calcul)", amount, []));
        var result = new MeasureResult { Measure = m, Verdict = Verdict.Eligible, Amount = amount, Criteria = criteria, Calculation = steps, Score = score, Form = form };
        result.Notes.AddRange(notes);
        return result;
    }

    private static ParameterValue Value(Parameter param, YearMonth month, DateOnly? lawAsOf, List<(Confidence, string)> weak)
    {
        var v = param.Find(month, lawAsOf)
                ?? throw new InvalidOperationException($"paramètre {param.Id} sans valeur en {month} : la vérification au chargement aurait dû le refuser");
        if (v.Confidence != Confidence.H) weak.Add((v.Confidence, $"{param.Title} : {v.Note ?? "valeur établie par une source secondaire"}"));
        return v;
    }

    private (decimal?, string?) NetEstimate(Profile p, YearMonth month, List<MeasureResult> retained, DateOnly? lawAsOf)
    {
        if (retained.Count == 0) return (0m, null);
        decimal total = 0m;
        var bases = new List<string>();
        foreach (var r in retained)
        {
            if (r.Amount is not { } gross) return (null, "montant brut inconnu");
            if (r.Measure.Proration == ProrationRule.ContratPrive)
            {
                // Under --droit-au, the ratio's source may not be published yet: no net estimate then.
                if (Law.Parameter("ratio-net-prive").Find(month, lawAsOf) is not { } ratioValue)
                    return (null, "rapport net/brut des indemnités privées pas encore publié à la date de droit retenue : net non estimé");
                var ratio = ratioValue.Value;
                total += gross * ratio;
                bases.Add($"indemnité privée : rapport net/brut de {Format.Number(ratio)} annoncé par les employeurs (238 € brut ≈ 183 € net)");
                continue;
            }
            var statut = p.Value("emploi.statut");
            if (r.Measure.Family != "socle" || statut is not ("titulaire" or "stagiaire"))
                return (null, "pas de taux de cotisations sourcé pour ce statut ou cette prime : net non estimé");
            var cnracl = Law.Parameter("taux-cnracl-salarie").Find(month, lawAsOf)!.Value;
            var csg = Law.Parameter("taux-csg-crds-activite").Find(month, lawAsOf)!.Value;
            var assiette = Law.Parameter("assiette-csg-activite").Find(month, lawAsOf)!.Value;
            total += gross * (1m - cnracl - csg * assiette);
            bases.Add($"fonctionnaire : retenue pension CNRACL {Format.Percent(cnracl)}, CSG et CRDS {Format.Percent(csg)} sur {Format.Percent(assiette)} du brut");
        }
        return (Proration.ToCent(total), "estimation — " + string.Join(" ; ", bases));
    }
}
