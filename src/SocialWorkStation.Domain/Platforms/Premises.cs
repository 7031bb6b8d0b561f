using SocialWorkStation.Domain.Common;

namespace SocialWorkStation.Domain.Platforms;

/// <summary>
/// One thing a document asks a platform's premises to have (equipment, a safety facility, a room), with the
/// document's own verb. The verb decides how serious a gap is (docs/requirements/premises.md "Verbs"):
/// 应/须/需/要/必须 make it a requirement (a missing item is an error), 宜/可/鼓励 a recommendation (a warning).
/// </summary>
public sealed record PremisesItem
{
    /// <summary>The item as the document names it, e.g. 档案柜.</summary>
    public required string Name { get; init; }
    /// <summary>The document's verb for this item, e.g. 应 (Shenmu art. 9), 需 (Wenzhou 六(一)5), 鼓励 (Wenzhou 六(一)4).</summary>
    public required string Verb { get; init; }
    /// <summary>Other words a recorded item may carry and still be this one (灭火器 for 防火设施).</summary>
    public string[]? Matches { get; init; }
    /// <summary>The clause, when it differs from the clause of the list the item is in.</summary>
    public string? Source { get; init; }
    public string? Interpretation { get; init; }
    /// <summary>For a room divided by service project (Wenzhou 六(一)2): the service whose records make it required.</summary>
    public string? Service { get; init; }

    public Severity Severity => Verbs.SeverityOf(Verb) ?? Severity.Error;

    /// <summary>True when a recorded name is this item: it contains the item's name or one of its other words.</summary>
    public bool IsMetBy(string recorded)
    {
        var have = Signage.Normalize(recorded);
        return new[] { Name }.Concat(Matches ?? []).Any(n => have.Contains(Signage.Normalize(n), StringComparison.Ordinal));
    }

    /// <summary>"档案柜（应）" for lists shown side by side.</summary>
    public string Display() => $"{Name}（{Verb}）";
}

/// <summary>The documents' verbs and what they make of an item (docs/requirements/premises.md "Verbs").</summary>
public static class Verbs
{
    public static readonly IReadOnlyList<string> Required = ["应", "须", "需", "要", "必须"];
    public static readonly IReadOnlyList<string> Recommended = ["宜", "可", "鼓励"];

    /// <summary>Error for a requirement, warning for a recommendation, null for a word that is neither.</summary>
    public static Severity? SeverityOf(string verb) =>
        Required.Contains(verb) ? Severity.Error : Recommended.Contains(verb) ? Severity.Warning : null;
}

/// <summary>
/// The service projects a station runs, as its records show them (Wenzhou 六(一)2 divides rooms "根据服务项目";
/// docs/requirements/premises.md "Rooms by service project").
/// </summary>
public static class StationServices
{
    public const string Workers = "workers";
    public const string Cases = "cases";
    public const string Groups = "groups";
    public const string Activities = "activities";
    public const string RecipientFiles = "recipientFiles";

    public static readonly IReadOnlyList<string> All = [Workers, Cases, Groups, Activities, RecipientFiles];

    public static string Chinese(string service) => service switch
    {
        Workers => "有驻站社工",
        Cases => "开展个案服务",
        Groups => "开展小组服务",
        Activities => "开展社区活动",
        RecipientFiles => "建立服务对象档案",
        _ => service,
    };
}
