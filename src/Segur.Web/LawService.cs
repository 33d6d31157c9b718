using System.Collections.Concurrent;
using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using Segur.Engine;
using Segur.Engine.Cases;
using Segur.Engine.Evaluation;
using Segur.Engine.Law;
using Segur.Engine.Profiles;

namespace Segur.Web;

/// <summary>A reform scenario shipped with segur (<c>legislation/reforms/</c>).</summary>
public sealed record EmbeddedReform(string Id, string File, string Title, string Text);

/// <summary>
/// The embedded legislation, loaded and checked once, the reform scenarios shipped with segur, and a
/// small cache of reformed laws keyed by the overlay's text: loading a law takes tens of milliseconds,
/// evaluating a profile microseconds. Everything here is immutable and shared between requests.
/// </summary>
public sealed class LawService
{
    private const int CacheSize = 32;
    private readonly ConcurrentDictionary<string, Lazy<Legislation>> _reformed = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<string> _order = new();
    private readonly ILegislationSource _source = new EmbeddedLegislation();
    private readonly Lazy<IReadOnlyList<LegalCase>> _cases;

    /// <summary>Classes kept by the decision cache of each reformed law's evaluator (<see cref="EvaluatorFor"/>).</summary>
    private const int ReformDecisions = 64;
    private readonly System.Runtime.CompilerServices.ConditionalWeakTable<Legislation, Evaluator> _evaluators = new();

    public LawService()
    {
        Law = LegislationLoader.Load(_source);
        Decisions = new DecisionCache();
        Evaluator = new Evaluator(Law, Decisions);
        Reader = new ProfileReader(Law);
        Reforms = ReadReforms();
        _cases = new Lazy<IReadOnlyList<LegalCase>>(() => CaseFileReader.Read(new EmbeddedLegislation()));
    }

    public Legislation Law { get; }
    /// <summary>The explanation of the law in force, with <see cref="Decisions"/>: one per server.</summary>
    public Evaluator Evaluator { get; }

    /// <summary>Months already explained under the law in force, by class of coded facts (bounded, see <see cref="DecisionCache"/>).</summary>
    public DecisionCache Decisions { get; }

    /// <summary>
    /// The evaluator of <paramref name="law"/>: <see cref="Evaluator"/> for the law in force; for a reformed law, one made
    /// once per cached law (its own small decision cache), so that no request builds an evaluator.
    /// </summary>
    public Evaluator EvaluatorFor(Legislation law) =>
        ReferenceEquals(law, Law) ? Evaluator : _evaluators.GetValue(law, l => new Evaluator(l, new DecisionCache(ReformDecisions)));

    public ProfileReader Reader { get; }
    public IReadOnlyList<EmbeddedReform> Reforms { get; }

    /// <summary>The legal cases shipped with segur (read on first use).</summary>
    public IReadOnlyList<LegalCase> Cases => _cases.Value;

    /// <summary>
    /// The law with a reform overlay: <paramref name="reform"/> is the id of a shipped scenario or the
    /// YAML text of an overlay. Throws <see cref="SegurException"/> (French) when the overlay is invalid.
    /// </summary>
    public Legislation WithReform(string reform)
    {
        var shipped = Reforms.FirstOrDefault(r => r.Id == reform.Trim());
        var text = shipped?.Text ?? reform;
        var name = shipped?.File ?? "réforme.yaml";
        var key = name + "\0" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
        var created = false;
        var lazy = _reformed.GetOrAdd(key, _ =>
        {
            created = true;
            return new Lazy<Legislation>(() => LegislationLoader.Load(_source, new ReformSource(name, text)));
        });
        try
        {
            var law = lazy.Value;
            if (created)
            {
                // Oldest first out: the queue holds each cached key once.
                _order.Enqueue(key);
                while (_reformed.Count > CacheSize && _order.TryDequeue(out var old))
                {
                    if (old != key) _reformed.TryRemove(old, out _);
                }
            }
            return law;
        }
        catch
        {
            _reformed.TryRemove(key, out _);
            throw;
        }
    }

    /// <summary>Resolves the text of a reform given as a shipped id or as YAML.</summary>
    public (string? Id, string Text) ReformText(string reform)
    {
        var shipped = Reforms.FirstOrDefault(r => r.Id == reform.Trim());
        return shipped is null ? (null, reform) : (shipped.Id, shipped.Text);
    }

    private IReadOnlyList<EmbeddedReform> ReadReforms() =>
        ReformSource.Shipped(_source).Select(r => new EmbeddedReform(r.Id, r.Source.Name, r.Title, r.Source.Text)).ToList();

    private static string Resource(Assembly asm, string name)
    {
        using var s = asm.GetManifestResourceStream(name)!;
        using var r = new StreamReader(s);
        return r.ReadToEnd();
    }
}
