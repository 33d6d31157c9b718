using Segur.Batch;
using System.CommandLine;
using System.Text;
using Segur.Careers;
using Segur.Engine;
using Segur.Engine.Law;
using Segur.Engine.Time;

namespace Segur.Cli;

/// <summary>
/// <c>segur carriere --grille ucanss:niveau-5 --grille fpt:assistant-socio-educatif [--debut AAAA-MM]
/// [--annees N] [--format texte|json] [--graphique fichier.svg] [--scenario reforme.yaml]</c>: careers on
/// pay grids side by side, year by year, with the Ségur amount of the rules engine, the gaps and a verdict on
/// the claims of the written questions.
/// </summary>
public static class CareerCommand
{
    public static Command Build(CommandContext ctx)
    {
        var grids = new Option<string[]>("--grille", "-g")
        {
            Description = "Grille de carrière famille:grille, à répéter ; la première est la référence des écarts (ex. ucanss:niveau-5, fpt:assistant-socio-educatif, fph:assistant-socio-educatif, ucanss:niveau-6, ccn66:assistant-service-social).",
            Arity = ArgumentArity.OneOrMore,
            HelpName = "famille:grille",
        };
        var start = new Option<string?>("--debut") { Description = "Premier mois de la carrière, AAAA-MM (par défaut : le mois courant).", HelpName = "AAAA-MM" };
        var years = new Option<string?>("--annees") { Description = $"Durée de la carrière en années, de 1 à {CareerRequest.MaxYears} (par défaut : {CareerRequest.DefaultYears}).", HelpName = "N" };
        var format = SharedOptions.Format();
        var chart = new Option<string?>("--graphique") { Description = "Écrire aussi un graphique SVG des carrières dans ce fichier (écriture atomique).", HelpName = "fichier.svg" };
        var scenario = new Option<string?>("--scenario") { Description = "Appliquer une réforme simulée (fichier YAML, ex. legislation/reforms/extension-securite-sociale.yaml) : le montant Ségur de chaque grille en tient compte.", HelpName = "reforme.yaml" };
        var output = new Option<string?>("--sortie", "-o") { Description = "Écrire le rapport dans ce fichier (écriture atomique) plutôt que sur la sortie standard." };
        var law = SharedOptions.Legislation();
        var cmd = new Command("carriere", "Comparer des carrières sur des grilles de rémunération (organismes de sécurité sociale, FPT, FPH, CCN 66), année par année, avec le Ségur du moteur de règles, les écarts et un verdict sur les affirmations des questions écrites.")
        {
            grids, start, years, format, chart, scenario, output, law,
        };
        cmd.SetAction(parse =>
        {
            var json = SharedOptions.IsJson(parse.GetValue(format));
            var today = ParisClock.CurrentMonth(ctx.Clock);
            var request = CareerRequest.Parse(parse.GetValue(grids), parse.GetValue(start), parse.GetValue(years), today);
            var source = SharedOptions.Source(parse.GetValue(law));
            var reform = parse.GetValue(scenario) is { } file ? ReformSource.FromFile(file) : null;
            var legislation = LegislationLoader.Load(source, reform);
            var catalog = GridLoader.Load(source, legislation);
            var result = CareerComparison.Run(legislation, catalog, request);
            var rendered = json ? CareerJson.Write(result) + "\n" : CareerText.Write(result);
            if (parse.GetValue(chart) is { } svg)
            {
                AtomicFile.WriteAllText(svg, CareerSvg.Write(result));
                ctx.Error.WriteLine($"Graphique écrit dans {svg}.");
            }
            if (parse.GetValue(output) is { } path)
            {
                AtomicFile.WriteAllText(path, rendered);
                ctx.Error.WriteLine($"Rapport écrit dans {path}.");
            }
            else ctx.Out.Write(rendered);
            return Cli.Ok;
        });
        return cmd;
    }
}
