using Microsoft.AspNetCore.Mvc;
using SocialWorkStation.Web.Data;
using SocialWorkStation.Web.Features.Accounts;
using SocialWorkStation.Web.Features.Regions;
using SocialWorkStation.Web.Features.Shared;
using SocialWorkStation.Web.Infrastructure;

namespace SocialWorkStation.Web.Features.Stations;

/// <summary>The stations a user may see: filters above, a table (cards on phones), paging below.</summary>
public sealed class IndexModel(AppDbContext db) : AppPageModel
{
    public const int PageSize = 20;

    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public string? Kind { get; set; }
    [BindProperty(SupportsGet = true)] public string? Region { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int? PageNumber { get; set; }

    public Paged<StationDto> Result { get; private set; } = new([], 0, 1, PageSize);
    /// <summary>The regions one level below the user's own, to narrow the list.</summary>
    public IReadOnlyList<RegionDto> RegionOptions { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var scope = User.Scope();
        RegionOptions = scope switch
        {
            { Kind: ScopeKind.Platform } => await GetRegion.Roots(db, ct),
            { Kind: ScopeKind.Region, RegionCode: { } code } => await GetRegion.Children(db, code, ct),
            _ => [],
        };
        if (!string.IsNullOrEmpty(Region) && RegionOptions.Count > 0 && RegionOptions.All(r => r.Code != Region))
        {
            try
            {
                RegionOptions = [.. RegionOptions, await GetRegion.Handle(db, Region, ct)];
            }
            catch (NotFoundException)
            {
                ModelState.AddModelError(nameof(Region), "没有这个区划");
            }
        }
        try
        {
            Result = await ListStations.Handle(db, scope, new ListStations.Query(Q, string.IsNullOrEmpty(Kind) ? null : Kind, Region),
                PageRequest.From(PageNumber is < 1 ? 1 : PageNumber, PageSize), ct);
        }
        catch (RequestValidationException ex)
        {
            foreach (var (field, messages) in ex.Errors)
            {
                foreach (var m in messages)
                {
                    ModelState.AddModelError(field == "kind" ? nameof(Kind) : "", m);
                }
            }
        }
    }

    public PagerModel Pager => PagerModel.For(Result, "/Stations/Index", new Dictionary<string, string?> { ["q"] = Q, ["kind"] = Kind, ["region"] = Region });
}
