using Segur.Engine.Law;
using Segur.Engine.Profiles;
using Segur.Engine.Time;

namespace Segur.Engine.Evaluation;

/// <summary>The trace of explained evaluations: every event goes to an <see cref="ExplanationBuilder"/>.</summary>
public readonly struct ExplanationTrace(ExplanationBuilder builder) : ITrace
{
    public bool Enabled => true;
    public void BeginMeasure(int index, Measure measure) => builder.BeginMeasure(index);
    public void InForce(Measure measure, YearMonth month, InForceStatus status, Confidence confidence) => builder.InForce(measure, month, status, confidence);
    public void InPost(int thirtieths) => builder.InPost(thirtieths);
    public void EnterRule(Rule rule) => builder.EnterRule();
    public void ExitRule(Rule rule, Tri result, InForceStatus status, Confidence confidence) => builder.ExitRule(rule, result, status, confidence);
    public void Exclusion(Exclusion exclusion, Tri applies, Confidence confidence) => builder.Exclusion(exclusion, applies, confidence);
    public void EndMeasure(Verdict verdict, Confidence confidence) => builder.EndMeasure(verdict, confidence);
    public void Superseded(int index, int by) => builder.Draft(index).SupersededBy = by;
    public void Note(int index, string text) => builder.Draft(index).Notes.Add(text);
    public void Caveat(int index, Caveat caveat) => builder.Draft(index).Caveats.Add(caveat);
    public void Amount(int index, decimal? fullTime, string? unknownReason) => builder.Draft(index).UnknownAmount = unknownReason;
    public void Step(int index, CalculationStep step) => builder.Draft(index).Steps.Add(step);
    public void Uncertainty(Uncertainty uncertainty) { }
}

/// <summary>
/// Builds the typed explanation of one month from the kernel's events: for each measure its criterion
/// nodes, calculation steps, caveats and notes. It decides nothing: verdicts and grades come from the kernel.
/// </summary>
public sealed class ExplanationBuilder(Legislation law, Profile profile)
{
    /// <summary>What the builder knows of one measure so far.</summary>
    public sealed class MeasureDraft
    {
        public List<CriterionNode> Criteria { get; } = [];
        public List<CalculationStep> Steps { get; } = [];
        public List<Caveat> Caveats { get; } = [];
        public List<string> Notes { get; } = [];
        public SortedSet<string> Missing { get; } = new(StringComparer.Ordinal);
        public Verdict Verdict { get; set; }
        public Confidence Confidence { get; set; }
        public int SupersededBy { get; set; } = -1;
        public string? UnknownAmount { get; set; }

        internal void CopyFrom(MeasureDraft d)
        {
            Criteria.AddRange(d.Criteria);
            Steps.AddRange(d.Steps);
            Caveats.AddRange(d.Caveats);
            Notes.AddRange(d.Notes);
            Missing.UnionWith(d.Missing);
            (Verdict, Confidence, SupersededBy, UnknownAmount) = (d.Verdict, d.Confidence, d.SupersededBy, d.UnknownAmount);
        }
    }

    private readonly MeasureDraft[] _drafts = law.Measures.Select(_ => new MeasureDraft()).ToArray();
    private readonly Stack<List<CriterionNode>> _open = new();
    private int _current;

    public MeasureDraft Draft(int index) => _drafts[index];

    /// <summary>A builder with copies of these drafts (the criterion nodes themselves are shared: they are immutable), to
    /// finish a shared decision for one profile without touching it.</summary>
    internal ExplanationBuilder Fork()
    {
        var copy = new ExplanationBuilder(law, profile);
        for (var i = 0; i < _drafts.Length; i++) copy._drafts[i].CopyFrom(_drafts[i]);
        return copy;
    }

    internal void BeginMeasure(int index)
    {
        _current = index;
        _open.Clear();
    }

    private void Add(CriterionNode node)
    {
        if (_open.Count > 0) _open.Peek().Add(node);
        else _drafts[_current].Criteria.Add(node);
    }

    internal void InForce(Measure m, YearMonth month, InForceStatus status, Confidence confidence)
    {
        var label = m.To is null
            ? $"Période d'application : à compter du {Format.Date(m.From)}"
            : $"Période d'application : du {Format.Date(m.From)} au {Format.Date(m.To.Value)}";
        var detail = status switch
        {
            InForceStatus.OutOfSpan => $"{Format.Month(month)} est hors de la période d'application",
            InForceStatus.NotYetPublished => $"le texte qui l'institue a été publié le {Format.Date(m.InstitutedBy.EarliestPublic!.Value)}, après la date de droit retenue",
            InForceStatus.Retroactive => $"droit ouvert rétroactivement : texte publié le {Format.Date(m.InstitutedBy.PublishedOn!.Value)}",
            _ => null,
        };
        Add(new InForceNode
        {
            Measure = m, Label = label, Detail = detail, Confidence = confidence,
            Result = status is InForceStatus.InForce or InForceStatus.Retroactive ? Tri.True : Tri.False,
            Citations = [new Citation(m.InstitutedBy, null)],
        });
    }

    internal void InPost(int thirtieths) => Add(new InPostNode
    {
        Thirtieths = thirtieths, Label = "En fonction au cours du mois", Result = TriLogic.Of(thirtieths > 0),
        Detail = thirtieths > 0 ? $"{thirtieths} trentième(s) du mois en fonction" : "hors de la période d'emploi (entrée ou sortie)",
    });

    internal void EnterRule() => _open.Push([]);

    internal void ExitRule(Rule r, Tri result, InForceStatus status, Confidence confidence)
    {
        var children = _open.Pop();
        string? detail;
        if (status == InForceStatus.OutOfSpan)
            detail = $"règle applicable {(r.To is null ? $"à compter du {Format.Date(r.From!.Value)}" : $"jusqu'au {Format.Date(r.To.Value)}")}";
        else if (status == InForceStatus.NotYetPublished)
            detail = $"instituée par un texte {(r.InstitutedBy!.PublishedOn is null ? "signé" : "publié")} le {Format.Date(r.InstitutedBy.EarliestPublic!.Value)}, après la date de droit retenue";
        else if (r.Kind == RuleKind.Leaf)
        {
            detail = Describe(r.Condition!);
            if (result == Tri.Unknown) CollectMissing(r.Condition!);
        }
        else detail = null;
        Add(new RuleNode { Rule = r, Label = r.Label, Result = result, Detail = detail, Citations = r.Citations, Confidence = confidence, Note = r.Note, Children = children });
    }

    internal void Exclusion(Exclusion e, Tri applies, Confidence confidence)
    {
        if (applies == Tri.Unknown) CollectMissing(e.Condition);
        Add(new ExclusionNode
        {
            Exclusion = e, Label = e.Title, Result = TriLogic.Not(applies), Citations = e.Citations, Confidence = confidence, Note = e.Note,
            Detail = applies switch { Tri.True => "exclu : " + (e.Description ?? e.Title), Tri.False => "non concerné", _ => "indéterminé faute d'information" },
        });
    }

    internal void EndMeasure(Verdict verdict, Confidence confidence)
    {
        var d = _drafts[_current];
        d.Verdict = verdict;
        d.Confidence = confidence;
    }

    /// <summary>« employeur.secteur = public ; emploi.statut non renseigné » (with the implication that filled a fact).</summary>
    private string Describe(Condition c)
    {
        var fields = new SortedSet<FieldDef>(Comparer<FieldDef>.Create((a, b) => a.Index.CompareTo(b.Index)));
        c.CollectFields(fields);
        return string.Join(" ; ", fields.Select(f =>
        {
            var code = profile.Codes[f.Index];
            if (code == Facts.Absent) return $"{f.Name} non renseigné";
            var implied = profile.Implied.FirstOrDefault(i => i.Field == f);
            return implied is null ? $"{f.Name} = {f.Describe(code)}" : $"{f.Name} = {f.Describe(code)} (déduit : {implied.Title})";
        }));
    }

    private void CollectMissing(Condition c)
    {
        var fields = new HashSet<FieldDef>();
        c.CollectFields(fields);
        foreach (var f in fields.Where(f => profile.Codes[f.Index] == Facts.Absent)) _drafts[_current].Missing.Add(f.Name);
    }

    /// <summary>The caveats of a due measure: every non-H fact on the criteria it meets.</summary>
    internal static IEnumerable<Caveat> CriteriaCaveats(IEnumerable<CriterionNode> nodes)
    {
        foreach (var n in nodes)
        {
            if (n.Result != Tri.True || n.Confidence == Confidence.H) continue;
            if (n is RuleNode r)
            {
                var carriers = r.Children.Where(c => c.Result == Tri.True && c.Confidence != Confidence.H).ToList();
                if (carriers.Count > 0 && r.Rule.Confidence == Confidence.H && Kernel.Best(r.Citations) == Confidence.H)
                {
                    foreach (var c in CriteriaCaveats(carriers)) yield return c;
                    continue;
                }
                var weakText = r.Citations.FirstOrDefault(c => c.Text.Confidence == Confidence.L);
                var why = r.Note ?? (weakText is not null ? $"texte de référence incertain : {weakText.Text.Title}" : null);
                yield return new Caveat(n.Confidence, why is null ? n.Label : $"{n.Label} — {why}", r.Citations.FirstOrDefault());
            }
            else if (n is InForceNode f)
            {
                var m = f.Measure;
                yield return new Caveat(n.Confidence, $"{m.Id} : {m.Note ?? "mesure établie par une source secondaire"}", m.Citations.FirstOrDefault());
            }
        }
    }
}
