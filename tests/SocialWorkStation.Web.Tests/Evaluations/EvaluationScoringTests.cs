using Microsoft.EntityFrameworkCore;
using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using SocialWorkStation.Web.Data;
using SocialWorkStation.Web.Features.Evaluations;
using SocialWorkStation.Web.Tests.Infrastructure;

namespace SocialWorkStation.Web.Tests.Evaluations;

/// <summary>
/// Scoring, closing and results (docs/requirements/evaluation.md §6–7) on both databases: three parties score in their
/// own workspaces, the bureau closes, Ledong's 60/30/10 composite, grade and rank come out exact; scores are frozen
/// after the close; a party cannot read another's sheet before it; an evaluator of another county or outside the
/// round's dates gets 404; points above a leaf's maximum are 400 naming the code.
/// </summary>
public sealed class EvaluationScoringTests
{
    public static TheoryData<string> Providers => Db.Providers;

    private sealed record Leaf(string Code, decimal Points);

    private sealed record Ledong(TestApp App, HttpClient Bureau, HttpClient Evaluator, HttpClient Township, string A, string B, string Round, List<Leaf> Leaves, int Year,
        string BureauName, string EvaluatorName);

    /// <summary>Two new stations in 抱由镇, the county's bureau, evaluator and township accounts, a final round of the pinned year.</summary>
    private static async Task<Ledong> Setup(TestApp app, string kind = "final", int startOffset = -1)
    {
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var a = await EvaluationTestData.NewStation(app, "乐东抱由评分甲站" + suffix, "469027100", "hainan-ledong");
        var b = await EvaluationTestData.NewStation(app, "乐东抱由评分乙站" + suffix, "469027100", "hainan-ledong");
        var bureauName = await EvaluationTestData.AccountName(app, "BureauOfficer", "469027");
        var evaluatorName = await EvaluationTestData.AccountName(app, "Evaluator", "469027");
        var bureau = await app.ClientFor(bureauName);
        var evaluator = await app.ClientFor(evaluatorName);
        var township = await EvaluationTestData.Account(app, "TownshipOfficer", "469027100");
        var year = app.Today.Year;
        var response = await bureau.PostJson("/api/v1/evaluation-rounds", new
        {
            kind, serviceYear = year, startsOn = app.Today.AddDays(startOffset).ToString("yyyy-MM-dd"), endsOn = app.Today.AddDays(startOffset + 10).ToString("yyyy-MM-dd"),
            stationIds = new[] { a, b },
        });
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        var round = (await response.ReadJson()).GetProperty("id").GetString()!;
        var sheet = await bureau.GetJson($"/api/v1/evaluation-rounds/{round}/stations/{a}/sheet");
        var leaves = sheet.GetProperty("indicators").EnumerateArray().Where(i => i.GetProperty("isLeaf").GetBoolean())
            .Select(i => new Leaf(i.GetProperty("code").GetString()!, i.GetProperty("points").GetDecimal())).ToList();
        return new Ledong(app, bureau, evaluator, township, a, b, round, leaves, year, bureauName, evaluatorName);
    }

    /// <summary>Scores for every leaf adding up to <paramref name="raw"/>: full marks, less the shortfall taken from the leaves in order.</summary>
    private static object[] Scores(List<Leaf> leaves, decimal raw)
    {
        var shortfall = leaves.Sum(l => l.Points) - raw;
        return leaves.Select(l =>
        {
            var cut = Math.Min(shortfall, l.Points);
            shortfall -= cut;
            return (object)new { code = l.Code, points = l.Points - cut, note = "查阅台账", evidence = "2026年服务档案抽查5份" };
        }).ToArray();
    }

    private static async Task ScoreAndSubmit(HttpClient client, string round, string station, List<Leaf> leaves, decimal raw)
    {
        var url = $"/api/v1/evaluation-rounds/{round}/stations/{station}/sheet";
        var version = (await client.GetJson(url)).GetProperty("version").GetInt32();
        var saved = await client.PutJson(url, new { version, comments = "总体良好", scores = Scores(leaves, raw) });
        Assert.True(saved.StatusCode == HttpStatusCode.OK, await saved.Content.ReadAsStringAsync());
        var v = (await saved.ReadJson()).GetProperty("version").GetInt32();
        var submitted = await client.PostJson(url + "/submit", new { version = v });
        Assert.True(submitted.StatusCode == HttpStatusCode.OK, await submitted.Content.ReadAsStringAsync());
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Three_parties_score_the_bureau_closes_and_the_composite_grade_and_rank_are_exact(string db)
    {
        var app = TestApp.For(db);
        var s = await Setup(app);
        var url = $"/api/v1/evaluation-rounds/{s.Round}/stations/{s.A}/sheet";

        // The evaluator's workspace: every indicator, the facts beside the linked ones, nothing scored yet.
        var sheet = await s.Evaluator.GetJson(url);
        Assert.Equal("evaluator", sheet.GetProperty("party").GetString());
        Assert.Equal("new", sheet.GetProperty("status").GetString());
        Assert.Equal(0, sheet.GetProperty("version").GetInt32());
        Assert.Contains(sheet.GetProperty("indicators").EnumerateArray(), i => i.GetProperty("fact").GetString() == "progress" && i.GetProperty("factSummary").GetString()!.Contains($"{s.Year}年"));

        // Above the leaf's points: 400 naming the indicator's code.
        var first = s.Leaves[0];
        var above = await s.Evaluator.PutJson(url, new { version = 0, scores = new[] { new { code = first.Code, points = first.Points + 0.5m } } });
        await above.AssertValidationProblem("scores[0].points");
        Assert.Contains(first.Code, await above.Content.ReadAsStringAsync());

        // A partial save, then a stale one (409), then a submission with unscored leaves (422 listing them).
        var partial = await s.Evaluator.PutJson(url, new { version = 0, scores = new[] { new { code = first.Code, points = first.Points, note = "齐全", evidence = "台账" } } });
        Assert.True(partial.StatusCode == HttpStatusCode.OK, await partial.Content.ReadAsStringAsync());
        var partialSheet = await partial.ReadJson();
        Assert.Equal(1, partialSheet.GetProperty("version").GetInt32());
        Assert.Equal(s.Leaves.Count - 1, partialSheet.GetProperty("unscored").GetArrayLength());
        Assert.Equal(HttpStatusCode.Conflict, (await s.Evaluator.PutJson(url, new { version = 0, scores = Array.Empty<object>() })).StatusCode);
        var incomplete = await s.Evaluator.PostJson(url + "/submit", new { version = 1 });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, incomplete.StatusCode);
        Assert.Contains(s.Leaves[1].Code, await incomplete.Content.ReadAsStringAsync());

        // Before the close a party sees only its own sheet; the bureau manager sees all.
        Assert.Equal(HttpStatusCode.NotFound, (await s.Township.GetAsync(url + "?party=evaluator")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await s.Township.GetAsync(url)).StatusCode);
        var seenByBureau = await s.Bureau.GetJson(url + "?party=evaluator");
        Assert.Equal(first.Points, seenByBureau.GetProperty("indicators").EnumerateArray().First(i => i.GetProperty("code").GetString() == first.Code).GetProperty("scored").GetDecimal());

        // Station A: 90 / 80 / 70 → 54 + 24 + 7 = 85.00 良好; station B: 90 / 90 / 90 → 90.00 优秀 (90 含).
        await ScoreAndSubmit(s.Evaluator, s.Round, s.A, s.Leaves, 90m);
        await ScoreAndSubmit(s.Bureau, s.Round, s.A, s.Leaves, 80m);
        await ScoreAndSubmit(s.Township, s.Round, s.A, s.Leaves, 70m);
        await ScoreAndSubmit(s.Evaluator, s.Round, s.B, s.Leaves, 90m);
        await ScoreAndSubmit(s.Bureau, s.Round, s.B, s.Leaves, 90m);

        // A submitted sheet no longer changes (409); closing with the township's sheet for B missing: 422 naming it.
        Assert.Equal(HttpStatusCode.Conflict, (await s.Evaluator.PutJson(url, new { version = 3, scores = Array.Empty<object>() })).StatusCode);
        var roundUrl = $"/api/v1/evaluation-rounds/{s.Round}";
        var version = (await s.Bureau.GetJson(roundUrl)).GetProperty("version").GetInt32();
        var early = await s.Bureau.PostJson(roundUrl + "/close", new { version });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, early.StatusCode);
        var earlyText = await early.Content.ReadAsStringAsync();
        Assert.Contains("乙站", earlyText);
        Assert.Contains("乡镇", earlyText);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await s.Bureau.GetAsync(roundUrl + "/results")).StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await s.Bureau.GetAsync(roundUrl + "/results/report")).StatusCode);

        await ScoreAndSubmit(s.Township, s.Round, s.B, s.Leaves, 90m);
        // Only the bureau closes; a stale version is 409.
        Assert.Equal(HttpStatusCode.Forbidden, (await s.Evaluator.PostJson(roundUrl + "/close", new { version })).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await s.Bureau.PostJson(roundUrl + "/close", new { version = version - 1 })).StatusCode);
        var closed = await s.Bureau.PostJson(roundUrl + "/close", new { version });
        Assert.True(closed.StatusCode == HttpStatusCode.OK, await closed.Content.ReadAsStringAsync());
        Assert.Equal("closed", (await closed.ReadJson()).GetProperty("status").GetString());

        var results = await s.Bureau.GetJson(roundUrl + "/results");
        Assert.Equal("composite", results.GetProperty("scoring").GetString());
        var rows = results.GetProperty("stations").EnumerateArray().ToDictionary(r => r.GetProperty("stationId").GetString()!);
        Assert.Equal(85.00m, rows[s.A].GetProperty("composite").GetDecimal());
        Assert.Equal("良好", rows[s.A].GetProperty("grade").GetString());
        Assert.Equal(2, rows[s.A].GetProperty("rank").GetInt32());
        Assert.True(rows[s.A].GetProperty("passes").GetBoolean());
        Assert.Equal([90m, 80m, 70m], rows[s.A].GetProperty("scores").EnumerateArray().Select(p => p.GetProperty("outOf100").GetDecimal()));
        Assert.Equal(90.00m, rows[s.B].GetProperty("composite").GetDecimal());
        Assert.Equal("优秀", rows[s.B].GetProperty("grade").GetString());
        Assert.Equal(1, rows[s.B].GetProperty("rank").GetInt32());

        // After the close: every write is 409, every party reads every sheet, the facts are frozen with the round.
        Assert.Equal(HttpStatusCode.Conflict, (await s.Bureau.PutJson(url, new { version = 3, scores = Array.Empty<object>() })).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await s.Township.PostJson(url + "/submit", new { version = 3 })).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await s.Bureau.PostJson(roundUrl + "/close", new { version = version + 1 })).StatusCode);
        var evaluatorSheet = await s.Township.GetJson(url + "?party=evaluator");
        Assert.Equal(90m, evaluatorSheet.GetProperty("raw").GetDecimal());
        Assert.False(evaluatorSheet.GetProperty("canEdit").GetBoolean());

        // The results as Excel; the final round's grade for the renewal.
        var export = await s.Bureau.GetAsync(roundUrl + "/results/export");
        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        Assert.True((await export.Content.ReadAsByteArrayAsync()).Length > 100);

        // The Word report: per station the composite, each party's score, grade, rank, comments and rectification items.
        var raised = await s.Bureau.PostJson(roundUrl + "/rectifications", new { stationId = s.A, indicatorCode = s.Leaves[0].Code, requirement = "补齐服务档案并建立台账", dueOn = app.Today.AddDays(30).ToString("yyyy-MM-dd") });
        Assert.True(raised.StatusCode == HttpStatusCode.Created, await raised.Content.ReadAsStringAsync());
        var report = await s.Bureau.GetAsync(roundUrl + "/results/report");
        Assert.Equal(HttpStatusCode.OK, report.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.wordprocessingml.document", report.Content.Headers.ContentType?.MediaType);
        using (var docx = DocumentFormat.OpenXml.Packaging.WordprocessingDocument.Open(new MemoryStream(await report.Content.ReadAsByteArrayAsync()), false))
        {
            var body = docx.MainDocumentPart!.Document!.Body!;
            var text = string.Join("\n", body.Descendants<DocumentFormat.OpenXml.Wordprocessing.Paragraph>().Select(p => p.InnerText));
            Assert.Contains("综合得分 85.00 分，等级：良好，县内排名第 2 名（共 2 个社工站）", text);
            Assert.Contains("综合得分 90.00 分，等级：优秀，县内排名第 1 名", text);
            Assert.Contains("第三方评估机构（权重 60%）：原始得分 90.00 分", text);
            Assert.Contains("县民政局（权重 30%）：原始得分 80.00 分", text);
            Assert.Contains("第三方评估机构评估意见：总体良好", text);
            Assert.Contains("补齐服务档案并建立台账", text);
            Assert.Contains("本轮未提出整改事项", text);
            // Headings in the built-in styles, the contents field, the page number in the footer.
            Assert.Contains(body.Descendants<DocumentFormat.OpenXml.Wordprocessing.ParagraphStyleId>(), x => x.Val == "Heading1");
            Assert.Contains(body.Descendants<DocumentFormat.OpenXml.Wordprocessing.FieldCode>(), f => f.Text.Contains("TOC"));
            Assert.Contains(docx.MainDocumentPart.FooterParts.SelectMany(f => f.Footer!.Descendants<DocumentFormat.OpenXml.Wordprocessing.FieldCode>()), f => f.Text.Contains("PAGE"));
        }
        var audited = await app.WithDb(d => d.AuditEntries.CountAsync(e => e.EntityId == s.Round && e.Action == "export"));
        Assert.Equal(2, audited);

        await using var scope = app.Services.CreateAsyncScope();
        var data = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        Assert.Equal("良好", await EvaluationResults.FinalGrade(data, Guid.Parse(s.A), s.Year));
        Assert.Equal("优秀", await EvaluationResults.FinalGrade(data, Guid.Parse(s.B), s.Year));
        Assert.Null(await EvaluationResults.FinalGrade(data, Guid.Parse(s.A), s.Year - 1));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task An_evaluator_of_another_county_or_outside_the_rounds_dates_gets_404(string db)
    {
        var app = TestApp.For(db);
        var s = await Setup(app, kind: "midTerm");
        var url = $"/api/v1/evaluation-rounds/{s.Round}/stations/{s.A}/sheet";
        var qiongzhong = await EvaluationTestData.Account(app, "Evaluator", "469030");
        Assert.Equal(HttpStatusCode.NotFound, (await qiongzhong.GetAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await qiongzhong.PutJson(url, new { version = 0, scores = Array.Empty<object>() })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await qiongzhong.GetAsync($"/api/v1/evaluation-rounds/{s.Round}")).StatusCode);
        // A township officer of another township of the county does not score this township's station.
        var other = await EvaluationTestData.Account(app, "TownshipOfficer", "469027105");
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync(url)).StatusCode);

        // A round whose dates start in five days: the county's evaluator cannot reach its stations yet; the bureau can.
        var later = await Setup(app, kind: "final", startOffset: 5);
        var laterUrl = $"/api/v1/evaluation-rounds/{later.Round}/stations/{later.A}/sheet";
        Assert.Equal(HttpStatusCode.NotFound, (await later.Evaluator.GetAsync(laterUrl)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await later.Bureau.GetAsync(laterUrl)).StatusCode);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task The_evaluator_scores_on_the_sheet_page_and_the_bureau_sees_where_the_sheets_stand(string db)
    {
        var app = TestApp.For(db);
        var s = await Setup(app, kind: "midTerm");
        var page = $"/Evaluations/Sheet/{s.Round}/{s.A}";
        var browser = await app.BrowserFor(s.EvaluatorName);
        var html = await browser.GetStringAsync(page);
        Assert.Contains("第三方评估机构评分表", html);
        Assert.Contains("平台数据·服务标准进度", html);
        Assert.Contains("提交评分表", html);

        Dictionary<string, string> Form(string token, decimal firstPoints)
        {
            var form = new Dictionary<string, string> { ["__RequestVerificationToken"] = token, ["Input.Version"] = "0", ["Input.Comments"] = "页面评分" };
            for (var i = 0; i < s.Leaves.Count; i++)
            {
                form[$"Input.Scores[{i}].Code"] = s.Leaves[i].Code;
                form[$"Input.Scores[{i}].Points"] = (i == 0 ? firstPoints : s.Leaves[i].Points).ToString(System.Globalization.CultureInfo.InvariantCulture);
                form[$"Input.Scores[{i}].Evidence"] = "实地察看";
            }
            return form;
        }
        // Above the maximum: the page says so naming the code, nothing is saved.
        var above = await browser.PostAsync(page + "?handler=Save", new FormUrlEncodedContent(Form(TestApp.FormToken(html), s.Leaves[0].Points + 1)));
        Assert.Equal(HttpStatusCode.OK, above.StatusCode);
        var aboveHtml = await above.Content.ReadAsStringAsync();
        Assert.Contains($"指标 {s.Leaves[0].Code}", aboveHtml);
        // Complete and submitted in one go.
        var submitted = await browser.PostAsync(page + "?handler=Submit", new FormUrlEncodedContent(Form(TestApp.FormToken(aboveHtml), s.Leaves[0].Points)));
        Assert.Equal(HttpStatusCode.Redirect, submitted.StatusCode);
        var after = await s.Evaluator.GetJson($"/api/v1/evaluation-rounds/{s.Round}/stations/{s.A}/sheet");
        Assert.Equal("submitted", after.GetProperty("status").GetString());
        Assert.Equal(100m, after.GetProperty("raw").GetDecimal());

        var bureau = await app.BrowserFor(s.BureauName);
        var round = await bureau.GetStringAsync($"/Evaluations/Round/{s.Round}");
        Assert.Contains("结束评估", round);
        Assert.Contains("已提交", round);
        Assert.Contains("未评分", round);
        // Closing too early: the page names what is missing.
        var closing = await bureau.PostAsync($"/Evaluations/Round/{s.Round}?handler=Close", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = TestApp.FormToken(round), ["Version"] = "1",
        }));
        Assert.Contains("尚未提交", await closing.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_writes_are_in_the_OpenAPI_document_with_examples_whose_fields_are_the_requests()
    {
        var doc = await TestApp.For("Sqlite").Anonymous().GetJson("/openapi/v1.json");
        var paths = doc.GetProperty("paths");
        var schemas = doc.GetProperty("components").GetProperty("schemas");
        foreach (var (path, method) in new[]
        {
            ("/api/v1/evaluation-rounds", "post"), ("/api/v1/evaluation-rounds/{id}/stations/{stationId}/sheet", "put"),
            ("/api/v1/evaluation-rounds/{id}/stations/{stationId}/sheet/submit", "post"), ("/api/v1/evaluation-rounds/{id}/close", "post"),
            ("/api/v1/evaluation-rounds/{id}/rectifications", "post"), ("/api/v1/rectifications/{id}/report", "post"), ("/api/v1/rectifications/{id}/review", "post"),
            ("/api/v1/evaluation-rounds/{id}/stations/{stationId}/interviews", "post"),
        })
        {
            var json = paths.GetProperty(path).GetProperty(method).GetProperty("requestBody").GetProperty("content").GetProperty("application/json");
            var schema = json.GetProperty("schema");
            if (schema.TryGetProperty("$ref", out var r)) schema = schemas.GetProperty(r.GetString()!.Split('/')[^1]);
            var fields = schema.GetProperty("properties").EnumerateObject().Select(p => p.Name).ToHashSet();
            Assert.All(json.GetProperty("example").EnumerateObject(), f => Assert.Contains(f.Name, fields));
        }
        Assert.True(paths.GetProperty("/api/v1/evaluation-rounds/{id}/results").TryGetProperty("get", out _));
    }
}
