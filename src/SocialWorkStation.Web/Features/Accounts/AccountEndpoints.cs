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
                return outcome switch
                {
                    Login.Outcome.Success => Results.Empty,
                    // Only after the right password: the account asks for its authenticator code (send it as twoFactorCode).
                    Login.Outcome.TwoFactorRequired => Results.Problem(title: "需要两步验证", detail: "请同时提交验证器应用显示的6位验证码（twoFactorCode）或一个恢复码（twoFactorRecoveryCode）",
                        statusCode: 401, extensions: new Dictionary<string, object?> { ["twoFactorRequired"] = true }),
                    _ => Results.Problem(title: "登录失败", detail: "用户名或密码不正确，或账号已被锁定", statusCode: 401),
                };
            })
            .AllowAnonymous()
            .WithSummary("Log in; returns {accessToken, expiresIn, refreshToken}. 401 for any failure; 401 with twoFactorRequired: true when the account needs its authenticator code.");
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
        var twoFactor = auth.MapGroup("/2fa");
        twoFactor.MapGet("/", (UserManager<AppUser> users, IOptions<AccountOptions> options, ClaimsPrincipal principal) => SetUpAuthenticator.Status(users, options, principal))
            .WithSummary("Two-factor sign-in of the signed-in account: enabled, required by its roles, recovery codes left");
        twoFactor.MapPost("/key", (UserManager<AppUser> users, IUserStore<AppUser> store, ClaimsPrincipal principal) => SetUpAuthenticator.NewKey(users, store, principal))
            .WithSummary("A new authenticator key (while two-factor sign-in is off): the key and its otpauth:// address");
        twoFactor.MapPost("/enable", (EnableTwoFactorRequest request, UserManager<AppUser> users, AuditLog audit, ClaimsPrincipal principal) => EnableTwoFactor.Handle(users, audit, principal, request))
            .WithSummary("Turn two-factor sign-in on with the app's current code; returns ten one-time recovery codes. Other sessions end.");
        twoFactor.MapPost("/disable", async (UserManager<AppUser> users, IOptions<AccountOptions> options, AuditLog audit, ClaimsPrincipal principal) =>
            {
                await DisableTwoFactor.Handle(users, options, audit, principal);
                return Results.NoContent();
            })
            .WithSummary("Turn two-factor sign-in off; 422 where the account's roles require it.");
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
