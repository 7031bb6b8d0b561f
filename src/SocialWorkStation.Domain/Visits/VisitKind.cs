namespace SocialWorkStation.Domain.Visits;

/// <summary>How a visit was made (docs/requirements/domain.md §4): a home visit, or a phone greeting as the lighter kind.</summary>
public enum VisitKind
{
    HomeVisit = 0,
    PhoneGreeting = 1,
}

public static class VisitKinds
{
    public static string ToApi(VisitKind kind) => kind switch
    {
        VisitKind.HomeVisit => "homeVisit",
        VisitKind.PhoneGreeting => "phoneGreeting",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    public static VisitKind? FromApi(string? value) => value switch
    {
        "homeVisit" => VisitKind.HomeVisit,
        "phoneGreeting" => VisitKind.PhoneGreeting,
        _ => null,
    };

    public static string Chinese(VisitKind kind) => kind switch
    {
        VisitKind.HomeVisit => "入户走访",
        VisitKind.PhoneGreeting => "电话问候",
        _ => "",
    };
}

/// <summary>
/// The service domain of a visit: the five basic domains (五大领域) and the extensions of docs/requirements/domain.md
/// section 4. Kept as API names so the list matches the activity kinds of the services branch.
/// </summary>
public static class VisitDomains
{
    public static readonly IReadOnlyList<(string Api, string Chinese)> All =
    [
        ("socialAssistance", "社会救助"),
        ("elderlyServices", "养老服务"),
        ("childWelfare", "儿童福利与未成年人关爱保护"),
        ("communityGovernance", "社区治理"),
        ("socialAffairs", "社会事务"),
        ("other", "其他（平安建设、乡村振兴、应急等）"),
    ];

    public static bool IsKnown(string? api) => All.Any(d => d.Api == api);

    public static string Chinese(string api) => All.FirstOrDefault(d => d.Api == api).Chinese ?? api;
}
