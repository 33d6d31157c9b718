using System.CommandLine;
using System.Security.Cryptography;
using Segur.Engine;
using Microsoft.Extensions.Hosting;
using Segur.Web;

namespace Segur.Cli;

/// <summary><c>segur serveur [--port N] [--donnees DOSSIER] [--jeton JETON] [--postgres CHAINE] [--sans-limites]</c>.</summary>
public static class ServerCommand
{
    public static Command Build(CommandContext ctx)
    {
        var port = new Option<int>("--port") { Description = "Port d'écoute sur 127.0.0.1.", DefaultValueFactory = _ => 8080 };
        var data = new Option<string?>("--donnees") { Description = "Dossier des données (base SQLite, fichiers téléversés) ; par défaut SEGUR_DATA, sinon ~/.local/share/segur." };
        var token = new Option<string?>("--jeton") { Description = "Jeton exigé pour écrire (enregistrer un calcul, téléverser un fichier) ; par défaut SEGUR_JETON, sinon un jeton aléatoire affiché au démarrage." };
        var pg = new Option<string?>("--postgres") { Description = "Chaîne de connexion PostgreSQL (par défaut SEGUR_POSTGRES) ; sans elle, SQLite dans le dossier des données." };
        var unbounded = new Option<bool>("--sans-limites") { Description = "Mesures de performance seulement : les calculs en attente ne sont plus refusés par 503 (file de 10 000, attente jusqu'à 10 s) ; les autres limites restent." };
        var cmd = new Command("serveur", "Démarrer le site et l'API web (http://127.0.0.1:PORT) : « Suis-je concerné ? », la législation, la simulation de réformes.")
        {
            port, data, token, pg, unbounded,
        };
        cmd.SetAction(parse =>
        {
            var p = parse.GetValue(port);
            if (p is < 1 or > 65535) throw new SegurException($"--port {p} : attendu un port entre 1 et 65535");
            var t = (parse.GetValue(token) ?? Environment.GetEnvironmentVariable("SEGUR_JETON"))?.Trim();
            var generated = string.IsNullOrEmpty(t);
            var options = new WebOptions
            {
                Port = p,
                DataFolder = Path.GetFullPath(parse.GetValue(data) ?? WebOptions.DefaultDataFolder()),
                Token = generated ? Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24)) : t!,
                PostgresConnection = parse.GetValue(pg) ?? Environment.GetEnvironmentVariable("SEGUR_POSTGRES"),
                Clock = ctx.Clock,
            };
            if (parse.GetValue(unbounded))
                options = options with { EvaluationQueueLimit = 10_000, EvaluationQueueTimeout = TimeSpan.FromSeconds(10) };
            var app = WebServer.Start(options);
            var store = options.PostgresConnection is { Length: > 0 } ? "PostgreSQL" : $"SQLite ({Path.Combine(options.DataFolder, "segur.db")})";
            ctx.Out.WriteLine($"segur serveur : {WebServer.Address(app)} — données : {options.DataFolder} — stockage : {store}");
            ctx.Out.WriteLine(generated
                ? $"Jeton d'écriture (généré pour cette session ; fixez-le avec --jeton ou SEGUR_JETON) : {options.Token}"
                : "Jeton d'écriture : celui fourni au démarrage.");
            ctx.Out.WriteLine("Arrêt : Ctrl+C.");
            ctx.Out.Flush();
            app.WaitForShutdown();
            return Cli.Ok;
        });
        return cmd;
    }
}
