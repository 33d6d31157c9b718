using System.Globalization;
using System.Collections.Concurrent;
using System.Text;
using System.Text.RegularExpressions;
using CsCheck;
using Segur.Engine;

namespace Segur.Tests.Fuzz;

/// <summary>
/// The fuzzing of segur's input parsers: CsCheck generators of malformed and mutated inputs, and one
/// property for all of them: a valid result, or a French <see cref="SegurException"/> that names the file and
/// line (or the JSON path) and carries no English text of a library and no .NET type name; never another
/// exception. The normal test run is seeded (<see cref="Seed"/>) and draws <see cref="Iterations"/> inputs per
/// parser (10 000); a developer runs longer with <c>SEGUR_FUZZ_ITERATIONS=1000000 dotnet test --filter Fuzz</c>
/// and another seed with <c>SEGUR_FUZZ_SEED=42</c> (see docs/fuzzing.md).
/// </summary>
public static partial class Fuzz
{
    public static long Iterations { get; } =
        long.TryParse(Environment.GetEnvironmentVariable("SEGUR_FUZZ_ITERATIONS"), NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0 ? n : 10_000;

    public static ulong Seed { get; } =
        ulong.TryParse(Environment.GetEnvironmentVariable("SEGUR_FUZZ_SEED"), NumberStyles.None, CultureInfo.InvariantCulture, out var s) ? s : 20_261_126UL;

    /// <summary>
    /// Draws <see cref="Iterations"/> inputs from <paramref name="gen"/> (seeded, so the same inputs every run)
    /// and runs <paramref name="parse"/> on each; fails with the first inputs that broke the property.
    /// </summary>
    public static void Check<T>(Gen<T> gen, Action<T> parse, Func<T, string>? show = null, long? iterations = null)
    {
        var count = iterations ?? Iterations;
        var pcg = new PCG(7, Seed);
        var failures = new ConcurrentQueue<string>();
        const int batch = 512;
        var inputs = new T[batch];
        for (long done = 0; done < count && failures.Count < 3; done += batch)
        {
            var size = (int)Math.Min(batch, count - done);
            for (var i = 0; i < size; i++) inputs[i] = gen.Generate(pcg, null, out _);
            Parallel.For(0, size, new ParallelOptions { MaxDegreeOfParallelism = 2 }, i =>
            {
                var problem = Violation(() => parse(inputs[i]));
                if (problem is not null) failures.Enqueue($"{problem}\n  entrée : {Escape(Show(inputs[i], show))}");
            });
        }
        Assert.True(failures.IsEmpty, $"{failures.Count}+ entrées cassent la propriété (graine {Seed}) :\n" + string.Join("\n", failures.Take(3)));
    }

    private static string Show<T>(T input, Func<T, string>? show)
    {
        try
        {
            return show is null ? input?.ToString() ?? "" : show(input);
        }
        catch (Exception e)
        {
            return $"(entrée non affichable : {e.GetType().Name})";
        }
    }

    /// <summary>Null when <paramref name="parse"/> succeeded or failed in proper French; else what is wrong.</summary>
    public static string? Violation(Action parse)
    {
        try
        {
            parse();
            return null;
        }
        catch (SegurException e)
        {
            foreach (var m in e.Details.Prepend(e.Message))
            {
                if (Problem(m) is { } p) return $"{p} : {m}";
            }
            return null;
        }
        catch (Exception e)
        {
            return $"exception {e.GetType().Name} : {e.Message}\n{e.StackTrace}";
        }
    }

    /// <summary>What is wrong with a user message: no place named, English text, a .NET type name; null when fine.</summary>
    public static string? Problem(string message)
    {
        if (!Place().IsMatch(message)) return "message sans ligne ni chemin JSON";
        var prose = Quoted().Replace(message, "«»");
        if (English().Match(prose) is { Success: true } en) return $"texte anglais ou technique « {en.Value} »";
        return null;
    }

    public static void AssertFrench(string message) => Assert.True(Problem(message) is null, $"{Problem(message)} : {message}");

    [GeneratedRegex(@"(ligne \d+|: /[^ ]*|\.(csv|parquet|yaml|json)\b)")]
    private static partial Regex Place();

    // User text is quoted « … » or "…" in messages: it may hold anything, it is not the program's prose.
    [GeneratedRegex(@"«[^»]*»|""[^""]*""")]
    private static partial Regex Quoted();

    [GeneratedRegex(@"\b(Exception|System\.|Segur\.|YamlDotNet|Sylvan|Parquet\.|Json\.|Value is|should be|expected|Expected|while|While|found|Found|cannot|Cannot|Unexpected|unexpected|invalid|Invalid|Object reference|not set|deserializ|Row \d|Property '|at line|The [a-z]+ |Index was|out of range|Specified|must be|is not)\b")]
    private static partial Regex English();

    private static string Escape(string s)
    {
        var t = s.Length > 600 ? s[..600] + "…" : s;
        var b = new StringBuilder();
        foreach (var c in t) b.Append(c is '\n' ? "\\n" : c is '\r' ? "\\r" : char.IsControl(c) || char.IsSurrogate(c) ? $"\\u{(int)c:x4}" : c.ToString());
        return b.ToString();
    }

    // ---- generators --------------------------------------------------------------------------------------

    /// <summary>Fragments that break parsers: YAML and JSON punctuation, odd numbers, nulls, tabs, surrogates, controls.</summary>
    public static readonly string[] Nasty =
    [
        ":", ": ", "-", "- ", "[", "]", "{", "}", ",", "\"", "'", "\t", "#", "&a ", "*a", "!!str ", "!x ", "? ", "|", ">", "%", "@", "`",
        "null", "~", "", " ", "true", "false", "yes", "1e308", "-1e400", "0x10", ".5", "1_000", "NaN", ".inf", "9999999999999999999999999999999",
        "2020-02-30", "0000-01-01", "9999-12-31", "2020-9-1", "\ud800", "\udfff", "\u0000", "\u0001", "\ufeff", "é", "€", "\u202e", "\n", "\r\n", "\n  ", "\n- ", "---\n", "...\n",
        "[null]", "{}", "[]", "{a: 1}", "[[[[[[[[", "}}}}", "\\", "\\u", "\\ud800", "0", "-1", "1.5", "24,5", "M1", "x: y: z",
    ];

    /// <summary>A fragment: one of <see cref="Nasty"/>, or random characters.</summary>
    public static readonly Gen<string> Fragment = Gen.Frequency(
        (6, Gen.OneOf(Nasty.Select(Gen.Const).ToArray())),
        (2, Gen.String[Gen.Char, 0, 8]),
        (1, Gen.String[Gen.Char['\u0000', '\u007f'], 0, 12]));

    /// <summary>
    /// A real file cut to a window of at most <paramref name="maxLines"/> lines (so each input stays small and the run
    /// takes seconds), then mutated one to four times: fragments inserted, lines deleted, repeated, swapped,
    /// indented or dedented, values replaced, the text truncated.
    /// </summary>
    public static Gen<string> Mutated(IReadOnlyList<string> files, int maxLines = 24) =>
        Gen.Select(Gen.Int[0, files.Count - 1], Gen.Int[0, 10_000], Gen.Int[1, maxLines], Gen.Int[1, 4].SelectMany(k => Mutation.Array[k, k]),
            (file, start, length, mutations) =>
            {
                var lines = files[file].Split('\n');
                var from = lines.Length <= length ? 0 : start % (lines.Length - length + 1);
                var window = lines.Skip(from).Take(length).ToList();
                foreach (var m in mutations) m(window);
                return string.Join("\n", window);
            });

    private static readonly Gen<Action<List<string>>> Mutation = Gen.Frequency<Action<List<string>>>(
        (4, Gen.Select(Gen.Int[0, 1000], Gen.Int[0, 1000], Fragment, (l, c, f) => (Action<List<string>>)(w =>
        {
            if (w.Count == 0) { w.Add(f); return; }
            var i = l % w.Count;
            var at = w[i].Length == 0 ? 0 : c % (w[i].Length + 1);
            w[i] = w[i].Insert(at, f);
        }))),
        (2, Gen.Select(Gen.Int[0, 1000], Fragment, (l, f) => (Action<List<string>>)(w =>
        {
            // Replace the value of a « key: value » line.
            if (w.Count == 0) return;
            var i = l % w.Count;
            var colon = w[i].IndexOf(": ", StringComparison.Ordinal);
            if (colon > 0) w[i] = w[i][..(colon + 2)] + f;
        }))),
        (1, Gen.Int[0, 1000].Select(l => (Action<List<string>>)(w => { if (w.Count > 0) w.RemoveAt(l % w.Count); }))),
        (1, Gen.Int[0, 1000].Select(l => (Action<List<string>>)(w => { if (w.Count > 0) w.Insert(l % w.Count, w[l % w.Count]); }))),
        (1, Gen.Select(Gen.Int[0, 1000], Gen.Int[0, 1000], (a, b) => (Action<List<string>>)(w =>
        {
            if (w.Count < 2) return;
            (w[a % w.Count], w[b % w.Count]) = (w[b % w.Count], w[a % w.Count]);
        }))),
        (1, Gen.Select(Gen.Int[0, 1000], Gen.Bool, (l, indent) => (Action<List<string>>)(w =>
        {
            if (w.Count == 0) return;
            var i = l % w.Count;
            w[i] = indent ? "  " + w[i] : w[i].TrimStart();
        }))),
        (1, Gen.Int[0, 5000].Select(n => (Action<List<string>>)(w =>
        {
            var text = string.Join("\n", w);
            var cut = Math.Min(text.Length, n % (text.Length + 1));
            w.Clear();
            w.AddRange(text[..cut].Split('\n'));
        }))));

    /// <summary>A small YAML document built from the keys of a kind, with values that are right, wrong or nasty.</summary>
    public static Gen<string> Yaml(string[] keys, int depth = 2)
    {
        var scalar = Gen.Frequency((3, Fragment), (2, Gen.OneOf(keys.Select(Gen.Const).ToArray())), (1, Gen.String[Gen.Char['a', 'z'], 1, 10]));
        Gen<string> Value(int d) => d <= 0
            ? scalar
            : Gen.Frequency(
                (4, scalar),
                (1, Gen.Select(scalar.Array[0, 3], items => "[" + string.Join(", ", items) + "]")),
                (1, Gen.Select(Gen.OneOf(keys.Select(Gen.Const).ToArray()), scalar, (k, v) => "{" + k + ": " + v + "}")),
                (1, Gen.Select(Value(d - 1).Array[1, 3], items => string.Concat(items.Select(i => "\n" + new string(' ', 2 * (3 - d)) + "- " + i)))));
        var entry = Gen.Select(Gen.OneOf(keys.Select(Gen.Const).ToArray()), Value(depth), (k, v) => $"{k}: {v}");
        return entry.Array[0, 8].Select(lines => string.Join("\n", lines));
    }
}
