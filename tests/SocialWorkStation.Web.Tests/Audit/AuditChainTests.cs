using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SocialWorkStation.Web.Data;
using SocialWorkStation.Web.Features.Audit;
using SocialWorkStation.Web.Tests.Infrastructure;

namespace SocialWorkStation.Web.Tests.Audit;

/// <summary>
/// Tamper evidence (docs/security.md "Tamper-evident audit"; issue 17 item 6): each test tampers with a platform of its
/// own as an intruder with database access would — a forged INSERT, an edit and a delete behind dropped triggers.
/// </summary>
public sealed class AuditChainTests
{
    public static TheoryData<string> Providers => Db.Providers;

    private static async Task<AuditSeal?> Seal(TestApp app) => await app.WithDb(d =>
        AuditChain.SealAsync(d, app.Services.GetRequiredService<AuditChainKey>(), app.Clock, TimeSpan.Zero, CancellationToken.None));

    private static async Task<AuditChain.Verification> Verify(TestApp app) => await app.WithDb(d =>
        AuditChain.VerifyAsync(d, app.Services.GetRequiredService<AuditChainKey>(), CancellationToken.None));

    /// <summary>Runs SQL with the append-only triggers dropped, then puts them back as they were.</summary>
    private static Task BehindTheTriggers(TestApp app, string sql) => app.WithDb(async d =>
    {
        var pg = app.Provider == "Postgres";
        await d.Database.ExecuteSqlRawAsync(pg ? "DROP TRIGGER audit_no_change ON \"AuditEntries\"" : "DROP TRIGGER audit_no_update");
        if (!pg) await d.Database.ExecuteSqlRawAsync("DROP TRIGGER audit_no_delete");
        await d.Database.ExecuteSqlRawAsync(sql);
        if (pg)
        {
            await d.Database.ExecuteSqlRawAsync("CREATE TRIGGER audit_no_change BEFORE UPDATE OR DELETE ON \"AuditEntries\" FOR EACH ROW EXECUTE FUNCTION audit_append_only()");
        }
        else
        {
            await d.Database.ExecuteSqlRawAsync("CREATE TRIGGER audit_no_update BEFORE UPDATE ON AuditEntries BEGIN SELECT RAISE(ABORT, 'audit trail is append-only'); END;");
            await d.Database.ExecuteSqlRawAsync("CREATE TRIGGER audit_no_delete BEFORE DELETE ON AuditEntries BEGIN SELECT RAISE(ABORT, 'audit trail is append-only'); END;");
        }
        return 0;
    });

    [Theory, MemberData(nameof(Providers))]
    public async Task An_intact_trail_verifies_and_a_forged_insert_is_found(string db)
    {
        using var app = TestApp.Isolated(db);
        await app.ClientFor("head");
        var seal = await Seal(app);
        Assert.NotNull(seal);
        Assert.Null(await Seal(app)); // nothing new to seal
        await app.ClientFor("worker"); // a login after the seal: signed, not yet sealed
        var ok = await Verify(app);
        Assert.True(ok.Intact, ok.BrokenAt);
        Assert.Equal(0, ok.Unsigned);
        Assert.Equal(1, ok.Seals);
        Assert.True(ok.Unsealed >= 1);

        // Only the auditor may ask, through the API too.
        var auditor = await app.ClientFor("auditor");
        Assert.True((await (await auditor.PostJson("/api/v1/audit/verify", new { })).ReadJson()).GetProperty("intact").GetBoolean());
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.ClientFor("head")).PostJson("/api/v1/audit/verify", new { })).StatusCode);

        // A row written straight into the table (the triggers allow INSERT) has no MAC that fits.
        await app.WithDb(d => d.Database.ExecuteSqlRawAsync(
            "INSERT INTO \"AuditEntries\" (\"At\", \"UserName\", \"Action\", \"EntityType\", \"Mac\") VALUES ({0}, 'mallory', 'login', 'Account', {1})",
            DateTime.UtcNow, new string('a', 64)));
        var forgedId = await app.WithDb(d => d.AuditEntries.MaxAsync(e => e.Id));
        var broken = await Verify(app);
        Assert.False(broken.Intact);
        Assert.Contains($"#{forgedId}", broken.BrokenAt);
        // The auditor's page says the same.
        var browser = await app.BrowserFor("auditor");
        var page = await browser.PostAsync("/Audit?handler=Verify", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = TestApp.FormToken(await browser.GetStringAsync("/Audit")),
        }));
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains($"校验失败：日志 #{forgedId}", await page.Content.ReadAsStringAsync());
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task An_entry_edited_behind_dropped_triggers_is_found(string db)
    {
        using var app = TestApp.Isolated(db);
        await app.ClientFor("head");
        var target = await app.WithDb(d => d.AuditEntries.Where(e => e.Action == "login").MaxAsync(e => e.Id));
        await BehindTheTriggers(app, $"UPDATE \"AuditEntries\" SET \"UserName\" = 'someone-else' WHERE \"Id\" = {target}");
        var v = await Verify(app);
        Assert.False(v.Intact);
        Assert.Contains($"#{target}", v.BrokenAt);
        Assert.Contains("不符", v.BrokenAt);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task A_sealed_entry_deleted_behind_dropped_triggers_breaks_its_seal(string db)
    {
        using var app = TestApp.Isolated(db);
        await app.ClientFor("head");
        var seal = await Seal(app);
        Assert.NotNull(seal);
        var victim = seal!.UpToId - 1;
        await BehindTheTriggers(app, $"DELETE FROM \"AuditEntries\" WHERE \"Id\" = {victim}");
        var v = await Verify(app);
        Assert.False(v.Intact);
        Assert.Contains($"#{seal.FromId}–#{seal.UpToId}", v.BrokenAt);
    }
}
