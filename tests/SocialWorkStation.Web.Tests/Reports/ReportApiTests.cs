using System.Net;
using System.Security.Cryptography;
using System.Text.Json;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using MiniExcelLibs;
using SocialWorkStation.Web.Tests.Infrastructure;
using SocialWorkStation.Web.Tests.Services;
using static SocialWorkStation.Web.Tests.Reports.ReportTestData;

namespace SocialWorkStation.Web.Tests.Reports;

public sealed class ReportApiTests
{
    public static TheoryData<string> Providers => Db.Providers;

    private static async Task<JsonElement> Ok(HttpResponseMessage response, HttpStatusCode expected = HttpStatusCode.OK)
    {
        Assert.True(response.StatusCode == expected, $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await response.ReadJson();
    }

    private static async Task<JsonElement> NewBrief(HttpClient writer, string station, string period) =>
        await Ok(await writer.PostJson("/api/v1/reports", new { kind = "monthlyBrief", period, stationId = station }), HttpStatusCode.Created);

    private static decimal Figure(JsonElement report, string section, string key) =>
        report.GetProperty("content").GetProperty("sections").EnumerateArray().First(s => s.GetProperty("key").GetString() == section)
            .GetProperty("figures").GetProperty(key).GetDecimal();

    private static List<IDictionary<string, object>> Sheet(byte[] xlsx, string name) =>
        MiniExcel.Query(new MemoryStream(xlsx), useHeaderRow: true, sheetName: name).Cast<IDictionary<string, object>>().ToList();

    private static string DocxText(byte[] docx)
    {
        using var doc = WordprocessingDocument.Open(new MemoryStream(docx), false);
        return string.Concat(doc.MainDocumentPart!.Document.Body!.Descendants<Text>().Select(t => t.Text));
    }

    [Fact]
    public async Task The_openapi_document_describes_the_report_routes()
    {
        var paths = (await TestApp.For("Sqlite").Anonymous().GetJson("/openapi/v1.json")).GetProperty("paths");
        foreach (var path in new[] { "/api/v1/reports", "/api/v1/reports/{id}", "/api/v1/reports/deadlines", "/api/v1/reports/{id}/submit", "/api/v1/reports/{id}/return",
                     "/api/v1/reports/{id}/accept", "/api/v1/reports/{id}/correct", "/api/v1/reports/{id}/docx", "/api/v1/reports/{id}/xlsx" })
        {
            Assert.True(paths.TryGetProperty(path, out _), path);
        }
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task A_brief_puts_the_months_records_in_the_right_places_of_its_word_and_excel_files(string db)
    {
        var app = TestApp.For(db);
        var station = await NewStation(app, "琼中县简报数字测试站");
        var sid = Guid.Parse(station);
        var recipient = await Recipients.RecipientFixtures.AddDirect(app, sid, "简报对象");
        await AddVisits(app, sid, recipient, new DateOnly(2024, 5, 10), home: 3, phone: 2);
        await AddVisits(app, sid, recipient, new DateOnly(2024, 6, 1), home: 4); // next month: not counted
        await AddActivityAndResource(app, sid, new DateOnly(2024, 5, 31), participants: 37, money: 1500.50m);
        var manager = await app.ClientFor("manager");
        var brief = await NewBrief(manager, station, "2024-05");
        Assert.Equal("draft", brief.GetProperty("status").GetString());
        Assert.Equal("2024-06-05", brief.GetProperty("dueOn").GetString()); // a Wednesday: the 5th of the next month stays
        Assert.Equal(3, Figure(brief, "visits", "visits.home"));
        Assert.Equal(2, Figure(brief, "visits", "visits.phone"));
        Assert.False(brief.GetProperty("content").GetProperty("empty").GetBoolean());

        var docx = await (await manager.GetAsync($"/api/v1/reports/{brief.Id()}/docx")).Content.ReadAsByteArrayAsync();
        var text = DocxText(docx);
        Assert.Contains("入户走访3次、电话问候2次，共探访服务对象1人", text);
        Assert.Contains("开展社区活动1场，参与37人次", text);
        Assert.Contains("资金¥1,500.50", text);
        using (var doc = WordprocessingDocument.Open(new MemoryStream(docx), false))
        {
            var main = doc.MainDocumentPart!;
            Assert.Contains(main.Document.Body!.Descendants<FieldCode>(), f => f.Text.Contains("TOC"));
            Assert.Contains(main.FooterParts.Single().Footer.Descendants<FieldCode>(), f => f.Text.Contains("PAGE"));
            Assert.Equal(11906U, main.Document.Body!.Descendants<PageSize>().Single().Width!.Value);
            Assert.Contains(main.Document.Body!.Descendants<ParagraphStyleId>(), s => s.Val == "Heading1");
            Assert.Equal("仿宋_GB2312", main.StyleDefinitionsPart!.Styles!.Descendants<RunFonts>().First().EastAsia!.Value);
        }

        var xlsx = await (await manager.GetAsync($"/api/v1/reports/{brief.Id()}/xlsx")).Content.ReadAsByteArrayAsync();
        Assert.Contains("走访探访", MiniExcel.GetSheetNames(new MemoryStream(xlsx)));
        var visits = Sheet(xlsx, "走访探访");
        Assert.Equal(3m, Convert.ToDecimal(visits.Single(r => (string)r["项目"] == "入户走访")["数量"]));
        Assert.Equal(2m, Convert.ToDecimal(visits.Single(r => (string)r["项目"] == "电话问候")["数量"]));
        var list = Sheet(xlsx, "社区活动-活动一览").Single();
        Assert.Equal("重阳节敬老活动", list["主题"]);
        Assert.Equal(37m, Convert.ToDecimal(list["参与人数"]));
        var money = Sheet(xlsx, "资源链接").Single(r => (string)r["项目"] == "资金");
        Assert.Equal(1500.5m, Convert.ToDecimal(money["数量"]));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task A_brief_for_a_month_without_records_says_so(string db)
    {
        var app = TestApp.For(db);
        var station = await NewStation(app, "琼中县空月简报测试站");
        var manager = await app.ClientFor("manager");
        var brief = await NewBrief(manager, station, "2024-02");
        Assert.True(brief.GetProperty("content").GetProperty("empty").GetBoolean());
        var text = DocxText(await (await manager.GetAsync($"/api/v1/reports/{brief.Id()}/docx")).Content.ReadAsByteArrayAsync());
        Assert.Contains("平台中没有本站的服务记录", text);
        Assert.Contains("本月无走访探访记录", text);
        // The funds and evaluation sections wait for their features and say so.
        var mid = await Ok(await manager.PostJson("/api/v1/reports", new { kind = "midTermReport", period = "2024-H1", stationId = station }), HttpStatusCode.Created);
        var funds = mid.GetProperty("content").GetProperty("sections").EnumerateArray().Single(s => s.GetProperty("key").GetString() == "funds");
        Assert.True(funds.GetProperty("pending").GetBoolean());
        Assert.Equal("2024-07-15", mid.GetProperty("dueOn").GetString());
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task The_workflow_runs_draft_submit_return_resubmit_accept_and_only_the_right_people_move_it(string db)
    {
        var app = TestApp.For(db);
        var station = await NewStation(app, "琼中县报送流程测试站");
        var manager = await app.ClientFor("manager");
        var bureau = await app.ClientFor("bureau");
        var brief = await NewBrief(manager, station, "2024-07");
        var url = $"/api/v1/reports/{brief.Id()}";
        Assert.Equal(HttpStatusCode.Conflict, (await manager.PostJson("/api/v1/reports", new { kind = "monthlyBrief", period = "2024-07", stationId = station })).StatusCode);
        await (await manager.PostJson("/api/v1/reports", new { kind = "monthlyBrief", period = "2024-13", stationId = station })).AssertValidationProblem("period");
        await (await manager.PostJson("/api/v1/reports", new { kind = "countyQuarterly", period = "2024-Q1", stationId = station })).AssertValidationProblem("kind");

        // Another station's head does not see it; the bureau reads it but does not write it; the worker may not review.
        Assert.Equal(HttpStatusCode.NotFound, (await (await app.ClientFor("head")).GetAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await bureau.PutJson(url, new { highlights = "局里写的", version = 1 })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.ClientFor("worker")).PostJson(url + "/accept", new { version = 1 })).StatusCode);

        var saved = await Ok(await manager.PutJson(url, new { highlights = "开展敬老活动", problems = "交通不便", nextPlan = "完成冬季走访", version = 1 }));
        Assert.Equal(2, saved.Version());
        Assert.Equal(HttpStatusCode.Conflict, (await manager.PutJson(url, new { highlights = "旧稿", version = 1 })).StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await bureau.PostJson(url + "/accept", new { version = 2 })).StatusCode); // not yet submitted

        var submitted = await Ok(await manager.PostJson(url + "/submit", new { version = 2 }));
        Assert.Equal("submitted", submitted.GetProperty("status").GetString());
        Assert.True(submitted.GetProperty("filedLate").GetBoolean()); // due 2024-08-05, filed today
        var sha = submitted.GetProperty("fileSha256").GetString();
        var file = await (await manager.GetAsync(url + "/docx")).Content.ReadAsByteArrayAsync();
        Assert.Equal(sha, Convert.ToHexStringLower(SHA256.HashData(file)));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await manager.PutJson(url, new { highlights = "报送后改", version = 3 })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await manager.PostJson(url + "/accept", new { version = 3 })).StatusCode); // writers do not review
        await (await bureau.PostJson(url + "/return", new { version = 3 })).AssertValidationProblem("comments");
        var returned = await Ok(await bureau.PostJson(url + "/return", new { version = 3, comments = "请补充个案成效" }));
        Assert.Equal("returned", returned.GetProperty("status").GetString());
        Assert.Equal("请补充个案成效", returned.GetProperty("returnComments").GetString());

        await Ok(await manager.PutJson(url, new { highlights = "开展敬老活动；个案成效见附表", problems = "交通不便", nextPlan = "完成冬季走访", version = 4 }));
        var again = await Ok(await manager.PostJson(url + "/submit", new { version = 5 }));
        Assert.Contains(again.GetProperty("events").EnumerateArray(), e => e.GetProperty("action").GetString() == "resubmitted");
        var accepted = await Ok(await bureau.PostJson(url + "/accept", new { version = 6 }));
        Assert.Equal("accepted", accepted.GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await manager.PutJson(url, new { highlights = "锁定后改", version = 7 })).StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await manager.PostJson(url + "/submit", new { version = 7 })).StatusCode);

        var correction = await Ok(await manager.PostJson(url + "/correct", new { version = 7, comments = "补录走访" }));
        Assert.Equal(2, correction.GetProperty("revision").GetInt32());
        Assert.Equal("draft", correction.GetProperty("status").GetString());
        Assert.Equal(brief.Id(), correction.GetProperty("previousId").GetString());
        var old = await manager.GetJson(url);
        Assert.Equal("accepted", old.GetProperty("status").GetString());
        Assert.Equal(correction.Id(), old.GetProperty("supersededById").GetString());
        // Resubmission generated the file again; the accepted file is the one of the last submission, kept unchanged.
        Assert.NotEqual(sha, again.GetProperty("fileSha256").GetString());
        Assert.Equal(again.GetProperty("fileSha256").GetString(), old.GetProperty("fileSha256").GetString());
        Assert.Equal(old.GetProperty("fileSha256").GetString(), Convert.ToHexStringLower(SHA256.HashData(await (await manager.GetAsync(url + "/docx")).Content.ReadAsByteArrayAsync())));
        var listed = await manager.GetJson($"/api/v1/reports?stationId={station}");
        Assert.Equal(correction.Id(), Assert.Single(listed.GetProperty("items").EnumerateArray()).Id());
        Assert.Equal(2, (await manager.GetJson($"/api/v1/reports?stationId={station}&allRevisions=true")).GetProperty("total").GetInt32());
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task An_accepted_report_keeps_its_figures_when_the_records_change(string db)
    {
        var app = TestApp.For(db);
        var station = await NewStation(app, "琼中县锁定数字测试站");
        var sid = Guid.Parse(station);
        var recipient = await Recipients.RecipientFixtures.AddDirect(app, sid, "锁定对象");
        await AddVisits(app, sid, recipient, new DateOnly(2024, 8, 20), home: 1);
        var manager = await app.ClientFor("manager");
        var brief = await NewBrief(manager, station, "2024-08");
        var url = $"/api/v1/reports/{brief.Id()}";
        await Ok(await manager.PostJson(url + "/submit", new { version = 1 }));
        await Ok(await (await app.ClientFor("bureau")).PostJson(url + "/accept", new { version = 2 }));
        await AddVisits(app, sid, recipient, new DateOnly(2024, 8, 21), home: 2);

        var locked = await manager.GetJson(url);
        Assert.True(locked.GetProperty("frozen").GetBoolean());
        Assert.Equal(1, Figure(locked, "visits", "visits.home"));
        Assert.Contains("入户走访1次", DocxText(await (await manager.GetAsync(url + "/docx")).Content.ReadAsByteArrayAsync()));
        var xlsx = await (await manager.GetAsync(url + "/xlsx")).Content.ReadAsByteArrayAsync();
        Assert.Equal(1m, Convert.ToDecimal(Sheet(xlsx, "走访探访").First()["数量"]));
        // A correction is drafted from the records as they are now.
        var correction = await Ok(await manager.PostJson(url + "/correct", new { version = 3 }));
        Assert.Equal(3, Figure(correction, "visits", "visits.home"));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Reports_outside_the_scope_do_not_exist_and_deadlines_reach_writers_and_receivers(string db)
    {
        var app = TestApp.For(db);
        var outside = Guid.Parse(await ServiceData.OutsideStation(app));
        var id = await AddDirect(app, outside, "469027106", "2023-03");
        foreach (var user in new[] { "head", "bureau", "manager", "township" })
        {
            var client = await app.ClientFor(user);
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/v1/reports/{id}")).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/v1/reports/{id}/docx")).StatusCode);
            Assert.DoesNotContain((await client.GetJson("/api/v1/reports?pageSize=500")).GetProperty("items").EnumerateArray(), r => r.Id() == id.ToString());
        }
        Assert.Equal(HttpStatusCode.OK, (await (await app.ClientForProvince()).GetAsync($"/api/v1/reports/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await (await app.ClientFor("manager")).PostJson("/api/v1/reports", new { kind = "monthlyBrief", period = "2024-01", stationId = outside })).StatusCode);

        var head = await (await app.ClientFor("head")).GetJson("/api/v1/reports/deadlines");
        var owed = head.GetProperty("writing").EnumerateArray().Where(i => i.GetProperty("kind").GetString() == "monthlyBrief").ToList();
        Assert.Equal(2, owed.Count);
        Assert.All(owed, i => Assert.Contains("营根镇", i.GetProperty("writer").GetString()));
        var bureau = await (await app.ClientFor("bureau")).GetJson("/api/v1/reports/deadlines");
        var county = Assert.Single(bureau.GetProperty("overdueByCounty").EnumerateArray());
        Assert.Equal("469030", county.GetProperty("countyCode").GetString());
        Assert.True(county.GetProperty("owed").GetInt32() >= 10);
    }
}
