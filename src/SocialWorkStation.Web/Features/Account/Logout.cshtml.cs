using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using SocialWorkStation.Web.Features.Accounts;
using SocialWorkStation.Web.Features.Audit;
using SocialWorkStation.Web.Features.Shared;

namespace SocialWorkStation.Web.Features.Account;

/// <summary>Logging out is a POST (a link could be followed by a prefetcher); GET asks to confirm.</summary>
/// Signing out ends every session of the account, a copied cookie or an API token included (docs/security.md "Sessions").
public sealed class LogoutModel(SignInManager<AppUser> signIn, AuditLog audit) : AppPageModel
{
    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (User.Identity?.IsAuthenticated == true)
        {
            await Sessions.EndAll(signIn.UserManager, audit, User);
        }
        await signIn.SignOutAsync();
        TempData["Message"] = "您已安全退出。";
        return RedirectToPage("/Account/Login");
    }
}
