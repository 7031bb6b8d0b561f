using System.Text.RegularExpressions;
using static Microsoft.Playwright.Assertions;

namespace SocialWorkStation.Browser.Tests;

/// <summary>A social worker on a phone finds a recipient by pinyin initials and sees only masked data.</summary>
[Collection(BrowserCollection.Name)]
public sealed class RecipientSearchTests(BrowserApp app)
{
    [BrowserFact]
    public async Task On_a_phone_a_worker_finds_zhang_san_by_zs_and_sees_the_masked_id()
    {
        var page = await app.NewPageAsync(360, 740, mobile: true);
        await app.LoginAsync(page, "worker");

        var tabs = page.Locator("nav.tabbar");
        await tabs.GetByRole(AriaRole.Link, new() { Name = "服务对象" }).ClickAsync();
        await page.WaitForURLAsync("**/Recipients**");
        var search = page.GetByLabel("姓名、拼音或身份证后4位");
        await search.FillAsync("zs");
        await search.PressAsync("Enter");
        await page.WaitForURLAsync(u => u.Contains("q=zs", StringComparison.Ordinal));

        // Cards, not a table, on a phone: the header row is hidden and each result is a box.
        await Expect(page.Locator("table.recipients thead")).ToBeHiddenAsync();
        var card = page.Locator("table.recipients tbody tr").Filter(new() { HasText = "张*" }).First;
        await Expect(card).ToBeVisibleAsync();
        var id = card.Locator("td.id-number");
        await Expect(id).ToHaveTextAsync(new Regex(@"^469\*{11}[0-9X]{4}$"));
        var box = await card.GetByRole(AriaRole.Link, new() { Name = "详情" }).BoundingBoxAsync();
        Assert.True(box is { Height: >= 44 } || (await card.Locator("td.card-title a").BoundingBoxAsync()) is { Height: > 0 }, "结果可以点开");
        await app.ScreenshotAsync(page, "r-phone-search-zs");

        // The page never carries a full ID number.
        var html = await page.ContentAsync();
        Assert.DoesNotMatch(@"469000\d{11}[0-9X]", html);

        await card.Locator("td.card-title a").ClickAsync();
        await page.WaitForURLAsync("**/Recipients/Details/**");
        await Expect(page.Locator("dd.id-number")).ToHaveTextAsync(new Regex(@"^469\*{11}[0-9X]{4}$"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "查阅记录（谁看过）" })).ToBeVisibleAsync();
        await Expect(page.Locator("table.access-history")).ToContainTextAsync("查看详情");
        await app.ScreenshotAsync(page, "r-phone-details-masked");

        // 查看 asks for a reason; the full number shows and the reveal is on the access history.
        await page.GetByRole(AriaRole.Link, new() { Name = "查看" }).ClickAsync();
        await page.GetByLabel("查看完整信息的事由").FillAsync("入户走访前核对身份");
        await page.GetByRole(AriaRole.Button, new() { Name = "查看完整信息" }).ClickAsync();
        await Expect(page.Locator("dd.id-number")).ToHaveTextAsync(new Regex(@"^469000\d{11}[0-9X]$"));
        await Expect(page.Locator("table.access-history")).ToContainTextAsync("入户走访前核对身份");
        await app.ScreenshotAsync(page, "r-phone-details-revealed");
    }

    [BrowserFact]
    public async Task A_worker_registers_a_recipient_and_a_15_digit_number_is_refused_under_its_field_keeping_what_was_typed()
    {
        var page = await app.NewPageAsync(1366, 900);
        await app.LoginAsync(page, "worker");
        await page.Locator("nav.sidebar").GetByRole(AriaRole.Link, new() { Name = "登记服务对象" }).ClickAsync();
        await page.GetByLabel("姓名", new() { Exact = true }).FillAsync("司马丁");
        await page.GetByLabel("身份证号码", new() { Exact = true }).FillAsync("469000560301001");
        await page.GetByLabel("联系电话", new() { Exact = true }).FillAsync("13812340000");
        await page.GetByLabel("低保", new() { Exact = true }).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "保存", Exact = true }).Last.ClickAsync();

        await Expect(page.Locator("span[data-valmsg-for='Input.IdNumber']")).ToContainTextAsync("15位旧身份证号码已停止使用");
        await Expect(page.GetByLabel("姓名", new() { Exact = true })).ToHaveValueAsync("司马丁");
        await Expect(page.GetByLabel("联系电话", new() { Exact = true })).ToHaveValueAsync("13812340000");
        await Expect(page.GetByLabel("低保", new() { Exact = true })).ToBeCheckedAsync();
        await app.ScreenshotAsync(page, "r-desktop-register-error");

        var first17 = "46909919560301001";
        await page.GetByLabel("身份证号码", new() { Exact = true }).FillAsync(first17 + SocialWorkStation.Domain.IdNumbers.IdNumber.CheckChar(first17));
        await page.GetByRole(AriaRole.Button, new() { Name = "保存", Exact = true }).Last.ClickAsync();
        await page.WaitForURLAsync("**/Recipients/Details/**");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "司*丁", Level = 1 })).ToBeVisibleAsync();
        await Expect(page.Locator("dd.id-number")).ToHaveTextAsync(new Regex(@"^469\*{11}001[0-9X]$"));
        await app.ScreenshotAsync(page, "r-desktop-registered");

        // The list exports masked by default, as an Excel file.
        await page.GotoAsync("/Recipients/Index?q=smd");
        await page.GetByText("导出当前名单（Excel）").ClickAsync();
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Button, new() { Name = "导出 Excel" }).ClickAsync());
        Assert.EndsWith("-脱敏.xlsx", download.SuggestedFilename);
    }
}
