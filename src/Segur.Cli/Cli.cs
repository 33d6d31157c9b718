using System.CommandLine;
using System.Globalization;
using Segur.Engine;

namespace Segur.Cli;

/// <summary>
/// The <c>segur</c> command. Exit codes: 0 success, 1 failed legal cases or internal error, 2 bad input
/// (file, option, profile, legislation), always with a French message and never a stack trace.
/// </summary>
public static class Cli
{
    public const int Ok = 0;
    public const int Failure = 1;
    public const int BadInput = 2;

    public static int Run(string[] args, TextWriter stdout, TextWriter stderr, TimeProvider clock)
    {
        TrySetFrenchUi();

        var root = new RootCommand("segur : moteur et simulateur des revalorisations du Ségur (CTI, primes et indemnités Ségur), chaque verdict expliqué et référencé.");
        FrenchHelp.Install(root);
        var context = new CommandContext(stdout, stderr, clock);
        root.Subcommands.Add(VerifyCommand.Build(context));
        root.Subcommands.Add(CasesCommand.Build(context));
        root.Subcommands.Add(LegislationCommand.Build(context));
        root.Subcommands.Add(QuestionCommand.Build(context));
        root.Subcommands.Add(SimulateCommand.Build(context));
        root.Subcommands.Add(PopulationCommand.Build(context));
        root.Subcommands.Add(BenchCommand.Build(context));
        root.Subcommands.Add(ServerCommand.Build(context));
        root.Subcommands.Add(CareerCommand.Build(context));

        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var e in FrenchHelp.Errors(parse)) stderr.WriteLine($"erreur : {e}");
            stderr.WriteLine("Aide : segur --help, ou segur <commande> --help.");
            return BadInput;
        }
        try
        {
            return parse.Invoke(new InvocationConfiguration { Output = stdout, Error = stderr, EnableDefaultExceptionHandler = false });
        }
        catch (SegurException e)
        {
            stderr.WriteLine($"erreur : {e.Message}");
            foreach (var d in e.Details.Take(50)) stderr.WriteLine($"erreur : {d}");
            if (e.Details.Count > 50) stderr.WriteLine($"… et {e.Details.Count - 50} autres erreurs.");
            return BadInput;
        }
        catch (IOException e)
        {
            stderr.WriteLine($"erreur : lecture ou écriture impossible : {e.Message}");
            return BadInput;
        }
        catch (UnauthorizedAccessException e)
        {
            stderr.WriteLine($"erreur : accès refusé : {e.Message}");
            return BadInput;
        }
        catch (Exception e) when (Environment.GetEnvironmentVariable("SEGUR_DEBUG") is null)
        {
            stderr.WriteLine($"erreur interne ({e.GetType().Name}) : {e.Message}");
            stderr.WriteLine("Merci de signaler ce problème avec la commande et le fichier utilisés (SEGUR_DEBUG=1 affiche le détail technique).");
            return Failure;
        }
    }

    private static void TrySetFrenchUi()
    {
        try
        {
            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("fr-FR");
        }
        catch (CultureNotFoundException)
        {
            // Invariant-globalization hosts: help texts stay in the library's default language.
        }
    }
}

/// <summary>What every command needs: where to write, and the clock (only for the default period).</summary>
public sealed record CommandContext(TextWriter Out, TextWriter Error, TimeProvider Clock);
