using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using SocialWorkStation.Web.Features.Accounts;
using SocialWorkStation.Web.Features.Audit;
using SocialWorkStation.Web.Tests.Infrastructure;

namespace SocialWorkStation.Web.Tests.Accounts;

/// <summary>Sessions end when the account's security stamp changes (docs/security.md "Sessions"; issue 17 item 5).</summary>
public sealed class SessionTests
{
    public static TheoryData<string> Providers => Db.Providers;
    private const string Pass = "Strong#Pass2026";

    /// <summary>An account of its own (other tests keep using the demo accounts' cached tokens).</summary>
    private static async Task<(string Id, string UserName)> NewAccount(TestApp app)
    {
        var userName = "s" + Guid.NewGuid().ToString("N")[..10];
        var response = await (await app.ClientFor("security")).PostJson("/api/v1/accounts", new { userName, displayName = "会话测试", password = Pass, roles = new[] { "SocialWorker" }, scopeRegionCode = "469030" });
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return ((await response.ReadJson()).GetProperty("id").GetString()!, userName);
    }

    private static async Task<(string Access, string Refresh)> LogIn(TestApp app, string userName, string password = Pass)
    {
        var response = await app.Anonymous().PostAsJsonAsync("/api/v1/auth/login", new { userName, password });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var json = await response.ReadJson();
        return (json.GetProperty("accessToken").GetString()!, json.GetProperty("refreshToken").GetString()!);
    }

    private static HttpClient Bearer(TestApp app, string token)
    {
        var client = app.Anonymous();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    private static async Task<HttpStatusCode> Me(TestApp app, string token) => (await Bearer(app, token).GetAsync("/api/v1/auth/me")).StatusCode;

    [Theory, MemberData(nameof(Providers))]
    public async Task Changing_ones_password_ends_every_other_session(string db)
    {
        var app = TestApp.For(db);
        var (_, name) = await NewAccount(app);
        var phone = await LogIn(app, name);
        var laptop = await LogIn(app, name);
        Assert.Equal(HttpStatusCode.OK, await Me(app, phone.Access));
        Assert.Equal(HttpStatusCode.NoContent, (await Bearer(app, laptop.Access).PostJson("/api/v1/auth/change-password", new { currentPassword = Pass, newPassword = "Newer#Pass2026" })).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, await Me(app, phone.Access));
        Assert.Equal(HttpStatusCode.Unauthorized, await Me(app, laptop.Access));
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.Anonymous().PostJson("/api/v1/auth/refresh", new { refreshToken = phone.Refresh })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, await Me(app, (await LogIn(app, name, "Newer#Pass2026")).Access));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task An_administrators_reset_and_a_disable_then_enable_end_old_sessions(string db)
    {
        var app = TestApp.For(db);
        var admin = await app.ClientFor("security");
        var (id, name) = await NewAccount(app);
        var before = await LogIn(app, name);
        object Body(bool disabled, string? password = null) => new { displayName = "会话测试", roles = new[] { "SocialWorker" }, scopeRegionCode = "469030", disabled, password };

        // A change of display name leaves sessions alone.
        Assert.Equal(HttpStatusCode.OK, (await admin.PutJson($"/api/v1/accounts/{id}", Body(false))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, await Me(app, before.Access));

        Assert.Equal(HttpStatusCode.OK, (await admin.PutJson($"/api/v1/accounts/{id}", Body(false, "Reset#Pass2026"))).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, await Me(app, before.Access));

        var second = await LogIn(app, name, "Reset#Pass2026");
        Assert.Equal(HttpStatusCode.OK, (await admin.PutJson($"/api/v1/accounts/{id}", Body(true))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.PutJson($"/api/v1/accounts/{id}", Body(false))).StatusCode);
        // Enabled again, the account logs in afresh; the tokens issued before it was disabled stay dead.
        Assert.Equal(HttpStatusCode.Unauthorized, await Me(app, second.Access));
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.Anonymous().PostJson("/api/v1/auth/refresh", new { refreshToken = second.Refresh })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, await Me(app, (await LogIn(app, name, "Reset#Pass2026")).Access));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Refresh_issues_new_tokens_until_the_user_signs_out(string db)
    {
        var app = TestApp.For(db);
        var (_, name) = await NewAccount(app);
        var first = await LogIn(app, name);
        var refreshed = await app.Anonymous().PostJson("/api/v1/auth/refresh", new { refreshToken = first.Refresh });
        Assert.Equal(HttpStatusCode.OK, refreshed.StatusCode);
        var json = await refreshed.ReadJson();
        var access = json.GetProperty("accessToken").GetString()!;
        Assert.Equal(HttpStatusCode.OK, await Me(app, access));

        // Unreadable, empty or missing refresh tokens: 401, never 5xx.
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.Anonymous().PostJson("/api/v1/auth/refresh", new { refreshToken = "garbage" })).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.Anonymous().PostJson("/api/v1/auth/refresh", new { refreshToken = "" })).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.Anonymous().PostJson("/api/v1/auth/refresh", new { })).StatusCode);

        Assert.Equal(HttpStatusCode.Unauthorized, (await app.Anonymous().PostJson("/api/v1/auth/logout", new { })).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await Bearer(app, access).PostJson("/api/v1/auth/logout", new { })).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, await Me(app, access));
        Assert.Equal(HttpStatusCode.Unauthorized, await Me(app, first.Access));
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.Anonymous().PostJson("/api/v1/auth/refresh", new { refreshToken = json.GetProperty("refreshToken").GetString() })).StatusCode);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task A_copied_cookie_stops_when_its_user_signs_out_on_the_page(string db)
    {
        var app = TestApp.For(db);
        var (_, name) = await NewAccount(app);
        var browser = app.Anonymous();
        var form = await browser.GetStringAsync("/Account/Login");
        var loginResponse = await browser.PostAsync("/Account/Login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.UserName"] = name, ["Input.Password"] = Pass, ["__RequestVerificationToken"] = TestApp.FormToken(form),
        }));
        Assert.Equal(HttpStatusCode.Redirect, loginResponse.StatusCode);
        var auth = loginResponse.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("sws.auth=", StringComparison.Ordinal)).Split(';')[0];

        // The same cookie replayed from another machine works until the user signs out.
        async Task<HttpStatusCode> Copy()
        {
            var r = new HttpRequestMessage(HttpMethod.Get, "/api/v1/auth/me");
            r.Headers.Add("Cookie", auth);
            return (await app.Anonymous().SendAsync(r)).StatusCode;
        }
        Assert.Equal(HttpStatusCode.OK, await Copy());
        var page = await browser.GetStringAsync("/Account/Logout");
        var logoutToken = TestApp.FormToken(page);
        var logout = await browser.PostAsync("/Account/Logout", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = logoutToken }));
        Assert.Equal(HttpStatusCode.Redirect, logout.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, await Copy());
    }

    /// <summary>Unknown, disabled and real accounts pay for one password hash each, so timing tells no names (issue 17 item 9).</summary>
    [Theory, MemberData(nameof(Providers))]
    public async Task Every_login_path_verifies_one_password_hash(string db)
    {
        var app = TestApp.For(db);
        var (id, name) = await NewAccount(app);
        var (disabledId, disabledName) = await NewAccount(app);
        await (await app.ClientFor("security")).PutJson($"/api/v1/accounts/{disabledId}", new { displayName = "会话测试", roles = new[] { "SocialWorker" }, scopeRegionCode = "469030", disabled = true });

        await using var scope = app.Services.CreateAsyncScope();
        var signIn = scope.ServiceProvider.GetRequiredService<SignInManager<AppUser>>();
        var counting = new CountingHasher(signIn.UserManager.PasswordHasher);
        signIn.UserManager.PasswordHasher = counting;
        var audit = scope.ServiceProvider.GetRequiredService<AuditLog>();
        foreach (var (user, password) in new[] { ("nobody-" + Guid.NewGuid().ToString("N")[..8], "Wrong#Pass2026"), (disabledName, Pass), (name, "Wrong#Pass2026"), ("nobody", ""), (name, "") })
        {
            counting.Verifications = 0;
            var outcome = await Login.Handle(signIn, audit, new LoginRequest(user, password), persistent: false, IdentityConstants.BearerScheme);
            Assert.NotEqual(Login.Outcome.Success, outcome);
            Assert.True(counting.Verifications == 1, $"{user}/{(password.Length == 0 ? "empty" : "wrong")}: {counting.Verifications} hash verifications");
        }
        Assert.NotNull(id);
    }

    private sealed class CountingHasher(IPasswordHasher<AppUser> inner) : IPasswordHasher<AppUser>
    {
        public int Verifications;
        public string HashPassword(AppUser user, string password) => inner.HashPassword(user, password);
        public PasswordVerificationResult VerifyHashedPassword(AppUser user, string hashedPassword, string providedPassword)
        {
            Verifications++;
            return inner.VerifyHashedPassword(user, hashedPassword, providedPassword);
        }
    }
}
