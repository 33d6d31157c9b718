using System.CommandLine;
using System.Security.Cryptography;
using Segur.Engine;

namespace Segur.Web;

/// <summary><c>segur serveur [--port N] [--donnees DOSSIER] [--jeton JETON] [--postgres CHAINE]</c>.</summary>
public static class ServerCommand
{
    public static Command Build(TextWriter stdout, TextWriter stderr)
    {
        var port = new Option<int>("--port") { Description = "Port d'écoute sur 127.0.0.1 (par défaut 8080).", DefaultValueFactory = _ => 8080 };
        var data = new Option<string?>("--donnees") { Description = "Dossier des données (base SQLite, fichiers téléversés) ; par défaut SEGUR_DATA, sinon ~/.local/share/segur." };
        var token = new Option<string?>("--jeton") { Description = "Jeton exigé pour écrire (enregistrer un calcul, téléverser un fichier) ; par défaut SEGUR_JETON, sinon un jeton aléatoire affiché au démarrage." };
        var pg = new Option<string?>("--postgres") { Description = "Chaîne de connexion PostgreSQL (par défaut SEGUR_POSTGRES) ; sans elle, SQLite dans le dossier des données." };
        var cmd = new Command("serveur", "Démarrer le site et l'API web (http://127.0.0.1:PORT) : « Suis-je concerné ? », la législation, la simulation de réformes.")
        {
            port, data, token, pg,
        };
        cmd.SetAction(parse =>
        {
            var p = parse.GetValue(port);
            if (p is < 1 or > 65535) throw new SegurException($"--port {p} : attendu un port entre 1 et 65535");
            var generated = false;
            var t = parse.GetValue(token) ?? Environment.GetEnvironmentVariable("SEGUR_JETON");
            if (string.IsNullOrWhiteSpace(t))
            {
                t = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));
                generated = true;
            }
            else if (t.Trim().Length < 16) throw new SegurException("--jeton : jeton trop court ; attendu au moins 16 caractères");
            var options = new WebOptions
            {
                Port = p,
                DataFolder = Path.GetFullPath(parse.GetValue(data) ?? WebOptions.DefaultDataFolder()),
                Token = t.Trim(),
                PostgresConnection = parse.GetValue(pg) ?? Environment.GetEnvironmentVariable("SEGUR_POSTGRES"),
            };
            WebApplication app;
            try
            {
                app = WebServer.Build(options);
                app.Start();
            }
            catch (IOException e)
            {
                throw new SegurException($"--port {p} : impossible d'écouter sur 127.0.0.1:{p} ({e.Message})");
            }
            catch (Npgsql.NpgsqlException e)
            {
                throw new SegurException($"--postgres : connexion à PostgreSQL impossible ({e.Message})");
            }
            var store = options.PostgresConnection is { Length: > 0 } ? "PostgreSQL" : $"SQLite ({Path.Combine(options.DataFolder, "segur.db")})";
            stdout.WriteLine($"segur serveur : {WebServer.Address(app)} — données : {options.DataFolder} — stockage : {store}");
            stdout.WriteLine(generated
                ? $"Jeton d'écriture (généré pour cette session ; fixez-le avec --jeton ou SEGUR_JETON) : {options.Token}"
                : "Jeton d'écriture : celui fourni au démarrage.");
            stdout.WriteLine("Arrêt : Ctrl+C.");
            stdout.Flush();
            app.WaitForShutdown();
            return 0;
        });
        return cmd;
    }
}
