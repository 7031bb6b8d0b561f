using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SocialWorkStation.Domain.Incidents;
using SocialWorkStation.Web.Features.Accounts;
using SocialWorkStation.Web.Features.Recipients;
using SocialWorkStation.Web.Features.Stations;
using SocialWorkStation.Web.Infrastructure;

namespace SocialWorkStation.Web.Features.Incidents;

/// <summary>
/// An incident or risk (风险与突发事件, docs/requirements/incidents.md) at a station: what happened, when, to whom (a
/// recipient by id only — the name is read from the recipient and shown masked), how serious, what was done and how it
/// was closed. An urgent one is also a report to the township (or the bureau) along the profile's route, open on the
/// receiver's home page until it is acknowledged.
/// </summary>
public sealed class Incident : IVersioned, IStationRecord
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid StationId { get; set; }
    public DateOnly OccurredOn { get; set; }
    public string What { get; set; } = "";
    public Guid? RecipientId { get; set; }
    public IncidentSeverity Severity { get; set; }
    public string? Actions { get; set; }
    /// <summary>An urgent report (紧急报告) along <see cref="ReportTo"/>.</summary>
    public bool Urgent { get; set; }
    public UrgentNeed? Need { get; set; }
    public UrgentReceiver? ReportTo { get; set; }
    /// <summary>The clause the route comes from ("琼中 （3）基本公共服务（二）第1项" or the platform default).</summary>
    public string? RouteSource { get; set; }
    public DateTime? ReportedAt { get; set; }
    public DateTime? AcknowledgedAt { get; set; }
    public string? AcknowledgedBy { get; set; }
    public DateOnly? ClosedOn { get; set; }
    public string? Closure { get; set; }
    public string? ClosedBy { get; set; }
    public DateTime CreatedAt { get; set; }
    public string? CreatedBy { get; set; }
    public int Version { get; set; } = 1;
}

/// <summary>
/// A document a county must adopt where its profile says so (Hunan 八（二）: 退出机制、应急预案), recorded by the county
/// bureau with its title, number and date.
/// </summary>
public sealed class CountyDocument : IVersioned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    /// <summary>The county's 6-digit code.</summary>
    public string CountyCode { get; set; } = "";
    /// <summary>Which required document it is, as the profile names it (退出机制, 应急预案).</summary>
    public string Name { get; set; } = "";
    public string Title { get; set; } = "";
    public string? FileNumber { get; set; }
    public DateOnly AdoptedOn { get; set; }
    public DateTime CreatedAt { get; set; }
    public string? CreatedBy { get; set; }
    public int Version { get; set; } = 1;
}

public sealed class IncidentConfiguration : IEntityTypeConfiguration<Incident>
{
    public void Configure(EntityTypeBuilder<Incident> b)
    {
        b.ToTable("Incidents");
        b.Property(i => i.Severity).HasConversion<int>();
        b.Property(i => i.Need).HasConversion<int?>();
        b.Property(i => i.ReportTo).HasConversion<int?>();
        b.Property(i => i.What).HasMaxLength(IncidentUseCases.MaxText).IsRequired();
        b.Property(i => i.Actions).HasMaxLength(IncidentUseCases.MaxText);
        b.Property(i => i.Closure).HasMaxLength(IncidentUseCases.MaxText);
        b.Property(i => i.RouteSource).HasMaxLength(200);
        b.Property(i => i.AcknowledgedBy).HasMaxLength(256);
        b.Property(i => i.ClosedBy).HasMaxLength(256);
        b.Property(i => i.CreatedBy).HasMaxLength(256);
        b.Property(i => i.Version).IsConcurrencyToken();
        b.HasIndex(i => new { i.StationId, i.OccurredOn });
        b.HasIndex(i => new { i.Urgent, i.AcknowledgedAt });
        b.HasOne<Platform>().WithMany().HasForeignKey(i => i.StationId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Recipient>().WithMany().HasForeignKey(i => i.RecipientId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class CountyDocumentConfiguration : IEntityTypeConfiguration<CountyDocument>
{
    public void Configure(EntityTypeBuilder<CountyDocument> b)
    {
        b.ToTable("CountyDocuments");
        b.Property(d => d.CountyCode).HasMaxLength(6).IsRequired();
        b.Property(d => d.Name).HasMaxLength(50).IsRequired();
        b.Property(d => d.Title).HasMaxLength(200).IsRequired();
        b.Property(d => d.FileNumber).HasMaxLength(100);
        b.Property(d => d.CreatedBy).HasMaxLength(256);
        b.Property(d => d.Version).IsConcurrencyToken();
        b.HasIndex(d => new { d.CountyCode, d.Name });
    }
}

public static class CountyDocumentScope
{
    /// <summary>The county documents of the counties in scope: the whole platform, a region that contains the county or lies inside it.</summary>
    public static IQueryable<CountyDocument> VisibleDocuments(this IQueryable<CountyDocument> q, UserScope s)
    {
        if (!s.ServiceRecords) return q.Where(d => false);
        return s.Kind switch
        {
            ScopeKind.Platform => q,
            ScopeKind.Region => q.Where(d => d.CountyCode.StartsWith(s.RegionPrefix!) || s.RegionPrefix!.StartsWith(d.CountyCode)),
            _ => q.Where(d => false),
        };
    }
}
