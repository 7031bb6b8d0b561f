using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SocialWorkStation.Web.Features.Organisations;
using SocialWorkStation.Web.Features.Stations;

namespace SocialWorkStation.Web.Features.Agreements;

/// <summary>
/// A station handed over from one contractor to another (交接, docs/requirements/agreements.md §12): the day, both
/// organisations, the outgoing agreement and the hand-over list (交接清单) of what the station keeps. Never edited.
/// </summary>
public sealed class StationHandover
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid StationId { get; set; }
    public Platform? Station { get; set; }
    /// <summary>The station's name and region code on the day (for the list; the region also decides who reads it).</summary>
    public string StationName { get; set; } = "";
    public string RegionCode { get; set; } = "";
    public Guid OutgoingOrganisationId { get; set; }
    public string OutgoingName { get; set; } = "";
    public Guid IncomingOrganisationId { get; set; }
    public string IncomingName { get; set; } = "";
    /// <summary>The outgoing contractor's agreement covering the station on the day, when there is one.</summary>
    public Guid? OutgoingAgreementId { get; set; }
    /// <summary>The hand-over day: it takes effect at 00:00 China time that day (domain.md §10).</summary>
    public DateOnly HandoverDay { get; set; }
    public string? Note { get; set; }
    /// <summary>The hand-over list as JSON: per kind of record its count and ids (<see cref="HandoverItemDto"/>).</summary>
    public string ListJson { get; set; } = "[]";
    public string RecordedBy { get; set; } = "";
    public DateTime RecordedAt { get; set; }
}

public sealed class StationHandoverConfiguration : IEntityTypeConfiguration<StationHandover>
{
    public void Configure(EntityTypeBuilder<StationHandover> b)
    {
        b.Property(h => h.StationName).HasMaxLength(100).IsRequired();
        b.Property(h => h.RegionCode).HasMaxLength(12).IsRequired();
        b.Property(h => h.OutgoingName).HasMaxLength(200).IsRequired();
        b.Property(h => h.IncomingName).HasMaxLength(200).IsRequired();
        b.Property(h => h.Note).HasMaxLength(500);
        b.Property(h => h.RecordedBy).HasMaxLength(100);
        b.HasIndex(h => h.StationId);
        b.HasIndex(h => h.OutgoingOrganisationId);
        b.HasIndex(h => h.IncomingOrganisationId);
        b.HasIndex(h => h.RegionCode);
        b.HasOne(h => h.Station).WithMany(p => p.Handovers).HasForeignKey(h => h.StationId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Organisation>().WithMany().HasForeignKey(h => h.OutgoingOrganisationId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Organisation>().WithMany().HasForeignKey(h => h.IncomingOrganisationId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Agreement>().WithMany().HasForeignKey(h => h.OutgoingAgreementId).OnDelete(DeleteBehavior.Restrict);
    }
}
