using Segur.Engine.Documents;

namespace Segur.Engine.Law;

/// <summary>A reform overlay file: its name (for messages) and its YAML text.</summary>
public sealed record ReformSource(string Name, string Text)
{
    public static ReformSource FromFile(string path) =>
        File.Exists(path) || Directory.Exists(path)
            ? new ReformSource(path, TextFile.Read(path, "fichier de réforme"))
            : throw new SegurException($"{path} : fichier de réforme introuvable ; attendu un fichier YAML (voir docs/reformes.md et legislation/reforms/)");

    /// <summary>
    /// The reform scenarios shipped with <paramref name="source"/> (<c>reforms/*.yaml</c>), each read by the
    /// shared <see cref="DocumentReader"/>: its id and title come from the document, not from a scan of its lines.
    /// </summary>
    public static IReadOnlyList<ShippedReform> Shipped(ILegislationSource source) =>
        source.Reforms().Select(f =>
        {
            var name = source.DisplayName(f.Path);
            var dto = DocumentReader.Shared.Read<ReformDto>(f.Text, name, DocumentKind.Reform);
            var stem = Path.GetFileNameWithoutExtension(f.Path);
            return new ShippedReform(dto.Id ?? stem, dto.Title ?? stem, f.Path, new ReformSource(name, f.Text));
        }).ToList();
}

/// <summary>A reform scenario shipped with the law: its id and title, its path in the legislation folder, its source.</summary>
public sealed record ShippedReform(string Id, string Title, string Path, ReformSource Source);

/// <summary>What a loaded law says of the reform applied to it.</summary>
public sealed record ReformInfo(string Id, string Title, string? Description, DateOnly DecidedOn, IReadOnlyList<string> NewMeasures, IReadOnlyList<string> ChangedMeasures, string File);

/// <summary>
/// Applies a reform scenario to the parsed law: new texts, parameters, lists and measures are added;
/// modifications change a measure's dates or amount, extend one of its criteria with alternatives, or
/// take measures out of an exclusion. Every target must exist; the amended law then goes through all
/// the usual checks (references, dates, vocabulary, conflicts), so a reform cannot make the law incoherent.
/// </summary>
internal static class ReformOverlay
{
    public static ReformInfo? Apply(ReformDto dto, string file, LegislationLoader.Documents docs, LegislationLoader.Context ctx)
    {
        ctx.File = file;
        var id = ctx.Text(dto.Id, "réforme : id", dto.Line);
        var title = ctx.Text(dto.Title, "réforme : intitule", dto.Line);
        var decided = ctx.Date(dto.DecidedOn, "réforme : decidee_le (date à partir de laquelle la réforme s'applique ; les mois antérieurs sont des rappels)", dto.Line);
        if (dto.Texts is not null) docs.Catalogues.Add((file, new CatalogueDto { Texts = dto.Texts, Line = dto.Line }));
        foreach (var l in dto.Lists ?? []) docs.Lists.Add((file, l));
        foreach (var p in dto.Parameters ?? []) docs.Parameters.Add((file, p));
        var added = new List<string>();
        foreach (var m in dto.Measures ?? [])
        {
            docs.Measures.Add((file, m));
            if (m.Id is not null) added.Add(m.Id);
        }
        var changed = new List<string>();
        foreach (var mod in dto.Modifications ?? [])
        {
            if ((mod.Measure is null) == (mod.Exclusion is null))
            {
                ctx.Error(mod.Line, "modification : attendu exactement un de « mesure » ou « exclusion »");
                continue;
            }
            if (mod.Measure is not null) Modify(mod, docs, ctx, changed);
            else Modify(mod, docs, ctx);
        }
        if (dto.Modifications is null or { Count: 0 } && dto.Measures is null or { Count: 0 })
            ctx.Error(dto.Line, "réforme sans effet : attendu « mesures » (nouvelles mesures) ou « modifications »");
        if (id is null || title is null || decided is null) return null;
        return new ReformInfo(id, title, dto.Description, decided.Value, added, changed, file);
    }

    private static void Modify(ModificationDto mod, LegislationLoader.Documents docs, LegislationLoader.Context ctx, List<string> changed)
    {
        var target = docs.Measures.FirstOrDefault(m => m.Dto.Id == mod.Measure).Dto;
        if (target is null)
        {
            ctx.Error(mod.Line, $"modification : mesure « {mod.Measure} » inconnue ; attendu un id parmi {string.Join(", ", docs.Measures.Select(m => m.Dto.Id))}");
            return;
        }
        changed.Add(mod.Measure!);
        if (mod.From is not null) target.From = mod.From;
        if (mod.To is not null) target.To = mod.To;
        if (mod.Amount is not null) target.Amount = mod.Amount;
        if (mod.Extend is { } ext)
        {
            var criteria = target.Criteria ?? [];
            var index = criteria.FindIndex(c => c.Id == ext.Criterion);
            if (index < 0)
            {
                ctx.Error(ext.Line, $"modification de {mod.Measure} : critère « {ext.Criterion} » inconnu ; attendu un de {string.Join(", ", criteria.Select(c => c.Id))}");
                return;
            }
            if (ext.Any is null or { Count: 0 })
            {
                ctx.Error(ext.Line, $"modification de {mod.Measure} : « etendre » sans alternative ; attendu « une_de: » avec au moins une règle");
                return;
            }
            var original = criteria[index];
            criteria[index] = new RuleDto
            {
                Id = original.Id,
                Label = $"{original.Label} — ou extension de la réforme",
                References = original.References,
                Any = [original, .. ext.Any],
                Line = ext.Line,
            };
            original.Id = null; // the original rule becomes the first, unnamed alternative
        }
        if (mod.From is null && mod.To is null && mod.Amount is null && mod.Extend is null)
            ctx.Error(mod.Line, $"modification de {mod.Measure} sans effet : attendu du, au, montant ou etendre");
    }

    private static void Modify(ModificationDto mod, LegislationLoader.Documents docs, LegislationLoader.Context ctx)
    {
        var target = docs.Exclusions.FirstOrDefault(e => e.Dto.Id == mod.Exclusion).Dto;
        if (target is null)
        {
            ctx.Error(mod.Line, $"modification : exclusion « {mod.Exclusion} » inconnue ; attendu un id parmi {string.Join(", ", docs.Exclusions.Select(e => e.Dto.Id))}");
            return;
        }
        if (mod.RemoveMeasures is null or { Count: 0 })
        {
            ctx.Error(mod.Line, $"modification de l'exclusion {mod.Exclusion} : attendu « retirer_mesures: [...] »");
            return;
        }
        if (target.Measures is not null) target.Measures = target.Measures.Except(mod.RemoveMeasures).ToList();
        else target.AllMeasuresExcept = [.. target.AllMeasuresExcept ?? [], .. mod.RemoveMeasures];
    }
}
