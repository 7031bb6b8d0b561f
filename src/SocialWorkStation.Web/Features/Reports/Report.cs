using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SocialWorkStation.Web.Features.Accounts;
using SocialWorkStation.Web.Features.Audit;
using SocialWorkStation.Web.Infrastructure;

namespace SocialWorkStation.Web.Features.Reports;

/// <summary>draft → submitted → returned (with comments) → submitted again → accepted (docs/requirements/reports.md).</summary>
public enum ReportStatus
{
    Draft = 0,
    Submitted = 1,
    Returned = 2,
    Accepted = 3,
}

/// <summary>
/// One report of one kind, period and writer (a station, or a county or city bureau). Its figures are drafted
/// live from the records until it is submitted; at submission they are frozen as JSON and the generated Word
/// file is kept with its SHA-256, so a later edit of a visit does not change a filed report. An accepted report
/// is locked; a correction is a new revision that keeps the old one (<see cref="PreviousId"/>).
/// </summary>
public sealed class Report : IVersioned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public string KindKey { get; set; } = "";
    public string ProfileKey { get; set; } = "";
    public string PeriodKey { get; set; } = "";
    public DateOnly PeriodFrom { get; set; }
    public DateOnly PeriodTo { get; set; }
    /// <summary>The writing station, or null for a county's or city's own report.</summary>
    public Guid? StationId { get; set; }
    /// <summary>The writer's region: the station's township, or the county's or city's code. Scope filters on it.</summary>
    public string RegionCode { get; set; } = "";
    /// <summary>Station id ("N" format) or region code: with kind, period and revision it names the report exactly once.</summary>
    public string Owner { get; set; } = "";
    public string Title { get; set; } = "";
    public ReportStatus Status { get; set; }
    /// <summary>1 for the first filing; a correction of an accepted report is the next revision.</summary>
    public int Revision { get; set; } = 1;
    public Guid? PreviousId { get; set; }
    /// <summary>Set on the old revision once a correction of it exists.</summary>
    public Guid? SupersededById { get; set; }
    public DateOnly DueOn { get; set; }
    public string? Highlights { get; set; }
    public string? Problems { get; set; }
    public string? NextPlan { get; set; }
    /// <summary>The drafted sections as of submission (JSON of <see cref="ReportContent"/>); null while a draft.</summary>
    public string? FiguresJson { get; set; }
    public string? FileSha256 { get; set; }
    public DateTime? SubmittedAt { get; set; }
    public string? SubmittedBy { get; set; }
    public DateOnly? SubmittedOn { get; set; }
    public bool? FiledLate { get; set; }
    public DateTime? AcceptedAt { get; set; }
    public string? AcceptedBy { get; set; }
    public string? ReturnComments { get; set; }
    public string CreatedBy { get; set; } = "";
    public DateTime CreatedAt { get; set; }
    public int Version { get; set; } = 1;
    public List<ReportEvent> Events { get; set; } = [];
}

/// <summary>One step of a report's workflow: who did what, when, and the comments of a return.</summary>
public sealed class ReportEvent
{
    public Guid Id { get; set; }
    public Guid ReportId { get; set; }
    public string Action { get; set; } = "";
    public string By { get; set; } = "";
    public DateTime At { get; set; }
    public string? Comments { get; set; }
}

/// <summary>The Word file as submitted (kept so the SHA-256 can be checked against what the receiver downloads).</summary>
[NotAudited]
public sealed class ReportFile
{
    public Guid ReportId { get; set; }
    public byte[] Content { get; set; } = [];
}

/// <summary>A county's own due day for a kind, within the range its profile allows (e.g. briefs by the 8th).</summary>
public sealed class ReportDueAdjustment
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public string CountyCode { get; set; } = "";
    public string KindKey { get; set; } = "";
    public int Days { get; set; }
    public string SetBy { get; set; } = "";
    public DateTime SetAt { get; set; }
}

public sealed class ReportConfiguration : IEntityTypeConfiguration<Report>
{
    public void Configure(EntityTypeBuilder<Report> b)
    {
        b.Property(r => r.KindKey).HasMaxLength(40).IsRequired();
        b.Property(r => r.ProfileKey).HasMaxLength(40).IsRequired();
        b.Property(r => r.PeriodKey).HasMaxLength(10).IsRequired();
        b.Property(r => r.RegionCode).HasMaxLength(12).IsRequired();
        b.Property(r => r.Owner).HasMaxLength(40).IsRequired();
        b.Property(r => r.Title).HasMaxLength(200).IsRequired();
        b.Property(r => r.Status).HasConversion<int>();
        b.Property(r => r.Highlights).HasMaxLength(5000);
        b.Property(r => r.Problems).HasMaxLength(5000);
        b.Property(r => r.NextPlan).HasMaxLength(5000);
        b.Property(r => r.FileSha256).HasMaxLength(64);
        b.Property(r => r.SubmittedBy).HasMaxLength(256);
        b.Property(r => r.AcceptedBy).HasMaxLength(256);
        b.Property(r => r.ReturnComments).HasMaxLength(2000);
        b.Property(r => r.CreatedBy).HasMaxLength(256);
        b.Property(r => r.Version).IsConcurrencyToken();
        // Never the same report twice: a batch that restarts finds the row and moves on.
        b.HasIndex(r => new { r.KindKey, r.PeriodKey, r.Owner, r.Revision }).IsUnique();
        b.HasIndex(r => new { r.RegionCode, r.PeriodKey });
        b.HasIndex(r => r.StationId);
        b.HasOne<Stations.Platform>().WithMany().HasForeignKey(r => r.StationId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(r => r.Events).WithOne().HasForeignKey(e => e.ReportId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class ReportEventConfiguration : IEntityTypeConfiguration<ReportEvent>
{
    public void Configure(EntityTypeBuilder<ReportEvent> b)
    {
        b.Property(e => e.Action).HasMaxLength(20).IsRequired();
        b.Property(e => e.By).HasMaxLength(256).IsRequired();
        b.Property(e => e.Comments).HasMaxLength(2000);
    }
}

public sealed class ReportFileConfiguration : IEntityTypeConfiguration<ReportFile>
{
    public void Configure(EntityTypeBuilder<ReportFile> b)
    {
        b.HasKey(f => f.ReportId);
        b.HasOne<Report>().WithOne().HasForeignKey<ReportFile>(f => f.ReportId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class ReportDueAdjustmentConfiguration : IEntityTypeConfiguration<ReportDueAdjustment>
{
    public void Configure(EntityTypeBuilder<ReportDueAdjustment> b)
    {
        b.Property(a => a.CountyCode).HasMaxLength(6).IsRequired();
        b.Property(a => a.KindKey).HasMaxLength(40).IsRequired();
        b.Property(a => a.SetBy).HasMaxLength(256);
        b.HasIndex(a => new { a.CountyCode, a.KindKey }).IsUnique();
    }
}

public static class ReportScope
{
    /// <summary>The reports a user may see, in SQL: a station's own, everything under a region, all for the platform.</summary>
    public static IQueryable<Report> VisibleTo(this IQueryable<Report> q, UserScope s) => s.Kind switch
    {
        // The administrators' platform scope reads no station's reports (三员分立).
        ScopeKind.Platform => s.ServiceRecords ? q : q.Where(r => false),
        ScopeKind.Region => q.Where(r => r.RegionCode.StartsWith(s.RegionPrefix!)),
        ScopeKind.Station => q.Where(r => r.StationId == s.StationId),
        _ => q.Where(r => false),
    };
}
