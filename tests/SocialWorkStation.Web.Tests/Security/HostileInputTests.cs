using System.Net;
using System.Net.Http.Headers;
using System.Text;
using SocialWorkStation.Web.Tests.Infrastructure;

namespace SocialWorkStation.Web.Tests.Security;

/// <summary>
/// The server errors of issue 17 item 7, each now a 400 naming the field (one shared guard, docs/security.md
/// "Hostile input"); the fuzz test covers the rest of the surface.
/// </summary>
public sealed class HostileInputTests
{
    public static TheoryData<string> Providers => Db.Providers;

    private static Task<HttpResponseMessage> Send(HttpClient client, HttpMethod method, string url, string body, string type = "application/json")
    {
        var request = new HttpRequestMessage(method, url) { Content = new StringContent(body, Encoding.UTF8) };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(type);
        return client.SendAsync(request);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Nulls_inside_arrays_are_400_naming_the_item(string db)
    {
        var app = TestApp.For(db);
        var bureau = await app.ClientFor("bureau");
        var station = """{"name": "琼中县测试站", "kind": "station", "regionCode": "469030101", "profileKey": "hainan-qiongzhong", "rooms": [{"name": "社工办公室"}, null], "equipment": [null]}""";
        var r = await Send(bureau, HttpMethod.Post, "/api/v1/stations", station);
        await r.AssertValidationProblem("rooms[1]");
        await r.AssertValidationProblem("equipment[0]");
        var worker = """{"stationId": "01a213b6-60ce-75cc-a21e-d66fd2bdd935", "name": "符海燕", "certificates": [null], "trainings": [null]}""";
        await (await Send(bureau, HttpMethod.Post, "/api/v1/workers", worker)).AssertValidationProblem("certificates[0]");
        var admin = await app.ClientFor("security");
        await (await Send(admin, HttpMethod.Post, "/api/v1/accounts", """{"userName": "fuzz1", "displayName": "x", "roles": [null]}""")).AssertValidationProblem("roles[0]");
        // The binder's own refusals name the field from the reader's path.
        await (await Send(bureau, HttpMethod.Post, "/api/v1/stations", """{"name": "x", "floorArea": "很大"}""")).AssertValidationProblem("floorArea");
        await (await Send(bureau, HttpMethod.Post, "/api/v1/stations", """{"name": "x", "rooms": [{"name": "a", "area": {}}]}""")).AssertValidationProblem("rooms[0].area");
        await (await Send(bureau, HttpMethod.Post, "/api/v1/stations", "{\"name\": ")).AssertValidationProblem("name");
        await (await Send(bureau, HttpMethod.Post, "/api/v1/stations", "{")).AssertValidationProblem("body");
        // NUL inside text (PostgreSQL refuses it) is named too.
        await (await Send(bureau, HttpMethod.Post, "/api/v1/stations", "{\"name\": \"a\\u0000b\"}")).AssertValidationProblem("name");
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task A_null_body_is_400_naming_the_body(string db)
    {
        var app = TestApp.For(db);
        var head = await app.ClientFor("head");
        // The guard runs before the handler looks the volunteer up.
        var id = Guid.NewGuid();
        foreach (var part in new[] { "trainings", "awards" })
        {
            await (await Send(head, HttpMethod.Post, $"/api/v1/volunteers/{id}/{part}", "null")).AssertValidationProblem("body");
        }
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Malformed_multipart_is_400_naming_the_file(string db)
    {
        var app = TestApp.For(db);
        var bureau = await app.ClientFor("bureau");
        const string truncated = "--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.xlsx\"\r\n\r\nPK\u0003\u0004abc";
        await (await Send(bureau, HttpMethod.Post, "/api/v1/workers/import", truncated, "multipart/form-data; boundary=b")).AssertValidationProblem("file");
        var head = await app.ClientFor("head");
        await (await Send(head, HttpMethod.Post, "/api/v1/attachments", truncated, "multipart/form-data; boundary=b")).AssertValidationProblem("file");
        await (await Send(head, HttpMethod.Post, "/api/v1/attachments", "--x", "multipart/form-data")).AssertValidationProblem("file");
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Dates_beyond_the_platforms_years_are_400_naming_the_parameter(string db)
    {
        var auditor = await TestApp.For(db).ClientFor("auditor");
        await (await auditor.GetAsync("/api/v1/audit?to=9999-12-31")).AssertValidationProblem("to");
        await (await auditor.GetAsync("/api/v1/audit?from=0001-01-01")).AssertValidationProblem("from");
        await (await auditor.GetAsync("/api/v1/audit?from=2026-13-45")).AssertValidationProblem("from");
        Assert.Equal(HttpStatusCode.OK, (await auditor.GetAsync("/api/v1/audit?from=2026-01-01&to=2026-12-31")).StatusCode);
    }
}
