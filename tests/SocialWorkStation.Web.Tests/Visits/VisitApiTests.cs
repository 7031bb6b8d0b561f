using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using MiniExcelLibs;
using SocialWorkStation.Domain.Names;
using SocialWorkStation.Domain.Visits;
using SocialWorkStation.Web.Data;
using SocialWorkStation.Web.Features.Visits;
using SocialWorkStation.Web.Infrastructure;
using SocialWorkStation.Web.Tests.Infrastructure;
using static SocialWorkStation.Web.Tests.Recipients.RecipientFixtures;

namespace SocialWorkStation.Web.Tests.Visits;

public sealed class VisitApiTests
{
    public static TheoryData<string> Providers => Db.Providers;

    private static DateOnly Today => TestClock.Today;

    public static async Task<string> HeadWorker(HttpClient client) =>
        (await client.GetJson("/api/v1/workers")).GetProperty("items")[0].GetProperty("id").GetString()!;

    public static object Body(string recipientId, string workerId, DateOnly? visitedOn = null, Guid? key = null, int? version = null,
        string kind = "homeVisit", string findings = "老人独居，屋顶漏雨") => new
    {
        kind, visitedOn = (visitedOn ?? Today).ToString("yyyy-MM-dd"), recipientIds = new[] { recipientId }, workerIds = new[] { workerId },
        place = "家中", domain = "elderlyServices", findings, serviceContent = "联系村委会维修，讲解临时救助申请",
        followUpNeeded = true, followUp = "两周后回访维修情况", latitude = 19.03, longitude = 109.84, idempotencyKey = key, version,
    };

    private static async Task<(HttpClient Worker, string Recipient, string RecipientName, string WorkerId)> Setup(TestApp app)
    {
        var worker = await app.ClientFor("worker");
        var name = NewName("逯");
        var recipient = (await Create(worker, Recipients.RecipientFixtures.Body(name, NewId(), categories: ["elderlyAlone", "dibao"]))).GetProperty("id").GetString()!;
        return (worker, recipient, name, await HeadWorker(await app.ClientFor("head")));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task A_worker_records_reads_and_edits_a_visit_and_a_stale_edit_is_refused(string db)
    {
        var app = TestApp.For(db);
        var (worker, recipient, name, workerId) = await Setup(app);
        var response = await worker.PostJson("/api/v1/visits", Body(recipient, workerId));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var created = await response.ReadJson();
        var id = created.GetProperty("id").GetString();
        Assert.Equal("入户走访", created.GetProperty("kindLabel").GetString());
        Assert.Equal(Masking.Name(name), created.GetProperty("recipients")[0].GetProperty("name").GetString());
        Assert.DoesNotContain(name, created.ToString());
        Assert.False(created.GetProperty("backFilled").GetBoolean());
        Assert.Equal(1, created.GetProperty("version").GetInt32());

        var edited = await (await worker.PutJson($"/api/v1/visits/{id}", Body(recipient, workerId, version: 1, kind: "phoneGreeting", findings: "已修好"))).ReadJson();
        Assert.Equal("phoneGreeting", edited.GetProperty("kind").GetString());
        Assert.Equal("已修好", edited.GetProperty("findings").GetString());
        Assert.Equal(2, edited.GetProperty("version").GetInt32());

        var stale = await worker.PutJson($"/api/v1/visits/{id}", Body(recipient, workerId, version: 1));
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        var problem = await stale.Content.ReadAsStringAsync();
        Assert.Contains("当前版本 2", problem);
        Assert.Contains("您提交的版本 1", problem);

        var list = await worker.GetJson($"/api/v1/visits?recipientId={recipient}");
        Assert.Equal(1, list.GetProperty("total").GetInt32());
        var byWorker = await worker.GetJson($"/api/v1/visits?workerId={workerId}&from={Today:yyyy-MM-dd}&pageSize=500");
        Assert.Contains(byWorker.GetProperty("items").EnumerateArray(), v => v.GetProperty("id").GetString() == id);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task A_record_sent_again_with_the_same_key_is_stored_once_and_answered_with_the_first(string db)
    {
        var app = TestApp.For(db);
        var (worker, recipient, _, workerId) = await Setup(app);
        var key = Guid.NewGuid();
        var first = await worker.PostJson("/api/v1/visits", Body(recipient, workerId, key: key));
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        var again = await worker.PostJson("/api/v1/visits", Body(recipient, workerId, key: key));
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal((await first.ReadJson()).GetProperty("id").GetString(), (await again.ReadJson()).GetProperty("id").GetString());
        // Several at once (a queue flushed twice by two tabs): still one row.
        var key2 = Guid.NewGuid();
        var burst = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => worker.PostJson("/api/v1/visits", Body(recipient, workerId, key: key2))));
        Assert.All(burst, r => Assert.True(r.StatusCode is HttpStatusCode.Created or HttpStatusCode.OK, r.StatusCode.ToString()));
        Assert.Single(burst, r => r.StatusCode == HttpStatusCode.Created);
        var count = await app.WithDb(d => Task.FromResult(d.Visits.Count(v => v.IdempotencyKey == key || v.IdempotencyKey == key2)));
        Assert.Equal(2, count);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task A_visit_recorded_eight_days_later_is_back_filled_seven_days_is_not(string db)
    {
        var app = TestApp.For(db);
        var (worker, recipient, _, workerId) = await Setup(app);
        var seven = await (await worker.PostJson("/api/v1/visits", Body(recipient, workerId, Today.AddDays(-VisitRules.BackFillDays)))).ReadJson();
        Assert.False(seven.GetProperty("backFilled").GetBoolean());
        var eight = await (await worker.PostJson("/api/v1/visits", Body(recipient, workerId, Today.AddDays(-VisitRules.BackFillDays - 1)))).ReadJson();
        Assert.True(eight.GetProperty("backFilled").GetBoolean());
        var future = await worker.PostJson("/api/v1/visits", Body(recipient, workerId, Today.AddDays(1)));
        await future.AssertValidationProblem("visitedOn");
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Missing_fields_and_recipients_or_workers_of_another_station_are_named(string db)
    {
        var app = TestApp.For(db);
        var worker = await app.ClientFor("worker");
        var empty = await worker.PostJson("/api/v1/visits", new { });
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        var text = await empty.Content.ReadAsStringAsync();
        foreach (var field in new[] { "kind", "visitedOn", "domain", "findings", "serviceContent", "recipientIds", "workerIds" })
        {
            Assert.Contains($"\"{field}\"", text);
        }
        var outsider = await AddDirect(app, await OtherStation(app), NewName("逯"));
        var response = await worker.PostJson("/api/v1/visits", Body(outsider.ToString(), await HeadWorker(await app.ClientFor("head"))));
        await response.AssertValidationProblem("recipientIds");
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task A_visit_of_another_station_is_404_and_absent_from_lists(string db)
    {
        var app = TestApp.For(db);
        var other = await OtherStation(app);
        var outsider = await AddDirect(app, other, NewName("逯"));
        var visitId = await AddVisitDirect(app, other, outsider);
        var worker = await app.ClientFor("worker");
        Assert.Equal(HttpStatusCode.NotFound, (await worker.GetAsync($"/api/v1/visits/{visitId}")).StatusCode);
        var list = await worker.GetJson($"/api/v1/visits?recipientId={outsider}");
        Assert.Equal(0, list.GetProperty("total").GetInt32());
        var put = await worker.PutJson($"/api/v1/visits/{visitId}", new { version = 1 });
        Assert.Equal(HttpStatusCode.NotFound, put.StatusCode);
        // The county bureau sees both stations.
        var bureau = await app.ClientFor("bureau");
        Assert.Equal(HttpStatusCode.OK, (await bureau.GetAsync($"/api/v1/visits/{visitId}")).StatusCode);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task The_ledger_exports_the_bureau_columns_masked_and_the_export_is_audited(string db)
    {
        var app = TestApp.For(db);
        var (worker, recipient, name, workerId) = await Setup(app);
        await worker.PostJson("/api/v1/visits", Body(recipient, workerId, findings: "=cmd|' /C calc'!A0"));
        var response = await worker.GetAsync($"/api/v1/visits/ledger/export?recipientId={recipient}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(ExportVisitLedger.ContentType, response.Content.Headers.ContentType?.MediaType);
        using var stream = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
        var rows = stream.Query(useHeaderRow: true, excelType: ExcelType.XLSX).Cast<IDictionary<string, object?>>().ToList();
        Assert.Equal(ExportVisitLedger.Columns, rows[0].Keys.ToArray());
        var row = Assert.Single(rows);
        Assert.Equal(Masking.Name(name), row["走访对象"]?.ToString());
        Assert.Contains("独居老人", row["对象类别"]?.ToString());
        Assert.Equal("入户走访", row["走访方式"]?.ToString());
        Assert.StartsWith("'=", row["发现问题"]?.ToString());
        Assert.Equal("两周后回访维修情况", row["跟进事项"]?.ToString());
        var trail = await (await app.ClientFor("auditor")).GetJson("/api/v1/audit?action=export&entityType=Visit&pageSize=5");
        Assert.Contains("走访台账", trail.ToString());
    }

    public static async Task<Guid> AddVisitDirect(TestApp app, Guid stationId, Guid recipientId)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var v = new Visit
        {
            StationId = stationId, Kind = VisitKind.HomeVisit, VisitedOn = new DateOnly(2026, 3, 1), RecordedOn = new DateOnly(2026, 3, 1),
            Domain = "elderlyServices", Findings = "矩阵", ServiceContent = "矩阵", CreatedAt = DateTime.UtcNow,
            Recipients = [new VisitRecipient { RecipientId = recipientId }],
        };
        db.Visits.Add(v);
        await db.SaveChangesAsync();
        return v.Id;
    }
}
