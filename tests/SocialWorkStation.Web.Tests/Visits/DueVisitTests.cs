using System.Net;
using System.Text.Json;
using SocialWorkStation.Web.Infrastructure;
using SocialWorkStation.Web.Tests.Infrastructure;
using static SocialWorkStation.Web.Tests.Recipients.RecipientFixtures;

namespace SocialWorkStation.Web.Tests.Visits;

public sealed class DueVisitTests
{
    public static TheoryData<string> Providers => Db.Providers;

    private static DateOnly Today => ChinaTime.Today(TimeProvider.System);

    private static JsonElement? Find(JsonElement list, string id) =>
        list.EnumerateArray().Cast<JsonElement?>().FirstOrDefault(i => i!.Value.GetProperty("recipientId").GetString() == id);

    [Theory, MemberData(nameof(Providers))]
    public async Task Due_on_the_last_day_of_the_interval_is_not_overdue_the_day_after_it_is(string db)
    {
        var app = TestApp.For(db);
        var worker = await app.ClientFor("worker");
        var workerId = await VisitApiTests.HeadWorker(await app.ClientFor("head"));
        var station = await HeadStation(app);
        async Task<string> Visited(int daysAgo, string[] categories, string kind = "homeVisit")
        {
            var id = (await Create(worker, Body(NewName("逯"), NewId(), categories: categories))).GetProperty("id").GetString()!;
            var r = await worker.PostJson("/api/v1/visits", VisitApiTests.Body(id, workerId, Today.AddDays(-daysAgo), kind: kind));
            Assert.Equal(HttpStatusCode.Created, r.StatusCode);
            return id;
        }
        // Qiongzhong: the elderly living alone every 30 days (platform interpretation of 定期巡访).
        var onLastDay = await Visited(30, ["elderlyAlone"]);
        var dayAfter = await Visited(31, ["elderlyAlone"]);
        var recent = await Visited(2, ["elderlyAlone"]);
        // The semi-disabled every 14 days, and a phone greeting is not a home visit.
        var disabled = await Visited(15, ["elderlyDisabled"]);
        await worker.PostJson("/api/v1/visits", VisitApiTests.Body(disabled, workerId, Today, kind: "phoneGreeting"));

        var due = await worker.GetJson($"/api/v1/visits/due?stationId={station}");
        var overdue = due.GetProperty("overdue");
        var week = due.GetProperty("dueThisWeek");
        Assert.Null(Find(overdue, onLastDay));
        Assert.Equal(Today.ToString("yyyy-MM-dd"), Find(week, onLastDay)!.Value.GetProperty("dueOn").GetString());
        Assert.Equal(1, Find(overdue, dayAfter)!.Value.GetProperty("daysOverdue").GetInt32());
        Assert.Null(Find(overdue, recent));
        Assert.Null(Find(week, recent));
        Assert.Equal(1, Find(overdue, disabled)!.Value.GetProperty("daysOverdue").GetInt32());
        Assert.Contains("定期巡访", due.GetProperty("source").GetString());
        Assert.DoesNotContain("逯", overdue.ToString().Replace("逯*", "")); // names masked

        var shares = await (await app.ClientFor("bureau")).GetJson("/api/v1/visits/due/stations");
        var mine = shares.EnumerateArray().First(s => s.GetProperty("stationId").GetString() == station.ToString());
        Assert.True(mine.GetProperty("overdue").GetInt32() >= 2);
        Assert.InRange(mine.GetProperty("onTimePercent").GetInt32(), 0, 99);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task A_station_outside_the_scope_is_404(string db)
    {
        var app = TestApp.For(db);
        var worker = await app.ClientFor("worker");
        Assert.Equal(HttpStatusCode.NotFound, (await worker.GetAsync($"/api/v1/visits/due?stationId={await OtherStation(app)}")).StatusCode);
    }
}
