using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using SocialWorkStation.Web.Features.Audit;
using SocialWorkStation.Web.Infrastructure;

namespace SocialWorkStation.Web.Features.Accounts;

/// <summary>
/// Turns one's own two-factor sign-in off, where the account's roles do not require it (422 where they do). The key is
/// replaced, so the app's old entry stops working; the security stamp is renewed, so other sessions end.
/// </summary>
public static class DisableTwoFactor
{
    public static async Task Handle(UserManager<AppUser> users, IOptions<AccountOptions> options, AuditLog audit, ClaimsPrincipal principal)
    {
        var user = await users.GetUserAsync(principal) ?? throw new NotFoundException("账号不存在");
        if (options.Value.RequiresTwoFactor(await users.GetRolesAsync(user)))
        {
            throw new BusinessRuleException("您的角色必须使用两步验证登录，不能关闭", "enabled");
        }
        if (!await users.GetTwoFactorEnabledAsync(user))
        {
            return;
        }
        await users.SetTwoFactorEnabledAsync(user, false);
        await users.ResetAuthenticatorKeyAsync(user);
        await audit.WriteAsync("twoFactorDisabled", "Account", user.Id);
    }
}
