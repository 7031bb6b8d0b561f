using System.Reflection;
using System.Text.Json;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using SocialWorkStation.Web.Infrastructure;

namespace SocialWorkStation.Web.Features.Audit;

/// <summary>
/// Records every create, update and delete in the same transaction as the change itself, and bumps
/// the <c>Version</c> of versioned records so a stale write fails (409). Uses TimeProvider, never the wall clock.
/// </summary>
public sealed class AuditInterceptor(AuditActor actor, TimeProvider clock, AuditChainKey chain) : SaveChangesInterceptor
{
    // Identity's secrets never enter the trail.
    private static readonly HashSet<string> Secret =
    [
        nameof(IdentityUser.PasswordHash), nameof(IdentityUser.SecurityStamp), nameof(IdentityUser.ConcurrencyStamp),
    ];

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Capture(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken ct = default)
    {
        Capture(eventData.Context);
        return ValueTask.FromResult(result);
    }

    private void Capture(DbContext? db)
    {
        if (db is null)
        {
            return;
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var entries = db.ChangeTracker.Entries()
            .Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted)
            .ToList();
        foreach (var e in entries)
        {
            if (e.Entity is AuditEntry)
            {
                if (e.State != EntityState.Added)
                {
                    throw new InvalidOperationException("审计日志只能追加，不能修改或删除");
                }
                continue;
            }
            if (e.Entity is IVersioned && e.State == EntityState.Modified)
            {
                var version = e.Property(nameof(IVersioned.Version));
                version.CurrentValue = (int)version.OriginalValue! + 1;
            }
            if (e.Entity is DataProtectionKey || e.Metadata.ClrType.GetCustomAttribute<NotAuditedAttribute>() is not null)
            {
                continue;
            }
            var (before, after) = Snapshot(e);
            if (e.State == EntityState.Modified && before is null && after is null)
            {
                continue;
            }
            db.Set<AuditEntry>().Add(new AuditEntry
            {
                At = now,
                UserId = actor.UserId,
                UserName = actor.UserName,
                IpAddress = actor.IpAddress,
                Action = e.State switch { EntityState.Added => "create", EntityState.Deleted => "delete", _ => "update" },
                EntityType = e.Metadata.ClrType.Name,
                EntityId = KeyOf(e),
                Before = before,
                After = after,
            });
        }
        // Every entry written now carries its MAC (docs/security.md "Tamper-evident audit"); the time is cut to the
        // microsecond first, as PostgreSQL keeps it, so the MAC still fits after the round trip.
        foreach (var a in db.ChangeTracker.Entries<AuditEntry>().Where(x => x.State == EntityState.Added))
        {
            a.Entity.At = new DateTime(a.Entity.At.Ticks - a.Entity.At.Ticks % 10, DateTimeKind.Utc);
            a.Entity.Mac = chain.Mac(AuditChain.Canonical(a.Entity));
        }
    }

    private static string? KeyOf(EntityEntry e)
    {
        var key = e.Metadata.FindPrimaryKey();
        return key is null ? null : string.Join("/", key.Properties.Select(p => e.Property(p.Name).CurrentValue?.ToString()));
    }

    private static (string? Before, string? After) Snapshot(EntityEntry e)
    {
        var before = new Dictionary<string, object?>();
        var after = new Dictionary<string, object?>();
        foreach (var p in e.Properties)
        {
            var name = p.Metadata.Name;
            if (Secret.Contains(name))
            {
                continue;
            }
            var sensitive = p.Metadata.PropertyInfo?.GetCustomAttribute<SensitiveAttribute>() is not null
                || p.Metadata.FindAnnotation(SensitiveAttribute.Annotation) is not null;
            object? Show(object? v) => sensitive && v is not null ? "***" : v;
            switch (e.State)
            {
                case EntityState.Added:
                    after[name] = Show(p.CurrentValue);
                    break;
                case EntityState.Deleted:
                    before[name] = Show(p.OriginalValue);
                    break;
                case EntityState.Modified when p.IsModified && !Equals(p.OriginalValue, p.CurrentValue):
                    before[name] = Show(p.OriginalValue);
                    after[name] = Show(p.CurrentValue);
                    break;
            }
        }
        return (before.Count == 0 ? null : JsonSerializer.Serialize(before, Json),
                after.Count == 0 ? null : JsonSerializer.Serialize(after, Json));
    }

    private static readonly JsonSerializerOptions Json = new()
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };
}
