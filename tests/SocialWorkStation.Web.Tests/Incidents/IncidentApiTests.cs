using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using SocialWorkStation.Web.Features.Incidents;
using SocialWorkStation.Web.Tests.Complaints;
using SocialWorkStation.Web.Tests.Infrastructure;
using SocialWorkStation.Web.Tests.Recipients;

namespace SocialWorkStation.Web.Tests.Incidents;

/// <summary>Incidents and urgent reports (docs/requirements/incidents.md) through the API and the pages, on both databases.</summary>
public sealed class IncidentApiTests
{
    public static TheoryData<string> Providers => Db.Providers;

    private static async Task<JsonElement> Register(HttpClient client, object body)
    {
        var response = await client.PostJson("/api/v1/incidents", body);
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await response.ReadJson();
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task A_tekun_persons_medical_need_goes_to_the_township_home_page_until_acknowledged(string db)
    {
        var app = TestApp.For(db);
        var station = await RecipientFixtures.HeadStation(app);
        var worker = await app.ClientFor("worker");
        var name = RecipientFixtures.NewName();
        var recipient = await RecipientFixtures.Create(worker, RecipientFixtures.Body(name, RecipientFixtures.NewId(), stationId: station, categories: ["tekunDispersed"]));
        var what = "夜间发热需送医" + Guid.NewGuid().ToString("N")[..6];
        var incident = await Register(worker, new
        {
            stationId = station, occurredOn = app.Today.ToString("yyyy-MM-dd"), what, recipientId = recipient.GetProperty("id").GetString(),
            severity = "serious", urgent = true, need = "medical",
        });
        Assert.Equal("township", incident.GetProperty("reportTo").GetString());
        Assert.Contains("（3）基本公共服务（二）第1项", incident.GetProperty("routeSource").GetString());
        Assert.Equal(Domain.Names.Masking.Name(name), incident.GetProperty("recipientName").GetString());
        Assert.DoesNotContain(name, incident.GetRawText());
        Assert.False(incident.GetProperty("acknowledged").GetBoolean());
        var id = incident.GetProperty("id").GetString()!;

        // The township officer's home page lists it; the worker may not acknowledge it, nor may the bureau (routed to the township).
        var township = await app.BrowserFor("township");
        Assert.Contains($"/Incidents/Details/{id}", await township.GetStringAsync("/"));
        var version = incident.GetProperty("version").GetInt32();
        Assert.Equal(HttpStatusCode.Forbidden, (await worker.PostJson($"/api/v1/incidents/{id}/acknowledge", new { version })).StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await (await app.ClientFor("bureau")).PostJson($"/api/v1/incidents/{id}/acknowledge", new { version })).StatusCode);
        var townshipApi = await app.ClientFor("township");
        Assert.Equal(HttpStatusCode.Conflict, (await townshipApi.PostJson($"/api/v1/incidents/{id}/acknowledge", new { version = version + 5 })).StatusCode);
        var acknowledged = await (await townshipApi.PostJson($"/api/v1/incidents/{id}/acknowledge", new { version })).ReadJson();
        Assert.True(acknowledged.GetProperty("acknowledged").GetBoolean());
        Assert.Equal("township", acknowledged.GetProperty("acknowledgedBy").GetString());
        Assert.Equal(app.Clock.GetUtcNow().UtcDateTime, acknowledged.GetProperty("acknowledgedAt").GetDateTime().ToUniversalTime(), TimeSpan.FromSeconds(1));
        Assert.DoesNotContain($"/Incidents/Details/{id}", await township.GetStringAsync("/"));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await townshipApi.PostJson($"/api/v1/incidents/{id}/acknowledge", new { version = version + 1 })).StatusCode);

        // The audit trail holds the acknowledgement and not the recipient's name.
        var audit = await app.WithDb(async d => string.Join("\n", await d.AuditEntries.Where(a => a.EntityId == id).Select(a => (a.Before ?? "") + (a.After ?? "")).ToListAsync()));
        Assert.Contains("AcknowledgedBy", audit);
        Assert.DoesNotContain(name, audit);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task A_need_the_profile_does_not_route_takes_the_platform_default_and_closing_needs_the_version(string db)
    {
        var app = TestApp.For(db);
        var station = await RecipientFixtures.HeadStation(app);
        var head = await app.ClientFor("head");
        var incident = await Register(head, new { stationId = station, occurredOn = app.Today.ToString("yyyy-MM-dd"), what = "活动中老人摔倒", severity = "minor", urgent = true, need = "other" });
        Assert.Equal("township", incident.GetProperty("reportTo").GetString());
        Assert.StartsWith("平台默认", incident.GetProperty("routeSource").GetString());
        var id = incident.GetProperty("id").GetString();
        var version = incident.GetProperty("version").GetInt32();
        await (await head.PostJson($"/api/v1/incidents/{id}/close", new { closure = "", version })).AssertValidationProblem("closure");
        await (await head.PostJson($"/api/v1/incidents/{id}/close", new { closure = "已处理", closedOn = app.Today.AddDays(-400).ToString("yyyy-MM-dd"), version })).AssertValidationProblem("closedOn");
        Assert.Equal(HttpStatusCode.Conflict, (await head.PostJson($"/api/v1/incidents/{id}/close", new { closure = "已处理", version = version + 2 })).StatusCode);
        var closed = await (await head.PostJson($"/api/v1/incidents/{id}/close", new { closure = "已处理", version })).ReadJson();
        Assert.Equal("closed", closed.GetProperty("status").GetString());
        await (await head.PostJson("/api/v1/incidents", new { stationId = station, occurredOn = app.Today.ToString("yyyy-MM-dd"), what = "x", severity = "huge" })).AssertValidationProblem("severity");
        await (await head.PostJson("/api/v1/incidents", new { stationId = station, occurredOn = app.Today.ToString("yyyy-MM-dd"), what = "x", severity = "minor", urgent = true })).AssertValidationProblem("need");
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Incidents_of_another_county_are_404_and_lists_keep_to_the_scope(string db)
    {
        var app = TestApp.For(db);
        var ledong = await ComplaintTestData.LedongStation(app);
        var outside = await IncidentTestData.AddDirect(app, ledong);
        var inside = await IncidentTestData.AddDirect(app, await RecipientFixtures.HeadStation(app));
        var bureau = await app.ClientFor("bureau");
        Assert.Equal(HttpStatusCode.NotFound, (await bureau.GetAsync($"/api/v1/incidents/{outside}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await bureau.GetAsync($"/api/v1/stations/{ledong}/incidents")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await bureau.PostJson($"/api/v1/incidents/{outside}/close", new { closure = "x", version = 1 })).StatusCode);
        var list = await bureau.GetJson("/api/v1/incidents?pageSize=200");
        var ids = list.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetString()).ToList();
        Assert.Contains(inside.ToString(), ids);
        Assert.DoesNotContain(outside.ToString(), ids);
        var province = await app.ClientForProvince();
        Assert.Equal(HttpStatusCode.OK, (await province.GetAsync($"/api/v1/incidents/{outside}")).StatusCode);
        // A worker of another station of the county does not see the head station's incident either (the township officer does).
        Assert.Equal(HttpStatusCode.OK, (await (await app.ClientFor("township")).GetAsync($"/api/v1/incidents/{inside}")).StatusCode);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task A_county_whose_profile_asks_for_the_exit_mechanism_and_emergency_plan_is_flagged_until_both_are_recorded(string db)
    {
        using var app = TestApp.Isolated(db);
        _ = await RecipientFixtures.HeadStation(app);
        // A station of the demo county under the Hunan profile (八（二）: 退出机制、应急预案), written straight to the database.
        await app.WithDb(async d =>
        {
            d.Platforms.Add(new Features.Stations.Platform { Name = "湖南方案测试站", Kind = Domain.Platforms.PlatformKind.Station, RegionCode = "469030101", ProfileKey = "hunan" });
            return await d.SaveChangesAsync();
        });
        var bureau = await app.ClientFor("bureau");
        var status = await bureau.GetJson("/api/v1/county-documents");
        var county = status.GetProperty("counties").EnumerateArray().Single();
        Assert.Equal("469030", county.GetProperty("countyCode").GetString());
        Assert.Equal(["退出机制", "应急预案"], county.GetProperty("missing").EnumerateArray().Select(m => m.GetString()!).ToArray());
        Assert.Contains("八、（二）", county.GetProperty("source").GetString());
        var home = await app.BrowserFor("bureau");
        Assert.Contains("缺少退出机制、应急预案", await home.GetStringAsync("/"));
        await (await bureau.PostJson("/api/v1/county-documents", new { countyCode = "469030", name = "章程", title = "x", adoptedOn = "2026-03-01" })).AssertValidationProblem("name");
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.ClientFor("head")).PostJson("/api/v1/county-documents", new { countyCode = "469030", name = "应急预案", title = "x", adoptedOn = "2026-03-01" })).StatusCode);
        foreach (var name in new[] { "退出机制", "应急预案" })
        {
            var created = await bureau.PostJson("/api/v1/county-documents", new { countyCode = "469030", name, title = "琼中县社工站" + name, fileNumber = "琼中民〔2026〕1号", adoptedOn = "2026-03-01" });
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        }
        status = await bureau.GetJson("/api/v1/county-documents");
        Assert.Empty(status.GetProperty("counties")[0].GetProperty("missing").EnumerateArray());
        Assert.Equal(2, status.GetProperty("documents").GetArrayLength());
        Assert.DoesNotContain("缺少退出机制", await home.GetStringAsync("/"));
    }
}
