using SocialWorkStation.Web.Data;

namespace SocialWorkStation.Web.Features.Regions;

public static class RegionEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        var g = api.MapGroup("/regions").WithTags("行政区划 Regions");
        g.MapGet("/", (AppDbContext db, CancellationToken ct) => GetRegion.Roots(db, ct))
            .WithSummary("The provinces (top of the tree)");
        g.MapGet("/{code}", (string code, AppDbContext db, CancellationToken ct) => GetRegion.Handle(db, code, ct))
            .WithSummary("A region: code, name, level, parentCode");
        g.MapGet("/{code}/children", (string code, AppDbContext db, CancellationToken ct) => GetRegion.Children(db, code, ct))
            .WithSummary("The regions directly under a region, as a plain array");
    }
}
