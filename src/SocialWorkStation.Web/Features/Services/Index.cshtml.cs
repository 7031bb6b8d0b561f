using SocialWorkStation.Web.Features.Shared;

namespace SocialWorkStation.Web.Features.Services;

/// <summary>The entry to the service records on a phone: the record kinds of issue 5A, with the frequent actions first.</summary>
public sealed class IndexModel : AppPageModel
{
    public void OnGet()
    {
    }
}
