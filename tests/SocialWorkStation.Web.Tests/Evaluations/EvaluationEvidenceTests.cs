using System.Net;
using SocialWorkStation.Web.Tests.Infrastructure;
using SocialWorkStation.Web.Tests.Services;

namespace SocialWorkStation.Web.Tests.Evaluations;

/// <summary>
/// Evidence beside each indicator and questionnaire/interview records (evaluation.md §6) on both databases: a party's files
/// and records are its own until the round closes (404 to the others, the bureau manager reads all), then everyone's;
/// after the close nothing is added (409); satisfaction is 1–5 and the respondent is a label, not a name.
/// </summary>
public sealed class EvaluationEvidenceTests
{
    public static TheoryData<string> Providers => Db.Providers;

    [Theory, MemberData(nameof(Providers))]
    public async Task Evidence_files_and_interviews_are_the_partys_own_until_the_close(string db)
    {
        var app = TestApp.For(db);
        var station = await EvaluationTestData.NewStation(app, "乐东抱由佐证站" + Guid.NewGuid().ToString("N")[..6], "469027100", "hainan-ledong");
        var round = await EvaluationTestData.AddRoundDirect(app, Guid.Parse(station), "469027100", "hainan-ledong");
        var evaluator = await EvaluationTestData.Account(app, "Evaluator", "469027");
        var township = await EvaluationTestData.Account(app, "TownshipOfficer", "469027100");
        var bureau = await EvaluationTestData.Account(app, "BureauOfficer", "469027");
        var sheetUrl = $"/api/v1/evaluation-rounds/{round}/stations/{station}/sheet";
        var indicators = (await evaluator.GetJson(sheetUrl)).GetProperty("indicators").EnumerateArray().ToList();
        var leaf = indicators.First(i => i.GetProperty("isLeaf").GetBoolean()).GetProperty("code").GetString()!;
        var parent = indicators.First(i => !i.GetProperty("isLeaf").GetBoolean()).GetProperty("code").GetString()!;
        var evidenceUrl = $"/api/v1/evaluation-rounds/{round}/stations/{station}/evidence";
        var pdf = "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF"u8.ToArray();

        async Task<HttpResponseMessage> Upload(HttpClient client, string code)
        {
            using var form = new MultipartFormDataContent();
            form.Add(new StringContent(code), "indicatorCode");
            var file = new ByteArrayContent(pdf);
            file.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/pdf");
            form.Add(file, "file", "档案抽查.pdf");
            return await client.PostAsync(evidenceUrl, form);
        }

        await (await Upload(evaluator, parent)).AssertValidationProblem("indicatorCode");
        var uploaded = await Upload(evaluator, leaf);
        Assert.True(uploaded.StatusCode == HttpStatusCode.Created, await uploaded.Content.ReadAsStringAsync());
        var fileId = (await uploaded.ReadJson()).GetProperty("id").GetString()!;
        var own = (await evaluator.GetJson(sheetUrl)).GetProperty("indicators").EnumerateArray().First(i => i.GetProperty("code").GetString() == leaf);
        Assert.Equal(1, own.GetProperty("files").GetArrayLength());
        var townshipLeaf = (await township.GetJson(sheetUrl)).GetProperty("indicators").EnumerateArray().First(i => i.GetProperty("code").GetString() == leaf);
        Assert.Equal(0, townshipLeaf.GetProperty("files").GetArrayLength());
        // Before the close: another party gets 404 on the file; the bureau manager reads it.
        Assert.Equal(HttpStatusCode.NotFound, (await township.GetAsync($"/api/v1/attachments/{fileId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await township.GetAsync($"/api/v1/attachments/{fileId}/content")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await bureau.GetAsync($"/api/v1/attachments/{fileId}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await evaluator.GetAsync($"/api/v1/attachments/{fileId}/content")).StatusCode);

        // Interviews: satisfaction 1–5, a known method, a respondent label; the average kept to two decimals.
        var interviews = $"/api/v1/evaluation-rounds/{round}/stations/{station}/interviews";
        var today = app.Today.ToString("yyyy-MM-dd");
        await (await evaluator.PostJson(interviews, new { method = "phoneInterview", heldOn = today, respondent = "电访01", satisfaction = 6 })).AssertValidationProblem("satisfaction");
        await (await evaluator.PostJson(interviews, new { method = "siteVisit", heldOn = today, respondent = "电访01", satisfaction = 4 })).AssertValidationProblem("method");
        await (await evaluator.PostJson(interviews, new { method = "phoneInterview", heldOn = app.Today.AddDays(1).ToString("yyyy-MM-dd"), respondent = "电访01", satisfaction = 4 })).AssertValidationProblem("heldOn");
        Assert.Equal(HttpStatusCode.OK, (await evaluator.PostJson(interviews, new { method = "phoneInterview", heldOn = today, respondent = "电访01", satisfaction = 4 })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await evaluator.PostJson(interviews, new { method = "questionnaire", heldOn = today, respondent = "问卷02", satisfaction = 5, note = "满意" })).StatusCode);
        var tw = await (await township.PostJson(interviews, new { method = "faceToFaceInterview", heldOn = today, respondent = "面谈01", satisfaction = 3 })).ReadJson();
        Assert.Equal(1, tw.GetProperty("count").GetInt32());
        var mine = await evaluator.GetJson(interviews);
        Assert.Equal(2, mine.GetProperty("count").GetInt32());
        Assert.Equal(4.5m, mine.GetProperty("averageSatisfaction").GetDecimal());
        var all = await bureau.GetJson(interviews);
        Assert.Equal(3, all.GetProperty("count").GetInt32());
        Assert.Equal(4.00m, all.GetProperty("averageSatisfaction").GetDecimal());

        // After the close: everyone who reaches the round reads them; nothing is added (409).
        await EvaluationTestData.CloseDirect(app, Guid.Parse(round.ToString()));
        Assert.Equal(HttpStatusCode.OK, (await township.GetAsync($"/api/v1/attachments/{fileId}")).StatusCode);
        Assert.Equal(3, (await township.GetJson(interviews)).GetProperty("count").GetInt32());
        var evaluatorSheet = (await township.GetJson(sheetUrl + "?party=evaluator")).GetProperty("indicators").EnumerateArray().First(i => i.GetProperty("code").GetString() == leaf);
        Assert.Equal(1, evaluatorSheet.GetProperty("files").GetArrayLength());
        Assert.Equal(HttpStatusCode.Conflict, (await Upload(evaluator, leaf)).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await evaluator.PostJson(interviews, new { method = "phoneInterview", heldOn = today, respondent = "电访09", satisfaction = 4 })).StatusCode);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task The_sheet_page_shows_the_files_and_the_interview_form_beside_the_indicators(string db)
    {
        var app = TestApp.For(db);
        var station = await EvaluationTestData.NewStation(app, "乐东抱由佐证页站" + Guid.NewGuid().ToString("N")[..6], "469027100", "hainan-ledong");
        var round = await EvaluationTestData.AddRoundDirect(app, Guid.Parse(station), "469027100", "hainan-ledong");
        var name = await EvaluationTestData.AccountName(app, "Evaluator", "469027");
        var html = await (await app.BrowserFor(name)).GetStringAsync($"/Evaluations/Sheet/{round}/{station}");
        Assert.Contains("佐证文件（0）", html);
        Assert.Contains("问卷与访谈记录", html);
        Assert.Contains("enctype=\"multipart/form-data\"", html);
    }
}
