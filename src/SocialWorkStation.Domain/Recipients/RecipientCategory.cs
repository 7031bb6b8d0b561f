namespace SocialWorkStation.Domain.Recipients;

/// <summary>对象类别: one recipient may belong to several at once (docs/requirements/api.md lists the API names).</summary>
public enum RecipientCategory
{
    Dibao = 0,
    DibaoEdge = 1,
    TekunInstitution = 2,
    TekunDispersed = 3,
    TemporaryAssistance = 4,
    ElderlyAlone = 5,
    ElderlyEmptyNest = 6,
    ElderlyLeftBehind = 7,
    ElderlyDisabled = 8,
    FamilyPlanningSpecial = 9,
    LeftBehindChild = 10,
    VulnerableChild = 11,
    Orphan = 12,
    UnsupportedChild = 13,
    Disabled = 14,
    EntitledGroup = 15,
    Vagrant = 16,
    DisasterAffected = 17,
    CommunityCorrection = 18,
    Other = 19,
    /// <summary>孤寡老人: Qiongzhong（二）第1项 and（六）第1项 name them beside 独居, 空巢 and 留守 (docs/requirements/api.md).</summary>
    ElderlyChildlessWidowed = 20,
}

public enum RiskLevel { None = 0, Low = 1, Medium = 2, High = 3 }

public enum RecipientStatus { Active = 0, Moved = 1, Deceased = 2, Archived = 3 }

/// <summary>家庭关系: a member's relation to the head of the household (户主).</summary>
public enum HouseholdRelation { Head = 0, Spouse = 1, Child = 2, Parent = 3, Grandchild = 4, Grandparent = 5, Sibling = 6, ChildInLaw = 7, Other = 8 }

public static class RecipientCategories
{
    public static readonly IReadOnlyList<(RecipientCategory Category, string Api, string Chinese)> All =
    [
        (RecipientCategory.Dibao, "dibao", "低保"),
        (RecipientCategory.DibaoEdge, "dibaoEdge", "低保边缘"),
        (RecipientCategory.TekunInstitution, "tekunInstitution", "特困（集中供养）"),
        (RecipientCategory.TekunDispersed, "tekunDispersed", "特困（分散供养）"),
        (RecipientCategory.TemporaryAssistance, "temporaryAssistance", "临时救助"),
        (RecipientCategory.ElderlyAlone, "elderlyAlone", "独居老人"),
        (RecipientCategory.ElderlyEmptyNest, "elderlyEmptyNest", "空巢老人"),
        (RecipientCategory.ElderlyLeftBehind, "elderlyLeftBehind", "留守老人"),
        (RecipientCategory.ElderlyDisabled, "elderlyDisabled", "失能/半失能老人"),
        (RecipientCategory.ElderlyChildlessWidowed, "elderlyChildlessWidowed", "孤寡老人"),
        (RecipientCategory.FamilyPlanningSpecial, "familyPlanningSpecial", "计划生育特扶"),
        (RecipientCategory.LeftBehindChild, "leftBehindChild", "留守儿童"),
        (RecipientCategory.VulnerableChild, "vulnerableChild", "困境儿童"),
        (RecipientCategory.Orphan, "orphan", "孤儿"),
        (RecipientCategory.UnsupportedChild, "unsupportedChild", "事实无人抚养儿童"),
        (RecipientCategory.Disabled, "disabled", "残疾人"),
        (RecipientCategory.EntitledGroup, "entitledGroup", "优抚对象"),
        (RecipientCategory.Vagrant, "vagrant", "流浪乞讨人员"),
        (RecipientCategory.DisasterAffected, "disasterAffected", "受灾群众"),
        (RecipientCategory.CommunityCorrection, "communityCorrection", "社区矫正对象"),
        (RecipientCategory.Other, "other", "其他"),
    ];

    public static RecipientCategory? FromApi(string? api)
    {
        foreach (var c in All)
        {
            if (string.Equals(c.Api, api?.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                return c.Category;
            }
        }
        return null;
    }

    /// <summary>Also accepts the Chinese label, as rosters and spreadsheets write it (低保, 特困…).</summary>
    public static RecipientCategory? FromText(string? text)
    {
        var t = text?.Trim();
        if (string.IsNullOrEmpty(t))
        {
            return null;
        }
        if (FromApi(t) is { } byApi)
        {
            return byApi;
        }
        foreach (var c in All)
        {
            if (c.Chinese == t || c.Chinese.Replace("（", "").Replace("）", "") == t)
            {
                return c.Category;
            }
        }
        return null;
    }

    public static string ToApi(RecipientCategory c) => All.First(x => x.Category == c).Api;

    public static string Chinese(RecipientCategory c) => All.First(x => x.Category == c).Chinese;

    /// <summary>A set of categories as bits, so a list filters by category in SQL with one AND.</summary>
    public static long ToMask(IEnumerable<RecipientCategory> categories) => categories.Aggregate(0L, (m, c) => m | (1L << (int)c));

    public static IReadOnlyList<RecipientCategory> FromMask(long mask) =>
        All.Where(c => (mask & (1L << (int)c.Category)) != 0).Select(c => c.Category).ToList();
}
