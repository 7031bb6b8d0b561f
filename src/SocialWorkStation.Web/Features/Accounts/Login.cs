using Microsoft.AspNetCore.Identity;
using SocialWorkStation.Web.Features.Audit;

namespace SocialWorkStation.Web.Features.Accounts;

public sealed record LoginRequest(string? UserName, string? Password);

/// <summary>
/// Signs a user in, for the API (bearer token) and for pages (cookie) alike. Wrong credentials,
/// unknown users, disabled and locked accounts get the same answer, so the answer tells nothing
/// about which accounts exist. Every attempt is audited.
/// </summary>
public static class Login
{
    public enum Outcome { Success, Failed, LockedOut }

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
        var result = await signIn.PasswordSignInAsync(user, request.Password, persistent, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            await audit.WriteAsync("login", "Account", user.Id, userName: user.UserName, userId: user.Id);
            return Outcome.Success;
        }
        await audit.WriteAsync("loginFailed", "Account", user.Id, result.IsLockedOut ? "账号已锁定" : "密码错误", userName: user.UserName, userId: user.Id);
        return result.IsLockedOut ? Outcome.LockedOut : Outcome.Failed;
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
