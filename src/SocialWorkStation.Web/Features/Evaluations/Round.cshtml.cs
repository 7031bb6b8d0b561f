using Microsoft.AspNetCore.Mvc;
using SocialWorkStation.Web.Data;
using SocialWorkStation.Web.Features.Accounts;
using SocialWorkStation.Web.Features.Profiles;
using SocialWorkStation.Web.Features.Shared;

namespace SocialWorkStation.Web.Features.Evaluations;

/// <summary>One round: its stations, parties and tree; the caller's own score sheets; the results once closed.</summary>
public sealed class RoundModel(AppDbContext db, ProfileCatalog profiles) : AppPageModel
{
    public RoundDto Round { get; private set; } = null!;

    public async Task OnGetAsync(Guid id, CancellationToken ct)
    {
        Round = await GetRound.Handle(db, profiles, User, id, ct);
    }
}
