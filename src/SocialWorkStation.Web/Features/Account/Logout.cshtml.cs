using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using SocialWorkStation.Web.Features.Accounts;
using SocialWorkStation.Web.Features.Audit;
using SocialWorkStation.Web.Features.Shared;

namespace SocialWorkStation.Web.Features.Account;

/// <summary>Logging out is a POST (a link could be followed by a prefetcher); GET asks to confirm.</summary>
public sealed class LogoutModel(SignInManager<AppUser> signIn, AuditLog audit) : AppPageModel
{
    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (User.Identity?.IsAuthenticated == true)
        {
            await audit.WriteAsync("logout", "Account", User.UserId());
        }
        await signIn.SignOutAsync();
        TempData["Message"] = "您已安全退出。";
        return RedirectToPage("/Account/Login");
    }
}
