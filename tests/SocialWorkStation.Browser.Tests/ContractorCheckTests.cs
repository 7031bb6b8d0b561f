using SocialWorkStation.Web.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace SocialWorkStation.Browser.Tests;

/// <summary>
/// The project manager on a phone (390×844) sees the demo county's monthly check coverage with the one
/// month the demo leaves out, records this month's check of the 营根镇 station, finds it in the list; a stale
/// correction of it shows both versions; the station head reads it without edit rights; the manager removes it.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ContractorCheckTests(BrowserApp app)
{
    private const string Station = "琼中县营根镇社会工作服务站";

    [BrowserFact]
    public async Task The_manager_records_a_check_on_a_phone_and_sees_it_in_the_list()
    {
        var today = app.Today;
        // The demo checks every ended month of this year (in January: last year) and leaves out 营根镇's month before last.
        var (year, lastMonth) = today.Month == 1 ? (today.Year - 1, 12) : (today.Year, today.Month - 1);
        var skipped = Math.Max(1, lastMonth - 1);

        var page = await app.NewPageAsync(390, 844, mobile: true);
        await app.LoginAsync(page, "manager");
        await page.Locator("nav.tabbar").GetByRole(AriaRole.Link, new() { Name = "检查", Exact = true }).ClickAsync();
        await page.WaitForURLAsync("**/ContractorChecks");
        await page.GetByLabel("年度").FillAsync(year.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await page.GetByRole(AriaRole.Button, new() { Name = "筛选" }).ClickAsync();
        var ownRow = page.Locator(".coverage-list > li").Filter(new() { HasText = Station });
        await Expect(ownRow).ToContainTextAsync("缺1个月");
        await Expect(ownRow).ToContainTextAsync($"未检查：{skipped}月");
        await Expect(ownRow.Locator($"li.month-missing")).ToHaveCountAsync(1);
        Assert.Equal(0, await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - window.innerWidth"));
        await app.ScreenshotAsync(page, "g-phone-contractor-check-coverage");

        await page.GetByRole(AriaRole.Link, new() { Name = "记录检查", Exact = true }).ClickAsync();
        await page.WaitForURLAsync("**/ContractorChecks/Edit**");
        await page.GetByLabel("站点").SelectOptionAsync(new SelectOptionValue { Label = Station });
        await Expect(page.GetByLabel("检查日期")).ToHaveValueAsync(today.ToString("yyyy-MM-dd"));
        await Expect(page.GetByLabel("检查人（项目经理）")).ToHaveValueAsync("陈经理");
        var findings = "本月检查：走访台账已更新，新增个案1宗" + Guid.NewGuid().ToString("N")[..4];
        await page.GetByLabel("检查内容与发现").FillAsync(findings);
        await page.GetByLabel("指导意见").FillAsync("月底前完成小组评估");
        var save = page.GetByRole(AriaRole.Button, new() { Name = "保存", Exact = true });
        Assert.True(await save.BoundingBoxAsync() is { Height: >= 44 }, "保存按钮的触控区域至少 44 像素高");
        Assert.Equal(0, await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - window.innerWidth"));
        await app.ScreenshotAsync(page, "g-phone-record-contractor-check");
        await save.ClickAsync();

        await page.WaitForURLAsync("**/ContractorChecks/Details/**");
        var detailsUrl = page.Url;
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("已保存");
        await Expect(page.Locator(".facts")).ToContainTextAsync(findings);

        await page.Locator("nav.tabbar").GetByRole(AriaRole.Link, new() { Name = "检查", Exact = true }).ClickAsync();
        await page.WaitForURLAsync("**/ContractorChecks");
        var card = page.Locator("table.table-hover tbody tr").Filter(new() { HasText = findings });
        await Expect(card).ToHaveCountAsync(1);
        await Expect(card).ToContainTextAsync(today.ToString("yyyy-MM-dd"));
        await Expect(page.Locator(".coverage-list > li").Filter(new() { HasText = Station }).Locator($"li.month-covered[title^='{today.Month}月']")).ToHaveCountAsync(1);
        await app.ScreenshotAsync(page, "g-phone-contractor-check-list");

        // Two corrections of the same check: the later one is stopped and shown both versions.
        var editUrl = detailsUrl.Replace("/Details/", "/Edit/", StringComparison.Ordinal);
        await page.GotoAsync(editUrl);
        await page.GetByLabel("跟进事项").FillAsync("下次检查核实小组评估");
        var other = await app.NewPageAsync(390, 844, mobile: true);
        await app.LoginAsync(other, "manager");
        await other.GotoAsync(editUrl);
        await other.GetByLabel("指导意见").FillAsync("月底前完成小组评估并归档");
        await other.GetByRole(AriaRole.Button, new() { Name = "保存", Exact = true }).ClickAsync();
        await other.WaitForURLAsync("**/ContractorChecks/Details/**");
        await page.GetByRole(AriaRole.Button, new() { Name = "保存", Exact = true }).ClickAsync();
        var versions = page.Locator("section[aria-labelledby='conflict-title']");
        await Expect(versions.Locator("tr.diff-row").Filter(new() { HasText = "指导意见" })).ToContainTextAsync("月底前完成小组评估并归档");
        await Expect(page.GetByLabel("跟进事项")).ToHaveValueAsync("下次检查核实小组评估");

        // The checked station reads the check but cannot change it.
        var head = await app.NewPageAsync(1366, 900);
        await app.LoginAsync(head, "head");
        await head.GetByRole(AriaRole.Navigation, new() { Name = "功能导航" }).GetByRole(AriaRole.Link, new() { Name = "项目经理检查" }).ClickAsync();
        await head.GetByRole(AriaRole.Link, new() { Name = today.ToString("yyyy-MM-dd") + " " + Station }).ClickAsync();
        await Expect(head.Locator(".facts")).ToContainTextAsync("月底前完成小组评估并归档");
        await Expect(head.GetByRole(AriaRole.Link, new() { Name = "修改" })).ToHaveCountAsync(0);
        await Expect(head.GetByText("删除此检查记录")).ToHaveCountAsync(0);

        // A check recorded in error is removed by the manager.
        await other.GotoAsync(detailsUrl);
        await other.GetByText("删除此检查记录").ClickAsync();
        await other.GetByRole(AriaRole.Button, new() { Name = "确认删除" }).ClickAsync();
        await other.WaitForURLAsync("**/ContractorChecks");
        await Expect(other.GetByRole(AriaRole.Status)).ToContainTextAsync("已删除检查记录");
        await Expect(other.Locator("table.table-hover tbody tr").Filter(new() { HasText = findings })).ToHaveCountAsync(0);
    }
}
