using System.Globalization;
using Segur.Engine.Law;

namespace Segur.Batch;

/// <summary>A row that could not be read: its line, the column at fault and a French reason.</summary>
public sealed record Rejection(long Line, string Field, string Value, string Reason);

/// <summary>
/// Turns the text cells of one row (CSV or Parquet) into coded facts, checking them against the profile
/// vocabulary exactly as the JSON schema would: known values, booleans, integers, quotité in ]0, 1],
/// dates, required fields. Cell values are read as spans: no string is allocated for a valid enum cell.
/// </summary>
public sealed class RowParser
{
    private static readonly string[] RequiredFields = ["employeur.secteur", "employeur.structure", "emploi.profession"];

    private readonly Vocabulary _vocabulary;
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>>[] _enumLookups;
    private readonly int[] _required;
    private readonly string?[] _lastText;
    private readonly int[] _lastCode;
    private string? _lastQuotiteText;
    private decimal _lastQuotite;
    private string? _lastDepartement;
    private short _lastDepartementIndex;

    /// <summary>Keep the <c>id</c> column (one string per row); off when no per-row output is written.</summary>
    public bool KeepIds { get; set; } = true;

    private readonly IReadOnlyList<Implication> _implications;

    public RowParser(Vocabulary vocabulary, IReadOnlyList<Implication>? implications = null)
    {
        _vocabulary = vocabulary;
        _implications = implications ?? [];
        _enumLookups = vocabulary.Fields
            .Select(f => f.Values.Select((v, i) => (v, i)).ToDictionary(p => p.v, p => p.i, StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>())
            .ToArray();
        _required = RequiredFields.Select(n => vocabulary[n].Index).ToArray();
        _lastText = new string?[vocabulary.Fields.Count];
        _lastCode = new int[vocabulary.Fields.Count];
    }

    /// <summary>Maps column names to vocabulary fields; unknown columns are an error naming them.</summary>
    public ColumnMap MapColumns(IReadOnlyList<string> names, string file)
    {
        var fields = new FieldDef?[names.Count];
        var unknown = new List<string>();
        for (var i = 0; i < names.Count; i++)
        {
            var n = names[i].Trim();
            if (_vocabulary.TryGet(n, out var f)) fields[i] = f;
            else unknown.Add(n);
        }
        var twice = names.Select(n => n.Trim()).GroupBy(n => n, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        if (twice.Count > 0)
            throw new Engine.SegurException($"{file}, ligne 1 : colonne(s) en double : {string.Join(", ", twice)} ; attendu chaque colonne une seule fois");
        if (unknown.Count > 0)
            throw new Engine.SegurException($"{file}, ligne 1 : colonne(s) inconnue(s) : {string.Join(", ", unknown)} ; attendu les noms pointés du schéma de profil (ex. employeur.secteur, emploi.profession ; voir docs/profil.md)");
        foreach (var r in RequiredFields)
        {
            if (!fields.Any(f => f?.Name == r))
                throw new Engine.SegurException($"{file}, ligne 1 : colonne obligatoire {r} absente ; attendu au moins {string.Join(", ", RequiredFields)}");
        }
        return new ColumnMap(fields!);
    }

    /// <summary>Reads one cell into row <paramref name="row"/>; returns a rejection, or null when the cell is valid.</summary>
    public Rejection? Cell(WorkforceChunk chunk, int row, FieldDef field, ReadOnlySpan<char> text)
    {
        text = text.Trim();
        if (text.IsEmpty) return null;
        var codes = chunk.RowCodes(row);
        switch (field.Kind)
        {
            case FieldKind.Enum:
                // Consecutive rows often repeat a value: compare with the last one before hashing.
                var last = _lastText[field.Index];
                if (last is not null && text.SequenceEqual(last))
                {
                    codes[field.Index] = _lastCode[field.Index];
                    return null;
                }
                if (!_enumLookups[field.Index].TryGetValue(text, out var code))
                    return Reject(chunk, row, field, text, $"valeur inconnue ; attendu une de : {Abbreviate(field.Values)}");
                codes[field.Index] = code;
                _lastText[field.Index] = field.Values[code];
                _lastCode[field.Index] = code;
                return null;
            case FieldKind.Boolean:
                bool? b = text switch
                {
                    "true" or "vrai" or "oui" or "1" or "True" or "TRUE" => true,
                    "false" or "faux" or "non" or "0" or "False" or "FALSE" => false,
                    _ => null,
                };
                if (b is null) return Reject(chunk, row, field, text, "booléen attendu (true/false, oui/non, 1/0)");
                codes[field.Index] = b.Value ? 1 : 0;
                if (field.Name == "emploi.temps_partiel") chunk.TempsPartiel[row] = (sbyte)(b.Value ? 1 : 0);
                return null;
            case FieldKind.Integer:
                if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n < 1)
                    return Reject(chunk, row, field, text, "entier positif attendu (ex. 413)");
                codes[field.Index] = n;
                return null;
            case FieldKind.Number:
                if (_lastQuotiteText is not null && field.Name == "emploi.quotite" && text.SequenceEqual(_lastQuotiteText))
                {
                    chunk.Quotite[row] = _lastQuotite;
                    return null;
                }
                if (!TryDecimal(text, out var d)) return Reject(chunk, row, field, text, "nombre attendu (ex. 0.8 ou 0,8)");
                switch (field.Name)
                {
                    case "emploi.quotite":
                        if (d <= 0m || d > 1m) return Reject(chunk, row, field, text, "quotité hors bornes ; attendu un nombre strictement positif et au plus 1");
                        chunk.Quotite[row] = d;
                        _lastQuotiteText = text.ToString();
                        _lastQuotite = d;
                        break;
                    case "emploi.part_temps_structures_eligibles":
                        if (d < 0m || d > 1m) return Reject(chunk, row, field, text, "part hors bornes ; attendu un nombre entre 0 et 1");
                        chunk.Part[row] = d;
                        break;
                    case "emploi.fraction_traitement":
                        if (d < 0m || d > 1m) return Reject(chunk, row, field, text, "fraction hors bornes ; attendu un nombre entre 0 et 1");
                        chunk.Fraction[row] = d;
                        break;
                    default:
                        if (d < 0m || d > 1m) return Reject(chunk, row, field, text, "nombre hors bornes ; attendu entre 0 et 1");
                        break;
                }
                return null;
            case FieldKind.Date:
                if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
                    return Reject(chunk, row, field, text, "date attendue au format AAAA-MM-JJ");
                if (field.Name == "emploi.entree") chunk.Entree[row] = date.DayNumber;
                else if (field.Name == "emploi.sortie") chunk.Sortie[row] = date.DayNumber;
                return null;
            case FieldKind.Month:
                return Engine.Time.YearMonth.TryParse(text.ToString(), out _) ? null : Reject(chunk, row, field, text, "mois attendu au format AAAA-MM");
            default:
                if (field.Name == "id")
                {
                    if (KeepIds) chunk.Id[row] = text.ToString();
                }
                else if (field.Name == "employeur.departement")
                {
                    if (_lastDepartement is not null && text.SequenceEqual(_lastDepartement))
                    {
                        chunk.Departement[row] = _lastDepartementIndex;
                        return null;
                    }
                    if (!Departements.TryIndex(text, out var dep)) return Reject(chunk, row, field, text, "département inconnu ; attendu un code comme 01, 2A, 75 ou 974");
                    chunk.Departement[row] = dep;
                    _lastDepartement = Departements.Codes[dep];
                    _lastDepartementIndex = dep;
                }
                return null;
        }
    }

    /// <summary>Checks the whole row once its cells are read.</summary>
    public Rejection? Finish(WorkforceChunk chunk, int row)
    {
        var codes = chunk.RowCodes(row);
        foreach (var r in _required)
        {
            if (codes[r] == Engine.Profiles.Facts.Absent)
                return new Rejection(chunk.Line[row], _vocabulary.Fields[r].Name, "", "champ obligatoire vide");
        }
        if (chunk.Entree[row] != WorkforceChunk.NoDate && chunk.Sortie[row] != WorkforceChunk.NoDate && chunk.Sortie[row] < chunk.Entree[row])
            return new Rejection(chunk.Line[row], "emploi.sortie", DateOnly.FromDayNumber(chunk.Sortie[row]).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), "date de sortie antérieure à la date d'entrée");
        if (ImpliedFacts.Complete(_implications, codes) is { } conflict)
        {
            var i = conflict.Implication;
            return new Rejection(chunk.Line[row], i.Field.Name, i.Field.Describe(conflict.Stated),
                $"valeur contraire au droit : {i.Title} ; attendu {i.Field.Describe(i.Code)}, ou la cellule vide");
        }
        return null;
    }

    private static bool TryDecimal(ReadOnlySpan<char> text, out decimal value)
    {
        if (decimal.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value)) return true;
        Span<char> copy = stackalloc char[text.Length];
        text.CopyTo(copy);
        copy.Replace(',', '.');
        return decimal.TryParse(copy, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value);
    }

    private static Rejection Reject(WorkforceChunk chunk, int row, FieldDef field, ReadOnlySpan<char> text, string reason) =>
        new(chunk.Line[row], field.Name, text.Length > 60 ? text[..60].ToString() + "…" : text.ToString(), reason);

    private static string Abbreviate(IReadOnlyList<string> values) =>
        values.Count <= 12 ? string.Join(", ", values) : string.Join(", ", values.Take(12)) + $"… ({values.Count} valeurs, voir docs/profil.md)";
}

/// <summary>Which vocabulary field each input column feeds.</summary>
public sealed record ColumnMap(FieldDef[] Fields);
