using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SocialWorkStation.Domain.IdNumbers;
using SocialWorkStation.Domain.Recipients;
using SocialWorkStation.Web.Features.Accounts;
using SocialWorkStation.Web.Features.Audit;
using SocialWorkStation.Web.Features.Stations;
using SocialWorkStation.Web.Infrastructure;

namespace SocialWorkStation.Web.Features.Recipients;

/// <summary>
/// A service recipient (服务对象), registered with one station. Never a platform user. The ID number,
/// birth date, phone and the sensitive details (health, disability, income, case notes) are stored only
/// as AES-GCM ciphertexts (<see cref="RecipientProtector"/>); the ID number is found through keyed
/// hashes, the name through its precomputed pinyin keys.
/// </summary>
public sealed class Recipient : IVersioned, IStationRecord
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid StationId { get; set; }
    public Platform? Station { get; set; }
    public Guid? HouseholdId { get; set; }
    public HouseholdRelation Relation { get; set; }
    public string Name { get; set; } = "";
    public Sex Sex { get; set; }
    /// <summary>In clear for age filters; the full date is encrypted (with the ID tail it would give away the ID number).</summary>
    public int BirthYear { get; set; }
    [Sensitive] public byte[] BirthDateCipher { get; set; } = [];
    [Sensitive] public byte[] IdNumberCipher { get; set; } = [];
    /// <summary>HMAC-SHA256 of the normalised ID number (base64): exact look-up and duplicates across stations.</summary>
    [Sensitive] public string IdNumberHash { get; set; } = "";
    /// <summary>HMAC-SHA256 of the last four characters (base64): the "last digits" search.</summary>
    [Sensitive] public string IdTailHash { get; set; } = "";
    [Sensitive] public byte[]? PhoneCipher { get; set; }
    public string? Address { get; set; }
    public string? VillageCode { get; set; }
    /// <summary>The categories as bits (<see cref="RecipientCategories.ToMask"/>): one recipient has several.</summary>
    public long CategoryMask { get; set; }
    public RiskLevel RiskLevel { get; set; }
    /// <summary>The resident social worker responsible (docs/requirements/api.md workerId), from the worker register.</summary>
    public Guid? WorkerId { get; set; }
    public RecipientStatus Status { get; set; }
    public DateOnly? StatusDate { get; set; }
    public DateOnly RegisteredOn { get; set; }
    public bool ConsentGiven { get; set; }
    public DateOnly? ConsentOn { get; set; }
    public ConsentGiver? ConsentBy { get; set; }
    public bool SensitiveConsent { get; set; }
    public string? ConsentGuardianName { get; set; }
    /// <summary>JSON of <see cref="SensitiveDetails"/>, encrypted.</summary>
    [Sensitive] public byte[]? SensitiveCipher { get; set; }
    /// <summary>The roster category this record was last confirmed by, and when (roster import).</summary>
    public long RosterMask { get; set; }
    public List<RecipientGuardian> Guardians { get; set; } = [];
    public List<RecipientNameKey> NameKeys { get; set; } = [];
    public DateTime CreatedAt { get; set; }
    public int Version { get; set; } = 1;

    public static string Context(Guid id, string field) => $"recipient/{id:N}/{field}";
}

/// <summary>A guardian (监护人) of a child recipient. The phone is encrypted like the recipient's.</summary>
public sealed class RecipientGuardian
{
    public Guid Id { get; set; }
    public Guid RecipientId { get; set; }
    public string Name { get; set; } = "";
    public string Relation { get; set; } = "";
    [Sensitive] public byte[]? PhoneCipher { get; set; }
}

/// <summary>
/// One pinyin search key of a recipient's name (initials or full pinyin); derived, so not audited. The
/// recipient's station is copied here so a search inside a station or region is one index range per station.
/// </summary>
[NotAudited]
public sealed class RecipientNameKey
{
    public long Id { get; set; }
    public Guid RecipientId { get; set; }
    public Guid StationId { get; set; }
    public string Key { get; set; } = "";
}

/// <summary>A household (家庭): recipients sharing it carry their relation to its head.</summary>
public sealed class Household
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid StationId { get; set; }
    public DateTime CreatedAt { get; set; }
}

/// <summary>What is encrypted as one JSON document: health, disability, income and case-sensitive notes.</summary>
public sealed record SensitiveDetails(string? Health, string? DisabilityType, int? DisabilityGrade, decimal? MonthlyIncome, string? Notes)
{
    public bool IsEmpty => string.IsNullOrWhiteSpace(Health) && DisabilityType is null && DisabilityGrade is null && MonthlyIncome is null && string.IsNullOrWhiteSpace(Notes);
}

public sealed class RecipientConfiguration : IEntityTypeConfiguration<Recipient>
{
    public void Configure(EntityTypeBuilder<Recipient> b)
    {
        b.Property(r => r.Name).HasMaxLength(50).IsRequired();
        b.Property(r => r.Sex).HasConversion<int>();
        b.Property(r => r.Relation).HasConversion<int>();
        b.Property(r => r.IdNumberHash).HasMaxLength(44).IsRequired();
        b.Property(r => r.IdTailHash).HasMaxLength(44).IsRequired();
        b.Property(r => r.Address).HasMaxLength(200);
        b.Property(r => r.VillageCode).HasMaxLength(12);
        b.Property(r => r.RiskLevel).HasConversion<int>();
        b.Property(r => r.Status).HasConversion<int>();
        b.Property(r => r.ConsentBy).HasConversion<int?>();
        b.Property(r => r.ConsentGuardianName).HasMaxLength(50);
        b.Property(r => r.Version).IsConcurrencyToken();
        b.HasOne(r => r.Station).WithMany().HasForeignKey(r => r.StationId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Household>().WithMany().HasForeignKey(r => r.HouseholdId).OnDelete(DeleteBehavior.SetNull);
        b.HasOne<Workers.Worker>().WithMany().HasForeignKey(r => r.WorkerId).OnDelete(DeleteBehavior.SetNull);
        b.HasMany(r => r.Guardians).WithOne().HasForeignKey(g => g.RecipientId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(r => r.NameKeys).WithOne().HasForeignKey(k => k.RecipientId).OnDelete(DeleteBehavior.Cascade);
        // One person once per station; the same person in two stations is allowed and flagged.
        b.HasIndex(r => new { r.StationId, r.IdNumberHash }).IsUnique();
        b.HasIndex(r => r.IdNumberHash);
        b.HasIndex(r => new { r.IdTailHash, r.StationId });
        b.HasIndex(r => new { r.StationId, r.Name });
        b.HasIndex(r => r.Name);
        b.HasIndex(r => r.VillageCode);
        b.HasIndex(r => r.HouseholdId);
        b.HasIndex(r => r.WorkerId);
    }
}

public sealed class RecipientGuardianConfiguration : IEntityTypeConfiguration<RecipientGuardian>
{
    public void Configure(EntityTypeBuilder<RecipientGuardian> b)
    {
        b.ToTable("RecipientGuardians");
        b.Property(g => g.Name).HasMaxLength(50).IsRequired();
        b.Property(g => g.Relation).HasMaxLength(20).IsRequired();
    }
}

public sealed class RecipientNameKeyConfiguration : IEntityTypeConfiguration<RecipientNameKey>
{
    public void Configure(EntityTypeBuilder<RecipientNameKey> b)
    {
        b.Property(k => k.Key).HasMaxLength(Domain.Names.NameKeys.MaxKeyLength).IsRequired();
        // A prefix search is a range scan of one of these indexes that never reads the table: per visible
        // station (StationId, Key, RecipientId), or platform-wide (Key, RecipientId).
        b.HasIndex(k => new { k.StationId, k.Key, k.RecipientId });
        b.HasIndex(k => new { k.Key, k.RecipientId });
    }
}
