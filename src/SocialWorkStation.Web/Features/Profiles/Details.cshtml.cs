using SocialWorkStation.Domain.Profiles;
using SocialWorkStation.Web.Features.Shared;
using SocialWorkStation.Web.Infrastructure;

namespace SocialWorkStation.Web.Features.Profiles;

/// <summary>One profile: every value it holds, with the clause it comes from and the platform's interpretation where it made one.</summary>
public sealed class DetailsModel(ProfileCatalog catalog) : AppPageModel
{
    public PolicyProfile Profile { get; private set; } = null!;
    public IReadOnlyList<ProfileEntry> Entries { get; private set; } = [];

    public void OnGet(string key)
    {
        Profile = catalog.Find(key) ?? throw new NotFoundException("政策方案不存在");
        Entries = Profile.Entries().ToList();
    }
}
