using System.Globalization;

namespace Segur.Engine.Law;

public static partial class LegislationLoader
{
    /// <summary>State shared while loading: what is known so far, and the errors found.</summary>
    internal sealed class Context(string origin)
    {
        public string Origin { get; } = origin;
        public string File { get; set; } = origin;
        public List<string> Errors { get; } = [];
        public Vocabulary Vocabulary { get; set; } = null!;
        public Dictionary<string, LegalText> Texts { get; } = new(StringComparer.Ordinal);
        public Dictionary<string, Parameter> Parameters { get; } = new(StringComparer.Ordinal);
        public Dictionary<string, ValueList> Lists { get; } = new(StringComparer.Ordinal);
        public Dictionary<string, ProrationScheme> Schemes { get; } = new(StringComparer.Ordinal);

        public void Error(int line, string message) => Errors.Add(line > 0 ? $"{File}, ligne {line} : {message}" : $"{File} : {message}");

        public string? Text(string? value, string what, int line)
        {
            if (!string.IsNullOrWhiteSpace(value)) return value.Trim();
            Error(line, $"{what} : valeur manquante ; attendu un texte");
            return null;
        }

        public DateOnly? Date(string? value, string what, int line)
        {
            if (value is not null && DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)) return d;
            Error(line, value is null ? $"{what} manquant ; attendu une date AAAA-MM-JJ" : $"{what} : « {value} » n'est pas une date ; attendu AAAA-MM-JJ");
            return null;
        }

        /// <summary>Reads a span of whole months: <c>du</c> on a first day, <c>au</c> (optional) on a last day.</summary>
        public (DateOnly? From, DateOnly? To) Months(string? from, string? to, string where, int line, bool fromRequired)
        {
            var f = from is null && !fromRequired ? null : Date(from, $"{where} : du", line);
            var t = to is null ? null : Date(to, $"{where} : au", line);
            if (f is not null) FirstOfMonth(f.Value, $"{where} : du", line);
            if (t is not null) LastOfMonth(t.Value, $"{where} : au", line);
            return (f, t);
        }

        public void FirstOfMonth(DateOnly d, string what, int line)
        {
            if (d.Day != 1) Error(line, $"{what} : {d:yyyy-MM-dd} ; les droits sont mensuels, attendu le premier jour d'un mois");
        }

        public void LastOfMonth(DateOnly d, string what, int line)
        {
            if (d.Day != DateTime.DaysInMonth(d.Year, d.Month)) Error(line, $"{what} : {d:yyyy-MM-dd} ; les droits sont mensuels, attendu le dernier jour d'un mois");
        }

        public Confidence Confidence(string? value, string what, int line)
        {
            switch (value)
            {
                case null or "H": return Law.Confidence.H;
                case "M": return Law.Confidence.M;
                case "L": return Law.Confidence.L;
                default:
                    Error(line, $"{what} : confiance « {value} » inconnue ; attendu H, M ou L");
                    return Law.Confidence.H;
            }
        }

        public LegalText? TextRef(string? id, string what, int line)
        {
            if (id is null)
            {
                Error(line, $"{what} manquant ; attendu l'id d'un texte de references.yaml");
                return null;
            }
            if (Texts.TryGetValue(id, out var t)) return t;
            Error(line, $"{what} : texte « {id} » absent de references.yaml");
            return null;
        }

        public Citation? Cite(CitationDto dto, string where)
        {
            var t = TextRef(dto.Text, $"{where} : reference", dto.Line);
            return t is null ? null : new Citation(t, string.IsNullOrWhiteSpace(dto.Article) ? null : dto.Article.Trim());
        }

        public List<Citation> Citations(List<CitationDto>? dtos, string where, int line, bool required)
        {
            if (dtos is null || dtos.Count == 0)
            {
                if (required) Error(line, $"{where} : aucune référence ; attendu « references: [{{texte: <id>, article: ...}}] »");
                return [];
            }
            return dtos.Select(d => Cite(d, where)).Where(c => c is not null).Select(c => c!).ToList();
        }

        /// <summary>Reports every id of <paramref name="ids"/> that names no measure of <paramref name="measures"/>.</summary>
        public void KnownMeasures(IEnumerable<string> ids, IReadOnlyList<Measure> measures, string where, int line)
        {
            foreach (var m in ids)
            {
                if (measures.All(x => x.Id != m)) Error(line, $"{where} : mesure « {m} » inconnue ; attendu un id parmi {string.Join(", ", measures.Select(x => x.Id))}");
            }
        }

        public FieldDef? Field(string? name, string where, int line)
        {
            if (name is null)
            {
                Error(line, $"{where} : champ manquant");
                return null;
            }
            if (!Vocabulary.TryGet(name, out var f))
            {
                Error(line, $"{where} : champ « {name} » inconnu du schéma de profil ; attendu un de {string.Join(", ", Vocabulary.Fields.Where(x => x.IsTestable).Select(x => x.Name))}");
                return null;
            }
            if (!f.IsTestable)
            {
                Error(line, $"{where} : le champ « {name} » ne peut pas être testé par une condition (seuls les champs à valeurs listées, booléens ou entiers le peuvent)");
                return null;
            }
            return f;
        }

        public int? Code(FieldDef field, string value, string where, int line)
        {
            if (field.Kind == FieldKind.Integer)
            {
                if (int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n)) return n;
                Error(line, $"{where} : « {value} » n'est pas un entier valide pour {field.Name}");
                return null;
            }
            if (field.TryCode(value, out var c)) return c;
            var hint = field.Kind == FieldKind.Boolean ? "true ou false" : string.Join(", ", field.Values);
            Error(line, $"{where} : valeur « {value} » inconnue pour {field.Name} ; attendu une de : {hint}");
            return null;
        }
    }
}
