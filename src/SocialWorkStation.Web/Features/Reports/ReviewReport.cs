using System.Security.Claims;
using SocialWorkStation.Web.Data;
using SocialWorkStation.Web.Features.Accounts;
using SocialWorkStation.Web.Features.Profiles;
using SocialWorkStation.Web.Infrastructure;

namespace SocialWorkStation.Web.Features.Reports;

/// <summary>
/// The receiver's decision on a submitted report: return it with comments (the writer edits and submits again), or
/// accept it, which locks it — its frozen figures and file stay as submitted.
/// </summary>
public static class ReviewReport
{
    public static async Task<ReportDto> Return(AppDbContext db, ProfileCatalog profiles, DraftReport drafts, TimeProvider clock, ClaimsPrincipal user, Guid id, ReportActionInput input, CancellationToken ct)
    {
        var r = await Reviewable(db, user, id, input, ct);
        new Errors().Required("comments", input.Comments, "退回意见").MaxLength("comments", input.Comments, 2000, "退回意见").ThrowIfAny();
        r.Status = ReportStatus.Returned;
        r.ReturnComments = input.Comments!.Trim();
        r.Events.Add(new ReportEvent { Action = "returned", By = user.Identity?.Name ?? "", At = clock.GetUtcNow().UtcDateTime, Comments = r.ReturnComments });
        await db.SaveChangesAsync(ct);
        return await GetReport.Handle(db, profiles, drafts, clock, user, id, ct);
    }

    public static async Task<ReportDto> Accept(AppDbContext db, ProfileCatalog profiles, DraftReport drafts, TimeProvider clock, ClaimsPrincipal user, Guid id, ReportActionInput input, CancellationToken ct)
    {
        var r = await Reviewable(db, user, id, input, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        r.Status = ReportStatus.Accepted;
        r.AcceptedAt = now;
        r.AcceptedBy = user.Identity?.Name;
        r.Events.Add(new ReportEvent { Action = "accepted", By = r.AcceptedBy ?? "", At = now, Comments = string.IsNullOrWhiteSpace(input.Comments) ? null : input.Comments.Trim() });
        await db.SaveChangesAsync(ct);
        return await GetReport.Handle(db, profiles, drafts, clock, user, id, ct);
    }

    private static async Task<Report> Reviewable(AppDbContext db, ClaimsPrincipal user, Guid id, ReportActionInput input, CancellationToken ct)
    {
        var r = await GetReport.Load(db, user.Scope(), id, ct, tracking: true);
        if (input.Version is null)
        {
            throw RequestValidationException.For("version", "请提供读取时的版本号 version");
        }
        if (!ReportOwners.MayReview(user, r))
        {
            throw new BusinessRuleException("只有接收单位（上级民政部门）可以退回或接收本报告");
        }
        if (r.Status != ReportStatus.Submitted)
        {
            throw new BusinessRuleException($"报告当前为“{ReportLabels.StatusText(r.Status)}”，只有已报送的报告可以退回或接收");
        }
        Versions.Check(db, r, input.Version, "报告");
        return r;
    }
}
