using Segur.Reports;
using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Segur.Batch;
using Segur.Engine.Evaluation;
using Segur.Engine.Law;
using Segur.Engine.Profiles;
using Segur.Engine.Time;

namespace Segur.Questions;

// The cost of an extension over the strata of the population file (see BriefBuilder).
public sealed partial class BriefBuilder
{
    // ── Cost of the extension ──────────────────────────────────────────────────────────────────────

    private (ReformSource Source, Legislation Law) ReformLaw(string path)
    {
        if (!_reformLaws.TryGetValue(path, out var loaded))
        {
            var source = _reforms.Get(path);
            _reformLaws[path] = loaded = (source, LegislationLoader.Load(_source, source));
        }
        return loaded;
    }

    private ExtensionCost Cost(string path, IReadOnlyList<PopulationDefinition> populations, YearMonth questionMonth, bool retroAsked, (DateOnly Date, string Excerpt)? retroDate)
    {
        var (source, reformLaw) = ReformLaw(path);
        var info = reformLaw.Reform ?? throw new SegurException($"{source.Name} : le fichier n'a pas été lu comme un scénario de réforme");
        var measures = info.NewMeasures.Concat(info.ChangedMeasures).Distinct().Select(id => reformLaw.Measure(id)!).ToList();
        var overlayStart = YearMonth.Of(ScenarioStart(info, measures) ?? info.DecidedOn);
        var start = retroDate is { } rd && YearMonth.Of(rd.Date) > overlayStart ? YearMonth.Of(rd.Date) : overlayStart;
        var decided = YearMonth.Of(info.DecidedOn);
        var end = questionMonth > decided ? questionMonth : decided;
        if (end < start) end = start;
        var period = new MonthRange(start, end);

        var all = populations.SelectMany(p => p.Strata).Distinct(StringComparer.Ordinal).ToList();
        var facts = Facts(source, reformLaw, info, measures, period, all);
        var parts = new List<PopulationCost>();
        foreach (var p in populations)
        {
            var strata = Strata(p.Strata);
            var perWorker = PerWorker(path, reformLaw, p, period);
            if (strata.Count == 0)
            {
                parts.Add(new PopulationCost(p, strata, null, [], null, perWorker, _headcounts.Get(p.Id)));
                continue;
            }
            var totals = Run(path, reformLaw, p.Strata, period);
            parts.Add(new PopulationCost(p, strata, totals, Figures(totals, strata, facts, info, period), null, perWorker));
        }

        // The total is one run over the distinct strata of all the populations (never a double count).
        var allStrata = Strata(all);
        CostTotals? sum = all.Count == 0 ? null : Run(path, reformLaw, all, period);
        var figures = sum is null ? [] : Figures(sum, allStrata, facts, info, period);

        var notes = new List<string>();
        var decidedOn = Format.Date(info.DecidedOn);
        if (!retroAsked)
            notes.Add($"La question ne demande pas expressément d'effet rétroactif ; le scénario en prévoit un (à partir {FrenchMonth.From(overlayStart)}). Sans rétroactivité, les rappels ne seraient pas dus et seul le coût à partir du {decidedOn} compterait.");
        else if (retroDate is { } r)
            notes.Add(YearMonth.Of(r.Date) >= overlayStart
                ? $"La question demande un effet rétroactif au {Format.Date(r.Date)} (« {Shorten(r.Excerpt, 160)} ») : la période chiffrée commence en {Format.Month(start)}."
                : $"La question demande un effet rétroactif au {Format.Date(r.Date)} (« {Shorten(r.Excerpt, 160)} ») ; le scénario ne commence qu'en {Format.Month(overlayStart)} : les mois antérieurs ne sont pas chiffrés.");
        else
            notes.Add($"La question demande un effet rétroactif sans en donner la date : celle du scénario est retenue ({Format.Month(overlayStart)}).");
        foreach (var p in parts.Where(x => x.Note is not null)) notes.Add($"{p.Population.Label} : {p.Note}.");
        var shared = all.Where(s => populations.Count(p => p.Strata.Contains(s)) > 1).ToList();
        if (shared.Count > 0)
            notes.Add($"Des populations partagent des strates ({string.Join(", ", shared)}) : chacune est chiffrée sur ses strates entières, leurs parts se recouvrent et ne s'additionnent pas ; le total est calculé une seule fois sur les strates réunies.");

        var assumptions = Assumptions(source, info, facts, allStrata, period, decided);
        assumptions.AddRange(PerWorkerAssumptions(parts, period, facts.Reform));
        return new ExtensionCost(source.Name, info, period, retroAsked, retroDate?.Date, parts, sum, figures, assumptions, notes);
    }

    private List<StratumEstimate> Strata(IReadOnlyList<string> ids) =>
        ids.Select(id => _model.Strata.First(s => s.Id == id))
           .Select(s => new StratumEstimate(s.Id, s.Headcount, ParseConfidence(s.Confidence), s.Source, s.Note))
           .ToList();

    private static Confidence ParseConfidence(string s) => s switch { "H" => Confidence.H, "M" => Confidence.M, _ => Confidence.L };

    /// <summary>
    /// Draws the strata at their exact headcounts into a temporary CSV and runs the law and the reform over
    /// it (strict: a generated row the reader refuses is an error, not a reject file). Cached per brief builder.
    /// </summary>
    private CostTotals Run(string reformPath, Legislation reformLaw, IReadOnlyList<string> strata, MonthRange period)
    {
        var metadata = new Dictionary<string, string>
        {
            ["segur.population"] = JsonSerializer.Serialize(new { source = "legislation/populations/france.yaml", strates = strata, graine = _options.Seed }),
        };
        var headcount = strata.Sum(id => _model.Strata.First(s => s.Id == id).Headcount);
        return RunFile($"{reformPath}|{string.Join(",", strata)}|{period}", reformLaw, period, headcount,
            csv => PopulationParquet.Write(csv, _law.Vocabulary, _model.GenerateStrata(strata, _options.Seed), metadata, _model.Columns(_law.Vocabulary)));
    }

    /// <summary>
    /// Writes a temporary workforce CSV with <paramref name="write"/>, runs the law and the reform over it (strict) and
    /// deletes it; cached by <paramref name="key"/> for the life of the brief builder.
    /// </summary>
    private CostTotals RunFile(string key, Legislation reformLaw, MonthRange period, long headcount, Action<string> write)
    {
        if (_runs.TryGetValue(key, out var cached)) return cached;
        var dir = _options.TempDirectory is null
            ? Directory.CreateTempSubdirectory("segur-fiche-").FullName
            : Directory.CreateDirectory(Path.Combine(_options.TempDirectory, "segur-fiche-" + Guid.NewGuid().ToString("N"))).FullName;
        try
        {
            var csv = Path.Combine(dir, "effectifs.csv");
            write(csv);
            var result = BatchRunner.Run(_law, reformLaw, new BatchOptions(csv, period, Strict: true));
            return _runs[key] = CostTotals.Of(headcount, result);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    /// <summary>The facts a costing rests on, each with its references and confidence.</summary>
    private sealed record CostFacts(
        List<BriefReference> Reform, Confidence Decision,
        List<BriefReference> Amount, Confidence AmountConfidence, List<string> AmountText, List<string> AmountCaveats,
        List<BriefReference> Employer, Confidence EmployerConfidence, List<string> EmployerText, List<string> EmployerCaveats);

    private CostFacts Facts(ReformSource source, Legislation reformLaw, ReformInfo info, List<Measure> measures, MonthRange period, IReadOnlyList<string> strata)
    {
        var reformRefs = new List<BriefReference> { new($"Scénario de réforme {source.Name} : « {info.Title} », décision supposée le {Format.Date(info.DecidedOn)}", null) };
        var scenarioTexts = ScenarioTexts(info, measures);
        reformRefs.AddRange(scenarioTexts.Select(t => BriefReference.Of(new Citation(t, null))));
        // A decision date is always an assumption of the scenario: L unless its texts say better.
        var decision = scenarioTexts.Count == 0 ? Confidence.L : Weakest(scenarioTexts.Select(t => t.Confidence));

        var amountRefs = new List<BriefReference>();
        var amountText = new List<string>();
        var amountCaveats = new List<string>();
        var amountConf = Confidence.H;
        foreach (var m in measures)
        {
            foreach (var p in new[] { m.Amount.Euros, m.Amount.Points, m.Amount.PointValue }.OfType<Parameter>())
            {
                foreach (var v in ValuesIn(p, period))
                {
                    amountRefs.Add(BriefReference.Of(v.Citation));
                    amountConf = Weakest([amountConf, v.Confidence]);
                    var shown = p.Unit.Contains("euro", StringComparison.OrdinalIgnoreCase) ? Format.Euros(v.Value) : Format.Number(v.Value);
                    amountText.Add($"{m.Id} : {p.Title} = {shown} ({p.Unit}) à partir du {Format.Date(v.From)}{(v.Note is null ? "" : $" — {v.Note}")}");
                    if (v.Confidence != Confidence.H) amountCaveats.Add($"montant {p.Id} de confiance {v.Confidence}");
                }
            }
            if (!m.Amount.IsKnown) amountCaveats.Add($"montant de {m.Id} inconnu : {m.Amount.UnknownNote}");
            amountText.Add($"{m.Id} : proratisation {m.Proration.Title.ToLowerInvariant()}");
        }

        var rates = new EmployerRates(reformLaw);
        var employerIds = new List<string>();
        foreach (var st in _model.Strata.Where(s => strata.Contains(s.Id)))
        {
            var codes = new int[reformLaw.Vocabulary.Fields.Count];
            Array.Fill(codes, Segur.Engine.Profiles.Facts.Absent);
            foreach (var (k, v) in st.Profile)
                if (reformLaw.Vocabulary.TryGet(k, out var f) && f.TryCode(v, out var c)) codes[f.Index] = c;
            foreach (var m in measures)
                if (rates.Rule(m, codes)?.Rate.Id is { } id && !employerIds.Contains(id)) employerIds.Add(id);
        }
        var employerRefs = new List<BriefReference>();
        var employerText = new List<string>();
        var employerCaveats = new List<string>();
        var employerConf = Confidence.H;
        foreach (var id in employerIds)
        {
            if (!reformLaw.Parameters.TryGetValue(id, out var p)) continue;
            foreach (var v in ValuesIn(p, period))
            {
                employerRefs.Add(BriefReference.Of(v.Citation));
                employerConf = Weakest([employerConf, v.Confidence]);
                employerText.Add($"{id} : {p.Title} = {Format.Number(v.Value)} du montant brut à partir du {Format.Date(v.From)}{(v.Note is null ? "" : $" — {v.Note}")}");
                var marginal = p.Description?.Contains("marginal", StringComparison.OrdinalIgnoreCase) == true || id is "taux-employeur-prive" or "taux-employeur-securite-sociale";
                employerCaveats.Add($"taux {id} = {Format.Number(v.Value)}{(marginal ? ", estimation du coût marginal (réduction générale comprise), pas un barème" : "")}, confiance {v.Confidence}");
            }
        }
        return new CostFacts(reformRefs, decision, amountRefs.Distinct().ToList(), amountConf, amountText, amountCaveats,
            employerRefs.Distinct().ToList(), employerConf, employerText, employerCaveats);
    }

    /// <summary>
    /// The texts of the scenario: those instituting its new measures, and those instituting the rules it adds
    /// to existing measures (nature « scenario »), not the texts of the measures it amends.
    /// </summary>
    private static List<LegalText> ScenarioTexts(ReformInfo info, List<Measure> measures)
    {
        var texts = measures.Where(m => info.NewMeasures.Contains(m.Id)).Select(m => m.InstitutedBy).ToList();
        texts.AddRange(measures.Where(m => info.ChangedMeasures.Contains(m.Id)).SelectMany(m => Rules(m.Criteria))
            .Select(r => r.InstitutedBy).OfType<LegalText>().Where(t => t.Nature == "scenario"));
        return texts.Distinct().ToList();
    }

    /// <summary>
    /// First day the scenario changes anything: the start of its new measures, and of the dated rules it adds
    /// to existing measures (an extension « du 1er janvier 2024 » of M2, not M2's own start); null when unknown.
    /// </summary>
    private static DateOnly? ScenarioStart(ReformInfo info, List<Measure> measures)
    {
        var starts = measures.Where(m => info.NewMeasures.Contains(m.Id)).Select(m => m.From).ToList();
        foreach (var m in measures.Where(m => info.ChangedMeasures.Contains(m.Id)))
        {
            var added = Rules(m.Criteria).Where(r => r.InstitutedBy?.Nature == "scenario").ToList();
            if (added.Count == 0) starts.Add(m.From); // dates or amount changed: the measure's (new) start
            else starts.AddRange(added.Select(r => r.From is { } f && f > m.From ? f : m.From));
        }
        return starts.Count == 0 ? null : starts.Min();
    }

    private static IEnumerable<Rule> Rules(IEnumerable<Rule> rules) => rules.SelectMany(r => new[] { r }.Concat(Rules(r.Children)));

    private static IEnumerable<ParameterValue> ValuesIn(Parameter p, MonthRange period) =>
        period.Months().Select(m => p.Find(m)).OfType<ParameterValue>().Distinct();

    private static List<BriefFigure> Figures(CostTotals t, IReadOnlyList<StratumEstimate> strata, CostFacts f, ReformInfo info, MonthRange period)
    {
        var strataRefs = strata.Select(s => s.Reference).ToList();
        var strataConf = Weakest(strata.Select(s => s.Confidence));
        var uncertainStrata = strata.Where(s => s.Confidence != Confidence.H).ToList();
        List<string> strataCaveats = uncertainStrata.Count == 0 ? []
            : [$"effectif{(uncertainStrata.Count > 1 ? "s" : "")} de confiance {string.Join(", ", uncertainStrata.Select(s => $"{s.Confidence} ({s.Id})"))}, voir les hypothèses"];
        var rowCaveats = new List<string>();
        if (t.UncertainRows > 0) rowCaveats.Add($"{Format.Integer(t.UncertainRows)} ligne(s) au verdict incertain sous la réforme");
        var rowConf = t.UncertainRows > 0 ? Confidence.L : Confidence.H;
        var decisionCaveat = $"date de décision supposée par le scénario ({Format.Date(info.DecidedOn)}, confiance {f.Decision})";

        BriefFigure Fig(string id, string label, decimal? value, BriefUnit unit, IEnumerable<BriefReference> refs, IEnumerable<Confidence> grades, IEnumerable<string> caveats)
        {
            var conf = Weakest(grades);
            var text = caveats.Distinct().ToList();
            return new BriefFigure(id, label, value, unit, refs.Distinct().ToList(), conf, conf == Confidence.H || text.Count == 0 ? null : string.Join(" ; ", text));
        }

        var euros = (long cents) => cents / 100m;
        var money = new[] { strataConf, f.AmountConfidence, rowConf };
        var moneyCaveats = strataCaveats.Concat(f.AmountCaveats).Concat(rowCaveats).ToList();
        var moneyRefs = f.Amount.Concat(f.Reform).Concat(strataRefs).ToList();
        var employerRefs = f.Employer.Concat(moneyRefs).ToList();
        var employerGrades = money.Append(f.EmployerConfidence).ToList();
        var employerCaveats = f.EmployerCaveats.Concat(moneyCaveats).ToList();
        if (t.EmployerUnknownRows > 0) employerCaveats.Add($"{Format.Integer(t.EmployerUnknownRows)} ligne(s) sans taux employeur sourcé, non comptées");
        var months = $"{Format.Month(period.Start)} à {Format.Month(period.End)}";
        var lastMonth = Format.Month(period.End);
        var decided = YearMonth.Of(info.DecidedOn);
        var arrearsSpan = decided <= period.Start ? "aucun mois avant la décision" : $"{Format.Month(period.Start)} à {Format.Month(decided.AddMonths(-1) < period.End ? decided.AddMonths(-1) : period.End)}";

        var list = new List<BriefFigure>
        {
            Fig("effectif", "Effectif estimé de la population (strates)", t.Headcount, BriefUnit.Persons, strataRefs, [strataConf], strataCaveats),
            Fig("nouveaux-beneficiaires", "Nouveaux bénéficiaires (payés au moins un mois par la réforme, rien par le droit en vigueur)", t.Gainers, BriefUnit.Persons,
                f.Reform.Concat(strataRefs), [strataConf, rowConf], strataCaveats.Concat(rowCaveats)),
            Fig("cout-brut", $"Coût brut supplémentaire sur la période ({months})", euros(t.Cents), BriefUnit.Euros, moneyRefs, money, moneyCaveats),
            Fig("cotisations-employeur", "Cotisations employeur supplémentaires sur la période", euros(t.EmployerCents), BriefUnit.Euros, employerRefs, employerGrades, employerCaveats),
            Fig("cout-total-employeur", "Coût total pour les employeurs (brut + cotisations)", euros(t.Cents + t.EmployerCents), BriefUnit.Euros, employerRefs, employerGrades, employerCaveats),
            Fig("rappels", $"dont rappels ({arrearsSpan}, avant la décision)", euros(t.ArrearsCents), BriefUnit.Euros, moneyRefs,
                money.Append(f.Decision), moneyCaveats.Append(decisionCaveat)),
            Fig("cout-mensuel", $"Coût brut du dernier mois ({lastMonth})", euros(t.LastMonthCents), BriefUnit.Euros, moneyRefs, money, moneyCaveats),
            Fig("cout-annuel", $"Coût brut annuel en régime établi ({lastMonth} × 12)", euros(t.AnnualCents), BriefUnit.Euros, moneyRefs, money, moneyCaveats),
        };
        foreach (var (year, cents) in t.ByYear)
        {
            var from = year == period.Start.Year ? period.Start : new YearMonth(year, 1);
            var to = year == period.End.Year ? period.End : new YearMonth(year, 12);
            var span = from == to ? Format.Month(from) : $"{Format.Month(from)} à {Format.Month(to)}";
            list.Add(Fig($"cout-brut-{year.ToString(CultureInfo.InvariantCulture)}", $"Coût brut {year.ToString(CultureInfo.InvariantCulture)} ({span})",
                euros(cents), BriefUnit.Euros, moneyRefs, money, moneyCaveats));
        }
        return list;
    }

    private List<BriefAssumption> Assumptions(ReformSource source, ReformInfo info, CostFacts f, IReadOnlyList<StratumEstimate> strata, MonthRange period, YearMonth decided)
    {
        var list = new List<BriefAssumption>
        {
            new($"Scénario « {info.Title} » ({source.Name}) : hypothèse de chiffrage, non adoptée.{(info.Description is null ? "" : " " + info.Description.Trim())}", f.Reform, f.Decision),
        };
        foreach (var s in strata)
            list.Add(new($"Population : strate {s.Id}, {Format.Integer(s.Headcount)} personnes (confiance {s.Confidence}){(s.Note is null ? "" : " — " + s.Note)}", [s.Reference], s.Confidence));
        foreach (var t in f.AmountText) list.Add(new($"Montant retenu : {t}", f.Amount, f.AmountConfidence));
        list.Add(new($"Période chiffrée : {Format.Month(period.Start)} à {Format.Month(period.End)} ({period.Count} mois) : du début du scénario (ou de la date de rétroactivité demandée) au mois de la décision supposée ou de la question, le plus tardif.", f.Reform));
        list.Add(new($"Décision supposée le {Format.Date(info.DecidedOn)} : les mois d'avant {Format.Month(decided)} sont des rappels ; coût annuel = coût du mois de {Format.Month(period.End)} × 12.", f.Reform, f.Decision));
        foreach (var t in f.EmployerText) list.Add(new($"Cotisations employeur : {t}", f.Employer, f.EmployerConfidence));
        list.Add(new($"Tirage : chaque strate est tirée à son effectif exact ; métier, quotité et département selon les parts de la strate (graine {_options.Seed}) ; chaque ligne est évaluée par le moteur de masse sous le droit en vigueur et sous la réforme (législation {_law.Version}, empreinte {_law.Fingerprint[..12]}).", []));
        return list;
    }
}
