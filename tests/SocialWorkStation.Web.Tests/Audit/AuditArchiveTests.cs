using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using SocialWorkStation.Web.Features.Audit;
using SocialWorkStation.Web.Tests.Infrastructure;

namespace SocialWorkStation.Web.Tests.Audit;

/// <summary>
/// The archive step (issue 17 item 6; docs/security.md "Tamper-evident audit"): whole seals older than the online period
/// (at least 180 days) leave the database for files, the chain still verifies, the files verify on their own, and the
/// database refuses to delete anything not archived.
/// </summary>
public sealed class AuditArchiveTests
{
    public static TheoryData<string> Providers => Db.Providers;

    [Theory, MemberData(nameof(Providers))]
    public async Task Seals_older_than_180_days_move_to_files_and_everything_still_verifies(string db)
    {
        using var app = TestApp.Isolated(db);
        var key = app.Services.GetRequiredService<AuditChainKey>();
        await app.ClientFor("head");
        var first = await app.WithDb(d => AuditChain.SealAsync(d, key, app.Clock, TimeSpan.Zero, CancellationToken.None));
        Assert.NotNull(first);
        // A day later: a second run, one day younger.
        app.Clock.Advance(TimeSpan.FromDays(1));
        await app.ClientFor("worker");
        var second = await app.WithDb(d => AuditChain.SealAsync(d, key, app.Clock, TimeSpan.Zero, CancellationToken.None));
        Assert.NotNull(second);
        var newestOfFirst = await app.WithDb(d => d.AuditEntries.Where(e => e.Id <= first!.UpToId).MaxAsync(e => e.At));
        var before = await app.WithDb(d => d.AuditEntries.CountAsync());
        var folder = Path.Combine(Path.GetTempPath(), "sws-audit-archive-" + Guid.NewGuid().ToString("N"));

        Task<AuditArchiving.Result> Archive(DateTime at, int days = 180) => app.WithDb(d =>
            AuditArchiving.ArchiveAsync(d, key, new FakeTimeProvider(new DateTimeOffset(DateTime.SpecifyKind(at, DateTimeKind.Utc))), days, folder, CancellationToken.None));

        // Fewer than 180 days online is refused; an entry exactly 180 days old stays online.
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => Archive(newestOfFirst.AddDays(400), days: 179));
        Assert.Equal(0, (await Archive(newestOfFirst.AddDays(180))).Seals);
        // One tick later the first run is archived; the second (a day younger) is not.
        var result = await Archive(newestOfFirst.AddDays(180).AddTicks(10));
        Assert.Equal(1, result.Seals);
        Assert.Equal(first!.Count, result.Entries);
        Assert.Equal(before - first.Count, await app.WithDb(d => d.AuditEntries.CountAsync()));
        Assert.False(await app.WithDb(d => d.AuditEntries.AnyAsync(e => e.Id <= first.UpToId)));

        var verified = await app.WithDb(d => AuditChain.VerifyAsync(d, key, CancellationToken.None));
        Assert.True(verified.Intact, verified.BrokenAt);
        Assert.Equal(1, verified.Archived);
        Assert.Empty(await app.WithDb(d => AuditArchiving.VerifyFilesAsync(d, key, folder, CancellationToken.None)));

        // A changed archive file is found.
        var file = Path.Combine(folder, result.Files[0]);
        var text = await File.ReadAllTextAsync(file);
        await File.WriteAllTextAsync(file, text.Replace("\"head\"", "\"heaD\""));
        Assert.NotEmpty(await app.WithDb(d => AuditArchiving.VerifyFilesAsync(d, key, folder, CancellationToken.None)));

        // The database still refuses to delete an entry that is not archived…
        var online = await app.WithDb(d => d.AuditEntries.MinAsync(e => e.Id));
        await Assert.ThrowsAnyAsync<Exception>(() => app.WithDb(d => d.AuditEntries.Where(e => e.Id == online).ExecuteDeleteAsync()));
        // …and an archive record forged to make room for a delete does not carry the platform's MAC.
        await app.WithDb(async d =>
        {
            d.Add(new AuditArchive { SealId = second!.Id, FromId = second.FromId, UpToId = second.UpToId, Count = second.Count, File = "forged", FileSha256 = "", Mac = "00" });
            await d.SaveChangesAsync();
            return await d.AuditEntries.Where(e => e.Id == online).ExecuteDeleteAsync();
        });
        var forged = await app.WithDb(d => AuditChain.VerifyAsync(d, key, CancellationToken.None));
        Assert.False(forged.Intact);
        Assert.Contains("归档记录", forged.BrokenAt);
        Directory.Delete(folder, recursive: true);
    }
}
