using SocialWorkStation.Web.Features.Shared;

namespace SocialWorkStation.Web.Features.Help;

/// <summary>The standards dashboard's counting rules in words for station staff (docs/progress.md is the engineers' version).</summary>
public sealed class ProgressModel : AppPageModel
{
    public void OnGet()
    {
    }
}
