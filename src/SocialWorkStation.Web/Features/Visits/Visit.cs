using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SocialWorkStation.Domain.Visits;
using SocialWorkStation.Web.Data;
using SocialWorkStation.Web.Features.Accounts;
using SocialWorkStation.Web.Features.Recipients;
using SocialWorkStation.Web.Features.Stations;
using SocialWorkStation.Web.Features.Workers;
using SocialWorkStation.Web.Infrastructure;

namespace SocialWorkStation.Web.Features.Visits;

/// <summary>
/// A visit (探访): a home visit or a phone greeting by one or more workers to one or more recipients or a
/// household, kept in the visit ledger (走访台账, docs/requirements/domain.md §4). Belongs to one station.
/// </summary>
public sealed class Visit : IVersioned, IStationRecord
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid StationId { get; set; }
    public Platform? Station { get; set; }
    public VisitKind Kind { get; set; }
    public DateOnly VisitedOn { get; set; }
    /// <summary>The day it was recorded (China time); with <see cref="VisitedOn"/> it decides <see cref="BackFilled"/>.</summary>
    public DateOnly RecordedOn { get; set; }
    public bool BackFilled { get; set; }
    public Guid? HouseholdId { get; set; }
    /// <summary>The village of the (first) recipient, copied so the ledger filters by village in SQL.</summary>
    public string? VillageCode { get; set; }
    public string? Place { get; set; }
    /// <summary>Service domain, API name of <see cref="VisitDomains"/>.</summary>
    public string Domain { get; set; } = "";
    public string Findings { get; set; } = "";
    public string ServiceContent { get; set; } = "";
    public bool FollowUpNeeded { get; set; }
    public string? FollowUp { get; set; }
    /// <summary>Only when the worker allowed the phone to share it.</summary>
    public double? Latitude { get; set; }
    public double? Longitude { get; set; }
    /// <summary>Made by the client per record, so a record sent again after a lost answer is stored once.</summary>
    public Guid? IdempotencyKey { get; set; }
    public List<VisitRecipient> Recipients { get; set; } = [];
    public List<VisitWorker> Workers { get; set; } = [];
    public DateTime CreatedAt { get; set; }
    public int Version { get; set; } = 1;
}

public sealed class VisitRecipient
{
    public Guid Id { get; set; }
    public Guid VisitId { get; set; }
    public Guid RecipientId { get; set; }
    public Recipient? Recipient { get; set; }
}

public sealed class VisitWorker
{
    public Guid Id { get; set; }
    public Guid VisitId { get; set; }
    public Guid WorkerId { get; set; }
    public Worker? Worker { get; set; }
}

public sealed class VisitConfiguration : IEntityTypeConfiguration<Visit>
{
    public void Configure(EntityTypeBuilder<Visit> b)
    {
        b.Property(v => v.Kind).HasConversion<int>();
        b.Property(v => v.VillageCode).HasMaxLength(12);
        b.Property(v => v.Place).HasMaxLength(200);
        b.Property(v => v.Domain).HasMaxLength(30).IsRequired();
        b.Property(v => v.Findings).HasMaxLength(2000).IsRequired();
        b.Property(v => v.ServiceContent).HasMaxLength(2000).IsRequired();
        b.Property(v => v.FollowUp).HasMaxLength(1000);
        b.Property(v => v.Version).IsConcurrencyToken();
        b.HasOne(v => v.Station).WithMany().HasForeignKey(v => v.StationId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Household>().WithMany().HasForeignKey(v => v.HouseholdId).OnDelete(DeleteBehavior.SetNull);
        b.HasMany(v => v.Recipients).WithOne().HasForeignKey(r => r.VisitId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(v => v.Workers).WithOne().HasForeignKey(w => w.VisitId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(v => v.IdempotencyKey).IsUnique();
        b.HasIndex(v => new { v.StationId, v.VisitedOn });
        b.HasIndex(v => new { v.VillageCode, v.VisitedOn });
    }
}

public sealed class VisitRecipientConfiguration : IEntityTypeConfiguration<VisitRecipient>
{
    public void Configure(EntityTypeBuilder<VisitRecipient> b)
    {
        b.ToTable("VisitRecipients");
        b.HasOne(r => r.Recipient).WithMany().HasForeignKey(r => r.RecipientId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(r => new { r.RecipientId, r.VisitId });
    }
}

public sealed class VisitWorkerConfiguration : IEntityTypeConfiguration<VisitWorker>
{
    public void Configure(EntityTypeBuilder<VisitWorker> b)
    {
        b.ToTable("VisitWorkers");
        b.HasOne(w => w.Worker).WithMany().HasForeignKey(w => w.WorkerId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(w => new { w.WorkerId, w.VisitId });
    }
}
