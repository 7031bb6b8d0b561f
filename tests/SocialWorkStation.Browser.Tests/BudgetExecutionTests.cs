using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace SocialWorkStation.Browser.Tests;

/// <summary>
/// The bureau officer starts a Qiongzhong cycle and signs its agreement, enters the station's budget lines (the profile's
/// 162,000 + 50,000 filled in), records a spending entry with its invoice in one step, approves it and sees the execution
/// rate — once at desktop size and once on a phone (390×844). The invoice is listed on the entry and downloads.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class BudgetExecutionTests(BrowserApp app)
{
    private const string Station = "琼中县营根镇社会工作服务站";

    private static readonly byte[] InvoicePdf = "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF"u8.ToArray();

    [BrowserFact]
    public Task The_bureau_enters_a_budget_and_a_spending_entry_with_its_invoice_and_sees_the_execution_rate_at_desktop_size() =>
        Journey(1366, 900, mobile: false, "budget-desktop");

    [BrowserFact]
    public Task The_bureau_enters_a_budget_and_a_spending_entry_with_its_invoice_and_sees_the_execution_rate_on_a_phone() =>
        Journey(390, 844, mobile: true, "g-phone-budget-execution");

    private async Task Journey(int width, int height, bool mobile, string screenshot)
    {
        var page = await app.NewPageAsync(width, height, mobile);
        await app.LoginAsync(page, "bureau");
        await page.GotoAsync(app.BaseUrl + "/Agreements");
        await page.GetByLabel("政策方案").SelectOptionAsync("hainan-qiongzhong");
        await page.GetByLabel("周期开始日期").FillAsync(app.Today.AddDays(-30).ToString("yyyy-MM-dd"));
        await page.GetByLabel("承接机构").SelectOptionAsync(new SelectOptionValue { Index = 1 });
        await page.GetByLabel(Station).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "新建项目周期" }).ClickAsync();
        await page.WaitForURLAsync("**/Agreements/Cycle/**");
        await page.GetByLabel("签订日期").FillAsync(app.Today.AddDays(-30).ToString("yyyy-MM-dd"));
        await page.GetByLabel("协议金额（元）").FillAsync("2120000");
        await page.GetByRole(AriaRole.Button, new() { Name = "登记协议" }).ClickAsync();
        await page.WaitForURLAsync("**/Agreements/Agreement/**");

        await page.GetByRole(AriaRole.Link, new() { Name = "预算与经费" }).ClickAsync();
        await page.WaitForURLAsync("**/Budgets/**");
        await Expect(page.GetByLabel("金额（元）").First).ToHaveValueAsync("162000");
        await page.GetByRole(AriaRole.Button, new() { Name = "保存预算" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status).First).ToContainTextAsync("预算已保存");
        var section = page.Locator("section.card").Filter(new() { HasText = Station }).First;
        await Expect(section).ToContainTextAsync("212,000.00");
        await Expect(section.GetByTestId("station-rate")).ToHaveTextAsync("0.00%");

        var form = page.Locator("section[aria-labelledby='spend-form']");
        var options = await form.GetByLabel("预算科目").Locator("option").AllTextContentsAsync();
        await form.GetByLabel("预算科目").SelectOptionAsync(new SelectOptionValue { Label = options.First(o => o.Contains("运营费")) });
        await form.GetByLabel("金额（元）").FillAsync("12500");
        await form.GetByLabel("收款方").FillAsync("琼中县某印刷厂");
        await form.GetByLabel("用途").FillAsync("宣传册印制");
        await form.GetByLabel("发票（照片或 PDF）").SetInputFilesAsync(new FilePayload { Name = "印刷发票.pdf", MimeType = "application/pdf", Buffer = InvoicePdf });
        var submit = form.GetByRole(AriaRole.Button, new() { Name = "登记支出" });
        if (mobile)
        {
            Assert.True(await submit.BoundingBoxAsync() is { Height: >= 44 }, "登记支出按钮的触控区域至少 44 像素高");
        }
        await submit.ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status).First).ToContainTextAsync("发票已上传");
        var card = page.Locator("section.card").Filter(new() { HasText = Station }).First;
        var invoice = card.GetByTestId("invoice").GetByRole(AriaRole.Link, new() { Name = "印刷发票.pdf" });
        await Expect(invoice).ToBeVisibleAsync();
        var download = await page.RunAndWaitForDownloadAsync(() => invoice.ClickAsync());
        Assert.Equal("印刷发票.pdf", download.SuggestedFilename);

        await page.GetByRole(AriaRole.Button, new() { Name = "审批通过" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status).First).ToContainTextAsync("已办理");
        card = page.Locator("section.card").Filter(new() { HasText = Station }).First;
        await Expect(card).ToContainTextAsync("已审批");
        // 12,500 of 212,000: 5.90% for the station, 25.00% on the operations line.
        await Expect(card.GetByTestId("station-rate")).ToHaveTextAsync("5.90%");
        await Expect(card).ToContainTextAsync("25.00%");
        await Expect(card).Not.ToContainTextAsync("未上传发票");
        Assert.Equal(0, await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - window.innerWidth"));
        await app.ScreenshotAsync(page, screenshot);
    }
}
