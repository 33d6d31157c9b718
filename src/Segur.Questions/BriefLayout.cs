using Segur.Engine.Law;
using static Segur.Questions.Inline;

namespace Segur.Questions;

/// <summary>
/// Lays a <see cref="QuestionBrief"/> out in French: the question(s), what is asked, the engine's verdict
/// per population with its reasons, the cost of the extension with the arrears and the assumptions, the
/// pay-scale gap, and the numbered references. Every figure shows its references and, when it rests on a
/// fact graded M or L, a warning saying which.
/// </summary>
public static partial class BriefLayout
{
    public static BriefDocument Lay(QuestionBrief b)
    {
        var d = new BriefDocument(b.Title);
        d.Blocks.Add(new Paragraph([
            T($"Fiche établie par segur, droit connu à ce jour (législation {b.LawVersion}, empreinte {b.LawFingerprint[..12]}). "
              + "Chaque chiffre vient du moteur de règles, d'un scénario de réforme (legislation/reforms/) ou des effectifs documentés "
              + "(legislation/populations/france.yaml) ; ses références sont numérotées (réf.) et listées en fin de fiche."),
            new Inline(InlineKind.Warning, "signale un chiffre qui repose sur un fait incertain (confiance M ou L), et dit lequel."),
        ]));
        Questions(d, b);
        Asked(d, b);
        Situation(d, b);
        Costs(d, b);
        PayScales(d, b);
        return d;
    }

    private static void Questions(BriefDocument d, QuestionBrief b)
    {
        if (!b.Shared)
        {
            var q = b.Questions[0].Question;
            d.Blocks.Add(new Heading(2, "La question"));
            var author = q.Author ?? (q.AuthorRef is null ? "inconnu" : $"référence {q.AuthorRef} (nom absent des données ouvertes)");
            if ((q.Constituency ?? q.Departement) is { } place) author += " — " + place;
            if (q.Group is not null) author += " — " + q.Group;
            d.Blocks.Add(new Bullets([
                [B("Référence"), T(" : " + q.Reference + " — "), C(q.Uid)],
                [B("Titre"), T(" : " + q.Title)],
                [B("Auteur"), T(" : " + author)],
                [B("Chambre"), T(q.Chamber == "Senat" ? " : Sénat" : " : Assemblée nationale")],
                [B("Rubrique"), T(" : " + (q.Rubrique ?? QuestionText.Missing))],
                [B("Ministère interrogé"), T(" : " + (q.MinistryAsked ?? QuestionText.Missing))],
                [B("Ministère attributaire"), T(" : " + (q.MinistryAssigned ?? QuestionText.Missing))],
                [B("Publication"), T($" : JO du {q.QuestionDateText}{(q.QuestionPage is { } p ? $", page {p}" : "")}")],
                [B("Réponse"), T(q.AnswerDate is { } ad ? $" : publiée au JO du {Format.Date(ad)}{(q.AnswerPage is { } ap ? $", page {ap}" : "")}" : " : aucune réponse publiée")],
            ]));
            return;
        }
        d.Blocks.Add(new Heading(2, $"Les {b.Questions.Count} questions"));
        d.Blocks.Add(new Paragraph([T("Ces questions ont des textes quasi identiques (similarité de Jaccard des suites de mots au-dessus du seuil du vocabulaire) : une seule fiche leur répond.")]));
        d.Blocks.Add(new Table(["Question", "Publiée au JO", "Auteur", "Titre"],
            b.Questions.Select(a => (IReadOnlyList<IReadOnlyList<Inline>>)
            [
                [T(a.Question.Reference + " — "), C(a.Question.Uid)],
                [T(a.Question.QuestionDateText)],
                [T(a.Question.Author ?? a.Question.AuthorRef ?? "inconnu")],
                [T(a.Question.Title)],
            ]).ToList()));
    }

    private static void Asked(BriefDocument d, QuestionBrief b)
    {
        d.Blocks.Add(new Heading(2, "Ce qui est demandé"));
        if (b.Populations.Count == 0)
        {
            d.Blocks.Add(new Paragraph([T("Populations visées : aucune reconnue par le vocabulaire de détection (il faut, pour une population, un métier et un lieu d'exercice proches dans le texte). Trouvé dans le texte :")]));
            var found = b.Questions.SelectMany(a => a.Found).GroupBy(f => f.Group.Id).Select(g => g.First()).ToList();
            var kinds = new[] { (TermGroupKind.Organisme, "organismes"), (TermGroupKind.Structure, "structures"), (TermGroupKind.Profession, "professions") };
            var lines = kinds.Select(k => (Name: k.Item2, Items: found.Where(f => f.Group.Kind == k.Item1).Select(f => $"{f.Group.Label} ({Quoted(f.Terms)})").ToList()))
                .Select(k => (IReadOnlyList<Inline>)[B(k.Name), T(" : " + (k.Items.Count == 0 ? "aucun" : string.Join(" ; ", k.Items)))]).ToList();
            var mentions = b.Questions.SelectMany(a => a.Demands.Concat(a.Mentions)).GroupBy(x => x.Definition.Id).Select(g => g.First()).ToList();
            lines.Add([B("demandes et mentions"), T(" : " + (mentions.Count == 0 ? "aucune" : string.Join(" ; ", mentions.Select(m => $"{m.Definition.Label} ({Quoted(m.Terms)}{(m.Explicit ? "" : ", simple mention")})"))))]);
            d.Blocks.Add(new Bullets(lines));
        }
        else
        {
            d.Blocks.Add(new Paragraph([T("Populations visées :")]));
            d.Blocks.Add(new Bullets(b.Populations.Select(p => (IReadOnlyList<Inline>)
                [B(p.Definition.Label), T(" ("), C(p.Definition.Id), T(") — termes : " + Quoted(p.Terms))]).ToList()));
        }
        if (b.Demands.Count == 0) d.Blocks.Add(new Paragraph([T("Demandes : aucune reconnue par le vocabulaire de détection.")]));
        else
        {
            d.Blocks.Add(new Paragraph([T("Demandes :")]));
            // A sentence carrying several demands is quoted once, under the first.
            d.Blocks.Add(new Bullets(b.Demands.Select((x, i) => (IReadOnlyList<Inline>)
                [B(x.Definition.Label), T($" ({Quoted(x.Terms)})" + (i > 0 && b.Demands[i - 1].Excerpt == x.Excerpt ? "" : $" — « {Shorten(x.Excerpt, 240)} »"))]).ToList()));
        }
    }

    private static void Situation(BriefDocument d, QuestionBrief b)
    {
        d.Blocks.Add(new Heading(2, "Situation actuelle selon le moteur"));
        if (b.Verdicts.Count == 0)
        {
            d.Blocks.Add(new Paragraph([T("Aucune population reconnue : pas de verdict.")]));
            return;
        }
        d.Blocks.Add(new Paragraph([T($"Droit connu à ce jour, {FrenchMonth.From(b.SituationPeriod.Start)} à {Format.Month(b.SituationPeriod.End)}, pour les profils types de chaque population (legislation/questions/vocabulaire.yaml).")]));
        foreach (var v in b.Verdicts)
        {
            d.Blocks.Add(new Heading(3, $"{v.Population.Label} — {v.Profile.Label}"));
            d.Blocks.Add(new Bullets(v.Periods.Select(p =>
            {
                var span = p.Start == p.End ? Format.Month(p.Start) : $"{Format.Month(p.Start)} à {Format.Month(p.End)}";
                var what = p.Measures.Count > 0 ? $"{string.Join(" + ", p.Measures)}, {(p.MonthlyGross is { } g ? Format.Euros(g) : "montant inconnu")} brut par mois"
                    : p.Undetermined ? "verdict indéterminé : il dépend de faits que le profil type ne donne pas"
                    : "aucune mesure Ségur due";
                var line = new List<Inline> { T($"{span} : {what}") };
                if (p.Uncertain) line.Add(new Inline(InlineKind.Warning, $"incertain, confiance {p.Confidence}"));
                if (p.Condition is not null) line.Add(T($" — {p.Condition}"));
                return (IReadOnlyList<Inline>)line;
            }).ToList()));
            d.Blocks.Add(new Paragraph(FigureLine(d, v.Total)));
            d.Blocks.Add(new Paragraph([T("Raisons de droit :")]));
            d.Blocks.Add(new Bullets(v.Reasons.Select(r =>
            {
                var line = new List<Inline> { T(r.Text) };
                if (r.Confidence != Confidence.H) line.Add(new Inline(InlineKind.Warning, $"confiance {r.Confidence}"));
                if (r.References.Count > 0) line.Add(d.Cite(r.References));
                return (IReadOnlyList<Inline>)line;
            }).ToList()));
        }
    }

    private static void Costs(BriefDocument d, QuestionBrief b)
    {
        d.Blocks.Add(new Heading(2, "Coût de l'extension demandée"));
        foreach (var n in b.CostNotes) d.Blocks.Add(new Paragraph([T(n)]));
        foreach (var c in b.Costs)
        {
            if (b.Costs.Count > 1) d.Blocks.Add(new Heading(3, c.Reform.Title));
            d.Blocks.Add(new Paragraph([
                T("Scénario : "), B(c.Reform.Title), T($" ({c.ReformFile}) — hypothèse de chiffrage, non adoptée ; décision supposée le {Format.Date(c.Reform.DecidedOn)}. "
                  + $"Période chiffrée : {Format.Month(c.Period.Start)} à {Format.Month(c.Period.End)} ({c.Period.Count} mois). "
                  + "Chiffres : différence entre la réforme et le droit en vigueur, ligne à ligne, sur la population estimée."),
            ]));
            if (c.Figures.Count > 0)
            {
                d.Blocks.Add(new Table(["Chiffre", "Valeur", "Confiance", "Références"], c.Figures.Select(f => FigureRow(d, f)).ToList()));
            }
            if (c.Populations.Count > 1 || c.Populations.Any(p => p.Totals is null))
            {
                d.Blocks.Add(new Heading(3, "Par population"));
                d.Blocks.Add(new Table(["Population", "Effectif", "Nouveaux bénéficiaires", "Coût brut", "dont rappels", "Coût annuel"],
                    c.Populations.Select(p => p.Totals is null
                        ? (IReadOnlyList<IReadOnlyList<Inline>>)[[T(p.Population.Label)], [T(HeadcountCell(p))], [T("—")], [T("—")], [T("—")], [T(AnnualCell(p))]]
                        : (IReadOnlyList<IReadOnlyList<Inline>>)
                        [
                            [T(p.Population.Label)],
                            Cell(d, p.Figures, "effectif"), Cell(d, p.Figures, "nouveaux-beneficiaires"), Cell(d, p.Figures, "cout-brut"),
                            Cell(d, p.Figures, "rappels"), Cell(d, p.Figures, "cout-annuel"),
                        ]).ToList()));
            }
            PerWorker(d, c);
            if (c.Totals is not null)
            {
                d.Blocks.Add(new Heading(3, "Rappels"));
                var arrears = c.Figure("rappels");
                var line = new List<Inline>
                {
                    T($"Le scénario est décidé le {Format.Date(c.Reform.DecidedOn)} avec effet en {Format.Month(c.Period.Start)} : le coût des mois antérieurs à la décision, "),
                    B(arrears.Display),
                    T(", serait versé en rappels."),
                };
                line.AddRange(FigureTail(d, arrears));
                d.Blocks.Add(new Paragraph(line));
            }
            foreach (var n in c.Notes) d.Blocks.Add(new Paragraph([T(n)]));
            d.Blocks.Add(new Heading(3, "Hypothèses"));
            d.Blocks.Add(new Bullets(c.Assumptions.Select(a =>
            {
                var line = new List<Inline> { T(a.Text) };
                if (a.Confidence != Confidence.H) line.Add(new Inline(InlineKind.Warning, $"confiance {a.Confidence}"));
                if (a.References.Count > 0) line.Add(d.Cite(a.References));
                return (IReadOnlyList<Inline>)line;
            }).ToList()));
        }
    }

    private static void PayScales(BriefDocument d, QuestionBrief b)
    {
        d.Blocks.Add(new Heading(2, "Écart de grilles"));
        if (!b.PayScaleAsked)
        {
            d.Blocks.Add(new Paragraph([T("La question ne soulève pas d'écart de grille ou de classification.")]));
            return;
        }
        foreach (var item in b.PayScales)
        {
            var who = string.Join(", ", item.Populations.Select(p => p.Label));
            var line = new List<Inline> { B(who), T(" : ") };
            if (item.Pair is not null) line.Add(T(item.Pair.Label + ". "));
            if (item.Gap is null) line.Add(T(item.Unavailable ?? ""));
            else line.Add(T(item.Gap.Summary));
            d.Blocks.Add(new Paragraph(line));
            if (item.Gap is not { } gap) continue;
            if (gap.Figures.Count > 0)
                d.Blocks.Add(new Table(["Chiffre", "Valeur", "Confiance", "Références"], gap.Figures.Select(f => FigureRow(d, f)).ToList()));
            if (gap.Claims.Count > 0)
            {
                d.Blocks.Add(new Paragraph([T("Affirmations des questions écrites :")]));
                d.Blocks.Add(new Bullets(gap.Claims.Select(r => Reason(d, r.Text, r.References, r.Confidence)).ToList()));
            }
            if (gap.Assumptions.Count > 0)
            {
                d.Blocks.Add(new Paragraph([T("Hypothèses de la comparaison :")]));
                d.Blocks.Add(new Bullets(gap.Assumptions.Select(a => Reason(d, a.Text, a.References, a.Confidence)).ToList()));
            }
        }
    }

    private static IReadOnlyList<Inline> Reason(BriefDocument d, string text, IReadOnlyList<BriefReference> refs, Confidence confidence)
    {
        var line = new List<Inline> { T(text) };
        if (confidence != Confidence.H) line.Add(new Inline(InlineKind.Warning, $"confiance {confidence}"));
        if (refs.Count > 0) line.Add(d.Cite(refs));
        return line;
    }

    private static IReadOnlyList<IReadOnlyList<Inline>> FigureRow(BriefDocument d, BriefFigure f)
    {
        var grade = new List<Inline>();
        if (f.Uncertain) grade.Add(new Inline(InlineKind.Warning, $"{f.Confidence}{(f.Caveat is null ? "" : " — " + f.Caveat)}"));
        else grade.Add(T("H"));
        return [[T(f.Label)], [B(f.Display)], grade, f.References.Count > 0 ? [d.Cite(f.References)] : [T("—")]];
    }

    private static IReadOnlyList<Inline> Cell(BriefDocument d, IReadOnlyList<BriefFigure> figures, string id)
    {
        var f = figures.First(x => x.Id == id);
        var cell = new List<Inline> { T(f.Display) };
        if (f.Uncertain) cell.Add(new Inline(InlineKind.Warning, f.Confidence.ToString()));
        return cell;
    }

    private static List<Inline> FigureLine(BriefDocument d, BriefFigure f)
    {
        var line = new List<Inline> { T(f.Label + " : "), B(f.Display) };
        line.AddRange(FigureTail(d, f));
        return line;
    }

    private static IEnumerable<Inline> FigureTail(BriefDocument d, BriefFigure f)
    {
        if (f.References.Count > 0) yield return d.Cite(f.References);
        if (f.Uncertain) yield return new Inline(InlineKind.Warning, $"confiance {f.Confidence}{(f.Caveat is null ? "" : " : " + f.Caveat)}");
    }

    /// <summary>The table of contents of a folder's briefs: topics, then each brief with its questions and file.</summary>
    public static BriefDocument Index(IReadOnlyList<TopicBriefs> topics)
    {
        var total = topics.Sum(t => t.Topic.Questions.Count);
        var d = new BriefDocument($"Fiches des questions écrites — {total} question{(total > 1 ? "s" : "")}");
        d.Blocks.Add(new Paragraph([T("Questions regroupées par thème (ensemble des thèmes des populations visées) ; les questions quasi identiques partagent une fiche.")]));
        foreach (var t in topics)
        {
            d.Blocks.Add(new Heading(2, $"{t.Topic.Label} ({t.Topic.Questions.Count} question{(t.Topic.Questions.Count > 1 ? "s" : "")})"));
            d.Blocks.Add(new Bullets(t.Briefs.Select(b => (IReadOnlyList<Inline>)
            [
                new Inline(InlineKind.FileLink, b.Title, b.FileName),
                T(" — " + string.Join(" ; ", b.Questions.Select(a => $"{a.Question.Uid}, {a.Question.QuestionDateText}, « {a.Question.Title} »"))),
            ]).ToList()));
        }
        return d;
    }

    private static string Quoted(IEnumerable<string> terms) => string.Join(", ", terms.Select(t => $"« {t} »"));

    private static string Shorten(string s, int max) => s.Length <= max ? s : s[..(max - 1)].TrimEnd() + "…";
}

/// <summary>French month phrases with elision: « d'avril 2022 », « de février 2026 ».</summary>
internal static class FrenchMonth
{
    public static string From(Segur.Engine.Time.YearMonth m)
    {
        var name = Format.Month(m);
        return name[0] is 'a' or 'o' ? "d'" + name : "de " + name;
    }
}
