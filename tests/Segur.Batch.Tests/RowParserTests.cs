using System.Globalization;
using CsCheck;
using Segur.Batch;
using Segur.Engine.Law;
using Segur.Engine.Profiles;

namespace Segur.Batch.Tests;

/// <summary>
/// The cell reader's shortcuts (dates read digit by digit, a number equal to the previous one not parsed again,
/// the law's implied facts remembered by profile) give exactly what the plain reading gives, row after row.
/// </summary>
public sealed class RowParserTests
{
    private static Legislation Law => TestLaw.Law;

    private static readonly Gen<string> DateLike = Gen.OneOf(
        Gen.Select(Gen.Int[0, 10_000], Gen.Int[0, 13], Gen.Int[0, 32], (y, m, d) => $"{y:D4}-{m:D2}-{d:D2}"),
        Gen.Select(Gen.Int[0, 99_999], Gen.Int[0, 130], Gen.Int[0, 320], (y, m, d) => $"{y}-{m}-{d}"),
        Gen.String[Gen.Char["0123456789-/ x"], 0, 12]);

    [Fact]
    public void Dates_AreReadExactlyAsTheFrameworkReadsThem() =>
        DateLike.Sample(text =>
        {
            var parser = new RowParser(Law.Vocabulary);
            var chunk = new WorkforceChunk(Law.Vocabulary, 4);
            var row = chunk.Begin(2);
            var bad = parser.Cell(chunk, row, Law.Vocabulary["emploi.entree"], text);
            var expected = DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d);
            if (text.Trim().Length == 0) return bad is null;
            return expected
                ? bad is null && chunk.Entree[row] == d.DayNumber
                : bad is { Field: "emploi.entree", Reason: "date attendue au format AAAA-MM-JJ" };
        }, iter: 20_000);

    [Fact]
    public void Quotite_RepeatedOnConsecutiveRows_IsCheckedOnEveryRow()
    {
        var parser = new RowParser(Law.Vocabulary);
        var chunk = new WorkforceChunk(Law.Vocabulary, 8);
        var field = Law.Vocabulary["emploi.quotite"];
        foreach (var (text, ok, value) in new[] { ("0,8", true, 0.8m), ("0,8", true, 0.8m), ("1,5", false, 0m), ("1,5", false, 0m), ("0.8", true, 0.8m), ("abc", false, 0m), ("1", true, 1m) })
        {
            var row = chunk.Begin(2);
            var bad = parser.Cell(chunk, row, field, text);
            Assert.Equal(ok, bad is null);
            if (ok) Assert.Equal(value, chunk.Quotite[row]);
            else Assert.Equal(text, bad!.Value);
        }
    }

    [Fact]
    public void ImpliedFacts_RememberedByProfile_CompleteEachRowAsTheLawDoes()
    {
        var v = Law.Vocabulary;
        var enums = v.Fields.Where(f => f.Kind is FieldKind.Enum or FieldKind.Boolean).ToArray();
        var gen = Gen.Select(Gen.Int[0, enums.Length - 1], Gen.Int[-1, 40]).Array[0, 6].Array[1, 30];
        gen.Sample(rows =>
        {
            var parser = new RowParser(v, Law.Implications);
            var chunk = new WorkforceChunk(v, 64);
            // Each drawn row twice, so that the second is completed from memory.
            foreach (var cells in rows.Concat(rows))
            {
                var row = chunk.Begin(2);
                var codes = chunk.RowCodes(row);
                foreach (var (f, c) in cells)
                {
                    var field = enums[f];
                    var max = field.Kind == FieldKind.Boolean ? 2 : field.Values.Count;
                    codes[field.Index] = c < 0 || max == 0 ? Facts.Absent : c % max;
                }
                foreach (var r in new[] { "employeur.secteur", "employeur.structure", "emploi.profession" })
                    if (codes[v[r].Index] == Facts.Absent) codes[v[r].Index] = 0;
                var expected = codes.ToArray();
                var conflict = ImpliedFacts.Complete(Law.Implications, expected);
                var bad = parser.Finish(chunk, row);
                if (!codes.SequenceEqual(expected)) return false;
                if ((conflict is null) != (bad is null)) return false;
                if (conflict is not null && (bad!.Field != conflict.Implication.Field.Name || !bad.Reason.Contains(conflict.Implication.Title, StringComparison.Ordinal))) return false;
            }
            return true;
        });
    }
}
