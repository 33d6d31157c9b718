namespace Segur.Engine.Law;

// Estimation rules (estimations/*.yaml): net estimates and employer rates.
public static partial class LegislationLoader
{
    private static EstimateScope Scope(Context ctx, List<string>? schemes, List<string>? families, ConditionDto? condition,
        IReadOnlyCollection<Measure> measures, string where, int line)
    {
        foreach (var s in schemes ?? [])
        {
            if (!ctx.Schemes.ContainsKey(s)) ctx.Error(line, $"{where} : proratisation « {s} » inconnue ; attendu un id de proratisations/ ({string.Join(", ", ctx.Schemes.Keys.Order())})");
        }
        var known = measures.Select(m => m.Family).Distinct().ToList();
        foreach (var f in families ?? [])
        {
            if (!known.Contains(f)) ctx.Error(line, $"{where} : famille « {f} » inconnue ; attendu une famille de mesures ({string.Join(", ", known)})");
        }
        return new EstimateScope(schemes ?? [], families ?? [], condition is null ? null : LoadCondition(ctx, condition, where));
    }

    private static NetEstimateRule? LoadNetEstimate(Context ctx, NetEstimateDto dto, IReadOnlyCollection<Measure> measures)
    {
        var id = ctx.Text(dto.Id, "estimation du net : id", dto.Line);
        if (id is null) return null;
        var where = $"estimation du net « {id} »";
        var label = ctx.Text(dto.Label, $"{where} : libelle", dto.Line);
        var scope = Scope(ctx, dto.Schemes, dto.Families, dto.Condition, measures, where, dto.Line);
        if ((dto.Ratio is null) == (dto.Deductions is null or { Count: 0 }))
        {
            ctx.Error(dto.Line, $"{where} : attendu exactement un de « rapport » (net = brut × rapport) ou « retenues » (net = brut − retenues)");
            return null;
        }
        Parameter? ratio = null;
        string? ratioLabel = null;
        if (dto.Ratio is { } r)
        {
            ratio = ParameterRef(ctx, r.Parameter, $"{where} : rapport", r.Line);
            ratioLabel = ctx.Text(r.Label, $"{where} : rapport : libelle", r.Line);
        }
        var deductions = new List<NetDeduction>();
        foreach (var d in dto.Deductions ?? [])
        {
            var dl = ctx.Text(d.Label, $"{where} : retenue : libelle", d.Line);
            var rate = ParameterRef(ctx, d.Rate, $"{where} : retenue : taux", d.Line);
            var baseShare = d.Base is null ? null : ParameterRef(ctx, d.Base, $"{where} : retenue : assiette", d.Line);
            if (dl is not null && rate is not null) deductions.Add(new NetDeduction(dl, rate, baseShare));
        }
        if (label is null || (dto.Ratio is not null && (ratio is null || ratioLabel is null))) return null;
        return new NetEstimateRule { Id = id, Label = label, Scope = scope, Ratio = ratio, RatioLabel = ratioLabel, Deductions = deductions };
    }

    private static EmployerRateRule? LoadEmployerRate(Context ctx, EmployerRateDto dto, IReadOnlyCollection<Measure> measures)
    {
        var id = ctx.Text(dto.Id, "cotisations employeur : id", dto.Line);
        if (id is null) return null;
        var where = $"cotisations employeur « {id} »";
        var scope = Scope(ctx, dto.Schemes, dto.Families, dto.Condition, measures, where, dto.Line);
        var rate = ParameterRef(ctx, dto.Rate, $"{where} : taux", dto.Line);
        return rate is null ? null : new EmployerRateRule { Id = id, Scope = scope, Rate = rate };
    }
}
