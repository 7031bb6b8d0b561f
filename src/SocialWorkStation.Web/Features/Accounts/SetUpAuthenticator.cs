using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using SocialWorkStation.Web.Infrastructure;

namespace SocialWorkStation.Web.Features.Accounts;

/// <param name="Enabled">Whether sign-in asks for the authenticator code.</param>
/// <param name="Required">Whether the account's roles require it (the administrators; bureau officers where configured).</param>
/// <param name="RecoveryCodesLeft">Unused recovery codes.</param>
public sealed record TwoFactorStatus(bool Enabled, bool Required, int RecoveryCodesLeft);

/// <param name="SharedKey">The key to type into an authenticator app, in groups of four.</param>
/// <param name="AuthenticatorUri">The otpauth:// address the app reads from a QR code.</param>
public sealed record AuthenticatorKey(string SharedKey, string AuthenticatorUri);

/// <summary>
/// Two-factor sign-in, step 1 (docs/security.md "Two-factor sign-in"): the account's status and a fresh authenticator
/// key (TOTP, RFC 6238, as any authenticator app reads it). A new key is only made while two-factor sign-in is off,
/// and making it does not end the session (the key is stored without renewing the security stamp).
/// </summary>
public static class SetUpAuthenticator
{
    public const string Issuer = "社工站平台";

    public static async Task<TwoFactorStatus> Status(UserManager<AppUser> users, IOptions<AccountOptions> options, ClaimsPrincipal principal)
    {
        var user = await users.GetUserAsync(principal) ?? throw new NotFoundException("账号不存在");
        return new TwoFactorStatus(await users.GetTwoFactorEnabledAsync(user), options.Value.RequiresTwoFactor(await users.GetRolesAsync(user)),
            await users.CountRecoveryCodesAsync(user));
    }

    public static async Task<AuthenticatorKey> NewKey(UserManager<AppUser> users, IUserStore<AppUser> store, ClaimsPrincipal principal)
    {
        var user = await users.GetUserAsync(principal) ?? throw new NotFoundException("账号不存在");
        if (await users.GetTwoFactorEnabledAsync(user))
        {
            throw new ConflictException("两步验证已开启；如需更换验证器，请先关闭两步验证或请安全管理员重置");
        }
        var key = users.GenerateNewAuthenticatorKey();
        await ((IUserAuthenticatorKeyStore<AppUser>)store).SetAuthenticatorKeyAsync(user, key, CancellationToken.None);
        await store.UpdateAsync(user, CancellationToken.None);
        return Describe(user.UserName!, key);
    }

    public static AuthenticatorKey Describe(string userName, string key)
    {
        var grouped = string.Join(' ', Enumerable.Range(0, (key.Length + 3) / 4).Select(i => key.Substring(i * 4, Math.Min(4, key.Length - i * 4)))).ToLowerInvariant();
        var uri = $"otpauth://totp/{Uri.EscapeDataString(Issuer)}:{Uri.EscapeDataString(userName)}?secret={key}&issuer={Uri.EscapeDataString(Issuer)}&digits=6";
        return new AuthenticatorKey(grouped, uri);
    }
}
