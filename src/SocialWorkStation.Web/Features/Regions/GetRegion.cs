using Microsoft.EntityFrameworkCore;
using SocialWorkStation.Web.Data;
using SocialWorkStation.Web.Infrastructure;

namespace SocialWorkStation.Web.Features.Regions;

/// <summary>A region, its children and its ancestors (regions are public reference data: no scope).</summary>
public static class GetRegion
{
    public static async Task<RegionDto> Handle(AppDbContext db, string code, CancellationToken ct) =>
        await db.Regions.AsNoTracking().FirstOrDefaultAsync(r => r.Code == code, ct) is { } region
            ? RegionDto.From(region)
            : throw new NotFoundException("行政区划不存在");

    public static async Task<List<RegionDto>> Children(AppDbContext db, string code, CancellationToken ct)
    {
        if (!await db.Regions.AnyAsync(r => r.Code == code, ct))
        {
            throw new NotFoundException("行政区划不存在");
        }
        var children = await db.Regions.AsNoTracking().Where(r => r.ParentCode == code).OrderBy(r => r.Code).ToListAsync(ct);
        return children.Select(RegionDto.From).ToList();
    }

    public static async Task<List<RegionDto>> Roots(AppDbContext db, CancellationToken ct) =>
        (await db.Regions.AsNoTracking().Where(r => r.ParentCode == null).OrderBy(r => r.Code).ToListAsync(ct))
        .Select(RegionDto.From).ToList();

    /// <summary>The region and its ancestors, from the top down.</summary>
    public static async Task<List<Region>> Path(AppDbContext db, string code, CancellationToken ct)
    {
        // At most five levels; the codes of the ancestors are prefixes, so one query fetches them all.
        var candidates = new[] { code[..Math.Min(2, code.Length)] + "0000", code[..Math.Min(4, code.Length)] + "00", code[..Math.Min(6, code.Length)], code[..Math.Min(9, code.Length)], code }
            .Distinct().ToList();
        var found = await db.Regions.AsNoTracking().Where(r => candidates.Contains(r.Code)).ToListAsync(ct);
        return found.OrderBy(r => r.Level).ToList();
    }
}
