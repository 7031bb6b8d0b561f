using Microsoft.EntityFrameworkCore;
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
    public static async Task<Guid> AddRoundDirect(TestApp app, Guid station, string regionCode, string profileKey, RoundKind kind = RoundKind.MidTerm,
        string parties = "evaluator,bureau,township")
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
            StartsOn = app.Today.AddDays(-30), EndsOn = app.Today.AddDays(30), TreeId = row.Id, Parties = parties, Seed = 42,
            CreatedBy = "test", CreatedAt = DateTime.UtcNow,
            Stations = [new EvaluationRoundStation { StationId = station, StationName = "测试站", RegionCode = regionCode }],
        };
        db.Add(row);
        db.Add(round);
        await db.SaveChangesAsync();
        return round.Id;
    }

    /// <summary>Marks a round closed straight in the database, with a grade for each station (for the rectification tests).</summary>
    public static async Task CloseDirect(TestApp app, Guid roundId, string grade = "合格", decimal composite = 65m)
    {
        await app.WithDb(async d =>
        {
            var round = await d.Set<EvaluationRound>().Include(r => r.Stations).FirstAsync(r => r.Id == roundId);
            round.Status = RoundStatus.Closed;
            round.ClosedAt = DateTime.UtcNow;
            round.ClosedBy = "test";
            round.Version++;
            foreach (var s in round.Stations)
            {
                s.Grade = grade;
                s.Composite = composite;
                s.Rank = 1;
            }
            await d.SaveChangesAsync();
            return true;
        });
    }

    /// <summary>A station head account scoped to one station, made by the security administrator; returns its user name.</summary>
    public static async Task<string> HeadOf(TestApp app, string stationId)
    {
        var admin = await app.ClientFor("security");
        var userName = "hd" + Guid.NewGuid().ToString("N")[..10];
        var response = await admin.PostJson("/api/v1/accounts", new { userName, displayName = "整改站长", password = TestApp.Password, roles = new[] { "StationHead" }, scopeStationId = stationId });
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return userName;
    }

    /// <summary>A closed round of its own with one open rectification item for the station, written straight to the database.</summary>
    public static async Task<Guid> AddRectificationDirect(TestApp app, Guid station, string regionCode, string profileKey)
    {
        var round = await AddRoundDirect(app, station, regionCode, profileKey, RoundKind.Final);
        await CloseDirect(app, round);
        return await app.WithDb(async d =>
        {
            var item = new RectificationItem
            {
                RoundId = round, StationId = station, StationName = "测试站", IndicatorCode = "1.1", IndicatorName = "测试指标", Requirement = "测试整改",
                DueOn = app.Today.AddDays(10), RaisedBy = "test", RaisedAt = DateTime.UtcNow,
            };
            item.Events.Add(new RectificationEvent { Number = 1, Step = RectificationStep.Raised, Text = "测试整改", By = "test", At = DateTime.UtcNow });
            d.Add(item);
            await d.SaveChangesAsync();
            return item.Id;
        });
    }
}
