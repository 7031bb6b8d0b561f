using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SocialWorkStation.Domain.Services;
using SocialWorkStation.Web.Features.Activities;
using SocialWorkStation.Web.Features.Attachments;
using SocialWorkStation.Web.Features.Stations;
using SocialWorkStation.Web.Infrastructure;

namespace SocialWorkStation.Web.Features.NeedsSurveys;

/// <summary>
/// A needs survey (需求调研) in one village or community and the needs it found (需求清单). Ledong's
/// project process starts with it (七（二）“需求调研—项目设计—…”); Shenmu art. 17 asks for a needs list.
/// Each need may be linked to the activities that answer it.
/// </summary>
public sealed class NeedsSurvey : IVersioned, IStationRecord
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid StationId { get; set; }
    public string VillageCode { get; set; } = "";
    public string Title { get; set; } = "";
    public DateOnly ConductedOn { get; set; }
    /// <summary>How: 入户走访, 问卷, 座谈会 … (free text).</summary>
    public string? Method { get; set; }
    public int? Respondents { get; set; }
    public string? Summary { get; set; }
    public List<Need> Needs { get; set; } = [];
    public DateTime CreatedAt { get; set; }
    public string? CreatedBy { get; set; }
    public int Version { get; set; } = 1;
}

public enum NeedPriority { High = 1, Medium = 2, Low = 3 }

public enum NeedStatus { Open = 1, InProgress = 2, Met = 3 }

/// <summary>One need found by a survey.</summary>
public sealed class Need
{
    public Guid Id { get; set; }
    public Guid SurveyId { get; set; }
    public NeedsSurvey? Survey { get; set; }
    public string Description { get; set; } = "";
    public ActivityKind? Domain { get; set; }
    public NeedPriority Priority { get; set; } = NeedPriority.Medium;
    /// <summary>How many people or households it concerns, when known.</summary>
    public int? AffectedCount { get; set; }
    public NeedStatus Status { get; set; } = NeedStatus.Open;
    public List<NeedActivity> Activities { get; set; } = [];
}

/// <summary>An activity that answers a need.</summary>
public sealed class NeedActivity
{
    public Guid NeedId { get; set; }
    public Need? Need { get; set; }
    public Guid ActivityId { get; set; }
}

public sealed class NeedsSurveyConfiguration : IEntityTypeConfiguration<NeedsSurvey>
{
    public void Configure(EntityTypeBuilder<NeedsSurvey> b)
    {
        b.ToTable("NeedsSurveys");
        b.Property(s => s.VillageCode).HasMaxLength(12).IsRequired();
        b.Property(s => s.Title).HasMaxLength(200).IsRequired();
        b.Property(s => s.Method).HasMaxLength(100);
        b.Property(s => s.Summary).HasMaxLength(4000);
        b.Property(s => s.CreatedBy).HasMaxLength(256);
        b.Property(s => s.Version).IsConcurrencyToken();
        b.HasIndex(s => new { s.StationId, s.VillageCode });
        b.HasOne<Platform>().WithMany().HasForeignKey(s => s.StationId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(s => s.Needs).WithOne(n => n.Survey).HasForeignKey(n => n.SurveyId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class NeedConfiguration : IEntityTypeConfiguration<Need>
{
    public void Configure(EntityTypeBuilder<Need> b)
    {
        b.ToTable("Needs");
        b.Property(n => n.Description).HasMaxLength(500).IsRequired();
        b.Property(n => n.Domain).HasConversion<int?>();
        b.Property(n => n.Priority).HasConversion<int>();
        b.Property(n => n.Status).HasConversion<int>();
        b.HasMany(n => n.Activities).WithOne(l => l.Need).HasForeignKey(l => l.NeedId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class NeedActivityConfiguration : IEntityTypeConfiguration<NeedActivity>
{
    public void Configure(EntityTypeBuilder<NeedActivity> b)
    {
        b.ToTable("NeedActivities");
        b.HasKey(l => new { l.NeedId, l.ActivityId });
        b.HasIndex(l => l.ActivityId);
        b.HasOne<Activity>().WithMany().HasForeignKey(l => l.ActivityId).OnDelete(DeleteBehavior.Cascade);
    }
}

public static class NeedNames
{
    public static string Priority(NeedPriority p) => p switch { NeedPriority.High => "high", NeedPriority.Low => "low", _ => "medium" };
    public static NeedPriority? Priority(string? s) => s switch { "high" => NeedPriority.High, "medium" => NeedPriority.Medium, "low" => NeedPriority.Low, _ => null };
    public static string PriorityChinese(NeedPriority p) => p switch { NeedPriority.High => "高", NeedPriority.Low => "低", _ => "中" };
    public static string Status(NeedStatus s) => s switch { NeedStatus.InProgress => "inProgress", NeedStatus.Met => "met", _ => "open" };
    public static NeedStatus? Status(string? s) => s switch { "open" => NeedStatus.Open, "inProgress" => NeedStatus.InProgress, "met" => NeedStatus.Met, _ => null };
    public static string StatusChinese(NeedStatus s) => s switch { NeedStatus.InProgress => "回应中", NeedStatus.Met => "已回应", _ => "待回应" };
}

public sealed record NeedActivityDto(Guid Id, string Date, string Theme);

public sealed record NeedDto(
    Guid Id, Guid SurveyId, string? SurveyTitle, string? VillageCode, string? VillageName, string Description, string? Domain,
    string Priority, int? AffectedCount, string Status, IReadOnlyList<NeedActivityDto> Activities);

public sealed record NeedsSurveyDto(
    Guid Id, Guid StationId, string? StationName, string VillageCode, string? VillageName, string Title, string ConductedOn,
    string? Method, int? Respondents, string? Summary, IReadOnlyList<NeedDto> Needs, IReadOnlyList<AttachmentDto> Attachments,
    string? CreatedBy, DateTime CreatedAt, int Version);

/// <summary>A need as sent: with <c>id</c> to keep an existing one (and its links), without to add one; needs left out are removed.</summary>
public sealed record NeedInput(Guid? Id, string? Description, string? Domain, string? Priority, int? AffectedCount, string? Status, IReadOnlyList<Guid>? ActivityIds);

public sealed record NeedsSurveyInput(
    Guid? StationId, string? VillageCode, string? Title, string? ConductedOn, string? Method, int? Respondents, string? Summary,
    IReadOnlyList<NeedInput>? Needs, int? Version);
