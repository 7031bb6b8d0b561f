using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using SocialWorkStation.Domain.Calendar;
using SocialWorkStation.Domain.Reports;
using SocialWorkStation.Web.Data;
using SocialWorkStation.Web.Features.Accounts;
using SocialWorkStation.Web.Features.Profiles;
using SocialWorkStation.Web.Features.Stations;
using SocialWorkStation.Web.Infrastructure;

namespace SocialWorkStation.Web.Features.Reports;

/// <summary>
/// Starts a report: a station's (stationId) or a county's or city's bureau's own (regionCode), of a kind its profile
/// lists, for one period. The due day comes from the profile's rule, the county's adjustment and the working calendar.
/// One report per kind, period and writer: a second is refused (409); a correction is made from the accepted one.
/// </summary>
public static class CreateReport
{
    public static async Task<ReportDto> Handle(AppDbContext db, ProfileCatalog profiles, DraftReport drafts, TimeProvider clock, ClaimsPrincipal user, ReportInput input, CancellationToken ct)
    {
        var scope = user.Scope();
        ReportOwner owner;
        if (input.StationId is { } stationId)
        {
            // Outside the user's scope the station does not exist (404).
            if (!await db.Platforms.VisibleTo(scope).AnyAsync(p => p.Id == stationId, ct))
            {
                throw new NotFoundException("社工站不存在或不在您的权限范围内");
            }
            owner = await ReportOwners.ForStation(db, profiles, stationId, ct);
        }
        else if (!string.IsNullOrWhiteSpace(input.RegionCode))
        {
            if (!scope.ContainsRegion(input.RegionCode))
            {
                throw new NotFoundException("地区不存在或不在您的权限范围内");
            }
            owner = await ReportOwners.ForRegion(db, profiles, input.RegionCode, ct);
        }
        else
        {
            throw RequestValidationException.For("stationId", "请指定社工站（stationId）或县、市行政区划代码（regionCode）");
        }
        var kind = ReportOwners.Kind(owner, input.Kind);
        var period = ReportPeriod.Parse(kind.Frequency, input.Period)
            ?? throw RequestValidationException.For("period", PeriodHint(kind.Frequency));
        var today = ChinaTime.Today(clock);
        if (period.From > today)
        {
            throw RequestValidationException.For("period", "期间尚未开始，不能起草报告");
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var r = new Report
        {
            KindKey = kind.Key, ProfileKey = owner.Profile.Key, PeriodKey = period.Key, PeriodFrom = period.From, PeriodTo = period.To,
            StationId = owner.StationId, RegionCode = owner.RegionCode, Owner = owner.Key, Title = $"{owner.Name}{period.Label}{kind.Name}",
            DueOn = (await DueOn(db, kind, period, owner, ct)).Date, CreatedBy = user.Identity?.Name ?? "", CreatedAt = now,
        };
        if (!ReportOwners.MayWrite(user, r))
        {
            throw new BusinessRuleException($"{kind.Name}由{ReportOwners.WriterText(kind.Writer)}撰写，您不能起草", "kind");
        }
        if (await db.Set<Report>().AnyAsync(x => x.KindKey == r.KindKey && x.PeriodKey == r.PeriodKey && x.Owner == r.Owner, ct))
        {
            throw new ConflictException($"{r.Title}已存在，请打开原报告；已接收的报告可发起更正。");
        }
        r.Events.Add(new ReportEvent { Action = "created", By = r.CreatedBy, At = now });
        db.Add(r);
        await db.SaveChangesAsync(ct);
        return await GetReport.Handle(db, profiles, drafts, clock, user, r.Id, ct);
    }

    /// <summary>The due day of a kind's period for a writer: the profile's rule with the county's adjustment, moved off rest days if the rule says so.</summary>
    public static async Task<ReportDueDate> DueOn(AppDbContext db, ReportKindRule kind, ReportPeriod period, ReportOwner owner, CancellationToken ct)
    {
        var county = owner.RegionCode.Length >= 6 ? owner.RegionCode[..6] : owner.RegionCode;
        var days = await db.Set<ReportDueAdjustment>().AsNoTracking().Where(a => a.CountyCode == county && a.KindKey == kind.Key).Select(a => (int?)a.Days).FirstOrDefaultAsync(ct) ?? 0;
        return ReportDue.For(kind, period, WorkingCalendar.China, ReportDue.AdjustmentAllowed(kind, days) ? days : 0);
    }

    public static string PeriodHint(ReportFrequency f) => f switch
    {
        ReportFrequency.Monthly => "期间格式应为 2026-10（年-月）",
        ReportFrequency.Quarterly => "期间格式应为 2026-Q3（年-季度）",
        ReportFrequency.HalfYearly => "期间格式应为 2026-H1 或 2026-H2（年-半年）",
        ReportFrequency.FirstHalf => "期间格式应为 2026-H1（中期报告覆盖上半年）",
        _ => "期间格式应为 2026（年度）",
    };
}
