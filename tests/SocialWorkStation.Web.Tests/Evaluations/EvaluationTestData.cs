using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using SocialWorkStation.Domain.Evaluations;
using SocialWorkStation.Web.Data;
using SocialWorkStation.Web.Features.Evaluations;
using SocialWorkStation.Web.Features.Profiles;
using SocialWorkStation.Web.Tests.Infrastructure;

namespace SocialWorkStation.Web.Tests.Evaluations;

/// <summary>Stations, accounts and rounds of the evaluation tests: each test makes its own, so its results are its own.</summary>
public static class EvaluationTestData
{
    public const string LedongCounty = "469027";

    /// <summary>A new station created by the administrator (Ledong stations are outside every demo account's scope).</summary>
    public static async Task<string> NewStation(TestApp app, string name, string township, string profileKey)
    {
        var admin = await app.ClientFor("admin");
        var response = await admin.PostJson("/api/v1/stations", new { name, kind = "station", regionCode = township, profileKey });
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return (await response.ReadJson()).GetProperty("id").GetString()!;
    }

    /// <summary>An account of a role scoped to a region (a county or a township), made by the administrator; returns its client.</summary>
    public static async Task<HttpClient> Account(TestApp app, string role, string regionCode)
    {
        var admin = await app.ClientFor("security");
        var userName = "ev" + Guid.NewGuid().ToString("N")[..10];
        var response = await admin.PostJson("/api/v1/accounts", new { userName, displayName = "评估测试", password = TestApp.Password, roles = new[] { role }, scopeRegionCode = regionCode });
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await app.ClientFor(userName);
    }

    /// <summary>An account of a role scoped to a region, made by the security administrator; returns its user name (for page tests).</summary>
    public static async Task<string> AccountName(TestApp app, string role, string regionCode)
    {
        var admin = await app.ClientFor("security");
        var userName = "ev" + Guid.NewGuid().ToString("N")[..10];
        var response = await admin.PostJson("/api/v1/accounts", new { userName, displayName = "评估页面", password = TestApp.Password, roles = new[] { role }, scopeRegionCode = regionCode });
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return userName;
    }

    /// <summary>An open round written straight to the database, with the profile's default tree, dates around the pinned day.</summary>
    public static async Task<Guid> AddRoundDirect(TestApp app, Guid station, string regionCode, string profileKey, RoundKind kind = RoundKind.MidTerm)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var profile = scope.ServiceProvider.GetRequiredService<ProfileCatalog>().Find(profileKey)!;
        var tree = profile.Evaluation!.DefaultTree;
        var row = new EvaluationTree
        {
            CountyCode = regionCode[..6], ProfileKey = profileKey, Name = tree.Name + " " + Guid.NewGuid().ToString("N")[..6], Total = tree.Total, Source = tree.Source,
            IndicatorsJson = EvaluationTree.Serialize(tree), IsDefault = true, CreatedBy = "test", CreatedAt = DateTime.UtcNow,
        };
        var round = new EvaluationRound
        {
            CountyCode = regionCode[..6], ProfileKey = profileKey, Kind = kind, ServiceYear = app.Today.Year, Title = "测试评估",
            StartsOn = app.Today.AddDays(-30), EndsOn = app.Today.AddDays(30), TreeId = row.Id, Parties = "evaluator,bureau,township", Seed = 42,
            CreatedBy = "test", CreatedAt = DateTime.UtcNow,
            Stations = [new EvaluationRoundStation { StationId = station, StationName = "测试站", RegionCode = regionCode }],
        };
        db.Add(row);
        db.Add(round);
        await db.SaveChangesAsync();
        return round.Id;
    }

}
