using static Microsoft.Playwright.Assertions;

namespace SocialWorkStation.Browser.Tests;

/// <summary>A social worker starts a group on a phone and records a session with attendance ticked per member.</summary>
[Collection(BrowserCollection.Name)]
public sealed class GroupSessionTests(BrowserApp app)
{
    [BrowserFact]
    public async Task A_worker_records_a_group_session_with_attendance_on_a_phone()
    {
        var page = await app.NewPageAsync(360, 740, mobile: true);
        await app.LoginAsync(page, "worker");

        await page.Locator("nav.tabbar").GetByRole(AriaRole.Link, new() { Name = "服务", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "新建小组" }).ClickAsync();
        await page.WaitForURLAsync("**/Groups/Edit");
        await page.GetByLabel("小组名称").FillAsync("长者健康互助小组");
        await page.GetByLabel("小组目的").FillAsync("增进独居长者的互助与健康知识");
        await page.GetByLabel("计划节数").FillAsync("4");
        await page.GetByLabel("组员（可多选）").SelectOptionAsync(new[] { new SelectOptionValue { Index = 0 }, new SelectOptionValue { Index = 1 }, new SelectOptionValue { Index = 2 } });
        await page.GetByRole(AriaRole.Button, new() { Name = "保存", Exact = true }).ClickAsync();
        await page.WaitForURLAsync("**/Groups/Details/**");
        await Expect(page.Locator("#sessions-held strong")).ToHaveTextAsync("0");

        await page.GetByLabel("本节内容").FillAsync("第一次见面，订立小组契约");
        var ticks = page.Locator("#Session_AttendeeIds input[type=checkbox]");
        await Expect(ticks).ToHaveCountAsync(3);
        await ticks.Nth(0).CheckAsync();
        await ticks.Nth(2).CheckAsync();
        var box = await ticks.Nth(0).Locator("xpath=..").BoundingBoxAsync();
        Assert.True(box is { Height: >= 44 }, "出席勾选项的触控区域至少 44 像素高");
        await page.GetByRole(AriaRole.Button, new() { Name = "记录本节" }).ClickAsync();

        await Expect(page.Locator("#sessions-held strong")).ToHaveTextAsync("1");
        await Expect(page.Locator("#participant-times strong")).ToHaveTextAsync("2");
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("出席 2 人");
        Assert.Equal(0, await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - window.innerWidth"));
        await app.ScreenshotAsync(page, "f-phone-group-session");
    }
}
