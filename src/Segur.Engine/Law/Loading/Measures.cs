using System.Text.RegularExpressions;

namespace Segur.Engine.Law;

// Measures (measures/*.yaml, one per file): dates, amount, payment forms and criteria.
public static partial class LegislationLoader
{
    private static readonly HashSet<string> ReservedCriteria = ["en_vigueur", "en_fonction"];

    private static Measure? LoadMeasure(Context ctx, MeasureDto dto)
    {
        var id = ctx.Text(dto.Id, "mesure : id", dto.Line);
        if (id is null) return null;
        var where = $"mesure {id}";
        if (!MeasureId().IsMatch(id)) ctx.Error(dto.Line, $"{where} : identifiant invalide ; attendu majuscules, chiffres et tirets (ex. M1, M5-FEHAP)");
        var title = ctx.Text(dto.Title, $"{where} : intitule", dto.Line);
        var family = ctx.Text(dto.Family, $"{where} : famille", dto.Line);
        var instituted = ctx.TextRef(dto.InstitutedBy, $"{where} : institue_par", dto.Line);
        var citations = ctx.Citations(dto.References, where, dto.Line, required: true);
        var (from, to) = ctx.Months(dto.From, dto.To, where, dto.Line, fromRequired: true);
        ctx.Schemes.TryGetValue(dto.Proration ?? "", out var proration);
        if (proration is null) ctx.Error(dto.Line, $"{where} : proratisation « {dto.Proration} » inconnue ; attendu un id de proratisations/ ({string.Join(", ", ctx.Schemes.Keys.Order())})");
        var amount = LoadAmount(ctx, dto.Amount, where, dto.Line, from, to);
        var forms = new List<PaymentForm>();
        foreach (var f in dto.Forms ?? [])
        {
            var (ff, ft) = ctx.Months(f.From, f.To, $"{where} : formes", f.Line, fromRequired: true);
            var label = ctx.Text(f.Label, $"{where} : formes : libelle", f.Line);
            var fc = ctx.Citations(f.References, $"{where} : formes", f.Line, required: true);
            if (ff is not null && label is not null) forms.Add(new PaymentForm(ff.Value, ft, label, fc));
        }
        var criteria = new List<Rule>();
        foreach (var r in dto.Criteria ?? [])
        {
            var rule = LoadRule(ctx, r, where, topLevel: true, inherited: []);
            if (rule is null) continue;
            if (ReservedCriteria.Contains(rule.Id) || rule.Id.StartsWith("exclusion.", StringComparison.Ordinal))
                ctx.Error(r.Line, $"{where} : l'identifiant de critère « {rule.Id} » est réservé au moteur");
            else if (criteria.Any(c => c.Id == rule.Id))
                ctx.Error(r.Line, $"{where} : critère « {rule.Id} » défini deux fois");
            else criteria.Add(rule);
        }
        if (criteria.Count == 0) ctx.Error(dto.Line, $"{where} : aucun critère ; attendu « criteres: » avec au moins un critère");
        var confidence = ctx.Confidence(dto.Confidence, where, dto.Line);
        if (title is null || family is null || instituted is null || from is null || proration is null || amount is null) return null;
        return new Measure
        {
            Id = id, Title = title, Family = family, Description = dto.Description, InstitutedBy = instituted,
            Citations = citations, From = from.Value, To = to, Proration = proration, Amount = amount,
            Forms = forms, CedesTo = dto.CedesTo ?? [], Criteria = criteria, Confidence = confidence, Note = dto.Note,
            SourceFile = ctx.File,
        };
    }

    private static AmountRule? LoadAmount(Context ctx, AmountDto? dto, string where, int line, DateOnly? from, DateOnly? to)
    {
        if (dto is null)
        {
            ctx.Error(line, $"{where} : montant manquant ; attendu « montant: {{points: <paramètre>, valeur_du_point: <paramètre>}} », « montant: {{euros: <paramètre>}} » ou « montant: {{inconnu: <explication>}} »");
            return null;
        }
        var kinds = (dto.Points is not null ? 1 : 0) + (dto.Euros is not null ? 1 : 0) + (dto.Unknown is not null ? 1 : 0);
        if (kinds != 1)
        {
            ctx.Error(dto.Line, $"{where} : montant : attendu exactement un de points, euros ou inconnu");
            return null;
        }
        if (dto.Unknown is not null) return new AmountRule(null, null, null, null, dto.Unknown);
        Parameter? Param(string? pid, string key)
        {
            if (pid is null)
            {
                ctx.Error(dto.Line, $"{where} : montant : {key} manquant");
                return null;
            }
            if (!ctx.Parameters.TryGetValue(pid, out var p))
            {
                ctx.Error(dto.Line, $"{where} : montant : paramètre « {pid} » inconnu ; attendu un id défini dans parameters/");
                return null;
            }
            if (from is not null)
            {
                // The amount must be defined for every month the measure can pay.
                var first = p.Values[0].From;
                var last = p.Values[^1].To;
                if (first > from.Value) ctx.Error(dto.Line, $"{where} : le paramètre « {pid} » n'a pas de valeur avant le {first:yyyy-MM-dd}, alors que la mesure commence le {from:yyyy-MM-dd}");
                if (last is not null && (to is null || last < to)) ctx.Error(dto.Line, $"{where} : le paramètre « {pid} » s'arrête le {last:yyyy-MM-dd}, avant la fin de la mesure");
            }
            return p;
        }
        if (dto.Points is not null)
        {
            var points = Param(dto.Points, "points");
            var value = Param(dto.PointValue, "valeur_du_point");
            var divisor = Param(dto.Divisor, "diviseur");
            return points is null || value is null || divisor is null ? null : new AmountRule(points, value, divisor, null, null);
        }
        if (dto.PointValue is not null || dto.Divisor is not null)
            ctx.Error(dto.Line, $"{where} : montant : valeur_du_point et diviseur ne vont qu'avec points");
        var euros = Param(dto.Euros, "euros");
        return euros is null ? null : new AmountRule(null, null, null, euros, null);
    }

    [GeneratedRegex("^[A-Z][A-Z0-9-]*$")]
    private static partial Regex MeasureId();
}
