using static Microsoft.Playwright.Assertions;

namespace SocialWorkStation.Browser.Tests;

/// <summary>
/// A social worker takes on a case on a phone and moves it through MZ/T 094-2017's stages; the supervisor
/// reviews the plan; once in intervention the worker adds a service entry and sees the count go up.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class CaseServiceTests(BrowserApp app)
{
    [BrowserFact]
    public async Task A_worker_adds_a_service_to_a_case_and_sees_the_count_go_up_on_a_phone()
    {
        var page = await app.NewPageAsync(360, 740, mobile: true);
        await app.LoginAsync(page, "worker");

        await page.Locator("nav.tabbar").GetByRole(AriaRole.Link, new() { Name = "服务", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "接案（个案）" }).ClickAsync();
        await page.WaitForURLAsync("**/Cases/Edit");
        await page.GetByLabel("服务对象", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Index = 1 });
        await page.GetByLabel("需求", new() { Exact = true }).FillAsync("独居，需要日常照料");
        await page.GetByLabel("服务目标", new() { Exact = true }).FillAsync("每周探访一次\n链接助餐服务");
        await page.GetByLabel("个案记录（加密保存）").FillAsync("老人近期情绪低落，女儿在海口务工");
        Assert.Equal(0, await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - window.innerWidth"));
        // The form keeps what was typed and says under the field what is missing (the signed-in worker is
        // preselected, so the choice is cleared first).
        await page.GetByLabel("负责社工").SelectOptionAsync(new SelectOptionValue { Value = "" });
        await page.GetByRole(AriaRole.Button, new() { Name = "保存", Exact = true }).ClickAsync();
        if (await page.GetByLabel("负责社工").InputValueAsync() == "")
        {
            await Expect(page.Locator("#Input_WorkerId ~ span")).ToContainTextAsync("请选择负责社工");
            await Expect(page.GetByLabel("需求", new() { Exact = true })).ToHaveValueAsync("独居，需要日常照料");
            await page.GetByLabel("负责社工").SelectOptionAsync(new SelectOptionValue { Index = 1 });
            await page.GetByRole(AriaRole.Button, new() { Name = "保存", Exact = true }).ClickAsync();
        }
        await page.WaitForURLAsync("**/Cases/Details/**");
        var url = page.Url;

        await page.GetByRole(AriaRole.Button, new() { Name = "进入“预估”阶段" }).ClickAsync();
        await Expect(page.Locator("#current-stage")).ToHaveTextAsync("预估");
        await page.GetByRole(AriaRole.Button, new() { Name = "进入“计划”阶段" }).ClickAsync();
        await Expect(page.Locator("#current-stage")).ToHaveTextAsync("计划");
        // Intervention waits for the supervisor's review of the plan (MZ/T 094-2017): the refusal shows on the page.
        await page.GetByRole(AriaRole.Button, new() { Name = "进入“介入”阶段" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Alert).First).ToContainTextAsync("督导审阅");

        var supervisor = await app.NewPageAsync(360, 740, mobile: true);
        await app.LoginAsync(supervisor, "supervisor");
        await supervisor.GotoAsync(url);
        await supervisor.GetByRole(AriaRole.Button, new() { Name = "审阅通过服务计划" }).ClickAsync();
        await Expect(supervisor.Locator(".facts")).ToContainTextAsync("已于");

        await page.GotoAsync(url);
        await page.GetByRole(AriaRole.Button, new() { Name = "进入“介入”阶段" }).ClickAsync();
        await Expect(page.Locator("#current-stage")).ToHaveTextAsync("介入");
        await Expect(page.Locator("#service-count strong")).ToHaveTextAsync("0");

        await page.GetByLabel("服务内容").FillAsync("上门探访，联系村委会安排助餐");
        var button = page.GetByRole(AriaRole.Button, new() { Name = "登记服务" });
        var box = await button.BoundingBoxAsync();
        Assert.True(box is { Height: >= 44 }, "登记服务按钮的触控区域至少 44 像素高");
        await button.ClickAsync();
        await Expect(page.Locator("#service-count strong")).ToHaveTextAsync("1");
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("累计 1 次");
        Assert.Equal(0, await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - window.innerWidth"));
        await app.ScreenshotAsync(page, "f-phone-case-service");

        // The notes stay hidden until asked for with a reason; the read goes through the audited handler.
        await Expect(page.Locator("#case-notes")).ToHaveCountAsync(0);
        await page.GetByRole(AriaRole.Button, new() { Name = "查看个案记录" }).ClickAsync();
        await Expect(page.Locator("#case-notes")).ToHaveCountAsync(0);
        await Expect(page.Locator("[data-valmsg-for=NotesReason]")).ToContainTextAsync("请说明查看个案记录的事由");
        await page.GetByLabel("查看事由").FillAsync("准备督导会，回顾介入过程");
        await page.GetByRole(AriaRole.Button, new() { Name = "查看个案记录" }).ClickAsync();
        await Expect(page.Locator("#case-notes")).ToHaveTextAsync("老人近期情绪低落，女儿在海口务工");

        // The list, filtered to cases in intervention, shows the count against the profile's minimum.
        await page.GotoAsync("/Cases?stage=intervention");
        await Expect(page.Locator("table.table-list tbody tr").First).ToContainTextAsync("1 / 5 次");
        Assert.Equal(0, await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - window.innerWidth"));
        await app.ScreenshotAsync(page, "f-phone-case-list");
    }
}
