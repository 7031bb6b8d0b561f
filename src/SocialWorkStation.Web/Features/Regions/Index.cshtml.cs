using SocialWorkStation.Domain.Regions;
using SocialWorkStation.Web.Data;
using SocialWorkStation.Web.Features.Shared;

namespace SocialWorkStation.Web.Features.Regions;

/// <summary>Walks the region tree: provinces → cities → counties → townships → villages.</summary>
public sealed class IndexModel(AppDbContext db) : AppPageModel
{
    public RegionDto? Current { get; private set; }
    public IReadOnlyList<Region> Trail { get; private set; } = [];
    public IReadOnlyList<RegionDto> Children { get; private set; } = [];

    public async Task OnGetAsync(string? code, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(code))
        {
            Children = await GetRegion.Roots(db, ct);
            return;
        }
        code = code.Trim();
        Current = await GetRegion.Handle(db, code, ct);
        Trail = await GetRegion.Path(db, code, ct);
        Children = await GetRegion.Children(db, code, ct);
    }

    public static string LevelChinese(string level) =>
        Enum.TryParse<RegionLevel>(level, ignoreCase: true, out var l) ? RegionDto.LevelChinese(l) : level;
}
