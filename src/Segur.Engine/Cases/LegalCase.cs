using System.Text.Json.Nodes;
using Segur.Engine.Time;

namespace Segur.Engine.Cases;

/// <summary>What a case file says the law gives for one profile and one month.</summary>
public sealed record Expectation(bool Eligible, string? Measure, decimal? Gross, bool GrossKnown, IReadOnlyList<Motif> Motifs, bool Uncertain);

/// <summary>
/// One legal case (<c>legislation/cases/*.yaml</c>): a profile, a month, optionally the date of the law
/// applied, and the expected verdict, measure, amount and reasons, with its sources.
/// </summary>
public sealed record LegalCase(
    string Id,
    string Title,
    JsonObject Profile,
    YearMonth Month,
    DateOnly? LawAsOf,
    Expectation Expected,
    string Reason,
    string Confidence,
    IReadOnlyList<string> Sources,
    string File,
    int Line);
