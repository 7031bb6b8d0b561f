using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace SocialWorkStation.Web.Features.Audit;

/// <summary>
/// One line of the append-only audit trail (等保 2.0: every user's actions, kept at least 6 months,
/// protected from change). No page or endpoint writes it except through the save interceptor and
/// <see cref="AuditLog"/>; database triggers refuse UPDATE and DELETE on both providers.
/// </summary>
public sealed class AuditEntry
{
    public long Id { get; set; }
    public DateTime At { get; set; }
    public string? UserId { get; set; }
    public string UserName { get; set; } = "";
    /// <summary>create, update, delete, read, reveal, export, login, loginFailed, import …</summary>
    public string Action { get; set; } = "";
    public string EntityType { get; set; } = "";
    public string? EntityId { get; set; }
    /// <summary>Values before the change, as JSON of the changed fields (sensitive fields masked).</summary>
    public string? Before { get; set; }
    /// <summary>Values after the change, as JSON.</summary>
    public string? After { get; set; }
    /// <summary>Why (a reveal's reason) or a summary (an import's counts).</summary>
    public string? Note { get; set; }
    public string? IpAddress { get; set; }
    /// <summary>HMAC of the fields above made when the platform wrote the entry (<see cref="AuditChain"/>); null only before the chain existed.</summary>
    public string? Mac { get; set; }
}

public sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> b)
    {
        b.ToTable("AuditEntries");
        b.Property(e => e.UserName).HasMaxLength(256);
        b.Property(e => e.Action).HasMaxLength(32);
        b.Property(e => e.EntityType).HasMaxLength(64);
        b.Property(e => e.EntityId).HasMaxLength(200);
        b.Property(e => e.IpAddress).HasMaxLength(64);
        b.Property(e => e.Mac).HasMaxLength(64);
        b.HasIndex(e => e.At);
        b.HasIndex(e => new { e.EntityType, e.EntityId });
        b.HasIndex(e => e.UserId);
    }
}

/// <summary>Marks an entity whose rows are reference data imported in bulk and audited as one summary entry.</summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class NotAuditedAttribute : Attribute;

/// <summary>Marks a property whose value never enters the audit trail in clear (it is written as "***").</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class SensitiveAttribute : Attribute
{
    /// <summary>The model annotation that marks a property without a CLR member (a shadow property) as sensitive.</summary>
    public const string Annotation = "Sws:Sensitive";
}
