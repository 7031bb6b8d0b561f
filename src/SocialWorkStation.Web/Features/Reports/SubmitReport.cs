using System.Security.Claims;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SocialWorkStation.Web.Data;
using SocialWorkStation.Web.Features.Accounts;
using SocialWorkStation.Web.Features.Profiles;
using SocialWorkStation.Web.Infrastructure;

namespace SocialWorkStation.Web.Features.Reports;

/// <summary>
/// Files a report (draft or returned → submitted): its figures are drafted one last time and frozen as JSON, the Word
/// file is generated from them and kept with its SHA-256, and whether it was filed after its due day is recorded.
/// </summary>
public static class SubmitReport
{
    public static async Task<ReportDto> Handle(AppDbContext db, ProfileCatalog profiles, DraftReport drafts, TimeProvider clock, ClaimsPrincipal user, Guid id, ReportActionInput input, CancellationToken ct)
    {
        var r = await GetReport.Load(db, user.Scope(), id, ct, tracking: true);
        SaveReportText.Editable(user, r);
        Versions.Check(db, r, input.Version, "报告");
        var owner = await GetReport.Owner(db, profiles, r, ct);
        var kind = owner.Profile.Reports?.Find(r.KindKey) ?? throw new BusinessRuleException("该报告类型已不在政策方案中");
        var today = ChinaTime.Today(clock);
        var now = clock.GetUtcNow().UtcDateTime;
        var content = await drafts.BuildAsync(r, owner, kind, today, ct);
        var file = ReportDocx.Write(content);
        var resubmit = r.Status == ReportStatus.Returned;
        r.FiguresJson = JsonSerializer.Serialize(content, ReportJson.Options);
        r.FileSha256 = Convert.ToHexStringLower(SHA256.HashData(file));
        r.Status = ReportStatus.Submitted;
        r.SubmittedAt = now;
        r.SubmittedOn = today;
        r.SubmittedBy = user.Identity?.Name;
        r.FiledLate = today > r.DueOn;
        r.Events.Add(new ReportEvent { Action = resubmit ? "resubmitted" : "submitted", By = r.SubmittedBy ?? "", At = now });
        var stored = await db.Set<ReportFile>().FirstOrDefaultAsync(f => f.ReportId == r.Id, ct);
        if (stored is null)
        {
            db.Add(new ReportFile { ReportId = r.Id, Content = file });
        }
        else
        {
            stored.Content = file;
        }
        await db.SaveChangesAsync(ct);
        return await GetReport.Handle(db, profiles, drafts, clock, user, id, ct);
    }
}
