namespace SocialWorkStation.Domain.Common;

/// <summary>
/// A policy value with the document clause it comes from. Where the documents are silent and the
/// platform chooses a default (docs/requirements/domain.md §10), <see cref="Interpretation"/> says so, and the
/// UI shows it as an interpretation rather than as the document's words.
/// </summary>
public sealed record Sourced<T>(T Value, string Source, string? Interpretation = null);
