using System.Net;
using Microsoft.EntityFrameworkCore;
using SocialWorkStation.Web.Features.Audit;
using SocialWorkStation.Web.Tests.Infrastructure;

namespace SocialWorkStation.Web.Tests.Audit;

public sealed class AuditTrailTests
{
    public static TheoryData<string> Providers => Db.Providers;

    [Theory, MemberData(nameof(Providers))]
    public async Task An_update_records_who_when_and_the_values_before_and_after(string db)
    {
        var app = TestApp.For(db);
        var bureau = await app.ClientFor("bureau");
        var created = await (await bureau.PostJson("/api/v1/stations", new { name = "琼中县中平镇社会工作服务站", kind = "station", regionCode = "469030106", profileKey = "hainan-qiongzhong", floorArea = 40 })).ReadJson();
        var id = created.GetProperty("id").GetString()!;
        var put = await bureau.PutJson($"/api/v1/stations/{id}", new { name = "琼中县中平镇社会工作服务站", kind = "station", regionCode = "469030106", profileKey = "hainan-qiongzhong", floorArea = 48, version = 1 });
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);

        var auditor = await app.ClientFor("auditor");
        var trail = await auditor.GetJson($"/api/v1/audit?entityType=Platform&entityId={id}");
        var entries = trail.GetProperty("items").EnumerateArray().ToList();
        var update = entries.Single(e => e.GetProperty("action").GetString() == "update");
        Assert.Equal("bureau", update.GetProperty("userName").GetString());
        Assert.Contains("40", update.GetProperty("before").GetString());
        Assert.Contains("48", update.GetProperty("after").GetString());
        Assert.Contains(entries, e => e.GetProperty("action").GetString() == "create");

        // Only the audit role reads the trail.
        Assert.Equal(HttpStatusCode.Forbidden, (await bureau.GetAsync("/api/v1/audit")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.ClientFor("admin")).GetAsync("/api/v1/audit")).StatusCode);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Logins_and_failed_logins_are_audited_without_passwords(string db)
    {
        var app = TestApp.For(db);
        await app.Anonymous().PostJson("/api/v1/auth/login", new { userName = "supervisor", password = "Secret#Wrong99" });
        var auditor = await app.ClientFor("auditor");
        var trail = await auditor.GetJson("/api/v1/audit?action=loginFailed&user=supervisor");
        Assert.True(trail.GetProperty("total").GetInt32() >= 1);
        var all = await app.WithDb(d => d.AuditEntries.AsNoTracking().ToListAsync());
        Assert.DoesNotContain(all, e => (e.Before + e.After + e.Note).Contains("Secret#Wrong99"));
        Assert.DoesNotContain(all, e => (e.Before + e.After).Contains("PasswordHash"));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task The_database_refuses_to_change_or_delete_audit_entries(string db)
    {
        var app = TestApp.For(db);
        await app.ClientFor("bureau");
        var table = app.Provider == "Postgres" ? "\"AuditEntries\"" : "AuditEntries";
        var update = "UPDATE " + table + " SET " + Col(app, "Note") + " = 'x'";
        var delete = "DELETE FROM " + table;
        await Assert.ThrowsAnyAsync<Exception>(() => app.WithDb(d => d.Database.ExecuteSqlRawAsync(update)));
        await Assert.ThrowsAnyAsync<Exception>(() => app.WithDb(d => d.Database.ExecuteSqlRawAsync(delete)));
        // And through EF the interceptor refuses before the database is asked.
        await Assert.ThrowsAsync<InvalidOperationException>(() => app.WithDb(async d =>
        {
            var entry = await d.AuditEntries.FirstAsync();
            entry.Note = "tampered";
            return await d.SaveChangesAsync();
        }));
        Assert.True(await app.WithDb(d => d.AuditEntries.AnyAsync()));
    }

    private static string Col(TestApp app, string name) => app.Provider == "Postgres" ? $"\"{name}\"" : name;
}
