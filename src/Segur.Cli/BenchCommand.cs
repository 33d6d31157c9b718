using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Segur.Batch;
using Segur.Engine;
using Segur.Engine.Time;

namespace Segur.Cli;

/// <summary><c>segur bench --personnes N [--format json]</c>: throughput figures, never a pass/fail.</summary>
public static class BenchCommand
{
    public static Command Build(CommandContext ctx)
    {
        var persons = new Option<long>("--personnes", "-n") { Description = "Nombre de personnes tirées de la population nationale (par défaut 1 000 000).", DefaultValueFactory = _ => 1_000_000 };
        var period = new Option<string>("--periode", "-p") { Description = "Mois évalués (par défaut 2024-01..2024-12).", DefaultValueFactory = _ => "2024-01..2024-12" };
        var endToEnd = new Option<bool>("--sans-fichiers") { Description = "Ne mesurer que l'évaluation en mémoire (pas de CSV ni de Parquet)." };
        var format = SharedOptions.Format();
        var cmd = new Command("bench", "Mesurer le débit du moteur de masse : personnes-mois par seconde en mémoire sur un cœur et sur tous, puis lignes par seconde de bout en bout (CSV, Parquet).")
        {
            persons, period, endToEnd, format,
        };
        cmd.SetAction(parse =>
        {
            var json = SharedOptions.IsJson(parse.GetValue(format));
            if (!MonthRange.TryParse(parse.GetValue(period), out var range, out var error)) throw new SegurException($"--periode : {error}");
            var n = parse.GetValue(persons);
            if (n <= 0 || n > 50_000_000) throw new SegurException($"--personnes {n} : attendu entre 1 et 50 000 000");
            var law = SharedOptions.LoadLaw(null);
            var f = BatchBench.Run(law, n, range, Path.GetTempPath(), !parse.GetValue(endToEnd));
            if (json)
            {
                ctx.Out.WriteLine(JsonSerializer.Serialize(new Dictionary<string, object>
                {
                    ["per_second"] = Math.Round(f.PerSecond),
                    ["per_second_quotites_aleatoires"] = Math.Round(f.PerSecondRandomQuotites),
                    ["per_second_quotites_aleatoires_cpu"] = double.IsNaN(f.CpuPerSecondRandomQuotites) ? 0 : Math.Round(f.CpuPerSecondRandomQuotites),
                    ["per_second_quotites_aleatoires_memoire_vide"] = Math.Round(f.ColdMemoPerSecondRandomQuotites),
                    ["fils"] = f.Threads,
                    ["per_second_tous_coeurs_quotites_aleatoires"] = Math.Round(f.AllCoresPerSecondRandomQuotites),
                    ["passages_medians"] = f.Passes,
                    ["total_centimes_quotites_aleatoires"] = f.ChecksumCents,
                    ["personnes"] = f.Persons,
                    ["mois"] = f.Months,
                    ["personnes_mois"] = f.Persons * f.Months,
                    ["secondes_memoire"] = Math.Round(f.InMemorySeconds, 4),
                    ["profils_distincts"] = f.Classes,
                    ["csv_lignes_par_seconde"] = Math.Round(f.CsvRowsPerSecond),
                    ["csv_secondes"] = Math.Round(f.CsvSeconds, 3),
                    ["parquet_lignes_par_seconde"] = Math.Round(f.ParquetRowsPerSecond),
                    ["parquet_secondes"] = Math.Round(f.ParquetSeconds, 3),
                    ["memoire_max_octets"] = f.PeakMemoryBytes,
                }));
            }
            else
            {
                ctx.Out.WriteLine($"En mémoire, un cœur : {Format.Integer(f.Persons * f.Months)} personnes-mois en {f.InMemorySeconds.ToString("0.000", CultureInfo.InvariantCulture)} s, soit {Format.Integer((long)f.PerSecond)} par seconde ({f.Classes} profils distincts).");
                ctx.Out.WriteLine($"Avec des quotités tirées entre 50 % et 100 % (comme les moteurs de comparaison) : {Format.Integer((long)f.PerSecondRandomQuotites)} personnes-mois par seconde"
                    + (double.IsNaN(f.CpuPerSecondRandomQuotites) ? "" : $" ({Format.Integer((long)f.CpuPerSecondRandomQuotites)} rapportés au temps CPU du fil)")
                    + $" ; premier passage, lignes pas encore mémorisées : {Format.Integer((long)f.ColdMemoPerSecondRandomQuotites)}.");
                if (f.Threads > 1) ctx.Out.WriteLine($"Sur {f.Threads} cœurs, quotités tirées : {Format.Integer((long)f.AllCoresPerSecondRandomQuotites)} personnes-mois par seconde.");
                ctx.Out.WriteLine($"Médianes de {f.Passes} passages ; total des montants à quotités tirées : {Format.Integer(f.ChecksumCents / 100)} €.");
                if (f.CsvSeconds > 0) ctx.Out.WriteLine($"CSV de bout en bout : {Format.Integer((long)f.CsvRowsPerSecond)} lignes par seconde ({f.Months} mois par ligne).");
                if (f.ParquetSeconds > 0) ctx.Out.WriteLine($"Parquet de bout en bout : {Format.Integer((long)f.ParquetRowsPerSecond)} lignes par seconde.");
                ctx.Out.WriteLine($"Mémoire maximale du processus : {Format.Integer(f.PeakMemoryBytes / (1 << 20))} Mo (population en mémoire comprise).");
            }
            return Cli.Ok;
        });
        return cmd;
    }
}
