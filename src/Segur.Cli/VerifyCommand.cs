using Segur.Batch;
using System.CommandLine;
using System.Text;
using Segur.Engine;
using Segur.Engine.Evaluation;
using Segur.Engine.Profiles;
using Segur.Reports;
using Segur.Engine.Time;

namespace Segur.Cli;

/// <summary><c>segur verifier profil.json --periode 2020-09..2026-12 [--droit-au DATE] [--format json]</c>.</summary>
public static class VerifyCommand
{
    public static Command Build(CommandContext ctx)
    {
        var profile = new Argument<string>("profil") { Description = "Fichier JSON du profil (schéma legislation/profile.schema.json), ou - pour l'entrée standard." };
        var period = new Option<string?>("--periode", "-p") { Description = "Mois évalués : AAAA-MM ou AAAA-MM..AAAA-MM (par défaut : periode du profil, sinon le mois courant)." };
        var asOf = new Option<string?>("--droit-au") { Description = "Appliquer le droit tel que publié à cette date (AAAA-MM-JJ) ; par défaut, le droit connu aujourd'hui." };
        var format = new Option<string?>("--format", "-f") { Description = "Format de sortie : texte (par défaut), json (contrat compact, version 2) ou json-v1 (ancien contrat, maintenu une version)." };
        var explanation = new Option<string?>("--explication") { Description = "Avec --format json : détail de l'explication, aucune, resume (par défaut) ou complete." };
        var all = new Option<bool>("--toutes-mesures") { Description = "Expliquer toutes les mesures, y compris celles d'autres secteurs." };
        var detail = new Option<bool>("--detail") { Description = "Rapport texte : ajouter l'explication critère par critère (par défaut : le motif décisif, les textes et les montants)." };
        var paidFrom = new Option<string?>("--verse-depuis") { Description = "Mois (AAAA-MM) à partir duquel l'employeur verse effectivement la mesure : donne les mois et montants restant dus avant lui." };
        var letter = new Option<string?>("--lettre") { Description = "Avec --verse-depuis : écrire dans ce fichier HTML la lettre de demande de régularisation à l'employeur (imprimable)." };
        var output = new Option<string?>("--sortie", "-o") { Description = "Écrire le résultat dans ce fichier (écriture atomique) plutôt que sur la sortie standard." };
        var law = SharedOptions.Legislation();
        var cmd = new Command("verifier", "Vérifier l'éligibilité d'un travailleur aux mesures Ségur, mois par mois, avec le montant et les raisons.")
        {
            profile, period, asOf, format, explanation, all, detail, paidFrom, letter, output, law,
        };
        cmd.SetAction(parse =>
        {
            var kind = FormatOf(parse.GetValue(format));
            var json = kind != OutputKind.Text;
            var level = LevelOf(parse.GetValue(explanation), kind);
            var lawAsOf = SharedOptions.ParseDate(parse.GetValue(asOf), "--droit-au");
            var legislation = SharedOptions.LoadLaw(parse.GetValue(law));
            var path = parse.GetValue(profile)!;
            string text;
            if (path == "-") text = Console.In.ReadToEnd();
            else if (!File.Exists(path)) throw new SegurException($"{path} : fichier de profil introuvable");
            else text = File.ReadAllText(path);
            var p = ProfileSuggestions.Read(new ProfileReader(legislation), legislation, text, path == "-" ? "entrée standard" : path);
            var range = Range(parse.GetValue(period), p, ctx.Clock);
            YearMonth? paid = null;
            if (parse.GetValue(paidFrom) is { } pf)
            {
                if (!YearMonth.TryParse(pf, out var ym)) throw new SegurException($"--verse-depuis « {pf} » invalide ; attendu un mois AAAA-MM (ex. 2022-01)");
                paid = ym;
            }
            var result = new Evaluator(legislation).Evaluate(p, range, lawAsOf, paid);
            if (parse.GetValue(letter) is { } letterFile)
            {
                if (result.Arrears is not { } owed) throw new SegurException("--lettre : attendu aussi --verse-depuis AAAA-MM (le mois à partir duquel l'employeur verse la mesure)");
                if (owed.Months.Count == 0) throw new SegurException($"--lettre : rien ne reste dû avant {Format.Month(owed.PaidFrom)} sur la période ; aucune lettre écrite");
                AtomicFile.WriteAllText(letterFile, ArrearsLetter.Document(result, owed));
                ctx.Error.WriteLine($"Lettre écrite dans {letterFile}.");
            }
            var rendered = kind switch
            {
                OutputKind.Json => CompactJsonReport.Write(result, level, parse.GetValue(all)),
                OutputKind.JsonV1 => JsonReport.Write(result, parse.GetValue(all)),
                _ => TextReport.Write(result, parse.GetValue(all), parse.GetValue(detail)),
            };
            if (parse.GetValue(output) is { } file)
            {
                AtomicFile.WriteAllText(file, rendered);
                ctx.Error.WriteLine($"Résultat écrit dans {file}.");
            }
            else
            {
                ctx.Out.Write(rendered);
                if (json) ctx.Out.WriteLine();
            }
            return Cli.Ok;
        });
        return cmd;
    }

    private enum OutputKind { Text, Json, JsonV1 }

    private static OutputKind FormatOf(string? format) => format?.Trim().ToLowerInvariant() switch
    {
        null or "texte" or "text" => OutputKind.Text,
        "json" => OutputKind.Json,
        "json-v1" => OutputKind.JsonV1,
        _ => throw new SegurException($"--format « {format} » inconnu{Suggestions.Hint(format!.Trim(), ["texte", "json", "json-v1"])} ; attendu texte, json ou json-v1"),
    };

    private static ExplanationLevel LevelOf(string? text, OutputKind kind)
    {
        if (text is null) return ExplanationLevel.Summary;
        if (kind != OutputKind.Json) throw new SegurException("--explication : seulement avec --format json (le contrat compact, version 2)");
        return CompactJsonReport.Parse(text)
            ?? throw new SegurException($"--explication « {text} » inconnue{Suggestions.Hint(text.Trim(), ["aucune", "resume", "complete"])} ; attendu aucune, resume ou complete");
    }

    private static MonthRange Range(string? option, Profile p, TimeProvider clock)
    {
        if (option is not null)
        {
            if (!MonthRange.TryParse(option, out var r, out var error)) throw new SegurException($"--periode : {error}");
            return r;
        }
        if (p.Periode is { } fromProfile) return fromProfile;
        var month = ParisClock.CurrentMonth(clock);
        return new MonthRange(month, month);
    }
}
