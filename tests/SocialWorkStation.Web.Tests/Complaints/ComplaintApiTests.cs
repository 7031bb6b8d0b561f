using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SocialWorkStation.Domain.Calendar;
using SocialWorkStation.Web.Features.Complaints;
using SocialWorkStation.Web.Tests.Infrastructure;
using SocialWorkStation.Web.Tests.Recipients;

namespace SocialWorkStation.Web.Tests.Complaints;

/// <summary>Complaints and suggestions (docs/requirements/public.md §4) through the API, on both databases.</summary>
public sealed class ComplaintApiTests
{
    public static TheoryData<string> Providers => Db.Providers;

    private static async Task<JsonElement> File(HttpClient resident, Guid station, string text, string? name = null, string? phone = null, string kind = "complaint")
    {
        var response = await resident.PostJson("/api/v1/public/complaints", new { stationId = station, kind, text, name, phone });
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await response.ReadJson();
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Tracking_without_an_account_shows_only_status_dates_and_the_answer(string db)
    {
        var app = TestApp.For(db);
        var station = await RecipientFixtures.HeadStation(app);
        var resident = ComplaintTestData.Resident(app);
        var secretText = "周末不开门" + Guid.NewGuid().ToString("N")[..6];
        var filed = await File(resident, station, secretText, "符阿婆", "13907551234");
        var number = filed.GetProperty("trackingNumber").GetString()!;
        Assert.Matches("^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$", number);
        Assert.Equal("社工站", filed.GetProperty("receiver").GetString()); // Qiongzhong names no receiver: the platform default
        Assert.Equal(WorkingCalendar.China.AddWorkingDays(app.Today, 15).Date.ToString("yyyy-MM-dd"), filed.GetProperty("dueOn").GetString());

        var tracked = await (await resident.PostJson("/api/v1/public/complaints/track", new { trackingNumber = number.ToLowerInvariant().Replace("-", " ") })).ReadJson();
        Assert.Equal(["status", "statusText", "receivedOn", "dueOn", "answeredOn", "answer", "satisfaction", "satisfactionText"], tracked.EnumerateObject().Select(p => p.Name).ToArray());
        Assert.Equal("open", tracked.GetProperty("status").GetString());
        var raw = tracked.GetRawText();
        foreach (var secret in new[] { secretText, "符阿婆", "13907551234", station.ToString() })
        {
            Assert.DoesNotContain(secret, raw);
        }
        // Satisfaction before the answer: 422.
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await resident.PostJson("/api/v1/public/complaints/satisfaction", new { trackingNumber = number, satisfaction = "satisfied" })).StatusCode);

        // The station answers; a worker sees the person's contact masked, the head in full.
        var head = await app.ClientFor("head");
        var list = await head.GetJson($"/api/v1/complaints?stationId={station}&status=open&pageSize=200");
        var item = list.GetProperty("items").EnumerateArray().Single(c => c.GetProperty("text").GetString() == secretText);
        var id = item.GetProperty("id").GetString();
        Assert.Equal("13907551234", item.GetProperty("phone").GetString());
        var masked = await (await app.ClientFor("worker")).GetJson($"/api/v1/complaints/{id}");
        Assert.Equal("139****1234", masked.GetProperty("phone").GetString());
        Assert.Equal("符**", masked.GetProperty("name").GetString());
        var version = item.GetProperty("version").GetInt32();
        Assert.Equal(HttpStatusCode.BadRequest, (await head.PostJson($"/api/v1/complaints/{id}/answer", new { answer = "", version })).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await head.PostJson($"/api/v1/complaints/{id}/answer", new { answer = "周六上午开放", version = version + 3 })).StatusCode);
        var answered = await (await head.PostJson($"/api/v1/complaints/{id}/answer", new { answer = "周六上午开放", version })).ReadJson();
        Assert.Equal("answered", answered.GetProperty("status").GetString());

        tracked = await (await resident.PostJson("/api/v1/public/complaints/track", new { trackingNumber = number })).ReadJson();
        Assert.Equal("周六上午开放", tracked.GetProperty("answer").GetString());
        Assert.Equal(app.Today.ToString("yyyy-MM-dd"), tracked.GetProperty("answeredOn").GetString());
        Assert.DoesNotContain("head", tracked.GetRawText()); // who answered is not shown
        var rated = await (await resident.PostJson("/api/v1/public/complaints/satisfaction", new { trackingNumber = number, satisfaction = "basicallySatisfied" })).ReadJson();
        Assert.Equal("基本满意", rated.GetProperty("satisfactionText").GetString());
        var seen = await head.GetJson($"/api/v1/complaints/{id}");
        Assert.Equal("basicallySatisfied", seen.GetProperty("satisfaction").GetString());
        Assert.Equal("本人", seen.GetProperty("satisfactionBy").GetString());
        // The audit trail holds the change, not the person's contact in clear.
        var audit = await app.WithDb(async d => string.Join("\n", await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.ToListAsync(d.AuditEntries.Where(a => a.EntityId == id).Select(a => (a.Before ?? "") + (a.After ?? "")))));
        Assert.NotEmpty(audit);
        Assert.DoesNotContain("13907551234", audit);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task A_wrong_number_is_404(string db)
    {
        var app = TestApp.For(db);
        var resident = ComplaintTestData.Resident(app);
        foreach (var number in new[] { Domain.Complaints.TrackingNumber.New(), "not-a-number", "" })
        {
            var response = await resident.PostJson("/api/v1/public/complaints/track", new { trackingNumber = number });
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        }
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task The_due_day_itself_is_on_time_and_the_day_after_is_overdue(string db)
    {
        var app = TestApp.For(db);
        var head = await app.ClientFor("head");
        var calendar = WorkingCalendar.China;
        // The latest day received whose 15th working day is already past, and the earliest whose 15th working day is today or later.
        var received = app.Today;
        while (calendar.AddWorkingDays(received, 15).Date >= app.Today) received = received.AddDays(-1);
        var late = received;
        var onTime = received.AddDays(1);
        while (calendar.AddWorkingDays(onTime, 15).Date < app.Today) onTime = onTime.AddDays(1);

        async Task<JsonElement> Enter(DateOnly day)
        {
            var response = await head.PostJson("/api/v1/complaints", new { kind = "help", channel = "phone", text = "电话求助" + Guid.NewGuid().ToString("N")[..6], receivedOn = day.ToString("yyyy-MM-dd") });
            Assert.True(response.StatusCode == HttpStatusCode.Created, $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            return await response.ReadJson();
        }
        var a = await Enter(onTime);
        Assert.Equal(calendar.AddWorkingDays(onTime, 15).Date.ToString("yyyy-MM-dd"), a.GetProperty("dueOn").GetString());
        Assert.False(a.GetProperty("overdue").GetBoolean());
        Assert.Matches("^[0-9A-Z-]{19}$", a.GetProperty("trackingNumber").GetString()!);
        var b = await Enter(late);
        Assert.True(b.GetProperty("overdue").GetBoolean());
        Assert.Equal("overdue", b.GetProperty("status").GetString());
        // The overdue one is listed as overdue and on the home page of those who answer; the on-time one is not.
        var overdue = (await head.GetJson("/api/v1/complaints?status=overdue&pageSize=500")).GetProperty("items").EnumerateArray().Select(c => c.GetProperty("id").GetString()).ToList();
        Assert.Contains(b.GetProperty("id").GetString(), overdue);
        Assert.DoesNotContain(a.GetProperty("id").GetString(), overdue);
        // A day in the future cannot be the day received.
        await (await head.PostJson("/api/v1/complaints", new { kind = "help", channel = "phone", text = "x", receivedOn = app.Today.AddDays(1).ToString("yyyy-MM-dd") })).AssertValidationProblem("receivedOn");
        // Answered after the due day: answered, and late.
        var answered = await (await head.PostJson($"/api/v1/complaints/{b.GetProperty("id").GetString()}/answer", new { answer = "已联系", version = b.GetProperty("version").GetInt32() })).ReadJson();
        Assert.Equal("answered", answered.GetProperty("status").GetString());
        Assert.True(answered.GetProperty("overdue").GetBoolean());
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Ledong_routes_to_the_county_bureau_and_another_county_is_404(string db)
    {
        var app = TestApp.For(db);
        var ledong = await ComplaintTestData.LedongStation(app);
        var resident = ComplaintTestData.Resident(app);
        var filed = await File(resident, ledong, "乐东投诉" + Guid.NewGuid().ToString("N")[..6]);
        Assert.Equal("县（市、区）民政局", filed.GetProperty("receiver").GetString());
        var id = (await ComplaintTestData.AddDirect(app, ledong, Domain.Complaints.ComplaintReceiver.CountyBureau)).ToString();
        // The demo county's bureau and station do not see it.
        foreach (var user in new[] { "bureau", "head", "township", "manager" })
        {
            var client = await app.ClientFor(user);
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/v1/complaints/{id}")).StatusCode);
            Assert.DoesNotContain(id, await client.GetStringAsync("/api/v1/complaints?pageSize=500"));
        }
        Assert.Equal(HttpStatusCode.NotFound, (await (await app.ClientFor("bureau")).PostJson($"/api/v1/complaints/{id}/answer", new { answer = "x", version = 1 })).StatusCode);
        // A bureau above Ledong answers it (the receiver it names is the county bureau, Ledong 七（一）).
        var province = await app.ClientForProvince();
        var one = await province.GetJson($"/api/v1/complaints/{id}");
        Assert.Equal("countyBureau", one.GetProperty("receiver").GetString());
        var answered = await province.PostJson($"/api/v1/complaints/{id}/answer", new { answer = "已转县民政局处理", version = one.GetProperty("version").GetInt32() });
        Assert.Equal(HttpStatusCode.OK, answered.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.Anonymous().GetAsync($"/api/v1/complaints/{id}")).StatusCode);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task The_honeypot_is_refused_and_nothing_is_saved(string db)
    {
        var app = TestApp.For(db);
        var station = await RecipientFixtures.HeadStation(app);
        var text = "机器人" + Guid.NewGuid().ToString("N")[..8];
        var response = await ComplaintTestData.Resident(app).PostJson("/api/v1/public/complaints", new { stationId = station, kind = "complaint", text, website = "http://spam.example" });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.False(await app.WithDb(d => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.AnyAsync(d.Set<Complaint>(), c => c.Text == text)));
        // Validation names the field; an unknown station is 404.
        await (await ComplaintTestData.Resident(app).PostJson("/api/v1/public/complaints", new { stationId = station, kind = "rant", text = "x" })).AssertValidationProblem("kind");
        Assert.Equal(HttpStatusCode.NotFound, (await ComplaintTestData.Resident(app).PostJson("/api/v1/public/complaints", new { stationId = Guid.NewGuid(), kind = "complaint", text = "x" })).StatusCode);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task The_form_and_the_look_up_answer_429_past_their_limit_per_address(string db)
    {
        var app = TestApp.For(db);
        var limits = app.Services.GetRequiredService<IOptions<PublicFormOptions>>().Value;
        var station = await RecipientFixtures.HeadStation(app);
        var resident = ComplaintTestData.Resident(app);
        for (var i = 0; i < limits.ComplaintsPerHour; i++)
        {
            Assert.Equal(HttpStatusCode.BadRequest, (await resident.PostJson("/api/v1/public/complaints", new { stationId = station, kind = "complaint", text = "" })).StatusCode);
        }
        var refused = await resident.PostJson("/api/v1/public/complaints", new { stationId = station, kind = "complaint", text = "第六次" });
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Contains("频繁", await refused.Content.ReadAsStringAsync());
        // Another address is not held back.
        await File(ComplaintTestData.Resident(app), station, "另一个地址" + Guid.NewGuid().ToString("N")[..6]);

        var looker = ComplaintTestData.Resident(app);
        for (var i = 0; i < limits.LookupsPerMinute; i++)
        {
            Assert.Equal(HttpStatusCode.NotFound, (await looker.PostJson("/api/v1/public/complaints/track", new { trackingNumber = Domain.Complaints.TrackingNumber.New() })).StatusCode);
        }
        Assert.Equal(HttpStatusCode.TooManyRequests, (await looker.PostJson("/api/v1/public/complaints/track", new { trackingNumber = Domain.Complaints.TrackingNumber.New() })).StatusCode);
        // The tracking page's POST shares the look-up limit; reading the empty page does not count.
        Assert.Equal(HttpStatusCode.OK, (await looker.GetAsync("/public/complaints/track")).StatusCode);
    }

    [Fact]
    public async Task The_writes_are_in_the_OpenAPI_document_with_examples_whose_fields_are_the_requests()
    {
        var doc = await TestApp.For("Sqlite").Anonymous().GetJson("/openapi/v1.json");
        var paths = doc.GetProperty("paths");
        var schemas = doc.GetProperty("components").GetProperty("schemas");
        foreach (var (path, method) in new[]
                 {
                     ("/api/v1/public/complaints", "post"), ("/api/v1/public/complaints/track", "post"), ("/api/v1/public/complaints/satisfaction", "post"),
                     ("/api/v1/complaints", "post"), ("/api/v1/complaints/{id}/answer", "post"), ("/api/v1/complaints/{id}/satisfaction", "put"),
                 })
        {
            var json = paths.GetProperty(path).GetProperty(method).GetProperty("requestBody").GetProperty("content").GetProperty("application/json");
            var schema = json.GetProperty("schema");
            if (schema.TryGetProperty("$ref", out var r)) schema = schemas.GetProperty(r.GetString()!.Split('/')[^1]);
            var fields = schema.GetProperty("properties").EnumerateObject().Select(p => p.Name).ToHashSet();
            Assert.All(json.GetProperty("example").EnumerateObject(), f => Assert.Contains(f.Name, fields));
        }
    }
}
