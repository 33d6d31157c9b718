namespace Segur.Cli.Tests;

public sealed class ServerCommandTests
{
    private static (int Code, string Out, string Err) Run(params string[] args) => CliRunner.Run(args);

    [Fact]
    public void Serveur_IsACommandOfSegur()
    {
        var (code, o, _) = Run("serveur", "--help");
        Assert.Equal(0, code);
        Assert.Contains("--port", o);
        Assert.Contains("--jeton", o);
        Assert.Contains("--donnees", o);
    }

    [Theory]
    [InlineData("--port", "70000", "--port 70000 : attendu un port entre 1 et 65535")]
    [InlineData("--jeton", "court", "jeton d'écriture trop court (5 caractères) ; attendu au moins 16 caractères")]
    public void Serveur_BadOption_IsRefusedInFrench(string option, string value, string message)
    {
        var (code, _, e) = Run("serveur", option, value, "--donnees", Path.Combine(Path.GetTempPath(), "segur-cmd-" + Guid.NewGuid().ToString("N")));
        Assert.Equal(2, code);
        Assert.Contains("erreur : " + message, e);
    }

    [Fact]
    public void Serveur_PortInUse_IsRefusedInFrench()
    {
        using var l = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        l.Start();
        var port = ((System.Net.IPEndPoint)l.LocalEndpoint).Port;
        var dir = Directory.CreateTempSubdirectory("segur-cmd-").FullName;
        try
        {
            var (code, _, e) = Run("serveur", "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--donnees", dir, "--jeton", "jeton-de-test-0123456789abcdef");
            Assert.Equal(2, code);
            Assert.Contains($"impossible d'écouter sur 127.0.0.1:{port}", e);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(dir, recursive: true);
        }
    }
}
