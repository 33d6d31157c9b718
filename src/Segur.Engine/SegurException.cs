namespace Segur.Engine;

/// <summary>
/// An error the user can fix (bad profile, bad legislation file, bad option). Its message is French and
/// names where the problem is (file, line or JSON path) and what was expected. Front-ends print it
/// without a stack trace and exit with code 2.
/// </summary>
public sealed class SegurException : Exception
{
    public SegurException(string message, IReadOnlyList<string>? details = null) : base(message)
    {
        Details = details ?? [];
    }

    /// <summary>Further problems found in the same pass (one line each, already in French).</summary>
    public IReadOnlyList<string> Details { get; }
}
