using System.Security.Claims;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using SocialWorkStation.Web.Features.Audit;

namespace SocialWorkStation.Web.Features.Accounts;

public sealed record RefreshRequest(string? RefreshToken);

/// <summary>
/// Sessions end when they should (docs/security.md "Sessions"): every cookie and token carries the account's
/// security stamp, checked on every request (<see cref="ScopeClaimsTransformation"/>); signing out renews the
/// stamp, and a refresh token is honoured only while the stamp it carries is still the account's.
/// </summary>
public static class Sessions
{
    /// <summary>The principal to issue new tokens for, or null when the refresh token is unreadable, expired or stale.</summary>
    public static async Task<ClaimsPrincipal?> Refresh(SignInManager<AppUser> signIn, IOptionsMonitor<BearerTokenOptions> bearer, TimeProvider clock, RefreshRequest request)
    {
        if (string.IsNullOrEmpty(request.RefreshToken))
        {
            return null;
        }
        var ticket = bearer.Get(IdentityConstants.BearerScheme).RefreshTokenProtector.Unprotect(request.RefreshToken);
        if (ticket?.Properties.ExpiresUtc is not { } expires || clock.GetUtcNow() >= expires)
        {
            return null;
        }
        var user = await signIn.ValidateSecurityStampAsync(ticket.Principal);
        if (user is null || user.IsDisabled)
        {
            return null;
        }
        return await signIn.CreateUserPrincipalAsync(user);
    }

    /// <summary>Ends every session of the signed-in account, on every device.</summary>
    public static async Task EndAll(UserManager<AppUser> users, AuditLog audit, ClaimsPrincipal principal)
    {
        if (await users.GetUserAsync(principal) is { } user)
        {
            await users.UpdateSecurityStampAsync(user);
            await audit.WriteAsync("logout", "Account", user.Id);
        }
    }
}
