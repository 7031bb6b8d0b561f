using System.Net;
using SocialWorkStation.Web.Tests.Infrastructure;

namespace SocialWorkStation.Web.Tests.Stations;

public sealed class StationApiTests
{
    public static TheoryData<string> Providers => Db.Providers;

    private static object NewStation(string name, string regionCode = "469030101", string profileKey = "hainan-qiongzhong", decimal? floorArea = 40) => new
    {
        name, kind = "station", regionCode, profileKey, address = "测试地址", floorArea, fireSafety = true,
        rooms = new[] { new { name = "社工办公室", area = (decimal?)20 } },
        equipment = new[] { "桌椅", "电脑", "打印机", "档案柜" }.Select(e => new { name = e, quantity = 2 }).ToArray(),
    };

    [Theory, MemberData(nameof(Providers))]
    public async Task Station_head_sees_only_their_station_and_bureau_sees_the_county(string db)
    {
        var app = TestApp.For(db);
        var head = await (await app.ClientFor("head")).GetJson("/api/v1/stations?pageSize=500");
        Assert.All(head.GetProperty("items").EnumerateArray(), s => Assert.StartsWith("469030100", s.GetProperty("regionCode").GetString()));
        Assert.Contains(head.GetProperty("items").EnumerateArray(), s => s.GetProperty("name").GetString() == "琼中县营根镇社会工作服务站");

        var bureau = await (await app.ClientFor("bureau")).GetJson("/api/v1/stations?pageSize=500");
        var items = bureau.GetProperty("items").EnumerateArray().ToList();
        Assert.True(items.Count >= 11, "county centre and ten stations");
        Assert.All(items, s => Assert.StartsWith("469030", s.GetProperty("regionCode").GetString()));
        // Other tests add stations meanwhile: the count and the page are two queries, so either may see one more.
        Assert.InRange(bureau.GetProperty("total").GetInt32(), items.Count - 5, items.Count + 5);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task A_station_outside_the_scope_is_404_for_read_update_and_compliance(string db)
    {
        var app = TestApp.For(db);
        var admin = await app.ClientFor("admin");
        var created = await (await admin.PostJson("/api/v1/stations", NewStation("海南省乐东黎族自治县抱由镇社会工作服务站", "469027100", "hainan-ledong"))).ReadJson();
        var id = created.GetProperty("id").GetString();
        var bureau = await app.ClientFor("bureau");
        Assert.Equal(HttpStatusCode.NotFound, (await bureau.GetAsync($"/api/v1/stations/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await bureau.GetAsync($"/api/v1/stations/{id}/compliance")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await bureau.PutJson($"/api/v1/stations/{id}", NewStation("x"))).StatusCode);
        var list = await bureau.GetJson("/api/v1/stations?pageSize=500&q=抱由镇");
        Assert.Equal(0, list.GetProperty("total").GetInt32());
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Bad_input_is_400_problem_json_naming_each_field(string db)
    {
        var bureau = await TestApp.For(db).ClientFor("bureau");
        var response = await bureau.PostJson("/api/v1/stations", new { name = "", kind = "hall", regionCode = "469030", profileKey = "nowhere", floorArea = -1 });
        await response.AssertValidationProblem("name");
        var json = await response.ReadJson();
        foreach (var field in new[] { "kind", "profileKey", "floorArea" })
        {
            Assert.True(json.GetProperty("errors").TryGetProperty(field, out _), field);
        }
        // A station must sit in a township: a county code is refused, by field.
        await (await bureau.PostJson("/api/v1/stations", NewStation("琼中县测试社会工作服务站", "469030"))).AssertValidationProblem("regionCode");
        // A township outside the bureau's county.
        await (await bureau.PostJson("/api/v1/stations", NewStation("测试站", "469027100"))).AssertValidationProblem("regionCode");
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task A_stale_version_is_409_and_leaves_the_saved_record_unchanged(string db)
    {
        var bureau = await TestApp.For(db).ClientFor("bureau");
        var created = await (await bureau.PostJson("/api/v1/stations", NewStation("琼中县湾岭镇社会工作服务站"))).ReadJson();
        var id = created.GetProperty("id").GetString();
        Assert.Equal(1, created.GetProperty("version").GetInt32());

        var first = await bureau.PutJson($"/api/v1/stations/{id}", WithVersion(NewStation("琼中县湾岭镇社会工作服务站", floorArea: 55), 1));
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(2, (await first.ReadJson()).GetProperty("version").GetInt32());

        var stale = await bureau.PutJson($"/api/v1/stations/{id}", WithVersion(NewStation("琼中县湾岭镇社会工作服务站", floorArea: 99), 1));
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Equal("application/problem+json", stale.Content.Headers.ContentType?.MediaType);
        var now = await bureau.GetJson($"/api/v1/stations/{id}");
        Assert.Equal(55m, now.GetProperty("floorArea").GetDecimal());
        Assert.Equal(2, now.GetProperty("version").GetInt32());

        await (await bureau.PutJson($"/api/v1/stations/{id}", NewStation("琼中县湾岭镇社会工作服务站"))).AssertValidationProblem("version");
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task A_station_head_edits_premises_but_cannot_move_the_station(string db)
    {
        var app = TestApp.For(db);
        var head = await app.ClientFor("head");
        var mine = (await head.GetJson("/api/v1/stations?kind=station")).GetProperty("items")[0];
        var id = mine.GetProperty("id").GetString();
        var version = mine.GetProperty("version").GetInt32();
        var parentId = mine.GetProperty("parentId").GetString();
        var moved = await head.PutJson($"/api/v1/stations/{id}", WithVersion(NewStation(mine.GetProperty("name").GetString()!, "469030101"), version, parentId));
        Assert.Equal((HttpStatusCode)422, moved.StatusCode);
        var detached = await head.PutJson($"/api/v1/stations/{id}", WithVersion(NewStation(mine.GetProperty("name").GetString()!, "469030100"), version, parentId: null));
        Assert.Equal((HttpStatusCode)422, detached.StatusCode);
        var ok = await head.PutJson($"/api/v1/stations/{id}", WithVersion(NewStation(mine.GetProperty("name").GetString()!, "469030100", floorArea: 31), version, parentId));
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await head.PostJson("/api/v1/stations", NewStation("x"))).StatusCode);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Compliance_checks_the_name_against_the_signage_format_of_the_profile(string db)
    {
        var bureau = await TestApp.For(db).ClientFor("bureau");
        var good = await (await bureau.PostJson("/api/v1/stations", NewStation("琼中县 湾岭镇 社会工作服务站"))).ReadJson();
        var bad = await (await bureau.PostJson("/api/v1/stations", NewStation("湾岭镇社工站"))).ReadJson();

        var ok = await bureau.GetJson($"/api/v1/stations/{good.GetProperty("id").GetString()}/compliance?date=2026-03-01");
        // The new station has no workers yet, so only its staffing fails (see the worker tests).
        Assert.All(ok.GetProperty("findings").EnumerateArray().Where(f => !f.GetProperty("passed").GetBoolean() && f.GetProperty("severity").GetString() == "error"),
            f => Assert.Equal("staffCount", f.GetProperty("rule").GetString()));
        var signage = ok.GetProperty("findings").EnumerateArray().Single(f => f.GetProperty("rule").GetString() == "signage");
        Assert.True(signage.GetProperty("passed").GetBoolean());

        var no = await bureau.GetJson($"/api/v1/stations/{bad.GetProperty("id").GetString()}/compliance");
        Assert.False(no.GetProperty("compliant").GetBoolean());
        var failed = no.GetProperty("findings").EnumerateArray().Single(f => f.GetProperty("rule").GetString() == "signage");
        Assert.False(failed.GetProperty("passed").GetBoolean());
        Assert.Equal("error", failed.GetProperty("severity").GetString());
        Assert.Contains("琼中县湾岭镇社会工作服务站", failed.GetProperty("message").GetString());
        Assert.False(string.IsNullOrEmpty(failed.GetProperty("source").GetString()));

        await (await bureau.GetAsync($"/api/v1/stations/{good.GetProperty("id").GetString()}/compliance?date=2026-13-01")).AssertValidationProblem("date");
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Paging_is_validated_and_bounded(string db)
    {
        var bureau = await TestApp.For(db).ClientFor("bureau");
        await (await bureau.GetAsync("/api/v1/stations?pageSize=501")).AssertValidationProblem("pageSize");
        await (await bureau.GetAsync("/api/v1/stations?page=0")).AssertValidationProblem("page");
        var page = await bureau.GetJson("/api/v1/stations?page=2&pageSize=3");
        Assert.Equal(2, page.GetProperty("page").GetInt32());
        Assert.Equal(3, page.GetProperty("pageSize").GetInt32());
        Assert.True(page.GetProperty("items").GetArrayLength() <= 3);
    }

    private static Dictionary<string, object?> WithVersion(object station, int version, string? parentId = null)
    {
        var dict = station.GetType().GetProperties().ToDictionary(p => p.Name, p => p.GetValue(station));
        dict["version"] = version;
        dict["parentId"] = parentId;
        return dict;
    }
}
