using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SocialWorkStation.Web.Data;
using SocialWorkStation.Web.Features.Demo;
using SocialWorkStation.Web.Tests.Infrastructure;

namespace SocialWorkStation.Web.Tests.Demo;

/// <summary>
/// README command 1's demo county is a service year in progress on the pinned day (issue 18 "a living demo county"):
/// most stations on pace, the two stations seeded behind show as behind, and every role finds work.
/// </summary>
public sealed class LivingDemoCountyTests
{
    public static TheoryData<string> Providers => Db.Providers;

    [Theory, MemberData(nameof(Providers))]
    public async Task The_demo_county_is_a_year_in_progress_with_work_for_every_role(string db)
    {
        using var app = TestApp.IsolatedLivingYear(db);
        Dictionary<Guid, string> townships;
        using (var scope = app.Services.CreateScope())
        {
            var data = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            townships = await data.Platforms.Where(p => p.RegionCode.StartsWith(DemoSeeder.CountyCode) && p.Kind == SocialWorkStation.Domain.Platforms.PlatformKind.Station)
                .ToDictionaryAsync(p => p.Id, p => p.RegionCode);
        }
        bool Behind(Guid station) => DemoSeeder.BehindStations.Contains(townships[station]);
        // 湾岭镇 keeps its fixed, documented spread (one worker behind) and its recipients have no seeded visits.
        bool Fixed(Guid station) => townships[station] == DemoSeeder.SecondStationTownship;

        var bureau = await app.ClientFor("bureau");
        // Visits: on a station on pace nobody is overdue; on a station behind some are.
        var due = await bureau.GetJson("/api/v1/visits/due/stations");
        var shares = due.EnumerateArray().Where(s => townships.ContainsKey(s.GetProperty("stationId").GetGuid()))
            .ToDictionary(s => s.GetProperty("stationId").GetGuid(), s => s.GetProperty("overdue").GetInt32());
        Assert.Equal(townships.Count, shares.Count);
        foreach (var (station, overdue) in shares.Where(s => !Fixed(s.Key)))
        {
            Assert.True(Behind(station) ? overdue > 0 : overdue == 0, $"{townships[station]}: {overdue} overdue");
        }

        // The standards: stations on pace meet the visit, group and activity standards to date; stations behind do not.
        var progress = await bureau.GetJson("/api/v1/progress");
        static string Status(JsonElement unit, string key) =>
            unit.GetProperty("standards").EnumerateArray().First(s => s.GetProperty("key").GetString() == key).GetProperty("status").GetString()!;
        var onPace = 0;
        foreach (var unit in progress.GetProperty("children").EnumerateArray())
        {
            var station = Guid.Parse(unit.GetProperty("id").GetString()!);
            if (!townships.ContainsKey(station) || Fixed(station))
            {
                continue;
            }
            if (Behind(station))
            {
                Assert.Contains(Status(unit, "activities"), new[] { "behind", "farBehind" });
            }
            else if (new[] { "visits", "groups", "activities" }.All(k => Status(unit, k) is "met" or "onTrack"))
            {
                onPace++;
            }
        }
        Assert.Equal(townships.Count - DemoSeeder.BehindStations.Count - 1, onPace);

        // The supervisor's work: plans waiting for review at the 营根镇 station; cases at every stage.
        var head = await app.ClientFor("head");
        var plans = await head.GetJson("/api/v1/cases?stage=plan");
        Assert.Contains(plans.GetProperty("items").EnumerateArray(), c => c.TryGetProperty("planReviewed", out var r) ? !r.GetBoolean() : true);
        foreach (var stage in new[] { "intake", "assessment", "intervention", "evaluation", "closed", "referred" })
        {
            Assert.True((await head.GetJson($"/api/v1/cases?stage={stage}")).GetProperty("total").GetInt32() > 0, stage);
        }

        // The evaluator has an open round covering the county's stations.
        var rounds = await (await app.ClientFor("evaluator")).GetJson("/api/v1/evaluation-rounds?status=open");
        Assert.True(rounds.GetProperty("total").GetInt32() >= 1);

        // The bureau's money: budgets for every station, spent in part, last month's spending waiting for approval.
        var execution = await bureau.GetJson("/api/v1/budgets/execution");
        var text = execution.GetRawText();
        Assert.Contains("\"rate\"", text);
        var budgets = await bureau.GetJson("/api/v1/budgets");
        Assert.Equal(townships.Count, budgets.GetArrayLength());
        foreach (var budget in budgets.EnumerateArray())
        {
            Assert.InRange(budget.GetProperty("spent").GetDecimal(), 1m, budget.GetProperty("total").GetDecimal() - 1m);
        }
        var spending = await bureau.GetJson($"/api/v1/budgets/{budgets[0].GetProperty("id").GetString()}/spending");
        Assert.Contains(spending.EnumerateArray(), s => s.GetProperty("status").GetString() == "recorded");
        Assert.Contains(spending.EnumerateArray(), s => s.GetProperty("status").GetString() == "approved");

        // Each role's home page opens on its work (issue 18 "a work queue for every role").
        foreach (var (user, heading) in new[]
        {
            ("supervisor", "个案督导"), ("evaluator", "评估评分"), ("bureau", "经费审批"), ("bureau", "服务标准进度提醒"),
            ("township", "评估评分"), ("head", "服务标准进度提醒"), ("worker", "今日"),
        })
        {
            var home = await (await app.BrowserFor(user)).GetStringAsync("/");
            Assert.True(home.Contains(heading, StringComparison.Ordinal), $"{user}'s home page lacks {heading}");
        }
    }
}
