using Microsoft.EntityFrameworkCore;
using SocialWorkStation.Domain.Platforms;
using SocialWorkStation.Web.Data;
using SocialWorkStation.Web.Features.Accounts;
using SocialWorkStation.Web.Infrastructure;

namespace SocialWorkStation.Web.Features.Stations;

/// <summary>The stations a user may see, filtered in SQL, paged.</summary>
public static class ListStations
{
    public sealed record Query(string? Q = null, string? Kind = null, string? RegionCode = null);

    public static async Task<Paged<StationDto>> Handle(AppDbContext db, UserScope scope, Query query, PageRequest page, CancellationToken ct)
    {
        var q = db.Platforms.AsNoTracking().VisibleTo(scope);
        if (query.Kind is not null)
        {
            var kind = PlatformKinds.FromApi(query.Kind) ?? throw RequestValidationException.For("kind", "类型应为 countyCentre、station 或 villageRoom");
            q = q.Where(p => p.Kind == kind);
        }
        if (!string.IsNullOrWhiteSpace(query.RegionCode))
        {
            q = q.Where(p => p.RegionCode.StartsWith(query.RegionCode));
        }
        if (!string.IsNullOrWhiteSpace(query.Q))
        {
            var text = query.Q.Trim();
            q = q.Where(p => p.Name.Contains(text) || (p.Address != null && p.Address.Contains(text)));
        }
        var result = await q.Include(p => p.Contractor).Include(p => p.Rooms).Include(p => p.Equipment)
            .AsSplitQuery()
            .OrderBy(p => p.RegionCode).ThenBy(p => p.Kind).ThenBy(p => p.Name)
            .ToPageAsync(page, ct);
        var codes = result.Items.Select(p => p.RegionCode).Distinct().ToList();
        var names = await db.Regions.AsNoTracking().Where(r => codes.Contains(r.Code)).ToDictionaryAsync(r => r.Code, r => r.Name, ct);
        return new Paged<StationDto>(result.Items.Select(p => StationDto.From(p, names.GetValueOrDefault(p.RegionCode))).ToList(),
            result.Total, result.Page, result.PageSize);
    }
}
