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

/// <summary>Settings of the briefs, with their defaults.</summary>
public sealed record BriefOptions
{
    /// <summary>First month of the verdict shown for each population: the Ségur extensions of April 2022.</summary>
    public YearMonth SituationStart { get; init; } = new(2022, 4);

    /// <summary>Seed of the draws (profession, quotité, département) inside each stratum. Default 1, as <c>segur population</c>.</summary>
    public int Seed { get; init; } = 1;

    /// <summary>The career comparison (<see cref="CareerPayScales"/>); null: the brief says the comparison is not available, with no figure.</summary>
    public IPayScaleComparer? PayScales { get; init; }

    /// <summary>Folder for the temporary workforce files of the costings (default: the system's temporary folder).</summary>
    public string? TempDirectory { get; init; }
}

/// <summary>The briefs of one topic of a folder.</summary>
public sealed record TopicBriefs(TopicGroup Topic, IReadOnlyList<QuestionBrief> Briefs);

/// <summary>
/// Builds the brief of a question, or the shared brief of near-identical questions: the engine's verdict for
/// each population's profiles with the legal reasons; when an extension is asked, the cost of the reform
/// scenario the vocabulary associates with the population (clé <c>reforme</c>), run by <see cref="BatchRunner"/>
/// on the strata of <c>legislation/populations/france.yaml</c> drawn at their documented headcounts, with
/// the arrears and the assumptions; the pay-scale gap when raised. Every figure comes from the engine, a
/// reform or the population file, with its references and the weakest confidence of the facts it rests on.
/// </summary>
public sealed partial class BriefBuilder
{
    public const string ExtensionDemand = "extension";
    public const string RetroactivityDemand = "retroactivite";
    public const string GridDemand = "alignement-grille";

    private readonly ILegislationSource _source;
    private readonly Legislation _law;
    private readonly QuestionVocabulary _vocabulary;
    private readonly PopulationModel _model;
    private readonly ReformFiles _reforms;
    private readonly BriefOptions _options;
    private readonly IReadOnlyDictionary<(string Population, int Index), Profile> _profiles;
    private readonly Evaluator _evaluator;
    private readonly Dictionary<string, (ReformSource Source, Legislation Law)> _reformLaws = new(StringComparer.Ordinal);
    private readonly Dictionary<string, CostTotals> _runs = new(StringComparer.Ordinal);
    private readonly QuestionHeadcounts _headcounts;

    /// <summary>
    /// Checks the vocabulary against the law (profiles) and the population file (strata). <paramref name="source"/>:
    /// where <paramref name="law"/> was read, to load it again with a reform overlay; <paramref name="modelOrigin"/>:
    /// the name of the population file in messages.
    /// </summary>
    public BriefBuilder(ILegislationSource source, Legislation law, QuestionVocabulary vocabulary, PopulationModel model, string modelOrigin,
        ReformFiles reforms, BriefOptions? options = null)
    {
        _source = source;
        _law = law;
        _vocabulary = vocabulary;
        _model = model;
        _reforms = reforms;
        _options = options ?? new BriefOptions();
        _profiles = vocabulary.CheckProfiles(law);
        vocabulary.CheckStrata(model, modelOrigin);
        _evaluator = new Evaluator(law);
        _headcounts = reforms.Headcounts();
        var unknown = _headcounts.Populations.Where(id => vocabulary.Populations.All(p => p.Id != id)).ToList();
        if (unknown.Count > 0)
            throw new SegurException($"legislation/{QuestionHeadcounts.RelativePath} : population(s) {string.Join(", ", unknown.Select(u => $"« {u} »"))} inconnue(s) du vocabulaire ; attendu un id de population de legislation/questions/vocabulaire.yaml");
    }

    public QuestionBrief Build(QuestionAnalysis question) => Build([question]);

    /// <summary>One brief for <paramref name="questions"/> (near-identical ones): union of their populations and demands, period to the latest.</summary>
    public QuestionBrief Build(IReadOnlyList<QuestionAnalysis> questions)
    {
        if (questions.Count == 0) throw new ArgumentException("au moins une question", nameof(questions));
        var populations = questions.SelectMany(a => a.Populations).GroupBy(p => p.Definition.Id).Select(g => g.First()).ToList();
        var demands = questions.SelectMany(a => a.Demands).GroupBy(d => d.Definition.Id).Select(g => g.First()).ToList();
        var last = questions.Where(a => a.Question.QuestionDate is not null).Select(a => YearMonth.Of(a.Question.QuestionDate!.Value)).DefaultIfEmpty(_options.SituationStart).Max();
        var situation = new MonthRange(last < _options.SituationStart ? last : _options.SituationStart, last);

        var verdicts = new List<PopulationVerdict>();
        foreach (var p in populations)
            for (var i = 0; i < p.Definition.Profiles.Count; i++)
                verdicts.Add(Verdict(p.Definition, p.Definition.Profiles[i], _profiles[(p.Definition.Id, i)], situation));

        var costs = new List<ExtensionCost>();
        var notes = new List<string>();
        if (populations.Count == 0) notes.Add("Aucune population reconnue par le vocabulaire : ni verdict ni chiffrage.");
        else if (demands.All(d => d.Definition.Id != ExtensionDemand))
        {
            notes.Add("La question ne demande pas d'extension des mesures Ségur : aucun coût d'extension n'est chiffré.");
            if (demands.Any(d => d.Definition.Id == FinancingDemand)) notes.AddRange(FinancingNotes(verdicts));
        }
        else
        {
            foreach (var p in populations.Where(p => p.Definition.Reform is null))
                notes.Add($"{p.Definition.Label} : aucun scénario de réforme n'est associé à cette population (clé « reforme » du vocabulaire) ; le coût de l'extension n'est pas chiffré.");
            var retroAsked = demands.Any(d => d.Definition.Id == RetroactivityDemand);
            var retroDate = retroAsked ? RetroactivityDate(questions) : null;
            foreach (var g in populations.Where(p => p.Definition.Reform is not null).GroupBy(p => p.Definition.Reform!, StringComparer.Ordinal))
                costs.Add(Cost(g.Key, g.Select(p => p.Definition).ToList(), last, retroAsked, retroDate));
        }

        var gridAsked = demands.Any(d => d.Definition.Id == GridDemand);
        var grids = gridAsked ? PayScales(populations.Select(p => p.Definition).ToList(), last) : [];
        return new QuestionBrief(questions, _law.Version, _law.Fingerprint, situation, populations, demands, verdicts, costs, notes, grids, gridAsked);
    }

    /// <summary>
    /// The briefs of a folder, topic by topic: one shared brief per group of near-identical questions, one
    /// brief for each other question, in the topic's order.
    /// </summary>
    public IReadOnlyList<TopicBriefs> Build(IReadOnlyList<TopicGroup> groups)
    {
        var result = new List<TopicBriefs>();
        foreach (var g in groups)
        {
            var briefs = new List<QuestionBrief>();
            var done = new HashSet<QuestionAnalysis>();
            foreach (var a in g.Questions)
            {
                if (done.Contains(a)) continue;
                var cluster = g.Clusters.FirstOrDefault(c => c.Questions.Contains(a));
                var set = cluster?.Questions ?? [a];
                foreach (var x in set) done.Add(x);
                briefs.Add(Build(set));
            }
            result.Add(new TopicBriefs(g, briefs));
        }
        return result;
    }

    // ── Verdict ────────────────────────────────────────────────────────────────────────────────────

    private PopulationVerdict Verdict(PopulationDefinition p, PopulationProfile def, Profile profile, MonthRange range)
    {
        var r = _evaluator.Evaluate(profile, range);
        var runs = new List<List<MonthResult>>();
        foreach (var m in r.Months)
        {
            if (runs.Count > 0 && Same(runs[^1][0], m)) runs[^1].Add(m);
            else runs.Add([m]);
        }
        var periods = runs.Select(run =>
        {
            var undetermined = run[^1].Summary.Outcome == SummaryOutcome.Undetermined;
            return new VerdictPeriod(run[0].Month, run[^1].Month, run[0].Retained, run[0].Gross, run[0].Uncertain, run[0].Confidence,
                undetermined, undetermined ? run[^1].Summary.Sentence : null);
        }).ToList();
        var reasons = new List<BriefReason>();
        foreach (var run in runs) Reasons(run[0], reasons);
        var confidence = Weakest(r.Months.Select(m => m.Confidence));
        var caveat = confidence == Confidence.H ? null : "le verdict repose sur un fait de confiance " + confidence + " (voir les raisons)";
        if (r.Total is null)
            caveat = $"au moins {Format.Euros(r.TotalAtLeast)} : montant inconnu pendant {r.UnknownAmountMonths} mois (aucun texte ne le fixe ; jamais compté pour zéro)" + (caveat is null ? "" : " ; " + caveat);
        var figure = new BriefFigure($"total-{p.Id}", "Total brut dû sur la période", r.Total, BriefUnit.Euros,
            reasons.SelectMany(x => x.References).Distinct().ToList(), confidence, caveat);
        return new PopulationVerdict(p, def, periods, figure, reasons, r);
    }

    private static bool Same(MonthResult a, MonthResult b) =>
        a.Eligible == b.Eligible && a.Gross == b.Gross && a.Uncertain == b.Uncertain && a.Retained.SequenceEqual(b.Retained) && a.Closest == b.Closest
        && a.Summary.Outcome == b.Summary.Outcome && a.Open.Select(o => o.Field).SequenceEqual(b.Open.Select(o => o.Field));

    /// <summary>
    /// The legal reasons of a month's outcome, from the one summary every interface renders
    /// (<see cref="Segur.Engine.Evaluation.Reasons.Summarize"/>): its sentence, the measures due or the decisive
    /// grounds with their texts, the nearest measure, the missing facts, then the open questions.
    /// </summary>
    private static void Reasons(MonthResult m, List<BriefReason> into)
    {
        void Add(BriefReason r)
        {
            if (into.All(x => x.Text != r.Text)) into.Add(r);
        }
        var s = m.Summary;
        foreach (var d in s.Due)
        {
            var mr = d.Result;
            var amount = d.Amount is { } a ? $"{Format.Euros(a)} brut par mois" : "montant inconnu (jamais compté pour zéro)";
            var form = mr.Form is null ? "" : $" ({mr.Form})";
            Add(new BriefReason($"{d.Measure.Id} — {d.Measure.Title} : due{form}, {amount}",
                d.Citations.Concat(mr.Calculation.SelectMany(c => c.Citations)).Select(BriefReference.Of).Distinct().ToList(), mr.Confidence));
        }
        // The ground proper to this employer: among the measures that do cover its kind of employer and structure
        // (their failing criteria are not about the employer), the first; e.g. a CCAS agent is within the places of
        // M4 (décret n° 2022-1497) and fails on the corps or cadre d'emplois, whatever the structures of M1.
        if (s.Grounds.FirstOrDefault(g => g.Kind != GroundKind.Exclusion && g.Fields.Count > 0 && g.Fields.All(f => !f.Name.StartsWith("employeur.", StringComparison.Ordinal))) is { } own
            && s.Grounds.Any(g => g.Fields.Any(f => f.Name.StartsWith("employeur.", StringComparison.Ordinal)))
            // An exclusion (e.g. the support staff of autonomous public ESSMS, QPC 2023-1084) is itself the ground proper to this employer.
            && s.Grounds.All(g => g.Kind != GroundKind.Exclusion))
            Add(new BriefReason($"Fondement propre à cet employeur : {string.Join(", ", own.Covers.Count > 0 ? own.Covers : own.Measures)} couvre ce type d'employeur et de structure ; l'exclusion tient à ce que {own.Text.Replace("ne visent pas", "ne vise pas")}",
                own.Citations.Select(BriefReference.Of).ToList(), Weakest(own.Nodes.Select(n => n.Confidence))));
        for (var i = 0; i < s.Grounds.Count; i++)
        {
            var g = s.Grounds[i];
            var measures = i == 0 ? g.Measures : g.Covers;
            var kind = g.Kind == GroundKind.Exclusion ? "Exclusion" : i == 0 ? "Motif décisif" : "Motif";
            Add(new BriefReason($"{kind} : {g.Text} (mesures {string.Join(", ", measures)})",
                g.Citations.Select(BriefReference.Of).ToList(), Weakest(g.Nodes.Select(n => n.Confidence))));
        }
        if (s.Nearest is { } n)
            Add(new BriefReason($"Mesure la plus proche : {n.Measure.Id} — {n.Measure.Title} ; à changer ou à préciser : {string.Join(", ", n.Changes.Select(c => c.Field.Label))}",
                n.Result.Criteria.Where(c => c.Result != Tri.True).SelectMany(c => c.Citations).Select(BriefReference.Of).Distinct().ToList(), Confidence.H));
        else if (!m.Eligible && s.Informations.Count > 0)
            Add(new BriefReason("Aucune mesure Ségur n'est proche de cette situation ; à savoir : " + s.Informations[0].Title,
                s.Informations.SelectMany(x => x.Citations).Select(BriefReference.Of).ToList(), Confidence.H));
        foreach (var o in s.Open)
            Add(new BriefReason($"Information manquante : {o.Field.Label} ({(o.DecidesVerdict ? "décide de " + string.Join(", ", o.Measures) : "décide de l'exclusion " + string.Join(", ", o.Exclusions))})",
                m.Measures.Where(x => o.Measures.Contains(x.Measure.Id)).SelectMany(x => x.Measure.Citations.Take(1))
                    .Concat(m.Measures.SelectMany(x => x.Criteria).OfType<ExclusionNode>().Where(e => o.Exclusions.Contains(e.Exclusion.Id)).SelectMany(e => e.Citations.Take(1)))
                    .Select(BriefReference.Of).Distinct().ToList(), Confidence.L));
        foreach (var u in m.Uncertainties)
            Add(new BriefReason($"Question ouverte : {u.Title} — {u.Note}", u.Citations.Select(BriefReference.Of).ToList(), u.Confidence));
    }

    // ── Retroactivity date, pay scales ─────────────────────────────────────────────────────────────

    /// <summary>
    /// A date the question gives for the retroactivity: in a sentence holding a term of the « retroactivite »
    /// demand, a date introduced by « au », « à compter du », « à partir du », « depuis le » or « dès le ».
    /// </summary>
    private (DateOnly Date, string Excerpt)? RetroactivityDate(IReadOnlyList<QuestionAnalysis> questions)
    {
        var demand = _vocabulary.Demands.FirstOrDefault(d => d.Id == RetroactivityDemand);
        if (demand is null) return null;
        foreach (var a in questions)
        {
            foreach (var s in new[] { a.Question.Title }.Concat(FrenchText.Sentences(a.Question.QuestionText)))
            {
                if (!demand.Terms.Any(t => t.OccursIn(FrenchText.Tokens(s)))) continue;
                foreach (Match m in IntroducedDate().Matches(FrenchText.Fold(s)))
                {
                    var day = !m.Groups["d"].Success ? 1 : m.Groups["d"].Value == "1er" ? 1 : int.Parse(m.Groups["d"].Value, CultureInfo.InvariantCulture);
                    var month = Array.IndexOf(MonthNames, m.Groups["m"].Value) + 1;
                    var year = int.Parse(m.Groups["y"].Value, CultureInfo.InvariantCulture);
                    if (year is >= 2000 and <= 2199 && day <= DateTime.DaysInMonth(year, month)) return (new DateOnly(year, month, day), s);
                }
            }
        }
        return null;
    }

    private static readonly string[] MonthNames = ["janvier", "fevrier", "mars", "avril", "mai", "juin", "juillet", "aout", "septembre", "octobre", "novembre", "decembre"];

    [GeneratedRegex(@"\b(?:au|a compter du|a partir du|depuis le|des le)\s+(?:(?<d>1er|\d{1,2})\s+)?(?<m>janvier|fevrier|mars|avril|mai|juin|juillet|aout|septembre|octobre|novembre|decembre)\s+(?<y>\d{4})\b")]
    private static partial Regex IntroducedDate();

    private List<PayScaleItem> PayScales(IReadOnlyList<PopulationDefinition> populations, YearMonth month)
    {
        var items = new List<PayScaleItem>();
        foreach (var g in populations.Where(p => p.Grids is not null).GroupBy(p => (p.Grids!.From, string.Join(",", p.Grids.To))))
        {
            var pair = g.First().Grids!;
            if (_options.PayScales is null)
            {
                items.Add(new PayScaleItem(pair, g.ToList(), null,
                    "La comparaison des grilles n'est pas disponible pour cette fiche (aucune comparaison de carrières fournie) : aucun chiffre n'est avancé."));
                continue;
            }
            try
            {
                items.Add(new PayScaleItem(pair, g.ToList(), _options.PayScales.Compare(pair, month), null));
            }
            catch (SegurException e)
            {
                items.Add(new PayScaleItem(pair, g.ToList(), null, $"Comparaison impossible ({e.Message}) : aucun chiffre n'est avancé."));
            }
        }
        foreach (var p in populations.Where(p => p.Grids is null))
            items.Add(new PayScaleItem(null, [p], null, "Aucune comparaison de grilles n'est définie pour cette population (clé « grilles » du vocabulaire)."));
        return items;
    }

    private static Confidence Weakest(IEnumerable<Confidence> grades) => grades.DefaultIfEmpty(Confidence.H).Max();

    private static string Shorten(string s, int max) => s.Length <= max ? s : s[..(max - 1)].TrimEnd() + "…";
}
