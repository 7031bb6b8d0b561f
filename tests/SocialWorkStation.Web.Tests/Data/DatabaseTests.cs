using System.Net;
using Microsoft.EntityFrameworkCore;
using SocialWorkStation.Web.Tests.Infrastructure;

namespace SocialWorkStation.Web.Tests.Data;

public sealed class DatabaseTests
{
    public static TheoryData<string> Providers => Db.Providers;

    /// <summary>CI fails when the model has changes that no migration of that provider holds.</summary>
    [Theory, MemberData(nameof(Providers))]
    public async Task Every_model_change_is_in_a_migration(string db)
    {
        var pending = await TestApp.For(db).WithDb(d => Task.FromResult(d.Database.HasPendingModelChanges()));
        Assert.False(pending, $"The {db} model has changes without a migration: run dotnet ef migrations add for that provider (docs/operations.md).");
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Health_answers_200_when_the_database_answers(string db)
    {
        var response = await TestApp.For(db).Anonymous().GetAsync("/health");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Health_answers_503_when_the_database_does_not()
    {
        var file = Path.Combine(Path.GetTempPath(), "sws-health-" + Guid.NewGuid().ToString("N") + ".db");
        using var app = new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactory<Program>().WithWebHostBuilder(b =>
        {
            b.UseSetting("Database:Provider", "Sqlite");
            b.UseSetting("ConnectionStrings:Default", $"Data Source={file};Pooling=False");
        });
        var client = app.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health")).StatusCode);
        // The database file disappears and a folder takes its place: nothing can open it any more.
        File.Move(file, file + ".moved");
        Directory.CreateDirectory(file);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await client.GetAsync("/health")).StatusCode);
    }

    [Fact]
    public async Task The_openapi_document_describes_the_api()
    {
        var client = TestApp.For("Sqlite").Anonymous();
        var doc = await client.GetJson("/openapi/v1.json");
        var paths = doc.GetProperty("paths");
        foreach (var path in new[] { "/api/v1/auth/login", "/api/v1/profiles", "/api/v1/profiles/{key}", "/api/v1/regions/{code}", "/api/v1/regions/{code}/children", "/api/v1/stations", "/api/v1/stations/{id}", "/api/v1/stations/{id}/compliance" })
        {
            Assert.True(paths.TryGetProperty(path, out _), path);
        }
        Assert.True(doc.GetProperty("components").GetProperty("securitySchemes").TryGetProperty("Bearer", out _));
        var example = paths.GetProperty("/api/v1/auth/login").GetProperty("post").GetProperty("requestBody")
            .GetProperty("content").GetProperty("application/json").GetProperty("example");
        Assert.Equal("head", example.GetProperty("userName").GetString());
        // The browsable reference is served locally and needs no login.
        var page = await client.GetAsync("/api-docs/index.html");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
    }

    [Fact]
    public async Task Browsers_get_a_chinese_page_and_the_api_gets_problem_json_for_unknown_addresses()
    {
        var client = await TestApp.For("Sqlite").ClientFor("worker");
        var page = await client.GetAsync("/no-such-page");
        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        var html = await page.Content.ReadAsStringAsync();
        // A record outside the scope is 404 too, so the page names both; the server-error reassurance is not shown.
        Assert.Contains("页面或记录不存在，或不在您的管辖范围内", html);
        Assert.DoesNotContain("数据不会因此丢失", html);
        var api = await (await TestApp.For("Sqlite").ClientFor("worker")).GetAsync("/api/v1/no-such-thing");
        Assert.Equal(HttpStatusCode.NotFound, api.StatusCode);
        Assert.Equal("application/problem+json", api.Content.Headers.ContentType?.MediaType);
    }
}
