using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Npgsql;
using SocialWorkStation.Web.Data;

namespace SocialWorkStation.Web.Tests.Infrastructure;

/// <summary>
/// Every test that touches data runs once per database (Bitwarden's pattern): SQLite always, PostgreSQL
/// when SWS_TEST_POSTGRES holds a connection string to a server where the user may create databases.
/// </summary>
public static class Db
{
    public const string PostgresVariable = "SWS_TEST_POSTGRES";

    public static string? PostgresConnection => Environment.GetEnvironmentVariable(PostgresVariable) is { Length: > 0 } s ? s : null;

    public static TheoryData<string> Providers
    {
        get
        {
            var data = new TheoryData<string> { "Sqlite" };
            if (PostgresConnection is not null)
            {
                data.Add("Postgres");
            }
            return data;
        }
    }
}

/// <summary>One running platform per database, shared by the tests of the run (each test makes its own data).</summary>
public sealed class TestApp : WebApplicationFactory<Program>
{
    public const string Password = "Demo@2026pass";
    private static readonly ConcurrentDictionary<string, Lazy<TestApp>> Apps = new();
    private readonly string _provider;
    private readonly string _connection;
    private readonly string? _dropDatabase;
    private readonly ConcurrentDictionary<string, string> _tokens = new();

    public static TestApp For(string provider) => Apps.GetOrAdd(provider, p => new Lazy<TestApp>(() => Start(p))).Value;

    private static TestApp Start(string provider)
    {
        var app = new TestApp(provider);
        _ = app.Server; // builds the host: migrations, regions, demo county
        AppDomain.CurrentDomain.ProcessExit += (_, _) => app.Dispose();
        return app;
    }

    /// <summary>A platform of its own, not shared with other tests: for a test that must see every row that changes. Dispose it.</summary>
    public static TestApp Isolated(string provider)
    {
        var app = new TestApp(provider);
        _ = app.Server;
        return app;
    }

    /// <summary>
    /// A platform of its own seeded as README command 1 seeds it: the demo county's service year in progress
    /// (Demo:LivingYear), on the pinned clock. Dispose it.
    /// </summary>
    public static TestApp IsolatedLivingYear(string provider)
    {
        var app = new TestApp(provider) { LivingYear = true };
        _ = app.Server;
        return app;
    }

    /// <summary>Whether the demo seeds its living year; off for the shared hosts, whose tests count their own records.</summary>
    public bool LivingYear { get; private init; }

    private TestApp(string provider)
    {
        _provider = provider;
        if (provider == "Postgres")
        {
            var name = "sws_test_" + Guid.NewGuid().ToString("N")[..12];
            var b = new NpgsqlConnectionStringBuilder(Db.PostgresConnection) { Database = name };
            _connection = b.ToString();
            _dropDatabase = name;
        }
        else
        {
            var dir = Path.Combine(Path.GetTempPath(), "sws-tests");
            Directory.CreateDirectory(dir);
            _connection = $"Data Source={Path.Combine(dir, Guid.NewGuid().ToString("N") + ".db")}";
        }
    }

    public string Provider => _provider;

    /// <summary>The host's clock, pinned to <see cref="TestClock.Today"/> (see TestClock for how to advance it).</summary>
    public TestClock Clock { get; } = TestClock.Create();

    /// <summary>The host's China date ("today" as the app sees it).</summary>
    public DateOnly Today => global::SocialWorkStation.Web.Infrastructure.ChinaTime.Today(Clock);

    public string AttachmentFolder { get; } = Path.Combine(Path.GetTempPath(), "sws-tests", "attachments-" + Guid.NewGuid().ToString("N")[..8]);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Database:Provider", _provider);
        builder.UseSetting("ConnectionStrings:Default", _connection);
        builder.UseSetting("Demo:Seed", "true");
        builder.UseSetting("Demo:LivingYear", LivingYear ? "true" : "false");
        builder.UseSetting("Demo:Password", Password);
        builder.UseSetting("Bootstrap:AdminPassword", Password);
        // Attachments go to a temporary folder, not under the web project's content root.
        builder.UseSetting("Attachments:Folder", AttachmentFolder);
        // The in-memory server has no peer address: requests come from loopback, as from a proxy on the same machine,
        // or from the address a test names in X-Test-Peer (docs/security.md "Headers").
        builder.ConfigureServices(s => s.AddSingleton<Microsoft.AspNetCore.Hosting.IStartupFilter, PeerAddress>());
        builder.ConfigureTestServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(Clock);
        });
    }

    /// <summary>A client that sends a bearer token of the given account.</summary>
    public async Task<HttpClient> ClientFor(string userName, string password = Password)
    {
        var token = _tokens.TryGetValue(userName, out var t) ? t : null;
        if (token is null)
        {
            var anon = CreateClient();
            var response = await anon.PostAsJsonAsync("/api/v1/auth/login", new { userName, password });
            if (response.StatusCode == System.Net.HttpStatusCode.Unauthorized && (await response.Content.ReadAsStringAsync()).Contains("\"twoFactorRequired\":true"))
            {
                // The administrators sign in with two factors; the demo enrols them with the demo key.
                response = await anon.PostAsJsonAsync("/api/v1/auth/login", new { userName, password, twoFactorCode = CurrentCode() });
            }
            response.EnsureSuccessStatusCode();
            token = (await response.Content.ReadFromJsonAsync<TokenResponse>())!.AccessToken;
            _tokens[userName] = token;
        }
        var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    private Lazy<Task<string>>? _province;

    /// <summary>
    /// A bureau officer of the whole province (Hainan, 460000), for tests that look across counties: the
    /// administrators read no station's records (三员分立), so this account stands in where a test needs every county.
    /// Made once per platform by the security administrator.
    /// </summary>
    public async Task<HttpClient> ClientForProvince()
    {
        var lazy = _province ?? System.Threading.Interlocked.CompareExchange(ref _province, new Lazy<Task<string>>(async () =>
        {
            var userName = "province-" + Guid.NewGuid().ToString("N")[..8];
            var response = await (await ClientFor("security")).PostAsJsonAsync("/api/v1/accounts",
                new { userName, displayName = "省民政厅", password = Password, roles = new[] { "BureauOfficer" }, scopeRegionCode = "460000" });
            response.EnsureSuccessStatusCode();
            return userName;
        }), null) ?? _province!;
        return await ClientFor(await lazy.Value);
    }

    /// <summary>The demo's authenticator key (Demo:AuthenticatorKey's default), with which the demo administrators are enrolled.</summary>
    public const string AuthenticatorKey = "SWSDEMOQIONGZHONGKEYTWOFAXYZ2345";

    /// <summary>The code an authenticator app shows now for a key (Identity checks codes against the real clock, not the pinned one).</summary>
    public static string CurrentCode(string key = AuthenticatorKey) => new OtpNet.Totp(OtpNet.Base32Encoding.ToBytes(key)).ComputeTotp(DateTime.UtcNow);

    /// <summary>A client signed in through the login page, holding the auth cookie as a browser would (no redirects followed).</summary>
    public async Task<HttpClient> BrowserFor(string userName, string password = Password)
    {
        var browser = Anonymous();
        var form = await browser.GetStringAsync("/Account/Login");
        var response = await browser.PostAsync("/Account/Login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.UserName"] = userName, ["Input.Password"] = password, ["__RequestVerificationToken"] = FormToken(form),
        }));
        if (response.StatusCode == System.Net.HttpStatusCode.OK && await response.Content.ReadAsStringAsync() is var step2 && step2.Contains("Input.Code"))
        {
            response = await browser.PostAsync("/Account/Login?handler=Code", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["Input.Code"] = CurrentCode(), ["__RequestVerificationToken"] = FormToken(step2),
            }));
        }
        if (response.StatusCode != System.Net.HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"page login of {userName}: {(int)response.StatusCode}");
        }
        return browser;
    }

    /// <summary>The antiforgery token of the form on a page.</summary>
    public static string FormToken(string html) =>
        System.Text.RegularExpressions.Regex.Match(html, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;

    public HttpClient Anonymous() => CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    /// <summary>Runs code against the database with a fresh scope.</summary>
    public async Task<T> WithDb<T>(Func<AppDbContext, Task<T>> work)
    {
        await using var scope = Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }

    public string ConnectionString => _connection;

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (_dropDatabase is not null)
        {
            try
            {
                NpgsqlConnection.ClearAllPools();
                using var conn = new NpgsqlConnection(Db.PostgresConnection);
                conn.Open();
                using var cmd = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_dropDatabase}\" WITH (FORCE)", conn);
                cmd.ExecuteNonQuery();
            }
            catch (NpgsqlException)
            {
                // Best effort: a leftover test database does no harm.
            }
        }
    }

    private sealed record TokenResponse(string AccessToken, int ExpiresIn);

    private sealed class PeerAddress : Microsoft.AspNetCore.Hosting.IStartupFilter
    {
        public Action<Microsoft.AspNetCore.Builder.IApplicationBuilder> Configure(Action<Microsoft.AspNetCore.Builder.IApplicationBuilder> next) => app =>
        {
            app.Use((ctx, nextMiddleware) =>
            {
                ctx.Connection.RemoteIpAddress = System.Net.IPAddress.Parse(ctx.Request.Headers["X-Test-Peer"] is { Count: > 0 } peer ? peer.ToString() : "127.0.0.1");
                return nextMiddleware(ctx);
            });
            next(app);
        };
    }
}
