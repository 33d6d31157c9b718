using System.CommandLine;
using Segur.Batch;
using Segur.Engine;

namespace Segur.Cli;

/// <summary><c>segur population --taille 1000000 --sortie france.parquet [--graine 1]</c>.</summary>
public static class PopulationCommand
{
    public static Command Build(CommandContext ctx)
    {
        var size = new Option<long>("--taille", "-n") { Description = "Nombre de travailleurs à tirer.", Required = true };
        var output = new Option<string>("--sortie", "-o") { Description = "Fichier à écrire : .parquet (hypothèses dans les métadonnées) ou .csv (hypothèses dans <fichier>.metadata.json).", Required = true };
        var seed = new Option<int>("--graine") { Description = "Graine du tirage (même taille et même graine : même fichier). Par défaut 1.", DefaultValueFactory = _ => 1 };
        var law = SharedOptions.Legislation();
        var cmd = new Command("population", "Générer une population nationale synthétique (effectifs documentés de legislation/populations/france.yaml, voir docs/population.md).")
        {
            size, output, seed, law,
        };
        cmd.SetAction(parse =>
        {
            var n = parse.GetValue(size);
            if (n <= 0 || n > 100_000_000) throw new SegurException($"--taille {n} : attendu un nombre de travailleurs entre 1 et 100 000 000");
            var legislation = SharedOptions.LoadLaw(parse.GetValue(law));
            var model = PopulationModel.Embedded(legislation.Vocabulary);
            var path = parse.GetValue(output)!;
            var bar = new ProgressBar(ctx.Error);
            long written = 0;
            IEnumerable<IReadOnlyDictionary<string, string>> Rows()
            {
                foreach (var r in model.Generate(n, parse.GetValue(seed)))
                {
                    if (++written % 65_536 == 0) bar.Report((double)written / n);
                    yield return r;
                }
            }
            PopulationParquet.Write(path, legislation.Vocabulary, Rows(), model.Metadata(n, parse.GetValue(seed), legislation), model.Columns(legislation.Vocabulary));
            bar.Done();
            ctx.Out.WriteLine($"{Format.Integer(n)} travailleurs tirés de {model.Strata.Count} strates (effectif national documenté : {Format.Integer(model.Total)}), écrits dans {path}.");
            return Cli.Ok;
        });
        return cmd;
    }
}
