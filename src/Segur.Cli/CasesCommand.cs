using System.CommandLine;
using Segur.Engine;
using Segur.Engine.Cases;
using Segur.Engine.Evaluation;
using Segur.Engine.Law;

namespace Segur.Cli;

/// <summary><c>segur cas [dossier]</c>: runs the legal case files and lists every difference.</summary>
public static class CasesCommand
{
    public static Command Build(CommandContext ctx)
    {
        var dir = new Argument<string?>("dossier") { Description = "Dossier des cas juridiques ; par défaut les cas de --legislation (son dossier cases/), sinon les cas intégrés à segur.", Arity = ArgumentArity.ZeroOrOne };
        var law = SharedOptions.Legislation();
        var cmd = new Command("cas", "Rejouer les cas juridiques (profil, mois, verdict, montant et raisons attendus) et signaler chaque écart.") { dir, law };
        cmd.SetAction(parse =>
        {
            var legislation = SharedOptions.LoadLaw(parse.GetValue(law));

            var lawDir = parse.GetValue(law);
            var cases = parse.GetValue(dir) is { } folder ? CaseFileReader.ReadDirectory(folder)
                : lawDir is not null ? CaseFileReader.ReadDirectory(Path.Combine(lawDir.FullName, "cases"))
                : CaseFileReader.Read(new EmbeddedLegislation());
            var checker = new CaseChecker(new Evaluator(legislation));
            var failed = 0;
            foreach (var c in cases)
            {
                var problems = checker.Check(c);
                if (problems.Count == 0) continue;
                failed++;
                ctx.Out.WriteLine($"ÉCHEC {c.Id} ({c.File}, ligne {c.Line}) : {c.Title}");
                foreach (var p in problems) ctx.Out.WriteLine($"  - {p}");
            }
            ctx.Out.WriteLine($"{cases.Count} cas, {cases.Count - failed} conformes, {failed} en échec.");
            return failed == 0 ? Cli.Ok : Cli.Failure;
        });
        return cmd;
    }
}
