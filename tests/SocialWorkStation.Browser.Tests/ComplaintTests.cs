using System.Net.Http.Json;
using System.Text.Json;
using static Microsoft.Playwright.Assertions;

namespace SocialWorkStation.Browser.Tests;

/// <summary>
/// A resident on a phone (390×844, no script) opens the 营根镇 station's public page, files a complaint, and looks it up
/// by its tracking number; the bureau officer answers it on 投诉建议; the resident sees the answer and says how satisfied.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ComplaintTests(BrowserApp app)
{
    private const string Station = "琼中县营根镇社会工作服务站";

    private async Task<string> StationId()
    {
        using var http = new HttpClient { BaseAddress = new Uri(app.BaseUrl) };
        var login = await http.PostAsJsonAsync("/api/v1/auth/login", new { userName = "bureau", password = BrowserApp.Password });
        login.EnsureSuccessStatusCode();
        var token = (await login.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString();
        http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        var stations = await http.GetFromJsonAsync<JsonElement>("/api/v1/stations?kind=station&pageSize=100");
        return stations.GetProperty("items").EnumerateArray().First(s => s.GetProperty("name").GetString() == Station).GetProperty("id").GetString()!;
    }

    [BrowserFact]
    public async Task A_resident_files_a_complaint_on_a_phone_and_reads_the_bureaus_answer()
    {
        var station = await StationId();
        var resident = await app.NewPageAsync(390, 844, mobile: true, javaScript: false);
        await resident.GotoAsync($"/public/stations/{station}");
        await resident.GetByRole(AriaRole.Link, new() { Name = "我要投诉建议" }).ClickAsync();
        await resident.WaitForURLAsync($"**/public/stations/{station}/complaint");
        var text = "周末来站办事没有人接待，希望公布值班电话" + Guid.NewGuid().ToString("N")[..4];
        await resident.GetByLabel("投诉", new() { Exact = true }).CheckAsync();
        await resident.GetByLabel("内容").FillAsync(text);
        await resident.GetByLabel("联系电话（可不填）").FillAsync("13907551234");
        var submit = resident.GetByRole(AriaRole.Button, new() { Name = "提交", Exact = true });
        Assert.True(await submit.BoundingBoxAsync() is { Height: >= 38 }, "提交按钮足够大，便于手指点按");
        Assert.Equal(0, await resident.EvaluateAsync<int>("() => document.documentElement.scrollWidth - window.innerWidth"));
        await app.ScreenshotAsync(resident, "h-phone-complaint-form");
        await submit.ClickAsync();
        var number = (await resident.Locator("#tracking-number").InnerTextAsync()).Trim();
        Assert.Matches("^[0-9A-Z]{4}(-[0-9A-Z]{4}){3}$", number);
        await app.ScreenshotAsync(resident, "h-phone-complaint-filed");

        await resident.GetByRole(AriaRole.Link, new() { Name = "查询处理情况" }).ClickAsync();
        await resident.GetByLabel("查询码").FillAsync(number.ToLowerInvariant());
        await resident.GetByRole(AriaRole.Button, new() { Name = "查询", Exact = true }).ClickAsync();
        await Expect(resident.Locator("#track-result")).ToContainTextAsync("处理中");
        await Expect(resident.Locator("#track-result")).Not.ToContainTextAsync(text);

        var bureau = await app.NewPageAsync(1280, 900);
        await app.LoginAsync(bureau, "bureau");
        await bureau.GotoAsync("/Complaints?status=open");
        await bureau.GetByRole(AriaRole.Link, new() { Name = text }).ClickAsync();
        await bureau.WaitForURLAsync("**/Complaints/Details/**");
        await Expect(bureau.Locator("#status")).ToContainTextAsync("处理中");
        var answer = "已在站点门口公布周末值班电话 0898-86221234，感谢您的建议。";
        await bureau.GetByLabel("答复内容").FillAsync(answer);
        await bureau.GetByRole(AriaRole.Button, new() { Name = "保存答复" }).ClickAsync();
        await Expect(bureau.GetByRole(AriaRole.Status)).ToContainTextAsync("已保存答复");
        await Expect(bureau.Locator("#status")).ToContainTextAsync("已答复");
        await app.ScreenshotAsync(bureau, "h-desk-complaint-answered");

        await resident.GotoAsync("/public/complaints/track");
        await resident.GetByLabel("查询码").FillAsync(number);
        await resident.GetByRole(AriaRole.Button, new() { Name = "查询", Exact = true }).ClickAsync();
        await Expect(resident.Locator("#answer")).ToContainTextAsync(answer);
        await resident.GetByLabel("满意", new() { Exact = true }).CheckAsync();
        await resident.GetByRole(AriaRole.Button, new() { Name = "提交评价" }).ClickAsync();
        await Expect(resident.Locator("#track-result")).ToContainTextAsync("您的评价：满意");
        Assert.Equal(0, await resident.EvaluateAsync<int>("() => document.documentElement.scrollWidth - window.innerWidth"));
        await app.ScreenshotAsync(resident, "h-phone-complaint-answer");
    }
}
