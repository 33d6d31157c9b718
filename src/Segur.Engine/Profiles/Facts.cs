namespace Segur.Engine.Profiles;

/// <summary>Sentinel code of a profile field left out.</summary>
public static class Facts
{
    /// <summary>The code of an absent field: conditions on it evaluate to <c>Unknown</c>.</summary>
    public const int Absent = int.MinValue;
}
