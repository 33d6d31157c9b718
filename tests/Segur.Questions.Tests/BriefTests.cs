using System.Globalization;
using Segur.Batch;
using Segur.Engine;
using Segur.Engine.Law;
using Segur.Engine.Time;
using Segur.Questions;

namespace Segur.Questions.Tests;

/// <summary>
/// The briefs: the engine's verdict with its reasons, the cost of the extension (checked against a reform run
/// done here by hand), the arrears, the pay-scale section, references and uncertainty flags, HTML escaping.
/// </summary>
public sealed class BriefTests : IDisposable
{
    private static readonly Lazy<PopulationModel> LoadedModel = new(() => PopulationModel.Embedded(Fixtures.Law.Vocabulary));
    private readonly string _tmp = Directory.CreateTempSubdirectory("segur-brief-").FullName;
    private readonly BriefBuilder _builder;

    public BriefTests() => _builder = Builder();

    public void Dispose() => Directory.Delete(_tmp, recursive: true);

    private static PopulationModel Model => LoadedModel.Value;

    /// <summary>The brief builder on the embedded law, vocabulary and population model.</summary>
    internal static BriefBuilder DefaultBuilder() => Builder();

    private static BriefBuilder Builder(QuestionVocabulary? vocabulary = null, BriefOptions? options = null) =>
        new(new EmbeddedLegislation(), Fixtures.Law, vocabulary ?? Fixtures.Vocabulary, Model, "legislation/populations/france.yaml", new ReformFiles(), options);

    private static string RepoReform => Path.Combine(Fixtures.RepoRoot, "legislation", "reforms", "extension-securite-sociale.yaml");

    /// <summary>The run by hand: the strata drawn at their headcounts, the overlay from the repository file, BatchRunner.</summary>
    private BatchResult RunByHand(IReadOnlyList<string> strata, MonthRange period, string? reformFile = null)
    {
        var csv = Path.Combine(_tmp, string.Join("+", strata) + ".csv");
        PopulationParquet.Write(csv, Fixtures.Law.Vocabulary, Model.GenerateStrata(strata, 1), []);
        var reform = LegislationLoader.Load(new EmbeddedLegislation(), ReformSource.FromFile(reformFile ?? RepoReform));
        return BatchRunner.Run(Fixtures.Law, reform, new BatchOptions(csv, period));
    }

    private static decimal Euros(long cents) => cents / 100m;

    [Fact]
    public void CafQuestion_CostEqualsTheReformRunByHand()
    {
        var brief = _builder.Build(Fixtures.Analyze(Fixtures.Published("003")));
        var cost = Assert.Single(brief.Costs);
        Assert.Equal("extension-securite-sociale", cost.Reform.Id);
        Assert.Equal(new MonthRange(new(2022, 4), new(2027, 1)), cost.Period); // the overlay's start to its decision month
        var strata = Assert.Single(cost.Populations).Strata;
        Assert.Equal("ss-caf-travailleurs-sociaux", Assert.Single(strata).Id);

        var byHand = RunByHand(["ss-caf-travailleurs-sociaux"], cost.Period);
        var d = byHand.Difference!;
        Assert.Equal(2000, byHand.RowsEvaluated);
        Assert.Equal(2000m, cost.Figure("effectif").Value);
        Assert.Equal(d.Gainers, cost.Figure("nouveaux-beneficiaires").Value);
        Assert.Equal(Euros(d.Cents), cost.Figure("cout-brut").Value);
        Assert.Equal(Euros(d.EmployerCents), cost.Figure("cotisations-employeur").Value);
        Assert.Equal(Euros(d.Cents + d.EmployerCents), cost.Figure("cout-total-employeur").Value);
        Assert.Equal(Euros(d.ArrearsCents), cost.Figure("rappels").Value);
        Assert.Equal(Euros(d.LastMonthCents), cost.Figure("cout-mensuel").Value);
        Assert.Equal(Euros(d.LastMonthCents * 12), cost.Figure("cout-annuel").Value);
        for (var y = 0; y < d.ByYearCents.Length; y++)
            Assert.Equal(Euros(d.ByYearCents[y]), cost.Figure($"cout-brut-{2022 + y}").Value);

        // And by pencil: every worker of the stratum is a social worker paid 238 € × quotité, 58 months,
        // the last (January 2027, the decision) at the normal rate and the 57 before as arrears.
        var rows = Model.GenerateStrata(["ss-caf-travailleurs-sociaux"], 1).ToList();
        var month = rows.Sum(r => Math.Round(238m * decimal.Parse(r["emploi.quotite"], CultureInfo.InvariantCulture), 2, MidpointRounding.AwayFromZero));
        Assert.Equal(2000m, cost.Figure("nouveaux-beneficiaires").Value);
        Assert.Equal(month, cost.Figure("cout-mensuel").Value);
        Assert.Equal(month * 58, cost.Figure("cout-brut").Value);
        Assert.Equal(month * 57, cost.Figure("rappels").Value);
        Assert.Equal(month * 12, cost.Figure("cout-annuel").Value);
    }

    [Fact]
    public void SeveralPopulations_TotalIsOneRunOverTheirStrata_AndTheSumOfTheirShares()
    {
        var brief = _builder.Build(Fixtures.Analyze(Fixtures.Published("000")));
        var cost = Assert.Single(brief.Costs);
        Assert.Equal(["travailleurs-sociaux-caf", "travailleurs-sociaux-carsat", "travailleurs-sociaux-msa"], cost.Populations.Select(p => p.Population.Id));
        string[] strata = ["ss-caf-travailleurs-sociaux", "ss-carsat-service-social", "ss-cramif-service-social", "ss-msa-action-sociale"];
        var byHand = RunByHand(strata, cost.Period);
        Assert.Equal(Euros(byHand.Difference!.Cents), cost.Figure("cout-brut").Value);
        Assert.Equal(byHand.Difference.Gainers, cost.Figure("nouveaux-beneficiaires").Value);
        Assert.Equal(cost.Figure("cout-brut").Value, cost.Populations.Sum(p => p.Figures.First(f => f.Id == "cout-brut").Value));
        Assert.Equal(cost.Figure("rappels").Value, cost.Populations.Sum(p => p.Figures.First(f => f.Id == "rappels").Value));
        // The MSA stratum counts administrative staff: the scenario pays only its social workers.
        var msa = cost.Populations.Single(p => p.Population.Id == "travailleurs-sociaux-msa");
        Assert.True(msa.Totals!.Gainers < msa.Totals.Headcount);
        Assert.Equal(Confidence.L, msa.Figures.First(f => f.Id == "effectif").Confidence);
    }

    [Fact]
    public void ScenarioAmendingAMeasure_StartsWithItsOwnRule_AndOverlappingPopulationsAreSaidSo()
    {
        var brief = _builder.Build(Fixtures.Analyze(Fixtures.Published("004")));
        var cost = brief.Costs.Single(c => c.Reform.Id == "extension-essms-publics-autonomes");
        // M2 runs since 2020; the scenario's extension of M2 only from January 2024.
        Assert.Equal(new MonthRange(new(2024, 1), new(2027, 1)), cost.Period);
        var byHand = RunByHand(["fph-essms-autonomes-handicap", "fph-foyers-enfance-et-autres"], cost.Period,
            Path.Combine(Fixtures.RepoRoot, "legislation", "reforms", "extension-essms-publics-autonomes.yaml"));
        Assert.Equal(Euros(byHand.Difference!.Cents), cost.Figure("cout-brut").Value);
        Assert.Equal(byHand.Difference.Gainers, cost.Figure("nouveaux-beneficiaires").Value);
        Assert.True(byHand.Difference.Gainers < 40566); // only the support staff of these strata
        Assert.Contains(cost.Notes, n => n.StartsWith("Des populations partagent des strates", StringComparison.Ordinal));
        Assert.Contains("taux-employeur-fonctionnaire-cnracl-total", cost.Figure("cotisations-employeur").Caveat);
        Assert.Contains(cost.Figure("rappels").References, r => r.Label.StartsWith("Scénario segur : CTI de 49 points", StringComparison.Ordinal));
    }

    [Fact]
    public void GenerateStrata_ExactHeadcounts_SameRowsAloneOrWithOthers()
    {
        var alone = Model.GenerateStrata(["ss-msa-action-sociale"], 1).ToList();
        var together = Model.GenerateStrata(["ss-caf-travailleurs-sociaux", "ss-msa-action-sociale"], 1).ToList();
        Assert.Equal(2007, alone.Count);
        Assert.Equal(2000 + 2007, together.Count);
        Assert.Equal(alone.Select(r => string.Join(";", r.OrderBy(kv => kv.Key).Select(kv => kv.Key + "=" + kv.Value))),
            together.Skip(2000).Select(r => string.Join(";", r.OrderBy(kv => kv.Key).Select(kv => kv.Key + "=" + kv.Value))));
        Assert.Equal("ss-msa-action-sociale-000001", alone[0]["id"]);
        var e = Assert.Throws<Segur.Engine.SegurException>(() => Model.GenerateStrata(["ss-fantome"], 1));
        Assert.StartsWith("strate(s) « ss-fantome » inconnue(s) de la population nationale", e.Message);
    }

    [Fact]
    public void PopulationWhoseProfileLacksDecisiveFacts_IsUndetermined_WithTheFactsThatDecide_NotCalledExcluded()
    {
        // A real question (AN, 17th legislature, n° 9131) about the services mandataires judiciaires: the profile type
        // does not say the employer's convention collective, on which M8 and M9 depend.
        var brief = _builder.Build(Fixtures.Analyze(Path.Combine(Corpus.Dir, "an-l17-qe-9131.txt")));
        var v = brief.Verdicts.First(x => x.Population.Id == "mjpm");
        var last = v.Periods[^1];
        Assert.True(last.Undetermined);
        Assert.Empty(last.Measures);
        Assert.Contains("convention collective (IDCC)", last.Condition);
        Assert.StartsWith("Peut-être", last.Condition);
        var markdown = BriefMarkdown.Write(BriefLayout.Lay(brief));
        Assert.Contains("verdict indéterminé", markdown);
        Assert.DoesNotContain($"{Segur.Engine.Format.Month(last.End)} : aucune mesure Ségur due", markdown);
    }

    [Fact]
    public void FinancingDemand_IsCostedAsTheMeasureInForce_TimesTheSourcedHeadcount()
    {
        // AN 17-9131 asks the State to compensate the services mandataires for the prime Ségur: the cost asked is that of
        // the measure in force (M8, 238 € a month) for the sourced headcount of MJPM, with the sourced employer rate.
        var brief = _builder.Build(Fixtures.Analyze(Path.Combine(Corpus.Dir, "an-l17-qe-9131.txt")));
        Assert.Contains(brief.Demands, d => d.Definition.Id == BriefBuilder.FinancingDemand);
        var note = Assert.Single(brief.CostNotes, n => n.StartsWith("Financement demandé", StringComparison.Ordinal));
        var month = new YearMonth(2025, 7);
        var gross = Fixtures.Law.Parameters["indemnite-bass"].Find(month)!.Value;
        var rate = Fixtures.Law.Parameters["taux-employeur-prive"].Find(month)!.Value;
        var employer = Math.Round(gross * rate, 2, MidpointRounding.AwayFromZero);
        Assert.Contains($"{Segur.Engine.Format.Euros(gross)} brut par mois", note);
        Assert.Contains($"plus {Segur.Engine.Format.Euros(employer)} de cotisations employeur", note);
        Assert.Contains("10 500", note);
        Assert.Contains($"{Segur.Engine.Format.Euros((gross + employer) * 12 * 10_500)} par an au plus", note);
        Assert.Contains("17-2625", note);
    }

    [Fact]
    public void Verdict_ComesWithTheLegalReasonsAndTheirTexts()
    {
        var brief = _builder.Build(Fixtures.Analyze(Fixtures.Published("003")));
        var v = Assert.Single(brief.Verdicts);
        Assert.Equal(new MonthRange(new(2022, 4), new(2026, 2)), v.Result.Period);
        Assert.Equal(0m, v.Total.Value);
        var period = Assert.Single(v.Periods);
        Assert.Empty(period.Measures);
        var exclusion = v.Reasons.First(r => r.Text.StartsWith("Exclusion : Organismes de sécurité sociale", StringComparison.Ordinal));
        Assert.NotEmpty(exclusion.References);
        // The exclusion rules out every measure that could be near: the brief names none (the summary every interface renders).
        Assert.DoesNotContain(v.Reasons, r => r.Text.StartsWith("Mesure la plus proche", StringComparison.Ordinal));
        Assert.Null(v.Result.Months[^1].Closest);
        Assert.All(v.Reasons, r => Assert.NotEmpty(r.References));
        Assert.NotEmpty(v.Total.References);
    }

    [Fact]
    public void EveryFigure_CarriesReferences()
    {
        var brief = _builder.Build(Fixtures.Analyze(Fixtures.Published("000")));
        var figures = brief.Costs.SelectMany(c => c.Figures.Concat(c.Populations.SelectMany(p => p.Figures))).Concat(brief.Verdicts.Select(v => v.Total)).ToList();
        Assert.NotEmpty(figures);
        Assert.All(figures, f => Assert.True(f.References.Count > 0, f.Id + " : " + f.Label));
        var cost = brief.Costs[0];
        var gross = cost.Figure("cout-brut").References;
        Assert.Contains(gross, r => r.Label.StartsWith("legislation/populations/france.yaml, strate « ss-msa-action-sociale »", StringComparison.Ordinal));
        Assert.Contains(gross, r => r.Label.StartsWith("Accord du 4 juin 2024", StringComparison.Ordinal)); // the 238 € of the scenario
        Assert.Contains(gross, r => r.Label.StartsWith("Scénario de réforme legislation/reforms/extension-securite-sociale.yaml", StringComparison.Ordinal));
        Assert.Contains(cost.Figure("cotisations-employeur").References, r => r.Label.StartsWith("Instruction n° DGCS", StringComparison.Ordinal));
        Assert.All(cost.Assumptions.Where(a => !a.Text.StartsWith("Tirage", StringComparison.Ordinal)), a => Assert.NotEmpty(a.References));

        var md = BriefMarkdown.Write(BriefLayout.Lay(brief));
        var doc = BriefLayout.Lay(brief);
        Assert.Contains("## Références", md);
        Assert.Contains($"{doc.References.Count}. ", md);
        var row = md.Split('\n').First(l => l.StartsWith("| Coût brut supplémentaire", StringComparison.Ordinal));
        Assert.Contains($"| **{cost.Figure("cout-brut").Display}** |", row);
        Assert.Matches(@"\(réf\. [0-9, ]+\) \|$", row);
    }

    [Fact]
    public void UncertainFigures_SayWhichFactIsUncertain()
    {
        var brief = _builder.Build(Fixtures.Analyze(Fixtures.Published("003")));
        var cost = brief.Costs[0];
        var employer = cost.Figure("cotisations-employeur");
        Assert.True(employer.Uncertain);
        Assert.Equal(Confidence.L, employer.Confidence);
        Assert.Contains("taux-employeur-securite-sociale", employer.Caveat);
        Assert.Contains("coût marginal", employer.Caveat);
        var arrears = cost.Figure("rappels");
        Assert.Equal(Confidence.L, arrears.Confidence);
        Assert.Contains("date de décision supposée", arrears.Caveat);
        var headcount = cost.Figure("effectif");
        Assert.Equal(Confidence.M, headcount.Confidence);
        Assert.Contains("ss-caf-travailleurs-sociaux", headcount.Caveat);
        // The engine's verdict for the CAF social worker rests on texts graded H: no warning.
        var total = brief.Verdicts[0].Total;
        Assert.False(total.Uncertain);
        Assert.Null(total.Caveat);

        var md = BriefMarkdown.Write(BriefLayout.Lay(brief));
        Assert.Matches("Cotisations employeur supplémentaires sur la période \\| .* \\|  ⚠ L — taux taux-employeur-securite-sociale", md);
        Assert.Contains("⚠ confiance L", md);
    }

    [Fact]
    public void RetroactivityDateAsked_StartsThePeriod()
    {
        var text = File.ReadAllText(Fixtures.Published("003")).Replace("quelles modalités de financement.",
            "quelles modalités de financement. Elle lui demande enfin si cette mesure aurait un effet rétroactif au 1er janvier 2024.");
        var a = Fixtures.Analyzer.Analyze(QuestionParser.Parse(text, "retro.txt"));
        Assert.Contains(a.Demands, d => d.Definition.Id == "retroactivite");
        var cost = _builder.Build(a).Costs[0];
        Assert.True(cost.RetroactivityAsked);
        Assert.Equal(new DateOnly(2024, 1, 1), cost.RetroactivityDateAsked);
        Assert.Equal(new YearMonth(2024, 1), cost.Period.Start);
        var month = cost.Figure("cout-mensuel").Value!.Value;
        Assert.Equal(month * 36, cost.Figure("rappels").Value); // January 2024 to December 2026
        Assert.Contains(cost.Notes, n => n.StartsWith("La question demande un effet rétroactif au 1er janvier 2024", StringComparison.Ordinal));
    }

    [Fact]
    public void RetroactivityWithoutDate_KeepsTheScenarioStart_AndANoteSaysSo()
    {
        var cost = _builder.Build(Fixtures.Analyze(Fixtures.Published("001"))).Costs[0];
        Assert.True(cost.RetroactivityAsked);
        Assert.Null(cost.RetroactivityDateAsked);
        Assert.Equal(new YearMonth(2022, 4), cost.Period.Start);
        Assert.Contains(cost.Notes, n => n.Contains("sans en donner la date", StringComparison.Ordinal));
    }

    [Fact]
    public void NoExtensionAsked_OrNoScenario_NoCostAndTheBriefSaysWhy()
    {
        var none = _builder.Build(Fixtures.Analyze(Fixtures.Written("r7")));
        Assert.Empty(none.Costs);
        Assert.Contains(none.CostNotes, n => n.StartsWith("Aucune population reconnue", StringComparison.Ordinal));
        // A population with a scenario and no headcount: the cost per worker and the formula, never a total.
        var essms = _builder.Build(Fixtures.Analyze(Fixtures.Published("004")));
        var associatif = essms.Costs.SelectMany(c => c.Populations).Single(p => p.Population.Id == "salaries-secteur-associatif");
        Assert.Null(associatif.Totals);
        Assert.Null(associatif.Headcount!.Headcount);
        Assert.NotEmpty(associatif.PerWorker);
        Assert.Contains("Aucun total n'est avancé : coût annuel = effectif ×", BriefMarkdown.Write(BriefLayout.Lay(essms)));
        var withoutExtension = _builder.Build(Documents.Analyze("Les travailleurs sociaux des CAF sont exclus du Ségur. Elle demande pour quels motifs."));
        Assert.Empty(withoutExtension.Costs);
        Assert.Contains(withoutExtension.CostNotes, n => n.StartsWith("La question ne demande pas d'extension", StringComparison.Ordinal));
    }

    [Fact]
    public void SourcedHeadcount_GivesTheTotal_AsHeadcountTimesCostPerWorker()
    {
        var brief = _builder.Build(Documents.Analyze("Les intervenants sociaux en commissariat sont exclus du Ségur. Il lui demande d'étendre la prime à ces personnels."));
        var iscg = brief.Costs.SelectMany(c => c.Populations).Single(p => p.Population.Id == "intervenants-sociaux-commissariat");
        var n = iscg.Headcount!.Headcount!.Value;
        Assert.StartsWith("https://", iscg.Headcount.Url);
        Assert.Equal(2, iscg.PerWorker.Count);
        var md = BriefMarkdown.Write(BriefLayout.Lay(brief));
        foreach (var w in iscg.PerWorker)
        {
            Assert.True(w.MonthCents > 0, w.Profile);
            Assert.Contains(Format.Euros(w.AnnualCents * n / 100m), md);
        }
        Assert.Contains($"effectif {Format.Integer(n)} postes", md);
    }

    [Fact]
    public void ExcludedByAnExclusion_TheExclusionIsTheGround_NotAnotherMeasure()
    {
        var brief = _builder.Build(Documents.Analyze("Des agents du foyer départemental de l'enfance de la Marne ne bénéficient pas de la prime. Il demande d'étendre la prime."));
        var verdict = brief.Verdicts.First(v => v.Population.Id == "agents-foyers-departementaux-enfance");
        Assert.Contains(verdict.Reasons, r => r.Text.StartsWith("Exclusion : Personnels administratifs, techniques, ouvriers et ASHQ des ESSMS publics autonomes", StringComparison.Ordinal));
        Assert.DoesNotContain(verdict.Reasons, r => r.Text.StartsWith("Fondement propre", StringComparison.Ordinal));
    }

    [Fact]
    public void Headcounts_BadInput_FrenchErrorWithLineAndField()
    {
        var e = Assert.Throws<SegurException>(() => QuestionHeadcounts.Parse("effectifs:\n  - population: mjpm\n    effectif: 12000\n", "e.yaml"));
        Assert.Contains("e.yaml, ligne 2, population mjpm : champ « source » absent", e.Message);
        e = Assert.Throws<SegurException>(() => QuestionHeadcounts.Parse("effectifs:\n  - population: mjpm\n    effectif: beaucoup\n", "e.yaml"));
        Assert.Contains("effectif « beaucoup » invalide", e.Message);
        e = Assert.Throws<SegurException>(() => QuestionHeadcounts.Parse("effectifs:\n  - population: mjpm\n    effectif: null\n", "e.yaml"));
        Assert.Contains("effectif null sans « note »", e.Message);
    }

    [Fact]
    public void PayScaleGap_WithoutComparison_SaidWithoutFigures()
    {
        var brief = _builder.Build(Fixtures.Analyze(Fixtures.Published("000")));
        Assert.True(brief.PayScaleAsked);
        var ucanss = brief.PayScales.Single(p => p.Pair is not null);
        Assert.Equal("ucanss-niveau-5", ucanss.Pair!.From);
        Assert.Equal(["fpt-assistant-socio-educatif", "fph-assistant-socio-educatif"], ucanss.Pair.To);
        Assert.Null(ucanss.Gap);
        Assert.Contains("n'est pas disponible", ucanss.Unavailable);
        Assert.Contains(brief.PayScales, p => p.Pair is null && p.Populations.Single().Id == "travailleurs-sociaux-msa");
        Assert.Contains("La comparaison des grilles n'est pas disponible pour cette fiche", BriefMarkdown.Write(BriefLayout.Lay(brief)));
        var caf = _builder.Build(Fixtures.Analyze(Fixtures.Published("003")));
        Assert.False(caf.PayScaleAsked);
        Assert.Empty(caf.PayScales);
    }

    private sealed class FakeComparer : IPayScaleComparer
    {
        public PayScaleGap Compare(GridPair pair, YearMonth month) => new("Écart de test.",
            [new BriefFigure("ecart", "Écart mensuel brut en début de carrière", 123.45m, BriefUnit.Euros, [new BriefReference("grille de test", null)], Confidence.H)], [], []);
    }

    [Fact]
    public void PayScaleGap_WithAComparer_IsShownWithItsFigures()
    {
        var brief = Builder(options: new BriefOptions { PayScales = new FakeComparer() }).Build(Fixtures.Analyze(Fixtures.Published("000")));
        var item = brief.PayScales.Single(p => p.Pair is not null);
        Assert.NotNull(item.Gap);
        var md = BriefMarkdown.Write(BriefLayout.Lay(brief));
        Assert.Contains("| Écart mensuel brut en début de carrière | **123,45 €** | H |", md);
    }

    [Fact]
    public void PayScaleGap_FromTheCareerComparison_WithReferencesAndFlags()
    {
        var careers = new CareerPayScales(new EmbeddedLegislation(), Fixtures.Law);
        var brief = Builder(options: new BriefOptions { PayScales = careers }).Build(Fixtures.Analyze(Fixtures.Published("000")));
        var item = brief.PayScales.Single(p => p.Pair is not null);
        var gap = item.Gap!;
        Assert.Null(item.Unavailable);
        Assert.Contains("ucanss:niveau-5", gap.Summary);
        Assert.Contains(gap.Figures, f => f.Id == "ecart-fpt:assistant-socio-educatif-1");
        Assert.Contains(gap.Figures, f => f.Id == "ecart-fph:assistant-socio-educatif-42");
        Assert.All(gap.Figures, f => Assert.NotEmpty(f.References));
        Assert.All(gap.Figures.Where(f => f.Uncertain), f => Assert.False(string.IsNullOrEmpty(f.Caveat)));
        Assert.Equal(4, gap.Claims.Count); // two claims of the written questions, against FPT and FPH
        Assert.All(gap.Claims, c => Assert.NotEmpty(c.References));
        // The figures are those of the career comparison itself.
        var direct = Segur.Careers.CareerComparison.Run(Fixtures.Law, Segur.Careers.GridLoader.Load(new EmbeddedLegislation(), Fixtures.Law),
            new Segur.Careers.CareerRequest(["ucanss:niveau-5", "fpt:assistant-socio-educatif", "fph:assistant-socio-educatif"], new YearMonth(2026, 6), 42));
        Assert.Equal(direct.Gaps[0].Years[0].Euros, gap.Figures.Single(f => f.Id == "ecart-fpt:assistant-socio-educatif-1").Value);
        Assert.Equal(direct.Gaps[1].Years[41].Euros, gap.Figures.Single(f => f.Id == "ecart-fph:assistant-socio-educatif-42").Value);
        Assert.Contains("Affirmations des questions écrites", BriefMarkdown.Write(BriefLayout.Lay(brief)));
    }

    [Fact]
    public void PayScaleGap_UnknownGrid_SaysTheComparisonIsImpossible()
    {
        var yaml = File.ReadAllText(Path.Combine(Fixtures.RepoRoot, "legislation", "questions", "vocabulaire.yaml")).Replace("de: ucanss-niveau-5", "de: ucanss-niveau-9");
        var vocabulary = QuestionVocabulary.Load(yaml, "v.yaml");
        var builder = Builder(vocabulary, new BriefOptions { PayScales = new CareerPayScales(new EmbeddedLegislation(), Fixtures.Law) });
        var brief = builder.Build(new QuestionAnalyzer(vocabulary).Analyze(Fixtures.Parse(Fixtures.Published("000"))));
        var item = brief.PayScales.Single(p => p.Pair is not null);
        Assert.Null(item.Gap);
        Assert.StartsWith("Comparaison impossible (", item.Unavailable);
        Assert.Contains("ucanss-niveau-9", item.Unavailable);
    }

    [Fact]
    public void NearIdenticalQuestions_ShareOneBrief()
    {
        var analyses = new[] { "r3", "r4", "r7" }.Select(p => Fixtures.Analyze(Fixtures.Written(p))).ToList();
        var topics = _builder.Build(QuestionGrouper.Group(analyses, Fixtures.Vocabulary));
        var shared = topics.SelectMany(t => t.Briefs).Single(b => b.Shared);
        Assert.Equal(2, shared.Questions.Count);
        Assert.EndsWith("-commune", shared.FileName);
        Assert.StartsWith("Fiche commune — 2 questions quasi identiques", shared.Title);
        Assert.Equal(3, topics.Sum(t => t.Briefs.Sum(b => b.Questions.Count)));
        var cpam = shared.Costs[0].Populations.Single(p => p.Population.Id == "travailleurs-sociaux-cpam");
        Assert.Null(cpam.Totals);
        Assert.Null(cpam.Headcount);
        var worker = Assert.Single(cpam.PerWorker);
        Assert.True(worker.MonthCents > 0, "l'extension demandée coûte quelque chose par agent");
        Assert.Equal(worker.MonthCents * 12, worker.AnnualCents);
        Assert.True(worker.MonthEmployerCents > 0 && worker.EmployerKnown, "taux employeur sourcé du privé");
        var index = BriefMarkdown.Write(BriefLayout.Index(topics));
        Assert.Contains($"(<{shared.FileName}.md>)", index);
        Assert.Contains($"href=\"{shared.FileName}.html\"", BriefHtml.Write(BriefLayout.Index(topics)));
    }

    [Fact]
    public void Html_And_Markdown_EscapeEveryText()
    {
        // Entities in the source: the reader decodes them, so the title really holds a <script> tag.
        var title = "Les &lt;script&gt;alert(\"x\")&lt;/script&gt; *oubliés* & [exclus] | CAF";
        var a = Documents.Analyze("Les travailleurs sociaux des CAF sont exclus &lt;b&gt;du Ségur&lt;/b&gt;. Elle demande leur intégration.", title);
        Assert.Equal("Les <script>alert(\"x\")</script> *oubliés* & [exclus] | CAF", a.Question.Title);
        var doc = BriefLayout.Lay(_builder.Build(a));
        var html = BriefHtml.Write(doc);
        Assert.DoesNotContain("<script>", html);
        Assert.DoesNotContain("<b>", html);
        Assert.Contains("Les &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; *oubliés* &amp; [exclus] | CAF", html);
        Assert.StartsWith("<!DOCTYPE html>\n<html lang=\"fr\">", html.Replace("\r\n", "\n"));
        var md = BriefMarkdown.Write(doc);
        Assert.Contains("Les \\<script\\>alert(\"x\")\\</script\\> \\*oubliés\\* \\& \\[exclus\\] \\| CAF", md);
        Assert.DoesNotContain("<script>", md);
        Assert.Equal("a\\_b \\<c\\> \\| d", BriefMarkdown.Escape("a_b <c> | d"));
        Assert.Equal("&lt;a href=&quot;x&quot;&gt;l&#39;été &amp;&lt;/a&gt;", BriefHtml.Escape("<a href=\"x\">l'été &</a>"));
    }

    [Fact]
    public void OnlyWebAddressesBecomeLinks()
    {
        var d = new BriefDocument("t");
        d.Blocks.Add(new Paragraph([new Inline(InlineKind.Link, "piège", "javascript:alert(1)"), d.Cite([new BriefReference("texte", "javascript:alert(2)")])]));
        var html = BriefHtml.Write(d);
        Assert.DoesNotContain("javascript:", html);
        Assert.Contains("piège", html);
    }

    [Fact]
    public void EmbeddedScenarioIsTheRepositoryFile()
    {
        Assert.Equal(File.ReadAllText(RepoReform), new ReformFiles().Get("reforms/extension-securite-sociale.yaml").Text);
        var e = Assert.Throws<Segur.Engine.SegurException>(() => new ReformFiles().Get("reforms/absent.yaml"));
        Assert.StartsWith("reforms/absent.yaml : scénario de réforme introuvable", e.Message);
    }

    [Fact]
    public void Vocabulary_BriefKeys_AreCheckedInFrench()
    {
        var v = Fixtures.Vocabulary.Populations.Single(p => p.Id == "travailleurs-sociaux-caf");
        Assert.Equal("reforms/extension-securite-sociale.yaml", v.Reform);
        Assert.Equal(["ss-caf-travailleurs-sociaux"], v.Strata);

        var yaml = File.ReadAllText(Path.Combine(Fixtures.RepoRoot, "legislation", "questions", "vocabulaire.yaml"));
        var badPath = yaml.Replace("reforme: reforms/extension-securite-sociale.yaml\n    strates: [ss-caf-travailleurs-sociaux]", "reforme: ../secret.yaml\n    strates: [ss-caf-travailleurs-sociaux]");
        var e = Assert.Throws<Segur.Engine.SegurException>(() => QuestionVocabulary.Load(badPath, "v.yaml"));
        Assert.Contains("reforme « ../secret.yaml » invalide ; attendu un chemin relatif au dossier de législation", string.Join("\n", new[] { e.Message }.Concat(e.Details)));

        var unknownStratum = QuestionVocabulary.Load(yaml.Replace("strates: [ss-caf-travailleurs-sociaux]", "strates: [ss-caf-fantome]"), "v.yaml");
        var e2 = Assert.Throws<Segur.Engine.SegurException>(() => Builder(unknownStratum));
        Assert.StartsWith("v.yaml, population travailleurs-sociaux-caf : strate « ss-caf-fantome » inconnue de legislation/populations/france.yaml", e2.Message);

        var noTarget = yaml.Replace("      vers: [fpt-assistant-socio-educatif, fph-assistant-socio-educatif]\n", "");
        var e3 = Assert.Throws<Segur.Engine.SegurException>(() => QuestionVocabulary.Load(noTarget, "v.yaml"));
        Assert.Contains("grilles : « vers » manquant", e3.Message);
    }
}
