using static Microsoft.Playwright.Assertions;

namespace SocialWorkStation.Browser.Tests;

/// <summary>Runs only when SWS_README_URL names a running app (.ci/readme-run sets it to the README's own run).</summary>
public sealed class ReadmeRunFactAttribute : FactAttribute
{
    public const string Variable = "SWS_README_URL";

    public ReadmeRunFactAttribute()
    {
        if (Chromium.Path is null)
        {
            Skip = "没有找到 Chromium；浏览器测试已跳过。";
        }
        else if (string.IsNullOrEmpty(Environment.GetEnvironmentVariable(Variable)))
        {
            Skip = $"{Variable} 未设置：本测试只对 .ci/readme-run 按 README 启动的实例运行。";
        }
    }
}

/// <summary>
/// The app as README command 1 starts it (Production, from the build output; issue 18): a user signs in and the
/// pages are styled by Bootstrap and site.css and run htmx, so the static files reached the browser intact.
/// </summary>
public sealed class ReadmeRunTests
{
    [ReadmeRunFact]
    public async Task The_readme_run_serves_styles_and_scripts_a_browser_applies()
    {
        var baseUrl = Environment.GetEnvironmentVariable(ReadmeRunFactAttribute.Variable)!.TrimEnd('/');
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium.Path, Headless = true, Args = ["--no-sandbox", "--disable-gpu", "--no-first-run"],
        });
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = baseUrl, Locale = "zh-CN", ViewportSize = new ViewportSize { Width = 1280, Height = 900 } });
        context.SetDefaultTimeout(30_000);
        var page = await context.NewPageAsync();
        var failed = new List<string>();
        page.RequestFailed += (_, r) => failed.Add(r.Url);

        await page.GotoAsync("/Account/Login");
        // Bootstrap applied (its d-none utility hides the icon sprite) and the primary button is blue (Bootstrap's
        // colour darkened by site.css for contrast), not the browser's grey default.
        Assert.Equal("none", await page.EvaluateAsync<string>("() => getComputedStyle(document.querySelector('svg.d-none')).display"));
        var button = page.GetByRole(AriaRole.Button, new() { Name = "登录" });
        Assert.Equal("rgb(10, 88, 202)", await button.EvaluateAsync<string>("b => getComputedStyle(b).backgroundColor"));
        await page.GetByLabel("用户名").FillAsync("bureau");
        await page.GetByLabel("密码").FillAsync(BrowserApp.Password);
        await button.ClickAsync();
        await page.WaitForURLAsync(u => !u.Contains("/Account/Login", StringComparison.Ordinal));

        await page.GotoAsync("/Stations/Edit");
        await Expect(page.Locator("form")).Not.ToHaveCountAsync(0);
        await page.WaitForFunctionAsync("() => typeof window.htmx !== 'undefined' && typeof window.htmx.ajax === 'function'");
        Assert.Empty(failed);
    }
}
