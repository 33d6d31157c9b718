namespace Segur.Engine.Law;

// Exclusions (exclusions/*.yaml): groups of people taken out of measures.
public static partial class LegislationLoader
{
    private static Exclusion? LoadExclusion(Context ctx, ExclusionDto dto, List<Measure> measures)
    {
        var id = ctx.Text(dto.Id, "exclusion : id", dto.Line);
        if (id is null) return null;
        var where = $"exclusion « {id} »";
        var title = ctx.Text(dto.Title, $"{where} : intitule", dto.Line);
        var citations = ctx.Citations(dto.References, where, dto.Line, required: true);
        var confidence = ctx.Confidence(dto.Confidence, where, dto.Line);
        if ((dto.Measures is null) == (dto.AllMeasuresExcept is null))
            ctx.Error(dto.Line, $"{where} : attendu exactement un de « mesures » ou « toutes_mesures_sauf »");
        ctx.KnownMeasures((dto.Measures ?? []).Concat(dto.AllMeasuresExcept ?? []), measures, where, dto.Line);
        var ids = dto.Measures ?? measures.Select(m => m.Id).Where(m => !(dto.AllMeasuresExcept ?? []).Contains(m)).ToList();
        if (dto.Condition is null)
        {
            ctx.Error(dto.Line, $"{where} : condition manquante");
            return null;
        }
        var condition = LoadCondition(ctx, dto.Condition, where);
        if (title is null || condition is null) return null;
        return new Exclusion
        {
            Id = id, Title = title, Description = dto.Description, Citations = citations, Condition = condition,
            MeasureIds = ids, Confidence = confidence, Note = dto.Note, SourceFile = ctx.File,
        };
    }
}
