using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using SocialWorkStation.Web.Tests.Infrastructure;

namespace SocialWorkStation.Web.Tests.Accounts;

public sealed class AccountTests
{
    public static TheoryData<string> Providers => Db.Providers;

    private static async Task<string> NewAccount(TestApp app, string role = "SocialWorker", string password = "Strong#Pass2026")
    {
        var admin = await app.ClientFor("security");
        var userName = "t" + Guid.NewGuid().ToString("N")[..10];
        var response = await admin.PostJson("/api/v1/accounts", new { userName, displayName = "测试用户", password, roles = new[] { role }, scopeRegionCode = "469030" });
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return userName;
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Wrong_credentials_get_the_same_401_whether_or_not_the_user_exists(string db)
    {
        var anon = TestApp.For(db).Anonymous();
        var unknown = await anon.PostAsJsonAsync("/api/v1/auth/login", new { userName = "nobody-" + Guid.NewGuid(), password = "whatever1A!" });
        var wrong = await anon.PostAsJsonAsync("/api/v1/auth/login", new { userName = "worker", password = "whatever1A!" });
        Assert.Equal(HttpStatusCode.Unauthorized, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        var a = await unknown.ReadJson();
        var b = await wrong.ReadJson();
        Assert.Equal(a.GetProperty("title").GetString(), b.GetProperty("title").GetString());
        Assert.Equal(a.GetProperty("detail").GetString(), b.GetProperty("detail").GetString());
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Login_returns_a_bearer_token_that_opens_the_api(string db)
    {
        var anon = TestApp.For(db).Anonymous();
        var response = await anon.PostAsJsonAsync("/api/v1/auth/login", new { userName = "head", password = TestApp.Password });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var json = await response.ReadJson();
        Assert.Equal(30 * 60, json.GetProperty("expiresIn").GetInt32());
        anon.DefaultRequestHeaders.Authorization = new("Bearer", json.GetProperty("accessToken").GetString());
        var me = await anon.GetJson("/api/v1/auth/me");
        Assert.Equal("head", me.GetProperty("userName").GetString());
        Assert.Equal("station", me.GetProperty("scope").GetString());
        Assert.Contains("StationHead", me.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Five_failed_logins_lock_the_account_for_fifteen_minutes(string db)
    {
        var app = TestApp.For(db);
        var userName = await NewAccount(app);
        var anon = app.Anonymous();
        for (var i = 0; i < 4; i++)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await anon.PostAsJsonAsync("/api/v1/auth/login", new { userName, password = "Wrong#Pass2026" })).StatusCode);
        }
        // After four failures the right password still works (and resets the count).
        Assert.Equal(HttpStatusCode.OK, (await anon.PostAsJsonAsync("/api/v1/auth/login", new { userName, password = "Strong#Pass2026" })).StatusCode);
        for (var i = 0; i < 5; i++)
        {
            await anon.PostAsJsonAsync("/api/v1/auth/login", new { userName, password = "Wrong#Pass2026" });
        }
        Assert.Equal(HttpStatusCode.Unauthorized, (await anon.PostAsJsonAsync("/api/v1/auth/login", new { userName, password = "Strong#Pass2026" })).StatusCode);
        var lockoutEnd = await app.WithDb(db => db.Users.Where(u => u.UserName == userName).Select(u => u.LockoutEnd).SingleAsync());
        Assert.NotNull(lockoutEnd);
        // ASP.NET Core Identity sets the lockout end from the system clock, not from the host's TimeProvider.
        var minutes = (lockoutEnd!.Value - DateTimeOffset.UtcNow).TotalMinutes;
        Assert.InRange(minutes, 14, 15.1);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Passwords_need_ten_characters_of_three_kinds(string db)
    {
        var admin = await TestApp.For(db).ClientFor("security");
        object Account(string password) => new { userName = "p" + Guid.NewGuid().ToString("N")[..10], displayName = "测试", password, roles = new[] { "SocialWorker" }, scopeRegionCode = "469030" };
        await (await admin.PostJson("/api/v1/accounts", Account("Abcdef12!"))).AssertValidationProblem("password");      // 9 characters
        await (await admin.PostJson("/api/v1/accounts", Account("abcdefghij1"))).AssertValidationProblem("password");    // two kinds
        Assert.Equal(HttpStatusCode.Created, (await admin.PostJson("/api/v1/accounts", Account("abcdefgh1A"))).StatusCode); // exactly 10, three kinds
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task A_disabled_account_cannot_log_in_and_its_token_stops_working(string db)
    {
        var app = TestApp.For(db);
        var userName = await NewAccount(app);
        var client = await app.ClientFor(userName, "Strong#Pass2026");
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/auth/me")).StatusCode);
        var admin = await app.ClientFor("security");
        var account = (await admin.GetJson($"/api/v1/accounts?q={userName}")).GetProperty("items")[0];
        var id = account.GetProperty("id").GetString();
        var disabled = await admin.PutJson($"/api/v1/accounts/{id}", new { displayName = "测试用户", roles = new[] { "SocialWorker" }, scopeRegionCode = "469030", disabled = true });
        Assert.Equal(HttpStatusCode.OK, disabled.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/v1/auth/me")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.Anonymous().PostAsJsonAsync("/api/v1/auth/login", new { userName, password = "Strong#Pass2026" })).StatusCode);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task A_user_changes_their_password(string db)
    {
        var app = TestApp.For(db);
        var userName = await NewAccount(app);
        var client = await app.ClientFor(userName, "Strong#Pass2026");
        await (await client.PostJson("/api/v1/auth/change-password", new { currentPassword = "wrong", newPassword = "Newer#Pass2026" })).AssertValidationProblem("currentPassword");
        await (await client.PostJson("/api/v1/auth/change-password", new { currentPassword = "Strong#Pass2026", newPassword = "short" })).AssertValidationProblem("newPassword");
        Assert.Equal(HttpStatusCode.NoContent, (await client.PostJson("/api/v1/auth/change-password", new { currentPassword = "Strong#Pass2026", newPassword = "Newer#Pass2026" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await app.Anonymous().PostAsJsonAsync("/api/v1/auth/login", new { userName, password = "Newer#Pass2026" })).StatusCode);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Business_roles_need_a_scope(string db)
    {
        var admin = await TestApp.For(db).ClientFor("security");
        var response = await admin.PostJson("/api/v1/accounts", new { userName = "s" + Guid.NewGuid().ToString("N")[..8], displayName = "无范围", password = "Strong#Pass2026", roles = new[] { "BureauOfficer" } });
        await response.AssertValidationProblem("scopeRegionCode");
        var badRole = await admin.PostJson("/api/v1/accounts", new { userName = "s" + Guid.NewGuid().ToString("N")[..8], displayName = "错角色", password = "Strong#Pass2026", roles = new[] { "King" }, scopeRegionCode = "469030" });
        await badRole.AssertValidationProblem("roles");
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task An_administrator_cannot_disable_themselves(string db)
    {
        var admin = await TestApp.For(db).ClientFor("security");
        var me = await admin.GetJson("/api/v1/auth/me");
        var response = await admin.PutJson($"/api/v1/accounts/{me.GetProperty("id").GetString()}", new { displayName = "安全管理员", roles = new[] { "SecurityAdmin" }, disabled = true });
        Assert.Equal((HttpStatusCode)422, response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/api/v1/auth/me")).StatusCode);
    }
}
