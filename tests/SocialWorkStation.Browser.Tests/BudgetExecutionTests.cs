using static Microsoft.Playwright.Assertions;

namespace SocialWorkStation.Browser.Tests;

/// <summary>
/// The bureau officer starts a Qiongzhong cycle and signs its agreement, enters the station's budget lines (the profile's
/// 162,000 + 50,000 filled in), then on a phone (390×844) records a spending entry, approves it and sees the execution rate.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class BudgetExecutionTests(BrowserApp app)
{
    private const string Station = "琼中县营根镇社会工作服务站";

    [BrowserFact]
    public async Task The_bureau_enters_a_budget_and_a_spending_entry_and_sees_the_execution_rate_on_a_phone()
    {
        var page = await app.NewPageAsync(1366, 900);
        await app.LoginAsync(page, "bureau");
        await page.GotoAsync(app.BaseUrl + "/Agreements");
        await page.GetByLabel("政策方案").SelectOptionAsync("hainan-qiongzhong");
        await page.GetByLabel("周期开始日期").FillAsync(app.Today.AddDays(-30).ToString("yyyy-MM-dd"));
        await page.GetByLabel("承接机构").SelectOptionAsync(new Microsoft.Playwright.SelectOptionValue { Index = 1 });
        await page.GetByLabel(Station).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "新建项目周期" }).ClickAsync();
        await page.WaitForURLAsync("**/Agreements/Cycle/**");
        await page.GetByLabel("签订日期").FillAsync(app.Today.AddDays(-30).ToString("yyyy-MM-dd"));
        await page.GetByLabel("协议金额（元）").FillAsync("2120000");
        await page.GetByRole(AriaRole.Button, new() { Name = "登记协议" }).ClickAsync();
        await page.WaitForURLAsync("**/Agreements/Agreement/**");

        await page.GetByRole(AriaRole.Link, new() { Name = "预算与经费" }).ClickAsync();
        await page.WaitForURLAsync("**/Budgets/**");
        var budgetsUrl = page.Url;
        await Expect(page.GetByLabel("金额（元）").First).ToHaveValueAsync("162000");
        await page.GetByRole(AriaRole.Button, new() { Name = "保存预算" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status).First).ToContainTextAsync("预算已保存");
        var section = page.Locator("section.card").Filter(new() { HasText = Station }).First;
        await Expect(section).ToContainTextAsync("212,000.00");
        await Expect(section.GetByTestId("station-rate")).ToHaveTextAsync("0.00%");
        await app.ScreenshotAsync(page, "budget-entered");

        var phone = await app.NewPageAsync(390, 844, mobile: true);
        await app.LoginAsync(phone, "bureau");
        await phone.GotoAsync(budgetsUrl);
        var form = phone.Locator("section[aria-labelledby='spend-form']");
        var options = await form.GetByLabel("预算科目").Locator("option").AllTextContentsAsync();
        await form.GetByLabel("预算科目").SelectOptionAsync(new Microsoft.Playwright.SelectOptionValue { Label = options.First(o => o.Contains("运营费")) });
        await form.GetByLabel("金额（元）").FillAsync("12500");
        await form.GetByLabel("收款方").FillAsync("琼中县某印刷厂");
        await form.GetByLabel("用途").FillAsync("宣传册印制");
        var submit = form.GetByRole(AriaRole.Button, new() { Name = "登记支出" });
        Assert.True(await submit.BoundingBoxAsync() is { Height: >= 44 }, "登记支出按钮的触控区域至少 44 像素高");
        await submit.ClickAsync();
        await Expect(phone.GetByRole(AriaRole.Status).First).ToContainTextAsync("支出已登记");
        await phone.GetByRole(AriaRole.Button, new() { Name = "审批通过" }).ClickAsync();
        await Expect(phone.GetByRole(AriaRole.Status).First).ToContainTextAsync("已办理");
        var card = phone.Locator("section.card").Filter(new() { HasText = Station }).First;
        await Expect(card).ToContainTextAsync("已审批");
        // 12,500 of 212,000: 5.90% for the station, 25.00% on the operations line.
        await Expect(card.GetByTestId("station-rate")).ToHaveTextAsync("5.90%");
        await Expect(card).ToContainTextAsync("25.00%");
        Assert.Equal(0, await phone.EvaluateAsync<int>("() => document.documentElement.scrollWidth - window.innerWidth"));
        await app.ScreenshotAsync(phone, "g-phone-budget-execution");
    }
}
