using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Segur.Engine;
using Segur.Engine.Law;
using Segur.Engine.Profiles;
using Segur.Engine.Time;
using Segur.Web.Api;
using Exclusion = Segur.Engine.Law.Exclusion;

namespace Segur.Web.Simulation;

/// <summary>How a reform built from the form reaches its population.</summary>
public enum ReformMode
{
    /// <summary>A new measure of the family « socle », paid only where no existing measure of the family is.</summary>
    Create,
    /// <summary>An existing measure whose criteria on the population's facts are extended to it.</summary>
    Extend,
}

/// <summary>What the « réforme sans YAML » form says: the measure, the population, the amount, the dates.</summary>
public sealed record ReformSpec
{
    public ReformMode Mode { get; init; } = ReformMode.Create;

    /// <summary>The measure extended (<see cref="ReformMode.Extend"/>).</summary>
    public string? Measure { get; init; }

    public IReadOnlyList<string> Secteurs { get; init; } = [];
    public IReadOnlyList<string> Organismes { get; init; } = [];
    public IReadOnlyList<string> Structures { get; init; } = [];
    public IReadOnlyList<string> Professions { get; init; } = [];

    /// <summary>Full-time monthly amount of a new measure: euros, or points of indice majoré.</summary>
    public decimal? Amount { get; init; }
    public bool Points { get; init; }

    public required YearMonth From { get; init; }
    public required DateOnly DecidedOn { get; init; }
    public string? Title { get; init; }

    /// <summary>The address of a source (a written question, a union's demand) for the scenario's text.</summary>
    public string? Source { get; init; }

    /// <summary>Exclusions to lift for the reformed measure, beyond those the builder finds that hit the population.</summary>
    public IReadOnlyList<string> Lift { get; init; } = [];
}

/// <summary>
/// Builds a reform overlay (the format of <c>docs/reformes.md</c>) from the form, so that nobody has to write
/// YAML: a new measure (criteria on the sectors, bodies, structures and professions chosen; an amount in euros
/// or points; <c>cede_a</c> every measure of its family, so it pays only the workers none of them pays), or the
/// extension of an existing measure (each of its criteria on the employer or the profession is extended to
/// it, from the first month; status and functions stay required). Exclusions that rule the population out are lifted for the measure. The text is
/// then loaded like any reform, through every check of the law; the builder only writes it.
/// </summary>
public static class ReformBuilder
{
    public const string NewMeasureId = "R-FORMULAIRE";

    private static readonly (string Field, string Id, Func<ReformSpec, IReadOnlyList<string>> Values, string Label)[] Population =
    [
        ("employeur.secteur", "secteur", s => s.Secteurs, "Employeur"),
        ("employeur.organisme", "organisme", s => s.Organismes, "Organisme de sécurité sociale"),
        ("employeur.structure", "lieu", s => s.Structures, "Structure"),
        ("emploi.profession", "metier", s => s.Professions, "Métier"),
    ];

    /// <summary>
    /// The overlay's YAML; a <see cref="WebProblem"/> (400, French) when the form is incomplete.
    /// <paramref name="attached"/>: for a new measure, the exclusions the law attaches to it (known once a first
    /// version is loaded, see <see cref="Load"/>).
    /// </summary>
    public static string Build(Legislation law, ReformSpec spec, DateOnly today, IReadOnlyList<Exclusion>? attached = null)
    {
        var chosen = Population.Where(p => p.Values(spec).Count > 0).ToList();
        if (chosen.Count == 0) throw new WebProblem(400, "/population : aucun critère de population ; choisissez au moins un secteur, un organisme, une structure ou un métier");
        foreach (var (field, _, values, _) in chosen)
        {
            var f = law.Vocabulary[field];
            foreach (var v in values(spec))
            {
                if (!f.TryCode(v, out _)) throw new WebProblem(400, $"/{field} : valeur « {v} » inconnue ; attendu une des valeurs du profil (docs/profil.md)");
            }
        }
        Measure? target = null;
        if (spec.Mode == ReformMode.Extend)
        {
            target = spec.Measure is null ? null : law.Measure(spec.Measure);
            if (target is null) throw new WebProblem(400, $"/mesure : mesure « {spec.Measure} » inconnue ; attendu une mesure de la législation");
        }
        else if (spec.Amount is not { } amount || amount <= 0)
            throw new WebProblem(400, "/montant : attendu un montant mensuel à temps plein strictement positif (en euros ou en points)");
        if (spec.Source is { Length: > 0 } src && !src.StartsWith("http", StringComparison.Ordinal))
            throw new WebProblem(400, $"/source : « {src} » n'est pas une adresse http(s)");

        var population = Describe(law, spec, chosen);
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(population + spec.Mode + spec.Measure + spec.Amount + spec.Points + spec.From + spec.DecidedOn)))[..8];
        var id = "reforme-formulaire-" + hash;
        var title = string.IsNullOrWhiteSpace(spec.Title)
            ? Shorten(target is null ? $"Nouvelle mesure Ségur : {population}" : $"Extension de {target.Id} : {population}", 160)
            : spec.Title.Trim();
        var from = spec.From.FirstDay;
        var sb = new StringBuilder();
        sb.Append("# Réforme construite avec le formulaire de segur (/reforme) : une hypothèse de simulation, pas du droit.\n");
        sb.Append("id: ").Append(id).Append('\n');
        sb.Append("intitule: ").Append(Quote(title)).Append('\n');
        sb.Append("description: ").Append(Quote(target is null
            ? $"Nouvelle mesure à compter du {Format.Date(from)} : {Amount(spec)} brut par mois à temps plein pour la population : {population}. Elle n'est versée qu'à qui ne reçoit aucune autre mesure de la famille « socle »."
            : $"Extension de la mesure {target.Id} ({target.Title}) à compter du {Format.Date(from)} à la population : {population}. Le montant reste celui de {target.Id}.")).Append('\n');
        sb.Append("decidee_le: ").Append(Format.Iso(spec.DecidedOn)).Append('\n');
        sb.Append("textes:\n  ").Append(id).Append(":\n");
        sb.Append("    titre: ").Append(Quote($"Scénario segur : {title} (hypothèse, non adoptée)")).Append('\n');
        sb.Append("    nature: scenario\n    publie_le: null\n");
        sb.Append("    publication: ").Append(Quote($"scénario construit avec le formulaire de segur, sans valeur juridique ; décision supposée le {Format.Date(spec.DecidedOn)}")).Append('\n');
        sb.Append("    url: ").Append(Quote(spec.Source is { Length: > 0 } s ? s : target?.InstitutedBy.Url ?? "https://www.legifrance.gouv.fr/")).Append('\n');
        sb.Append("    verifie_le: ").Append(Format.Iso(today)).Append('\n');
        sb.Append("    confiance: L\n");
        var measureId = target?.Id ?? NewMeasureId;
        if (target is null) NewMeasure(sb, law, spec, chosen, id, title, from);
        var modifications = new StringBuilder();
        if (target is not null) Extensions(modifications, law, spec, chosen, target, id, population, from);
        foreach (var e in Lifted(law, spec, chosen, target?.Exclusions ?? attached ?? []))
            modifications.Append("  - exclusion: ").Append(e).Append("\n    retirer_mesures: [").Append(measureId).Append("]\n");
        if (modifications.Length > 0) sb.Append("modifications:\n").Append(modifications);
        return sb.ToString();
    }

    private static void NewMeasure(StringBuilder sb, Legislation law, ReformSpec spec, List<(string Field, string Id, Func<ReformSpec, IReadOnlyList<string>> Values, string Label)> chosen,
        string text, string title, DateOnly from)
    {
        var param = text + "-montant";
        sb.Append("parametres:\n  - id: ").Append(param).Append('\n');
        sb.Append("    intitule: ").Append(Quote(spec.Points ? "Nombre de points d'indice majoré de la réforme simulée, par mois à temps plein" : "Montant de la réforme simulée, brut mensuel à temps plein")).Append('\n');
        sb.Append("    unite: ").Append(spec.Points ? "points d'indice majoré" : "euros par mois").Append('\n');
        sb.Append("    valeurs:\n      - du: ").Append(Format.Iso(from)).Append('\n');
        sb.Append("        valeur: ").Append(spec.Amount!.Value.ToString(CultureInfo.InvariantCulture)).Append('\n');
        sb.Append("        reference: {texte: ").Append(text).Append("}\n");
        var publicOnly = spec.Secteurs.Count > 0 && spec.Secteurs.All(s => s == "public");
        var socle = law.Measures.Where(m => m.Family == "socle").Select(m => m.Id).ToList();
        sb.Append("mesures:\n  - id: ").Append(NewMeasureId).Append('\n');
        sb.Append("    intitule: ").Append(Quote("Réforme simulée : " + title)).Append('\n');
        sb.Append("    famille: socle\n");
        sb.Append("    institue_par: ").Append(text).Append('\n');
        sb.Append("    references: [{texte: ").Append(text).Append("}]\n");
        sb.Append("    du: ").Append(Format.Iso(from)).Append('\n');
        sb.Append("    proratisation: ").Append(publicOnly ? "fonction_publique" : "contrat_prive").Append('\n');
        sb.Append("    montant: ").Append(spec.Points
            ? $"{{points: {param}, valeur_du_point: point-indice, diviseur: diviseur-point-mensuel}}"
            : $"{{euros: {param}}}").Append('\n');
        sb.Append("    cede_a: [").Append(string.Join(", ", socle)).Append("]\n");
        sb.Append("    criteres:\n");
        foreach (var (field, id, values, label) in chosen)
        {
            var f = law.Vocabulary[field];
            sb.Append("      - id: ").Append(id).Append('\n');
            sb.Append("        libelle: ").Append(Quote($"{label} : {string.Join(", ", values(spec).Select(v => f.LabelOf(v)))}")).Append('\n');
            sb.Append("        references: [{texte: ").Append(text).Append("}]\n");
            sb.Append("        condition: {champ: ").Append(field).Append(", parmi: [").Append(string.Join(", ", values(spec))).Append("]}\n");
        }
    }

    /// <summary>
    /// Each top-level criterion of the measure that reads a fact of the employer (<c>employeur.*</c>: sector, body,
    /// branch, workplace, funding…) or the profession, extended to the population; the criteria of the job itself
    /// (status, functions) stay required.
    /// </summary>
    private static void Extensions(StringBuilder sb, Legislation law, ReformSpec spec, List<(string Field, string Id, Func<ReformSpec, IReadOnlyList<string>> Values, string Label)> chosen,
        Measure target, string text, string population, DateOnly from)
    {
        var fields = law.Vocabulary.Fields.Where(f => f.Name.StartsWith("employeur.", StringComparison.Ordinal) || f.Name == "emploi.profession").ToHashSet();
        var condition = "{toutes: [" + string.Join(", ", chosen.Select(c => $"{{champ: {c.Field}, parmi: [{string.Join(", ", c.Values(spec))}]}}")) + "]}";
        var extended = 0;
        foreach (var rule in target.Criteria)
        {
            var read = new HashSet<FieldDef>();
            Read(rule, read);
            if (!read.Overlaps(fields)) continue;
            extended++;
            sb.Append("  - mesure: ").Append(target.Id).Append('\n');
            sb.Append("    etendre:\n      critere: ").Append(rule.Id).Append('\n');
            sb.Append("      une_de:\n        - libelle: ").Append(Quote($"Réforme simulée, à compter du {Format.Date(from)} : {population}")).Append('\n');
            sb.Append("          references: [{texte: ").Append(text).Append("}]\n");
            sb.Append("          institue_par: ").Append(text).Append('\n');
            sb.Append("          du: ").Append(Format.Iso(from)).Append('\n');
            sb.Append("          condition: ").Append(condition).Append('\n');
        }
        if (extended == 0)
            throw new WebProblem(400, $"/mesure : aucun critère de {target.Id} ne porte sur le secteur, l'organisme, la structure ou le métier ; rien à étendre");
    }

    /// <summary>
    /// The exclusions of the reformed measure that rule out at least one worker of the population (evaluated on
    /// every combination of the values chosen), or that turn only on facts of the employer the form does not ask,
    /// and those the form asks to lift.
    /// </summary>
    private static IEnumerable<string> Lifted(Legislation law, ReformSpec spec, List<(string Field, string Id, Func<ReformSpec, IReadOnlyList<string>> Values, string Label)> chosen,
        IReadOnlyList<Exclusion> exclusions)
    {
        var combos = new List<int[]> { Codes(law) };
        foreach (var (field, _, values, _) in chosen)
        {
            var f = law.Vocabulary[field];
            combos = combos.SelectMany(c => values(spec).Select(v =>
            {
                var x = (int[])c.Clone();
                f.TryCode(v, out x[f.Index]);
                return x;
            })).Take(4096).ToList();
        }
        foreach (var e in exclusions)
        {
            var read = new HashSet<FieldDef>();
            e.Condition.CollectFields(read);
            // An exclusion on facts of the employer that the form does not ask (branch, IDCC) would leave the whole
            // population undetermined: the reform is for all of it, so it is lifted too.
            var employerOnly = read.All(f => f.Name.StartsWith("employeur.", StringComparison.Ordinal));
            if (spec.Lift.Contains(e.Id) || combos.Any(c => e.Condition.Evaluate(c) is var t && (t == Tri.True || t == Tri.Unknown && employerOnly)))
                yield return e.Id;
        }
    }

    /// <summary>
    /// Builds the overlay and loads it through every check of the law (<paramref name="load"/>: the law with a
    /// reform text). A new measure is loaded twice: the first time tells which exclusions the law attaches to it
    /// (those written « toutes_mesures_sauf » reach new measures too), so that those hitting the population are lifted.
    /// </summary>
    public static (string Yaml, Legislation Law) Load(Legislation law, ReformSpec spec, DateOnly today, Func<string, Legislation> load)
    {
        var yaml = Build(law, spec, today);
        var reformed = load(yaml);
        if (spec.Mode == ReformMode.Create && reformed.Measure(NewMeasureId) is { Exclusions.Count: > 0 } m)
        {
            yaml = Build(law, spec, today, m.Exclusions);
            reformed = load(yaml);
        }
        return (yaml, reformed);
    }

    private static int[] Codes(Legislation law)
    {
        var codes = new int[law.Vocabulary.Fields.Count];
        Array.Fill(codes, Facts.Absent);
        return codes;
    }

    private static void Read(Rule r, HashSet<FieldDef> into)
    {
        r.Condition?.CollectFields(into);
        foreach (var c in r.Children) Read(c, into);
    }

    private static string Describe(Legislation law, ReformSpec spec, List<(string Field, string Id, Func<ReformSpec, IReadOnlyList<string>> Values, string Label)> chosen) =>
        string.Join(" ; ", chosen.Select(c => $"{law.Vocabulary.Label(c.Field)} : {string.Join(", ", c.Values(spec).Select(v => law.Vocabulary.Label(c.Field, v)))}"));

    private static string Amount(ReformSpec spec) =>
        spec.Points ? $"{Format.Number(spec.Amount!.Value)} points d'indice majoré" : Format.Euros(spec.Amount!.Value);

    private static string Shorten(string s, int max) => s.Length <= max ? s : s[..(max - 1)].TrimEnd() + "…";

    private static string Quote(string s) => "\"" + s.Replace("\\", "\\\\").Replace("\"", "\\\"") + "\"";
}
