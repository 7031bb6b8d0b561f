using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using SocialWorkStation.Domain.IdNumbers;
using SocialWorkStation.Domain.Platforms;
using SocialWorkStation.Domain.Recipients;
using SocialWorkStation.Domain.Visits;
using SocialWorkStation.Web.Features.Recipients;
using SocialWorkStation.Web.Features.Stations;
using SocialWorkStation.Web.Features.Visits;
using SocialWorkStation.Web.Infrastructure;
using SocialWorkStation.Web.Tests.Infrastructure;
using static SocialWorkStation.Web.Tests.Recipients.RecipientFixtures;

namespace SocialWorkStation.Web.Tests.Visits;

public sealed class DueVisitTests
{
    public static TheoryData<string> Providers => Db.Providers;

    private static DateOnly Today => TestClock.Today;

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

    /// <summary>
    /// The shares per station (counted in SQL, grouped per station) give each station exactly what its own due list
    /// (rules applied one recipient at a time) gives: a station of its own with a village room, so no other test
    /// writes there between the calls, and recipients across every rule, their overlaps, the boundary days, phone
    /// greetings against the home-visit-only rule, never-visited ones and one who moved away.
    /// </summary>
    [Theory, MemberData(nameof(Providers))]
    public async Task The_station_shares_counted_in_SQL_match_each_stations_due_list(string db)
    {
        var app = TestApp.For(db);
        var (station, room) = await NewStationWithRoom(app);
        string[][] categories = [["elderlyAlone"], ["elderlyDisabled"], ["elderlyAlone", "elderlyDisabled"], ["tekunDispersed"], ["dibao"], ["disabled"]];
        RiskLevel[] risks = [RiskLevel.Medium, RiskLevel.High];
        // (registered days ago, home visits days ago, phone greetings days ago)
        (int Registered, int[] Home, int[] Phone)[] histories =
        [
            (40, [], []), (30, [], []), (31, [], []), (14, [], []), (15, [], []), (7, [], []), (8, [], []), (0, [], []),
            (100, [30], []), (100, [31], []), (100, [14], []), (100, [15], []), (100, [7], []), (100, [8], []), (100, [2, 45], []),
            (100, [20], [1]), (100, [], [3]), (100, [], [31]), (100, [40], [10]),
        ];
        var n = 0;
        await app.WithDb(async d =>
        {
            var protector = app.Services.GetRequiredService<RecipientProtector>();
            foreach (var c in categories)
            foreach (var risk in risks)
            foreach (var (registered, home, phone) in histories)
            {
                var r = new Recipient
                {
                    StationId = n++ % 2 == 0 ? station : room, CreatedAt = DateTime.UtcNow, RegisteredOn = Today.AddDays(-registered), RiskLevel = risk,
                    CategoryMask = RecipientCategories.ToMask(c.Select(x => RecipientCategories.FromApi(x)!.Value)),
                    Status = n % 37 == 0 ? RecipientStatus.Moved : RecipientStatus.Active,
                };
                RecipientFields.SetName(r, NewName("逯"));
                RecipientFields.SetIdentity(r, IdNumber.TryParse(NewId(), out _)!, protector);
                d.Recipients.Add(r);
                foreach (var (days, kind) in home.Select(x => (x, VisitKind.HomeVisit)).Concat(phone.Select(x => (x, VisitKind.PhoneGreeting))))
                {
                    d.Visits.Add(new Visit
                    {
                        StationId = r.StationId, Kind = kind, VisitedOn = Today.AddDays(-days), RecordedOn = Today, Domain = "elderlyServices",
                        Findings = "比对", ServiceContent = "比对", CreatedAt = DateTime.UtcNow, Recipients = [new VisitRecipient { RecipientId = r.Id }],
                    });
                }
            }
            return await d.SaveChangesAsync();
        });

        var admin = await app.ClientForProvince();
        var shares = (await admin.GetJson("/api/v1/visits/due/stations")).EnumerateArray().ToDictionary(s => s.GetProperty("stationId").GetString()!);
        var (ofStation, ofRoom) = (shares[station.ToString()], shares[room.ToString()]);
        var stationList = await admin.GetJson($"/api/v1/visits/due?stationId={station}"); // the station with its village room
        var roomList = await admin.GetJson($"/api/v1/visits/due?stationId={room}");

        int Get(JsonElement e, string name) => e.GetProperty(name).GetInt32();
        Assert.Equal(Get(roomList, "scheduled"), Get(ofRoom, "scheduled"));
        Assert.Equal(Get(roomList, "overdueCount"), Get(ofRoom, "overdue"));
        Assert.Equal(Get(roomList, "onTimePercent"), Get(ofRoom, "onTimePercent"));
        Assert.Equal(Get(stationList, "scheduled"), Get(ofStation, "scheduled") + Get(ofRoom, "scheduled"));
        Assert.Equal(Get(stationList, "overdueCount"), Get(ofStation, "overdue") + Get(ofRoom, "overdue"));
        // Not a trivial match: most recipients have a schedule, some are overdue and some are not.
        Assert.InRange(Get(ofStation, "overdue"), 1, Get(ofStation, "scheduled") - 1);
        Assert.InRange(Get(ofRoom, "overdue"), 1, Get(ofRoom, "scheduled") - 1);
        Assert.True(Get(stationList, "scheduled") > n / 2, $"{Get(stationList, "scheduled")} of {n} scheduled");
    }

    /// <summary>
    /// A station of the test's own with one village room under it, on Qiongzhong's schedule but in another county (Baoting),
    /// so no demo account but the administrators sees it and no other test finds it among the demo county's stations.
    /// </summary>
    private static async Task<(Guid Station, Guid Room)> NewStationWithRoom(TestApp app)
    {
        var admin = await app.ClientFor("admin");
        var township = (await admin.GetJson("/api/v1/regions/469029/children"))[0].GetProperty("code").GetString()!;
        var village = (await admin.GetJson($"/api/v1/regions/{township}/children"))[0].GetProperty("code").GetString()!;
        return await app.WithDb(async d =>
        {
            var station = new Platform { Name = "比对用社工站 " + Guid.NewGuid().ToString("N")[..6], Kind = PlatformKind.Station, RegionCode = township, ProfileKey = "hainan-qiongzhong", CreatedAt = DateTime.UtcNow };
            var room = new Platform { Name = "比对用社工室", Kind = PlatformKind.VillageRoom, RegionCode = village, ProfileKey = "hainan-qiongzhong", ParentId = station.Id, CreatedAt = DateTime.UtcNow };
            d.Platforms.AddRange(station, room);
            await d.SaveChangesAsync();
            return (station.Id, room.Id);
        });
    }
}
