using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using SocialWorkStation.Web.Infrastructure;
using SocialWorkStation.Web.Tests.Infrastructure;

namespace SocialWorkStation.Web.Tests.Accounts;

/// <summary>Two-factor sign-in (docs/security.md "Two-factor sign-in"; issue 17 item 2).</summary>
public sealed class TwoFactorTests
{
    public static TheoryData<string> Providers => Db.Providers;
    private const string Pass = "Strong#Pass2026";

    private static async Task<(string Id, string UserName)> NewAccount(TestApp app, string role = "SocialWorker", string? scope = "469030")
    {
        var userName = "f" + Guid.NewGuid().ToString("N")[..10];
        var response = await (await app.ClientFor("security")).PostJson("/api/v1/accounts", new { userName, displayName = "两步测试", password = Pass, roles = new[] { role }, scopeRegionCode = scope });
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return ((await response.ReadJson()).GetProperty("id").GetString()!, userName);
    }

    private static Task<HttpResponseMessage> LogIn(TestApp app, string userName, string? code = null, string? recovery = null) =>
        app.Anonymous().PostAsJsonAsync("/api/v1/auth/login", new { userName, password = Pass, twoFactorCode = code, twoFactorRecoveryCode = recovery });

    private static async Task<HttpClient> Bearer(TestApp app, HttpResponseMessage login)
    {
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        var client = app.Anonymous();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", (await login.ReadJson()).GetProperty("accessToken").GetString());
        return client;
    }

    /// <summary>Binds an authenticator to an account of its own; returns the key and the recovery codes.</summary>
    private static async Task<(string Key, List<string> Recovery)> Enrol(TestApp app, HttpClient client)
    {
        var status = await client.GetJson("/api/v1/auth/2fa");
        Assert.False(status.GetProperty("enabled").GetBoolean());
        var key = await (await client.PostJson("/api/v1/auth/2fa/key", new { })).ReadJson();
        var secret = key.GetProperty("sharedKey").GetString()!.Replace(" ", "").ToUpperInvariant();
        Assert.StartsWith("otpauth://totp/", key.GetProperty("authenticatorUri").GetString());
        await (await client.PostJson("/api/v1/auth/2fa/enable", new { code = "000000" == TestApp.CurrentCode(secret) ? "111111" : "000000" })).AssertValidationProblem("code");
        await (await client.PostJson("/api/v1/auth/2fa/enable", new { })).AssertValidationProblem("code");
        var enabled = await client.PostJson("/api/v1/auth/2fa/enable", new { code = TestApp.CurrentCode(secret) });
        Assert.Equal(HttpStatusCode.OK, enabled.StatusCode);
        var codes = (await enabled.ReadJson()).GetProperty("codes").EnumerateArray().Select(c => c.GetString()!).ToList();
        Assert.Equal(10, codes.Distinct().Count());
        return (secret, codes);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task An_enrolled_account_signs_in_with_its_code_or_a_recovery_code_once(string db)
    {
        var app = TestApp.For(db);
        var (_, name) = await NewAccount(app);
        var client = await Bearer(app, await LogIn(app, name));
        var (key, recovery) = await Enrol(app, client);
        // Turning it on ended the session that did it (the security stamp changed).
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/v1/auth/me")).StatusCode);

        var passwordOnly = await LogIn(app, name);
        Assert.Equal(HttpStatusCode.Unauthorized, passwordOnly.StatusCode);
        Assert.True((await passwordOnly.ReadJson()).GetProperty("twoFactorRequired").GetBoolean());
        var wrong = await LogIn(app, name, code: TestApp.CurrentCode(key) == "123456" ? "654321" : "123456");
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        Assert.False((await wrong.ReadJson()).TryGetProperty("twoFactorRequired", out _));
        // A wrong password never reveals that the account has two factors.
        var badPassword = await app.Anonymous().PostAsJsonAsync("/api/v1/auth/login", new { userName = name, password = "Wrong#Pass2026" });
        Assert.False((await badPassword.ReadJson()).TryGetProperty("twoFactorRequired", out _));

        var signedIn = await Bearer(app, await LogIn(app, name, code: TestApp.CurrentCode(key)));
        var status = await signedIn.GetJson("/api/v1/auth/2fa");
        Assert.True(status.GetProperty("enabled").GetBoolean());
        Assert.Equal(10, status.GetProperty("recoveryCodesLeft").GetInt32());
        // A new key cannot be made while it is on.
        Assert.Equal(HttpStatusCode.Conflict, (await signedIn.PostJson("/api/v1/auth/2fa/key", new { })).StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await LogIn(app, name, recovery: recovery[3])).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await LogIn(app, name, recovery: recovery[3])).StatusCode);
        var after = await Bearer(app, await LogIn(app, name, code: TestApp.CurrentCode(key)));
        Assert.Equal(9, (await after.GetJson("/api/v1/auth/2fa")).GetProperty("recoveryCodesLeft").GetInt32());

        // A business role may turn it off again; then the password alone signs in.
        Assert.Equal(HttpStatusCode.NoContent, (await after.PostJson("/api/v1/auth/2fa/disable", new { })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await LogIn(app, name)).StatusCode);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Administrators_must_enrol_before_anything_else_and_cannot_turn_it_off(string db)
    {
        var app = TestApp.For(db);
        var (_, name) = await NewAccount(app, "Auditor", scope: null);
        var client = await Bearer(app, await LogIn(app, name));
        Assert.True((await client.GetJson("/api/v1/auth/2fa")).GetProperty("required").GetBoolean());
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/api/v1/audit")).StatusCode);
        var (key, _) = await Enrol(app, client);
        var enrolled = await Bearer(app, await LogIn(app, name, code: TestApp.CurrentCode(key)));
        Assert.Equal(HttpStatusCode.OK, (await enrolled.GetAsync("/api/v1/audit?pageSize=1")).StatusCode);
        Assert.Equal((HttpStatusCode)422, (await enrolled.PostJson("/api/v1/auth/2fa/disable", new { })).StatusCode);

        // On pages the administrator who has not enrolled is sent to enrol.
        var (_, other) = await NewAccount(app, "Auditor", scope: null);
        var browser = await app.BrowserFor(other, Pass);
        var audit = await browser.GetAsync("/Audit");
        Assert.Equal(HttpStatusCode.Redirect, audit.StatusCode);
        Assert.Equal("/Account/TwoFactor", audit.Headers.Location!.ToString());
        var page = await browser.GetStringAsync("/Account/TwoFactor");
        Assert.Contains("<svg", page);
        Assert.Contains("必须使用两步验证", page);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task The_security_administrator_resets_a_lost_authenticator(string db)
    {
        var app = TestApp.For(db);
        var (id, name) = await NewAccount(app);
        var (key, _) = await Enrol(app, await Bearer(app, await LogIn(app, name)));
        var session = await Bearer(app, await LogIn(app, name, code: TestApp.CurrentCode(key)));
        var reset = await (await app.ClientFor("security")).PutJson($"/api/v1/accounts/{id}", new { displayName = "两步测试", roles = new[] { "SocialWorker" }, scopeRegionCode = "469030", resetTwoFactor = true });
        Assert.Equal(HttpStatusCode.OK, reset.StatusCode);
        Assert.False((await reset.ReadJson()).GetProperty("twoFactorEnabled").GetBoolean());
        Assert.Equal(HttpStatusCode.Unauthorized, (await session.GetAsync("/api/v1/auth/me")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await LogIn(app, name)).StatusCode);
    }

    [Fact]
    public void Bureau_officers_need_it_only_where_the_setting_says_so()
    {
        var off = new AccountOptions();
        var on = new AccountOptions { RequireTwoFactorForBureau = true };
        foreach (var admin in new[] { "SystemAdmin", "SecurityAdmin", "Auditor" })
        {
            Assert.True(off.RequiresTwoFactor([admin]));
        }
        Assert.False(off.RequiresTwoFactor(["BureauOfficer"]));
        Assert.True(on.RequiresTwoFactor(["BureauOfficer"]));
        Assert.False(on.RequiresTwoFactor(["StationHead", "SocialWorker"]));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task The_login_page_asks_for_the_code_in_a_second_step(string db)
    {
        var app = TestApp.For(db);
        var browser = app.Anonymous();
        var form = await browser.GetStringAsync("/Account/Login");
        var step1 = await browser.PostAsync("/Account/Login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.UserName"] = "auditor", ["Input.Password"] = TestApp.Password, ["__RequestVerificationToken"] = TestApp.FormToken(form),
        }));
        var html = await step1.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, step1.StatusCode);
        Assert.Contains("验证码", html);
        Assert.DoesNotContain(TestApp.Password, html);
        var wrong = await browser.PostAsync("/Account/Login?handler=Code", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Code"] = "12345x", ["__RequestVerificationToken"] = TestApp.FormToken(html),
        }));
        var wrongHtml = await wrong.Content.ReadAsStringAsync();
        Assert.Contains("验证码不正确", wrongHtml);
        var right = await browser.PostAsync("/Account/Login?handler=Code", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Code"] = TestApp.CurrentCode(), ["__RequestVerificationToken"] = TestApp.FormToken(wrongHtml),
        }));
        Assert.Equal(HttpStatusCode.Redirect, right.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/Audit")).StatusCode);
    }
}
