namespace Segur.Engine.Law;

// Open questions (incertitudes/*.yaml): flagged on the months they concern, never a verdict.
public static partial class LegislationLoader
{
    private static Uncertainty? LoadUncertainty(Context ctx, UncertaintyDto dto, List<Measure> measures)
    {
        var id = ctx.Text(dto.Id, "incertitude : id", dto.Line);
        if (id is null) return null;
        var where = $"incertitude « {id} »";
        var title = ctx.Text(dto.Title, $"{where} : intitule", dto.Line);
        var note = ctx.Text(dto.Note, $"{where} : note", dto.Line);
        var citations = ctx.Citations(dto.References, where, dto.Line, required: true);
        var confidence = dto.Confidence is null ? Confidence.L : ctx.Confidence(dto.Confidence, where, dto.Line);
        ctx.KnownMeasures(dto.Measures ?? [], measures, where, dto.Line);
        var (from, to) = ctx.Months(dto.From, dto.To, where, dto.Line, fromRequired: false);
        if (dto.Condition is null)
        {
            ctx.Error(dto.Line, $"{where} : condition manquante");
            return null;
        }
        var condition = LoadCondition(ctx, dto.Condition, where);
        if (title is null || note is null || condition is null) return null;
        return new Uncertainty
        {
            Id = id, Title = title, Note = note, Citations = citations, Condition = condition, Confidence = confidence,
            From = from, To = to, MeasureIds = dto.Measures ?? [], SourceFile = ctx.File,
        };
    }
}
