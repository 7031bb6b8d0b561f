using Microsoft.AspNetCore.Authorization;
using SocialWorkStation.Web.Data;
using SocialWorkStation.Web.Features.Profiles;
using SocialWorkStation.Web.Features.Shared;

namespace SocialWorkStation.Web.Features.Public;

/// <summary>A station's public page: anonymous, phone first, no script (docs/requirements/public.md §2).</summary>
[AllowAnonymous]
public sealed class StationModel(AppDbContext db, ProfileCatalog profiles, TimeProvider clock) : AppPageModel
{
    public PublicStationPage Station { get; private set; } = null!;

    public async Task OnGetAsync(Guid id, CancellationToken ct) => Station = await GetPublicStation.Handle(db, profiles, clock, id, ct);
}
