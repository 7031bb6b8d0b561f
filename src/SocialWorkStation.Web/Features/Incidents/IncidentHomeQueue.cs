using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using SocialWorkStation.Domain.Incidents;
using SocialWorkStation.Web.Data;
using SocialWorkStation.Web.Features.Accounts;
using SocialWorkStation.Web.Features.Profiles;
using SocialWorkStation.Web.Features.Shared;
using SocialWorkStation.Web.Features.Stations;

namespace SocialWorkStation.Web.Features.Incidents;

/// <summary>
/// 紧急报告 on the receiver's home page, first of all: urgent reports routed to the township on the township officer's,
/// those routed to the bureau on the bureau's, until acknowledged (docs/requirements/incidents.md §2).
/// </summary>
public sealed class UrgentReportHomeQueue(AppDbContext db) : IHomeQueueSource
{
    private const int Shown = 8;

    public int Order => 5;

    public async Task<HomeQueueSection?> GetAsync(ClaimsPrincipal user, CancellationToken ct)
    {
        if (!user.Can(Permissions.IncidentsAcknowledge)) return null;
        UrgentReceiver? to = user.IsInRole(Roles.TownshipOfficer) ? UrgentReceiver.Township : user.IsInRole(Roles.BureauOfficer) ? UrgentReceiver.CountyBureau : null;
        if (to is null) return null;
        var q = db.Set<Incident>().AsNoTracking().VisibleTo(db, user.Scope()).Where(i => i.Urgent && i.AcknowledgedAt == null && i.ReportTo == to);
        var total = await q.CountAsync(ct);
        if (total == 0) return null;
        var rows = await q.OrderBy(i => i.ReportedAt).Take(Shown)
            .Join(db.Platforms, i => i.StationId, p => p.Id, (i, p) => new { i.Id, i.Need, i.OccurredOn, i.ReportedAt, Station = p.Name })
            .ToListAsync(ct);
        var items = rows.Select(r => new HomeQueueItem($"紧急报告：{IncidentLabels.Need(r.Need ?? UrgentNeed.Other)}",
            $"{r.Station}，{r.OccurredOn:yyyy-MM-dd}，待确认收到", $"/Incidents/Details/{r.Id}", StatusKind.Normal)).ToList();
        return new HomeQueueSection("紧急报告", items, "/Incidents?status=unacknowledged", total);
    }
}

/// <summary>The county documents the profile asks for and the county has not recorded (Hunan 八（二）), on the bureau's home page.</summary>
public sealed class CountyDocumentHomeQueue(AppDbContext db, ProfileCatalog profiles) : IHomeQueueSource
{
    public int Order => 45;

    public async Task<HomeQueueSection?> GetAsync(ClaimsPrincipal user, CancellationToken ct)
    {
        if (!user.Can(Permissions.CountyDocumentsManage)) return null;
        var counties = await IncidentUseCases.CountyStatus(db, profiles, user, ct);
        var items = counties.Where(c => c.Missing.Count > 0)
            .Select(c => new HomeQueueItem($"{c.CountyName}缺少{string.Join("、", c.Missing)}", $"须制定（{c.Source}）", "/Incidents/Documents", StatusKind.Behind)).ToList();
        return items.Count == 0 ? null : new HomeQueueSection("县级文件", items.Take(8).ToList(), "/Incidents/Documents", items.Count);
    }
}
