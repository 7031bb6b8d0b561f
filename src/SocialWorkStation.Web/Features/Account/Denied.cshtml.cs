using Microsoft.AspNetCore.Authorization;
using SocialWorkStation.Web.Features.Shared;

namespace SocialWorkStation.Web.Features.Account;

[AllowAnonymous]
public sealed class DeniedModel : AppPageModel
{
    public void OnGet() => Response.StatusCode = StatusCodes.Status403Forbidden;
}
