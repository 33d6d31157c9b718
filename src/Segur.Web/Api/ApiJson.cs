using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Segur.Web.Api;

/// <summary>
/// The serialization of every typed answer of the API (Api/Contracts.cs, the problem documents), generated at build time
/// by System.Text.Json: no reflection on the request path, and <c>Results.Json</c> writes straight into the response.
/// Snake case (« publie_le »), indented, non-ASCII letters written as they are.
/// </summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, WriteIndented = true)]
[JsonSerializable(typeof(ProblemDocument))]
[JsonSerializable(typeof(List<Mesure>))]
[JsonSerializable(typeof(Mesure))]
[JsonSerializable(typeof(List<Parametre>))]
[JsonSerializable(typeof(Parametre))]
[JsonSerializable(typeof(List<Texte>))]
[JsonSerializable(typeof(List<Cas>))]
[JsonSerializable(typeof(List<Reforme>))]
[JsonSerializable(typeof(Sante))]
[JsonSerializable(typeof(Televersement))]
[JsonSerializable(typeof(CalculCree))]
[JsonSerializable(typeof(List<Calcul>))]
[JsonSerializable(typeof(Calcul))]
[JsonSerializable(typeof(JsonObject))]
public sealed partial class ApiJson : JsonSerializerContext
{
    /// <summary>The context with the API's options (the relaxed encoder cannot be given by attribute).</summary>
    public static ApiJson Api { get; } = new(new JsonSerializerOptions
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
    });
}

/// <summary>A French error document (<c>application/problem+json</c>, RFC 9457, with <c>champ</c> and <c>erreurs</c>).</summary>
public sealed record ProblemDocument(string Type, string Title, int Status, string Detail, string? Champ, IReadOnlyList<string> Erreurs);
