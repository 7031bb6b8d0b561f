using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SocialWorkStation.Web.Data;
using SocialWorkStation.Web.Features.Accounts;
using SocialWorkStation.Web.Features.Archives;
using SocialWorkStation.Web.Infrastructure;
using SocialWorkStation.Web.Tests.Complaints;
using SocialWorkStation.Web.Tests.Infrastructure;
using SocialWorkStation.Web.Tests.Recipients;

namespace SocialWorkStation.Web.Tests.Archives;

/// <summary>Archives (docs/requirements/books.md §1) through the API, on both databases.</summary>
public sealed class ArchiveApiTests
{
    public static TheoryData<string> Providers => Db.Providers;

    private static string D(DateOnly d) => d.ToString("yyyy-MM-dd");

    [Theory, MemberData(nameof(Providers))]
    public async Task Entries_get_uniform_numbers_and_the_profile_retention(string db)
    {
        var app = TestApp.For(db);
        var station = await RecipientFixtures.HeadStation(app);
        var head = await app.ClientFor("head");
        var region = (await head.GetJson($"/api/v1/stations/{station}")).GetProperty("regionCode").GetString();
        var year = app.Today.Year;
        var a = await ArchiveTestData.Create(head, station, year, "编号一", category: "evaluation");
        var b = await ArchiveTestData.Create(head, station, year, "编号二", category: "evaluation");
        var code = a.GetProperty("code").GetString()!;
        Assert.Matches($"^{region}-PG-{year}-\\d{{4}}$", code);
        Assert.Equal(int.Parse(code[^4..]) + 1, int.Parse(b.GetProperty("code").GetString()![^4..]));
        // Qiongzhong names no retention: the stated platform default of 3 years, to the end of year + 3.
        Assert.Equal(3, a.GetProperty("retentionYears").GetInt32());
        Assert.StartsWith("平台默认", a.GetProperty("retentionSource").GetString());
        Assert.Equal($"{year + 3}-12-31", a.GetProperty("retentionLastDay").GetString());
        Assert.Equal("inStock", a.GetProperty("status").GetString());

        var noPlace = await head.PostJson($"/api/v1/stations/{station}/archives", new { category = "service", year, title = "无位置", carrier = "paper" });
        Assert.Equal(HttpStatusCode.BadRequest, noPlace.StatusCode);
        Assert.Contains("paperLocation", await noPlace.Content.ReadAsStringAsync());
        var tooShort = await head.PostJson($"/api/v1/stations/{station}/archives", new { category = "service", year, title = "期限太短", carrier = "electronic", retentionYears = 2 });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, tooShort.StatusCode);
        Assert.Contains("平台默认", await tooShort.Content.ReadAsStringAsync());
        var future = await head.PostJson($"/api/v1/stations/{station}/archives", new { category = "service", year = year + 1, title = "明年", carrier = "electronic" });
        Assert.Equal(HttpStatusCode.BadRequest, future.StatusCode);

        // Edited with a stale version: 409.
        var id = a.GetProperty("id").GetString();
        Assert.Equal(HttpStatusCode.Conflict, (await head.PutJson($"/api/v1/archives/{id}", new { title = "改", carrier = "electronic", version = 9 })).StatusCode);
        var edited = await (await head.PutJson($"/api/v1/archives/{id}", new { title = "编号一（改）", carrier = "electronic", retentionYears = 10, version = 1 })).ReadJson();
        Assert.Equal(10, edited.GetProperty("retentionYears").GetInt32());
        Assert.StartsWith("站点确定", edited.GetProperty("retentionSource").GetString());
        var listed = await head.GetJson($"/api/v1/stations/{station}/archives?category=evaluation&year={year}&pageSize=500");
        Assert.Contains(listed.GetProperty("items").EnumerateArray(), x => x.GetProperty("title").GetString() == "编号一（改）");
        // The change is audited.
        var audited = await app.WithDb(d => d.AuditEntries.CountAsync(e => e.EntityId == id));
        Assert.True(audited >= 2);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task A_borrowed_file_is_on_time_on_its_due_day_overdue_after_and_returned(string db)
    {
        var app = TestApp.For(db);
        var station = await RecipientFixtures.HeadStation(app);
        var head = await app.ClientFor("head");
        var today = app.Today;
        var a = await ArchiveTestData.Create(head, station, today.Year, "借阅测试");
        var id = a.GetProperty("id").GetString();
        var lent = await (await head.PostJson($"/api/v1/archives/{id}/loans", new { borrower = "县民政局", purpose = "评估查阅", dueOn = D(today), version = 1 })).ReadJson();
        Assert.Equal("onLoan", lent.GetProperty("status").GetString());
        var loan = lent.GetProperty("loans")[0];
        Assert.False(loan.GetProperty("overdue").GetBoolean());
        Assert.Equal(D(today), loan.GetProperty("borrowedOn").GetString());
        // Lent again while out: 422; a due day before the day lent: 400.
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await head.PostJson($"/api/v1/archives/{id}/loans", new { borrower = "又借", purpose = "p", dueOn = D(today), version = 2 })).StatusCode);
        var b = await ArchiveTestData.Create(head, station, today.Year, "逾期测试");
        var bid = b.GetProperty("id").GetString();
        Assert.Equal(HttpStatusCode.BadRequest, (await head.PostJson($"/api/v1/archives/{bid}/loans", new { borrower = "x", purpose = "p", borrowedOn = D(today), dueOn = D(today.AddDays(-1)), version = 1 })).StatusCode);
        var late = await (await head.PostJson($"/api/v1/archives/{bid}/loans", new { borrower = "社工", purpose = "写案例", borrowedOn = D(today.AddDays(-10)), dueOn = D(today.AddDays(-1)), version = 1 })).ReadJson();
        Assert.Equal("overdue", late.GetProperty("status").GetString());
        var overdue = await head.GetJson($"/api/v1/stations/{station}/archives?status=overdue&pageSize=500");
        var overdueIds = overdue.GetProperty("items").EnumerateArray().Select(x => x.GetProperty("id").GetString()).ToList();
        Assert.Contains(bid, overdueIds);
        Assert.DoesNotContain(id, overdueIds);

        // The return: stale version 409, then returned today; the archive is back in stock and can be lent again.
        var loanId = loan.GetProperty("id").GetString();
        Assert.Equal(HttpStatusCode.Conflict, (await head.PostJson($"/api/v1/archives/{id}/loans/{loanId}/return", new { version = 1 })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await head.PostJson($"/api/v1/archives/{id}/loans/{loanId}/return", new { returnedOn = D(today.AddDays(1)), version = 2 })).StatusCode);
        var back = await (await head.PostJson($"/api/v1/archives/{id}/loans/{loanId}/return", new { version = 2 })).ReadJson();
        Assert.Equal("inStock", back.GetProperty("status").GetString());
        Assert.Equal(D(today), back.GetProperty("loans")[0].GetProperty("returnedOn").GetString());
        Assert.Equal("head", back.GetProperty("loans")[0].GetProperty("receivedBy").GetString());
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await head.PostJson($"/api/v1/archives/{id}/loans/{loanId}/return", new { version = 3 })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await head.PostJson($"/api/v1/archives/{id}/loans/{Guid.NewGuid()}/return", new { version = 3 })).StatusCode);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Destruction_is_refused_up_to_the_last_day_of_retention_and_logged_after(string db)
    {
        var app = TestApp.For(db);
        var station = await RecipientFixtures.HeadStation(app);
        var head = await app.ClientFor("head");
        var bureau = await app.ClientFor("bureau");
        var year = app.Today.Year;
        // Kept to 31 December of this year (3 years): refused today, naming the clause.
        var inside = await ArchiveTestData.Create(head, station, year - 3, "未满期");
        var refused = await bureau.PostJson($"/api/v1/archives/{inside.GetProperty("id").GetString()}/destroy", new { approval = "琼民政〔2026〕1号", version = 1 });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        var text = await refused.Content.ReadAsStringAsync();
        Assert.Contains($"至 {year}-12-31 止", text);
        Assert.Contains("平台默认", text);
        // Ended last 31 December: destroyed on approval; the station's staff may not destroy; the entry stays, marked destroyed.
        var ended = await ArchiveTestData.Create(head, station, year - 4, "已满期");
        var id = ended.GetProperty("id").GetString();
        Assert.Equal(HttpStatusCode.Forbidden, (await head.PostJson($"/api/v1/archives/{id}/destroy", new { approval = "x", version = 1 })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await bureau.PostJson($"/api/v1/archives/{id}/destroy", new { version = 1 })).StatusCode);
        var destroyed = await (await bureau.PostJson($"/api/v1/archives/{id}/destroy", new { approval = "琼民政〔2026〕2号", note = "碎纸机销毁，二人监销", version = 1 })).ReadJson();
        Assert.Equal("destroyed", destroyed.GetProperty("status").GetString());
        Assert.Equal("bureau", destroyed.GetProperty("destroyedBy").GetString());
        Assert.Equal(D(app.Today), destroyed.GetProperty("destroyedOn").GetString());
        Assert.Equal("琼民政〔2026〕2号", destroyed.GetProperty("destructionApproval").GetString());
        var log = await head.GetJson($"/api/v1/stations/{station}/archives?status=destroyed&pageSize=500");
        Assert.Contains(log.GetProperty("items").EnumerateArray(), x => x.GetProperty("id").GetString() == id);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await bureau.PostJson($"/api/v1/archives/{id}/destroy", new { approval = "again", version = 2 })).StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await head.PostJson($"/api/v1/archives/{id}/loans", new { borrower = "x", purpose = "p", dueOn = D(app.Today), version = 2 })).StatusCode);
    }

    /// <summary>The exact edge with clocks of the test's own: on 31 December of the last year refused, on 1 January after destroyed.</summary>
    [Theory, MemberData(nameof(Providers))]
    public async Task The_last_day_of_retention_itself_is_refused_and_the_day_after_is_allowed(string db)
    {
        var app = TestApp.For(db);
        var station = await RecipientFixtures.HeadStation(app);
        var (id, loan) = await ArchiveTestData.AddDirect(app, station, year: 2020);
        await app.WithDb(async d => { (await d.Set<ArchiveLoan>().FirstAsync(l => l.Id == loan)).ReturnedOn = app.Today; return await d.SaveChangesAsync(); });
        var bureau = ArchiveTestData.Principal("bureau", Roles.BureauOfficer);
        var lastDay = new DateOnly(2023, 12, 31);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var dbc = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var ex = await Assert.ThrowsAsync<BusinessRuleException>(() => ArchiveUseCases.Destroy(dbc, bureau, TestClock.Create(lastDay), id, new DestroyInput("批准", null, 1), CancellationToken.None));
            Assert.Contains("至 2023-12-31 止（test）", ex.Message);
            Assert.Equal("approval", ex.Field);
        }
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var dbc = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var done = await ArchiveUseCases.Destroy(dbc, bureau, TestClock.Create(lastDay.AddDays(1)), id, new DestroyInput("批准", null, 1), CancellationToken.None);
            Assert.Equal("destroyed", done.Status);
            Assert.Equal("2024-01-01", done.DestroyedOn);
        }
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Another_countys_archives_are_404_and_the_archivist_is_a_station_account(string db)
    {
        var app = TestApp.For(db);
        var ledong = await ComplaintTestData.LedongStation(app);
        var (outside, loan) = await ArchiveTestData.AddDirect(app, ledong);
        var head = await app.ClientFor("head");
        Assert.Equal(HttpStatusCode.NotFound, (await head.GetAsync($"/api/v1/archives/{outside}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await head.GetAsync($"/api/v1/stations/{ledong}/archives")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await head.PostJson($"/api/v1/stations/{ledong}/archives", new { category = "service", year = 2026, title = "t", carrier = "electronic" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await head.PostJson($"/api/v1/archives/{outside}/loans/{loan}/return", new { version = 1 })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await (await app.ClientFor("bureau")).PostJson($"/api/v1/archives/{outside}/destroy", new { approval = "x", version = 1 })).StatusCode);

        // The archivist: an account of this station (the bureau's is refused); once designated, a worker who is not the archivist may not lend.
        var station = await RecipientFixtures.HeadStation(app);
        var current = await head.GetJson($"/api/v1/stations/{station}/archives/archivist");
        var version = current.GetProperty("version").GetInt32();
        Assert.Equal(HttpStatusCode.BadRequest, (await head.PutJson($"/api/v1/stations/{station}/archives/archivist", new { userName = "bureau", version })).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await head.PutJson($"/api/v1/stations/{station}/archives/archivist", new { userName = "head", version = version + 5 })).StatusCode);
        var set = await (await head.PutJson($"/api/v1/stations/{station}/archives/archivist", new { userName = "head", version })).ReadJson();
        Assert.Equal("head", set.GetProperty("userName").GetString());
        Assert.Contains("第二十三条", set.GetProperty("source").GetString());
        var worker = await app.ClientFor("worker");
        var a = await ArchiveTestData.Create(worker, station, app.Today.Year, "社工登记");
        var refused = await worker.PostJson($"/api/v1/archives/{a.GetProperty("id").GetString()}/loans", new { borrower = "x", purpose = "p", dueOn = D(app.Today), version = 1 });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Contains("档案管理员", await refused.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Forbidden, (await worker.PutJson($"/api/v1/stations/{station}/archives/archivist", new { userName = "worker", version = 1 })).StatusCode);
    }
}
