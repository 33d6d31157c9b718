namespace Segur.Engine.Law;

public static partial class LegislationLoader
{
    /// <summary>Attaches the French labels to the vocabulary: every field named, every enum value labelled.</summary>
    private static void LoadLabels(Context ctx, LabelsFileDto dto)
    {
        var fields = dto.Fields ?? [];
        foreach (var (name, labels) in fields)
        {
            if (!ctx.Vocabulary.TryGet(name, out var f))
            {
                ctx.Error(labels.Line, $"libellés : champ « {name} » inconnu du schéma de profil");
                continue;
            }
            f.Label = ctx.Text(labels.Label, $"libellés : {name} : libelle", labels.Line) ?? name;
            f.Question = labels.Question;
            f.Hint = labels.Hint;
            if (f.Kind != FieldKind.Enum)
            {
                if (labels.Values is not null) ctx.Error(labels.Line, $"libellés : {name} : « valeurs » n'a de sens que pour un champ à valeurs listées");
                continue;
            }
            var values = new string[f.Values.Count];
            foreach (var (code, label) in labels.Values ?? [])
            {
                if (!f.TryCode(code, out var c)) ctx.Error(labels.Line, $"libellés : {name} : valeur « {code} » inconnue du schéma ; attendu une de {string.Join(", ", f.Values)}");
                else values[c] = label;
            }
            var missing = f.Values.Where((v, i) => string.IsNullOrWhiteSpace(values[i])).ToList();
            if (missing.Count > 0) ctx.Error(labels.Line, $"libellés : {name} : valeur(s) sans libellé : {string.Join(", ", missing)} ; attendu un libellé pour chaque valeur du schéma");
            f.ValueLabels = values;
        }
        foreach (var f in ctx.Vocabulary.Fields.Where(f => !fields.ContainsKey(f.Name)))
            ctx.Error(dto.Line, $"libellés : champ {f.Name} sans libellé ; attendu « {f.Name}: {{libelle: ...}} »");
    }
}
