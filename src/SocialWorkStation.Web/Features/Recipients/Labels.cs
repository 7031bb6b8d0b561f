using SocialWorkStation.Domain.Recipients;

namespace SocialWorkStation.Web.Features.Recipients;

/// <summary>Words the recipient pages show for API values.</summary>
public static class RecipientLabels
{
    public static string Category(string api) => RecipientCategories.FromApi(api) is { } c ? RecipientCategories.Chinese(c) : api;

    public static string Categories(IEnumerable<string> api) => string.Join("、", api.Select(Category));

    public static string Risk(string api) => RecipientNames.Parse<RiskLevel>(api) is { } r ? RecipientNames.Chinese(r) : api;

    public static string Status(string api) => RecipientNames.Parse<RecipientStatus>(api) is { } s ? RecipientNames.Chinese(s) : api;

    public static string Relation(string api) => RecipientNames.Parse<HouseholdRelation>(api) is { } r ? RecipientNames.Chinese(r) : api;

    public static string Sex(string api) => api == "male" ? "男" : "女";

    public static Shared.StatusKind RiskKind(string api) => RecipientNames.Parse<RiskLevel>(api) switch
    {
        RiskLevel.High => Shared.StatusKind.Severe,
        RiskLevel.Medium => Shared.StatusKind.Behind,
        RiskLevel.Low => Shared.StatusKind.Ok,
        _ => Shared.StatusKind.Normal,
    };

    public static readonly IReadOnlyList<(string Value, string Text)> Risks =
        Enum.GetValues<RiskLevel>().Select(r => (RecipientNames.Api(r), RecipientNames.Chinese(r))).ToList();

    public static readonly IReadOnlyList<(string Value, string Text)> Statuses =
        Enum.GetValues<RecipientStatus>().Select(s => (RecipientNames.Api(s), RecipientNames.Chinese(s))).ToList();

    public static readonly IReadOnlyList<(string Value, string Text)> Relations =
        Enum.GetValues<HouseholdRelation>().Select(r => (RecipientNames.Api(r), RecipientNames.Chinese(r))).ToList();

    public static string Action(string action) => action switch
    {
        "read" => "查看详情", "reveal" => "查看完整信息", "export" => "导出", "create" => "登记", "update" => "修改", "delete" => "删除", _ => action,
    };
}
