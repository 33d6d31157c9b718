namespace Segur.Engine.Law;

// Dated parameters (parameters/*.yaml): contiguous values, each with its reference.
public static partial class LegislationLoader
{
    private static void LoadParameter(Context ctx, ParameterDto dto)
    {
        var id = ctx.Text(dto.Id, "paramètre : id", dto.Line);
        if (id is null) return;
        var where = $"paramètre « {id} »";
        if (ctx.Parameters.ContainsKey(id))
        {
            ctx.Error(dto.Line, $"{where} déjà défini dans {ctx.Parameters[id].SourceFile}");
            return;
        }
        var title = ctx.Text(dto.Title, $"{where} : intitule", dto.Line);
        var unit = ctx.Text(dto.Unit, $"{where} : unite", dto.Line);
        var values = new List<ParameterValue>();
        foreach (var v in dto.Values ?? [])
        {
            var (from, to) = ctx.Months(v.From, v.To, where, v.Line, fromRequired: true);
            if (v.Value is null) ctx.Error(v.Line, $"{where} : valeur manquante ; attendu « valeur: » suivi d'un nombre");
            if (v.Reference is null)
            {
                ctx.Error(v.Line, $"{where} : la valeur du {v.From} n'a pas de référence ; attendu « reference: {{texte: <id de references.yaml>, article: ...}} »");
                continue;
            }
            var citation = ctx.Cite(v.Reference, where);
            var confidence = ctx.Confidence(v.Confidence, where, v.Line);
            if (from is null || v.Value is null || citation is null) continue;
            if (to is not null && to < from) ctx.Error(v.Line, $"{where} : période du {from:yyyy-MM-dd} au {to:yyyy-MM-dd} impossible (fin avant début)");
            values.Add(new ParameterValue(from.Value, to, v.Value.Value, citation, confidence, v.Note));
        }
        if (values.Count == 0) ctx.Error(dto.Line, $"{where} : aucune valeur datée ; attendu « valeurs: » avec au moins une valeur");
        for (var i = 1; i < values.Count; i++)
        {
            var prev = values[i - 1];
            var cur = values[i];
            if (cur.From <= prev.From)
                ctx.Error(dto.Line, $"{where} : valeurs non classées par date (le {cur.From:yyyy-MM-dd} suit le {prev.From:yyyy-MM-dd}) ; attendu l'ordre chronologique");
            else if (prev.To is { } end && end.AddDays(1) < cur.From)
                ctx.Error(dto.Line, $"{where} : trou entre le {end:yyyy-MM-dd} et le {cur.From:yyyy-MM-dd} ; attendu des valeurs contiguës (ou une valeur pour la période manquante)");
            else if (prev.To is { } end2 && end2 >= cur.From)
                ctx.Error(dto.Line, $"{where} : chevauchement : la valeur du {prev.From:yyyy-MM-dd} court jusqu'au {end2:yyyy-MM-dd}, après le début de la suivante ({cur.From:yyyy-MM-dd})");
        }
        if (title is null || unit is null || values.Count == 0) return;
        ctx.Parameters[id] = new Parameter { Id = id, Title = title, Unit = unit, Description = dto.Description, Values = values, SourceFile = ctx.File };
    }

    private static Parameter? ParameterRef(Context ctx, string? id, string where, int line)
    {
        if (id is null)
        {
            ctx.Error(line, $"{where} : paramètre manquant ; attendu l'id d'un paramètre de parameters/");
            return null;
        }
        if (ctx.Parameters.TryGetValue(id, out var p)) return p;
        ctx.Error(line, $"{where} : paramètre « {id} » inconnu ; attendu un id défini dans parameters/");
        return null;
    }
}
