using System.Globalization;
using Segur.Engine;
using Segur.Engine.Law;
using Segur.Engine.Time;

namespace Segur.Careers;

/// <summary>What to compare: grid names (the first one is the reference), first month, number of years.</summary>
public sealed record CareerRequest(IReadOnlyList<string> Grids, YearMonth Start, int Years)
{
    /// <summary>Longest comparison accepted, in years.</summary>
    public const int MaxYears = 50;

    /// <summary>Default career length: 42 years, a full career from about 22 to 64.</summary>
    public const int DefaultYears = 42;

    /// <summary>
    /// Checks raw command-line values: grid names, <c>--debut AAAA-MM</c>, <c>--annees N</c>. Bad values are
    /// refused in French, naming the option and what was expected.
    /// </summary>
    public static CareerRequest Parse(IReadOnlyList<string>? grids, string? start, string? years, YearMonth defaultStart)
    {
        if (grids is null || grids.Count == 0)
            throw new SegurException("--grille manquante ; attendu au moins une grille famille:grille (ex. --grille ucanss:niveau-5 --grille fpt:assistant-socio-educatif)");
        var month = defaultStart;
        if (start is not null)
        {
            var t = start.Trim();
            if (!YearMonth.TryParse(t, out month))
            {
                var hint = t.Length == 7 && t[4] == '-' && int.TryParse(t.AsSpan(5), NumberStyles.None, CultureInfo.InvariantCulture, out var mm) && (mm < 1 || mm > 12)
                    ? $" : le mois {t[5..]} n'existe pas (01 à 12)"
                    : "";
                throw new SegurException($"--debut « {start} » invalide{hint} ; attendu un mois AAAA-MM entre {YearMonth.MinValue} et {YearMonth.MaxValue} (ex. 2026-01)");
            }
        }
        var n = DefaultYears;
        if (years is not null && (!int.TryParse(years.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out n) || n < 1 || n > MaxYears))
            throw new SegurException($"--annees « {years} » invalide ; attendu un nombre entier d'années entre 1 et {MaxYears} (ex. 42)");
        return new CareerRequest(grids, month, n);
    }
}

/// <summary>The gap in one career year between the reference grid and another grid (other − reference).</summary>
public sealed record GapYear(
    int Year,
    YearMonth Month,
    decimal Reference,
    decimal Other,
    decimal Euros,
    decimal? PercentOfOther,
    decimal? PercentOfReference,
    decimal EurosWithoutSegur,
    decimal EurosAnnualEquivalent);

/// <summary>The gaps of one grid against the reference grid, year by year.</summary>
public sealed record GridGaps(Career Reference, Career Other, IReadOnlyList<GapYear> Years);

/// <summary>A general assumption of the comparison, with the text behind it when there is one.</summary>
public sealed record ComparisonAssumption(string Text, Citation? Citation, Confidence Confidence);

/// <summary>The whole comparison: careers, gaps against the first grid, verdicts on the claims.</summary>
public sealed record CareerComparisonResult(
    CareerRequest Request,
    Legislation Law,
    IReadOnlyList<Career> Careers,
    IReadOnlyList<GridGaps> Gaps,
    IReadOnlyList<ClaimVerdict> Verdicts,
    IReadOnlyList<ComparisonAssumption> Assumptions,
    IReadOnlyList<string> Notes)
{
    public YearMonth End => Request.Start.AddMonths(12 * (Request.Years - 1));

    /// <summary>Fingerprint of the grid files used (<see cref="GridCatalog.Fingerprint"/>).</summary>
    public string GridsFingerprint { get; init; } = "";

    /// <summary>Every fact graded M or L the figures rest on, once each, weakest first.</summary>
    public IReadOnlyList<UsedFact> WeakFacts => Careers.SelectMany(c => c.Years).SelectMany(y => y.Facts)
        .Where(f => f.Confidence != Confidence.H)
        .GroupBy(f => f.Label).Select(g => g.First())
        .OrderByDescending(f => f.Confidence).ThenBy(f => f.Label, StringComparer.Ordinal)
        .ToList();

    /// <summary>Every text cited by the grids used, their values and assumptions, once each.</summary>
    public IReadOnlyList<LegalText> Texts
    {
        get
        {
            var texts = new List<LegalText>();
            void Add(LegalText? t)
            {
                if (t is not null && !texts.Contains(t)) texts.Add(t);
            }
            foreach (var c in Careers)
            {
                foreach (var cit in c.Grid.Family.Citations) Add(cit.Text);
                Add(c.Grid.PaymentsSource.Citation.Text);
                foreach (var a in c.Grid.Assumptions) Add(a.Source.Citation.Text);
                foreach (var f in c.Years.SelectMany(y => y.Facts)) Add(f.Citation?.Text);
                Add(c.Grid.EntryVariant?.Source.Citation.Text);
            }
            foreach (var a in Assumptions) Add(a.Citation?.Text);
            foreach (var v in Verdicts) Add(v.Claim.Source.Text);
            return texts;
        }
    }

    /// <summary>« A », « B »… : the letter of a grid in the tables.</summary>
    public string Letter(Grid g)
    {
        var i = Careers.ToList().FindIndex(c => c.Grid == g);
        return ((char)('A' + i)).ToString();
    }
}

/// <summary>
/// Runs a career comparison: checks the request (grid names, dates), builds each career, computes the gap
/// of every grid against the first one (the reference, normally the social security body's), and judges
/// the claims of the written questions (<see cref="Claims"/>).
/// </summary>
public static class CareerComparison
{
    public static CareerComparisonResult Run(Legislation law, GridCatalog catalog, CareerRequest request)
    {
        var grids = new List<Grid>();
        foreach (var name in request.Grids)
        {
            var g = catalog.Get(name);
            if (grids.Contains(g)) throw new SegurException($"--grille {g.Name} donnée deux fois ; attendu des grilles différentes");
            grids.Add(g);
        }
        if (request.Years is < 1 or > CareerRequest.MaxYears)
            throw new SegurException($"--annees {request.Years} invalide ; attendu un nombre entier d'années entre 1 et {CareerRequest.MaxYears}");
        if (YearMonth.MaxValue.Ordinal - request.Start.Ordinal < 12 * (request.Years - 1))
            throw new SegurException($"--debut {request.Start} et --annees {request.Years} : la carrière dépasserait {Format.Month(YearMonth.MaxValue)}, dernier mois accepté ; attendu un début plus tôt ou moins d'années");
        foreach (var g in grids)
        {
            if (request.Start < g.ValidFrom)
                throw new SegurException($"--debut {request.Start} : la grille {g.Name} n'est définie qu'à partir de {Format.Month(g.ValidFrom)} ({g.Family.File}) ; attendu un début de carrière en {g.ValidFrom} ou après");
        }

        var builder = new CareerBuilder(law);
        var careers = grids.Select(g => builder.Build(g, request.Start, request.Years)).ToList();
        var gaps = careers.Skip(1).Select(c => Gaps(careers[0], c)).ToList();
        var verdicts = gaps.SelectMany(g => Claims.Judge(g, catalog.Claims)).ToList();
        var notes = new List<string>();
        if (careers.Count == 1) notes.Add("Une seule grille : pas d'écart ni de verdict ; ajoutez une seconde --grille pour comparer.");
        else if (!careers[0].Grid.IsSocialSecurity)
            notes.Add($"La grille de référence [A] {careers[0].Grid.Name} n'est pas celle d'un organisme de sécurité sociale : les affirmations des questions écrites sont évaluées en prenant [A] comme référence.");
        if (law.Reform is { } reform)
            notes.Add($"Réforme simulée : {reform.Title} ({reform.File}) — hypothèse, pas du droit en vigueur.");
        return new CareerComparisonResult(request, law, careers, gaps, verdicts, Assumptions(law, careers, catalog.Claims), notes) { GridsFingerprint = catalog.Fingerprint };
    }

    private static GridGaps Gaps(Career reference, Career other)
    {
        var years = new List<GapYear>();
        for (var i = 0; i < reference.Years.Count; i++)
        {
            var r = reference.Years[i];
            var o = other.Years[i];
            var euros = o.Total - r.Total;
            years.Add(new GapYear(i, r.Month, r.Total, o.Total, euros, Percent(euros, o.Total), Percent(euros, r.Total),
                o.Base - r.Base, o.AnnualMonthlyEquivalent - r.AnnualMonthlyEquivalent));
        }
        return new GridGaps(reference, other, years);
    }

    /// <summary><paramref name="part"/> as a percentage of <paramref name="whole"/>, two decimals; null for a zero whole.</summary>
    public static decimal? Percent(decimal part, decimal whole) =>
        whole == 0m ? null : Math.Round(part * 100m / whole, 2, MidpointRounding.AwayFromZero) + 0.00m;

    private static List<ComparisonAssumption> Assumptions(Legislation law, List<Career> careers, IReadOnlyList<Claim> claims)
    {
        // The written question that the comparison answers: the one its claims cite.
        var qe = claims.Count == 0 ? null : claims[0].Source;
        var list = new List<ComparisonAssumption>
        {
            new("Montants bruts mensuels, relevés au premier mois de chaque année de carrière (ancienneté entière). Pas d'estimation du net : "
                + "les taux de cotisations des salariés des organismes de sécurité sociale ne sont pas sourcés, et les questions écrites ne disent pas si elles comparent du brut ou du net.", qe, Confidence.M),
            new("Vue principale : salaire du mois (12 mois). Les versements supplémentaires (14 par an à l'UCANSS) sont montrés en variante : "
                + "équivalent mensuel = salaire × versements par an ÷ 12, plus le Ségur versé 12 fois.", null, Confidence.H),
            new("Ségur : montant mensuel que le moteur de règles donne pour le profil de chaque grille, avec le droit connu à ce jour"
                + (law.Reform is null ? "" : " et la réforme simulée") + " ; aucun autre élément de paie n'est ajouté.", null, Confidence.H),
            new("Projection à valeurs constantes : après la dernière valeur connue, la valeur du point, les indices et les coefficients sont supposés inchangés (ni inflation ni revalorisation future).", null, Confidence.M),
            new("Régimes indemnitaires hors grille exclus (IFSE et CIA des départements, primes de la FPH, prime de fonction UCANSS, indemnité de sujétion de la CCN 66) : aucun montant sourcé pour ces postes.", null, Confidence.M),
            new("Écart = salaire de l'homologue − salaire de la grille de référence [A] ; le pourcentage principal est rapporté au salaire de l'homologue (« [A] gagne X % de moins ») ; "
                + "le pourcentage rapporté au salaire de [A] est donné en variante.", qe, Confidence.H),
            new("Carrières continues à temps plein, sans promotion de grade ni point discrétionnaire (points de compétence UCANSS, réductions d'ancienneté) : carrières plancher.", null, Confidence.M),
        };
        foreach (var pay in careers.Select(c => c.Grid.Family.Pay).Where(p => p.Kind == PayKind.IndiceMajore).DistinctBy(p => (p.ParameterId, p.DivisorId)))
        {
            // The value of the point and its divisor: the parameters of the law the grid names, cited by their last values.
            var point = law.Parameter(pay.ParameterId!);
            var divisor = law.Parameter(pay.DivisorId!).Values[^1];
            list.Add(new ComparisonAssumption(
                $"Point de la fonction publique : paramètre {point.Id} du droit (valeur annuelle de l'indice 100 ÷ {Format.Number(divisor.Value)} par point et par mois), le même que pour le CTI.",
                point.Values[^1].Citation, Confidence.H));
        }
        return list;
    }
}
