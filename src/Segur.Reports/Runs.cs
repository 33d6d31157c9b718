using System.Buffers;
using System.Text;
using Segur.Engine;
using Segur.Engine.Time;

namespace Segur.Reports;

/// <summary>
/// The month named in a sentence (« En janvier 2024, vous avez droit… », « … ne s'applique pas en janvier 2024 »)
/// is the only thing that differs between months that decide alike: it is written as a marker, so that such months
/// compare equal and form one run, then the marker is replaced by the run's months (« De janvier à juin 2024 »).
/// </summary>
internal static class Runs
{
    private const string Upper = "\u00a7MOIS\u00a7";
    private const string Lower = "\u00a7mois\u00a7";
    private const string Bare = "\u00a7m\u00a7";
    private static readonly byte[][] Markers = [Encoding.UTF8.GetBytes(Upper), Encoding.UTF8.GetBytes(Lower), Encoding.UTF8.GetBytes(Bare)];

    /// <summary>The sentence with « En MOIS » and « en MOIS » replaced by markers.</summary>
    public static string Neutral(string sentence, YearMonth month)
    {
        var name = Format.Month(month);
        if (!sentence.Contains(name, StringComparison.Ordinal)) return sentence;
        return sentence.Replace("En " + name, Upper, StringComparison.Ordinal).Replace("en " + name, Lower, StringComparison.Ordinal)
            .Replace(name, Bare, StringComparison.Ordinal);
    }

    /// <summary>Copies <paramref name="body"/> into <paramref name="output"/>, the markers replaced by the run's months.</summary>
    public static void Restore(ArrayBufferWriter<byte> output, ReadOnlySpan<byte> body, YearMonth from, YearMonth to)
    {
        while (true)
        {
            int at = -1, kind = -1;
            for (var k = 0; k < Markers.Length; k++)
            {
                var i = body.IndexOf(Markers[k]);
                if (i >= 0 && (at < 0 || i < at)) (at, kind) = (i, k);
            }
            if (at < 0)
            {
                output.Write(body);
                return;
            }
            output.Write(body[..at]);
            output.Write(Encoding.UTF8.GetBytes(Phrase(kind, from, to)));
            body = body[(at + Markers[kind].Length)..];
        }
    }

    /// <summary>« En mars 2021 » / « De mars 2021 à avril 2021 », « en … » / « de … à … », « mars 2021 » / « chaque mois de … à … ».</summary>
    private static string Phrase(int kind, YearMonth from, YearMonth to)
    {
        var one = from == to;
        var span = Format.Month(from) + " à " + Format.Month(to);
        return kind switch
        {
            0 => one ? "En " + Format.Month(from) : "De " + span,
            1 => one ? "en " + Format.Month(from) : "de " + span,
            _ => one ? Format.Month(from) : "chaque mois de " + span,
        };
    }
}
