using System.Security.Claims;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using SocialWorkStation.Web.Data;
using SocialWorkStation.Web.Features.Audit;
using SocialWorkStation.Web.Infrastructure;

namespace SocialWorkStation.Web.Features.Accounts;

public static class AccountEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        var auth = api.MapGroup("/auth").WithTags("认证 Authentication");
        auth.MapPost("/login", async (LoginRequest request, SignInManager<AppUser> signIn, AuditLog audit) =>
            {
                var outcome = await Login.Handle(signIn, audit, request, persistent: false, IdentityConstants.BearerScheme);
                // On success the bearer handler has already written {tokenType, accessToken, expiresIn, refreshToken}.
                return outcome == Login.Outcome.Success
                    ? Results.Empty
                    : Results.Problem(title: "登录失败", detail: "用户名或密码不正确，或账号已被锁定", statusCode: 401);
            })
            .AllowAnonymous()
            .WithSummary("Log in; returns {accessToken, expiresIn, refreshToken}. 401 for any failure.");
        auth.MapPost("/refresh", async (RefreshRequest request, SignInManager<AppUser> signIn, IOptionsMonitor<BearerTokenOptions> bearer, TimeProvider clock) =>
                await Sessions.Refresh(signIn, bearer, clock, request) is { } principal
                    ? Results.SignIn(principal, authenticationScheme: IdentityConstants.BearerScheme)
                    : Results.Problem(title: "登录已失效", detail: "刷新令牌无效或已过期，请重新登录", statusCode: 401))
            .AllowAnonymous()
            .WithSummary("Exchange a refresh token for new tokens; 401 once the password changed, the account was disabled or its user signed out.");
        auth.MapPost("/logout", async (ClaimsPrincipal principal, UserManager<AppUser> users, AuditLog audit) =>
            {
                await Sessions.EndAll(users, audit, principal);
                return Results.NoContent();
            })
            .WithSummary("Sign out: every token and cookie of this account stops working, refresh tokens included.");
        auth.MapGet("/me", (ClaimsPrincipal user) =>
            {
                var s = user.Scope();
                return new MeDto(user.UserId()!, user.Identity!.Name!, user.DisplayName(),
                    user.FindAll(ClaimTypes.Role).Select(c => c.Value).ToList(), JsonNames.Camel(s.Kind.ToString()), s.RegionCode, s.StationId);
            })
            .WithSummary("The signed-in user with roles and scope");
        auth.MapPost("/change-password", async (ChangePasswordRequest request, ClaimsPrincipal principal, UserManager<AppUser> users) =>
            {
                await ChangePassword.Handle(users, principal, request);
                return Results.NoContent();
            })
            .WithSummary("Change one's own password");

        var accounts = api.MapGroup("/accounts").WithTags("账号 Accounts").RequireAuthorization(Permissions.AccountsManage);
        accounts.MapGet("/", (AppDbContext db, TimeProvider clock, string? q, int? page, int? pageSize, CancellationToken ct) =>
            ManageAccounts.List(db, clock, q, PageRequest.From(page, pageSize), ct));
        accounts.MapGet("/{id}", (string id, AppDbContext db, TimeProvider clock, CancellationToken ct) => ManageAccounts.Get(db, clock, id, ct));
        accounts.MapPost("/", async (AccountInput input, AppDbContext db, UserManager<AppUser> users, TimeProvider clock, CancellationToken ct) =>
        {
            var dto = await ManageAccounts.Create(db, users, clock, input, ct);
            return TypedResults.Created($"/api/v1/accounts/{dto.Id}", dto);
        });
        accounts.MapPut("/{id}", (string id, AccountInput input, AppDbContext db, UserManager<AppUser> users, TimeProvider clock, ClaimsPrincipal principal, CancellationToken ct) =>
            ManageAccounts.Update(db, users, clock, id, input, ct, principal.UserId()));
    }
}
