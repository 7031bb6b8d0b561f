using SocialWorkStation.Web.Data;
using SocialWorkStation.Web.Features.Accounts;
using SocialWorkStation.Web.Features.Audit;
using SocialWorkStation.Web.Features.Profiles;

namespace SocialWorkStation.Web.Features.Progress;

public static class ProgressEndpoints
{
    private const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static void Map(RouteGroupBuilder api)
    {
        var g = api.MapGroup("/progress").WithTags("服务标准进度 Progress");
        g.MapGet("/", (string? region, Guid? stationId, Guid? workerId, string? period, AppDbContext db, ProfileCatalog profiles, TimeProvider clock, HttpContext http, CancellationToken ct) =>
                GetProgress.Handle(db, profiles, clock, http.User.Scope(), new GetProgress.Query(region, stationId, workerId, period), ct))
            .WithSummary("Progress against the annual standards for a region (6- or 9-digit code), a station or a worker; period 2026, 2026-Q1, 2026-03 or 2026-ytd (default: this year). Without a scope: the caller's own. 404 outside the caller's scope.");
        g.MapGet("/export", async (string? region, Guid? stationId, Guid? workerId, string? period, AppDbContext db, ProfileCatalog profiles, TimeProvider clock, AuditLog audit, HttpContext http, CancellationToken ct) =>
            {
                var (content, name) = await ExportProgress.Handle(db, profiles, clock, audit, http.User.Scope(), new GetProgress.Query(region, stationId, workerId, period), ct);
                return TypedResults.File(content, XlsxType, name);
            })
            .WithSummary("The same progress as an Excel workbook (standards, children, behind list)");
    }
}
