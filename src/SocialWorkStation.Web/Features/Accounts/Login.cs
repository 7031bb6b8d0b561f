using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using SocialWorkStation.Web.Features.Audit;

namespace SocialWorkStation.Web.Features.Accounts;

/// <param name="TwoFactorCode">The 6-digit code of the authenticator app, for accounts with two-factor sign-in.</param>
/// <param name="TwoFactorRecoveryCode">Or one of the account's recovery codes (each works once).</param>
public sealed record LoginRequest(string? UserName, string? Password, string? TwoFactorCode = null, string? TwoFactorRecoveryCode = null);

/// <summary>
/// Signs a user in, for the API (bearer token) and for pages (cookie) alike. Wrong credentials,
/// unknown users, disabled and locked accounts get the same answer, so the answer tells nothing
/// about which accounts exist; every path verifies one password hash, so neither does the time taken.
/// An account with two-factor sign-in also needs its authenticator code or a recovery code: the API sends
/// all in one request, the page asks for the code in a second step. Every attempt is audited.
/// </summary>
public static class Login
{
    public enum Outcome { Success, Failed, LockedOut, TwoFactorRequired }

    public static async Task<Outcome> Handle(SignInManager<AppUser> signIn, AuditLog audit, LoginRequest request, bool persistent, string scheme)
    {
        var name = request.UserName?.Trim() ?? "";
        var user = name.Length == 0 ? null : await signIn.UserManager.FindByNameAsync(name);
        if (user is null || user.IsDisabled || string.IsNullOrEmpty(request.Password))
        {
            // Pay for one password hash as the real path does, so the time taken tells nothing about which names exist.
            Decoy.Verify(signIn.UserManager.PasswordHasher, request.Password);
            await audit.WriteAsync("loginFailed", "Account", user?.Id, user is { IsDisabled: true } ? "账号已停用" : null, userName: name.Length == 0 ? "?" : name[..Math.Min(name.Length, 64)], userId: user?.Id);
            return Outcome.Failed;
        }
        signIn.AuthenticationScheme = scheme;
        var result = await signIn.CheckPasswordSignInAsync(user, request.Password, lockoutOnFailure: true);
        if (!result.Succeeded)
        {
            await audit.WriteAsync("loginFailed", "Account", user.Id, result.IsLockedOut ? "账号已锁定" : "密码错误", userName: user.UserName, userId: user.Id);
            return result.IsLockedOut ? Outcome.LockedOut : Outcome.Failed;
        }
        if (await signIn.UserManager.GetTwoFactorEnabledAsync(user))
        {
            if (string.IsNullOrWhiteSpace(request.TwoFactorCode) && string.IsNullOrWhiteSpace(request.TwoFactorRecoveryCode))
            {
                if (scheme == IdentityConstants.ApplicationScheme)
                {
                    // The page asks for the code next; until then only this short-lived cookie says who passed the password.
                    var pending = new ClaimsIdentity([new Claim(ClaimTypes.Name, user.Id)], IdentityConstants.TwoFactorUserIdScheme);
                    await signIn.Context.SignInAsync(IdentityConstants.TwoFactorUserIdScheme, new ClaimsPrincipal(pending));
                }
                return Outcome.TwoFactorRequired;
            }
            return await SecondFactor(signIn, audit, user, request.TwoFactorCode, request.TwoFactorRecoveryCode, persistent);
        }
        await signIn.SignInAsync(user, persistent, "pwd");
        await audit.WriteAsync("login", "Account", user.Id, userName: user.UserName, userId: user.Id);
        return Outcome.Success;
    }

    /// <summary>The page's second step: the account that passed its password (the pending cookie) and the code it gives now.</summary>
    public static async Task<Outcome> CompleteOnPage(SignInManager<AppUser> signIn, AuditLog audit, string? code, string? recoveryCode)
    {
        var user = await signIn.GetTwoFactorAuthenticationUserAsync();
        if (user is null || user.IsDisabled)
        {
            return Outcome.Failed;
        }
        signIn.AuthenticationScheme = IdentityConstants.ApplicationScheme;
        var outcome = await SecondFactor(signIn, audit, user, code, recoveryCode, persistent: false);
        if (outcome == Outcome.Success)
        {
            await signIn.Context.SignOutAsync(IdentityConstants.TwoFactorUserIdScheme);
        }
        return outcome;
    }

    private static async Task<Outcome> SecondFactor(SignInManager<AppUser> signIn, AuditLog audit, AppUser user, string? code, string? recoveryCode, bool persistent)
    {
        var users = signIn.UserManager;
        if (await users.IsLockedOutAsync(user))
        {
            await audit.WriteAsync("loginFailed", "Account", user.Id, "账号已锁定", userName: user.UserName, userId: user.Id);
            return Outcome.LockedOut;
        }
        var usedRecovery = string.IsNullOrWhiteSpace(code);
        var ok = usedRecovery
            ? !string.IsNullOrWhiteSpace(recoveryCode) && (await users.RedeemTwoFactorRecoveryCodeAsync(user, recoveryCode.Replace(" ", "").Trim())).Succeeded
            : await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, code!.Replace(" ", "").Replace("-", "").Trim());
        if (!ok)
        {
            // A wrong code counts towards the lockout like a wrong password.
            await users.AccessFailedAsync(user);
            var locked = await users.IsLockedOutAsync(user);
            await audit.WriteAsync("loginFailed", "Account", user.Id, locked ? "账号已锁定" : "验证码错误", userName: user.UserName, userId: user.Id);
            return locked ? Outcome.LockedOut : Outcome.Failed;
        }
        await users.ResetAccessFailedCountAsync(user);
        await signIn.SignInAsync(user, persistent, "mfa");
        await audit.WriteAsync("login", "Account", user.Id, usedRecovery ? "使用恢复码登录" : "两步验证", userName: user.UserName, userId: user.Id);
        return Outcome.Success;
    }
}

/// <summary>
/// A hash of a random password made once with the platform's own hasher and cost: verifying a password against it
/// costs what verifying against a real account costs (docs/security.md "Sign-in").
/// </summary>
internal static class Decoy
{
    private static readonly AppUser Nobody = new() { UserName = "decoy" };
    private static string? _hash;

    public static void Verify(IPasswordHasher<AppUser> hasher, string? password)
    {
        _hash ??= hasher.HashPassword(Nobody, Guid.NewGuid().ToString("N"));
        hasher.VerifyHashedPassword(Nobody, _hash, string.IsNullOrEmpty(password) ? "-" : password);
    }
}
