using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using static Microsoft.Playwright.Assertions;

namespace SocialWorkStation.Browser.Tests;

/// <summary>
/// 三方评分 in a Ledong final round: the bureau and the township score through the API; the evaluator scores the station
/// on a phone (390×844) with the platform's facts beside the indicators and submits; the bureau closes the round and
/// sees the composite and grade (90 / 80 / 70 → 85.00 良好), raises a rectification item and sees it listed, on desk and phone;
/// the evaluator's uploaded evidence file is shown beside its indicator.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class EvaluationScoringTests(BrowserApp app)
{
    private async Task<HttpClient> Api(string userName)
    {
        var client = new HttpClient { BaseAddress = new Uri(app.BaseUrl) };
        var response = await client.PostAsJsonAsync("/api/v1/auth/login", new { userName, password = BrowserApp.Password });
        if (response.StatusCode == System.Net.HttpStatusCode.Unauthorized)
        {
            response = await client.PostAsJsonAsync("/api/v1/auth/login", new { userName, password = BrowserApp.Password, twoFactorCode = BrowserApp.CurrentCode() });
        }
        response.EnsureSuccessStatusCode();
        var token = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    private static async Task<JsonElement> Ok(Task<HttpResponseMessage> call)
    {
        var response = await call;
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode} {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    private async Task<string> Account(HttpClient security, string role, string region)
    {
        var userName = "ev" + Guid.NewGuid().ToString("N")[..10];
        await Ok(security.PostAsJsonAsync("/api/v1/accounts", new { userName, displayName = "评估" + role, password = BrowserApp.Password, roles = new[] { role }, scopeRegionCode = region }));
        return userName;
    }

    private static async Task Score(HttpClient client, string round, string station, decimal raw)
    {
        var url = $"/api/v1/evaluation-rounds/{round}/stations/{station}/sheet";
        var sheet = await Ok(client.GetAsync(url));
        var shortfall = 100m - raw;
        var scores = sheet.GetProperty("indicators").EnumerateArray().Where(i => i.GetProperty("isLeaf").GetBoolean()).Select(i =>
        {
            var points = i.GetProperty("points").GetDecimal();
            var cut = Math.Min(points, shortfall);
            shortfall -= cut;
            return new { code = i.GetProperty("code").GetString(), points = points - cut };
        }).ToArray();
        var saved = await Ok(client.PutAsJsonAsync(url, new { version = 0, scores }));
        await Ok(client.PostAsJsonAsync(url + "/submit", new { version = saved.GetProperty("version").GetInt32() }));
    }

    [BrowserFact]
    public async Task The_evaluator_scores_on_a_phone_and_the_bureau_closes_and_sees_the_grade()
    {
        var admin = await Api("admin");
        var security = await Api("security");
        var stationName = "乐东县抱由镇评估浏览器站" + Guid.NewGuid().ToString("N")[..4];
        var station = (await Ok(admin.PostAsJsonAsync("/api/v1/stations", new { name = stationName, kind = "station", regionCode = "469027100", profileKey = "hainan-ledong" })))
            .GetProperty("id").GetString()!;
        var bureauName = await Account(security, "BureauOfficer", "469027");
        var evaluatorName = await Account(security, "Evaluator", "469027");
        var townshipName = await Account(security, "TownshipOfficer", "469027100");
        var bureau = await Api(bureauName);
        var round = (await Ok(bureau.PostAsJsonAsync("/api/v1/evaluation-rounds", new
        {
            kind = "final", serviceYear = app.Today.Year, startsOn = app.Today.AddDays(-1).ToString("yyyy-MM-dd"), endsOn = app.Today.AddDays(10).ToString("yyyy-MM-dd"),
            stationIds = new[] { station },
        }))).GetProperty("id").GetString()!;
        await Score(bureau, round, station, 80m);
        await Score(await Api(townshipName), round, station, 70m);

        // The evaluator on a phone: the round, then the station's sheet with the platform's facts beside the indicators.
        var phone = await app.NewPageAsync(390, 844, mobile: true);
        await app.LoginAsync(phone, evaluatorName);
        await phone.GotoAsync($"/Evaluations/Round/{round}");
        await phone.GetByRole(AriaRole.Link, new() { Name = "评分", Exact = true }).ClickAsync();
        await phone.WaitForURLAsync("**/Evaluations/Sheet/**");
        await Expect(phone.Locator(".indicator-fact").First).ToContainTextAsync("平台数据");
        await Expect(phone.Locator(".indicator-fact").Filter(new() { HasText = "服务标准进度" }).First).ToContainTextAsync($"{app.Today.Year}年");
        // An evidence file uploaded beside the first indicator is listed there.
        await phone.Locator("#file-0").SetInputFilesAsync(new FilePayload
        {
            Name = "档案抽查记录.pdf", MimeType = "application/pdf", Buffer = "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF"u8.ToArray(),
        });
        await phone.Locator(".indicator-card").First.GetByRole(AriaRole.Button, new() { Name = "上传", Exact = true }).ClickAsync();
        await Expect(phone.Locator(".alert-success")).ToContainTextAsync("已上传指标");
        await Expect(phone.Locator(".indicator-card").First.Locator(".indicator-files")).ToContainTextAsync("档案抽查记录.pdf");
        await Expect(phone.Locator(".indicator-card").First.Locator(".indicator-files")).ToContainTextAsync("佐证文件（1）");
        // Full marks but for the first two indicators (8 and 2 points): 90.
        var inputs = phone.Locator("input[name$='.Points']");
        var count = await inputs.CountAsync();
        for (var i = 0; i < count; i++)
        {
            var input = inputs.Nth(i);
            await input.FillAsync(i < 2 ? "0" : (await input.GetAttributeAsync("max"))!);
        }
        await phone.GetByLabel("查阅的佐证材料").First.FillAsync("实地察看，档案室未单独设置");
        Assert.Equal(0, await phone.EvaluateAsync<int>("() => document.documentElement.scrollWidth - window.innerWidth"));
        var submit = phone.GetByRole(AriaRole.Button, new() { Name = "提交评分表" });
        Assert.True(await submit.BoundingBoxAsync() is { Height: >= 44 }, "提交按钮的触控区域至少 44 像素高");
        await app.ScreenshotAsync(phone, "g-phone-evaluation-sheet");
        await submit.ClickAsync();
        await Expect(phone.Locator(".alert-success")).ToContainTextAsync("评分表已提交");
        await Expect(phone.Locator("#sheet-raw")).ToContainTextAsync("合计 90 分");

        // The bureau closes the round and sees the grade, at desk size and on a phone.
        var desk = await app.NewPageAsync(1366, 900);
        await app.LoginAsync(desk, bureauName);
        await desk.GotoAsync($"/Evaluations/Round/{round}");
        await desk.GetByRole(AriaRole.Button, new() { Name = "结束评估" }).ClickAsync();
        var row = desk.Locator("#round-stations tbody tr").Filter(new() { HasText = stationName });
        await Expect(row.Locator(".station-grade")).ToHaveTextAsync("良好");
        await Expect(row).ToContainTextAsync("85");
        await app.ScreenshotAsync(desk, "g-evaluation-round-closed");
        // The bureau raises a rectification item on the weak indicator and sees it in the round's list; the Word report is offered.
        await desk.Locator("#rectification-list summary").ClickAsync();
        await desk.Locator("#Raise_StationId").SelectOptionAsync(station);
        await desk.Locator("#Raise_Requirement").FillAsync("补齐档案室设置并上传照片");
        await desk.Locator("#Raise_DueOn").FillAsync(app.Today.AddDays(30).ToString("yyyy-MM-dd"));
        await desk.GetByRole(AriaRole.Button, new() { Name = "提出整改" }).ClickAsync();
        await Expect(desk.Locator("#rectifications tbody tr").Filter(new() { HasText = "补齐档案室设置并上传照片" })).ToContainTextAsync(stationName);
        await Expect(desk.Locator("#round-report")).ToHaveAttributeAsync("href", $"/api/v1/evaluation-rounds/{round}/results/report");
        var bureauPhone = await app.NewPageAsync(390, 844, mobile: true);
        await app.LoginAsync(bureauPhone, bureauName);
        await bureauPhone.GotoAsync($"/Evaluations/Round/{round}");
        await Expect(bureauPhone.Locator("#round-stations tbody tr").Filter(new() { HasText = stationName }).Locator(".station-grade")).ToHaveTextAsync("良好");
        await Expect(bureauPhone.Locator("#rectifications")).ToContainTextAsync("补齐档案室设置并上传照片");
        Assert.Equal(0, await bureauPhone.EvaluateAsync<int>("() => document.documentElement.scrollWidth - window.innerWidth"));
    }
}
