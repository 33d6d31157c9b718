namespace Segur.Engine.Law;

// Implied facts (implications/*.yaml): filled when absent, refused when contradicted.
public static partial class LegislationLoader
{
    private static Implication? LoadImplication(Context ctx, ImplicationDto dto)
    {
        var id = ctx.Text(dto.Id, "implication : id", dto.Line);
        if (id is null) return null;
        var where = $"implication « {id} »";
        var title = ctx.Text(dto.Title, $"{where} : intitule", dto.Line);
        var citations = ctx.Citations(dto.References, where, dto.Line, required: true);
        var confidence = ctx.Confidence(dto.Confidence, where, dto.Line);
        if (dto.If is null) ctx.Error(dto.Line, $"{where} : « si » manquant ; attendu la condition qui implique le fait (ex. si: {{champ: employeur.structure, parmi: [mas]}})");
        if (dto.Then is null) ctx.Error(dto.Line, $"{where} : « alors » manquant ; attendu le fait impliqué (ex. alors: {{champ: employeur.financement_assurance_maladie, egal: \"true\"}})");
        var condition = dto.If is null ? null : LoadCondition(ctx, dto.If, where);
        FieldDef? field = null;
        int? code = null;
        if (dto.Then is not null)
        {
            field = ctx.Field(dto.Then.Field, $"{where} : alors", dto.Then.Line);
            if (field is not null && dto.Then.Value is null) ctx.Error(dto.Then.Line, $"{where} : alors : « egal » manquant ; attendu la valeur impliquée");
            else if (field is not null) code = ctx.Code(field, dto.Then.Value!, $"{where} : alors", dto.Then.Line);
        }
        if (condition is not null && field is not null)
        {
            var read = new HashSet<FieldDef>();
            condition.CollectFields(read);
            if (read.Contains(field)) ctx.Error(dto.Line, $"{where} : la condition lit le champ qu'elle implique ({field.Name}) ; attendu une condition sur d'autres champs");
        }
        if (title is null || condition is null || field is null || code is null) return null;
        return new Implication
        {
            Id = id, Title = title, If = condition, Field = field, Code = code.Value, Citations = citations,
            Confidence = confidence, Note = dto.Note, SourceFile = ctx.File,
        };
    }
}
