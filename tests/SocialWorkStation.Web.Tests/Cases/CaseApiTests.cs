using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using SocialWorkStation.Domain.Cases;
using SocialWorkStation.Web.Data;
using SocialWorkStation.Web.Features.Cases;
using SocialWorkStation.Web.Infrastructure;
using SocialWorkStation.Web.Tests.Infrastructure;
using static SocialWorkStation.Web.Tests.Recipients.RecipientFixtures;

namespace SocialWorkStation.Web.Tests.Cases;

public sealed class CaseApiTests
{
    public static TheoryData<string> Providers => Db.Providers;

    private static string Today => TestClock.Today.ToString("yyyy-MM-dd");

    private static async Task<(HttpClient Worker, string Id)> NewCase(TestApp app, string notes = "案主与儿子关系紧张，曾有轻生念头")
    {
        var worker = await app.ClientFor("worker");
        var recipient = (await Create(worker, Body(NewName("逯"), NewId()))).GetProperty("id").GetString()!;
        var workerId = await Visits.VisitApiTests.HeadWorker(await app.ClientFor("head"));
        var response = await worker.PostJson("/api/v1/cases", new { recipientId = recipient, workerId, needs = new[] { "生活照料", "情绪支持" }, notes });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (worker, (await response.ReadJson()).GetProperty("id").GetString()!);
    }

    private static async Task<JsonElement> Move(HttpClient client, string id, string to, int version, string? referral = null, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var response = await client.PostJson($"/api/v1/cases/{id}/stage", new { to, version, referralOrganisation = referral });
        Assert.True(response.StatusCode == expected, $"{to}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return expected == HttpStatusCode.OK ? await response.ReadJson() : default;
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task A_case_goes_through_every_stage_with_reviews_and_its_services_are_counted_against_five(string db)
    {
        var app = TestApp.For(db);
        var (worker, id) = await NewCase(app);
        var supervisor = await app.ClientFor("supervisor");
        var c = await worker.GetJson($"/api/v1/cases/{id}");
        Assert.Equal("intake", c.GetProperty("stage").GetString());
        Assert.True(c.GetProperty("hasNotes").GetBoolean());
        Assert.DoesNotContain("轻生", c.ToString());

        await Move(worker, id, "plan", 1, expected: HttpStatusCode.UnprocessableEntity); // no skipping
        c = await Move(worker, id, "assessment", 1);
        c = await Move(worker, id, "plan", c.GetProperty("version").GetInt32());
        c = await (await worker.PutJson($"/api/v1/cases/{id}", new { goals = new[] { "每周两次上门照料" }, version = c.GetProperty("version").GetInt32() })).ReadJson();
        await Move(worker, id, "intervention", c.GetProperty("version").GetInt32(), expected: HttpStatusCode.UnprocessableEntity); // plan not reviewed
        Assert.Equal(HttpStatusCode.Forbidden, (await worker.PostJson($"/api/v1/cases/{id}/review", new { what = "plan", version = c.GetProperty("version").GetInt32() })).StatusCode);
        c = await (await supervisor.PostJson($"/api/v1/cases/{id}/review", new { what = "plan", version = c.GetProperty("version").GetInt32() })).ReadJson();
        Assert.NotNull(c.GetProperty("planReviewedBy").GetString());
        c = await Move(worker, id, "intervention", c.GetProperty("version").GetInt32());

        for (var i = 1; i <= 5; i++)
        {
            c = await (await worker.PostJson($"/api/v1/cases/{id}/services", new { on = Today, content = $"第{i}次上门照料" })).ReadJson();
            Assert.Equal(i, c.GetProperty("serviceCount").GetInt32());
            Assert.Equal(5, c.GetProperty("servicesRequired").GetInt32());
            Assert.Equal(i >= 5, c.GetProperty("servicesMet").GetBoolean()); // 4 is short, 5 meets it
        }
        c = await Move(worker, id, "evaluation", c.GetProperty("version").GetInt32());
        await Move(worker, id, "closed", c.GetProperty("version").GetInt32(), expected: HttpStatusCode.UnprocessableEntity); // no evaluation yet
        c = await (await worker.PutJson($"/api/v1/cases/{id}", new { evaluation = "目标基本达成", version = c.GetProperty("version").GetInt32() })).ReadJson();
        await Move(worker, id, "closed", c.GetProperty("version").GetInt32(), expected: HttpStatusCode.UnprocessableEntity); // not reviewed
        c = await (await supervisor.PostJson($"/api/v1/cases/{id}/review", new { what = "evaluation", version = c.GetProperty("version").GetInt32() })).ReadJson();
        c = await Move(worker, id, "closed", c.GetProperty("version").GetInt32());
        Assert.Equal("结案", c.GetProperty("stageLabel").GetString());
        await Move(worker, id, "referred", c.GetProperty("version").GetInt32(), "县民政局", HttpStatusCode.UnprocessableEntity);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task A_case_is_referred_to_a_named_organisation_and_a_stale_edit_is_409(string db)
    {
        var app = TestApp.For(db);
        var (worker, id) = await NewCase(app);
        await Move(worker, id, "referred", 1, "  ", HttpStatusCode.UnprocessableEntity);
        var edited = await (await worker.PutJson($"/api/v1/cases/{id}", new { assessment = "独居，行动不便", version = 1 })).ReadJson();
        Assert.Equal(2, edited.GetProperty("version").GetInt32());
        var stale = await worker.PutJson($"/api/v1/cases/{id}", new { assessment = "旧的", version = 1 });
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Contains("当前版本 2", await stale.Content.ReadAsStringAsync());
        var referred = await Move(worker, id, "referred", 2, "琼中县残疾人联合会");
        Assert.Equal("琼中县残疾人联合会", referred.GetProperty("referredTo").GetString());
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Case_notes_are_stored_encrypted_and_read_only_with_a_reason_that_is_audited(string db)
    {
        var app = TestApp.For(db);
        var (worker, id) = await NewCase(app, "家暴线索，需保密");
        var cipher = await app.WithDb(async d => (await d.Cases.FindAsync(Guid.Parse(id)))!.NotesCipher!);
        Assert.DoesNotContain("家暴", System.Text.Encoding.UTF8.GetString(cipher));

        // No reason, a blank one, or one under four characters: 400 naming the field, and nothing in clear.
        foreach (object body in new object[] { new { }, new { reason = "   " }, new { reason = "看看" } })
        {
            var refused = await worker.PostJson($"/api/v1/cases/{id}/notes", body);
            Assert.DoesNotContain("家暴", await refused.Content.ReadAsStringAsync());
            await refused.AssertValidationProblem("reason");
        }

        var reason = "准备督导会，回顾介入过程 " + Guid.NewGuid().ToString("N")[..6];
        var notes = await worker.PostJson($"/api/v1/cases/{id}/notes", new { reason });
        Assert.Equal(HttpStatusCode.OK, notes.StatusCode);
        Assert.Equal("家暴线索，需保密", (await notes.ReadJson()).GetProperty("notes").GetString());
        var trail = await (await app.ClientFor("auditor")).GetJson("/api/v1/audit?action=reveal&entityType=Case&pageSize=100");
        var entries = trail.GetProperty("items").EnumerateArray().Where(e => e.GetProperty("entityId").GetString() == id).ToList();
        var entry = Assert.Single(entries); // the refused attempts wrote nothing
        Assert.Contains(reason, entry.GetProperty("note").GetString());
        Assert.Equal("worker", entry.GetProperty("userName").GetString());

        // The bureau sees the case but may not read the notes; the old GET is gone (a reason cannot travel in a URL).
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.ClientFor("bureau")).PostJson($"/api/v1/cases/{id}/notes", new { reason })).StatusCode);
        Assert.NotEqual(HttpStatusCode.OK, (await worker.GetAsync($"/api/v1/cases/{id}/notes")).StatusCode);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task A_case_of_another_station_is_404_and_absent_from_lists(string db)
    {
        var app = TestApp.For(db);
        var other = await OtherStation(app);
        var recipient = await AddDirect(app, other, NewName("逯"));
        var id = await AddCaseDirect(app, other, recipient);
        var worker = await app.ClientFor("worker");
        Assert.Equal(HttpStatusCode.NotFound, (await worker.GetAsync($"/api/v1/cases/{id}")).StatusCode);
        Assert.Equal(0, (await worker.GetJson($"/api/v1/cases?recipientId={recipient}")).GetProperty("total").GetInt32());
        Assert.Equal(HttpStatusCode.OK, (await (await app.ClientFor("bureau")).GetAsync($"/api/v1/cases/{id}")).StatusCode);
    }

    public static async Task<Guid> AddCaseDirect(TestApp app, Guid stationId, Guid recipientId)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var worker = new Features.Workers.Worker
        {
            PlatformId = stationId, Name = "矩阵社工", IdNumber = NewId(new DateOnly(1990, 1, 1)), BirthDate = new DateOnly(1990, 1, 1), HireDate = new DateOnly(2025, 1, 1),
        };
        db.Add(worker);
        var c = new Case { StationId = stationId, RecipientId = recipientId, WorkerId = worker.Id, OpenedOn = new DateOnly(2026, 3, 1), Stage = CaseStage.Intake,
            StageSince = new DateOnly(2026, 3, 1), CreatedAt = app.Clock.GetUtcNow().UtcDateTime };
        db.Add(c);
        await db.SaveChangesAsync();
        return c.Id;
    }
}
