using System.Security.Claims;
using SocialWorkStation.Web.Data;
using SocialWorkStation.Web.Features.Accounts;
using SocialWorkStation.Web.Features.Regions;
using SocialWorkStation.Web.Features.Stations;
using SocialWorkStation.Web.Infrastructure;

namespace SocialWorkStation.Web.Features.Shared;

/// <summary>The user's scope in words for the top bar and the home page: 全平台, a region's name or a station's name.</summary>
public static class ScopeDisplay
{
    public static async Task<string> DescribeAsync(AppDbContext db, ClaimsPrincipal user, CancellationToken ct)
    {
        var scope = user.Scope();
        try
        {
            return scope switch
            {
                { Kind: ScopeKind.Platform } => "全平台",
                { Kind: ScopeKind.Region, RegionCode: { } code } => (await GetRegion.Handle(db, code, ct)).Name,
                { Kind: ScopeKind.Station, StationId: { } id } => (await GetStation.Handle(db, scope, id, ct)).Name,
                _ => "未设置管辖范围",
            };
        }
        catch (NotFoundException)
        {
            return scope.RegionCode ?? "未设置管辖范围";
        }
    }
}
