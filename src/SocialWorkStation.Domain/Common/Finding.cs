namespace SocialWorkStation.Domain.Common;

public enum Severity { Error, Warning }

/// <summary>
/// One rule checked against a record: passed or not, how serious, a message a station head understands,
/// and the document and clause the rule comes from. The shape is fixed by docs/requirements/api.md (compliance answers).
/// </summary>
public sealed record Finding(string Rule, bool Passed, Severity Severity, string Message, string Source)
{
    /// <summary>
    /// Where the platform reads a silent or ambiguous document (docs/requirements/domain.md §10), the reading it
    /// applied, shown beside the message as an interpretation rather than as the document's words.
    /// </summary>
    public string? Interpretation { get; init; }

    public static Finding Pass(string rule, string message, string source, Severity severity = Severity.Error) =>
        new(rule, true, severity, message, source);

    public static Finding Fail(string rule, string message, string source, Severity severity = Severity.Error) =>
        new(rule, false, severity, message, source);
}

public static class Findings
{
    /// <summary>docs/requirements/api.md: compliant is false exactly when some finding with severity error did not pass.</summary>
    public static bool Compliant(IEnumerable<Finding> findings) =>
        !findings.Any(f => !f.Passed && f.Severity == Severity.Error);
}
