using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SocialWorkStation.Domain.Assets;
using SocialWorkStation.Web.Features.Stations;
using SocialWorkStation.Web.Infrastructure;

namespace SocialWorkStation.Web.Features.Assets;

/// <summary>
/// One fixed asset in the station's register (固定资产台账, docs/requirements/books.md §2). A disposed asset stays in the
/// register marked 已处置 with the reason, approval and date.
/// </summary>
public sealed class FixedAsset : IVersioned, IStationRecord
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid StationId { get; set; }
    public string Name { get; set; } = "";
    public string Category { get; set; } = "";
    /// <summary>Original value in yuan (2 decimals).</summary>
    public decimal Value { get; set; }
    public DateOnly AcquiredOn { get; set; }
    public string FundingSource { get; set; } = "";
    public string Location { get; set; } = "";
    public string Custodian { get; set; } = "";
    public DateOnly? DisposedOn { get; set; }
    public string? DisposalReason { get; set; }
    public string? DisposalApproval { get; set; }
    public string? DisposedBy { get; set; }
    public DateTime CreatedAt { get; set; }
    public string CreatedBy { get; set; } = "";
    public int Version { get; set; } = 1;
}

/// <summary>A check-up (盘点): a dated count of the station's assets.</summary>
public sealed class AssetCheck : IStationRecord
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid StationId { get; set; }
    public DateOnly CheckedOn { get; set; }
    public string CheckedBy { get; set; } = "";
    public string? Note { get; set; }
    public string RecordedBy { get; set; } = "";
    public List<AssetCheckItem> Items { get; set; } = [];
}

public sealed class AssetCheckItem
{
    public Guid Id { get; set; }
    public Guid CheckId { get; set; }
    public Guid AssetId { get; set; }
    public CheckResult Result { get; set; }
    public string? Note { get; set; }
}

public sealed class FixedAssetConfiguration : IEntityTypeConfiguration<FixedAsset>
{
    public void Configure(EntityTypeBuilder<FixedAsset> b)
    {
        b.ToTable("FixedAssets");
        b.Property(a => a.Name).HasMaxLength(100).IsRequired();
        b.Property(a => a.Category).HasMaxLength(50).IsRequired();
        b.Property(a => a.Value).HasPrecision(12, 2);
        b.Property(a => a.FundingSource).HasMaxLength(100);
        b.Property(a => a.Location).HasMaxLength(100);
        b.Property(a => a.Custodian).HasMaxLength(50);
        b.Property(a => a.DisposalReason).HasMaxLength(500);
        b.Property(a => a.DisposalApproval).HasMaxLength(200);
        b.Property(a => a.DisposedBy).HasMaxLength(256);
        b.Property(a => a.CreatedBy).HasMaxLength(256);
        b.Property(a => a.Version).IsConcurrencyToken();
        b.HasIndex(a => new { a.StationId, a.AcquiredOn });
        b.HasOne<Platform>().WithMany().HasForeignKey(a => a.StationId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class AssetCheckConfiguration : IEntityTypeConfiguration<AssetCheck>
{
    public void Configure(EntityTypeBuilder<AssetCheck> b)
    {
        b.ToTable("AssetChecks");
        b.Property(c => c.CheckedBy).HasMaxLength(100).IsRequired();
        b.Property(c => c.Note).HasMaxLength(1000);
        b.Property(c => c.RecordedBy).HasMaxLength(256);
        b.HasIndex(c => new { c.StationId, c.CheckedOn });
        b.HasOne<Platform>().WithMany().HasForeignKey(c => c.StationId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(c => c.Items).WithOne().HasForeignKey(i => i.CheckId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class AssetCheckItemConfiguration : IEntityTypeConfiguration<AssetCheckItem>
{
    public void Configure(EntityTypeBuilder<AssetCheckItem> b)
    {
        b.ToTable("AssetCheckItems");
        b.Property(i => i.Result).HasConversion<int>();
        b.Property(i => i.Note).HasMaxLength(200);
        b.HasIndex(i => new { i.CheckId, i.AssetId }).IsUnique();
        b.HasOne<FixedAsset>().WithMany().HasForeignKey(i => i.AssetId).OnDelete(DeleteBehavior.Restrict);
    }
}
