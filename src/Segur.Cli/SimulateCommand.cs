using System.CommandLine;
using Segur.Batch;
using Segur.Engine;
using Segur.Engine.Law;
using Segur.Engine.Time;

namespace Segur.Cli;

/// <summary><c>segur simuler effectifs.csv|.parquet --periode … [--scenario reforme.yaml] [--sortie …] [--synthese …]</c>.</summary>
public static class SimulateCommand
{
    public static Command Build(CommandContext ctx)
    {
        var input = new Argument<string>("effectifs") { Description = "Fichier d'effectifs : CSV (UTF-8, séparateur ; ou ,) ou Parquet, une colonne par champ pointé du profil (employeur.secteur, emploi.profession…)." };
        var period = new Option<string>("--periode", "-p") { Description = "Mois évalués : AAAA-MM..AAAA-MM (obligatoire).", Required = true };
        var scenario = new Option<string?>("--scenario", "-s") { Description = "Réforme à comparer au droit en vigueur (fichier YAML, voir legislation/reforms/ et docs/reformes.md)." };
        var output = new Option<string?>("--sortie", "-o") { Description = "Résultats par ligne (ou par ligne et par mois avec --par-mois) : fichier .csv ou .parquet." };
        var synthesis = new Option<string?>("--synthese") { Description = "Synthèse JSON (bénéficiaires, ETP, coûts par mesure, secteur, structure, métier, département et année ; différence d'une réforme)." };
        var perMonth = new Option<bool>("--par-mois") { Description = "Une ligne de résultat par travailleur et par mois (au lieu d'une ligne par travailleur sur la période)." };
        var strict = new Option<bool>("--strict") { Description = "S'arrêter à la première ligne invalide (par défaut : la ligne va dans le fichier des rejets et le calcul continue)." };
        var rejects = new Option<string?>("--rejets") { Description = "Fichier des lignes rejetées (par défaut : <sortie>.rejets.csv, ou <effectifs>.rejets.csv dans le dossier courant)." };
        var asOf = new Option<string?>("--droit-au") { Description = "Appliquer le droit tel que publié à cette date (AAAA-MM-JJ)." };
        var readOnly = new Option<bool>("--lecteur-seul") { Description = "Mesure : lire et contrôler le fichier sans rien évaluer (le coût de la seule lecture, à comparer au calcul complet)." };
        var law = SharedOptions.Legislation();
        var cmd = new Command("simuler", "Évaluer un fichier d'effectifs : verdicts et montants par ligne, coût et bénéficiaires, et l'effet d'une réforme.")
        {
            input, period, scenario, output, synthesis, perMonth, strict, rejects, asOf, readOnly, law,
        };
        cmd.SetAction(parse =>
        {
            if (!MonthRange.TryParse(parse.GetValue(period), out var range, out var error)) throw new SegurException($"--periode : {error}");
            var lawAsOf = SharedOptions.ParseDate(parse.GetValue(asOf), "--droit-au");
            var source = SharedOptions.Source(parse.GetValue(law));
            var baseline = LegislationLoader.Load(source);
            var reform = parse.GetValue(scenario) is { } path ? LegislationLoader.Load(source, ReformSource.FromFile(path)) : null;
            if (parse.GetValue(readOnly))
            {
                var read = BatchRunner.ReadOnly(baseline, parse.GetValue(input)!);
                ctx.Error.WriteLine($"{Format.Integer(read.Rows)} lignes lues ({Format.Integer(read.Rejected)} rejetée{(read.Rejected > 1 ? "s" : "")}) en {Format.Number(Math.Round((decimal)read.Elapsed.TotalSeconds, 2))} s, sans évaluation.");
                return Cli.Ok;
            }
            var bar = new ProgressBar(ctx.Error);
            var options = new BatchOptions(parse.GetValue(input)!, range, lawAsOf, parse.GetValue(perMonth), parse.GetValue(strict),
                parse.GetValue(output), parse.GetValue(rejects));
            BatchResult result;
            try
            {
                result = BatchRunner.Run(baseline, reform, options, bar.Report);
            }
            finally
            {
                bar.Done();
            }
            if (parse.GetValue(synthesis) is { } s) AtomicFile.WriteAllText(s, SynthesisReport.Json(result));
            ctx.Out.Write(SynthesisReport.Text(result));
            ctx.Error.WriteLine($"{Format.Integer(result.RowsEvaluated)} lignes évaluées en {Format.Number(Math.Round((decimal)result.Elapsed.TotalSeconds, 2))} s ({Format.Integer(result.Classes)} profil{(result.Classes > 1 ? "s" : "")} distinct{(result.Classes > 1 ? "s" : "")}).");
            return Cli.Ok;
        });
        return cmd;
    }
}
