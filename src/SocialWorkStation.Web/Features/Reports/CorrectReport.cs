using System.Security.Claims;
using SocialWorkStation.Web.Data;
using SocialWorkStation.Web.Features.Accounts;
using SocialWorkStation.Web.Features.Profiles;
using SocialWorkStation.Web.Infrastructure;

namespace SocialWorkStation.Web.Features.Reports;

/// <summary>
/// A correction of an accepted report: a new revision (a draft with the old narrative) that goes through the workflow
/// again; the accepted one stays as it was, marked as superseded, with its figures and file.
/// </summary>
public static class CorrectReport
{
    public static async Task<ReportDto> Handle(AppDbContext db, ProfileCatalog profiles, DraftReport drafts, TimeProvider clock, ClaimsPrincipal user, Guid id, ReportActionInput input, CancellationToken ct)
    {
        var old = await GetReport.Load(db, user.Scope(), id, ct, tracking: true);
        if (input.Version is null)
        {
            throw RequestValidationException.For("version", "请提供读取时的版本号 version");
        }
        if (!ReportOwners.MayWrite(user, old))
        {
            throw new BusinessRuleException("只有报告的撰写单位可以发起更正");
        }
        if (old.Status != ReportStatus.Accepted || old.SupersededById is not null)
        {
            throw new BusinessRuleException("只有已接收且未被更正的报告可以发起更正；草稿或退回的报告请直接修改");
        }
        Versions.Check(db, old, input.Version, "报告");
        var now = clock.GetUtcNow().UtcDateTime;
        var by = user.Identity?.Name ?? "";
        var next = new Report
        {
            KindKey = old.KindKey, ProfileKey = old.ProfileKey, PeriodKey = old.PeriodKey, PeriodFrom = old.PeriodFrom, PeriodTo = old.PeriodTo,
            StationId = old.StationId, RegionCode = old.RegionCode, Owner = old.Owner, Title = old.Title, Revision = old.Revision + 1, PreviousId = old.Id,
            DueOn = old.DueOn, Highlights = old.Highlights, Problems = old.Problems, NextPlan = old.NextPlan, CreatedBy = by, CreatedAt = now,
        };
        next.Events.Add(new ReportEvent { Action = "corrected", By = by, At = now, Comments = string.IsNullOrWhiteSpace(input.Comments) ? null : input.Comments.Trim() });
        db.Add(next);
        old.SupersededById = next.Id;
        await db.SaveChangesAsync(ct);
        return await GetReport.Handle(db, profiles, drafts, clock, user, next.Id, ct);
    }
}
