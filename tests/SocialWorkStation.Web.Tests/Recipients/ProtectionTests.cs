using System.Text;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Npgsql;
using SocialWorkStation.Domain.IdNumbers;
using SocialWorkStation.Web.Data;
using SocialWorkStation.Web.Features.Audit;
using SocialWorkStation.Web.Features.Recipients;
using SocialWorkStation.Web.Tests.Infrastructure;

namespace SocialWorkStation.Web.Tests.Recipients;

/// <summary>A copy of the database shows no ID number in clear.</summary>
public sealed class ProtectionTests
{
    public static TheoryData<string> Providers => Db.Providers;

    private static async Task<List<string>> DemoIdNumbers(TestApp app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var protector = scope.ServiceProvider.GetRequiredService<RecipientProtector>();
        var rows = await db.Recipients.AsNoTracking().ToListAsync();
        var ids = rows.Select(r => RecipientMapper.IdNumber(r, protector)).Where(i => i.StartsWith("469000", StringComparison.Ordinal)).ToList();
        Assert.True(ids.Count >= 300, $"demo ID numbers: {ids.Count}");
        Assert.All(ids, i => Assert.NotNull(IdNumber.TryParse(i, out _)));
        return ids;
    }

    /// <param name="birthDates">Also look for the birth date (yyyyMMdd): only where no unrelated digits are stored
    /// (the whole file also holds the country's region codes, whose digits contain such runs by chance).</param>
    private static void AssertAbsent(byte[] raw, IEnumerable<string> ids, string where, bool birthDates = false)
    {
        foreach (var id in ids)
        {
            Assert.True(raw.AsSpan().IndexOf(Encoding.UTF8.GetBytes(id)) < 0, $"{where} holds {IdNumber.Mask(id)} in clear");
            Assert.True(raw.AsSpan().IndexOf(Encoding.Unicode.GetBytes(id)) < 0, $"{where} holds {IdNumber.Mask(id)} in clear (UTF-16)");
            Assert.True(raw.AsSpan().IndexOf(Encoding.UTF8.GetBytes(id[6..17])) < 0, $"{where} holds the middle of {IdNumber.Mask(id)} in clear");
            if (birthDates)
            {
                Assert.True(raw.AsSpan().IndexOf(Encoding.UTF8.GetBytes(id[6..14])) < 0, $"{where} holds the birth date of {IdNumber.Mask(id)} in clear");
            }
        }
    }

    [Fact]
    public async Task The_raw_sqlite_file_holds_no_demo_id_number()
    {
        var app = TestApp.For("Sqlite");
        var ids = await DemoIdNumbers(app);
        await app.WithDb(async d => await d.Database.ExecuteSqlRawAsync("PRAGMA wal_checkpoint(TRUNCATE)"));
        var path = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(app.ConnectionString).DataSource;
        byte[] raw;
        await using (var f = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete))
        {
            using var ms = new MemoryStream();
            await f.CopyToAsync(ms);
            raw = ms.ToArray();
        }
        Assert.True(raw.Length > 100_000);
        // The file does hold the names in clear (they are searched), so the check would see an ID if one were there.
        Assert.True(raw.AsSpan().IndexOf(Encoding.UTF8.GetBytes("张三")) >= 0);
        AssertAbsent(raw, ids, "the SQLite file");
    }

    [Fact]
    public async Task The_raw_postgres_table_holds_no_demo_id_number()
    {
        if (Db.PostgresConnection is null)
        {
            return; // PostgreSQL runs in CI and whenever SWS_TEST_POSTGRES is set
        }
        var app = TestApp.For("Postgres");
        var ids = await DemoIdNumbers(app);
        await using var conn = new NpgsqlConnection(app.ConnectionString);
        await conn.OpenAsync();
        // Every column of every row as the table holds it…
        var text = new StringBuilder();
        foreach (var table in new[] { "Recipients", "RecipientGuardians", "RecipientNameKeys", "AuditEntries", "RosterImports" })
        {
            await using var cmd = new NpgsqlCommand($"SELECT t::text FROM \"{table}\" t", conn);
            await using var reader = await cmd.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                text.AppendLine(reader.GetString(0));
            }
        }
        AssertAbsent(Encoding.UTF8.GetBytes(text.ToString()), ids, "the PostgreSQL tables");
        // Birth dates are 8 digits: ciphertexts (bytea as \x… hex) and GUIDs hold such runs by chance, more often as
        // tests add rows, so the birth-date check reads the text without them.
        var readable = System.Text.RegularExpressions.Regex.Replace(text.ToString(), @"\\x[0-9a-f]+|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", "");
        AssertAbsent(Encoding.UTF8.GetBytes(readable), ids, "the PostgreSQL tables", birthDates: true);
        // …and the table's heap file on disk, read by the server itself.
        await using (var checkpoint = new NpgsqlCommand("CHECKPOINT", conn))
        {
            await checkpoint.ExecuteNonQueryAsync();
        }
        await using var file = new NpgsqlCommand("SELECT pg_read_binary_file(pg_relation_filepath('\"Recipients\"'))", conn);
        var heap = (byte[])(await file.ExecuteScalarAsync())!;
        Assert.True(heap.Length > 8192);
        Assert.True(heap.AsSpan().IndexOf(Encoding.UTF8.GetBytes("张三")) >= 0);
        AssertAbsent(heap, ids, "the Recipients heap file");
    }

    [Fact]
    public void A_ciphertext_is_bound_to_its_record_and_field()
    {
        var protector = TestApp.For("Sqlite").Services.GetRequiredService<RecipientProtector>();
        var a = Guid.NewGuid();
        var blob = protector.Encrypt("469000195603011234", Recipient.Context(a, "idNumber"));
        Assert.Equal("469000195603011234", protector.Decrypt(blob, Recipient.Context(a, "idNumber")));
        Assert.ThrowsAny<System.Security.Cryptography.CryptographicException>(() => protector.Decrypt(blob, Recipient.Context(Guid.NewGuid(), "idNumber")));
        Assert.ThrowsAny<System.Security.Cryptography.CryptographicException>(() => protector.Decrypt(blob, Recipient.Context(a, "phone")));
        blob[^1] ^= 1;
        Assert.ThrowsAny<System.Security.Cryptography.CryptographicException>(() => protector.Decrypt(blob, Recipient.Context(a, "idNumber")));
    }

    [Fact]
    public void Keys_that_are_missing_or_not_256_bits_stop_the_start()
    {
        var validation = new RecipientProtectionValidation();
        Assert.True(validation.Validate(null, new RecipientProtectionOptions()).Failed);
        var shortKey = new RecipientProtectionOptions { ActiveKeyId = "a", Keys = { ["a"] = Convert.ToBase64String(new byte[16]) }, IndexKey = Convert.ToBase64String(new byte[32]) };
        Assert.True(validation.Validate(null, shortKey).Failed);
        var wrongActive = new RecipientProtectionOptions { ActiveKeyId = "b", Keys = { ["a"] = Convert.ToBase64String(new byte[32]) }, IndexKey = Convert.ToBase64String(new byte[32]) };
        Assert.True(validation.Validate(null, wrongActive).Failed);
        var good = new RecipientProtectionOptions { ActiveKeyId = "a", Keys = { ["a"] = Convert.ToBase64String(new byte[32]) }, IndexKey = Convert.ToBase64String(new byte[32]) };
        Assert.True(validation.Validate(null, good).Succeeded);
    }

    /// <summary>Rotation on its own app (its own database), so the shared test apps keep their key.</summary>
    [Fact]
    public async Task Rotation_re_encrypts_every_value_under_the_new_key_and_search_still_works()
    {
        var file = Path.Combine(Path.GetTempPath(), "sws-rotate-" + Guid.NewGuid().ToString("N") + ".db");
        var oldKey = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));
        var newKey = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));
        var indexKey = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));
        using var app = new WebApplicationFactory<Program>().WithWebHostBuilder(b =>
        {
            b.UseSetting("Database:Provider", "Sqlite");
            b.UseSetting("ConnectionStrings:Default", $"Data Source={file}");
            b.UseSetting("Demo:Seed", "true");
            b.UseSetting("RecipientProtection:ActiveKeyId", "old");
            b.UseSetting("RecipientProtection:Keys:old", oldKey);
            b.UseSetting("RecipientProtection:IndexKey", indexKey);
        });
        _ = app.Server;
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        Assert.True(app.Services.GetRequiredService<IOptions<RecipientProtectionOptions>>().Value is { UsingDevelopmentKeys: false });
        var before = await db.Recipients.AsNoTracking().Select(r => new { r.Id, r.IdNumberHash }).ToListAsync();
        Assert.All(await db.Recipients.AsNoTracking().Select(r => r.IdNumberCipher).ToListAsync(), c => Assert.Equal("old", RecipientProtector.KeyIdOf(c)));

        // A case with notes encrypted under the old key (case notes share the recipients' keys).
        var oldProtector = scope.ServiceProvider.GetRequiredService<RecipientProtector>();
        var station = await db.Recipients.Select(r => new { r.Id, r.StationId }).FirstAsync();
        var caseRecord = new SocialWorkStation.Web.Features.Cases.Case
        {
            StationId = station.StationId, RecipientId = station.Id, WorkerId = await db.Workers.Select(w => w.Id).FirstAsync(),
            OpenedOn = new DateOnly(2026, 3, 1), StageSince = new DateOnly(2026, 3, 1), CreatedAt = DateTime.UtcNow,
        };
        caseRecord.NotesCipher = oldProtector.Encrypt("个案记录：需保密", SocialWorkStation.Web.Features.Cases.Case.NotesContext(caseRecord.Id));
        db.Add(caseRecord);
        await db.SaveChangesAsync();

        var both = new RecipientProtector(Options.Create(new RecipientProtectionOptions { ActiveKeyId = "new", Keys = { ["old"] = oldKey, ["new"] = newKey }, IndexKey = indexKey }));
        var result = await RotateRecipientKey.Handle(db, both, scope.ServiceProvider.GetRequiredService<AuditLog>(), null, CancellationToken.None);
        Assert.Equal(1, result.CaseNotes);
        Assert.Equal(before.Count, result.Recipients);

        var onlyNew = new RecipientProtector(Options.Create(new RecipientProtectionOptions { ActiveKeyId = "new", Keys = { ["new"] = newKey }, IndexKey = indexKey }));
        var rows = await db.Recipients.AsNoTracking().Include(r => r.Guardians).ToListAsync();
        foreach (var r in rows)
        {
            Assert.Equal("new", RecipientProtector.KeyIdOf(r.IdNumberCipher));
            Assert.Equal(r.IdNumberHash, onlyNew.IdHash(RecipientMapper.IdNumber(r, onlyNew)));
            RecipientMapper.BirthDate(r, onlyNew);
            RecipientMapper.Phone(r, onlyNew);
            RecipientMapper.Sensitive(r, onlyNew);
            Assert.All(r.Guardians, g => RecipientMapper.GuardianPhone(r, g, onlyNew));
        }
        Assert.Equal(before.ToDictionary(b => b.Id, b => b.IdNumberHash), rows.ToDictionary(r => r.Id, r => r.IdNumberHash));
        Assert.True(await db.AuditEntries.AnyAsync(e => e.Action == "rotateKey"));
        var notes = await db.Cases.AsNoTracking().Where(c => c.Id == caseRecord.Id).Select(c => c.NotesCipher!).FirstAsync();
        Assert.Equal("个案记录：需保密", onlyNew.Decrypt(notes, SocialWorkStation.Web.Features.Cases.Case.NotesContext(caseRecord.Id)));

        // Start-up refuses keys that cannot open the stored data (here: only the retired key).
        var onlyOld = new RecipientProtector(Options.Create(new RecipientProtectionOptions { ActiveKeyId = "old", Keys = { ["old"] = oldKey }, IndexKey = indexKey }));
        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => RecipientKeyCheck.EnsureKeysOpenStoredDataAsync(db, onlyOld));
        Assert.Contains("无法用当前配置的密钥解密", refused.Message);
        await RecipientKeyCheck.EnsureKeysOpenStoredDataAsync(db, onlyNew);
    }
}
