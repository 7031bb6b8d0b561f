using System.Diagnostics;
using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using SocialWorkStation.Web.Tests.Infrastructure;

namespace SocialWorkStation.Browser.Tests;

/// <summary>Where Debian's Chromium is, resolved when the tests run (never downloaded: no `playwright install`).</summary>
public static class Chromium
{
    public static readonly string? Path = Find();

    private static string? Find()
    {
        try
        {
            using var p = Process.Start(new ProcessStartInfo("/bin/sh", ["-c", "command -v chromium"]) { RedirectStandardOutput = true, UseShellExecute = false })!;
            var path = p.StandardOutput.ReadToEnd().Trim();
            p.WaitForExit();
            return p.ExitCode == 0 && path.Length > 0 && File.Exists(path) ? path : null;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null;
        }
    }
}

/// <summary>A browser test: skipped, saying why, when no Chromium is installed.</summary>
public sealed class BrowserFactAttribute : FactAttribute
{
    public BrowserFactAttribute()
    {
        if (Chromium.Path is null)
        {
            Skip = "没有找到 Chromium（`command -v chromium` 无结果）。请先 apt-get install chromium fonts-noto-cjk；浏览器测试已跳过。";
        }
    }
}

/// <summary>
/// The whole app on a real socket with a fresh SQLite file and the demo county, and one headless Chromium,
/// shared by every browser test.
/// </summary>
public sealed class BrowserApp : IAsyncLifetime
{
    public const string Password = "Demo@2026pass";

    private readonly string _folder = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "sws-browser-" + Guid.NewGuid().ToString("N"));
    private WebApplicationFactory<Program>? _factory;
    private IPlaywright? _playwright;

    public string BaseUrl { get; private set; } = "";

    /// <summary>The app's services, for tests that set up their own records (a station of their own) straight in the database.</summary>
    public IServiceProvider Services => _factory!.Services;

    /// <summary>The app's clock, pinned to TestClock.Today (SWS_TEST_TODAY or a fixed default; see TestClock).</summary>
    public TestClock Clock { get; } = TestClock.Create();

    /// <summary>The app's China date.</summary>
    public DateOnly Today => SocialWorkStation.Web.Infrastructure.ChinaTime.Today(Clock);
    public IBrowser Browser { get; private set; } = null!;
    public string ScreenshotFolder { get; } = System.IO.Path.Combine(AppContext.BaseDirectory, "screenshots");

    public async Task InitializeAsync()
    {
        if (Chromium.Path is null)
        {
            return;
        }
        Directory.CreateDirectory(_folder);
        Directory.CreateDirectory(ScreenshotFolder);
        var connection = $"Data Source={System.IO.Path.Combine(_folder, "app.db")}";
        // The app reads the connection string while it registers services, before settings given to the
        // factory apply, so the same settings also go in as environment variables.
        Environment.SetEnvironmentVariable("ConnectionStrings__Default", connection);
        Environment.SetEnvironmentVariable("Demo__Seed", "true");
        // The tests count the demo's own records; the living year (README command 1) has a test of its own.
        Environment.SetEnvironmentVariable("Demo__LivingYear", "false");
        Environment.SetEnvironmentVariable("Attachments__Folder", System.IO.Path.Combine(_folder, "attachments"));
        _factory = new WebApplicationFactory<Program>().WithWebHostBuilder(b =>
        {
            b.UseSetting("ConnectionStrings:Default", connection);
            b.UseSetting("Demo:Seed", "true");
            b.UseSetting("Demo:LivingYear", "false");
            b.UseEnvironment("Development");
            b.ConfigureTestServices(services =>
            {
                services.RemoveAll<TimeProvider>();
                services.AddSingleton<TimeProvider>(Clock);
            });
        });
        _factory.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        _factory.StartServer();
        BaseUrl = _factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/');

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium.Path,
            Headless = true,
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--no-first-run", "--disable-quic",
            ],
        });
    }

    public async Task DisposeAsync()
    {
        if (Chromium.Path is null)
        {
            return;
        }
        await Browser.DisposeAsync();
        _playwright?.Dispose();
        if (_factory is not null)
        {
            await _factory.DisposeAsync();
        }
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // a file still held open; the temp folder is cleaned by the system
        }
    }

    /// <summary>A fresh browser session (its own cookies) with the given window size, Chinese locale.</summary>
    public async Task<IPage> NewPageAsync(int width, int height, bool mobile = false, bool javaScript = true)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseUrl,
            ViewportSize = new ViewportSize { Width = width, Height = height },
            IsMobile = mobile,
            HasTouch = mobile,
            Locale = "zh-CN",
            TimezoneId = "Asia/Shanghai",
            JavaScriptEnabled = javaScript,
        });
        context.SetDefaultTimeout(15_000);
        return await context.NewPageAsync();
    }

    public async Task LoginAsync(IPage page, string userName)
    {
        await page.GotoAsync("/Account/Login");
        await page.GetByLabel("用户名").FillAsync(userName);
        await page.GetByLabel("密码").FillAsync(Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();
        if (userName is "admin" or "security" or "auditor")
        {
            // The administrators sign in with two factors; the demo enrols them with the demo key (README).
            await page.GetByLabel("验证码").FillAsync(CurrentCode());
            await page.GetByRole(AriaRole.Button, new() { Name = "验证并登录" }).ClickAsync();
        }
        await page.WaitForURLAsync(u => !u.Contains("/Account/Login", StringComparison.Ordinal));
    }

    /// <summary>
    /// The code an authenticator app with the demo key (Demo:AuthenticatorKey) shows now. The real clock on purpose: Identity
    /// checks TOTP codes against the wall clock, not the host's pinned TimeProvider (as TestApp.CurrentCode in the Web tests).
    /// </summary>
    public static string CurrentCode() => new OtpNet.Totp(OtpNet.Base32Encoding.ToBytes("SWSDEMOQIONGZHONGKEYTWOFAXYZ2345")).ComputeTotp(DateTime.UtcNow);

    /// <summary>Saves screenshots/&lt;name&gt;.png in the test output folder: the whole page from the top, or just what the window shows.</summary>
    public async Task ScreenshotAsync(IPage page, string name, bool fullPage = true)
    {
        if (fullPage)
        {
            await page.EvaluateAsync("() => window.scrollTo(0, 0)");
        }
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = System.IO.Path.Combine(ScreenshotFolder, name + ".png"), FullPage = fullPage });
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserApp>
{
    public const string Name = "browser";
}
