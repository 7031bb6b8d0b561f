using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using SocialWorkStation.Web.Data;
using SocialWorkStation.Web.Features.Groups;
using SocialWorkStation.Web.Infrastructure;
using SocialWorkStation.Web.Tests.Infrastructure;
using SocialWorkStation.Web.Tests.Services;
using static SocialWorkStation.Web.Tests.Recipients.RecipientFixtures;

namespace SocialWorkStation.Web.Tests.Groups;

public sealed class GroupApiTests
{
    public static TheoryData<string> Providers => Db.Providers;

    private static string Today => TestClock.Today.ToString("yyyy-MM-dd");

    [Theory, MemberData(nameof(Providers))]
    public async Task A_group_counts_at_four_sessions_and_sixteen_participant_times_not_before(string db)
    {
        var app = TestApp.For(db);
        var worker = await app.ClientFor("worker");
        var members = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            members.Add((await Create(worker, Body(NewName("逯"), NewId()))).GetProperty("id").GetString()!);
        }
        var created = await worker.PostJson("/api/v1/groups", new { name = "长者互助小组", purpose = "减少孤独感，建立互助网络", stage = "formation", plannedSessions = 4, memberIds = members });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.ReadJson()).GetProperty("id").GetString();
        JsonElement g = default;
        // Sessions with 4, 4, 4 and 3 present: 4 sessions but 15 participant-times, one short.
        foreach (var present in new[] { 4, 4, 4, 3 })
        {
            g = await (await worker.PostJson($"/api/v1/groups/{id}/sessions", new { heldOn = Today, content = "分享与互动", attendeeIds = members.Take(present) })).ReadJson();
        }
        Assert.Equal(4, g.GetProperty("sessionsHeld").GetInt32());
        Assert.Equal(15, g.GetProperty("participantTimes").GetInt32());
        Assert.False(g.GetProperty("counts").GetBoolean());
        Assert.Equal(16, g.GetProperty("participantTimesRequired").GetInt32());
        g = await (await worker.PostJson($"/api/v1/groups/{id}/sessions", new { heldOn = Today, content = "总结与告别", attendeeIds = members.Take(1) })).ReadJson();
        Assert.Equal(5, g.GetProperty("sessionsHeld").GetInt32());
        Assert.Equal(16, g.GetProperty("participantTimes").GetInt32());
        Assert.True(g.GetProperty("counts").GetBoolean());
        Assert.Equal([1, 2, 3, 4, 5], g.GetProperty("sessions").EnumerateArray().Select(s => s.GetProperty("number").GetInt32()));

        // A session's photo attaches to the session.
        var session = g.GetProperty("sessions")[0].GetProperty("id").GetString()!;
        Assert.Equal(HttpStatusCode.Created, (await ServiceData.Upload(worker, "groupSession", session, ServiceData.Jpeg(300, 200), "第一节.jpg")).StatusCode);
        // Someone not in the group cannot be marked present.
        var outsider = (await Create(worker, Body(NewName("逯"), NewId()))).GetProperty("id").GetString()!;
        await (await worker.PostJson($"/api/v1/groups/{id}/sessions", new { heldOn = Today, content = "x", attendeeIds = new[] { outsider } })).AssertValidationProblem("attendeeIds");
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task A_group_is_edited_with_its_version_a_stale_edit_is_409_and_another_stations_group_is_404(string db)
    {
        var app = TestApp.For(db);
        var worker = await app.ClientFor("worker");
        var g = await (await worker.PostJson("/api/v1/groups", new { name = "亲子小组", purpose = "改善亲子沟通", plannedSessions = 6 })).ReadJson();
        var id = g.GetProperty("id").GetString();
        Assert.Equal("筹备期", g.GetProperty("stageLabel").GetString());
        var edited = await (await worker.PutJson($"/api/v1/groups/{id}", new { name = "亲子沟通小组", purpose = "改善亲子沟通", stage = "maturity", plannedSessions = 6, version = 1 })).ReadJson();
        Assert.Equal("成熟期", edited.GetProperty("stageLabel").GetString());
        var stale = await worker.PutJson($"/api/v1/groups/{id}", new { name = "旧", purpose = "旧", plannedSessions = 6, version = 1 });
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);

        var other = await AddGroupDirect(app, await OtherStation(app));
        Assert.Equal(HttpStatusCode.NotFound, (await worker.GetAsync($"/api/v1/groups/{other}")).StatusCode);
        Assert.DoesNotContain(other.ToString(), (await worker.GetJson("/api/v1/groups?pageSize=200")).ToString());
    }

    public static async Task<Guid> AddGroupDirect(TestApp app, Guid stationId)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var g = new Group { StationId = stationId, Name = "矩阵小组", Purpose = "矩阵", PlannedSessions = 4, StartedOn = new DateOnly(2026, 3, 1), CreatedAt = app.Clock.GetUtcNow().UtcDateTime };
        db.Add(g);
        await db.SaveChangesAsync();
        return g.Id;
    }
}
