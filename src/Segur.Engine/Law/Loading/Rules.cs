namespace Segur.Engine.Law;

// Criteria (explained rules) and conditions (pure logic on the profile), shared by every kind that tests a profile.
public static partial class LegislationLoader
{
    private static Rule? LoadRule(Context ctx, RuleDto dto, string where, bool topLevel, IReadOnlyList<Citation> inherited)
    {
        var id = dto.Id;
        if (topLevel && id is null)
        {
            ctx.Error(dto.Line, $"{where} : critère sans id ; attendu « id: » (ex. lieu, metier, statut)");
            return null;
        }
        var label = ctx.Text(dto.Label, $"{where} : critère {id ?? "(imbriqué)"} : libelle", dto.Line);
        var here = $"{where}, critère {id ?? label ?? "?"}";
        var citations = ctx.Citations(dto.References, here, dto.Line, required: topLevel);
        if (citations.Count == 0) citations = [.. inherited];
        var instituted = dto.InstitutedBy is null ? null : ctx.TextRef(dto.InstitutedBy, $"{here} : institue_par", dto.Line);
        var (from, to) = ctx.Months(dto.From, dto.To, here, dto.Line, fromRequired: false);
        var confidence = ctx.Confidence(dto.Confidence, here, dto.Line);
        var shapes = (dto.Condition is not null ? 1 : 0) + (dto.All is not null ? 1 : 0) + (dto.Any is not null ? 1 : 0);
        if (shapes != 1)
        {
            ctx.Error(dto.Line, $"{here} : attendu exactement un de « condition », « toutes » ou « une_de »");
            return null;
        }
        Condition? condition = null;
        var children = new List<Rule>();
        RuleKind kind;
        if (dto.Condition is not null)
        {
            kind = RuleKind.Leaf;
            condition = LoadCondition(ctx, dto.Condition, here);
            if (condition is null) return null;
        }
        else
        {
            kind = dto.All is not null ? RuleKind.All : RuleKind.Any;
            var list = dto.All ?? dto.Any!;
            if (list.Count == 0) ctx.Error(dto.Line, $"{here} : liste vide");
            for (var i = 0; i < list.Count; i++)
            {
                var child = LoadRule(ctx, list[i], here, topLevel: false, inherited: citations);
                if (child is not null) children.Add(child);
            }
        }
        if (label is null) return null;
        return new Rule
        {
            Id = id ?? "", Label = label, Kind = kind, Condition = condition, Children = children, Citations = citations,
            InstitutedBy = instituted, From = from, To = to, Confidence = confidence, Note = dto.Note,
        };
    }

    internal static Condition? LoadCondition(Context ctx, ConditionDto dto, string where)
    {
        var shapes = (dto.Field is not null ? 1 : 0) + (dto.All is not null ? 1 : 0) + (dto.Any is not null ? 1 : 0) + (dto.Not is not null ? 1 : 0);
        if (shapes != 1)
        {
            ctx.Error(dto.Line, $"{where} : condition : attendu exactement un de « champ », « toutes », « une_de » ou « non »");
            return null;
        }
        if (dto.All is not null || dto.Any is not null)
        {
            var parts = (dto.All ?? dto.Any!).Select(c => LoadCondition(ctx, c, where)).ToList();
            if (parts.Count == 0) ctx.Error(dto.Line, $"{where} : condition : liste vide");
            if (parts.Any(p => p is null)) return null;
            return dto.All is not null ? new AllOf(parts!) : new AnyOf(parts!);
        }
        if (dto.Not is not null)
        {
            var inner = LoadCondition(ctx, dto.Not, where);
            return inner is null ? null : new NotOf(inner);
        }
        var field = ctx.Field(dto.Field, where, dto.Line);
        if (field is null) return null;
        var allowed = new HashSet<int>();
        var positive = dto.In is not null || dto.Lists is not null || dto.Equals_ is not null;
        foreach (var v in dto.In ?? [])
        {
            if (ctx.Code(field, v, where, dto.Line) is { } c) allowed.Add(c);
        }
        if (dto.Equals_ is not null && ctx.Code(field, dto.Equals_, where, dto.Line) is { } ce) allowed.Add(ce);
        foreach (var l in dto.Lists ?? [])
        {
            if (!ctx.Lists.TryGetValue(l, out var list))
            {
                ctx.Error(dto.Line, $"{where} : liste « {l} » inconnue ; attendu un id défini dans lists/ ({string.Join(", ", ctx.Lists.Keys.Order())})");
                continue;
            }
            if (list.Field != field)
            {
                ctx.Error(dto.Line, $"{where} : la liste « {l} » porte sur {list.Field.Name}, pas sur {field.Name}");
                continue;
            }
            allowed.UnionWith(list.Codes);
        }
        var except = (dto.Except ?? []).Select(v => ctx.Code(field, v, where, dto.Line)).Where(c => c is not null).Select(c => c!.Value).ToList();
        if (!positive && except.Count == 0)
        {
            ctx.Error(dto.Line, $"{where} : condition sur {field.Name} sans valeur ; attendu « parmi », « listes », « egal » ou « sauf »");
            return null;
        }
        if (!positive)
        {
            if (field.Kind == FieldKind.Integer) return new NotOf(new FieldIn(field, except));
            allowed.UnionWith(Enumerable.Range(0, field.Values.Count));
        }
        allowed.ExceptWith(except);
        return new FieldIn(field, allowed);
    }
}
