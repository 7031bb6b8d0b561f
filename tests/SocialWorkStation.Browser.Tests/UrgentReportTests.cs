using static Microsoft.Playwright.Assertions;

namespace SocialWorkStation.Browser.Tests;

/// <summary>
/// A social worker on a phone registers an urgent report (a person's medical need); the township officer, also on a phone,
/// finds it on the home page under 紧急报告, opens it and acknowledges it; it leaves the home page.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class UrgentReportTests(BrowserApp app)
{
    [BrowserFact]
    public async Task A_worker_reports_on_a_phone_and_the_township_acknowledges_from_its_home_page()
    {
        var worker = await app.NewPageAsync(390, 844, mobile: true);
        await app.LoginAsync(worker, "worker");
        await worker.GotoAsync("/Incidents/Create");
        var what = "独居老人夜间发热，需送县医院就诊" + Guid.NewGuid().ToString("N")[..4];
        await worker.GetByLabel("严重程度").SelectOptionAsync("serious");
        await worker.GetByLabel("事件经过").FillAsync(what);
        await worker.GetByLabel("需要立即报告（如特困人员需要就诊或住院）").CheckAsync();
        await worker.GetByLabel("事由").SelectOptionAsync("medical");
        Assert.Equal(0, await worker.EvaluateAsync<int>("() => document.documentElement.scrollWidth - window.innerWidth"));
        await worker.GetByRole(AriaRole.Button, new() { Name = "登记", Exact = true }).ClickAsync();
        await worker.WaitForURLAsync("**/Incidents/Details/**");
        await Expect(worker.GetByRole(AriaRole.Status)).ToContainTextAsync("已报乡镇（街道）人民政府");
        await Expect(worker.Locator("#acknowledged")).ToContainTextAsync("尚未确认");
        var details = new Uri(worker.Url).AbsolutePath;
        await app.ScreenshotAsync(worker, "h-phone-urgent-report");

        var township = await app.NewPageAsync(390, 844, mobile: true);
        await app.LoginAsync(township, "township");
        await township.GotoAsync("/");
        var queue = township.GetByRole(AriaRole.Region, new() { Name = "紧急报告" });
        await Expect(queue).ToBeVisibleAsync();
        await queue.Locator($"a[href='{details}']").ClickAsync();
        await township.WaitForURLAsync("**/Incidents/Details/**");
        await Expect(township.GetByText(what)).ToBeVisibleAsync();
        await township.GetByRole(AriaRole.Button, new() { Name = "确认收到" }).ClickAsync();
        await Expect(township.GetByRole(AriaRole.Status)).ToContainTextAsync("已确认收到紧急报告");
        await Expect(township.Locator("#acknowledged")).ToContainTextAsync("township");
        Assert.Equal(0, await township.EvaluateAsync<int>("() => document.documentElement.scrollWidth - window.innerWidth"));
        await app.ScreenshotAsync(township, "h-phone-urgent-acknowledged");
        await township.GotoAsync("/");
        Assert.Equal(0, await township.Locator($"a[href='{details}']").CountAsync());
    }
}
