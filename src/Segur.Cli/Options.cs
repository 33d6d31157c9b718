using System.CommandLine;
using System.Globalization;
using Segur.Engine;
using Segur.Engine.Law;

namespace Segur.Cli;

/// <summary>Options shared by several commands, and their parsing into engine values.</summary>
public static class SharedOptions
{
    public static Option<DirectoryInfo?> Legislation() => new("--legislation")
    {
        Description = "Dossier de législation à utiliser au lieu de la législation intégrée (ex. legislation/).",
    };

    public static Option<string?> Format() => new("--format", "-f")
    {
        Description = "Format de sortie : texte (par défaut) ou json.",
    };

    public static ILegislationSource Source(DirectoryInfo? dir) =>
        dir is null ? new EmbeddedLegislation() : new DirectoryLegislation(dir.FullName);

    public static Legislation LoadLaw(DirectoryInfo? dir) => LegislationLoader.Load(Source(dir));

    /// <summary>Whether <c>--format</c> asks for JSON; the name is read whatever its case (« JSON », « Texte »).</summary>
    public static bool IsJson(string? format) => format?.Trim().ToLowerInvariant() switch
    {
        "json" => true,
        null or "texte" or "text" => false,
        _ => throw new SegurException($"--format « {format} » inconnu{Suggestions.Hint(format!.Trim(), ["texte", "json"])} ; attendu texte ou json"),
    };

    public static DateOnly? ParseDate(string? text, string option)
    {
        if (text is null) return null;
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)) return d;
        throw new SegurException($"{option} « {text} » invalide ; attendu une date AAAA-MM-JJ (ex. 2021-01-31)");
    }
}
