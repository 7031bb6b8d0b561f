using System.Security.Claims;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SocialWorkStation.Web.Data;
using SocialWorkStation.Web.Features.Accounts;
using SocialWorkStation.Web.Features.Profiles;
using SocialWorkStation.Web.Infrastructure;

namespace SocialWorkStation.Web.Features.Reports;

/// <summary>One report inside the user's scope (404 outside), with its content: drafted now, or as frozen at submission.</summary>
public static class GetReport
{
    public static async Task<Report> Load(AppDbContext db, UserScope scope, Guid id, CancellationToken ct, bool tracking = false)
    {
        var q = db.Set<Report>().Include(r => r.Events).VisibleTo(scope);
        if (!tracking)
        {
            q = q.AsNoTracking();
        }
        return await q.FirstOrDefaultAsync(r => r.Id == id, ct) ?? throw new NotFoundException("报告不存在或不在您的权限范围内");
    }

    public static async Task<ReportOwner> Owner(AppDbContext db, ProfileCatalog profiles, Report r, CancellationToken ct) =>
        r.StationId is { } station ? await ReportOwners.ForStation(db, profiles, station, ct) : await ReportOwners.ForRegion(db, profiles, r.RegionCode, ct);

    /// <summary>The content: frozen figures once submitted, otherwise drafted from the records now.</summary>
    public static async Task<ReportContent> Content(AppDbContext db, ProfileCatalog profiles, DraftReport drafts, TimeProvider clock, Report r, ReportOwner owner, CancellationToken ct)
    {
        if (r.FiguresJson is { } json)
        {
            return JsonSerializer.Deserialize<ReportContent>(json, ReportJson.Options)!;
        }
        var kind = owner.Profile.Reports?.Find(r.KindKey) ?? throw new BusinessRuleException("该报告类型已不在政策方案中");
        return await drafts.BuildAsync(r, owner, kind, ChinaTime.Today(clock), ct);
    }

    public static async Task<ReportDto> Handle(AppDbContext db, ProfileCatalog profiles, DraftReport drafts, TimeProvider clock, ClaimsPrincipal user, Guid id, CancellationToken ct)
    {
        var r = await Load(db, user.Scope(), id, ct);
        var owner = await Owner(db, profiles, r, ct);
        var content = await Content(db, profiles, drafts, clock, r, owner, ct);
        return ReportLabels.Dto(r, owner.Profile, owner.Name, ChinaTime.Today(clock), user, content);
    }
}
