using System.Net;
using SocialWorkStation.Web.Tests.Infrastructure;
using SocialWorkStation.Web.Tests.Services;

namespace SocialWorkStation.Web.Tests.Activities;

public sealed class ActivityApiTests
{
    public static TheoryData<string> Providers => Db.Providers;

    private static object NewActivity(string theme, int participants = 25, string date = "2026-03-15", string[]? kinds = null, string? stationId = null) => new
    {
        stationId, date, place = "营根镇文化广场", theme, kinds = kinds ?? new[] { "socialWorkPublicity", "elderlyServices" },
        workers = new[] { "符社工", "黄站长" }, participantCount = participants, content = "社会工作宣传与政策讲解",
    };

    [Theory, MemberData(nameof(Providers))]
    public async Task Record_read_and_correct_an_activity(string db)
    {
        var app = TestApp.For(db);
        var worker = await app.ClientFor("worker");
        var response = await worker.PostJson("/api/v1/activities", NewActivity("社工宣传周·走进营根"));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var created = await response.ReadJson();
        Assert.Equal(await ServiceData.HeadStation(app), created.GetProperty("stationId").GetString());
        Assert.Equal(["socialWorkPublicity", "elderlyServices"], created.GetProperty("kinds").EnumerateArray().Select(k => k.GetString()));
        Assert.Equal(1, created.Version());
        Assert.True(created.GetProperty("countsTowardStandard").GetBoolean());

        var edited = await worker.PutJson($"/api/v1/activities/{created.Id()}", NewActivity("社工宣传周·走进营根", 30, kinds: ["volunteerAdvocacy"]).With(("version", 1)));
        Assert.Equal(HttpStatusCode.OK, edited.StatusCode);
        var now = await edited.ReadJson();
        Assert.Equal(2, now.Version());
        Assert.Equal(30, now.GetProperty("participantCount").GetInt32());
        Assert.Equal(["volunteerAdvocacy"], now.GetProperty("kinds").EnumerateArray().Select(k => k.GetString()));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task A_stale_edit_is_409_and_changes_nothing(string db)
    {
        var worker = await TestApp.For(db).ClientFor("worker");
        var created = await (await worker.PostJson("/api/v1/activities", NewActivity("冲突测试活动"))).ReadJson();
        var first = await worker.PutJson($"/api/v1/activities/{created.Id()}", NewActivity("冲突测试活动", 40).With(("version", 1)));
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var stale = await worker.PutJson($"/api/v1/activities/{created.Id()}", NewActivity("冲突测试活动", 5).With(("version", 1)));
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Equal("application/problem+json", stale.Content.Headers.ContentType?.MediaType);
        var now = await worker.GetJson($"/api/v1/activities/{created.Id()}");
        Assert.Equal(40, now.GetProperty("participantCount").GetInt32());
        Assert.Equal(2, now.Version());
        // A change of the kinds alone still moves the version, so a second stale edit of them is caught.
        var kindsOnly = await worker.PutJson($"/api/v1/activities/{created.Id()}", NewActivity("冲突测试活动", 40, kinds: ["childWelfare"]).With(("version", 2)));
        Assert.Equal(3, (await kindsOnly.ReadJson()).Version());
        Assert.Equal(HttpStatusCode.Conflict, (await worker.PutJson($"/api/v1/activities/{created.Id()}", NewActivity("冲突测试活动", 40).With(("version", 2)))).StatusCode);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Another_station_s_activity_is_404_and_lists_are_filtered(string db)
    {
        var app = TestApp.For(db);
        var other = await ServiceData.OtherCountyStation(app);
        var manager = await app.ClientFor("manager");
        var theirs = await (await manager.PostJson("/api/v1/activities", NewActivity("湾岭镇独有活动X9", stationId: other))).ReadJson();
        var head = await app.ClientFor("head");
        Assert.Equal(HttpStatusCode.NotFound, (await head.GetAsync($"/api/v1/activities/{theirs.Id()}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await head.PutJson($"/api/v1/activities/{theirs.Id()}", NewActivity("x").With(("version", 1)))).StatusCode);
        Assert.Equal(0, (await head.GetJson("/api/v1/activities?q=湾岭镇独有活动X9")).GetProperty("total").GetInt32());
        Assert.Equal(1, (await (await app.ClientFor("bureau")).GetJson("/api/v1/activities?q=湾岭镇独有活动X9")).GetProperty("total").GetInt32());
        // Recording into a station outside the scope is refused by field.
        await (await head.PostJson("/api/v1/activities", NewActivity("越权", stationId: other))).AssertValidationProblem("stationId");
        // The bureau reads but does not record.
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.ClientFor("bureau")).PostJson("/api/v1/activities", NewActivity("局里", stationId: other))).StatusCode);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Bad_input_names_each_field(string db)
    {
        var worker = await TestApp.For(db).ClientFor("worker");
        var response = await worker.PostJson("/api/v1/activities", new { date = "2099-01-01", place = "", theme = "", kinds = new[] { "dance" }, workers = Array.Empty<string>(), participantCount = -1, villageCode = "469027106200" });
        await response.AssertValidationProblem("date");
        var errors = (await response.ReadJson()).GetProperty("errors");
        foreach (var f in new[] { "place", "theme", "kinds", "workers", "participantCount", "villageCode" }) Assert.True(errors.TryGetProperty(f, out _), f);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Ten_participants_count_toward_Qiongzhong_s_standard_and_nine_do_not(string db)
    {
        var app = TestApp.For(db);
        var manager = await app.ClientFor("manager");
        // A fresh station of its own, so the year's count is exactly what this test records.
        var station = await (await (await app.ClientFor("bureau")).PostJson("/api/v1/stations", new { name = "琼中县测试活动计数站", kind = "station", regionCode = "469030106", profileKey = "hainan-qiongzhong" })).ReadJson();
        var ten = await (await manager.PostJson("/api/v1/activities", NewActivity("十人活动", 10, "2025-04-01", ["socialWorkPublicity"], station.Id()))).ReadJson();
        var nine = await (await manager.PostJson("/api/v1/activities", NewActivity("九人活动", 9, "2025-05-01", ["volunteerAdvocacy"], station.Id()))).ReadJson();
        Assert.True(ten.GetProperty("countsTowardStandard").GetBoolean());
        Assert.False(nine.GetProperty("countsTowardStandard").GetBoolean());
        Assert.Contains("乡镇工作", nine.GetProperty("standard").GetProperty("source").GetString());
        await manager.PostJson("/api/v1/activities", NewActivity("下一年的活动", 50, "2026-01-01", ["volunteerAdvocacy"], station.Id()));

        var progress = await manager.GetJson($"/api/v1/activities/progress?stationId={station.Id()}&year=2025");
        Assert.True(progress.GetProperty("tracked").GetBoolean());
        var items = progress.GetProperty("items").EnumerateArray().ToDictionary(i => i.GetProperty("rule").GetString()!);
        Assert.Equal(1, items["activities.count"].GetProperty("done").GetInt32());
        Assert.Equal(3, items["activities.count"].GetProperty("required").GetInt32());
        Assert.False(items["activities.count"].GetProperty("met").GetBoolean());
        Assert.Equal(1, items["activities.kind.socialWorkPublicity"].GetProperty("done").GetInt32());
        Assert.Equal(0, items["activities.kind.volunteerAdvocacy"].GetProperty("done").GetInt32());
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task A_profile_without_the_number_does_not_track_it(string db)
    {
        var app = TestApp.For(db);
        var outside = await ServiceData.OutsideStation(app); // Ledong sets no activity numbers
        var admin = await app.ClientForProvince();
        var progress = await admin.GetJson($"/api/v1/activities/progress?stationId={outside}&year=2026");
        Assert.False(progress.GetProperty("tracked").GetBoolean());
        Assert.Equal(0, progress.GetProperty("items").GetArrayLength());
    }
}
