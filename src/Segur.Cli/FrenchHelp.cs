using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;
using System.CommandLine.Parsing;
using System.Globalization;
using Segur.Engine;

namespace Segur.Cli;

/// <summary>
/// The help and the command-line errors of <c>segur</c>, in French. System.CommandLine 2.0.0 has no
/// public localization hook any more (its <c>LocalizationResources</c> and <c>HelpBuilder</c> are
/// internal since 2.0.0-beta5), its French resources miss several strings (« is required »,
/// « [default: …] », « Description: ») and are not loaded at all under invariant globalization. So the
/// help is rendered by our own action on the library's hook (<see cref="HelpOption.Action"/>), and errors
/// are described from the structure of the <see cref="ParseResult"/> (unmatched tokens, required options
/// and arguments, values that did not convert), never from the library's English text.
/// </summary>
public static class FrenchHelp
{
    /// <summary>Replaces the help action of every help option under <paramref name="root"/>.</summary>
    public static void Install(RootCommand root)
    {
        foreach (var o in root.Options)
        {
            if (o is HelpOption help)
            {
                help.Description = "Afficher l'aide et l'utilisation.";
                help.Action = new Action();
            }
            else if (o is VersionOption) o.Description = "Afficher la version.";
        }
    }

    /// <summary>The French messages of a failed parse: one line per problem, with a suggestion when a name was mistyped.</summary>
    public static IReadOnlyList<string> Errors(ParseResult parse)
    {
        var command = parse.CommandResult.Command;
        var messages = new List<string>();
        foreach (var token in parse.UnmatchedTokens)
        {
            var names = command.Subcommands.Select(c => c.Name).Concat(AllOptions(parse).SelectMany(o => o.Aliases.Prepend(o.Name)));
            messages.Add(token.StartsWith('-')
                ? $"option « {token} » inconnue de « {Path(parse)} »{Suggestions.Hint(token, names)}"
                : command.Subcommands.Count > 0 && command.Arguments.Count == 0
                    ? $"commande « {token} » inconnue{Suggestions.Hint(token, command.Subcommands.Select(c => c.Name))} ; les commandes : {string.Join(", ", command.Subcommands.Select(c => c.Name))}"
                    : $"argument « {token} » en trop pour « {Path(parse)} »{Suggestions.Hint(token, names)}");
        }
        foreach (var e in parse.Errors)
        {
            if (e.SymbolResult is OptionResult { Option: var option, IdentifierToken: not null } r && r.Tokens.Count > 0)
                messages.Add($"{option.Name} « {string.Join(" ", r.Tokens.Select(t => t.Value))} » : valeur invalide ; attendu {Expected(option.ValueType)}");
            else if (e.SymbolResult is ArgumentResult { Argument: var argument } a && a.Tokens.Count > 0)
                messages.Add($"<{argument.Name}> « {string.Join(" ", a.Tokens.Select(t => t.Value))} » : valeur invalide ; attendu {Expected(argument.ValueType)}");
        }
        foreach (var o in AllOptions(parse).Where(o => o.Required && parse.GetResult(o) is not { IdentifierToken: not null }))
            messages.Add($"option {o.Name} obligatoire manquante : {o.Description}");
        foreach (var a in command.Arguments.Where(a => a.Arity.MinimumNumberOfValues > 0 && !a.HasDefaultValue && (parse.GetResult(a)?.Tokens.Count ?? 0) == 0))
            messages.Add($"argument <{a.Name}> obligatoire manquant pour « {Path(parse)} » : {a.Description}");
        if (command.Subcommands.Count > 0 && command.Action is null && parse.UnmatchedTokens.Count == 0)
            messages.Add($"commande manquante ; attendu une commande parmi : {string.Join(", ", command.Subcommands.Select(c => c.Name))}");
        if (messages.Count == 0 && parse.Errors.Count > 0)
            messages.Add($"ligne de commande incorrecte pour « {Path(parse)} » ; voir « {Path(parse)} --help »");
        return messages.Distinct(StringComparer.Ordinal).ToList();
    }

    private static string Expected(Type type) => type switch
    {
        _ when type == typeof(int) || type == typeof(long) => "un nombre entier",
        _ when type == typeof(bool) => "true ou false",
        _ when type == typeof(decimal) || type == typeof(double) => "un nombre (point décimal : 0.8)",
        _ when type == typeof(DirectoryInfo) => "un dossier",
        _ when type == typeof(FileInfo) => "un fichier",
        _ => "une valeur de la forme indiquée par --help",
    };

    /// <summary>« segur verifier »: the command line up to the current command.</summary>
    private static string Path(ParseResult parse)
    {
        var names = new List<string>();
        for (var r = parse.CommandResult; r is not null; r = r.Parent as CommandResult)
            names.Insert(0, r.Parent is null ? "segur" : r.Command.Name);
        return string.Join(" ", names);
    }

    /// <summary>The options of the current command, and the recursive options of its parents (--help).</summary>
    private static IEnumerable<Option> AllOptions(ParseResult parse)
    {
        var own = parse.CommandResult.Command.Options;
        var inherited = new List<Option>();
        for (var r = parse.CommandResult.Parent as CommandResult; r is not null; r = r.Parent as CommandResult)
            inherited.AddRange(r.Command.Options.Where(o => o.Recursive));
        return own.Concat(inherited.Where(o => !own.Contains(o)));
    }

    private sealed class Action : SynchronousCommandLineAction
    {
        public override bool ClearsParseErrors => true;

        public override int Invoke(ParseResult parse)
        {
            var w = parse.InvocationConfiguration.Output;
            var command = parse.CommandResult.Command;
            if (!string.IsNullOrEmpty(command.Description))
            {
                w.WriteLine("Description :");
                w.WriteLine("  " + command.Description);
                w.WriteLine();
            }
            var usage = Path(parse);
            foreach (var a in command.Arguments) usage += a.Arity.MinimumNumberOfValues > 0 && !a.HasDefaultValue ? $" <{a.Name}>" : $" [<{a.Name}>]";
            if (command.Subcommands.Count > 0) usage += " [commande]";
            w.WriteLine("Utilisation :");
            w.WriteLine($"  {usage} [options]");
            Section(w, "Arguments :", command.Arguments.Select(a => ($"<{a.Name}>", Describe(a.Description, false, a.HasDefaultValue ? a.GetDefaultValue() : null))));
            Section(w, "Options :", AllOptions(parse).Where(o => !o.Hidden).Select(o => (Names(o), Describe(o.Description, o.Required, DefaultOf(o)))));
            Section(w, "Commandes :", command.Subcommands.Where(c => !c.Hidden).Select(c => (c.Name + string.Concat(c.Arguments.Select(a => $" <{a.Name}>")), c.Description ?? "")));
            return Cli.Ok;
        }

        private static object? DefaultOf(Option o) =>
            o.HasDefaultValue && o.GetDefaultValue() is { } v && !(v is false) ? v : null;

        private static string Names(Option o)
        {
            var names = o.Aliases.Prepend(o.Name).Where(n => !n.StartsWith('/')).Distinct().OrderBy(n => n.StartsWith("--", StringComparison.Ordinal) ? 1 : 0).ThenBy(n => n, StringComparer.Ordinal);
            var text = string.Join(", ", names);
            return o.ValueType == typeof(bool) || o is HelpOption or VersionOption ? text : $"{text} <{o.HelpName ?? o.Name.TrimStart('-')}>";
        }

        private static string Describe(string? description, bool required, object? defaultValue)
        {
            var text = description ?? "";
            if (required) text += " (obligatoire)";
            if (defaultValue is not null) text += $" [par défaut : {Convert.ToString(defaultValue, CultureInfo.InvariantCulture)}]";
            return text.Trim();
        }

        private static void Section(TextWriter w, string title, IEnumerable<(string Left, string Right)> rows)
        {
            var list = rows.ToList();
            if (list.Count == 0) return;
            w.WriteLine();
            w.WriteLine(title);
            var width = list.Max(r => r.Left.Length) + 2;
            foreach (var (left, right) in list) w.WriteLine($"  {left.PadRight(width)}{right}".TrimEnd());
        }
    }
}
