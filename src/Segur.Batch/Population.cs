using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Parquet;
using Parquet.Schema;
using Segur.Engine;
using Segur.Engine.Law;
using YamlDotNet.RepresentationModel;

namespace Segur.Batch;

/// <summary>One kind of worker of the synthetic population, with its national headcount and distributions.</summary>
public sealed record Stratum(
    string Id,
    long Headcount,
    string Confidence,
    string Source,
    IReadOnlyDictionary<string, string> Profile,
    (string Value, double Share)[] Professions,
    (decimal Value, double Share)[] Quotites,
    bool TempsPartiel,
    string? Note = null);

/// <summary>
/// The documented figures of <c>legislation/populations/france.yaml</c> (sources and confidence per
/// stratum, <c>docs/population.md</c>) and the seeded generator of a synthetic national workforce.
/// The same size and seed always give the same file.
/// </summary>
public sealed class PopulationModel
{
    private PopulationModel(IReadOnlyList<Stratum> strata, (string Code, double Share)[] departements, string text)
    {
        Strata = strata;
        Departements = departements;
        Text = text;
    }

    public IReadOnlyList<Stratum> Strata { get; }
    public (string Code, double Share)[] Departements { get; }
    public string Text { get; }
    public long Total => Strata.Sum(s => s.Headcount);

    /// <summary>The model embedded in the engine (the project's documented figures).</summary>
    public static PopulationModel Embedded(Vocabulary vocabulary)
    {
        var asm = typeof(EmbeddedLegislation).Assembly;
        using var stream = asm.GetManifestResourceStream("legislation/populations/france.yaml")
                           ?? throw new SegurException("population nationale absente de la législation intégrée (legislation/populations/france.yaml)");
        using var reader = new StreamReader(stream);
        return Parse(reader.ReadToEnd(), "legislation/populations/france.yaml", vocabulary);
    }

    public static PopulationModel Parse(string text, string file, Vocabulary vocabulary)
    {
        var yaml = new YamlStream();
        yaml.Load(new StringReader(text));
        var root = (YamlMappingNode)yaml.Documents[0].RootNode;
        var strata = new List<Stratum>();
        var parser = new RowParser(vocabulary);
        foreach (var node in ((YamlSequenceNode)root["strates"]).Children.Cast<YamlMappingNode>())
        {
            var id = Scalar(node, "id");
            var where = $"{file}, ligne {node.Start.Line}, strate {id}";
            var profile = new Dictionary<string, string>();
            if (YamlJson.ToJson(node["profil"]) is JsonObject p) Flatten(p, "", profile);
            var professions = Shares(node, "professions", where).Select(x => (x.Key, x.Share)).ToArray();
            var quotites = Shares(node, "quotites", where).Select(x => (decimal.Parse(x.Key, CultureInfo.InvariantCulture), x.Share)).ToArray();
            // Check every value against the vocabulary now, not row by row later.
            var chunk = new WorkforceChunk(vocabulary, 1);
            var row = chunk.Begin(0);
            foreach (var (k, v) in profile.Append(new KeyValuePair<string, string>("emploi.profession", professions[0].Item1)))
            {
                if (!vocabulary.TryGet(k, out var f)) throw new SegurException($"{where} : champ {k} inconnu du schéma de profil");
                if (parser.Cell(chunk, row, f, v) is { } bad) throw new SegurException($"{where} : {k} = « {v} » : {bad.Reason}");
            }
            foreach (var (prof, _) in professions)
            {
                if (parser.Cell(chunk, row, vocabulary["emploi.profession"], prof) is { } bad) throw new SegurException($"{where} : métier « {prof} » : {bad.Reason}");
            }
            strata.Add(new Stratum(id, long.Parse(Scalar(node, "effectif"), CultureInfo.InvariantCulture), Scalar(node, "confiance"), Scalar(node, "source"),
                profile, professions, quotites, node.Children.TryGetValue(new YamlScalarNode("temps_partiel"), out var tp) && ((YamlScalarNode)tp).Value == "true",
                node.Children.TryGetValue(new YamlScalarNode("note"), out var note) && note is YamlScalarNode ns ? ns.Value : null));
        }
        var deps = (YamlMappingNode)((YamlMappingNode)root["departements_population"])["parts"];
        var departements = deps.Children.Select(kv => (((YamlScalarNode)kv.Key).Value!, double.Parse(((YamlScalarNode)kv.Value).Value!, CultureInfo.InvariantCulture))).ToArray();
        return new PopulationModel(strata, departements, text);
    }

    private static string Scalar(YamlMappingNode n, string key) =>
        n.Children.TryGetValue(new YamlScalarNode(key), out var v) && v is YamlScalarNode s && s.Value is not null
            ? s.Value
            : throw new SegurException($"strate ligne {n.Start.Line} : clé « {key} » manquante");

    private static List<(string Key, double Share)> Shares(YamlMappingNode n, string key, string where)
    {
        if (!n.Children.TryGetValue(new YamlScalarNode(key), out var v) || v is not YamlMappingNode m)
            throw new SegurException($"{where} : « {key} » manquant ; attendu des parts sommant à 1");
        var list = m.Children.Select(kv => (((YamlScalarNode)kv.Key).Value!, double.Parse(((YamlScalarNode)kv.Value).Value!, CultureInfo.InvariantCulture))).ToList();
        var sum = list.Sum(x => x.Item2);
        if (Math.Abs(sum - 1) > 0.001) throw new SegurException($"{where} : les parts de « {key} » somment à {sum.ToString("0.###", CultureInfo.InvariantCulture)} ; attendu 1");
        return list;
    }

    private static void Flatten(JsonObject o, string prefix, Dictionary<string, string> into)
    {
        foreach (var (k, v) in o)
        {
            if (v is JsonObject child) Flatten(child, prefix + k + ".", into);
            else if (v is not null) into[prefix + k] = v.ToJsonString().Trim('"');
        }
    }

    /// <summary>
    /// Draws <paramref name="size"/> workers: each stratum gets its share of the size (largest remainders),
    /// then profession, quotité and département are drawn from the stratum's distributions with a
    /// seeded generator. Rows come out in blocks so that memory stays flat.
    /// </summary>
    public IEnumerable<IReadOnlyDictionary<string, string>> Generate(long size, int seed)
    {
        var counts = Allocate(size);
        var rng = new Random(seed);
        long n = 0;
        for (var s = 0; s < Strata.Count; s++)
        {
            var st = Strata[s];
            for (long i = 0; i < counts[s]; i++)
                yield return Row(st, "P" + (++n).ToString("D8", CultureInfo.InvariantCulture), rng);
        }
    }

    /// <summary>
    /// Draws exactly the documented headcount of each stratum named in <paramref name="ids"/>, in that order:
    /// the estimate of a population made of whole strata (a reform costing). Profession, quotité and
    /// département are drawn as in <see cref="Generate"/>, but each stratum has its own generator, seeded
    /// with <paramref name="seed"/> and the stratum's position in the model: a stratum gives the same rows
    /// alone or with others. Row ids are « stratum-id-000001 ». An unknown id is an error in French.
    /// </summary>
    public IEnumerable<IReadOnlyDictionary<string, string>> GenerateStrata(IReadOnlyList<string> ids, int seed)
    {
        var chosen = ids.Select(id => Strata.Select((st, index) => (st, index)).FirstOrDefault(x => x.st.Id == id)).ToList();
        var unknown = ids.Where((id, k) => chosen[k].st is null).ToList();
        if (unknown.Count > 0)
            throw new SegurException($"strate(s) {string.Join(", ", unknown.Select(u => $"« {u} »"))} inconnue(s) de la population nationale ; attendu un id parmi {string.Join(", ", Strata.Select(s => s.Id))}");
        return Rows();

        IEnumerable<IReadOnlyDictionary<string, string>> Rows()
        {
            foreach (var (st, index) in chosen)
            {
                var rng = new Random(unchecked(seed * 7919 + index + 1));
                for (long i = 1; i <= st.Headcount; i++)
                    yield return Row(st, st.Id + "-" + i.ToString("D6", CultureInfo.InvariantCulture), rng);
            }
        }
    }

    private Dictionary<string, string> Row(Stratum st, string id, Random rng)
    {
        var row = new Dictionary<string, string>(st.Profile)
        {
            ["id"] = id,
            ["emploi.profession"] = Draw(st.Professions, rng),
            ["employeur.departement"] = Draw(Departements, rng),
        };
        var q = Draw(st.Quotites, rng);
        row["emploi.quotite"] = q.ToString(CultureInfo.InvariantCulture);
        if (q < 1m && st.Profile.GetValueOrDefault("employeur.secteur") == "public") row["emploi.temps_partiel"] = st.TempsPartiel ? "true" : "false";
        return row;
    }

    private long[] Allocate(long size)
    {
        var total = (double)Total;
        var exact = Strata.Select(s => s.Headcount / total * size).ToArray();
        var counts = exact.Select(e => (long)Math.Floor(e)).ToArray();
        var rest = size - counts.Sum();
        foreach (var i in exact.Select((e, i) => (Frac: e - Math.Floor(e), i)).OrderByDescending(x => x.Frac).ThenBy(x => x.i).Take((int)rest).Select(x => x.i))
            counts[i]++;
        return counts;
    }

    private static T Draw<T>((T Value, double Share)[] shares, Random rng)
    {
        var x = rng.NextDouble() * shares.Sum(s => s.Share);
        foreach (var (v, s) in shares)
        {
            if (x < s) return v;
            x -= s;
        }
        return shares[^1].Value;
    }

    /// <summary>The columns the model fills: the fields of the strata's profiles and the drawn ones, in schema order.</summary>
    public string[] Columns(Vocabulary vocabulary)
    {
        var used = new HashSet<string>(Strata.SelectMany(s => s.Profile.Keys))
        {
            "id", "emploi.profession", "emploi.quotite", "employeur.departement", "emploi.temps_partiel",
        };
        return PopulationParquet.Columns(vocabulary).Where(used.Contains).ToArray();
    }

    /// <summary>The assumptions written into the output file's metadata.</summary>
    public Dictionary<string, string> Metadata(long size, int seed, Legislation law) => new()
    {
        ["segur.population"] = JsonSerializer.Serialize(new
        {
            taille = size,
            graine = seed,
            source = "legislation/populations/france.yaml",
            legislation = law.Version,
            empreinte_legislation = law.Fingerprint,
            effectif_national = Total,
            hypotheses = "Tirage proportionnel aux effectifs des strates (plus forts restes) ; métier, quotité et département tirés selon les parts de chaque strate ; départements au prorata de la population INSEE faute de répartition sectorielle. Voir docs/population.md.",
            strates = Strata.Select(s => new { s.Id, effectif = s.Headcount, confiance = s.Confidence, s.Source }),
        }, new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }),
    };
}

/// <summary>Writes workforce rows (dotted schema names) as Parquet (text columns) or CSV, atomically, in blocks.</summary>
public static class PopulationParquet
{
    /// <summary>
    /// Rows per row group: large enough that the per-group costs of a reader (page headers, dictionaries)
    /// are small, small enough that a reader holding one group's decoded columns stays within a few tens of MB (65 536 rows: about 15 MB less peak memory than 131 072, for a slightly slower decoding).
    /// </summary>
    public const int RowGroupRows = 65_536;

    /// <summary>The workforce columns of the profile schema, id first.</summary>
    public static string[] Columns(Vocabulary v) =>
        ["id", .. v.Fields.Where(f => !f.Name.StartsWith("periode", StringComparison.Ordinal) && f.Name != "id").Select(f => f.Name)];

    public static void Write(string path, Vocabulary vocabulary, IEnumerable<IReadOnlyDictionary<string, string>> rows, Dictionary<string, string> metadata, string[]? only = null)
    {
        var columns = only ?? Columns(vocabulary);
        using var file = new AtomicFile(path);
        if (Path.GetExtension(path).Equals(".csv", StringComparison.OrdinalIgnoreCase))
        {
            using (var w = new StreamWriter(file.Stream, new UTF8Encoding(false), 1 << 16, leaveOpen: true))
            {
                w.Write(string.Join(';', columns));
                w.Write('\n');
                foreach (var r in rows)
                {
                    for (var c = 0; c < columns.Length; c++)
                    {
                        if (c > 0) w.Write(';');
                        if (r.TryGetValue(columns[c], out var v)) w.Write(v);
                    }
                    w.Write('\n');
                }
            }
            file.Commit();
            // CSV has no place for metadata: the assumptions go to a sidecar file.
            AtomicFile.WriteAllText(path + ".metadata.json", string.Join("\n", metadata.Values) + "\n");
            return;
        }
        if (!Path.GetExtension(path).Equals(".parquet", StringComparison.OrdinalIgnoreCase))
            throw new SegurException($"{path} : format de sortie non pris en charge ; attendu .parquet ou .csv");
        var fields = columns.Select(c => new DataField<string>(c)).ToArray();
        // Enum, number and date columns take few distinct values: dictionary-encoded, a reader checks each
        // value once per row group instead of once per cell. The id column is unique: plain.
        var options = new ParquetOptions { MaximumSmallPoolFreeBytes = 4 << 20, MaximumLargePoolFreeBytes = 8 << 20 };
        foreach (var f in fields.Where(f => f.Name != "id")) options.ColumnEncodingHints[f.Path.ToString()] = EncodingHint.Dictionary;
        var writer = ParquetWriter.CreateAsync(new ParquetSchema(fields), file.Stream, options).GetAwaiter().GetResult();
        writer.CustomMetadata = metadata;
        var buffer = columns.Select(_ => new string?[RowGroupRows]).ToArray();
        var n = 0;
        void FlushGroup()
        {
            if (n == 0) return;
            using var g = writer.CreateRowGroup();
            for (var c = 0; c < columns.Length; c++) g.WriteAsync(fields[c], buffer[c][..n]).GetAwaiter().GetResult();
            n = 0;
        }
        foreach (var r in rows)
        {
            for (var c = 0; c < columns.Length; c++) buffer[c][n] = r.TryGetValue(columns[c], out var v) ? v : null;
            if (++n == buffer[0].Length) FlushGroup();
        }
        FlushGroup();
        writer.DisposeAsync().AsTask().GetAwaiter().GetResult();
        file.Commit();
    }
}
