using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;
using SocialWorkStation.Web.Data;
using SocialWorkStation.Web.Infrastructure;
using SocialWorkStation.Web.Tests.Infrastructure;

namespace SocialWorkStation.Web.Tests.Operations;

/// <summary>Backup and restore (docs/operations.md "Backups"; issue 17 item 16), on both databases.</summary>
public sealed class BackupRestoreTests
{
    public static TheoryData<string> Providers => Db.Providers;

    [Theory, MemberData(nameof(Providers))]
    public async Task A_backup_restores_into_an_empty_database_with_every_record_attachment_and_key(string db)
    {
        using var source = TestApp.Isolated(db);
        // An attachment, so the backup has a file to promise.
        var head = await source.ClientFor("head");
        var activity = (await (await head.PostJson("/api/v1/activities", new { date = "2026-03-01", place = "p", theme = "备份测试", kinds = new[] { "other" }, workers = new[] { "w" }, participantCount = 3 })).ReadJson()).GetProperty("id").GetString()!;
        using var form = new MultipartFormDataContent
        {
            { new StringContent("activity"), "ownerType" }, { new StringContent(activity), "ownerId" },
            { new ByteArrayContent("%PDF-1.4 backup"u8.ToArray()), "file", "签到表.pdf" },
        };
        Assert.True((await head.PostAsync("/api/v1/attachments", form)).IsSuccessStatusCode);

        var folder = Path.Combine(Path.GetTempPath(), "sws-tests", "backup-" + Guid.NewGuid().ToString("N")[..8]);
        var manifest = await Backup.CreateAsync(source.Services, folder, source.Clock, CancellationToken.None);
        Assert.True(manifest.Rows["Recipients"] > 0);
        Assert.True(manifest.Rows["AuditEntries"] > 0);
        Assert.NotEmpty(manifest.Attachments);
        Assert.NotEmpty(manifest.KeyIds);
        // A non-empty folder is refused, so a backup never mixes with another.
        await Assert.ThrowsAsync<InvalidOperationException>(() => Backup.CreateAsync(source.Services, folder, source.Clock, CancellationToken.None));

        // An empty database and an empty attachment folder, configured as an operator would, the platform not started.
        var (connection, drop) = EmptyDatabase(db);
        var attachments = Path.Combine(Path.GetTempPath(), "sws-tests", "restored-" + Guid.NewGuid().ToString("N")[..8]);
        var env = source.Services.GetRequiredService<IHostEnvironment>();
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { ContentRootPath = env.ContentRootPath, EnvironmentName = env.EnvironmentName });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = db, ["ConnectionStrings:Default"] = connection, ["Attachments:Folder"] = attachments,
        });
        WebApp.ConfigureServices(builder);
        await using var target = builder.Build();
        try
        {
            var problems = await Backup.RestoreAsync(target.Services, folder, CancellationToken.None);
            Assert.True(problems.Count == 0, string.Join("\n", problems));
            // Restoring again onto the now full database is refused.
            await Assert.ThrowsAsync<InvalidOperationException>(() => Backup.RestoreAsync(target.Services, folder, CancellationToken.None));
            await using var scope = target.Services.CreateAsyncScope();
            var restored = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            Assert.Equal(manifest.Rows, await Backup.CountRowsAsync(restored, CancellationToken.None));
            Assert.True(await restored.Activities.AnyAsync(a => a.Theme == "备份测试"));
            Assert.All(manifest.Attachments, f => Assert.True(File.Exists(Path.Combine(attachments, f.Path))));
        }
        finally
        {
            drop();
        }
    }

    private static (string Connection, Action Drop) EmptyDatabase(string db)
    {
        if (db == "Sqlite")
        {
            var path = Path.Combine(Path.GetTempPath(), "sws-tests", "restored-" + Guid.NewGuid().ToString("N") + ".db");
            return ($"Data Source={path}", () => { });
        }
        var name = "sws_restore_" + Guid.NewGuid().ToString("N")[..12];
        using (var conn = new NpgsqlConnection(Db.PostgresConnection))
        {
            conn.Open();
            using var cmd = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", conn);
            cmd.ExecuteNonQuery();
        }
        var connection = new NpgsqlConnectionStringBuilder(Db.PostgresConnection) { Database = name }.ToString();
        return (connection, () =>
        {
            NpgsqlConnection.ClearAllPools();
            using var conn = new NpgsqlConnection(Db.PostgresConnection);
            conn.Open();
            using var cmd = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", conn);
            cmd.ExecuteNonQuery();
        });
    }
}
