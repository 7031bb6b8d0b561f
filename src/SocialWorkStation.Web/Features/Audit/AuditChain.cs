using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.Extensions.Options;
using SocialWorkStation.Web.Data;
using SocialWorkStation.Web.Features.Recipients;

namespace SocialWorkStation.Web.Features.Audit;

/// <summary>
/// A seal over a run of audit entries (docs/security.md "Tamper-evident audit"): the hash of every entry's id and MAC
/// from <see cref="FromId"/> to <see cref="UpToId"/>, chained to the previous seal's hash, and MACed itself.
/// Deleting, inserting or changing any sealed entry breaks its seal; changing a seal breaks its MAC or the next link.
/// </summary>
[NotAudited]
public sealed class AuditSeal
{
    public long Id { get; set; }
    public long FromId { get; set; }
    public long UpToId { get; set; }
    public int Count { get; set; }
    /// <summary>The previous seal's <see cref="Hash"/>; empty for the first seal.</summary>
    public string PreviousHash { get; set; } = "";
    public string Hash { get; set; } = "";
    public string Mac { get; set; } = "";
    public DateTime SealedAt { get; set; }
}

public sealed class AuditSealConfiguration : IEntityTypeConfiguration<AuditSeal>
{
    public void Configure(EntityTypeBuilder<AuditSeal> b)
    {
        b.ToTable("AuditSeals");
        b.Property(s => s.PreviousHash).HasMaxLength(64);
        b.Property(s => s.Hash).HasMaxLength(64);
        b.Property(s => s.Mac).HasMaxLength(64);
        // Two nodes sealing at once: the second seal of the same run fails on this index and is dropped.
        b.HasIndex(s => s.FromId).IsUnique();
    }
}

/// <summary>The key of the audit MACs: derived (HKDF-SHA256) from the recipients' blind-index key, so no new secret to keep.</summary>
public sealed class AuditChainKey(IOptions<RecipientProtectionOptions> options)
{
    private readonly Lazy<byte[]> _key = new(() => HKDF.DeriveKey(HashAlgorithmName.SHA256,
        Convert.FromBase64String(options.Value.IndexKey ?? throw new InvalidOperationException("RecipientProtection:IndexKey 未配置")),
        32, info: "sws-audit-chain-v1"u8.ToArray()));

    public string Mac(string text) => Convert.ToHexStringLower(HMACSHA256.HashData(_key.Value, Encoding.UTF8.GetBytes(text)));
}

/// <summary>
/// Tamper evidence for the audit trail. Every entry carries a MAC of its fields made by the platform when it is written
/// (a row forged in the database has none that fits); a sealer chains the settled entries into seals; verification
/// recomputes both and reports the first broken link.
/// </summary>
public static class AuditChain
{
    public static string Canonical(AuditEntry e) => string.Join('\u001f',
        (e.At.Ticks / 10).ToString(CultureInfo.InvariantCulture), e.UserId ?? "", e.UserName, e.Action, e.EntityType, e.EntityId ?? "",
        e.Before ?? "", e.After ?? "", e.Note ?? "", e.IpAddress ?? "");

    private static string SealText(AuditSeal s) => string.Join('\u001f', s.FromId, s.UpToId, s.Count, s.PreviousHash, s.Hash);

    /// <summary>
    /// Seals the entries written more than <paramref name="settle"/> ago that no seal covers yet (so a transaction still
    /// open when the run is cut cannot commit into it later). Returns the new seal, or null when there was nothing to seal.
    /// </summary>
    public static async Task<AuditSeal?> SealAsync(AppDbContext db, AuditChainKey key, TimeProvider clock, TimeSpan settle, CancellationToken ct)
    {
        var last = await db.Set<AuditSeal>().AsNoTracking().OrderByDescending(s => s.UpToId).FirstOrDefaultAsync(ct);
        var after = last?.UpToId ?? 0;
        var cutoff = clock.GetUtcNow().UtcDateTime - settle;
        // The run ends before the first entry that has not settled, so every id in it is final.
        var firstUnsettled = await db.AuditEntries.Where(e => e.Id > after && e.At > cutoff).MinAsync(e => (long?)e.Id, ct);
        var q = db.AuditEntries.AsNoTracking().Where(e => e.Id > after);
        if (firstUnsettled is { } stop) q = q.Where(e => e.Id < stop);
        var run = await q.OrderBy(e => e.Id).Select(e => new { e.Id, e.Mac }).ToListAsync(ct);
        if (run.Count == 0)
        {
            return null;
        }
        var seal = new AuditSeal
        {
            FromId = after + 1, UpToId = run[^1].Id, Count = run.Count, PreviousHash = last?.Hash ?? "",
            SealedAt = clock.GetUtcNow().UtcDateTime,
        };
        seal.Hash = RunHash(seal.PreviousHash, run.Select(r => (r.Id, r.Mac)));
        seal.Mac = key.Mac(SealText(seal));
        db.Add(seal);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Another node sealed the same run first.
            db.Entry(seal).State = EntityState.Detached;
            return null;
        }
        return seal;
    }

    /// <summary>One entry's part of a seal's hash: the same bytes when sealing and when verifying.</summary>
    private static void AppendEntry(IncrementalHash hash, long id, string? mac) => hash.AppendData(Encoding.UTF8.GetBytes($"\u001e{id}\u001f{mac}"));

    public static string RunHash(string previous, IEnumerable<(long Id, string? Mac)> entries)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        sha.AppendData(Encoding.UTF8.GetBytes(previous));
        foreach (var (id, mac) in entries)
        {
            AppendEntry(sha, id, mac);
        }
        return Convert.ToHexStringLower(sha.GetHashAndReset());
    }

    /// <param name="Intact">No broken link found.</param>
    /// <param name="Entries">Entries checked.</param>
    /// <param name="Unsigned">Entries written before the chain existed (no MAC, all before the first signed one).</param>
    /// <param name="Seals">Seals checked.</param>
    /// <param name="Unsealed">Signed entries after the last seal (covered by their MACs only until the next seal).</param>
    /// <param name="BrokenAt">The first broken entry or seal, in words, with its id.</param>
    /// <param name="Archived">Seals whose entries were moved to archive files (checked with `verify-audit &lt;folder&gt;`).</param>
    public sealed record Verification(bool Intact, int Entries, int Unsigned, int Seals, int Unsealed, string? BrokenAt, int Archived = 0);

    /// <summary>Recomputes every entry's MAC and every seal, in id order, and reports the first break.</summary>
    public static async Task<Verification> VerifyAsync(AppDbContext db, AuditChainKey key, CancellationToken ct)
    {
        var (entries, unsigned) = (0, 0);
        var signedSeen = false;
        var seals = await db.Set<AuditSeal>().AsNoTracking().OrderBy(s => s.FromId).ToListAsync(ct);
        var sealIndex = 0;
        var expectedFrom = seals.Count > 0 ? seals[0].FromId : 1;
        var previousHash = "";
        IncrementalHash? running = null;
        var runCount = 0;
        var unsealed = 0;
        var lastSealed = seals.Count > 0 ? seals[^1].UpToId : 0;
        // Archived runs: their entries are gone from the database on purpose; each archive record must carry the platform's MAC.
        var archives = await db.Set<AuditArchive>().AsNoTracking().OrderBy(a => a.FromId).ToListAsync(ct);
        string? broken = archives.FirstOrDefault(a => key.Mac(a.Text()) != a.Mac) is { } forged
            ? $"归档记录 #{forged.Id} 的校验码不符（归档记录被伪造或改动）" : null;
        var sealsById = seals.ToDictionary(s => s.Id);
        var archivedSeals = archives.Where(a => sealsById.TryGetValue(a.SealId, out var s) && s.FromId == a.FromId && s.UpToId == a.UpToId).Select(a => a.SealId).ToHashSet();
        broken ??= archives.FirstOrDefault(a => !archivedSeals.Contains(a.SealId)) is { } orphan ? $"归档记录 #{orphan.Id} 没有对应的封存记录" : null;

        string? CheckSealHead(AuditSeal s)
        {
            if (key.Mac(SealText(s)) != s.Mac) return $"封存记录 #{s.Id} 的校验码不符（封存记录被改动）";
            if (s.PreviousHash != previousHash) return $"封存记录 #{s.Id} 未接上前一段（封存记录被删除或替换）";
            if (s.FromId != expectedFrom) return $"封存记录 #{s.Id} 的起点 {s.FromId} 与上一段的终点不相接";
            return null;
        }

        await foreach (var e in db.AuditEntries.AsNoTracking().OrderBy(x => x.Id).AsAsyncEnumerable().WithCancellation(ct))
        {
            entries++;
            if (e.Id > lastSealed && e.Mac is not null) unsealed++;
            if (e.Mac is null)
            {
                if (signedSeen) { broken ??= $"日志 #{e.Id} 没有校验码（在数据库中插入的伪造记录）"; }
                else unsigned++;
            }
            else
            {
                signedSeen = true;
                if (key.Mac(Canonical(e)) != e.Mac) broken ??= $"日志 #{e.Id} 的内容与校验码不符（记录被改动或伪造）";
            }
            // Seals cover runs of ids; feed the entry into the seal whose run holds it.
            while (sealIndex < seals.Count && e.Id > seals[sealIndex].UpToId)
            {
                broken ??= CloseSeal(seals[sealIndex]);
                sealIndex++;
            }
            if (sealIndex < seals.Count && e.Id >= seals[sealIndex].FromId)
            {
                if (running is null)
                {
                    broken ??= CheckSealHead(seals[sealIndex]);
                    running = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
                    running.AppendData(Encoding.UTF8.GetBytes(seals[sealIndex].PreviousHash));
                }
                AppendEntry(running, e.Id, e.Mac);
                runCount++;
            }
        }
        while (sealIndex < seals.Count)
        {
            broken ??= CloseSeal(seals[sealIndex]);
            sealIndex++;
        }
        return new Verification(broken is null, entries, unsigned, seals.Count, unsealed, broken, archivedSeals.Count);

        string? CloseSeal(AuditSeal s)
        {
            string? result;
            if (running is null)
            {
                // No entry of the run is left: every one of them was deleted.
                result = CheckSealHead(s) ?? (s.Count > 0 && !archivedSeals.Contains(s.Id) ? $"封存记录 #{s.Id} 所封存的日志 #{s.FromId}–#{s.UpToId} 已被删除" : null);
            }
            else
            {
                var hash = Convert.ToHexStringLower(running.GetHashAndReset());
                running.Dispose();
                result = hash != s.Hash || runCount != s.Count
                    ? $"日志 #{s.FromId}–#{s.UpToId} 与封存记录 #{s.Id} 不符（其间有记录被删除、插入或改动）"
                    : null;
            }
            running = null;
            runCount = 0;
            previousHash = s.Hash;
            expectedFrom = s.UpToId + 1;
            return result;
        }
    }
}
