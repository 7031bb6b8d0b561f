using static Microsoft.Playwright.Assertions;

namespace SocialWorkStation.Browser.Tests;

/// <summary>
/// A station head's first look at the platform, on a phone and at an office desktop: log in, open the
/// station, read the findings, compare two policy profiles.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class StationHeadJourneyTests(BrowserApp app)
{
    [BrowserFact]
    public async Task On_a_phone_the_head_reads_the_station_and_compares_profiles_with_the_bottom_tab_bar()
    {
        var page = await app.NewPageAsync(360, 740, mobile: true);
        await app.LoginAsync(page, "head");

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "您好，黄晓梅" })).ToBeVisibleAsync();
        var tabs = page.Locator("nav.tabbar");
        await Expect(tabs).ToBeVisibleAsync();
        await Expect(page.Locator("nav.sidebar")).ToBeHiddenAsync();
        await Expect(tabs.GetByRole(AriaRole.Link, new() { Name = "首页" })).ToBeVisibleAsync();
        await Expect(tabs.GetByRole(AriaRole.Link, new() { Name = "我的" })).ToBeVisibleAsync();
        var box = await tabs.GetByRole(AriaRole.Link, new() { Name = "本站" }).BoundingBoxAsync();
        Assert.True(box is { Height: >= 44 }, "底部标签的触控区域至少 44 像素高");
        await app.ScreenshotAsync(page, "a-phone-home");

        await tabs.GetByRole(AriaRole.Link, new() { Name = "本站" }).ClickAsync();
        await page.WaitForURLAsync("**/Stations/Details/**");
        await ReadStationAsync(page);
        var fontSize = await page.EvaluateAsync<string>("() => getComputedStyle(document.body).fontSize");
        Assert.Equal("16px", fontSize);
        await app.ScreenshotAsync(page, "a-phone-station");

        await tabs.GetByRole(AriaRole.Link, new() { Name = "我的" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "政策方案" }).First.ClickAsync();
        await CompareAsync(page);
        await Expect(tabs).ToBeVisibleAsync();
        await app.ScreenshotAsync(page, "a-phone-compare");
    }

    [BrowserFact]
    public async Task On_a_desktop_the_head_does_the_same_through_the_sidebar()
    {
        var page = await app.NewPageAsync(1366, 900);
        await app.LoginAsync(page, "head");

        var sidebar = page.Locator("nav.sidebar");
        await Expect(sidebar).ToBeVisibleAsync();
        await Expect(page.Locator("nav.tabbar")).ToBeHiddenAsync();
        var who = page.Locator("header .who");
        await Expect(who).ToContainTextAsync("黄晓梅");
        await Expect(who).ToContainTextAsync("站长");
        await Expect(who).ToContainTextAsync("琼中县营根镇社会工作服务站");
        await app.ScreenshotAsync(page, "b-desktop-home");

        await sidebar.GetByRole(AriaRole.Link, new() { Name = "本站概况" }).ClickAsync();
        await page.WaitForURLAsync("**/Stations/Details/**");
        await ReadStationAsync(page);
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "编辑站点信息" })).ToBeVisibleAsync();
        await app.ScreenshotAsync(page, "b-desktop-station");

        await sidebar.GetByRole(AriaRole.Link, new() { Name = "政策方案" }).ClickAsync();
        await CompareAsync(page);
        await Expect(page.Locator("nav[aria-label='面包屑导航']")).ToContainTextAsync("方案对比");
        await app.ScreenshotAsync(page, "b-desktop-compare");
    }

    private static async Task ReadStationAsync(IPage page)
    {
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "zh-CN");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "琼中县营根镇社会工作服务站", Level = 1 })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "对照政策方案检查" })).ToBeVisibleAsync();
        var findings = page.Locator(".finding");
        Assert.True(await findings.CountAsync() >= 2, "至少有标牌和办公设备两项检查结果");
        await Expect(findings.First).ToContainTextAsync("符合");
        await Expect(page.Locator(".findings")).ToContainTextAsync("名称符合标牌格式“琼中县营根镇社会工作服务站”");
        await Expect(page.Locator(".findings")).ToContainTextAsync("依据：琼中采购需求");
        // Status is never colour alone: a word and an icon. (The demo station has a worker who fails a rule, so it reads 未达标.)
        await Expect(page.Locator("#compliance-title .status")).ToContainTextAsync("达标");
        Assert.Equal(1, await page.Locator("#compliance-title .status svg").CountAsync());
        await Expect(page.Locator(".status.status-ok").First).ToContainTextAsync("符合");
        await Expect(page.Locator("main")).ToContainTextAsync("营根镇");
        await Expect(page.Locator("main")).ToContainTextAsync("琼中县益心社会工作服务中心（演示）");
    }

    private static async Task CompareAsync(IPage page)
    {
        await page.GetByRole(AriaRole.Link, new() { Name = "对比两个方案" }).ClickAsync();
        await page.GetByLabel("方案一").SelectOptionAsync("hainan-qiongzhong");
        await page.GetByLabel("方案二").SelectOptionAsync("hainan-ledong");
        await page.GetByRole(AriaRole.Button, new() { Name = "对比" }).ClickAsync();
        await page.WaitForURLAsync(u => u.Contains("a=hainan-qiongzhong", StringComparison.Ordinal) && u.Contains("b=hainan-ledong", StringComparison.Ordinal));
        var table = page.Locator("table.compare-table");
        await Expect(table).ToBeVisibleAsync();
        await Expect(table.Locator("thead")).ToContainTextAsync("琼中采购需求");
        await Expect(table).ToContainTextAsync("标牌格式：乡镇（街道）社工站");
        await Expect(table).ToContainTextAsync("琼中县〔乡镇（街道）名〕社会工作服务站");
        await Expect(table).ToContainTextAsync("平台解释");
        Assert.True(await table.Locator("tr.diff-row").CountAsync() > 0, "两个方案的不同之处应标出");
    }
}
