using static Microsoft.Playwright.Assertions;

namespace SocialWorkStation.Browser.Tests;

/// <summary>The security administrator (三员分立: accounts are its area alone) opens an account for a township officer and disables another account.</summary>
[Collection(BrowserCollection.Name)]
public sealed class AdminAccountsTests(BrowserApp app)
{
    [BrowserFact]
    public async Task Admin_creates_an_account_with_a_region_scope_and_disables_another()
    {
        var page = await app.NewPageAsync(1366, 900);
        await app.LoginAsync(page, "security");
        await page.GotoAsync("/Accounts");
        await page.Locator("main").GetByRole(AriaRole.Link, new() { Name = "新建账号" }).ClickAsync();
        await page.WaitForURLAsync("**/Accounts/Edit");

        await page.GetByLabel("用户名", new() { Exact = true }).FillAsync("hongmao");
        await page.GetByLabel("姓名", new() { Exact = true }).FillAsync("赵红梅");
        await page.GetByLabel("初始密码").FillAsync("Qz#2026-Safe");
        await page.GetByLabel("乡镇（街道）干部").CheckAsync();
        await Expect(page.GetByLabel("一个区划")).ToBeCheckedAsync();
        var picker = page.Locator(".region-picker");
        await picker.GetByRole(AriaRole.Button, new() { Name = "海南省的下级" }).ClickAsync();
        await picker.GetByRole(AriaRole.Button, new() { Name = "省直辖县级行政区划的下级" }).ClickAsync();
        await picker.GetByRole(AriaRole.Button, new() { Name = "琼中黎族苗族自治县的下级" }).ClickAsync();
        await picker.GetByRole(AriaRole.Button, new() { Name = "选择红毛镇" }).ClickAsync();
        await Expect(picker.Locator(".picked")).ToContainTextAsync("海南省 › 省直辖县级行政区划 › 琼中黎族苗族自治县 › 红毛镇");
        await app.ScreenshotAsync(page, "d-admin-new-account");
        await page.GetByRole(AriaRole.Button, new() { Name = "保存", Exact = true }).ClickAsync();

        await page.WaitForURLAsync("**/Accounts?q=hongmao");
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("已创建账号“hongmao”");
        var row = page.Locator("table.table-list tbody tr").Filter(new() { HasText = "hongmao" });
        await Expect(row).ToContainTextAsync("赵红梅");
        await Expect(row).ToContainTextAsync("乡镇（街道）干部");
        await Expect(row).ToContainTextAsync("红毛镇");
        await Expect(row).ToContainTextAsync("正常");

        await page.GotoAsync("/Accounts?q=supervisor");
        await page.GetByRole(AriaRole.Link, new() { Name = "编辑账号 supervisor" }).ClickAsync();
        await page.GetByLabel("停用此账号").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "保存", Exact = true }).ClickAsync();
        await page.WaitForURLAsync("**/Accounts?q=supervisor");
        var disabled = page.Locator("table.table-list tbody tr").Filter(new() { HasText = "supervisor" });
        await Expect(disabled.Locator(".status-severe")).ToContainTextAsync("已停用");
        await app.ScreenshotAsync(page, "d-admin-disabled");

        // The disabled account can no longer log in, and the page does not say why.
        var other = await app.NewPageAsync(1366, 900);
        await other.GotoAsync("/Account/Login");
        await other.GetByLabel("用户名").FillAsync("supervisor");
        await other.GetByLabel("密码").FillAsync(BrowserApp.Password);
        await other.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();
        await Expect(other.GetByRole(AriaRole.Alert)).ToContainTextAsync("用户名或密码不正确，或账号已被锁定");

        // The new account works and sees its township.
        var officer = await app.NewPageAsync(1366, 900);
        await officer.GotoAsync("/Account/Login");
        await officer.GetByLabel("用户名").FillAsync("hongmao");
        await officer.GetByLabel("密码").FillAsync("Qz#2026-Safe");
        await officer.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();
        await Expect(officer.Locator("header .who")).ToContainTextAsync("红毛镇");
    }
}
