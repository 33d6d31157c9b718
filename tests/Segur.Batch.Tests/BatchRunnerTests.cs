using System.Globalization;
using System.Text;
using System.Text.Json;
using Segur.Batch;
using Segur.Engine;
using Segur.Engine.Cases;
using Segur.Engine.Evaluation;
using Segur.Engine.Law;
using Segur.Engine.Profiles;
using Segur.Engine.Time;

namespace Segur.Batch.Tests;

public sealed class BatchRunnerTests : IDisposable
{
    private static Legislation Law => TestLaw.Law;
    private readonly string _dir = Directory.CreateTempSubdirectory("segur-batch-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static string Root
    {
        get
        {
            var d = new DirectoryInfo(AppContext.BaseDirectory);
            while (d is not null && !File.Exists(Path.Combine(d.FullName, "segur.slnx"))) d = d.Parent;
            return d!.FullName;
        }
    }

    private static readonly string[] Columns =
    [
        "id", "employeur.secteur", "employeur.versant", "employeur.idcc", "employeur.organisme", "employeur.structure",
        "employeur.financement_assurance_maladie", "employeur.rattachement_eps_ou_ehpad", "employeur.adherent_axess", "employeur.champ_bass",
        "employeur.deliberation_prime_revalorisation", "employeur.deliberation_prime_medecins", "emploi.profession", "emploi.statut", "emploi.fonctions_socio_educatives_principales",
        "emploi.quotite", "emploi.temps_partiel", "emploi.entree", "emploi.sortie", "emploi.part_temps_structures_eligibles", "emploi.fraction_traitement",
    ];

    /// <summary>Rows built from every case-file profile, with varied quotités and entry/exit dates.</summary>
    private static List<Dictionary<string, string>> SampleRows()
    {
        var cases = CaseFileReader.ReadDirectory(Path.Combine(Root, "legislation", "cases"));
        var rows = new List<Dictionary<string, string>>();
        var rng = new Random(42);
        decimal[] quotites = [1m, 1m, 0.8m, 0.9m, 0.5m, 0.75m];
        foreach (var c in cases.Where(c => c.LawAsOf is null))
        {
            var row = new Dictionary<string, string>();
            void Flatten(System.Text.Json.Nodes.JsonObject o, string prefix)
            {
                foreach (var (k, v) in o)
                {
                    if (v is System.Text.Json.Nodes.JsonObject child) Flatten(child, prefix + k + ".");
                    else if (v is not null) row[prefix + k] = v.ToJsonString().Trim('"');
                }
            }
            Flatten(c.Profile, "");
            row["id"] = c.Id;
            row["emploi.quotite"] = quotites[rng.Next(quotites.Length)].ToString(CultureInfo.InvariantCulture);
            if (rng.Next(4) == 0) row["emploi.entree"] = new DateOnly(2021 + rng.Next(4), 1 + rng.Next(12), 1 + rng.Next(28)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            if (rng.Next(5) == 0) row["emploi.sortie"] = new DateOnly(2025, 1 + rng.Next(12), 1 + rng.Next(28)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            rows.Add(row);
        }
        return rows;
    }

    private string WriteCsv(IEnumerable<Dictionary<string, string>> rows, char sep = ';', string name = "effectifs.csv")
    {
        var sb = new StringBuilder(string.Join(sep, Columns)).Append('\n');
        foreach (var r in rows) sb.Append(string.Join(sep, Columns.Select(c => r.GetValueOrDefault(c, "")))).Append('\n');
        var path = Path.Combine(_dir, name);
        File.WriteAllText(path, sb.ToString());
        return path;
    }

    private static Profile ProfileOf(Dictionary<string, string> row)
    {
        var json = new System.Text.Json.Nodes.JsonObject();
        foreach (var (k, v) in row)
        {
            if (v.Length == 0) continue;
            var parts = k.Split('.');
            var target = json;
            for (var i = 0; i < parts.Length - 1; i++)
            {
                if (target[parts[i]] is not System.Text.Json.Nodes.JsonObject o) target[parts[i]] = o = new System.Text.Json.Nodes.JsonObject();
                target = o;
            }
            var field = Law.Vocabulary[k];
            target[parts[^1]] = field.Kind switch
            {
                FieldKind.Boolean => v == "true",
                FieldKind.Integer => int.Parse(v, CultureInfo.InvariantCulture),
                FieldKind.Number => decimal.Parse(v, CultureInfo.InvariantCulture),
                _ => v,
            };
        }
        return new ProfileReader(Law).Read(json, "test");
    }

    [Fact]
    public void Totals_MatchTheExplainedEngineComputedRowByRow()
    {
        var rows = SampleRows();
        var input = WriteCsv(rows);
        var output = Path.Combine(_dir, "resultats.csv");
        var range = new MonthRange(new YearMonth(2020, 9), new YearMonth(2026, 12));
        var result = BatchRunner.Run(Law, null, new BatchOptions(input, range, Output: output));

        var evaluator = new Evaluator(Law);
        long expectedTotal = 0;
        var expectedPerRow = new Dictionary<string, decimal>();
        foreach (var row in rows)
        {
            var r = evaluator.Evaluate(ProfileOf(row), range);
            var sum = r.Months.Sum(m => m.Gross ?? 0m);
            expectedPerRow[row["id"]] = sum;
            expectedTotal += (long)(sum * 100m);
        }
        Assert.Equal(rows.Count, result.RowsEvaluated);
        Assert.Equal(0, result.RowsRejected);
        Assert.Equal(expectedTotal, result.Baseline.Total.Cents);
        foreach (var line in File.ReadLines(output).Skip(1))
        {
            var cells = line.Split(';');
            Assert.Equal(expectedPerRow[cells[1]], decimal.Parse(cells[5], CultureInfo.InvariantCulture));
        }
        Assert.Equal(result.Baseline.ByMeasure.Sum(c => c.Cents), result.Baseline.Total.Cents);
        Assert.Equal(result.Baseline.ByYear.Sum(c => c.Cents), result.Baseline.Total.Cents);
    }

    [Fact]
    public void CommaSeparatedFile_GivesTheSameTotals()
    {
        var rows = SampleRows();
        var range = new MonthRange(new YearMonth(2022, 1), new YearMonth(2024, 12));
        var a = BatchRunner.Run(Law, null, new BatchOptions(WriteCsv(rows, ';', "a.csv"), range));
        var b = BatchRunner.Run(Law, null, new BatchOptions(WriteCsv(rows, ',', "b.csv"), range));
        Assert.Equal(a.Baseline.Total.Cents, b.Baseline.Total.Cents);
        Assert.True(a.Baseline.Total.Cents > 0);
    }

    [Fact]
    public void BadRows_GoToTheRejectsFile_WithLineAndFrenchReason_AndTheRunGoesOn()
    {
        var input = Path.Combine(_dir, "mixte.csv");
        File.WriteAllText(input, """
            employeur.secteur;employeur.versant;employeur.structure;emploi.profession;emploi.statut;emploi.quotite;emploi.entree
            public;FPH;etablissement_public_sante;infirmier;titulaire;1;
            public;FPH;etablissement_public_sante;astronaute;titulaire;1;
            public;FPH;etablissement_public_sante;infirmier;titulaire;1,5;
            public;FPH;etablissement_public_sante;infirmier;titulaire;1;2024-02-30
            public;FPH;;infirmier;titulaire;1;
            public;FPH;etablissement_public_sante;infirmier;titulaire;0,8;
            """.Replace("\r", ""));
        var rejects = Path.Combine(_dir, "rejets.csv");
        var r = BatchRunner.Run(Law, null, new BatchOptions(input, new MonthRange(new YearMonth(2024, 1), new YearMonth(2024, 1)), Rejects: rejects));
        Assert.Equal(6, r.RowsRead);
        Assert.Equal(2, r.RowsEvaluated);
        Assert.Equal(4, r.RowsRejected);
        var lines = File.ReadAllLines(rejects);
        Assert.Equal("ligne;champ;valeur;motif", lines[0]);
        Assert.StartsWith("3;emploi.profession;astronaute;", lines[1]);
        Assert.StartsWith("4;emploi.quotite;1,5;", lines[2]);
        Assert.Contains("quotité hors bornes", lines[2]);
        Assert.StartsWith("5;emploi.entree;2024-02-30;", lines[3]);
        Assert.StartsWith("6;employeur.structure;;", lines[4]);
        Assert.Contains("champ obligatoire vide", lines[4]);
        Assert.Equal(24122 + 20676, r.Baseline.Total.Cents); // 241.22 + 6/7 × 241.2164 = 206.76
    }

    [Fact]
    public void Strict_StopsAtTheFirstBadRow_AndWritesNothing()
    {
        var input = Path.Combine(_dir, "strict.csv");
        File.WriteAllText(input, "employeur.secteur;employeur.structure;emploi.profession\npublic;ehpad;infirmier\npublic;ehpad;astronaute\n");
        var output = Path.Combine(_dir, "sortie.csv");
        var e = Assert.Throws<SegurException>(() => BatchRunner.Run(Law, null, new BatchOptions(input, new MonthRange(new YearMonth(2024, 1), new YearMonth(2024, 1)), Strict: true, Output: output)));
        Assert.Contains("ligne 3, colonne emploi.profession", e.Message);
        Assert.False(File.Exists(output));
        Assert.Empty(Directory.GetFiles(_dir, "*.tmp", SearchOption.AllDirectories).Concat(Directory.GetFiles(_dir, ".*")));
    }

    [Fact]
    public void UnknownColumn_IsAnErrorNamingIt()
    {
        var input = Path.Combine(_dir, "colonnes.csv");
        File.WriteAllText(input, "employeur.secteur;employeur.structure;emploi.profession;salaire\npublic;ehpad;infirmier;2000\n");
        var e = Assert.Throws<SegurException>(() => BatchRunner.Run(Law, null, new BatchOptions(input, new MonthRange(new YearMonth(2024, 1), new YearMonth(2024, 1)))));
        Assert.Contains("colonne(s) inconnue(s) : salaire", e.Message);
    }

    [Fact]
    public void ScenarioThatChangesNothing_HasZeroDifference()
    {
        var reform = LegislationLoader.Load(new EmbeddedLegislation(), ReformSource.FromFile(Path.Combine(Root, "tests", "Segur.Batch.Tests", "data", "sans-effet.yaml")));
        var r = BatchRunner.Run(Law, reform, new BatchOptions(WriteCsv(SampleRows()), new MonthRange(new YearMonth(2020, 9), new YearMonth(2026, 12))));
        Assert.True(r.Baseline.Total.Cents > 0);
        Assert.Equal(r.Baseline.Total.Cents, r.Reform!.Total.Cents);
        Assert.Equal(0, r.Difference!.Cents);
        Assert.Equal(0, r.Difference.Gainers);
        Assert.Equal(0, r.Difference.ArrearsCents);
    }

    [Fact]
    public void HandComputedScenario_CafSocialWorkersFrom2024_CostsAndArrears()
    {
        // Case C43: 238 € a month from January 2024, decided on 1 January 2026: 24 months of arrears,
        // 5 712 € per full-time worker; here 1 + 0.5 + 1 full-time workers and a CAF accountant who gets nothing.
        var input = Path.Combine(_dir, "caf.csv");
        File.WriteAllText(input, """
            id;employeur.secteur;employeur.organisme;employeur.structure;emploi.profession;emploi.statut;emploi.quotite
            ass1;securite_sociale;CAF;organisme_securite_sociale;assistant_service_social;salarie;1
            ass2;securite_sociale;CAF;organisme_securite_sociale;assistant_service_social;salarie;0.5
            ass3;securite_sociale;CAF;organisme_securite_sociale;assistant_service_social;salarie;1
            compta;securite_sociale;CAF;organisme_securite_sociale;comptable;salarie;1
            """.Replace("\r", ""));
        var reform = LegislationLoader.Load(new EmbeddedLegislation(), ReformSource.FromFile(Path.Combine(Root, "tests", "Segur.Batch.Tests", "data", "caf-238-2024.yaml")));
        var synthesis = Path.Combine(_dir, "synthese.json");
        var r = BatchRunner.Run(Law, reform, new BatchOptions(input, new MonthRange(new YearMonth(2024, 1), new YearMonth(2025, 12))));
        AtomicFile.WriteAllText(synthesis, SynthesisReport.Json(r));
        Assert.Equal(0, r.Baseline.Total.Cents);
        Assert.Equal(3, r.Difference!.Gainers);
        Assert.Equal(1_428_000, r.Difference.Cents);          // 2.5 × 24 × 238 €
        Assert.Equal(1_428_000, r.Difference.ArrearsCents);   // every month precedes the decision
        Assert.Equal(59_500, r.Difference.LastMonthCents);    // 2.5 × 238 €
        using var doc = JsonDocument.Parse(File.ReadAllText(synthesis));
        var diff = doc.RootElement.GetProperty("difference");
        Assert.Equal(3, diff.GetProperty("beneficiaires").GetInt32());
        Assert.Equal(14280.00m, diff.GetProperty("cout_brut").GetDecimal());
    }

    [Fact]
    public void ReformUnderDroitAu_WhenItsAmountIsNotYetPublished_GivesAnUnknownAmountNotACrash()
    {
        var input = Path.Combine(_dir, "caf2.csv");
        File.WriteAllText(input, "employeur.secteur;employeur.organisme;employeur.structure;emploi.profession;emploi.statut\nsecurite_sociale;CAF;organisme_securite_sociale;assistant_service_social;salarie\n");
        var reform = LegislationLoader.Load(new EmbeddedLegislation(), ReformSource.FromFile(Path.Combine(Root, "legislation", "reforms", "extension-securite-sociale.yaml")));
        var r = BatchRunner.Run(Law, reform, new BatchOptions(input, new MonthRange(new YearMonth(2022, 4), new YearMonth(2022, 6)), LawAsOf: new DateOnly(2024, 3, 1)));
        Assert.Equal(1, r.Reform!.AmountUnknownRows);
        Assert.Equal(0, r.Difference!.Cents);
    }

    [Fact]
    public void ParquetOutput_CanBeReadBackAsInput_WithTheSameTotals()
    {
        var rows = SampleRows();
        var range = new MonthRange(new YearMonth(2022, 1), new YearMonth(2023, 12));
        var population = Path.Combine(_dir, "pop.parquet");
        PopulationParquet.Write(population, Law.Vocabulary, rows.Select(r => (IReadOnlyDictionary<string, string>)r), new Dictionary<string, string> { ["test"] = "oui" });
        var fromCsv = BatchRunner.Run(Law, null, new BatchOptions(WriteCsv(rows), range));
        var fromParquet = BatchRunner.Run(Law, null, new BatchOptions(population, range, Output: Path.Combine(_dir, "res.parquet")));
        Assert.Equal(fromCsv.Baseline.Total.Cents, fromParquet.Baseline.Total.Cents);
        Assert.Equal(rows.Count, fromParquet.RowsEvaluated);
        Assert.True(File.Exists(Path.Combine(_dir, "res.parquet")));
    }
}

/// <summary>Unknown is never zero: beneficiaries whose amount no text gives are counted apart, and costs say « au moins ».</summary>
public sealed class UnknownAmountTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("segur-inconnu-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void CroixRougeNurse_IsABeneficiaryWithAnUnknownAmount_CountedApart()
    {
        var law = TestLaw.Law;
        var input = Path.Combine(_dir, "eff.csv");
        File.WriteAllText(input, """
            id;employeur.secteur;employeur.versant;employeur.idcc;employeur.structure;employeur.champ_bass;employeur.adherent_axess;emploi.profession;emploi.statut
            cr;prive_non_lucratif;;5502;ehpad;true;true;infirmier;salarie
            chu;public;FPH;;etablissement_public_sante;;;infirmier;titulaire
            """.Replace("\r\n", "\n"));
        var output = Path.Combine(_dir, "res.csv");
        var r = BatchRunner.Run(law, null, new BatchOptions(input, new MonthRange(new YearMonth(2024, 1), new YearMonth(2024, 2)), null, Output: output));
        var cr = law.Measures.ToList().FindIndex(m => m.Id == "M5-CROIX-ROUGE");
        var m1 = law.Measures.ToList().FindIndex(m => m.Id == "M1");
        Assert.Equal(1, r.Baseline.ByMeasure[cr].UnknownAmountBeneficiaries);
        Assert.Equal(0, r.Baseline.ByMeasure[m1].UnknownAmountBeneficiaries);
        Assert.Equal(1, r.Baseline.Total.UnknownAmountBeneficiaries);
        Assert.Contains("\"beneficiaires_montant_inconnu\": 1", SynthesisReport.Json(r));
        var text = SynthesisReport.Text(r);
        Assert.Contains("Bénéficiaires au montant inconnu", text);
        Assert.Contains("≥ ", text);
        var lines = File.ReadAllLines(output);
        Assert.EndsWith(";montant_inconnu", lines[0]);
        Assert.EndsWith(";oui", lines.Single(l => l.Contains(";cr;")));
        Assert.EndsWith(";non", lines.Single(l => l.Contains(";chu;")));
    }
}
