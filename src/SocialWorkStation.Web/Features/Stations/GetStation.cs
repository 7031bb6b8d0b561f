using Microsoft.EntityFrameworkCore;
using SocialWorkStation.Web.Data;
using SocialWorkStation.Web.Features.Accounts;
using SocialWorkStation.Web.Infrastructure;

namespace SocialWorkStation.Web.Features.Stations;

public static class GetStation
{
    /// <summary>One platform inside the caller's scope; anything else is 404.</summary>
    public static async Task<Platform> Load(AppDbContext db, UserScope scope, Guid id, CancellationToken ct, bool tracking = false)
    {
        var q = db.Platforms.VisibleTo(scope).Include(p => p.Contractor).Include(p => p.Rooms).Include(p => p.Equipment).AsSplitQuery();
        if (!tracking)
        {
            q = q.AsNoTracking();
        }
        return await q.FirstOrDefaultAsync(p => p.Id == id, ct) ?? throw new NotFoundException("站点不存在或不在您的权限范围内");
    }

    public static async Task<StationDto> Handle(AppDbContext db, UserScope scope, Guid id, CancellationToken ct)
    {
        var p = await Load(db, scope, id, ct);
        var name = await db.Regions.Where(r => r.Code == p.RegionCode).Select(r => r.Name).FirstOrDefaultAsync(ct);
        return StationDto.From(p, name);
    }
}
