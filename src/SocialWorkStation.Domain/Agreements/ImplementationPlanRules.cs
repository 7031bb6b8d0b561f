namespace SocialWorkStation.Domain.Agreements;

/// <summary>An annual implementation plan's state: drafted by the county, then filed with the level above (备案) and locked.</summary>
public enum PlanStatus { Draft = 1, Filed = 2 }

/// <summary>One post of the contractor's staff recruitment plan (人员招聘方案): how many, with which qualifications.</summary>
public sealed record RecruitmentPost(string Post, int Number, string Qualifications);

/// <summary>
/// The annual implementation plan (年度实施计划, Hunan 七、（一）) and the contractor's staff recruitment plan filed with it
/// (Hunan 三、（二）（三）), pure rules (docs/requirements/agreements.md §13).
/// </summary>
public static class ImplementationPlanRules
{
    /// <summary>The level the county files with: its city (市（州）), the county code's first four digits + "00".</summary>
    public static string FiledWith(string countyCode) => countyCode.Length == 6 ? countyCode[..4] + "00" : countyCode;

    public static string Chinese(PlanStatus s) => s == PlanStatus.Filed ? "已备案" : "草稿";

    /// <summary>The sections still empty, by the profile's order (a plan may be filed only with every section written).</summary>
    public static IReadOnlyList<RequiredClause> Missing(IReadOnlyList<RequiredClause> sections, IReadOnlyDictionary<string, string> texts) =>
        sections.Where(s => !texts.TryGetValue(s.Key, out var t) || string.IsNullOrWhiteSpace(t)).ToList();

    /// <summary>The year a plan may be drafted for: not before 2018 (the Hunan plan's year) and at most next year.</summary>
    public static bool YearInRange(int year, int currentYear) => year >= 2018 && year <= currentYear + 1;
}
