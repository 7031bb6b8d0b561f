using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SocialWorkStation.Web.Data;

namespace SocialWorkStation.Web.Features.Audit;

/// <summary>
/// A sealed run of audit entries moved out of the database into a file (docs/security.md "Tamper-evident audit"):
/// the seal stays online, so the chain still verifies; this record names the file and its SHA-256, MACed like a seal.
/// The database lets an entry be deleted only inside an archived run (the trigger of migration AuditArchive).
/// </summary>
[NotAudited]
public sealed class AuditArchive
{
    public long Id { get; set; }
    public long SealId { get; set; }
    public long FromId { get; set; }
    public long UpToId { get; set; }
    public int Count { get; set; }
    public string File { get; set; } = "";
    public string FileSha256 { get; set; } = "";
    public DateTime ArchivedAt { get; set; }
    public string Mac { get; set; } = "";

    public string Text() => string.Join('\u001f', SealId, FromId, UpToId, Count, File, FileSha256);
}

public sealed class AuditArchiveConfiguration : IEntityTypeConfiguration<AuditArchive>
{
    public void Configure(EntityTypeBuilder<AuditArchive> b)
    {
        b.ToTable("AuditArchives");
        b.Property(a => a.File).HasMaxLength(200);
        b.Property(a => a.FileSha256).HasMaxLength(64);
        b.Property(a => a.Mac).HasMaxLength(64);
        b.HasIndex(a => a.SealId).IsUnique();
        b.HasIndex(a => new { a.FromId, a.UpToId });
    }
}

/// <summary>
/// The archive step of the audit trail: whole seals whose every entry is older than the online period (at least 180
/// days, 等保 2.0 三级 “审计记录保存不少于六个月”) are written to a JSON Lines file — the seal first, then its entries —
/// and only then deleted from the database, one seal per transaction. Verifying an archive folder recomputes every
/// entry's MAC and the seal's hash from the files.
/// </summary>
public static class AuditArchiving
{
    /// <summary>The least online period the platform accepts (six months, as days).</summary>
    public const int MinimumOnlineDays = 180;

    public sealed record Result(int Seals, int Entries, IReadOnlyList<string> Files);

    private static readonly JsonSerializerOptions Json = new() { WriteIndented = false };

    public static async Task<Result> ArchiveAsync(AppDbContext db, AuditChainKey key, TimeProvider clock, int onlineDays, string folder, CancellationToken ct)
    {
        if (onlineDays < MinimumOnlineDays)
        {
            throw new ArgumentOutOfRangeException(nameof(onlineDays), $"审计日志在线保存不少于 {MinimumOnlineDays} 天（Audit:OnlineDays）");
        }
        Directory.CreateDirectory(folder);
        var now = clock.GetUtcNow().UtcDateTime;
        var cutoff = now.AddDays(-onlineDays);
        var archived = await db.Set<AuditArchive>().AsNoTracking().Select(a => a.SealId).ToListAsync(ct);
        var seals = await db.Set<AuditSeal>().AsNoTracking().Where(s => !archived.Contains(s.Id)).OrderBy(s => s.FromId).ToListAsync(ct);
        var files = new List<string>();
        var count = 0;
        foreach (var seal in seals)
        {
            var entries = await db.AuditEntries.AsNoTracking().Where(e => e.Id >= seal.FromId && e.Id <= seal.UpToId).OrderBy(e => e.Id).ToListAsync(ct);
            // Runs are archived in order and whole: the first one holding a recent entry ends the step.
            if (entries.Count == 0 || entries.Any(e => e.At >= cutoff))
            {
                break;
            }
            var name = $"audit-{seal.FromId:D12}-{seal.UpToId:D12}.jsonl";
            var path = Path.Combine(folder, name);
            var bytes = Encode(seal, entries);
            var tmp = path + ".tmp";
            await using (var f = new FileStream(tmp, FileMode.Create, FileAccess.Write, FileShare.None))
            {
                await f.WriteAsync(bytes, ct);
                f.Flush(flushToDisk: true);
            }
            File.Move(tmp, path, overwrite: true);
            var archive = new AuditArchive
            {
                SealId = seal.Id, FromId = seal.FromId, UpToId = seal.UpToId, Count = entries.Count, File = name,
                FileSha256 = Convert.ToHexStringLower(SHA256.HashData(bytes)), ArchivedAt = now,
            };
            archive.Mac = key.Mac(archive.Text());
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            db.Add(archive);
            await db.SaveChangesAsync(ct);
            var deleted = await db.AuditEntries.Where(e => e.Id >= seal.FromId && e.Id <= seal.UpToId).ExecuteDeleteAsync(ct);
            if (deleted != entries.Count)
            {
                throw new InvalidOperationException($"日志 #{seal.FromId}–#{seal.UpToId} 在归档期间发生变化，已回滚");
            }
            await tx.CommitAsync(ct);
            db.ChangeTracker.Clear();
            files.Add(name);
            count += entries.Count;
        }
        return new Result(files.Count, count, files);
    }

    private static byte[] Encode(AuditSeal seal, List<AuditEntry> entries)
    {
        var sb = new StringBuilder();
        sb.Append(JsonSerializer.Serialize(seal, Json)).Append('\n');
        foreach (var e in entries)
        {
            sb.Append(JsonSerializer.Serialize(e, Json)).Append('\n');
        }
        return Encoding.UTF8.GetBytes(sb.ToString());
    }

    /// <summary>Checks each archived run's file in <paramref name="folder"/>: present, its SHA-256, every entry's MAC, the seal's hash. Returns the problems, in words.</summary>
    public static async Task<List<string>> VerifyFilesAsync(AppDbContext db, AuditChainKey key, string folder, CancellationToken ct)
    {
        var problems = new List<string>();
        var seals = await db.Set<AuditSeal>().AsNoTracking().ToDictionaryAsync(s => s.Id, ct);
        foreach (var a in await db.Set<AuditArchive>().AsNoTracking().OrderBy(a => a.FromId).ToListAsync(ct))
        {
            var path = Path.Combine(folder, a.File);
            if (!File.Exists(path))
            {
                problems.Add($"归档文件 {a.File} 不存在");
                continue;
            }
            var bytes = await File.ReadAllBytesAsync(path, ct);
            if (Convert.ToHexStringLower(SHA256.HashData(bytes)) != a.FileSha256)
            {
                problems.Add($"归档文件 {a.File} 的 SHA-256 与归档记录不符（文件被改动）");
                continue;
            }
            var lines = Encoding.UTF8.GetString(bytes).Split('\n', StringSplitOptions.RemoveEmptyEntries);
            var entries = lines.Skip(1).Select(l => JsonSerializer.Deserialize<AuditEntry>(l, Json)!).ToList();
            if (!seals.TryGetValue(a.SealId, out var seal))
            {
                problems.Add($"归档文件 {a.File} 的封存记录 #{a.SealId} 不存在");
                continue;
            }
            if (entries.FirstOrDefault(e => e.Mac is not null && key.Mac(AuditChain.Canonical(e)) != e.Mac) is { } bad)
            {
                problems.Add($"归档文件 {a.File} 中日志 #{bad.Id} 的内容与校验码不符");
            }
            if (entries.Count != seal.Count || AuditChain.RunHash(seal.PreviousHash, entries.Select(e => (e.Id, e.Mac))) != seal.Hash)
            {
                problems.Add($"归档文件 {a.File} 与封存记录 #{seal.Id} 不符");
            }
        }
        return problems;
    }
}
