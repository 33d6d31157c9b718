using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;

namespace Segur.Web.Tests;

/// <summary>The server's class memo (<c>LawService.Decisions</c>): one decision per class, amounts per profile.</summary>
public sealed class ClassMemoApiTests : IAsyncLifetime
{
    private TestSite _site = null!;

    public Task InitializeAsync()
    {
        _site = new TestSite();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _site.DisposeAsync();

    private static string Nurse(string quotite, string partTime) =>
        """{"employeur": {"secteur": "public", "versant": "FPH", "structure": "etablissement_public_sante", "departement": "69"}, "emploi": {"profession": "infirmier", "statut": "titulaire", "quotite": @Q@@T@}, "periode": {"debut": "2023-01", "fin": "2023-03"}}"""
            .Replace("@T@", partTime).Replace("@Q@", quotite);

    private async Task<JsonElement> Verify(string body)
    {
        var r = await _site.Client.PostAsync("/api/verifier?explication=aucune", new StringContent(body, Encoding.UTF8, "application/json"));
        var text = await r.Content.ReadAsStringAsync();
        Assert.True(r.IsSuccessStatusCode, text);
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    [Fact]
    public async Task ProfilesDifferingByWorkingTime_ShareTheClass_AndGetTheirOwnAmounts()
    {
        var decisions = _site.App.Services.GetRequiredService<LawService>().Decisions;
        var full = await Verify(Nurse("1", ""));
        var classes = decisions.Count;
        var months = decisions.Months;
        Assert.True(classes >= 3, $"{classes} classes pour 3 mois");
        var half = await Verify(Nurse("0.5", ""));
        var partTime = await Verify(Nurse("0.8", ", \"temps_partiel\": true"));
        Assert.Equal(classes, decisions.Count); // same decisions: quotité and temps partiel only scale the amount
        Assert.Equal(months + 6, decisions.Months); // but two new sets of facts, each finished for 3 months
        decimal Gross(JsonElement e) => e.GetProperty("mois")[0].GetProperty("montant_brut").GetDecimal();
        Assert.True(full.GetProperty("mois")[0].GetProperty("eligible").GetBoolean());
        Assert.InRange(Math.Abs(Gross(half) * 2 - Gross(full)), 0m, 0.01m);
        Assert.NotEqual(Gross(full), Gross(half));
        // 80 % part time is paid 6/7 in the fonction publique hospitalière (docs/profil.md).
        Assert.InRange(Math.Abs(Gross(partTime) * 7 - Gross(full) * 6), 0m, 0.07m);
    }
}
