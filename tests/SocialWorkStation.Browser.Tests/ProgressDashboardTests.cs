using static Microsoft.Playwright.Assertions;

namespace SocialWorkStation.Browser.Tests;

/// <summary>
/// The standards dashboard (issue 6): a bureau officer opens the county, sees the charts, drills down to a
/// station that is behind, then to its workers, and exports the table; a contractor manager on a phone finds
/// the notice on the home page and follows it.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ProgressDashboardTests(BrowserApp app)
{
    [BrowserFact]
    public async Task A_bureau_officer_drills_from_the_county_to_a_behind_station_and_exports_the_table()
    {
        var page = await app.NewPageAsync(1280, 900);
        await app.LoginAsync(page, "bureau");
        await page.Locator("nav.sidebar").GetByRole(AriaRole.Link, new() { Name = "服务标准进度" }).ClickAsync();
        await page.WaitForURLAsync("**/Progress**");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "服务标准进度：琼中黎族苗族自治县" })).ToBeVisibleAsync();
        await Expect(page.Locator("#standards tr[data-key=visits]")).ToContainTextAsync("入户探访");
        // ECharts is fetched when a chart scrolls into view, then draws the three charts from the page's numbers.
        await page.Locator("#chart-standards").ScrollIntoViewIfNeededAsync();
        await Expect(page.Locator("#chart-standards svg")).ToHaveCountAsync(1);
        await Expect(page.Locator("#chart-standards")).ToContainTextAsync("%");
        await Expect(page.Locator("#chart-trend svg")).ToHaveCountAsync(1);
        await Expect(page.Locator("#chart-ranking svg")).ToHaveCountAsync(1);
        await app.ScreenshotAsync(page, "p-county-dashboard");

        // 湾岭镇 is behind: it is in the behind list and its row drills down.
        await Expect(page.Locator("#behind")).ToContainTextAsync("琼中县湾岭镇社会工作服务站");
        await page.Locator("#children").GetByRole(AriaRole.Link, new() { Name = "琼中县湾岭镇社会工作服务站" }).ClickAsync();
        await page.WaitForURLAsync("**stationId=**");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "服务标准进度：琼中县湾岭镇社会工作服务站" })).ToBeVisibleAsync();
        await Expect(page.Locator("#children")).ToContainTextAsync("李明");
        await Expect(page.Locator("#children tr", new() { HasText = "李明" })).ToContainTextAsync("落后");

        // One quarter only (the demo's visits are this year's, on the 5th and 20th up to yesterday), then the worker's own page.
        var year = app.Today.Year;
        var firstQuarterVisits = Enumerable.Range(1, 3).SelectMany(m => new[] { 5, 20 }.Select(d => new DateOnly(year, m, d))).Count(d => d < app.Today);
        await page.GetByLabel("期间", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = $"{year}年第1季度" });
        await page.GetByRole(AriaRole.Button, new() { Name = "查看" }).ClickAsync();
        await page.WaitForURLAsync($"**period={year}-Q1**");
        await page.Locator("#children").GetByRole(AriaRole.Link, new() { Name = "吴丽" }).ClickAsync();
        await page.WaitForURLAsync("**workerId=**");
        await Expect(page.Locator("#standards tr[data-key=visits]")).ToContainTextAsync($"{firstQuarterVisits} 次");

        var download = await page.RunAndWaitForDownloadAsync(() => page.Locator("#export").ClickAsync());
        Assert.EndsWith(".xlsx", download.SuggestedFilename);
        var path = await download.PathAsync();
        Assert.True(new FileInfo(path!).Length > 1000);
        await page.Locator("#up").ClickAsync();
        await page.WaitForURLAsync("**stationId=**");
    }

    [BrowserFact]
    public async Task A_contractor_manager_on_a_phone_sees_the_behind_notice_and_opens_the_dashboard()
    {
        var page = await app.NewPageAsync(390, 844, mobile: true);
        await app.LoginAsync(page, "manager");
        var notice = page.Locator("#progress-notice");
        await Expect(notice).ToContainTextAsync("落后于应完成进度");
        await app.ScreenshotAsync(page, "p-phone-notice");
        await notice.GetByRole(AriaRole.Link, new() { Name = "查看服务标准进度" }).ClickAsync();
        await page.WaitForURLAsync("**/Progress**");
        await Expect(page.Locator("#behind")).ToBeVisibleAsync();
        Assert.Equal(0, await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - window.innerWidth"));
        await app.ScreenshotAsync(page, "p-phone-dashboard");
    }
}
