namespace SocialWorkStation.Domain.Services;

/// <summary>
/// What a community or township activity (社区/乡镇活动) is about. An activity may be several at once
/// (a publicity event in the elderly-services domain), so records keep a list. Publicity and volunteer
/// advocacy are named by Qiongzhong's standard (（六）服务标准“乡镇工作”); the five domains are those of
/// docs/requirements/domain.md §4; Other covers the extensions (平安建设, 乡村振兴, 应急, 党建引领 …).
/// </summary>
public enum ActivityKind
{
    SocialWorkPublicity = 1,
    VolunteerAdvocacy = 2,
    SocialAssistance = 3,
    ElderlyServices = 4,
    ChildWelfare = 5,
    CommunityGovernance = 6,
    SocialAffairs = 7,
    Other = 99,
}

public static class ActivityKinds
{
    public static readonly IReadOnlyList<ActivityKind> All = Enum.GetValues<ActivityKind>();

    /// <summary>The five basic domains (五大领域) only: what a need, a featured case or a resource is about.</summary>
    public static readonly IReadOnlyList<ActivityKind> Domains =
    [
        ActivityKind.SocialAssistance, ActivityKind.ElderlyServices, ActivityKind.ChildWelfare,
        ActivityKind.CommunityGovernance, ActivityKind.SocialAffairs, ActivityKind.Other,
    ];

    public static string ToApi(ActivityKind kind) => kind switch
    {
        ActivityKind.SocialWorkPublicity => "socialWorkPublicity",
        ActivityKind.VolunteerAdvocacy => "volunteerAdvocacy",
        ActivityKind.SocialAssistance => "socialAssistance",
        ActivityKind.ElderlyServices => "elderlyServices",
        ActivityKind.ChildWelfare => "childWelfare",
        ActivityKind.CommunityGovernance => "communityGovernance",
        ActivityKind.SocialAffairs => "socialAffairs",
        ActivityKind.Other => "other",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    public static ActivityKind? FromApi(string? value) => All.Cast<ActivityKind?>().FirstOrDefault(k => ToApi(k!.Value) == value);

    public static string Chinese(ActivityKind kind) => kind switch
    {
        ActivityKind.SocialWorkPublicity => "社会工作宣传",
        ActivityKind.VolunteerAdvocacy => "志愿服务倡导",
        ActivityKind.SocialAssistance => "社会救助",
        ActivityKind.ElderlyServices => "养老服务",
        ActivityKind.ChildWelfare => "儿童福利与未成年人关爱保护",
        ActivityKind.CommunityGovernance => "社区治理",
        ActivityKind.SocialAffairs => "社会事务",
        ActivityKind.Other => "其他（平安建设、乡村振兴、应急等）",
        _ => "",
    };

    public static string ApiList => string.Join("、", All.Select(ToApi));
}
