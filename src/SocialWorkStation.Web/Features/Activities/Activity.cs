using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SocialWorkStation.Domain.Services;
using SocialWorkStation.Web.Features.Attachments;
using SocialWorkStation.Web.Features.Stations;
using SocialWorkStation.Web.Infrastructure;

namespace SocialWorkStation.Web.Features.Activities;

/// <summary>
/// A community or township activity (社区/乡镇活动): one event with its date, place, theme, kinds, the
/// workers who ran it and the number of people who took part (docs/requirements/domain.md §4). Photos and the
/// sign-in sheet are attachments (owner type "activity").
/// </summary>
public sealed class Activity : IVersioned, IStationRecord
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid StationId { get; set; }
    public DateOnly Date { get; set; }
    public string Place { get; set; } = "";
    /// <summary>The village or community it was held in, when it was held in one (12-digit code).</summary>
    public string? VillageCode { get; set; }
    public string Theme { get; set; } = "";
    public List<ActivityKindEntry> Kinds { get; set; } = [];
    public List<ActivityWorker> Workers { get; set; } = [];
    public int ParticipantCount { get; set; }
    public string? Content { get; set; }
    public string? Outcome { get; set; }
    public DateTime CreatedAt { get; set; }
    public string? CreatedBy { get; set; }
    public int Version { get; set; } = 1;
}

/// <summary>One kind of an activity (an activity may have several).</summary>
public sealed class ActivityKindEntry
{
    public Guid ActivityId { get; set; }
    public ActivityKind Kind { get; set; }
}

/// <summary>
/// A worker who ran the activity, by name (and account when chosen from the station's accounts).
/// Follow-up: link to the worker registry when it lands.
/// </summary>
public sealed class ActivityWorker
{
    public Guid Id { get; set; }
    public Guid ActivityId { get; set; }
    public string Name { get; set; } = "";
}

public sealed class ActivityConfiguration : IEntityTypeConfiguration<Activity>
{
    public void Configure(EntityTypeBuilder<Activity> b)
    {
        b.ToTable("Activities");
        b.Property(a => a.Place).HasMaxLength(200).IsRequired();
        b.Property(a => a.VillageCode).HasMaxLength(12);
        b.Property(a => a.Theme).HasMaxLength(200).IsRequired();
        b.Property(a => a.Content).HasMaxLength(4000);
        b.Property(a => a.Outcome).HasMaxLength(4000);
        b.Property(a => a.CreatedBy).HasMaxLength(256);
        b.Property(a => a.Version).IsConcurrencyToken();
        b.HasIndex(a => new { a.StationId, a.Date });
        b.HasOne<Platform>().WithMany().HasForeignKey(a => a.StationId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(a => a.Kinds).WithOne().HasForeignKey(k => k.ActivityId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(a => a.Workers).WithOne().HasForeignKey(w => w.ActivityId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class ActivityKindEntryConfiguration : IEntityTypeConfiguration<ActivityKindEntry>
{
    public void Configure(EntityTypeBuilder<ActivityKindEntry> b)
    {
        b.ToTable("ActivityKinds");
        b.HasKey(k => new { k.ActivityId, k.Kind });
        b.Property(k => k.Kind).HasConversion<int>();
        b.HasIndex(k => k.Kind);
    }
}

public sealed class ActivityWorkerConfiguration : IEntityTypeConfiguration<ActivityWorker>
{
    public void Configure(EntityTypeBuilder<ActivityWorker> b)
    {
        b.ToTable("ActivityWorkers");
        b.Property(w => w.Name).HasMaxLength(50).IsRequired();
    }
}

/// <summary>Whether the activity counts toward the profile's standard, why, and the clause.</summary>
public sealed record StandardNoteDto(bool Counts, string Message, string Source);

public sealed record LinkedNeedDto(Guid Id, Guid SurveyId, string Description, string? VillageCode);

public sealed record ActivityDto(
    Guid Id, Guid StationId, string? StationName, string Date, string Place, string? VillageCode, string Theme,
    IReadOnlyList<string> Kinds, IReadOnlyList<string> Workers, int ParticipantCount, string? Content, string? Outcome,
    bool? CountsTowardStandard, StandardNoteDto? Standard, IReadOnlyList<LinkedNeedDto> AnswersNeeds,
    IReadOnlyList<AttachmentDto> Attachments, string? CreatedBy, DateTime CreatedAt, int Version);

/// <summary>What a client sends to record or correct an activity; <c>version</c> is required on update.</summary>
public sealed record ActivityInput(
    Guid? StationId, string? Date, string? Place, string? VillageCode, string? Theme, IReadOnlyList<string>? Kinds,
    IReadOnlyList<string>? Workers, int? ParticipantCount, string? Content, string? Outcome, int? Version);
