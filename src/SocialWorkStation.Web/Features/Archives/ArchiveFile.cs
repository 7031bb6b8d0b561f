using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SocialWorkStation.Domain.Archives;
using SocialWorkStation.Web.Features.Stations;
using SocialWorkStation.Web.Infrastructure;

namespace SocialWorkStation.Web.Features.Archives;

/// <summary>
/// One entry of a station's archive catalogue (档案, docs/requirements/books.md §1): its number (档号), category, year,
/// title, where its copies are (files attached as owner type <c>archive</c>; paper at a stated place) and how long it is
/// kept. Never deleted: a destroyed entry stays in the catalogue marked destroyed, with who destroyed it, when and on
/// whose approval (the destruction log).
/// </summary>
public sealed class ArchiveFile : IVersioned, IStationRecord
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid StationId { get; set; }
    public ArchiveCategory Category { get; set; }
    /// <summary>The year the archive was formed (形成年度); its number and its retention count from it.</summary>
    public int Year { get; set; }
    public int Sequence { get; set; }
    /// <summary>档号 (Domain.Archives.ArchiveCode).</summary>
    public string Code { get; set; } = "";
    public string Title { get; set; } = "";
    public ArchiveCarrier Carrier { get; set; }
    /// <summary>Where the paper copy is kept (档案柜、柜号、盒号), required when there is one.</summary>
    public string? PaperLocation { get; set; }
    public int RetentionYears { get; set; }
    public string RetentionSource { get; set; } = "";
    public DateOnly FiledOn { get; set; }
    public string FiledBy { get; set; } = "";
    public string? Note { get; set; }
    public DateOnly? DestroyedOn { get; set; }
    public string? DestroyedBy { get; set; }
    /// <summary>The county bureau's approval (批准文号或审批意见) the destruction rests on.</summary>
    public string? DestructionApproval { get; set; }
    public string? DestructionNote { get; set; }
    public List<ArchiveLoan> Loans { get; set; } = [];
    public DateTime CreatedAt { get; set; }
    public int Version { get; set; } = 1;
}

/// <summary>A loan (借阅) of an archive: who, why, from when, due when, returned when.</summary>
public sealed class ArchiveLoan
{
    public Guid Id { get; set; }
    public Guid ArchiveId { get; set; }
    public string Borrower { get; set; } = "";
    public string Purpose { get; set; } = "";
    public DateOnly BorrowedOn { get; set; }
    public DateOnly DueOn { get; set; }
    public DateOnly? ReturnedOn { get; set; }
    public string LentBy { get; set; } = "";
    public string? ReceivedBy { get; set; }
}

/// <summary>The station's designated archivist (指定专人负责档案管理, Ledong 六、（三）, Shenmu 第二十三条): one station account.</summary>
public sealed class StationArchivist : IVersioned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid StationId { get; set; }
    public string UserName { get; set; } = "";
    public string DisplayName { get; set; } = "";
    public DateOnly AssignedOn { get; set; }
    public string AssignedBy { get; set; } = "";
    public int Version { get; set; } = 1;
}

public sealed class ArchiveFileConfiguration : IEntityTypeConfiguration<ArchiveFile>
{
    public void Configure(EntityTypeBuilder<ArchiveFile> b)
    {
        b.ToTable("Archives");
        b.Property(a => a.Category).HasConversion<int>();
        b.Property(a => a.Carrier).HasConversion<int>();
        b.Property(a => a.Code).HasMaxLength(40).IsRequired();
        b.Property(a => a.Title).HasMaxLength(ArchiveUseCases.MaxTitle).IsRequired();
        b.Property(a => a.PaperLocation).HasMaxLength(200);
        b.Property(a => a.RetentionSource).HasMaxLength(200);
        b.Property(a => a.FiledBy).HasMaxLength(256);
        b.Property(a => a.Note).HasMaxLength(ArchiveUseCases.MaxNote);
        b.Property(a => a.DestroyedBy).HasMaxLength(256);
        b.Property(a => a.DestructionApproval).HasMaxLength(200);
        b.Property(a => a.DestructionNote).HasMaxLength(ArchiveUseCases.MaxNote);
        b.Property(a => a.Version).IsConcurrencyToken();
        b.HasIndex(a => new { a.StationId, a.Category, a.Year, a.Sequence }).IsUnique();
        b.HasIndex(a => new { a.StationId, a.Code }).IsUnique();
        b.HasOne<Platform>().WithMany().HasForeignKey(a => a.StationId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(a => a.Loans).WithOne().HasForeignKey(l => l.ArchiveId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class ArchiveLoanConfiguration : IEntityTypeConfiguration<ArchiveLoan>
{
    public void Configure(EntityTypeBuilder<ArchiveLoan> b)
    {
        b.ToTable("ArchiveLoans");
        b.Property(l => l.Borrower).HasMaxLength(100).IsRequired();
        b.Property(l => l.Purpose).HasMaxLength(500).IsRequired();
        b.Property(l => l.LentBy).HasMaxLength(256);
        b.Property(l => l.ReceivedBy).HasMaxLength(256);
        b.HasIndex(l => new { l.ArchiveId, l.BorrowedOn });
    }
}

public sealed class StationArchivistConfiguration : IEntityTypeConfiguration<StationArchivist>
{
    public void Configure(EntityTypeBuilder<StationArchivist> b)
    {
        b.ToTable("StationArchivists");
        b.Property(a => a.UserName).HasMaxLength(256).IsRequired();
        b.Property(a => a.DisplayName).HasMaxLength(100);
        b.Property(a => a.AssignedBy).HasMaxLength(256);
        b.Property(a => a.Version).IsConcurrencyToken();
        b.HasIndex(a => a.StationId).IsUnique();
        b.HasOne<Platform>().WithMany().HasForeignKey(a => a.StationId).OnDelete(DeleteBehavior.Restrict);
    }
}
