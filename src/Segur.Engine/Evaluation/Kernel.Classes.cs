using Segur.Engine.Law;

namespace Segur.Engine.Evaluation;

/// <summary>The one definition of a class of coded facts, shared by the batch's class memo and the API's decision cache.</summary>
public sealed partial class Kernel
{
    private int[]? _classFields;

    /// <summary>
    /// Indices (ascending) of the fields that make a class: the <see cref="DecisionFields"/> and those of the employer-rate
    /// rules. Two sets of codes that agree on these fields get the same decision and the same employer rate every month;
    /// the quotité, temps partiel, entry and exit dates, share of time in eligible structures and share of pay kept are pure
    /// multipliers (<see cref="Factor"/>) and never split a class. The batch (<c>Segur.Batch.ClassTable</c>) keys its verdicts
    /// on them, and so does the explained evaluation (<see cref="DecisionClass"/>, <see cref="DecisionCache"/>).
    /// </summary>
    public ReadOnlySpan<int> ClassFields => _classFields ??= CollectClassFields();

    private int[] CollectClassFields()
    {
        var fields = new HashSet<FieldDef>(DecisionFields);
        foreach (var r in Law.EmployerRates) r.Scope.Condition?.CollectFields(fields);
        return [.. fields.Select(f => f.Index).Order()];
    }
}
