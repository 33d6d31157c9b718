namespace Segur.Engine.Law;

public static partial class LegislationLoader
{
    /// <summary>The checked parts of the law that are not kept in the loading context.</summary>
    private sealed record CheckedLaw(
        List<Measure> Measures, List<Exclusion> Exclusions, List<Uncertainty> Uncertainties, List<Implication> Implications,
        List<Information> Informations, List<NetEstimateRule> NetEstimates, List<EmployerRateRule> EmployerRates);

    /// <summary>
    /// Checks every document in the order one depends on another: texts, lists, parameters, proration
    /// schemes, implications, measures (then their priorities), exclusions, open questions, estimations,
    /// informations. Errors go to the context; an invalid element is left out, and what cites it says so.
    /// </summary>
    private static CheckedLaw Check(Documents docs, Context ctx, IReadOnlyList<Measure>? known = null)
    {
        foreach (var (file, dto) in docs.Catalogues) At(ctx, file, () => LoadTexts(ctx, dto));
        foreach (var (file, dto) in docs.Lists) At(ctx, file, () => LoadList(ctx, dto));
        foreach (var (file, dto) in docs.Parameters) At(ctx, file, () => LoadParameter(ctx, dto));
        foreach (var (file, dto) in docs.Schemes)
        {
            ctx.File = file;
            var scheme = LoadProrationScheme(ctx, dto);
            if (scheme is null) continue;
            if (ctx.Schemes.TryGetValue(scheme.Id, out var other)) ctx.Error(dto.Line, $"proratisation « {scheme.Id} » déjà définie dans {other.SourceFile}");
            else ctx.Schemes[scheme.Id] = scheme;
        }
        var implications = Unique(ctx, docs.Implications, d => d.Line, d => LoadImplication(ctx, d), i => i.Id, (i, _) => $"implication « {i.Id} » déjà définie");
        var measures = Unique(ctx, docs.Measures, d => d.Line, d => LoadMeasure(ctx, d), m => m.Id, (m, first) => $"mesure « {m.Id} » déjà définie dans {first.SourceFile}");
        CheckPriorities(ctx, measures);
        foreach (var m in known ?? []) if (measures.All(x => x.Id != m.Id)) measures.Add(m);
        var exclusions = Unique(ctx, docs.Exclusions, d => d.Line, d => LoadExclusion(ctx, d, measures), e => e.Id, (e, _) => $"exclusion « {e.Id} » déjà définie");
        foreach (var m in measures.Where(m => known?.Contains(m) != true)) m.Exclusions = exclusions.Where(e => e.MeasureIds.Contains(m.Id)).ToList();
        var uncertainties = Unique(ctx, docs.Uncertainties, d => d.Line, d => LoadUncertainty(ctx, d, measures), u => u.Id, (u, _) => $"incertitude « {u.Id} » déjà définie");
        var netEstimates = new List<NetEstimateRule>();
        var employerRates = new List<EmployerRateRule>();
        foreach (var (file, dto) in docs.Estimations)
        {
            ctx.File = file;
            foreach (var n in dto.NetEstimates ?? [])
            {
                if (LoadNetEstimate(ctx, n, measures) is { } rule) netEstimates.Add(rule);
            }
            foreach (var e in dto.EmployerRates ?? [])
            {
                if (LoadEmployerRate(ctx, e, measures) is { } rule) employerRates.Add(rule);
            }
        }
        var informations = Unique(ctx, docs.Informations, d => d.Line, d => LoadInformation(ctx, d), i => i.Id, (i, _) => $"information « {i.Id} » déjà définie");
        return new CheckedLaw(measures, exclusions, uncertainties, implications, informations, netEstimates, employerRates);
    }

    private static void At(Context ctx, string file, Action check)
    {
        ctx.File = file;
        check();
    }

    /// <summary>Loads each document; an id defined twice is an error on the second, which is left out.</summary>
    private static List<T> Unique<TDto, T>(Context ctx, List<(string File, TDto Dto)> docs, Func<TDto, int> line, Func<TDto, T?> load,
        Func<T, string> id, Func<T, T, string> twice) where T : class
    {
        var result = new List<T>();
        foreach (var (file, dto) in docs)
        {
            ctx.File = file;
            var item = load(dto);
            if (item is null) continue;
            var first = result.FirstOrDefault(x => id(x) == id(item));
            if (first is not null) ctx.Error(line(dto), twice(item, first));
            else result.Add(item);
        }
        return result;
    }

    private static void CheckPriorities(Context ctx, List<Measure> measures)
    {
        foreach (var m in measures)
        {
            ctx.File = m.SourceFile;
            foreach (var c in m.CedesTo)
            {
                var other = measures.FirstOrDefault(x => x.Id == c);
                if (other is null) ctx.Error(1, $"mesure {m.Id} : cede_a « {c} » ne désigne aucune mesure ; attendu un identifiant parmi {string.Join(", ", measures.Select(x => x.Id))}");
                else if (other.Family != m.Family) ctx.Error(1, $"mesure {m.Id} : cede_a « {c} » désigne une mesure d'une autre famille ({other.Family}) ; une priorité n'a de sens qu'entre mesures de la même famille");
            }
        }
    }
}
