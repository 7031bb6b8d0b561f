using static Microsoft.Playwright.Assertions;

namespace SocialWorkStation.Browser.Tests;

/// <summary>Two people edit the same station: the later save is stopped and shown both versions.</summary>
[Collection(BrowserCollection.Name)]
public sealed class StaleEditTests(BrowserApp app)
{
    [BrowserFact]
    public async Task A_stale_save_shows_what_was_submitted_beside_what_is_saved_and_a_second_save_wins()
    {
        var head = await app.NewPageAsync(1366, 900);
        await app.LoginAsync(head, "head");
        await head.GetByRole(AriaRole.Link, new() { Name = "查看本站情况" }).ClickAsync();
        await head.GetByRole(AriaRole.Link, new() { Name = "编辑站点信息" }).ClickAsync();
        await head.WaitForURLAsync("**/Stations/Edit/**");
        var editUrl = head.Url;
        await head.GetByLabel("开放时间").FillAsync("周一至周六 8:00-17:30");

        // Meanwhile the bureau officer changes the telephone number of the same station.
        var bureau = await app.NewPageAsync(1366, 900);
        await app.LoginAsync(bureau, "bureau");
        await bureau.GotoAsync(editUrl);
        await bureau.GetByLabel("电话").FillAsync("0898-86229999");
        await bureau.GetByRole(AriaRole.Button, new() { Name = "保存", Exact = true }).ClickAsync();
        await bureau.WaitForURLAsync("**/Stations/Details/**");

        await head.GetByRole(AriaRole.Button, new() { Name = "保存", Exact = true }).ClickAsync();
        await Expect(head.Locator(".error-summary")).ToContainTextAsync("已被他人修改");
        var versions = head.Locator("section[aria-labelledby='conflict-title']");
        await Expect(versions).ToContainTextAsync("两个版本对照");
        var phoneRow = versions.Locator("tr.diff-row").Filter(new() { HasText = "电话" });
        await Expect(phoneRow).ToContainTextAsync("0898-86229999");
        var hoursRow = versions.Locator("tr.diff-row").Filter(new() { HasText = "开放时间" });
        await Expect(hoursRow).ToContainTextAsync("周一至周六 8:00-17:30");
        await Expect(head.GetByLabel("开放时间")).ToHaveValueAsync("周一至周六 8:00-17:30");
        Assert.Equal(2, await versions.Locator("tr.diff-row").CountAsync());
        await app.ScreenshotAsync(head, "f-stale-edit-conflict", fullPage: false);

        await head.GetByRole(AriaRole.Button, new() { Name = "保存", Exact = true }).ClickAsync();
        await head.WaitForURLAsync("**/Stations/Details/**");
        await Expect(head.GetByRole(AriaRole.Status)).ToContainTextAsync("已保存");
        await Expect(head.Locator("main")).ToContainTextAsync("周一至周六 8:00-17:30");
    }
}
