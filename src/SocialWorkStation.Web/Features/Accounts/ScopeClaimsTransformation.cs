using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SocialWorkStation.Web.Data;
using SocialWorkStation.Web.Infrastructure;

namespace SocialWorkStation.Web.Features.Accounts;

/// <summary>
/// Rebuilds the principal from the database on every request: current roles, current scope, and
/// no principal at all for a disabled or deleted account or a session whose security stamp is no longer current. Nothing is cached in memory, so a change
/// made on one web node applies on every node at the next request.
/// </summary>
public sealed class ScopeClaimsTransformation(AppDbContext db, IHttpContextAccessor http, IOptions<AccountOptions> accounts) : IClaimsTransformation
{
    private const string Marker = "sws:loaded";
    public const string RevokedKey = "sws:revoked";
    /// <summary>The account's roles require two-factor sign-in and it has not enrolled yet: it may only enrol (docs/security.md "Two-factor sign-in").</summary>
    public const string TwoFactorMissingClaim = "sws:2fa_missing";
    /// <summary>The claim Identity writes into every cookie and bearer token it issues (ClaimsIdentityOptions.SecurityStampClaimType).</summary>
    public const string SecurityStampClaim = "AspNet.Identity.SecurityStamp";

    public async Task<ClaimsPrincipal> TransformAsync(ClaimsPrincipal principal)
    {
        if (principal.Identity?.IsAuthenticated != true || principal.HasClaim(c => c.Type == Marker)
            // The short-lived cookie between the password and the code of a two-factor sign-in is not a session.
            || principal.Identity.AuthenticationType == Microsoft.AspNetCore.Identity.IdentityConstants.TwoFactorUserIdScheme)
        {
            return principal;
        }
        var id = principal.FindFirstValue(ClaimTypes.NameIdentifier);
        var user = id is null ? null : await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == id);
        // The security stamp changes when the password is changed or reset, when the account is disabled, and at
        // sign-out: every cookie and bearer token issued before that stops at its next request (docs/security.md "Sessions").
        if (user is null || user.IsDisabled || principal.FindFirstValue(SecurityStampClaim) != user.SecurityStamp)
        {
            if (http.HttpContext is { } ctx)
            {
                ctx.Items[RevokedKey] = true;
            }
            return new ClaimsPrincipal(new ClaimsIdentity());
        }
        var roles = await db.UserRoles.Where(ur => ur.UserId == user.Id)
            .Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name!)
            .ToListAsync();
        var authType = principal.Identity.AuthenticationType;
        var identity = new ClaimsIdentity(authType, ClaimTypes.Name, ClaimTypes.Role);
        identity.AddClaim(new Claim(Marker, "1"));
        identity.AddClaim(new Claim(ClaimTypes.NameIdentifier, user.Id));
        identity.AddClaim(new Claim(ClaimTypes.Name, user.UserName ?? ""));
        identity.AddClaim(new Claim("sws:display_name", user.DisplayName));
        foreach (var c in principal.Claims.Where(c => c.Type == SecurityStampClaim))
        {
            identity.AddClaim(new Claim(c.Type, c.Value));
        }
        identity.AddClaims(roles.Select(r => new Claim(ClaimTypes.Role, r)));
        if (!user.TwoFactorEnabled && accounts.Value.RequiresTwoFactor(roles))
        {
            identity.AddClaim(new Claim(TwoFactorMissingClaim, "1"));
        }
        identity.AddClaims(UserScope.Of(user, roles).ToClaims());
        return new ClaimsPrincipal(identity);
    }
}

/// <summary>
/// Credentials of a disabled or deleted account: the API answers 401, pages sign the cookie out and
/// send the browser to the login page.
/// </summary>
public static class RevokedSessionMiddleware
{
    public static IApplicationBuilder UseRevokedSessions(this IApplicationBuilder app) => app.Use(async (ctx, next) =>
    {
        if (ctx.Items.ContainsKey(ScopeClaimsTransformation.RevokedKey))
        {
            if (ctx.Request.Path.StartsWithSegments("/api"))
            {
                ctx.Response.StatusCode = StatusCodes.Status401Unauthorized;
                return;
            }
            await ctx.SignOutAsync(Microsoft.AspNetCore.Identity.IdentityConstants.ApplicationScheme);
            ctx.Response.Redirect("/Account/Login");
            return;
        }
        if (ctx.User.HasClaim(c => c.Type == ScopeClaimsTransformation.TwoFactorMissingClaim))
        {
            // Until it enrols, an account that must use two-factor sign-in reaches only its own account pages and /auth.
            if (ctx.Request.Path.StartsWithSegments("/api"))
            {
                if (!ctx.Request.Path.StartsWithSegments("/api/v1/auth"))
                {
                    await Results.Problem(title: "须先开启两步验证", detail: "您的角色必须使用两步验证登录：请先在 /api/v1/auth/2fa 绑定验证器应用",
                        statusCode: StatusCodes.Status403Forbidden).ExecuteAsync(ctx);
                    return;
                }
            }
            else if (!ctx.Request.Path.StartsWithSegments("/Account") && ctx.GetEndpoint() is { } endpoint
                && endpoint.Metadata.GetMetadata<Microsoft.AspNetCore.Authorization.IAllowAnonymous>() is null)
            {
                ctx.Response.Redirect("/Account/TwoFactor");
                return;
            }
        }
        await next();
    });
}

public static class ClaimsPrincipalExtensions
{
    public static UserScope Scope(this ClaimsPrincipal user) => UserScope.From(user);
    public static string? UserId(this ClaimsPrincipal user) => user.FindFirstValue(ClaimTypes.NameIdentifier);
    public static string DisplayName(this ClaimsPrincipal user) => user.FindFirstValue("sws:display_name") ?? user.Identity?.Name ?? "";
    public static bool Can(this ClaimsPrincipal user, string permission) =>
        Permissions.RolesFor.TryGetValue(permission, out var roles) && roles.Any(user.IsInRole);
}
