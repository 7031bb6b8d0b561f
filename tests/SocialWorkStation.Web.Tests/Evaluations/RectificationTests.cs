using System.Net;
using SocialWorkStation.Domain.Evaluations;
using SocialWorkStation.Web.Tests.Infrastructure;
using SocialWorkStation.Web.Tests.Services;

namespace SocialWorkStation.Web.Tests.Evaluations;

/// <summary>
/// Rectification (整改, docs/requirements/evaluation.md §8) on both databases: raised after the close by the bureau or the
/// evaluator, reported with evidence by the station head, returned (stays open, history kept) and closed by the bureau;
/// versioned (409), scoped (404), overdue after the due day and shown on the head's and the bureau's home pages.
/// </summary>
public sealed class RectificationTests
{
    public static TheoryData<string> Providers => Db.Providers;

    [Fact]
    public void Overdue_means_the_due_day_passed_and_not_closed()
    {
        var due = new DateOnly(2026, 6, 30);
        Assert.False(RectificationRules.Overdue(due, RectificationStatus.Open, due));
        Assert.True(RectificationRules.Overdue(due, RectificationStatus.Open, due.AddDays(1)));
        Assert.True(RectificationRules.Overdue(due, RectificationStatus.Reported, due.AddDays(1)));
        Assert.False(RectificationRules.Overdue(due, RectificationStatus.Closed, due.AddDays(1)));
        Assert.True(RectificationRules.CanReport(RectificationStatus.Open));
        Assert.False(RectificationRules.CanReport(RectificationStatus.Reported));
        Assert.True(RectificationRules.CanReview(RectificationStatus.Reported));
        Assert.False(RectificationRules.CanReview(RectificationStatus.Closed));
    }

    private sealed record Setup(TestApp App, string Station, Guid Round, HttpClient Bureau, string BureauName, HttpClient Evaluator, HttpClient Head, string HeadName, string Leaf);

    private static async Task<Setup> Prepare(TestApp app)
    {
        var station = await EvaluationTestData.NewStation(app, "乐东抱由整改站" + Guid.NewGuid().ToString("N")[..6], "469027100", "hainan-ledong");
        var round = await EvaluationTestData.AddRoundDirect(app, Guid.Parse(station), "469027100", "hainan-ledong", RoundKind.Final);
        var bureauName = await EvaluationTestData.AccountName(app, "BureauOfficer", "469027");
        var headName = await EvaluationTestData.HeadOf(app, station);
        var bureau = await app.ClientFor(bureauName);
        var sheet = await bureau.GetJson($"/api/v1/evaluation-rounds/{round}/stations/{station}/sheet");
        var leaf = sheet.GetProperty("indicators").EnumerateArray().First(i => i.GetProperty("isLeaf").GetBoolean()).GetProperty("code").GetString()!;
        return new Setup(app, station, round, bureau, bureauName, await EvaluationTestData.Account(app, "Evaluator", "469027"), await app.ClientFor(headName), headName, leaf);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Raised_after_the_close_reported_returned_and_closed_with_the_history_kept(string db)
    {
        var app = TestApp.For(db);
        var s = await Prepare(app);
        var url = $"/api/v1/evaluation-rounds/{s.Round}/rectifications";
        var due = app.Today.AddDays(30).ToString("yyyy-MM-dd");
        var body = new { stationId = s.Station, indicatorCode = s.Leaf, requirement = "补齐入户走访记录", ownerUserName = s.HeadName, dueOn = due };

        // Before the close: 422. Missing fields: 400 naming them. An owner who is not the station's: 400.
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await s.Bureau.PostJson(url, body)).StatusCode);
        await EvaluationTestData.CloseDirect(app, s.Round);
        await (await s.Bureau.PostJson(url, new { stationId = s.Station, requirement = "x", dueOn = due })).AssertValidationProblem("indicatorCode");
        await (await s.Bureau.PostJson(url, new { stationId = s.Station, indicatorCode = "9.9.9", requirement = "x", dueOn = due })).AssertValidationProblem("indicatorCode");
        await (await s.Bureau.PostJson(url, body with { ownerUserName = "head" })).AssertValidationProblem("ownerUserName");
        // The head cannot raise (403); another county's bureau does not see the round (404).
        Assert.Equal(HttpStatusCode.Forbidden, (await s.Head.PostJson(url, body)).StatusCode);
        var other = await EvaluationTestData.Account(app, "BureauOfficer", "469030");
        Assert.Equal(HttpStatusCode.NotFound, (await other.PostJson(url, body)).StatusCode);

        var raised = await s.Bureau.PostJson(url, body);
        Assert.True(raised.StatusCode == HttpStatusCode.Created, await raised.Content.ReadAsStringAsync());
        var item = await raised.ReadJson();
        var id = item.GetProperty("id").GetString()!;
        Assert.Equal("open", item.GetProperty("status").GetString());
        Assert.Equal("整改站长", item.GetProperty("ownerName").GetString());
        Assert.False(item.GetProperty("overdue").GetBoolean());
        // The evaluator raises too, with the station as owner.
        var byEvaluator = await s.Evaluator.PostJson(url, new { stationId = s.Station, indicatorCode = s.Leaf, requirement = "完善满意度回访", dueOn = due });
        Assert.Equal(HttpStatusCode.Created, byEvaluator.StatusCode);
        Assert.Equal(2, (await s.Head.GetJson(url)).GetArrayLength());
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/api/v1/rectifications/{id}")).StatusCode);

        // The head reports with an evidence file; a stale report is 409; a review by the head is 403.
        var itemUrl = $"/api/v1/rectifications/{id}";
        var pdf = "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF"u8.ToArray();
        var file = await ServiceData.Upload(s.Head, "rectification", id, pdf, "走访记录.pdf", "document", "application/pdf");
        Assert.True(file.StatusCode == HttpStatusCode.Created, await file.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Forbidden, (await ServiceData.Upload(s.Bureau, "rectification", id, pdf, "x.pdf", "document", "application/pdf")).StatusCode);
        await (await s.Head.PostJson(itemUrl + "/report", new { version = 1 })).AssertValidationProblem("report");
        var reported = await s.Head.PostJson(itemUrl + "/report", new { version = 1, report = "已补录12户走访记录" });
        Assert.True(reported.StatusCode == HttpStatusCode.OK, await reported.Content.ReadAsStringAsync());
        Assert.Equal("reported", (await reported.ReadJson()).GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.Conflict, (await s.Head.PostJson(itemUrl + "/report", new { version = 1, report = "再报" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await s.Head.PostJson(itemUrl + "/review", new { version = 2, passed = true })).StatusCode);

        // Returned without a reason: 400; with one: open again. Reported again, then closed; closed it no longer changes.
        await (await s.Bureau.PostJson(itemUrl + "/review", new { version = 2, passed = false })).AssertValidationProblem("comment");
        var returned = await (await s.Bureau.PostJson(itemUrl + "/review", new { version = 2, passed = false, comment = "缺少走访照片" })).ReadJson();
        Assert.Equal("open", returned.GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.Conflict, (await s.Bureau.PostJson(itemUrl + "/review", new { version = 3, passed = true })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await s.Head.PostJson(itemUrl + "/report", new { version = 3, report = "已补走访照片" })).StatusCode);
        var closed = await (await s.Bureau.PostJson(itemUrl + "/review", new { version = 4, passed = true, comment = "合格" })).ReadJson();
        Assert.Equal("closed", closed.GetProperty("status").GetString());
        Assert.Equal(new[] { "raised", "reported", "returned", "reported", "closed" },
            closed.GetProperty("history").EnumerateArray().Select(h => h.GetProperty("step").GetString()).ToArray());
        Assert.Equal("缺少走访照片", closed.GetProperty("history")[2].GetProperty("text").GetString());
        Assert.Equal(1, closed.GetProperty("attachments").GetArrayLength());
        Assert.Equal(HttpStatusCode.Conflict, (await s.Head.PostJson(itemUrl + "/report", new { version = 5, report = "再报" })).StatusCode);

        // Audited: the raise and each step.
        var audit = await app.WithDb(d => Task.FromResult(d.Set<SocialWorkStation.Web.Features.Audit.AuditEntry>().Count(a => a.EntityId == id)));
        Assert.True(audit >= 5, $"audit rows for the item: {audit}");

        // The round's page lists the items for the bureau.
        var page = await (await app.BrowserFor(s.BureauName)).GetStringAsync($"/Evaluations/Round/{s.Round}");
        Assert.Contains("整改事项", page);
        Assert.Contains("补齐入户走访记录", page);
        Assert.Contains("提出整改事项", page);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Overdue_items_show_on_the_heads_and_the_bureaus_home_pages_the_due_day_itself_is_on_time(string db)
    {
        var app = TestApp.For(db);
        var s = await Prepare(app);
        await EvaluationTestData.CloseDirect(app, s.Round);
        var url = $"/api/v1/evaluation-rounds/{s.Round}/rectifications";
        var late = await (await s.Bureau.PostJson(url, new { stationId = s.Station, indicatorCode = s.Leaf, requirement = "逾期事项甲", dueOn = app.Today.AddDays(-1).ToString("yyyy-MM-dd") })).ReadJson();
        var today = await (await s.Bureau.PostJson(url, new { stationId = s.Station, indicatorCode = s.Leaf, requirement = "当日到期乙", dueOn = app.Today.ToString("yyyy-MM-dd") })).ReadJson();
        Assert.True(late.GetProperty("overdue").GetBoolean());
        Assert.False(today.GetProperty("overdue").GetBoolean());
        var overdue = await s.Head.GetJson("/api/v1/rectifications?overdue=true");
        Assert.Equal(new[] { "逾期事项甲" }, overdue.EnumerateArray().Select(i => i.GetProperty("requirement").GetString()).ToArray());
        await (await s.Head.GetAsync("/api/v1/rectifications?status=bad")).AssertValidationProblem("status");

        var headHome = await (await app.BrowserFor(s.HeadName)).GetStringAsync("/");
        Assert.Contains("评估整改", headHome);
        Assert.Contains("整改逾期", headHome);
        var bureauHome = await (await app.BrowserFor(s.BureauName)).GetStringAsync("/");
        Assert.Contains("整改逾期", bureauHome);
        // The item's page: the head sees the report form and the evidence panel.
        var itemPage = await (await app.BrowserFor(s.HeadName)).GetStringAsync($"/Evaluations/Rectification/{late.GetProperty("id").GetString()}");
        Assert.Contains("已逾期", itemPage);
        Assert.Contains("报告整改情况", itemPage);
        Assert.Contains("整改佐证材料", itemPage);
    }
}
