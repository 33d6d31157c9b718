using Segur.Engine.Law;
using Segur.Engine.Profiles;
using Segur.Engine.Time;

namespace Segur.Batch;

/// <summary>
/// Employer contribution rate applied to a Ségur amount, from the dated parameters of
/// <c>legislation/parameters/cotisations-employeur.yaml</c>: pension and other employer contributions of
/// fonctionnaires (CNRACL for FPH and FPT, civil pensions for the State), of public contract agents, of
/// private employers and of social security bodies. When no parameter covers a case, the employer cost
/// is reported as unknown rather than guessed.
/// </summary>
public sealed class EmployerRates(Legislation law)
{
    private readonly FieldDef _secteur = law.Vocabulary["employeur.secteur"];
    private readonly FieldDef _versant = law.Vocabulary["employeur.versant"];
    private readonly FieldDef _statut = law.Vocabulary["emploi.statut"];

    /// <summary>Parameter id for the profile's employer category, or null.</summary>
    public string? ParameterId(ReadOnlySpan<int> codes, ProrationRule rule)
    {
        var secteur = Value(codes, _secteur);
        var statut = Value(codes, _statut);
        switch (secteur)
        {
            case "public":
                if (statut is "titulaire" or "stagiaire")
                    return Value(codes, _versant) == "FPE" ? "taux-employeur-fpe-total" : "taux-employeur-fonctionnaire-cnracl-total";
                return "taux-employeur-contractuel-public";
            case "securite_sociale":
                return "taux-employeur-securite-sociale";
            case "prive_non_lucratif" or "prive_lucratif":
                return "taux-employeur-prive";
            default:
                return rule == ProrationRule.ContratPrive ? "taux-employeur-prive" : null;
        }
    }

    /// <summary>The rate in millionths for the month, or −1 when unknown.</summary>
    public long RatePpm(ReadOnlySpan<int> codes, YearMonth month, ProrationRule rule)
    {
        var id = ParameterId(codes, rule);
        if (id is null || !law.Parameters.TryGetValue(id, out var p)) return -1;
        var v = p.Find(month);
        return v is null ? -1 : (long)Math.Round(v.Value * 1_000_000m, MidpointRounding.AwayFromZero);
    }

    private static string? Value(ReadOnlySpan<int> codes, FieldDef f)
    {
        var c = codes[f.Index];
        return c == Facts.Absent ? null : f.Values[c];
    }
}
