using static Microsoft.Playwright.Assertions;

namespace SocialWorkStation.Browser.Tests;

/// <summary>A bureau officer registers a village room, gets one field wrong, reads why, fixes it and saves.</summary>
[Collection(BrowserCollection.Name)]
public sealed class BureauCreatesStationTests(BrowserApp app)
{
    [BrowserFact]
    public async Task A_bad_field_is_explained_in_Chinese_under_it_and_the_rest_is_kept()
    {
        var page = await app.NewPageAsync(1366, 900);
        await app.LoginAsync(page, "bureau");
        await page.GotoAsync("/Stations");
        await page.Locator("main").GetByRole(AriaRole.Link, new() { Name = "新建站点" }).ClickAsync();
        await page.WaitForURLAsync("**/Stations/Edit");

        await page.GetByLabel("站点名称").FillAsync("琼中县红毛镇毛西村社工室");
        await page.GetByLabel("类型", new() { Exact = true }).SelectOptionAsync("villageRoom");
        // The picker opens at the officer's county: drill into 红毛镇 and choose a village (htmx swaps the picker).
        var picker = page.Locator(".region-picker");
        await picker.GetByRole(AriaRole.Button, new() { Name = "红毛镇的下级" }).ClickAsync();
        await picker.GetByRole(AriaRole.Button, new() { Name = "选择毛西村委会" }).ClickAsync();
        await Expect(picker.Locator(".picked")).ToContainTextAsync("毛西村委会");
        await Expect(page.GetByLabel("所在区划")).ToHaveValueAsync("469030105200");
        await page.GetByLabel("上级站点").SelectOptionAsync(new SelectOptionValue { Label = "琼中县红毛镇社会工作服务站（社工站）" });
        await page.GetByLabel("地址").FillAsync("红毛镇毛西村委会办公楼一层");
        await page.GetByLabel("办公面积（平方米）").FillAsync("-5");
        await page.GetByLabel("功能室名称").First.FillAsync("社工室");
        await page.GetByRole(AriaRole.Button, new() { Name = "保存", Exact = true }).ClickAsync();

        var error = page.Locator("[data-valmsg-for='Input.FloorArea']");
        await Expect(error).ToHaveTextAsync("办公面积应在0到100000平方米之间");
        await Expect(page.GetByLabel("站点名称")).ToHaveValueAsync("琼中县红毛镇毛西村社工室");
        await Expect(page.GetByLabel("类型", new() { Exact = true })).ToHaveValueAsync("villageRoom");
        await Expect(page.GetByLabel("所在区划")).ToHaveValueAsync("469030105200");
        await Expect(page.GetByLabel("地址")).ToHaveValueAsync("红毛镇毛西村委会办公楼一层");
        await Expect(page.GetByLabel("办公面积（平方米）")).ToHaveValueAsync("-5");
        await Expect(page.GetByLabel("功能室名称").First).ToHaveValueAsync("社工室");
        await Expect(page.Locator(".field-validation-error")).ToHaveCountAsync(1);
        // The summary at the top says how many fields need fixing and links to each.
        await Expect(page.Locator(".error-summary")).ToContainTextAsync("有 1 处需要修改");
        await page.Locator(".error-summary a").ClickAsync();
        await Expect(page.GetByLabel("办公面积（平方米）")).ToBeInViewportAsync();
        await app.ScreenshotAsync(page, "c-bureau-error", fullPage: false);

        await page.GetByLabel("办公面积（平方米）").FillAsync("40");
        await page.GetByRole(AriaRole.Button, new() { Name = "保存", Exact = true }).ClickAsync();
        await page.WaitForURLAsync("**/Stations/Details/**");
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("已新建站点“琼中县红毛镇毛西村社工室”");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "琼中县红毛镇毛西村社工室", Level = 1 })).ToBeVisibleAsync();
        await Expect(page.Locator("main")).ToContainTextAsync("40 平方米");
        await Expect(page.Locator("main")).ToContainTextAsync("毛西村委会");
        await app.ScreenshotAsync(page, "c-bureau-saved");
    }

    [BrowserFact]
    public async Task Without_JavaScript_rows_and_the_region_picker_still_work_and_keep_what_was_typed()
    {
        var page = await app.NewPageAsync(360, 740, mobile: true, javaScript: false);
        await app.LoginAsync(page, "bureau");
        await page.GotoAsync("/Stations/Edit");
        await page.GetByLabel("站点名称").FillAsync("琼中县湾岭镇社工室（无脚本测试）");
        await page.GetByLabel("功能室名称").First.FillAsync("社工室");

        await page.GetByRole(AriaRole.Button, new() { Name = "添加功能室" }).ClickAsync();
        await Expect(page.GetByLabel("功能室名称")).ToHaveCountAsync(2);
        await Expect(page.GetByLabel("站点名称")).ToHaveValueAsync("琼中县湾岭镇社工室（无脚本测试）");
        await Expect(page.GetByLabel("功能室名称").First).ToHaveValueAsync("社工室");

        var picker = page.Locator(".region-picker");
        await picker.GetByRole(AriaRole.Button, new() { Name = "湾岭镇的下级" }).ClickAsync();
        await picker.Locator(".rp-list li").First.GetByRole(AriaRole.Button, new() { Name = "选择" }).ClickAsync();
        await Expect(page.GetByLabel("所在区划")).ToHaveValueAsync(new System.Text.RegularExpressions.Regex("^469030101\\d{3}$"));
        await Expect(picker.Locator(".picked")).ToContainTextAsync("湾岭镇");
        await Expect(page.GetByLabel("站点名称")).ToHaveValueAsync("琼中县湾岭镇社工室（无脚本测试）");
        await Expect(page.GetByLabel("功能室名称")).ToHaveCountAsync(2);

        await page.GetByRole(AriaRole.Button, new() { Name = "删除第1个功能室" }).ClickAsync();
        await Expect(page.GetByLabel("功能室名称")).ToHaveCountAsync(1);
        await Expect(page.GetByLabel("功能室名称").First).ToHaveValueAsync("");
        await Expect(page.Locator("nav.tabbar")).ToBeVisibleAsync();
        await picker.ScrollIntoViewIfNeededAsync();
        await app.ScreenshotAsync(page, "e-phone-no-javascript-picker", fullPage: false);
    }
}
