using Segur.Engine.Time;

namespace Segur.Engine.Law;

/// <summary>
/// Proves, before any evaluation, that two measures of one family can never both pay the same job in
/// the same month unless one of them says it gives way (<c>cede_a</c>). Each measure's criteria and
/// exclusions are put in disjunctive normal form over the finite field domains (integer fields such as
/// IDCC are reduced to the constants the law names plus "any other"), for every span of months where
/// the set of rules in force is constant; two measures conflict when some conjunction of each intersects.
/// </summary>
internal static class ConflictChecker
{
    private const int MaxTerms = 200_000;

    public static List<string> Check(IReadOnlyList<Measure> measures)
    {
        var errors = new List<string>();
        foreach (var m in measures)
        {
            foreach (var c in m.CedesTo)
            {
                var other = measures.FirstOrDefault(x => x.Id == c);
                if (other is not null && other.CedesTo.Contains(m.Id) && string.CompareOrdinal(m.Id, c) < 0)
                    errors.Add($"{m.SourceFile} : mesures {m.Id} et {c} cèdent chacune à l'autre ; attendu une seule priorité");
            }
        }
        var domains = new Domains(measures);
        var reported = new HashSet<(string, string)>();
        foreach (var family in measures.GroupBy(m => m.Family))
        {
            var list = family.ToList();
            if (list.Count < 2) continue;
            foreach (var start in Boundaries(list))
            {
                var month = YearMonth.Of(start);
                var dnfs = new Dictionary<Measure, List<Term>>();
                foreach (var m in list.Where(m => InForce(m, month))) dnfs[m] = domains.MeasureDnf(m, month);
                var active = dnfs.Keys.ToList();
                for (var i = 0; i < active.Count; i++)
                for (var j = i + 1; j < active.Count; j++)
                {
                    var (a, b) = (active[i], active[j]);
                    if (a.CedesTo.Contains(b.Id) || b.CedesTo.Contains(a.Id) || reported.Contains((a.Id, b.Id))) continue;
                    var witness = domains.Intersect(dnfs[a], dnfs[b]);
                    if (witness is null) continue;
                    var msg = $"{a.SourceFile} : conflit entre les mesures {a.Id} et {b.Id} (famille « {family.Key} ») : à partir de {month}, un même emploi peut remplir les deux (par exemple {witness}) et aucune règle ne dit laquelle l'emporte ; attendu « cede_a: [{b.Id}] » dans {a.Id} ou « cede_a: [{a.Id}] » dans {b.Id}, ou des critères qui s'excluent";
                    reported.Add((a.Id, b.Id));
                    errors.Add(msg);
                }
            }
        }
        return errors;
    }

    private static bool InForce(Measure m, YearMonth month) =>
        m.From <= month.FirstDay && (m.To is null || m.To.Value >= month.LastDay);

    private static IEnumerable<DateOnly> Boundaries(List<Measure> measures)
    {
        var dates = new SortedSet<DateOnly>();
        void Add(DateOnly? from, DateOnly? to)
        {
            if (from is not null) dates.Add(from.Value);
            if (to is not null && to.Value < DateOnly.MaxValue.AddDays(-1)) dates.Add(to.Value.AddDays(1));
        }
        void Walk(Rule r)
        {
            Add(r.From, r.To);
            foreach (var c in r.Children) Walk(c);
        }
        foreach (var m in measures)
        {
            Add(m.From, m.To);
            foreach (var r in m.Criteria) Walk(r);
        }
        return dates;
    }

    /// <summary>A conjunction: for each constrained field, the allowed domain indices.</summary>
    private sealed class Term(Dictionary<int, bool[]> sets)
    {
        public Dictionary<int, bool[]> Sets { get; } = sets;
    }

    private sealed class Domains
    {
        private readonly Dictionary<int, List<int>> _integerConstants = [];
        private readonly Dictionary<int, FieldDef> _fields = [];

        public Domains(IReadOnlyList<Measure> measures)
        {
            void Collect(Condition c)
            {
                switch (c)
                {
                    case FieldIn f:
                        _fields[f.Field.Index] = f.Field;
                        if (f.Field.Kind == FieldKind.Integer)
                        {
                            if (!_integerConstants.TryGetValue(f.Field.Index, out var list)) _integerConstants[f.Field.Index] = list = [];
                            foreach (var v in f.Allowed) if (!list.Contains(v)) list.Add(v);
                        }
                        break;
                    case AllOf a: foreach (var p in a.Parts) Collect(p); break;
                    case AnyOf o: foreach (var p in o.Parts) Collect(p); break;
                    case NotOf n: Collect(n.Inner); break;
                }
            }
            void Walk(Rule r)
            {
                if (r.Condition is not null) Collect(r.Condition);
                foreach (var ch in r.Children) Walk(ch);
            }
            foreach (var m in measures)
            {
                foreach (var r in m.Criteria) Walk(r);
                foreach (var e in m.Exclusions) Collect(e.Condition);
            }
        }

        private int Size(int field) => _integerConstants.TryGetValue(field, out var l) ? l.Count + 1 : _fields[field].Values.Count;

        private bool[] Set(FieldIn f, bool negate)
        {
            var size = Size(f.Field.Index);
            var set = new bool[size];
            if (f.Field.Kind == FieldKind.Integer)
            {
                var consts = _integerConstants[f.Field.Index];
                for (var i = 0; i < consts.Count; i++) set[i] = f.Allowed.Contains(consts[i]);
                set[size - 1] = false; // "any other integer" is never in an explicit list
            }
            else
            {
                foreach (var v in f.Allowed) set[v] = true;
            }
            if (negate) for (var i = 0; i < size; i++) set[i] = !set[i];
            return set;
        }

        public List<Term> MeasureDnf(Measure m, YearMonth month)
        {
            var terms = new List<Term> { new([]) };
            foreach (var r in m.Criteria) terms = And(terms, RuleDnf(r, month));
            foreach (var e in m.Exclusions) terms = And(terms, Dnf(e.Condition, negate: true));
            return terms;
        }

        private List<Term> RuleDnf(Rule r, YearMonth month)
        {
            if (!r.InForce(month)) return [];
            return r.Kind switch
            {
                RuleKind.Leaf => Dnf(r.Condition!, negate: false),
                RuleKind.All => r.Children.Aggregate(new List<Term> { new([]) }, (acc, c) => And(acc, RuleDnf(c, month))),
                _ => r.Children.SelectMany(c => RuleDnf(c, month)).ToList(),
            };
        }

        private List<Term> Dnf(Condition c, bool negate) => c switch
        {
            FieldIn f => [new Term(new Dictionary<int, bool[]> { [f.Field.Index] = Set(f, negate) })],
            NotOf n => Dnf(n.Inner, !negate),
            AllOf a when !negate => a.Parts.Aggregate(new List<Term> { new([]) }, (acc, p) => And(acc, Dnf(p, false))),
            AllOf a => a.Parts.SelectMany(p => Dnf(p, true)).ToList(),
            AnyOf o when !negate => o.Parts.SelectMany(p => Dnf(p, false)).ToList(),
            AnyOf o => o.Parts.Aggregate(new List<Term> { new([]) }, (acc, p) => And(acc, Dnf(p, true))),
            _ => throw new InvalidOperationException("condition inconnue"),
        };

        private static Term? Meet(Term a, Term b)
        {
            var sets = new Dictionary<int, bool[]>(a.Sets);
            foreach (var (field, set) in b.Sets)
            {
                if (sets.TryGetValue(field, out var existing))
                {
                    var both = new bool[set.Length];
                    var any = false;
                    for (var i = 0; i < set.Length; i++) any |= both[i] = set[i] && existing[i];
                    if (!any) return null;
                    sets[field] = both;
                }
                else
                {
                    if (!set.Contains(true)) return null;
                    sets[field] = set;
                }
            }
            return new Term(sets);
        }

        private static List<Term> And(List<Term> left, List<Term> right)
        {
            var result = new List<Term>();
            foreach (var a in left)
            foreach (var b in right)
            {
                if (Meet(a, b) is { } t) result.Add(t);
                if (result.Count > MaxTerms) throw new SegurException($"législation trop complexe pour la vérification des conflits (plus de {MaxTerms} combinaisons) ; simplifiez les critères");
            }
            return result;
        }

        /// <summary>A readable witness profile when the two DNFs intersect, else null.</summary>
        public string? Intersect(List<Term> a, List<Term> b)
        {
            foreach (var x in a)
            foreach (var y in b)
            {
                if (Meet(x, y) is not { } t) continue;
                var parts = t.Sets.OrderBy(p => p.Key).Select(p =>
                {
                    var f = _fields[p.Key];
                    var i = Array.IndexOf(p.Value, true);
                    var value = f.Kind == FieldKind.Integer
                        ? (i < _integerConstants[p.Key].Count ? _integerConstants[p.Key][i].ToString(System.Globalization.CultureInfo.InvariantCulture) : "autre")
                        : f.Describe(i);
                    return $"{f.Name} = {value}";
                });
                return string.Join(", ", parts);
            }
            return null;
        }
    }
}
