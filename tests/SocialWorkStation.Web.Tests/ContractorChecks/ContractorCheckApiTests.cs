using System.Net;
using System.Text.Json;
using MiniExcelLibs;
using SocialWorkStation.Web.Infrastructure;
using SocialWorkStation.Web.Tests.Infrastructure;
using SocialWorkStation.Web.Tests.Services;

namespace SocialWorkStation.Web.Tests.ContractorChecks;

public sealed class ContractorCheckApiTests
{
    public static TheoryData<string> Providers => Db.Providers;

    private static DateOnly Today => TestClock.Today;

    private static object NewCheck(string? stationId, string checkedOn, string findings = "查看走访台账和个案档案，台账记录完整；个案工作室未张贴保密制度") => new
    {
        stationId, checkedOn, checkedBy = "陈经理", findings, guidance = "本周内张贴保密制度，个案档案上锁保管", followUp = "下次检查时核实",
    };

    /// <summary>A township station of its own in the demo county, so counts are not shared with other tests.</summary>
    private static async Task<string> NewStation(TestApp app, string township, string name) =>
        (await (await (await app.ClientFor("bureau")).PostJson("/api/v1/stations", new { name, kind = "station", regionCode = township, profileKey = "hainan-qiongzhong" })).ReadJson()).Id();

    private static async Task<JsonElement> Created(HttpResponseMessage response)
    {
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await response.ReadJson();
    }

    [Fact]
    public async Task The_openapi_document_describes_the_check_routes()
    {
        var paths = (await TestApp.For("Sqlite").Anonymous().GetJson("/openapi/v1.json")).GetProperty("paths");
        foreach (var path in new[] { "/api/v1/contractor-checks", "/api/v1/contractor-checks/{id}", "/api/v1/contractor-checks/coverage", "/api/v1/contractor-checks/export" })
        {
            Assert.True(paths.TryGetProperty(path, out _), path);
        }
        Assert.True(paths.GetProperty("/api/v1/contractor-checks/{id}").TryGetProperty("delete", out _));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task The_manager_records_corrects_attaches_and_removes_a_check_and_a_stale_write_is_refused(string db)
    {
        var app = TestApp.For(db);
        var manager = await app.ClientFor("manager");
        var station = await NewStation(app, "469030102", "琼中县检查记录测试站");
        var created = await Created(await manager.PostJson("/api/v1/contractor-checks", NewCheck(station, "2026-03-15")));
        Assert.Equal(1, created.Version());
        Assert.Equal("2026-03-15", created.GetProperty("checkedOn").GetString());
        Assert.Equal("琼中县检查记录测试站", created.GetProperty("stationName").GetString());
        var url = $"/api/v1/contractor-checks/{created.Id()}";

        var photo = await ServiceData.Upload(manager, "contractorCheck", created.Id(), ServiceData.Jpeg(300, 200), "检查现场.jpg");
        Assert.Equal(HttpStatusCode.Created, photo.StatusCode);
        Assert.Single((await manager.GetJson(url)).GetProperty("attachments").EnumerateArray());

        var edited = await manager.PutJson(url, NewCheck(null, "2026-03-16", "复核：保密制度已张贴").With(("version", 1)));
        Assert.Equal(HttpStatusCode.OK, edited.StatusCode);
        var saved = await edited.ReadJson();
        Assert.Equal(2, saved.Version());
        Assert.Equal("2026-03-16", saved.GetProperty("checkedOn").GetString());
        Assert.Equal(station, saved.GetProperty("stationId").GetString());

        var stale = await manager.PutJson(url, NewCheck(null, "2026-03-15", "旧稿").With(("version", 1)));
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Contains("当前版本 2", (await stale.ReadJson()).GetProperty("detail").GetString());
        Assert.Equal("复核：保密制度已张贴", (await manager.GetJson(url)).GetProperty("findings").GetString());
        await (await manager.PutJson(url, NewCheck(null, "2026-03-15"))).AssertValidationProblem("version");

        Assert.Equal(HttpStatusCode.Conflict, (await manager.DeleteAsync(url + "?version=1")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await manager.DeleteAsync(url + "?version=2")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await manager.GetAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await manager.GetAsync($"/api/v1/attachments/{(await photo.ReadJson()).Id()}/content")).StatusCode);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task A_check_dated_after_today_is_refused_naming_the_field(string db)
    {
        var app = TestApp.For(db);
        var manager = await app.ClientFor("manager");
        var station = await ServiceData.HeadStation(app);
        var tomorrow = await manager.PostJson("/api/v1/contractor-checks", NewCheck(station, Today.AddDays(1).ToString("yyyy-MM-dd")));
        await tomorrow.AssertValidationProblem("checkedOn");
        Assert.Contains("不能晚于今天", (await tomorrow.ReadJson()).GetProperty("errors").GetProperty("checkedOn")[0].GetString());
        await Created(await manager.PostJson("/api/v1/contractor-checks", NewCheck(station, Today.ToString("yyyy-MM-dd"))));

        var empty = await manager.PostJson("/api/v1/contractor-checks", new { stationId = station, checkedOn = "2026-02-30", checkedBy = new string('陈', 51), findings = " " });
        await empty.AssertValidationProblem("checkedOn");
        await (await manager.PostJson("/api/v1/contractor-checks", new { stationId = station, checkedOn = "2026-02-01", checkedBy = new string('陈', 51), findings = "x" })).AssertValidationProblem("checkedBy");
        await (await manager.PostJson("/api/v1/contractor-checks", new { stationId = station, checkedOn = "2026-02-01", checkedBy = "陈经理", findings = " " })).AssertValidationProblem("findings");

        // The county centre and village rooms are not the 工作站 the clause names.
        var centre = (await manager.GetJson("/api/v1/stations?kind=countyCentre")).GetProperty("items")[0].Id();
        await (await manager.PostJson("/api/v1/contractor-checks", NewCheck(centre, "2026-02-01"))).AssertValidationProblem("stationId");
        // Only the project manager records checks; the checked station reads them.
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.ClientFor("head")).PostJson("/api/v1/contractor-checks", NewCheck(null, "2026-02-01"))).StatusCode);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Each_reader_sees_the_checks_of_their_scope_only(string db)
    {
        var app = TestApp.For(db);
        var manager = await app.ClientFor("manager");
        var own = await ServiceData.HeadStation(app);
        var other = await ServiceData.OtherCountyStation(app);
        var marker = "范围测试" + Guid.NewGuid().ToString("N")[..6];
        var atHead = await Created(await manager.PostJson("/api/v1/contractor-checks", NewCheck(own, "2024-05-20", marker + "营根")));
        var atOther = await Created(await manager.PostJson("/api/v1/contractor-checks", NewCheck(other, "2024-05-21", marker + "湾岭")));

        var head = await app.ClientFor("head");
        Assert.Equal(marker + "营根", (await head.GetJson($"/api/v1/contractor-checks/{atHead.Id()}")).GetProperty("findings").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await head.GetAsync($"/api/v1/contractor-checks/{atOther.Id()}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await head.GetAsync($"/api/v1/contractor-checks/coverage?stationId={other}")).StatusCode);

        static async Task<List<string>> Findings(HttpClient c, string query) =>
            (await c.GetJson("/api/v1/contractor-checks?month=2024-05&pageSize=500" + query)).GetProperty("items").EnumerateArray()
                .Select(i => i.GetProperty("findings").GetString()!).ToList();
        var township = await app.ClientFor("township");
        Assert.Contains(marker + "营根", await Findings(township, ""));
        Assert.DoesNotContain(marker + "湾岭", await Findings(township, ""));
        Assert.Empty(await Findings(township, "&stationId=" + other));
        Assert.DoesNotContain(marker + "湾岭", await Findings(head, ""));
        Assert.Equal(HttpStatusCode.NotFound, (await township.GetAsync($"/api/v1/contractor-checks/{atOther.Id()}")).StatusCode);
        var bureau = await app.ClientFor("bureau");
        Assert.Contains(marker + "湾岭", await Findings(bureau, ""));
        Assert.Contains(marker + "营根", await Findings(await app.ClientFor("evaluator"), ""));

        var coverage = await township.GetJson("/api/v1/contractor-checks/coverage?year=2024");
        var covered = coverage.GetProperty("items").EnumerateArray().Select(s => s.GetProperty("stationId").GetString()).ToList();
        Assert.Contains(own, covered);
        Assert.DoesNotContain(other, covered);
        await (await township.GetAsync("/api/v1/contractor-checks?month=2024-13")).AssertValidationProblem("month");
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Coverage_counts_a_check_for_the_calendar_month_of_its_date(string db)
    {
        var app = TestApp.For(db);
        var manager = await app.ClientFor("manager");
        var station = await NewStation(app, "469030106", "琼中县月度覆盖测试站");
        // Last day of January, first day of March: January and March are covered, February is not.
        await Created(await manager.PostJson("/api/v1/contractor-checks", NewCheck(station, "2025-01-31", "=HYPERLINK(\"http://x\")")));
        await Created(await manager.PostJson("/api/v1/contractor-checks", NewCheck(station, "2025-03-01")));
        await Created(await manager.PostJson("/api/v1/contractor-checks", NewCheck(station, "2024-12-31")));

        var coverage = await manager.GetJson($"/api/v1/contractor-checks/coverage?stationId={station}&year=2025");
        var row = Assert.Single(coverage.GetProperty("items").EnumerateArray());
        var months = row.GetProperty("months").EnumerateArray().ToList();
        Assert.Equal("covered", months[0].GetProperty("status").GetString());
        Assert.Equal("missing", months[1].GetProperty("status").GetString());
        Assert.Equal("covered", months[2].GetProperty("status").GetString());
        Assert.Equal(1, months[2].GetProperty("checks").GetInt32());
        Assert.Equal(12, row.GetProperty("monthsElapsed").GetInt32());
        Assert.Equal(2, row.GetProperty("monthsCovered").GetInt32());
        Assert.Equal([2, 4, 5, 6, 7, 8, 9, 10, 11, 12], row.GetProperty("missingMonths").EnumerateArray().Select(m => m.GetInt32()));
        Assert.False(row.GetProperty("met").GetBoolean());
        Assert.Equal(1, row.GetProperty("required").GetInt32());
        Assert.Contains("人员配备", row.GetProperty("source").GetString());

        Assert.Equal("2025-01-31", Assert.Single((await manager.GetJson($"/api/v1/contractor-checks?stationId={station}&month=2025-01")).GetProperty("items").EnumerateArray()).GetProperty("checkedOn").GetString());
        Assert.Equal(0, (await manager.GetJson($"/api/v1/contractor-checks?stationId={station}&month=2025-02")).GetProperty("total").GetInt32());
        Assert.Equal("2025-03-01", Assert.Single((await manager.GetJson($"/api/v1/contractor-checks?stationId={station}&month=2025-03")).GetProperty("items").EnumerateArray()).GetProperty("checkedOn").GetString());
        Assert.Equal(2, (await manager.GetJson($"/api/v1/contractor-checks?stationId={station}&year=2025")).GetProperty("total").GetInt32());

        // The export carries the list's filters and keeps a typed formula as text.
        var export = await manager.GetAsync($"/api/v1/contractor-checks/export?stationId={station}&year=2025");
        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        var rows = MiniExcel.Query(new MemoryStream(await export.Content.ReadAsByteArrayAsync()), useHeaderRow: true).Cast<IDictionary<string, object>>().ToList();
        Assert.Equal(2, rows.Count);
        Assert.Equal("2025-01-31", rows[0]["检查日期"]);
        Assert.Equal("'=HYPERLINK(\"http://x\")", rows[0]["检查内容与发现"]);
        Assert.Equal("琼中县月度覆盖测试站", rows[1]["站点"]);

        // A station whose profile sets no frequency is shown, not judged.
        var ledong = await ServiceData.OutsideStation(app);
        var untracked = Assert.Single((await (await app.ClientForProvince()).GetJson($"/api/v1/contractor-checks/coverage?stationId={ledong}&year=2025")).GetProperty("items").EnumerateArray());
        Assert.False(untracked.GetProperty("tracked").GetBoolean());
        Assert.Equal(JsonValueKind.Null, untracked.GetProperty("met").ValueKind);
    }
}
