using System.Text;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;
using Segur.Web.Simulation;

namespace Segur.Web.Api;

/// <summary>A form read from a request: text fields, and at most one uploaded file, already stored in the data folder.</summary>
public sealed record FormData(Dictionary<string, string> Fields, string? UploadId, string? UploadName)
{
    public string Get(string name) => Fields.TryGetValue(name, out var v) ? v : "";
}

/// <summary>
/// Streams a <c>multipart/form-data</c> (or url-encoded) form: text fields are bounded, the file goes
/// straight to the data folder under a random name (never to a system temporary folder), and only when
/// the write token, sent before the file, is valid.
/// </summary>
public static class FormReader
{
    private const int MaxFieldBytes = 256 * 1024;
    private const int MaxFields = 64;

    /// <remarks><c>token</c> is checked against the form's « jeton » field before a file is stored; null when the request's header was already checked.</remarks>
    public static async Task<FormData> ReadAsync(HttpRequest req, SimulationService sims, WriteToken? token, long maxBytes, CancellationToken ct)
    {
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        var type = req.ContentType ?? "";
        if (type.StartsWith("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase))
        {
            var body = await RequestBody.ReadAsync(req, MaxFieldBytes * 4L, ct);
            foreach (var (k, v) in QueryHelpers.ParseQuery(Encoding.UTF8.GetString(body)))
            {
                if (fields.Count >= MaxFields) throw new WebProblem(400, "formulaire : trop de champs");
                fields[k] = v.ToString();
            }
            return new FormData(fields, null, null);
        }
        if (!MediaTypeHeaderValue.TryParse(type, out var media) || !media.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase))
            throw new WebProblem(415, $"type de contenu « {type} » ; attendu un formulaire (multipart/form-data)");
        var boundary = HeaderUtilities.RemoveQuotes(media.Boundary).Value;
        if (string.IsNullOrEmpty(boundary) || boundary.Length > 200) throw new WebProblem(400, "formulaire : séparateur multipart manquant ou invalide");
        if (req.ContentLength is { } len && len > maxBytes + (1 << 20))
            throw new WebProblem(413, $"fichier trop volumineux ; au plus {maxBytes / (1 << 20)} Mo acceptés");
        var feature = req.HttpContext.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpMaxRequestBodySizeFeature>();
        if (feature is { IsReadOnly: false }) feature.MaxRequestBodySize = maxBytes + (1 << 20);
        var reader = new MultipartReader(boundary, req.Body) { HeadersLengthLimit = 16 * 1024, BodyLengthLimit = Math.Max(maxBytes, MaxFieldBytes * 2L) };
        string? uploadId = null, uploadName = null;
        MultipartSection? section;
        while ((section = await Truncated(() => reader.ReadNextSectionAsync(ct))) is not null)
        {
            var body = new SectionStream(section.Body);
            if (!ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var cd) || !cd.DispositionType.Equals("form-data")) continue;
            var name = HeaderUtilities.RemoveQuotes(cd.Name).Value ?? "";
            var fileName = HeaderUtilities.RemoveQuotes(cd.FileNameStar.HasValue ? cd.FileNameStar : cd.FileName).Value;
            if (fileName is not null)
            {
                if (fileName.Length == 0) { await body.DrainAsync(ct); continue; }
                if (uploadId is not null) throw new WebProblem(400, "formulaire : un seul fichier à la fois");
                if (maxBytes <= 0) throw new WebProblem(400, "formulaire : fichier inattendu");
                if (token is not null && !token.Check(fields.GetValueOrDefault("jeton")))
                    throw new WebProblem(token.Enabled ? 401 : 403, token.Enabled
                        ? "/jeton : jeton d'écriture manquant ou invalide ; téléverser un fichier demande le jeton configuré au démarrage du serveur"
                        : "téléversement désactivé : le serveur a été démarré sans jeton d'écriture");
                uploadName = Path.GetFileName(fileName.Replace('\\', '/'));
                uploadId = await sims.SaveUploadAsync(body, uploadName, ct);
                continue;
            }
            if (fields.Count >= MaxFields) throw new WebProblem(400, "formulaire : trop de champs");
            using var sr = new StreamReader(body, Encoding.UTF8);
            var buffer = new char[MaxFieldBytes + 1];
            var n = await sr.ReadBlockAsync(buffer, ct);
            if (n > MaxFieldBytes) throw new WebProblem(413, $"/{name} : champ trop long ; au plus {MaxFieldBytes / 1024} ko");
            fields[name] = new string(buffer, 0, n);
        }
        return new FormData(fields, uploadId, uploadName);
    }

    private static async Task<T> Truncated<T>(Func<Task<T>> read)
    {
        try
        {
            return await read();
        }
        catch (IOException e) when (e is not BadHttpRequestException)
        {
            throw SectionStream.Malformed();
        }
    }
}

/// <summary>
/// A part of a multipart form: the reader's « unexpected end of stream » (a form without its closing
/// boundary, or cut short) is the client's malformed form, not a server failure.
/// </summary>
internal sealed class SectionStream(Stream inner) : Stream
{
    public static WebProblem Malformed() =>
        new(400, "formulaire multipart tronqué ou mal formé : séparateur de fin manquant ou partie incomplète ; attendu multipart/form-data terminé par --séparateur--");

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override int Read(byte[] buffer, int offset, int count)
    {
        try
        {
            return inner.Read(buffer, offset, count);
        }
        catch (IOException e) when (e is not BadHttpRequestException)
        {
            throw Malformed();
        }
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        try
        {
            return await inner.ReadAsync(buffer, cancellationToken);
        }
        catch (IOException e) when (e is not BadHttpRequestException)
        {
            throw Malformed();
        }
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();
}

/// <summary>The write token: compared in constant time; empty means writing is disabled.</summary>
public sealed class WriteToken(string token)
{
    private readonly byte[] _expected = Encoding.UTF8.GetBytes(token);

    public bool Enabled => _expected.Length > 0;

    public bool Check(string? given)
    {
        if (!Enabled || string.IsNullOrEmpty(given)) return false;
        return System.Security.Cryptography.CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(given.Trim()), _expected);
    }

    /// <summary>The token of an API request: <c>Authorization: Bearer …</c> or <c>X-Segur-Jeton</c>.</summary>
    public bool Check(HttpRequest req)
    {
        var auth = req.Headers.Authorization.ToString();
        if (auth.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)) return Check(auth[7..]);
        return Check(req.Headers["X-Segur-Jeton"].ToString());
    }

    public void Require(HttpRequest req, string what)
    {
        if (!Enabled) throw new WebProblem(403, $"{what} : écriture désactivée, le serveur a été démarré sans jeton");
        if (!Check(req)) throw new WebProblem(401, $"{what} : jeton d'écriture manquant ou invalide ; envoyez l'en-tête « Authorization: Bearer <jeton> » (jeton configuré au démarrage du serveur)");
    }
}
