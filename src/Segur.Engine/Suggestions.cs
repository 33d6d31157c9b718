namespace Segur.Engine;

/// <summary>« Vouliez-vous dire … ? » for a mistyped command, option or vocabulary value.</summary>
public static class Suggestions
{
    /// <summary>
    /// The candidate closest to <paramref name="typed"/> by edit distance (insertions, deletions,
    /// substitutions and swaps of two neighbours, case ignored), if it is close enough to be the one meant:
    /// at most a third of the typed length, and at least one edit; ties go to the first candidate.
    /// </summary>
    public static string? Closest(string typed, IEnumerable<string> candidates)
    {
        var limit = Math.Max(1, typed.Length / 3);
        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var c in candidates)
        {
            var d = Distance(typed.ToLowerInvariant(), c.ToLowerInvariant());
            if (d < bestDistance && d <= limit)
            {
                best = c;
                bestDistance = d;
            }
        }
        return best;
    }

    /// <summary>Optimal string alignment distance (Damerau-Levenshtein without repeated edits of one substring).</summary>
    public static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++) d[i, 0] = i;
        for (var j = 0; j <= b.Length; j++) d[0, j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
            }
        }
        return d[a.Length, b.Length];
    }

    /// <summary>« ; vouliez-vous dire « x » ? », or nothing.</summary>
    public static string Hint(string typed, IEnumerable<string> candidates) =>
        Closest(typed, candidates) is { } c ? $" ; vouliez-vous dire « {c} » ?" : "";
}
