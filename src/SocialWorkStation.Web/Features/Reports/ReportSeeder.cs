using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SocialWorkStation.Domain.Platforms;
using SocialWorkStation.Domain.Reports;
using SocialWorkStation.Web.Data;
using SocialWorkStation.Web.Features.Profiles;

namespace SocialWorkStation.Web.Features.Reports;

/// <summary>
/// Demo reports, relative to today: the 营根镇 station filed the brief of the month before last (awaiting the bureau),
/// the second station's was returned with comments, and last month's briefs are due — so the home pages show due,
/// filed, returned and overdue reports.
/// </summary>
public static class ReportSeeder
{
    public static async Task SeedAsync(IServiceProvider sp, Guid headStationId, DateTime now, DateOnly today)
    {
        var db = sp.GetRequiredService<AppDbContext>();
        var profiles = sp.GetRequiredService<ProfileCatalog>();
        var drafts = sp.GetRequiredService<DraftReport>();
        var second = await db.Platforms.Where(p => p.Kind == PlatformKind.Station && p.Id != headStationId && p.RegionCode.StartsWith("469030"))
            .OrderBy(p => p.RegionCode).Select(p => (Guid?)p.Id).FirstOrDefaultAsync();
        var head = await ReportOwners.ForStation(db, profiles, headStationId, default);
        if (head.Profile.Reports?.Find("monthlyBrief") is not { } kind)
        {
            return;
        }
        var period = ReportPeriod.Containing(ReportFrequency.Monthly, today).Previous().Previous();
        await Add(db, drafts, head, kind, period, now, "陈站长",
            "开展重阳节敬老活动，链接爱心企业捐赠慰问品。", "部分村距离站点较远，入户走访耗时较长。", "完成独居老人冬季走访，开展防火防诈宣传。");
        if (second is { } id)
        {
            var owner = await ReportOwners.ForStation(db, profiles, id, default);
            var returned = await Add(db, drafts, owner, kind, period, now, "演示社工", null, null, null);
            returned.Status = ReportStatus.Returned;
            returned.ReturnComments = "请补充本月工作亮点和下月计划，并核对走访次数。";
            returned.Events.Add(new ReportEvent { Action = "returned", By = "bureau", At = now, Comments = returned.ReturnComments });
        }
        await db.SaveChangesAsync();
    }

    private static async Task<Report> Add(AppDbContext db, DraftReport drafts, ReportOwner owner, ReportKindRule kind, ReportPeriod period, DateTime now, string by,
        string? highlights, string? problems, string? plan)
    {
        var due = await CreateReport.DueOn(db, kind, period, owner, default);
        var r = new Report
        {
            KindKey = kind.Key, ProfileKey = owner.Profile.Key, PeriodKey = period.Key, PeriodFrom = period.From, PeriodTo = period.To,
            StationId = owner.StationId, RegionCode = owner.RegionCode, Owner = owner.Key, Title = $"{owner.Name}{period.Label}{kind.Name}",
            DueOn = due.Date, CreatedBy = by, CreatedAt = now, Highlights = highlights, Problems = problems, NextPlan = plan,
        };
        var content = await drafts.BuildAsync(r, owner, kind, due.Date, default);
        var file = ReportDocx.Write(content);
        r.FiguresJson = JsonSerializer.Serialize(content, ReportJson.Options);
        r.FileSha256 = Convert.ToHexStringLower(SHA256.HashData(file));
        r.Status = ReportStatus.Submitted;
        r.SubmittedAt = now;
        r.SubmittedOn = due.Date;
        r.SubmittedBy = by;
        r.FiledLate = false;
        r.Events.Add(new ReportEvent { Action = "created", By = by, At = now });
        r.Events.Add(new ReportEvent { Action = "submitted", By = by, At = now });
        db.Add(r);
        db.Add(new ReportFile { ReportId = r.Id, Content = file });
        return r;
    }
}
