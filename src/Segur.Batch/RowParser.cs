using System.Collections.Frozen;
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
public sealed partial class RowParser
{
    /// <summary>What a column feeds, decided once from its name so that no name is compared per cell.</summary>
    private enum Role : byte { Other, Id, Departement, Quotite, Part, Fraction, Entree, Sortie, TempsPartiel }

    private static readonly string[] RequiredFields = ["employeur.secteur", "employeur.structure", "emploi.profession"];

    private readonly Vocabulary _vocabulary;
    private readonly FrozenDictionary<string, int>.AlternateLookup<ReadOnlySpan<char>>[] _enumLookups;
    private readonly Role[] _roles;
    private readonly int[] _required;
    private readonly string?[] _lastText;
    private readonly int[] _lastCode;
    private readonly char[][] _lastNumberText;
    private readonly int[] _lastNumberLength;
    private readonly decimal[] _lastNumber;
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
            .Select(f => f.Values.Select((v, i) => (v, i)).ToFrozenDictionary(p => p.v, p => p.i, StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>())
            .ToArray();
        _roles = vocabulary.Fields.Select(f => RoleOf(f.Name)).ToArray();
        _required = RequiredFields.Select(n => vocabulary[n].Index).ToArray();
        var count = vocabulary.Fields.Count;
        _lastText = new string?[count];
        _lastCode = new int[count];
        _lastNumberText = new char[count][];
        _lastNumberLength = new int[count];
        _lastNumber = new decimal[count];
        for (var i = 0; i < count; i++)
        {
            _lastNumberText[i] = new char[32];
            _lastNumberLength[i] = -1;
        }
        _memo = new ImpliedMemo();
    }

    private static Role RoleOf(string name) => name switch
    {
        "id" => Role.Id,
        "employeur.departement" => Role.Departement,
        "emploi.quotite" => Role.Quotite,
        "emploi.part_temps_structures_eligibles" => Role.Part,
        "emploi.fraction_traitement" => Role.Fraction,
        "emploi.entree" => Role.Entree,
        "emploi.sortie" => Role.Sortie,
        "emploi.temps_partiel" => Role.TempsPartiel,
        _ => Role.Other,
    };

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
                if (_roles[field.Index] == Role.TempsPartiel) chunk.TempsPartiel[row] = (sbyte)(b.Value ? 1 : 0);
                return null;
            case FieldKind.Integer:
                if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n < 1)
                    return Reject(chunk, row, field, text, "entier positif attendu (ex. 413)");
                codes[field.Index] = n;
                return null;
            case FieldKind.Number:
                return Number(chunk, row, field, text);
            case FieldKind.Date:
                if (!TryDate(text, out var date))
                    return Reject(chunk, row, field, text, "date attendue au format AAAA-MM-JJ");
                if (_roles[field.Index] == Role.Entree) chunk.Entree[row] = date.DayNumber;
                else if (_roles[field.Index] == Role.Sortie) chunk.Sortie[row] = date.DayNumber;
                return null;
            case FieldKind.Month:
                return Engine.Time.YearMonth.TryParse(text.ToString(), out _) ? null : Reject(chunk, row, field, text, "mois attendu au format AAAA-MM");
            default:
                var role = _roles[field.Index];
                if (role == Role.Id)
                {
                    if (KeepIds) chunk.Id[row] = text.ToString();
                }
                else if (role == Role.Departement)
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
        if (_memo.Complete(_implications, codes) is { } conflict)
        {
            var i = conflict.Implication;
            return new Rejection(chunk.Line[row], i.Field.Name, i.Field.Describe(conflict.Stated),
                $"valeur contraire au droit : {i.Title} ; attendu {i.Field.Describe(i.Code)}, ou la cellule vide");
        }
        return null;
    }

    /// <summary>A number cell; a value equal to the column's previous one is not parsed again.</summary>
    private Rejection? Number(WorkforceChunk chunk, int row, FieldDef field, ReadOnlySpan<char> text)
    {
        var f = field.Index;
        decimal d;
        if (_lastNumberLength[f] == text.Length && text.SequenceEqual(_lastNumberText[f].AsSpan(0, text.Length)))
        {
            d = _lastNumber[f];
        }
        else
        {
            if (!TryDecimal(text, out d)) return Reject(chunk, row, field, text, "nombre attendu (ex. 0.8 ou 0,8)");
            var reason = _roles[f] switch
            {
                Role.Quotite when d <= 0m || d > 1m => "quotité hors bornes ; attendu un nombre strictement positif et au plus 1",
                Role.Part when d < 0m || d > 1m => "part hors bornes ; attendu un nombre entre 0 et 1",
                Role.Fraction when d < 0m || d > 1m => "fraction hors bornes ; attendu un nombre entre 0 et 1",
                Role.Quotite or Role.Part or Role.Fraction => null,
                _ when d < 0m || d > 1m => "nombre hors bornes ; attendu entre 0 et 1",
                _ => null,
            };
            if (reason is not null) return Reject(chunk, row, field, text, reason);
            if (text.Length <= _lastNumberText[f].Length)
            {
                text.CopyTo(_lastNumberText[f]);
                _lastNumberLength[f] = text.Length;
                _lastNumber[f] = d;
            }
        }
        switch (_roles[f])
        {
            case Role.Quotite: chunk.Quotite[row] = d; break;
            case Role.Part: chunk.Part[row] = d; break;
            case Role.Fraction: chunk.Fraction[row] = d; break;
        }
        return null;
    }

    /// <summary>AAAA-MM-JJ, read digit by digit; anything else goes through the framework's exact parse.</summary>
    private static bool TryDate(ReadOnlySpan<char> t, out DateOnly date)
    {
        if (t.Length == 10 && t[4] == '-' && t[7] == '-' && Digits(t[..4], out var y) && Digits(t.Slice(5, 2), out var m) && Digits(t.Slice(8, 2), out var d)
            && y >= 1 && m is >= 1 and <= 12 && d >= 1 && d <= DateTime.DaysInMonth(y, m))
        {
            date = new DateOnly(y, m, d);
            return true;
        }
        return DateOnly.TryParseExact(t, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);
    }

    private static bool Digits(ReadOnlySpan<char> t, out int value)
    {
        value = 0;
        foreach (var c in t)
        {
            if (c is < '0' or > '9') return false;
            value = value * 10 + (c - '0');
        }
        return true;
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
