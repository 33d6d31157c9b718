using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Encodings.Web;

namespace Segur.Web.Pages;

/// <summary>A fragment of markup that is already safe (built by <see cref="Html"/>).</summary>
public readonly record struct Markup(string Value)
{
    public override string ToString() => Value;
}

/// <summary>
/// Builds HTML where every interpolated value is encoded: in <c>h.Add($"&lt;td&gt;{x}&lt;/td&gt;")</c> the literal
/// parts are markup written by this program and <c>x</c> is always HTML-encoded, unless it is a
/// <see cref="Markup"/> built the same way. No user text can reach the page unescaped.
/// </summary>
public sealed class Html
{
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(System.Text.Unicode.UnicodeRanges.All);
    private readonly StringBuilder _sb = new();

    public Html Add([InterpolatedStringHandlerArgument("")] ref Handler h) => this;

    public Html Add(Markup m)
    {
        _sb.Append(m.Value);
        return this;
    }

    /// <summary>Encoded text.</summary>
    public Html Text(string? text)
    {
        if (text is not null) Encoder.Encode(new StringWriter(_sb), text);
        return this;
    }

    public Markup ToMarkup() => new(_sb.ToString());
    public override string ToString() => _sb.ToString();

    public static Markup Of(ref Fragment f) => f.Result();

    public static string Encode(string? s) => s is null ? "" : Encoder.Encode(s);

    /// <summary>An http(s) address for an href, or "#" for anything else (javascript:, data:…).</summary>
    public static string SafeUrl(string? url) =>
        url is not null && (url.StartsWith("https://", StringComparison.OrdinalIgnoreCase) || url.StartsWith("http://", StringComparison.OrdinalIgnoreCase)) ? url : "#";

    [InterpolatedStringHandler]
    public ref struct Handler
    {
        private readonly StringBuilder _sb;

        public Handler(int literalLength, int formattedCount, Html owner)
        {
            _sb = owner._sb;
        }

        public void AppendLiteral(string s) => _sb.Append(s);

        public void AppendFormatted(Markup m) => _sb.Append(m.Value);

        public void AppendFormatted(string? s)
        {
            if (s is not null) _sb.Append(Encoder.Encode(s));
        }

        public void AppendFormatted<T>(T value)
        {
            if (value is null) return;
            var s = value is IFormattable f ? f.ToString(null, CultureInfo.InvariantCulture) : value.ToString();
            if (s is not null) _sb.Append(Encoder.Encode(s));
        }
    }

    [InterpolatedStringHandler]
    public ref struct Fragment
    {
        private readonly StringBuilder _sb;

        public Fragment(int literalLength, int formattedCount)
        {
            _sb = new StringBuilder(literalLength + formattedCount * 16);
        }

        public void AppendLiteral(string s) => _sb.Append(s);
        public void AppendFormatted(Markup m) => _sb.Append(m.Value);
        public void AppendFormatted(string? s)
        {
            if (s is not null) _sb.Append(Encoder.Encode(s));
        }

        public void AppendFormatted<T>(T value)
        {
            if (value is null) return;
            var s = value is IFormattable f ? f.ToString(null, CultureInfo.InvariantCulture) : value.ToString();
            if (s is not null) _sb.Append(Encoder.Encode(s));
        }

        public Markup Result() => new(_sb.ToString());
    }
}
