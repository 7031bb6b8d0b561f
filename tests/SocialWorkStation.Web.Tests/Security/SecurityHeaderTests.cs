using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using SocialWorkStation.Web.Tests.Infrastructure;

namespace SocialWorkStation.Web.Tests.Security;

/// <summary>docs/security.md "Headers": the policy on pages and API answers, no caching of data, HSTS over HTTPS, the TLS proxy's headers.</summary>
public sealed class SecurityHeaderTests
{
    public static TheoryData<string> Providers => Db.Providers;

    private static void AssertHardened(HttpResponseMessage r)
    {
        var csp = string.Join(";", r.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("script-src 'self';", csp);
        Assert.DoesNotContain("unsafe-eval", csp);
        Assert.DoesNotMatch("script-src[^;]*unsafe-inline", csp);
        Assert.Contains("frame-ancestors 'none'", csp);
        Assert.Contains("object-src 'none'", csp);
        Assert.Equal("DENY", r.Headers.GetValues("X-Frame-Options").Single());
        Assert.Equal("nosniff", r.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("no-referrer", r.Headers.GetValues("Referrer-Policy").Single());
        Assert.Contains("camera=()", r.Headers.GetValues("Permissions-Policy").Single());
        Assert.True(r.Headers.CacheControl?.NoStore, "Cache-Control: no-store");
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Pages_and_api_answers_carry_the_policy_and_are_never_cached(string db)
    {
        var app = TestApp.For(db);
        var worker = await app.ClientFor("worker");
        AssertHardened(await worker.GetAsync("/api/v1/recipients?pageSize=1"));
        AssertHardened(await app.Anonymous().GetAsync("/Account/Login"));
        // An error answer too.
        AssertHardened(await worker.GetAsync($"/api/v1/recipients/{Guid.NewGuid()}"));
        // Static files keep their own caching (they hold no data).
        var css = await app.Anonymous().GetAsync("/css/site.css");
        Assert.NotEqual(true, css.Headers.CacheControl?.NoStore);
        Assert.False(css.Headers.Contains("Strict-Transport-Security"), "no HSTS over plain HTTP");
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Over_https_the_answer_carries_hsts(string db)
    {
        var client = TestApp.For(db).CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://sws.example.cn"), AllowAutoRedirect = false });
        var r = await client.GetAsync("/Account/Login");
        Assert.Contains("max-age=31536000", r.Headers.GetValues("Strict-Transport-Security").Single());
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Behind_the_proxy_cookies_are_secure_and_the_audit_trail_records_the_client(string db)
    {
        var app = TestApp.For(db);
        var client = app.Anonymous();
        var page = new HttpRequestMessage(HttpMethod.Get, "/Account/Login");
        page.Headers.Add("X-Forwarded-Proto", "https");
        var response = await client.SendAsync(page);
        Assert.Contains(response.Headers.GetValues("Set-Cookie"), c => c.Contains("secure", StringComparison.OrdinalIgnoreCase));

        var client2 = app.Anonymous();
        var login = new HttpRequestMessage(HttpMethod.Post, "/api/v1/auth/login") { Content = JsonContent.Create(new { userName = "supervisor", password = TestApp.Password }) };
        login.Headers.Add("X-Forwarded-For", "203.0.113.77");
        login.Headers.Add("X-Forwarded-Proto", "https");
        Assert.True((await client2.SendAsync(login)).IsSuccessStatusCode);
        var ip = await app.WithDb(d => d.AuditEntries.Where(e => e.Action == "login" && e.UserName == "supervisor").OrderByDescending(e => e.Id).Select(e => e.IpAddress).FirstAsync());
        Assert.Equal("203.0.113.77", ip);

        // The same headers from a peer that is not a known proxy are ignored: its own address is recorded, no Secure cookie.
        var spoofed = new HttpRequestMessage(HttpMethod.Post, "/api/v1/auth/login") { Content = JsonContent.Create(new { userName = "supervisor", password = TestApp.Password }) };
        spoofed.Headers.Add("X-Test-Peer", "198.51.100.9");
        spoofed.Headers.Add("X-Forwarded-For", "203.0.113.88");
        Assert.True((await app.Anonymous().SendAsync(spoofed)).IsSuccessStatusCode);
        ip = await app.WithDb(d => d.AuditEntries.Where(e => e.Action == "login" && e.UserName == "supervisor").OrderByDescending(e => e.Id).Select(e => e.IpAddress).FirstAsync());
        Assert.Equal("198.51.100.9", ip);
        var plainPage = new HttpRequestMessage(HttpMethod.Get, "/Account/Login");
        plainPage.Headers.Add("X-Test-Peer", "198.51.100.9");
        plainPage.Headers.Add("X-Forwarded-Proto", "https");
        Assert.DoesNotContain((await app.Anonymous().SendAsync(plainPage)).Headers.GetValues("Set-Cookie"), c => c.Contains("secure", StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>Every page works under the policy: no inline script, no inline event handler, no javascript: link.</summary>
    [Fact]
    public void No_page_writes_inline_script()
    {
        var features = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "../../../../../src/SocialWorkStation.Web/Features"));
        Assert.True(Directory.Exists(features), features);
        var offenders = new List<string>();
        foreach (var file in Directory.EnumerateFiles(features, "*.cshtml", SearchOption.AllDirectories))
        {
            var text = File.ReadAllText(file);
            foreach (Match m in Regex.Matches(text, @"<script(?![^>]*\bsrc=)(?![^>]*type=""application/json"")[^>]*>|\son[a-z]+\s*=\s*""|javascript:|hx-on", RegexOptions.IgnoreCase))
            {
                offenders.Add($"{Path.GetFileName(file)}: {m.Value}");
            }
        }
        Assert.Empty(offenders);
    }
}
