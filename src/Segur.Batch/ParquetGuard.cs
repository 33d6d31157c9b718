namespace Segur.Batch;

/// <summary>
/// Guards Parquet.Net 6.1 against damaged files that make it spin forever instead of failing: its Thrift
/// compact reader takes the -1 of <see cref="Stream.ReadByte"/> at the end of the data for a byte with the
/// continuation bit set, and loops (aloneguid/parquet-dotnet#723, fixed only in a preview). Before the
/// library opens a file, <see cref="CheckFooter"/> runs the library's own footer parser on a stream that
/// throws at its end, and <see cref="Bounded"/> wraps the file so that the page headers read later do too.
/// </summary>
public static class ParquetGuard
{
    // The library's own footer parser (internal in 6.1), run here on a stream that ends with an exception.
    private static readonly Type? ProtocolType = typeof(Parquet.ParquetReader).Assembly.GetType("Parquet.Meta.Proto.ThriftCompactProtocolReader");
    private static readonly System.Reflection.MethodInfo? ReadFooter = typeof(Parquet.Meta.FileMetaData).GetMethod(
        "Read", System.Reflection.BindingFlags.Static | System.Reflection.BindingFlags.NonPublic, ProtocolType is null ? [] : [ProtocolType]);

    /// <summary>True when the guard can run the library's footer parser (a test keeps it so on upgrades).</summary>
    public static bool Active => ProtocolType is not null && ReadFooter is not null;

    /// <summary>The file stream, whose <see cref="Stream.ReadByte"/> throws at the end instead of returning -1.</summary>
    public static Stream Bounded(Stream inner) => new EndThrowingStream(inner);

    /// <summary>
    /// Parses the footer as the library will, but on a stream that throws at its end; throws
    /// <see cref="InvalidDataException"/> when the footer is missing or runs past its declared length.
    /// </summary>
    public static void CheckFooter(Stream file)
    {
        var length = file.Length;
        if (length < 12) throw new InvalidDataException("fichier trop court");
        Span<byte> tail = stackalloc byte[8];
        file.Seek(length - 8, SeekOrigin.Begin);
        file.ReadExactly(tail);
        var footer = System.Buffers.Binary.BinaryPrimitives.ReadInt32LittleEndian(tail); // Parquet lengths are little-endian
        if (tail[4] != 'P' || tail[5] != 'A' || tail[6] != 'R' || tail[7] != '1' || footer <= 0 || footer > length - 12)
            throw new InvalidDataException("pied de fichier Parquet absent");
        var bytes = new byte[footer];
        file.Seek(length - 8 - footer, SeekOrigin.Begin);
        file.ReadExactly(bytes);
        file.Seek(0, SeekOrigin.Begin);
        if (!Active) return;
        using var stream = new EndThrowingStream(new MemoryStream(bytes, writable: false));
        try
        {
            ReadFooter!.Invoke(null, [Activator.CreateInstance(ProtocolType!, stream)]);
        }
        catch (System.Reflection.TargetInvocationException e) when (e.InnerException is not null)
        {
            throw new InvalidDataException("pied de fichier Parquet invalide", e.InnerException);
        }
    }

    private sealed class EndThrowingStream(Stream inner) : Stream
    {
        public override bool CanRead => inner.CanRead;
        public override bool CanSeek => inner.CanSeek;
        public override bool CanWrite => false;
        public override long Length => inner.Length;
        public override long Position { get => inner.Position; set => inner.Position = value; }
        public override void Flush() { }
        public override int Read(byte[] buffer, int offset, int count) => inner.Read(buffer, offset, count);
        public override int Read(Span<byte> buffer) => inner.Read(buffer);
        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) => inner.ReadAsync(buffer, cancellationToken);
        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) => inner.ReadAsync(buffer, offset, count, cancellationToken);
        public override int ReadByte() => inner.ReadByte() is var b and >= 0 ? b : throw new EndOfStreamException();
        public override long Seek(long offset, SeekOrigin origin) => inner.Seek(offset, origin);
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        protected override void Dispose(bool disposing)
        {
            if (disposing) inner.Dispose();
            base.Dispose(disposing);
        }
    }
}
