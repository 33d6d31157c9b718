namespace Segur.Engine.Law;

// Named lists (lists/*.yaml): values of one profile field, cited by conditions.
public static partial class LegislationLoader
{
    private static void LoadList(Context ctx, ListDto dto)
    {
        var id = ctx.Text(dto.Id, "liste : id", dto.Line);
        if (id is null) return;
        var where = $"liste « {id} »";
        if (ctx.Lists.ContainsKey(id))
        {
            ctx.Error(dto.Line, $"{where} déjà définie");
            return;
        }
        var title = ctx.Text(dto.Title, $"{where} : intitule", dto.Line) ?? id;
        var field = ctx.Field(dto.Field, where, dto.Line);
        var citations = ctx.Citations(dto.References, where, dto.Line, required: true);
        if (field is null) return;
        var codes = (dto.Values ?? []).Select(v => ctx.Code(field, v, where, dto.Line)).Where(c => c is not null).Select(c => c!.Value).Distinct().ToList();
        if (codes.Count == 0) ctx.Error(dto.Line, $"{where} : aucune valeur ; attendu « valeurs: [...] »");
        ctx.Lists[id] = new ValueList(id, title, field, codes, citations, ctx.File);
    }
}
