using System.CommandLine;
using System.Text;
using System.Text.Json;
using Segur.Batch;
using Segur.Engine;
using Segur.Engine.Evaluation;
using Segur.Engine.Law;
using Segur.Engine.Profiles;
using Segur.Reports;
using Segur.Engine.Time;
using Segur.Questions;

namespace Segur.Cli;

/// <summary>
/// <c>segur question &lt;fichier-ou-dossier&gt; [--format texte|json] [--sortie dossier] [--fiche]</c>: reads parliamentary
/// questions (published text or Assemblée nationale open data), says which populations they ask about and
/// what they demand, groups a folder by topic, and gives for each population the engine's current verdict
/// (April 2022 to the month of the question) for the profiles that stand for it. With <c>--fiche</c>: the
/// briefs (Markdown and HTML) of <see cref="BriefBuilder"/>, with the cost of the extension asked for.
/// </summary>
public static class QuestionCommand
{
    /// <summary>First month of the verdict shown for each population: the Ségur extensions of April 2022.</summary>
    public static readonly YearMonth SituationStart = new(2022, 4);

    public static Command Build(CommandContext ctx)
    {
        var input = new Argument<string>("fichier-ou-dossier") { Description = "Une question (texte publié .txt/.md, ou JSON des données ouvertes de l'Assemblée nationale) ou un dossier de questions." };
        var format = SharedOptions.Format();
        var output = new Option<string?>("--sortie", "-o") { Description = "Écrire une fiche par question (QANR5L….txt ou .json) et, pour un dossier, le regroupement (groupes.txt ou .json) dans ce dossier, créé au besoin." };
        var vocabulary = new Option<string?>("--vocabulaire") { Description = "Vocabulaire de détection à utiliser (YAML, ex. legislation/questions/vocabulaire.yaml) au lieu du vocabulaire intégré." };
        var detail = new Option<bool>("--detail") { Description = "Joindre, pour chaque profil, le rapport complet du moteur (mois par mois, critères et textes)." };
        var briefs = new Option<bool>("--fiche", "--brief") { Description = "Produire la fiche de chaque question (une fiche commune pour des questions quasi identiques) : verdict du moteur et raisons de droit, coût de l'extension demandée (scénario de réforme sur les effectifs documentés), rappels, écart de grilles. Markdown sur la sortie standard (--format html pour du HTML) ; avec --sortie, fichiers .md et .html." };
        var law = SharedOptions.Legislation();
        var cmd = new Command("question", "Lire des questions écrites parlementaires : données, populations visées, demandes, regroupement par thème, et verdict actuel du moteur pour chaque population ; avec --fiche, la fiche complète.")
        {
            input, format, output, vocabulary, detail, briefs, law,
        };
        cmd.SetAction(parse =>
        {
            if (parse.GetValue(briefs)) return Briefs(ctx, parse.GetValue(input)!, parse.GetValue(format), parse.GetValue(output), parse.GetValue(vocabulary), parse.GetValue(law));
            var json = SharedOptions.IsJson(parse.GetValue(format));
            var lawDir = parse.GetValue(law);
            var legislation = SharedOptions.LoadLaw(lawDir);
            var vocab = LoadVocabulary(parse.GetValue(vocabulary), lawDir);
            var profiles = vocab.CheckProfiles(legislation);
            var path = parse.GetValue(input)!;
            var isFolder = Directory.Exists(path);
            IReadOnlyList<Question> questions = isFolder ? QuestionParser.ParseDirectory(path)
                : File.Exists(path) ? [QuestionParser.ParseFile(path)]
                : throw new SegurException($"{path} : fichier ou dossier de questions introuvable");
            var analyzer = new QuestionAnalyzer(vocab);
            var analyses = Deduplicate(questions, ctx.Error).Select(analyzer.Analyze).ToList();
            var brief = new Brief(legislation, profiles, parse.GetValue(detail));
            var groups = isFolder ? QuestionGrouper.Group(analyses, vocab) : null;

            if (parse.GetValue(output) is { } dir)
            {
                Directory.CreateDirectory(dir);
                foreach (var a in analyses)
                {
                    var file = Path.Combine(dir, a.Question.Uid + (json ? ".json" : ".txt"));
                    var text = json ? brief.Json(a) : brief.Text(a);
                    AtomicFile.WriteAllText(file, text);
                }
                if (groups is not null)
                {
                    var text = json ? Json(w => QuestionJson.WriteGroups(w, groups, vocab)) : QuestionText.WriteGroups(groups, vocab);
                    AtomicFile.WriteAllText(Path.Combine(dir, json ? "groupes.json" : "groupes.txt"), text);
                }
                ctx.Error.WriteLine($"{analyses.Count} fiche(s) de question écrite(s) dans {dir}{(groups is null ? "" : ", avec le regroupement par thème")}.");
                return Cli.Ok;
            }

            if (json)
            {
                ctx.Out.WriteLine(groups is null ? brief.Json(analyses[0]) : Json(w =>
                {
                    w.WriteStartObject();
                    w.WriteStartArray("questions");
                    foreach (var a in analyses) brief.WriteJson(w, a);
                    w.WriteEndArray();
                    w.WritePropertyName("regroupement");
                    QuestionJson.WriteGroups(w, groups, vocab);
                    w.WriteEndObject();
                }));
                return Cli.Ok;
            }
            for (var i = 0; i < analyses.Count; i++)
            {
                if (i > 0) ctx.Out.WriteLine(new string('═', 72));
                ctx.Out.Write(brief.Text(analyses[i]));
            }
            if (groups is not null)
            {
                ctx.Out.WriteLine(new string('═', 72));
                ctx.Out.Write(QuestionText.WriteGroups(groups, vocab));
            }
            return Cli.Ok;
        });
        return cmd;
    }

    /// <summary>
    /// <c>--fiche</c>: one brief per question, one shared brief per group of near-identical questions; Markdown
    /// or HTML on standard output, or both formats (and, for a folder, the table of contents
    /// <c>sommaire.md</c>/<c>.html</c>) written atomically into the <c>--sortie</c> folder.
    /// </summary>
    private static int Briefs(CommandContext ctx, string path, string? format, string? output, string? vocabularyFile, DirectoryInfo? lawDir)
    {
        var html = format?.Trim().ToLowerInvariant() switch
        {
            null or "texte" or "text" or "markdown" => false,
            "html" => true,
            "json" => throw new SegurException("--fiche : --format json non pris en charge ; la fiche existe en Markdown (--format texte, par défaut) et en HTML (--format html)"),
            _ => throw new SegurException($"--format « {format} » inconnu pour --fiche{Suggestions.Hint(format!.Trim(), ["texte", "html"])} ; attendu texte (Markdown) ou html"),
        };
        var source = SharedOptions.Source(lawDir);
        var legislation = LegislationLoader.Load(source);
        var vocab = LoadVocabulary(vocabularyFile, lawDir);
        var isFolder = Directory.Exists(path);
        if (!isFolder && !File.Exists(path)) throw new SegurException($"{path} : fichier ou dossier de questions introuvable");
        if (isFolder && html && output is null)
            throw new SegurException($"{path} : un dossier donne plusieurs fiches HTML ; utilisez --sortie dossier (ou --format texte pour du Markdown sur la sortie standard)");
        IReadOnlyList<Question> questions = isFolder ? QuestionParser.ParseDirectory(path) : [QuestionParser.ParseFile(path)];
        var modelFile = lawDir is null ? null : Path.Combine(lawDir.FullName, "populations", "france.yaml");
        var model = modelFile is not null && File.Exists(modelFile)
            ? PopulationModel.Parse(File.ReadAllText(modelFile), modelFile, legislation.Vocabulary)
            : PopulationModel.Embedded(legislation.Vocabulary);
        var builder = new BriefBuilder(source, legislation, vocab, model, modelFile is not null && File.Exists(modelFile) ? modelFile : "legislation/populations/france.yaml",
            new ReformFiles(lawDir?.FullName), new BriefOptions { PayScales = new CareerPayScales(source, legislation) });
        var analyzer = new QuestionAnalyzer(vocab);
        var analyses = Deduplicate(questions, ctx.Error).Select(analyzer.Analyze).ToList();
        var topics = isFolder ? builder.Build(QuestionGrouper.Group(analyses, vocab)) : null;
        var briefs = topics?.SelectMany(t => t.Briefs).ToList() ?? [builder.Build(analyses[0])];

        if (output is not null)
        {
            Directory.CreateDirectory(output);
            void Write(string name, BriefDocument doc)
            {
                AtomicFile.WriteAllText(Path.Combine(output, name + ".md"), BriefMarkdown.Write(doc));
                AtomicFile.WriteAllText(Path.Combine(output, name + ".html"), BriefHtml.Write(doc));
            }
            foreach (var b in briefs) Write(b.FileName, BriefLayout.Lay(b));
            if (topics is not null) Write("sommaire", BriefLayout.Index(topics));
            ctx.Error.WriteLine($"{briefs.Count} fiche(s) pour {analyses.Count} question(s) écrite(s) dans {output} (Markdown et HTML){(topics is null ? "" : ", avec le sommaire par thème")}.");
            return Cli.Ok;
        }
        var docs = briefs.Select(BriefLayout.Lay).ToList();
        if (html)
        {
            ctx.Out.Write(BriefHtml.Write(docs[0]));
            return Cli.Ok;
        }
        for (var i = 0; i < docs.Count; i++)
        {
            if (i > 0) ctx.Out.WriteLine("\n---\n");
            ctx.Out.Write(BriefMarkdown.Write(docs[i]));
        }
        if (topics is not null)
        {
            ctx.Out.WriteLine("\n---\n");
            ctx.Out.Write(BriefMarkdown.Write(BriefLayout.Index(topics)));
        }
        return Cli.Ok;
    }

    private static QuestionVocabulary LoadVocabulary(string? file, DirectoryInfo? lawDir)
    {
        if (file is not null) return QuestionVocabulary.FromFile(file);
        var inLaw = lawDir is null ? null : Path.Combine(lawDir.FullName, "questions", "vocabulaire.yaml");
        return inLaw is not null && File.Exists(inLaw) ? QuestionVocabulary.FromFile(inLaw) : QuestionVocabulary.Embedded();
    }

    /// <summary>The same question (same uid) read twice: keep the copy with an answer, else the first; say so.</summary>
    private static List<Question> Deduplicate(IReadOnlyList<Question> questions, TextWriter warnings)
    {
        var kept = new List<Question>();
        foreach (var g in questions.GroupBy(q => q.Uid))
        {
            var best = g.OrderByDescending(q => q.AnswerDate.HasValue).ThenBy(q => questions.ToList().IndexOf(q)).First();
            foreach (var other in g.Where(q => !ReferenceEquals(q, best)))
                warnings.WriteLine($"attention : {other.Origin} : même question que {best.Origin} ({best.Uid}) ; copie ignorée");
            kept.Add(best);
        }
        return kept;
    }

    private static string Json(Action<Utf8JsonWriter> write)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, QuestionJson.Options)) write(w);
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    /// <summary>
    /// What the engine says today of each population's profiles, from April 2022 to the month of the
    /// question. Figures come from <see cref="Evaluator"/> only.
    /// </summary>
    private sealed class Brief(Legislation law, IReadOnlyDictionary<(string Population, int Index), Profile> profiles, bool detail)
    {
        private readonly Evaluator _evaluator = new(law);

        private static MonthRange RangeFor(Question q)
        {
            var end = q.QuestionDate is { } d ? YearMonth.Of(d) : SituationStart;
            return new MonthRange(end < SituationStart ? end : SituationStart, end);
        }

        private IEnumerable<(DetectedPopulation Population, PopulationProfile Definition, EvaluationResult Result)> Evaluate(QuestionAnalysis a)
        {
            var range = RangeFor(a.Question);
            foreach (var p in a.Populations)
                for (var i = 0; i < p.Definition.Profiles.Count; i++)
                    yield return (p, p.Definition.Profiles[i], _evaluator.Evaluate(profiles[(p.Definition.Id, i)], range));
        }

        public string Text(QuestionAnalysis a) => QuestionText.Write(a, sb =>
        {
            if (a.Populations.Count == 0) return;
            var range = RangeFor(a.Question);
            sb.AppendLine();
            sb.Append("Situation actuelle selon le moteur (droit connu à ce jour, législation ").Append(law.Version).Append(", ")
              .Append(Format.Month(range.Start)).Append(" à ").Append(Format.Month(range.End)).AppendLine(") :");
            foreach (var (pop, def, result) in Evaluate(a))
            {
                sb.Append("  • ").Append(pop.Definition.Id).Append(" — ").AppendLine(def.Label);
                foreach (var run in Runs(result))
                {
                    var span = run.Count == 1 ? Format.Month(run[0].Month) : $"{Format.Month(run[0].Month)} à {Format.Month(run[^1].Month)}";
                    var m = run[0];
                    var what = !m.Eligible ? "aucune mesure due"
                        : $"{string.Join(" + ", m.Retained)}, {(m.Gross is { } g ? Format.Euros(g) : "montant inconnu")} brut par mois";
                    sb.Append("      ").Append(span).Append(" : ").Append(what).AppendLine(m.Uncertain ? $" (incertain, confiance {m.Confidence})" : "");
                }
                var total = Total(result);
                sb.Append("      total brut sur la période : ").AppendLine(total is { } t ? Format.Euros(t) : "inconnu (un montant au moins n'est pas connu)");
                foreach (var (_, label) in Exclusions(result)) sb.Append("      exclusion : ").AppendLine(label);
                var last = result.Months[^1];
                if (!last.Eligible && last.Closest is not null) sb.Append("      mesure la plus proche : ").AppendLine(last.Closest);
                if (detail)
                {
                    sb.AppendLine();
                    foreach (var line in TextReport.Write(result).TrimEnd().Split('\n')) sb.Append("      │ ").AppendLine(line);
                    sb.AppendLine();
                }
            }
        });

        public string Json(QuestionAnalysis a) => QuestionCommand.Json(w => WriteJson(w, a));

        public void WriteJson(Utf8JsonWriter w, QuestionAnalysis a) => QuestionJson.WriteQuestion(w, a, x =>
        {
            var range = RangeFor(a.Question);
            x.WriteStartObject("situation_actuelle");
            x.WriteString("debut", range.Start.ToString());
            x.WriteString("fin", range.End.ToString());
            x.WriteNull("droit_au");
            x.WriteStartObject("legislation");
            x.WriteString("version", law.Version);
            x.WriteString("empreinte", law.Fingerprint);
            x.WriteEndObject();
            x.WriteStartArray("profils");
            foreach (var (pop, def, result) in Evaluate(a))
            {
                x.WriteStartObject();
                x.WriteString("population", pop.Definition.Id);
                x.WriteString("libelle", def.Label);
                x.WritePropertyName("profil");
                def.Profile.WriteTo(x);
                var total = Total(result);
                x.WritePropertyName("total_brut");
                if (total is null) x.WriteNullValue(); else x.WriteRawValue(Money(total.Value), skipInputValidation: true);
                x.WriteNumber("mois_eligibles", result.Months.Count(m => m.Eligible));
                x.WriteStartArray("periodes");
                foreach (var run in Runs(result))
                {
                    x.WriteStartObject();
                    x.WriteString("debut", run[0].Month.ToString());
                    x.WriteString("fin", run[^1].Month.ToString());
                    x.WriteStartArray("mesures");
                    foreach (var id in run[0].Retained) x.WriteStringValue(id);
                    x.WriteEndArray();
                    x.WritePropertyName("montant_brut_mensuel");
                    if (run[0].Gross is { } g) x.WriteRawValue(Money(g), skipInputValidation: true); else x.WriteNullValue();
                    x.WriteBoolean("incertain", run[0].Uncertain);
                    x.WriteEndObject();
                }
                x.WriteEndArray();
                x.WriteStartArray("exclusions");
                foreach (var (id, label) in Exclusions(result))
                {
                    x.WriteStartObject();
                    x.WriteString("id", id);
                    x.WriteString("intitule", label);
                    x.WriteEndObject();
                }
                x.WriteEndArray();
                var last = result.Months[^1];
                if (!last.Eligible && last.Closest is not null) x.WriteString("mesure_la_plus_proche", last.Closest); else x.WriteNull("mesure_la_plus_proche");
                if (detail)
                {
                    x.WritePropertyName("rapport");
                    using var doc = JsonDocument.Parse(JsonReport.Write(result));
                    doc.WriteTo(x);
                }
                x.WriteEndObject();
            }
            x.WriteEndArray();
            x.WriteEndObject();
        });

        private static string Money(decimal d) => d.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture);

        private static decimal? Total(EvaluationResult r)
        {
            decimal? total = 0m;
            foreach (var m in r.Months) total = total is null || m.Gross is null ? null : total + m.Gross;
            return total;
        }

        /// <summary>Consecutive months with the same measures, amount and certainty.</summary>
        private static List<List<MonthResult>> Runs(EvaluationResult r)
        {
            var runs = new List<List<MonthResult>>();
            foreach (var m in r.Months)
            {
                if (runs.Count > 0 && Same(runs[^1][0], m)) runs[^1].Add(m);
                else runs.Add([m]);
            }
            return runs;
        }

        private static bool Same(MonthResult a, MonthResult b) =>
            a.Eligible == b.Eligible && a.Gross == b.Gross && a.Uncertain == b.Uncertain && a.Retained.SequenceEqual(b.Retained);

        /// <summary>Exclusions that apply in the last month of the period (id without the « exclusion. » prefix, title).</summary>
        private static List<(string Id, string Label)> Exclusions(EvaluationResult r) =>
            Words.TriggeredExclusions(r.Months[^1]).Select(e => (e.Exclusion.Exclusion.Id, e.Exclusion.Label)).ToList();
    }
}
