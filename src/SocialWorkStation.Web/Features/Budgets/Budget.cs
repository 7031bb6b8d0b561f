using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SocialWorkStation.Domain.Agreements;
using SocialWorkStation.Web.Features.Agreements;
using SocialWorkStation.Web.Features.Stations;
using SocialWorkStation.Web.Infrastructure;

namespace SocialWorkStation.Web.Features.Budgets;

/// <summary>A station's budget under an agreement (预算, docs/requirements/agreements.md §5): lines by category and funding source.</summary>
public sealed class Budget : IVersioned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid AgreementId { get; set; }
    public Agreement? Agreement { get; set; }
    public Guid StationId { get; set; }
    public Platform? Station { get; set; }
    public List<BudgetLine> Lines { get; set; } = [];
    public string CreatedBy { get; set; } = "";
    public DateTime CreatedAt { get; set; }
    public int Version { get; set; } = 1;
}

/// <summary>A budget line (预算科目): a profile category, where the money comes from, the amount in yuan to the fen.</summary>
public sealed class BudgetLine
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid BudgetId { get; set; }
    public Budget? Budget { get; set; }
    public string Category { get; set; } = "";
    public FundingSource FundingSource { get; set; }
    public decimal Amount { get; set; }
    /// <summary>Optional words of the bureau's own (e.g. 2026年办公设备).</summary>
    public string? Note { get; set; }
    public int SortOrder { get; set; }
}

/// <summary>A spending entry (经费支出) against a budget line, following Shenmu 第二十一条: recorded, approved, reimbursed, accounted.</summary>
public sealed class SpendingEntry : IVersioned, IStationRecord
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid BudgetLineId { get; set; }
    public BudgetLine? BudgetLine { get; set; }
    /// <summary>The budget's station, copied so that station scope applies in SQL (and to the invoice attachments).</summary>
    public Guid StationId { get; set; }
    public DateOnly Date { get; set; }
    public decimal Amount { get; set; }
    public string Payee { get; set; } = "";
    public string Purpose { get; set; } = "";
    public SpendingStatus Status { get; set; } = SpendingStatus.Recorded;
    public string RecordedBy { get; set; } = "";
    public DateTime RecordedAt { get; set; }
    public string? ApprovedBy { get; set; }
    /// <summary>The China day of approval: the execution rate as of a day counts entries approved by then.</summary>
    public DateOnly? ApprovedOn { get; set; }
    public string? ReimbursedBy { get; set; }
    public string? AccountedBy { get; set; }
    public string? Note { get; set; }
    public int Version { get; set; } = 1;
}

public sealed class BudgetConfiguration : IEntityTypeConfiguration<Budget>
{
    public void Configure(EntityTypeBuilder<Budget> b)
    {
        b.Property(x => x.CreatedBy).HasMaxLength(100);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasIndex(x => new { x.AgreementId, x.StationId }).IsUnique();
        b.HasIndex(x => x.StationId);
        b.HasOne(x => x.Agreement).WithMany().HasForeignKey(x => x.AgreementId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne(x => x.Station).WithMany().HasForeignKey(x => x.StationId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(x => x.Lines).WithOne(l => l.Budget).HasForeignKey(l => l.BudgetId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class BudgetLineConfiguration : IEntityTypeConfiguration<BudgetLine>
{
    public void Configure(EntityTypeBuilder<BudgetLine> b)
    {
        b.Property(x => x.Category).HasMaxLength(40).IsRequired();
        b.Property(x => x.Amount).HasPrecision(14, 2);
        b.Property(x => x.Note).HasMaxLength(200);
    }
}

public sealed class SpendingEntryConfiguration : IEntityTypeConfiguration<SpendingEntry>
{
    public void Configure(EntityTypeBuilder<SpendingEntry> b)
    {
        b.Property(x => x.Amount).HasPrecision(14, 2);
        b.Property(x => x.Payee).HasMaxLength(100).IsRequired();
        b.Property(x => x.Purpose).HasMaxLength(500).IsRequired();
        b.Property(x => x.RecordedBy).HasMaxLength(100);
        b.Property(x => x.ApprovedBy).HasMaxLength(100);
        b.Property(x => x.ReimbursedBy).HasMaxLength(100);
        b.Property(x => x.AccountedBy).HasMaxLength(100);
        b.Property(x => x.Note).HasMaxLength(500);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasIndex(x => x.StationId);
        b.HasIndex(x => x.BudgetLineId);
        b.HasOne(x => x.BudgetLine).WithMany().HasForeignKey(x => x.BudgetLineId).OnDelete(DeleteBehavior.Restrict);
    }
}
