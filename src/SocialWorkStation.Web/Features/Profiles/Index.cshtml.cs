using SocialWorkStation.Domain.Profiles;
using SocialWorkStation.Web.Features.Shared;

namespace SocialWorkStation.Web.Features.Profiles;

/// <summary>The policy profiles the platform holds, one per region's document.</summary>
public sealed class IndexModel(ProfileCatalog catalog) : AppPageModel
{
    public IReadOnlyCollection<PolicyProfile> Profiles { get; private set; } = [];

    public void OnGet() => Profiles = catalog.All;
}
