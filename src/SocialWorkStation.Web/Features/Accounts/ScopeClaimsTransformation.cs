using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.EntityFrameworkCore;
using SocialWorkStation.Web.Data;

namespace SocialWorkStation.Web.Features.Accounts;

/// <summary>
/// Rebuilds the principal from the database on every request: current roles, current scope, and
/// no principal at all for a disabled or deleted account or a session whose security stamp is no longer current. Nothing is cached in memory, so a change
/// made on one web node applies on every node at the next request.
/// </summary>
public sealed class ScopeClaimsTransformation(AppDbContext db, IHttpContextAccessor http) : IClaimsTransformation
{
    private const string Marker = "sws:loaded";
    public const string RevokedKey = "sws:revoked";
    /// <summary>The claim Identity writes into every cookie and bearer token it issues (ClaimsIdentityOptions.SecurityStampClaimType).</summary>
    public const string SecurityStampClaim = "AspNet.Identity.SecurityStamp";

    public async Task<ClaimsPrincipal> TransformAsync(ClaimsPrincipal principal)
    {
        if (principal.Identity?.IsAuthenticated != true || principal.HasClaim(c => c.Type == Marker))
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
