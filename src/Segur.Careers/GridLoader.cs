using System.Globalization;
using System.Text.Json.Nodes;
using Segur.Engine;
using Segur.Engine.Documents;
using Segur.Engine.Law;
using Segur.Engine.Profiles;
using Segur.Engine.Time;
using YamlDotNet.RepresentationModel;

namespace Segur.Careers;

/// <summary>
/// Reads the pay grids of <c>legislation/grids/*.yaml</c> (one file per grid family) and checks them like
/// the rest of the law: every value cites a text of the catalogues (<c>references*.yaml</c>), dates are whole
/// months, dated values are contiguous and the last one is open-ended, each period gives one value per
/// échelon, the Ségur profile passes the profile schema. Every problem is reported in French with the file
/// and the line; loading stops with a <see cref="SegurException"/> listing all of them.
/// </summary>
public static partial class GridLoader
{
    /// <summary>Folder of the grid files, relative to the legislation folder.</summary>
    public const string Folder = "grids/";

    public static GridCatalog Load(ILegislationSource source, Legislation law)
    {
        var files = source.Files()
            .Where(f => f.Path.StartsWith(Folder, StringComparison.Ordinal) && f.Path.EndsWith(".yaml", StringComparison.Ordinal))
            .OrderBy(f => f.Path, StringComparer.Ordinal)
            .ToList();
        var errors = new List<string>();
        var grids = new List<Grid>();
        var profiles = new ProfileReader(law);
        foreach (var f in files)
        {
            var name = source.DisplayName(f.Path);
            var stem = f.Path[Folder.Length..^".yaml".Length];
            new FileReader(name, law, profiles, errors).Read(f.Text, stem, grids);
        }
        if (files.Count == 0) errors.Add($"{source.Origin} : aucune grille trouvée ; attendu des fichiers grids/*.yaml (voir docs/carrieres.md)");
        if (errors.Count > 0) throw new SegurException($"grilles invalides : {errors[0]}", errors.Skip(1).ToList());
        // The claims of the written questions are judged on the grids; a law folder without them judges none.
        var claimFile = source.Find(ClaimLoader.File);
        var claims = ClaimLoader.Load(source, claimFile, law);
        if (claimFile is not null) files.Add(claimFile);
        using var sha = System.Security.Cryptography.IncrementalHash.CreateHash(System.Security.Cryptography.HashAlgorithmName.SHA256);
        foreach (var f in files) sha.AppendData(System.Text.Encoding.UTF8.GetBytes(f.Path + "\0" + f.Text.Replace("\r\n", "\n") + "\0"));
        return new GridCatalog(grids, Convert.ToHexStringLower(sha.GetHashAndReset()), claims);
    }

    /// <summary>Reads one grid file; errors go to the shared list.</summary>
    private sealed partial class FileReader(string file, Legislation law, ProfileReader profiles, List<string> errors)
    {
        private static readonly string[] FileKeys = ["famille", "intitule", "description", "references", "remuneration", "grilles"];
        private static readonly string[] PayKeys = ["type", "parametre_point", "diviseur", "valeurs_du_point"];
        private static readonly string[] GridKeys =
            ["id", "intitule", "description", "versements_par_an", "profil_segur", "points_experience", "variante_entree", "hypotheses", "carriere", "grades"];
        private static readonly string[] GradeKeys = ["id", "intitule", "echelons", "durees", "indices_bruts", "valeurs"];
        private static readonly string[] SourceKeys = ["reference", "confiance", "note"];

        public void Read(string text, string stem, List<Grid> grids)
        {
            var root = Parse(text);
            if (root is null) return;
            Keys(root, "fichier de grilles", FileKeys);
            var id = Text(root, "famille", "fichier de grilles", required: true);
            if (id is not null && id != stem)
                Error(Get(root, "famille"), $"famille « {id} » différente du nom du fichier ({stem}.yaml) ; attendu famille: {stem}");
            var title = Text(root, "intitule", "fichier de grilles", required: true);
            var citations = Citations(root, "references", $"famille {id}");
            var pay = Pay(Map(root, "remuneration", $"famille {id}", required: true), $"famille {id}, remuneration");
            var items = Seq(root, "grilles", $"famille {id}", required: true);
            if (id is null || title is null || pay is null || items is null) return;
            var family = new GridFamily { Id = id, Title = title, Description = Text(root, "description", "", false), Citations = citations, Pay = pay, File = file };
            if (items.Children.Count == 0) Error(items, $"famille {id} : aucune grille ; attendu au moins une grille sous « grilles: »");
            foreach (var node in items.Children)
            {
                var grid = GridOf(node, family);
                if (grid is null) continue;
                if (grids.FirstOrDefault(g => g.Name == grid.Name) is { } other)
                    Error(node, $"grille « {grid.Name} » déjà définie ({other.Family.File}, ligne {other.Line})");
                else grids.Add(grid);
            }
        }

        /// <summary>Reads the file with the shared reader (syntax, then the shape of grilles.schema.json), then as nodes.</summary>
        private YamlMappingNode? Parse(string text)
        {
            var reader = DocumentReader.Shared;
            try
            {
                var problems = reader.Check(reader.Parse(text, file), DocumentKind.Grids);
                if (problems.Count > 0)
                {
                    errors.AddRange(problems);
                    return null;
                }
            }
            catch (SegurException e)
            {
                errors.Add(e.Message);
                return null;
            }
            var stream = new YamlStream();
            stream.Load(new StringReader(text));
            return (YamlMappingNode)stream.Documents[0].RootNode;
        }

        private PayRule? Pay(YamlMappingNode? map, string where)
        {
            if (map is null) return null;
            Keys(map, where, PayKeys);
            var type = Text(map, "type", where, required: true);
            switch (type)
            {
                case "indice_majore":
                    var pid = Text(map, "parametre_point", where, required: true);
                    var did = Text(map, "diviseur", where, required: true);
                    if (pid is not null && !law.Parameters.ContainsKey(pid))
                        Error(Get(map, "parametre_point"), $"{where} : paramètre « {pid} » inconnu du droit ; attendu un id de legislation/parameters/ (ex. point-indice)");
                    if (did is not null && !law.Parameters.ContainsKey(did))
                        Error(Get(map, "diviseur"), $"{where} : diviseur « {did} » inconnu du droit ; attendu un id de legislation/parameters/ (ex. diviseur-point-mensuel)");
                    if (Get(map, "valeurs_du_point") is { } extra) Error(extra, $"{where} : « valeurs_du_point » sans objet pour une grille indiciaire (la valeur vient du paramètre)");
                    if (pid is null || did is null || !law.Parameters.ContainsKey(pid) || !law.Parameters.ContainsKey(did)) return null;
                    return new PayRule { Kind = PayKind.IndiceMajore, ParameterId = pid, DivisorId = did };
                case "points":
                    var values = Dated(Seq(map, "valeurs_du_point", where, required: true), $"{where}, valeurs_du_point", "valeur");
                    foreach (var (node, v) in values)
                    {
                        if (v.Value <= 0) Error(node, $"{where} : valeur du point {Num(v.Value)} invalide ; attendu un nombre positif (euros par point et par mois)");
                    }
                    return values.Count == 0 ? null : new PayRule { Kind = PayKind.Points, PointValues = values.Select(v => v.Value).ToList() };
                case null:
                    return null;
                default:
                    Error(Get(map, "type"), $"{where} : type « {type} » inconnu ; attendu indice_majore ou points");
                    return null;
            }
        }
    }
}
