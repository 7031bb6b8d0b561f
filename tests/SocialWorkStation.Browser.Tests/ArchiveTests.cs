using static Microsoft.Playwright.Assertions;

namespace SocialWorkStation.Browser.Tests;

/// <summary>
/// The station head on a phone (390×844) registers a paper archive, finds its number, lends it until today and takes
/// it back (docs/requirements/books.md §1).
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ArchiveTests(BrowserApp app)
{
    [BrowserFact]
    public async Task The_head_registers_an_archive_and_lends_and_takes_it_back_on_a_phone()
    {
        var page = await app.NewPageAsync(390, 844, mobile: true);
        await app.LoginAsync(page, "head");
        await page.GotoAsync(app.BaseUrl + "/Archives");
        await page.GetByRole(AriaRole.Link, new() { Name = "登记档案" }).ClickAsync();
        await page.WaitForURLAsync("**/Archives/Create**");
        var title = "2026年困境儿童个案服务档案" + Guid.NewGuid().ToString("N")[..4];
        await page.GetByLabel("类别").SelectOptionAsync("service");
        await page.GetByLabel("案卷题名").FillAsync(title);
        await page.GetByLabel("载体").SelectOptionAsync("paper");
        await page.GetByLabel("纸质档案存放位置").FillAsync("档案柜2号第3层");
        Assert.Equal(0, await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - window.innerWidth"));
        await app.ScreenshotAsync(page, "g-phone-archive-register");
        await page.GetByRole(AriaRole.Button, new() { Name = "登记", Exact = true }).ClickAsync();

        await page.WaitForURLAsync("**/Archives/Details/**");
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("档号");
        await Expect(page.Locator("#code")).ToContainTextAsync($"-FW-{app.Today.Year}-");
        await Expect(page.Locator("#status")).ToContainTextAsync("在库");

        await page.GetByLabel("借阅人").FillAsync("县民政局 王民政");
        await page.GetByLabel("用途").FillAsync("年度评估查阅");
        await page.GetByLabel("归还期限").FillAsync(app.Today.ToString("yyyy-MM-dd"));
        await page.GetByRole(AriaRole.Button, new() { Name = "登记借出" }).ClickAsync();
        await Expect(page.Locator("#status")).ToContainTextAsync("借出");
        await Expect(page.Locator("#loans")).ToContainTextAsync("县民政局 王民政");
        Assert.Equal(0, await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - window.innerWidth"));
        await app.ScreenshotAsync(page, "g-phone-archive-lent");

        await page.GetByRole(AriaRole.Button, new() { Name = "登记归还" }).ClickAsync();
        await Expect(page.Locator("#status")).ToContainTextAsync("在库");
        await Expect(page.Locator("#loans")).ToContainTextAsync("已归还");

        await page.GotoAsync(app.BaseUrl + "/Archives");
        await Expect(page.Locator("table.table-hover tbody tr").Filter(new() { HasText = title })).ToHaveCountAsync(1);
    }
}
