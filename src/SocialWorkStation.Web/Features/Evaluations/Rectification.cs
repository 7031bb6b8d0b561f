using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SocialWorkStation.Domain.Evaluations;
using SocialWorkStation.Web.Features.Stations;
using SocialWorkStation.Web.Infrastructure;

namespace SocialWorkStation.Web.Features.Evaluations;

/// <summary>
/// A rectification item (整改事项, docs/requirements/evaluation.md §8) raised for a station of a closed round on one
/// indicator: what to fix, the owner (the station head's account, or the station when none is named), the due date,
/// what the station did (with its evidence files, attachment owner type <c>rectification</c>) and the bureau's re-check.
/// Its whole history is kept in <see cref="RectificationEvent"/> rows.
/// </summary>
public sealed class RectificationItem : IStationRecord, IVersioned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid RoundId { get; set; }
    public Guid StationId { get; set; }
    public string StationName { get; set; } = "";
    public string IndicatorCode { get; set; } = "";
    public string IndicatorName { get; set; } = "";
    /// <summary>What is to be fixed (整改要求).</summary>
    public string Requirement { get; set; } = "";
    /// <summary>The responsible station head's account (user name), or null: the station as a whole.</summary>
    public string? OwnerUserName { get; set; }
    public string? OwnerDisplayName { get; set; }
    public DateOnly DueOn { get; set; }
    public RectificationStatus Status { get; set; }
    /// <summary>What the station reported it did, the latest report (earlier ones are in the history).</summary>
    public string? Report { get; set; }
    public string RaisedBy { get; set; } = "";
    public DateTime RaisedAt { get; set; }
    public string? ClosedBy { get; set; }
    public DateTime? ClosedAt { get; set; }
    public int Version { get; set; } = 1;
    public List<RectificationEvent> Events { get; set; } = [];
}

/// <summary>One step in an item's history: raised, reported, returned with the reason, closed.</summary>
public sealed class RectificationEvent
{
    /// <summary>Left empty: EF generates it, so a step added to a tracked item is inserted.</summary>
    public Guid Id { get; set; }
    public Guid ItemId { get; set; }
    /// <summary>1, 2, 3 … in the order the steps happened (times may tie).</summary>
    public int Number { get; set; }
    public RectificationStep Step { get; set; }
    public string? Text { get; set; }
    public string By { get; set; } = "";
    public DateTime At { get; set; }
}

public static class RectificationLimits
{
    public const int Requirement = 1000;
    public const int Report = 2000;
    public const int Comment = 1000;
}

public sealed class RectificationItemConfiguration : IEntityTypeConfiguration<RectificationItem>
{
    public void Configure(EntityTypeBuilder<RectificationItem> b)
    {
        b.Property(i => i.StationName).HasMaxLength(100).IsRequired();
        b.Property(i => i.IndicatorCode).HasMaxLength(40).IsRequired();
        b.Property(i => i.IndicatorName).HasMaxLength(200).IsRequired();
        b.Property(i => i.Requirement).HasMaxLength(RectificationLimits.Requirement).IsRequired();
        b.Property(i => i.OwnerUserName).HasMaxLength(256);
        b.Property(i => i.OwnerDisplayName).HasMaxLength(256);
        b.Property(i => i.Status).HasConversion<int>();
        b.Property(i => i.Report).HasMaxLength(RectificationLimits.Report);
        b.Property(i => i.RaisedBy).HasMaxLength(256);
        b.Property(i => i.ClosedBy).HasMaxLength(256);
        b.Property(i => i.Version).IsConcurrencyToken();
        b.HasIndex(i => new { i.RoundId, i.StationId });
        b.HasIndex(i => new { i.StationId, i.Status, i.DueOn });
        b.HasOne<EvaluationRound>().WithMany().HasForeignKey(i => i.RoundId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Platform>().WithMany().HasForeignKey(i => i.StationId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(i => i.Events).WithOne().HasForeignKey(e => e.ItemId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class RectificationEventConfiguration : IEntityTypeConfiguration<RectificationEvent>
{
    public void Configure(EntityTypeBuilder<RectificationEvent> b)
    {
        b.Property(e => e.Step).HasConversion<int>();
        b.Property(e => e.Text).HasMaxLength(RectificationLimits.Report);
        b.Property(e => e.By).HasMaxLength(256);
        b.HasIndex(e => new { e.ItemId, e.Number }).IsUnique();
    }
}
