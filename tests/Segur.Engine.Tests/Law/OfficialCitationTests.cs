using System.Text;
using System.Text.RegularExpressions;
using Segur.Engine.Law;
using Xunit.Abstractions;

namespace Segur.Engine.Tests.Law;

/// <summary>
/// Citations a lawyer can follow (issue 10): every text of a nature that is published officially (law,
/// ordinance, decree, arrêté, code article, court decision) must carry its official address, and a verified
/// Journal officiel date when it was published there (or a <c>publication</c> sentence saying why there is
/// none). Secondary pages belong in <c>voir_aussi</c>.
/// </summary>
/// <remarks>
/// Asserted on every catalogue. The texts whose official address or JO date could not be read in the stored
/// sources are named once, with the reason, in <see cref="KnownGaps"/>; fixing one fails the test until its
/// entry is removed, so the list only shrinks.
/// </remarks>
public sealed class OfficialCitationTests(ITestOutputHelper output)
{
    /// <summary>
    /// The allow-list of official publishers, in one place: a host (and its subdomains), optionally with a
    /// path prefix. Légifrance (JORF, LEGI, KALI, ACCO, circulaires), circulaires.gouv.fr, the two supreme
    /// courts, the Journal officiel site (BOCC), the bulletins officiels of the social ministries and the
    /// Bulletin officiel de la sécurité sociale.
    /// </summary>
    public static readonly IReadOnlyList<(string Host, string PathPrefix)> OfficialPublishers =
    [
        ("legifrance.gouv.fr", "/"),
        ("circulaires.gouv.fr", "/"),
        ("conseil-constitutionnel.fr", "/"),
        ("conseil-etat.fr", "/"),
        ("journal-officiel.gouv.fr", "/"),
        ("solidarites-sante.gouv.fr", "/fichiers/bo"),
        ("sante.gouv.fr", "/fichiers/bo"),
        ("solidarites.gouv.fr", "/fichiers/bo"),
        ("travail-emploi.gouv.fr", "/fichiers/bo"),
        ("boss.gouv.fr", "/"),
    ];

    /// <summary>
    /// For an agreement, a unilateral decision or an employers' recommendation that is not on Légifrance
    /// (KALI, ACCO), the signatory's own publication is the official text: the sites of the signatories.
    /// Used for the information part of the report only.
    /// </summary>
    public static readonly IReadOnlyList<string> SignatoryPublishers =
        ["ucanss.fr", "nexem.fr", "fehap.fr", "axess.fr", "unicancer.fr", "fhp.fr", "synerpa.fr", "croix-rouge.fr"];

    /// <summary>Natures whose official publication is a public register (JO, code, court).</summary>
    private static readonly HashSet<string> OfficialNatures = ["loi", "ordonnance", "decret", "arrete", "code", "decision_justice"];

    /// <summary>Natures published in the Journal officiel: a <c>publie_le</c> is expected.</summary>
    private static readonly HashSet<string> JoNatures = ["loi", "ordonnance", "decret", "arrete"];

    /// <summary>Wordings of a <c>publication</c> sentence that admit the JO date was not checked (not a reason for its absence).</summary>
    private static readonly string[] UnverifiedMarkers =
        ["non vérifi", "non relev", "non établi", "non confirm", "non lu", "pas été lu", "pas été relev", "pas été vérifi", "à relever", "inconnu"];

    /// <summary>Catalogues of the citations branch, and its three entries of <c>references.yaml</c>.</summary>

    /// <summary>
    /// Texts of the citations branch whose official address is known but whose Journal officiel date could
    /// not be read in the stored sources: each stays listed (and reported) until the date is read on
    /// Légifrance. The test fails if one of them is fixed and not removed from here.
    /// </summary>
    /// <summary>Texts whose official address or JO date was not found in the stored sources, and why.</summary>
    private static readonly IReadOnlyDictionary<string, string> KnownGaps = new Dictionary<string, string>
    {
        ["decret-2010-1749"] = "date du JO (fin décembre 2010) non lue ; adresse Légifrance connue",
        ["decret-2012-1507"] = "date du JO (fin décembre 2012) non lue ; adresse Légifrance connue",
        ["decret-2025-1341"] = "date du JO (fin décembre 2025) non lue ; adresse Légifrance connue",
        ["decret-62-765"] = "date du JO non lue (intitulé « du 6 » ou « du 8 juillet 1962 » selon les sources) ; contenu de l'art. 1er sûr",
        ["ordonnance-82-296"] = "date du JO non lue (entrée en vigueur le 2 avril 1982)",
        ["decret-85-1148"] = "date du JO non lue (entrée en vigueur le 5 novembre 1985) ; adresse Légifrance connue",
        ["arrete-2020-10-31-cti"] = "date du JO et identifiant JORF non trouvés ; effet confirmé par deux sources",
        ["arrete-agrement-2020-12-08"] = "date du JO et identifiant JORF non trouvés",
        ["arrete-extension-2022-07-12"] = "date du JO et identifiant JORF non trouvés",
        ["cc-2023-1084-qpc"] = "date de publication au JO de la décision non relevée ; décision lue sur le site du Conseil constitutionnel",
        ["ce-2024-07-17"] = "numéro de la décision non vu (vraisemblablement n° 475351, celui de la décision de renvoi de la QPC) : adresse officielle non construite",
    };

    private sealed record Offence(string Id, string Nature, bool AddressNotOfficial, bool JoDateMissing, string Detail);

    [Fact]
    public void EveryOfficialText_HasItsOfficialAddressAndJoDate_OrIsAKnownGap()
    {
        var offences = Offences(TestLaw.Law).ToList();
        output.WriteLine(Report(offences));
        var unexpected = offences.Where(o => !KnownGaps.ContainsKey(o.Id)).Select(o => $"{o.Id} : {o.Detail}").ToList();
        Assert.True(unexpected.Count == 0, "Textes sans adresse officielle ou sans date de JO vérifiée :\n" + string.Join("\n", unexpected));
        var fixedButListed = KnownGaps.Keys.Where(id => offences.All(o => o.Id != id)).ToList();
        Assert.True(fixedButListed.Count == 0, "Lacune comblée : retirer de KnownGaps " + string.Join(", ", fixedButListed));
    }

    [Fact]
    public void EveryText_KeepsSecondaryPagesOutOfItsUrl_AndDoesNotRepeatThem()
    {
        foreach (var text in TestLaw.Law.Texts.Values)
        {
            Assert.DoesNotContain(text.Url, text.SeeAlso);
            Assert.Equal(text.SeeAlso.Distinct().Count(), text.SeeAlso.Count);
        }
    }

    [Fact]
    public void AllowList_AcceptsOfficialPublishers_AndRefusesMirrorsAndBlogs()
    {
        Assert.True(IsOfficial("https://www.legifrance.gouv.fr/jorf/id/JORFTEXT000049059894"));
        Assert.True(IsOfficial("https://circulaires.legifrance.gouv.fr/loda/article_lc/LEGIARTI000046195292/2022-08-18"));
        Assert.True(IsOfficial("https://www.circulaires.gouv.fr/jorf/id/JORFTEXT000044553428/"));
        Assert.True(IsOfficial("https://qpc360.conseil-constitutionnel.fr/2024-03-21/decision-2023-1084-qpc-21-mars-2024"));
        Assert.True(IsOfficial("https://sante.gouv.fr/fichiers/bo/2004/04-15/a0151168.htm"));
        Assert.False(IsOfficial("https://sante.gouv.fr/actualites/une-page"));
        Assert.False(IsOfficial("https://legal.tricoteuses.fr/articles/LEGIARTI000053302465"));
        Assert.False(IsOfficial("https://juriblio.fr/decrets/decret-no-2018-732-du-21-aout-2018/171542136"));
        Assert.False(IsOfficial("https://www.legifrance.gouv.fr.example.org/jorf/id/JORFTEXT000049059894"));
        Assert.False(IsOfficial("http://notlegifrance.gouv.fr/x"));
    }

    public static bool IsOfficial(string url)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != "https" && uri.Scheme != "http")) return false;
        var host = uri.Host.ToLowerInvariant();
        return OfficialPublishers.Any(p =>
            (host == p.Host || host.EndsWith("." + p.Host, StringComparison.Ordinal))
            && uri.AbsolutePath.StartsWith(p.PathPrefix, StringComparison.Ordinal));
    }

    private static bool IsSignatory(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri)
        && SignatoryPublishers.Any(h => uri.Host.Equals(h, StringComparison.OrdinalIgnoreCase) || uri.Host.EndsWith("." + h, StringComparison.OrdinalIgnoreCase));

    private static IEnumerable<Offence> Offences(Legislation law)
    {
        foreach (var t in law.Texts.Values.OrderBy(t => t.Id, StringComparer.Ordinal))
        {
            if (!OfficialNatures.Contains(t.Nature)) continue;
            var notOfficial = !IsOfficial(t.Url);
            var joMissing = JoDateMissing(t);
            if (!notOfficial && !joMissing) continue;
            var detail = new List<string>();
            if (notOfficial) detail.Add($"adresse non officielle ({t.Url})");
            if (joMissing) detail.Add(t.PublishedOn is null && t.Publication is { } p
                ? $"date de JO non vérifiée (« {p} »)"
                : "date de JO absente");
            yield return new Offence(t.Id, t.Nature, notOfficial, joMissing, string.Join(" ; ", detail));
        }
    }

    /// <summary>
    /// A JO text needs its <c>publie_le</c>; a code article or a court decision may do without, but then its
    /// <c>publication</c> sentence must give the reason, not admit an unchecked date.
    /// </summary>
    private static bool JoDateMissing(LegalText t)
    {
        if (t.PublishedOn is not null) return false;
        if (JoNatures.Contains(t.Nature)) return true;
        var sentence = t.Publication ?? "";
        return sentence.Length == 0 || UnverifiedMarkers.Any(m => sentence.Contains(m, StringComparison.OrdinalIgnoreCase));
    }

    private static string Report(IReadOnlyList<Offence> offences)
    {
        var sb = new StringBuilder();
        var official = TestLaw.Law.Texts.Values.Count(t => OfficialNatures.Contains(t.Nature));
        sb.AppendLine($"Textes de nature loi, ordonnance, décret, arrêté, code ou décision de justice : {official} ; sans adresse officielle ou sans date de JO vérifiée : {offences.Count}.");
        void Section(string title, IEnumerable<Offence> items)
        {
            var list = items.ToList();
            sb.AppendLine($"{title} ({list.Count}) :");
            foreach (var o in list) sb.AppendLine($"  - {o.Id} [{o.Nature}] : {o.Detail}");
        }
        Section("Lacunes connues (adresse ou date introuvable dans les sources stockées)", offences.Where(o => KnownGaps.ContainsKey(o.Id)));
        Section("À corriger", offences.Where(o => !KnownGaps.ContainsKey(o.Id)));

        var secondary = TestLaw.Law.Texts.Values
            .Where(t => !OfficialNatures.Contains(t.Nature) && t.Nature is not ("source_secondaire" or "page_officielle") && !IsOfficial(t.Url) && !IsSignatory(t.Url))
            .OrderBy(t => t.Id, StringComparer.Ordinal).ToList();
        sb.AppendLine($"Pour information, accords, décisions, recommandations, protocoles et circulaires dont l'adresse n'est ni celle d'un éditeur officiel ni celle du signataire ({secondary.Count}) : l'adresse attendue est Légifrance (KALI, ACCO), circulaires.gouv.fr ou la publication du signataire :");
        foreach (var t in secondary) sb.AppendLine($"  - {t.Id} [{t.Nature}] : {t.Url}");
        var searches = TestLaw.Law.Texts.Values.Where(t => t.Url.Contains("legifrance.gouv.fr/search", StringComparison.Ordinal)).ToList();
        if (searches.Count > 0)
        {
            sb.AppendLine($"Adresses Légifrance qui sont des recherches, identifiant à trouver ({searches.Count}) :");
            foreach (var t in searches) sb.AppendLine($"  - {t.Id} : {t.Url}");
        }
        return sb.ToString();
    }
}
