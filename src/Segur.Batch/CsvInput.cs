using System.Text;

namespace Segur.Batch;

/// <summary>A workforce file whose bytes are not UTF-8: the first bad byte and its line.</summary>
public sealed class NotUtf8Exception(long line, byte value) : Exception($"not UTF-8 at line {line}")
{
    public long Line { get; } = line;
    public byte Value { get; } = value;
}

/// <summary>
/// Checks that the bytes read are UTF-8 as they stream by (a decoder that refuses invalid sequences, across
/// reads), counting lines, so that a Latin-1 file is reported as such, with the line of its first bad byte.
/// </summary>
internal sealed class Utf8CheckingStream(Stream inner) : Stream
{
    private readonly Decoder _decoder = new UTF8Encoding(false, throwOnInvalidBytes: true).GetDecoder();
    private long _lines = 1;

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        var n = inner.Read(buffer);
        var data = buffer[..n];
        try
        {
            _decoder.GetCharCount(data, flush: n == 0);
        }
        catch (DecoderFallbackException e)
        {
            var at = Math.Clamp(e.Index, 0, data.Length);
            var bad = e.BytesUnknown is { Length: > 0 } b ? b[0] : (at < data.Length ? data[at] : (byte)0);
            throw new NotUtf8Exception(_lines + data[..at].Count((byte)'\n'), bad);
        }
        _lines += data.Count((byte)'\n');
        return n;
    }

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => inner.Length;
    public override long Position { get => inner.Position; set => throw new NotSupportedException(); }
    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}

/// <summary>
/// Hands the CSV reader its text line by line, each at most <see cref="MaxLine"/> characters: a longer line is
/// replaced by a line holding only <see cref="TooLong"/>, which the workforce reader rejects with its line
/// number, and reading goes on. (A longer line would otherwise stop the whole file.) Quotes are followed, so
/// that a dropped line does not leave a quoted cell open.
/// </summary>
internal sealed class LineGuardReader(TextReader inner) : TextReader
{
    public const int MaxLine = 1 << 16;
    public const char TooLong = '\u0001';

    private readonly char[] _buf = new char[MaxLine * 2];
    private int _pos;
    private int _len;
    private int _lineEnd = -1; // end (exclusive) of the line being handed out, -1 when none
    private bool _eof;
    private bool _inQuotes;
    private long _lines;
    private readonly char[] _marker = new char[3];
    private int _markerPos;
    private int _markerLen;

    /// <summary>True when the first line (the header) was too long.</summary>
    public bool HeaderTooLong { get; private set; }

    public override int Read(char[] buffer, int index, int count) => Read(buffer.AsSpan(index, count));

    public override int Read()
    {
        Span<char> one = stackalloc char[1];
        return Read(one) == 0 ? -1 : one[0];
    }

    public override int Read(Span<char> dest)
    {
        if (dest.IsEmpty) return 0;
        if (_markerPos < _markerLen)
        {
            var m = Math.Min(dest.Length, _markerLen - _markerPos);
            _marker.AsSpan(_markerPos, m).CopyTo(dest);
            _markerPos += m;
            return m;
        }
        if (_lineEnd < 0 && !NextLine()) return 0;
        if (_markerPos < _markerLen) return Read(dest);
        var n = Math.Min(dest.Length, _lineEnd - _pos);
        _buf.AsSpan(_pos, n).CopyTo(dest);
        _pos += n;
        if (_pos == _lineEnd) _lineEnd = -1;
        return n;
    }

    /// <summary>Finds the next line in the buffer (reading more as needed), or prepares the marker of a line too long.</summary>
    private bool NextLine()
    {
        while (true)
        {
            var pending = _buf.AsSpan(_pos, _len - _pos);
            var nl = pending[..Math.Min(pending.Length, MaxLine)].IndexOf('\n');
            if (nl >= 0 || (_eof && pending.Length > 0 && pending.Length <= MaxLine))
            {
                var length = nl >= 0 ? nl + 1 : pending.Length;
                if (pending[..length].Count('"') % 2 == 1) _inQuotes = !_inQuotes;
                _lineEnd = _pos + length;
                _lines++;
                return true;
            }
            if (pending.Length > MaxLine)
            {
                SkipLongLine();
                return true;
            }
            if (_eof) return false;
            Refill();
        }
    }

    private void Refill()
    {
        if (_pos > 0)
        {
            _buf.AsSpan(_pos, _len - _pos).CopyTo(_buf);
            _len -= _pos;
            _pos = 0;
        }
        var n = inner.Read(_buf.AsSpan(_len));
        if (n == 0) _eof = true;
        _len += n;
    }

    private void SkipLongLine()
    {
        var startedInQuotes = _inQuotes;
        while (true)
        {
            var pending = _buf.AsSpan(_pos, _len - _pos);
            var nl = pending.IndexOf('\n');
            var part = nl >= 0 ? pending[..(nl + 1)] : pending;
            if (part.Count('"') % 2 == 1) _inQuotes = !_inQuotes;
            _pos += part.Length;
            if (nl >= 0) break;
            if (_eof) break;
            Refill();
            if (_eof && _pos == _len) break;
        }
        if (_lines == 0) HeaderTooLong = true;
        _lines++;
        _markerLen = 0;
        _markerPos = 0;
        _marker[_markerLen++] = TooLong;
        if (startedInQuotes || _inQuotes) _marker[_markerLen++] = '"';
        _marker[_markerLen++] = '\n';
        _inQuotes = false;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing) inner.Dispose();
        base.Dispose(disposing);
    }
}
