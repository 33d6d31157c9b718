namespace Segur.Engine.Law;

// Informations (informations/*.yaml): what a worker is told without any change of verdict.
public static partial class LegislationLoader
{
    private static Information? LoadInformation(Context ctx, InformationDto dto)
    {
        var id = ctx.Text(dto.Id, "information : id", dto.Line);
        if (id is null) return null;
        var where = $"information « {id} »";
        var title = ctx.Text(dto.Title, $"{where} : intitule", dto.Line);
        var note = ctx.Text(dto.Note, $"{where} : note", dto.Line);
        var citations = ctx.Citations(dto.References, where, dto.Line, required: true);
        var (from, to) = ctx.Months(dto.From, dto.To, where, dto.Line, fromRequired: false);
        if (dto.Condition is null)
        {
            ctx.Error(dto.Line, $"{where} : condition manquante ; attendu les profils concernés");
            return null;
        }
        var condition = LoadCondition(ctx, dto.Condition, where);
        if (title is null || note is null || condition is null) return null;
        return new Information
        {
            Id = id, Title = title, Note = note, Citations = citations, Condition = condition, From = from, To = to,
            OnlyWhenNothingDue = dto.OnlyWhenNothingDue ?? false, SourceFile = ctx.File,
        };
    }
}
