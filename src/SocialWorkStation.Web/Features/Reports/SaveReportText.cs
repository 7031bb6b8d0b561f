using System.Security.Claims;
using SocialWorkStation.Web.Data;
using SocialWorkStation.Web.Features.Accounts;
using SocialWorkStation.Web.Features.Profiles;
using SocialWorkStation.Web.Infrastructure;

namespace SocialWorkStation.Web.Features.Reports;

/// <summary>The author writes the narrative sections (highlights, problems, next period's plan) while the report is a draft or returned.</summary>
public static class SaveReportText
{
    public const int MaxLength = 5000;

    public static async Task<ReportDto> Handle(AppDbContext db, ProfileCatalog profiles, DraftReport drafts, TimeProvider clock, ClaimsPrincipal user, Guid id, ReportTextInput input, CancellationToken ct)
    {
        var r = await GetReport.Load(db, user.Scope(), id, ct, tracking: true);
        new Errors()
            .MaxLength("highlights", input.Highlights, MaxLength, "工作亮点")
            .MaxLength("problems", input.Problems, MaxLength, "存在问题")
            .MaxLength("nextPlan", input.NextPlan, MaxLength, "工作计划")
            .ThrowIfAny();
        Editable(user, r);
        Versions.Check(db, r, input.Version, "报告");
        r.Highlights = Clean(input.Highlights);
        r.Problems = Clean(input.Problems);
        r.NextPlan = Clean(input.NextPlan);
        await db.SaveChangesAsync(ct);
        return await GetReport.Handle(db, profiles, drafts, clock, user, id, ct);
    }

    /// <summary>Only its writer changes a report, and only while it is a draft or returned; an accepted report is locked.</summary>
    public static void Editable(ClaimsPrincipal user, Report r)
    {
        if (!ReportOwners.MayWrite(user, r))
        {
            throw new BusinessRuleException("只有报告的撰写单位可以修改、报送本报告");
        }
        if (r.Status is not (ReportStatus.Draft or ReportStatus.Returned))
        {
            throw new BusinessRuleException(r.Status == ReportStatus.Accepted
                ? "报告已接收并锁定，不能修改；如需更正，请发起更正（生成新版本，保留原版本）。"
                : "报告已报送，待接收单位审核；如需修改，请联系接收单位退回。");
        }
    }

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Replace("\r\n", "\n").Trim();
}
