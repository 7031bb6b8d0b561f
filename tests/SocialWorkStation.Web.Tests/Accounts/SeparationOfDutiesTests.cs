using System.Net;
using SocialWorkStation.Web.Tests.Infrastructure;

namespace SocialWorkStation.Web.Tests.Accounts;

/// <summary>三员分立 (docs/security.md "Separation of duties"; issue 17 item 1).</summary>
public sealed class SeparationOfDutiesTests
{
    public static TheoryData<string> Providers => Db.Providers;
    private const string Pass = "Strong#Pass2026";

    private static object Account(string userName, string[] roles, string? scope = null) =>
        new { userName, displayName = "三员测试", password = Pass, roles, scopeRegionCode = scope };

    private static string NewName() => "d" + Guid.NewGuid().ToString("N")[..10];

    [Theory, MemberData(nameof(Providers))]
    public async Task No_account_holds_two_administrator_roles_or_one_with_a_business_role(string db)
    {
        var app = TestApp.For(db);
        var security = await app.ClientFor("security");
        foreach (var roles in new[]
        {
            new[] { "SystemAdmin", "Auditor" }, ["SystemAdmin", "SecurityAdmin"], ["SecurityAdmin", "Auditor"], ["SystemAdmin", "SecurityAdmin", "Auditor"],
            ["Auditor", "BureauOfficer"], ["SystemAdmin", "StationHead"],
        })
        {
            await (await security.PostJson("/api/v1/accounts", Account(NewName(), roles, "469030"))).AssertValidationProblem("roles");
        }
        // One administrator role alone is fine, and so is an existing account changed into one, but never into two.
        var created = await security.PostJson("/api/v1/accounts", Account(NewName(), ["Auditor"]));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.ReadJson()).GetProperty("id").GetString();
        await (await security.PutJson($"/api/v1/accounts/{id}", new { displayName = "三员测试", roles = new[] { "Auditor", "SystemAdmin" } })).AssertValidationProblem("roles");
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Nobody_changes_their_own_roles(string db)
    {
        var app = TestApp.For(db);
        var security = await app.ClientFor("security");
        var me = (await security.GetJson("/api/v1/auth/me")).GetProperty("id").GetString();
        var toAuditor = await security.PutJson($"/api/v1/accounts/{me}", new { displayName = "安全管理员", roles = new[] { "Auditor" } });
        Assert.Equal((HttpStatusCode)422, toAuditor.StatusCode);
        Assert.Contains("roles", await toAuditor.Content.ReadAsStringAsync());
        // The unchanged roles with a new display name are fine: only the roles are one's own to keep.
        Assert.Equal(HttpStatusCode.OK, (await security.PutJson($"/api/v1/accounts/{me}", new { displayName = "安全管理员", roles = new[] { "SecurityAdmin" } })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await security.GetAsync("/api/v1/audit")).StatusCode);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Each_administrator_reaches_its_own_area_and_no_service_record(string db)
    {
        var app = TestApp.For(db);
        var expectations = new Dictionary<string, (string[] Open, string[] Closed)>
        {
            ["admin"] = (["/api/v1/stations", "/api/v1/regions/469030/children", "/api/v1/organisations", "/api/v1/profiles", "/api/v1/workers"],
                ["/api/v1/accounts", "/api/v1/audit", "/api/v1/recipients", "/api/v1/visits", "/api/v1/cases", "/api/v1/groups", "/api/v1/reports", "/api/v1/progress", "/api/v1/activities"]),
            ["security"] = (["/api/v1/accounts", "/api/v1/stations", "/api/v1/regions/469030/children", "/api/v1/organisations"],
                ["/api/v1/audit", "/api/v1/recipients", "/api/v1/visits", "/api/v1/cases", "/api/v1/workers", "/api/v1/reports", "/api/v1/progress"]),
            ["auditor"] = (["/api/v1/audit"],
                ["/api/v1/accounts", "/api/v1/stations", "/api/v1/regions/469030/children", "/api/v1/recipients", "/api/v1/visits", "/api/v1/cases", "/api/v1/workers", "/api/v1/reports"]),
        };
        foreach (var (user, (open, closed)) in expectations)
        {
            var client = await app.ClientFor(user);
            foreach (var url in open)
            {
                Assert.True((await client.GetAsync(url)).StatusCode == HttpStatusCode.OK, $"{user} {url}");
            }
            foreach (var url in closed)
            {
                var status = (await client.GetAsync(url)).StatusCode;
                Assert.True(status == HttpStatusCode.Forbidden, $"{user} {url}: {status}");
            }
        }
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Pages_and_the_sidebar_keep_administrators_to_their_areas(string db)
    {
        var app = TestApp.For(db);
        var admin = await app.BrowserFor("admin");
        var home = await admin.GetStringAsync("/");
        Assert.Contains("href=\"/Stations\"", home);
        Assert.DoesNotContain("href=\"/Recipients\"", home);
        Assert.DoesNotContain("href=\"/Accounts\"", home);
        var denied = await admin.GetAsync("/Recipients/Index");
        Assert.Equal(HttpStatusCode.Redirect, denied.StatusCode);
        Assert.Contains("/Account/Denied", denied.Headers.Location!.ToString());
        Assert.Equal(HttpStatusCode.Redirect, (await admin.GetAsync("/Accounts/Index")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/Stations/Index")).StatusCode);

        var auditor = await app.BrowserFor("auditor");
        Assert.Equal(HttpStatusCode.OK, (await auditor.GetAsync("/Audit/Index")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await auditor.GetAsync("/Stations/Index")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await auditor.GetAsync("/Visits/Index")).StatusCode);

        var security = await app.BrowserFor("security");
        Assert.Equal(HttpStatusCode.OK, (await security.GetAsync("/Accounts/Index")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await security.GetAsync("/Audit/Index")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await security.GetAsync("/Recipients/Index")).StatusCode);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task A_change_of_roles_ends_the_accounts_sessions(string db)
    {
        var app = TestApp.For(db);
        var security = await app.ClientFor("security");
        var name = NewName();
        var created = await security.PostJson("/api/v1/accounts", Account(name, ["SocialWorker"], "469030"));
        var id = (await created.ReadJson()).GetProperty("id").GetString();
        var before = await app.ClientFor(name, Pass);
        Assert.Equal(HttpStatusCode.OK, (await before.GetAsync("/api/v1/auth/me")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await security.PutJson($"/api/v1/accounts/{id}", new { displayName = "三员测试", roles = new[] { "Supervisor" }, scopeRegionCode = "469030" })).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await before.GetAsync("/api/v1/auth/me")).StatusCode);
    }
}
