using System.Globalization;

namespace Segur.Engine.Law;

// Proration schemes (proratisations/*.yaml, one per file): how a full-time amount is reduced.
public static partial class LegislationLoader
{
    private static ProrationScheme? LoadProrationScheme(Context ctx, ProrationSchemeDto dto)
    {
        var id = ctx.Text(dto.Id, "proratisation : id", dto.Line);
        if (id is null) return null;
        var where = $"proratisation « {id} »";
        var title = ctx.Text(dto.Title, $"{where} : intitule", dto.Line);
        var label = ctx.Text(dto.QuotiteLabel, $"{where} : libelle_quotite", dto.Line);
        var citations = ctx.Citations(dto.References, where, dto.Line, required: false);
        var spans = new List<PartTimeSpan>();
        foreach (var p in dto.PartTime ?? [])
        {
            var (from, to) = ctx.Months(p.From, p.To, $"{where} : temps_partiel", p.Line, fromRequired: true);
            if (p.Reference is null)
            {
                ctx.Error(p.Line, $"{where} : temps_partiel : « reference » manquante ; attendu le texte qui fixe les fractions du traitement");
                continue;
            }
            var citation = ctx.Cite(p.Reference, $"{where} : temps_partiel");
            var confidence = ctx.Confidence(p.Confidence, $"{where} : temps_partiel", p.Line);
            var fractions = new List<PartTimeFraction>();
            foreach (var f in p.Fractions ?? [])
            {
                var fl = ctx.Text(f.Label, $"{where} : fraction : libelle", f.Line);
                if (f.Quotite is not { } q || q <= 0m || q > 1m)
                {
                    ctx.Error(f.Line, $"{where} : fraction : quotite manquante ou hors bornes ; attendu un nombre strictement positif et au plus 1 (ex. 0.8)");
                    continue;
                }
                var value = Fraction(ctx, f.Fraction, $"{where} : fraction", f.Line);
                if (value is null || fl is null) continue;
                fractions.Add(new PartTimeFraction(q, value.Value, f.Fraction!.Trim(), fl));
            }
            if (fractions.Count == 0) ctx.Error(p.Line, $"{where} : temps_partiel : aucune fraction ; attendu « fractions: [{{quotite: 0.8, fraction: 6/7, libelle: ...}}] »");
            if (from is null || citation is null) continue;
            if (spans.Count > 0 && (spans[^1].To is not { } end || end >= from.Value))
                ctx.Error(p.Line, $"{where} : temps_partiel : la période du {from:yyyy-MM-dd} chevauche la précédente ; attendu des périodes successives");
            spans.Add(new PartTimeSpan(from.Value, to, citation, confidence, p.Note, fractions));
        }
        var partial = Step(ctx, dto.PartialMonth, $"{where} : mois_incomplet", dto.Line);
        var shared = Step(ctx, dto.SharedPost, $"{where} : structures_multiples", dto.Line);
        var reduced = Step(ctx, dto.ReducedPay, $"{where} : traitement_reduit", dto.Line);
        if (title is null || label is null || partial is null || shared is null || reduced is null) return null;
        return new ProrationScheme
        {
            Id = id, Title = title, Citations = citations, QuotiteLabel = label, PartTime = spans,
            AssumedPartTimeNote = dto.AssumedPartTimeNote, PartialMonth = partial, SharedPost = shared, ReducedPay = reduced,
            SourceFile = ctx.File,
        };
    }

    private static ProrationStep? Step(Context ctx, ProrationStepDto? dto, string where, int line)
    {
        if (dto is null)
        {
            ctx.Error(line, $"{where} manquant ; attendu {{references: [...]}} (ou {{}} : les textes de la mesure s'appliquent)");
            return null;
        }
        var confidence = ctx.Confidence(dto.Confidence, where, dto.Line);
        if (confidence != Confidence.H && string.IsNullOrWhiteSpace(dto.Note))
            ctx.Error(dto.Line, $"{where} : confiance {confidence} sans note ; attendu une note qui dit ce qui est incertain");
        return new ProrationStep(ctx.Citations(dto.References, where, dto.Line, required: false), confidence, dto.Note);
    }

    /// <summary>A fraction written « 6/7 » or as a decimal (« 0.5 »), strictly between 0 and 1 inclusive.</summary>
    private static decimal? Fraction(Context ctx, string? text, string where, int line)
    {
        var t = text?.Trim();
        decimal? value = null;
        if (t is not null)
        {
            var slash = t.IndexOf('/');
            if (slash > 0
                && decimal.TryParse(t[..slash], NumberStyles.None, CultureInfo.InvariantCulture, out var n)
                && decimal.TryParse(t[(slash + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var d) && d > 0m)
                value = n / d;
            else if (slash < 0 && decimal.TryParse(t, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var v))
                value = v;
        }
        if (value is { } x && x > 0m && x <= 1m) return x;
        ctx.Error(line, $"{where} : fraction « {t} » invalide ; attendu une fraction comme 6/7 ou un nombre entre 0 et 1");
        return null;
    }
}
