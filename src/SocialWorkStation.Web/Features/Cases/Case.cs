using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SocialWorkStation.Domain.Cases;
using SocialWorkStation.Web.Features.Audit;
using SocialWorkStation.Web.Features.Recipients;
using SocialWorkStation.Web.Features.Stations;
using SocialWorkStation.Web.Features.Workers;
using SocialWorkStation.Web.Infrastructure;

namespace SocialWorkStation.Web.Features.Cases;

/// <summary>
/// A case (个案, MZ/T 094-2017) of one recipient at one station: needs, plan goals, services given (each
/// counted against the profile's minimum), evaluation, supervisor reviews of plan and evaluation, and
/// case notes that are stored only encrypted (the recipients' keys) and read with an audit entry.
/// </summary>
public sealed class Case : IVersioned, IStationRecord
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid StationId { get; set; }
    public Platform? Station { get; set; }
    public Guid RecipientId { get; set; }
    public Recipient? Recipient { get; set; }
    public Guid WorkerId { get; set; }
    public Worker? Worker { get; set; }
    public DateOnly OpenedOn { get; set; }
    public CaseStage Stage { get; set; }
    public DateOnly StageSince { get; set; }
    public string? Assessment { get; set; }
    public string? Evaluation { get; set; }
    public string? PlanReviewedBy { get; set; }
    public DateTime? PlanReviewedAt { get; set; }
    public string? EvaluationReviewedBy { get; set; }
    public DateTime? EvaluationReviewedAt { get; set; }
    public string? ReferredTo { get; set; }
    [Sensitive] public byte[]? NotesCipher { get; set; }
    public List<CaseNeed> Needs { get; set; } = [];
    public List<CaseGoal> Goals { get; set; } = [];
    public List<CaseService> Services { get; set; } = [];
    public DateTime CreatedAt { get; set; }
    public int Version { get; set; } = 1;

    public static string NotesContext(Guid id) => $"case/{id:N}/notes";
}

public sealed class CaseNeed
{
    public Guid Id { get; set; }
    public Guid CaseId { get; set; }
    public string Text { get; set; } = "";
}

public sealed class CaseGoal
{
    public Guid Id { get; set; }
    public Guid CaseId { get; set; }
    public string Text { get; set; } = "";
}

/// <summary>One service given in the intervention (counted: Qiongzhong asks for at least 5 per case).</summary>
public sealed class CaseService
{
    public Guid Id { get; set; }
    public Guid CaseId { get; set; }
    public DateOnly On { get; set; }
    public string Content { get; set; } = "";
    public DateTime CreatedAt { get; set; }
}

public sealed class CaseConfiguration : IEntityTypeConfiguration<Case>
{
    public void Configure(EntityTypeBuilder<Case> b)
    {
        b.ToTable("Cases");
        b.Property(c => c.Stage).HasConversion<int>();
        b.Property(c => c.Assessment).HasMaxLength(4000);
        b.Property(c => c.Evaluation).HasMaxLength(4000);
        b.Property(c => c.PlanReviewedBy).HasMaxLength(50);
        b.Property(c => c.EvaluationReviewedBy).HasMaxLength(50);
        b.Property(c => c.ReferredTo).HasMaxLength(200);
        b.Property(c => c.Version).IsConcurrencyToken();
        b.HasOne(c => c.Station).WithMany().HasForeignKey(c => c.StationId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(c => c.Recipient).WithMany().HasForeignKey(c => c.RecipientId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(c => c.Worker).WithMany().HasForeignKey(c => c.WorkerId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(c => c.Needs).WithOne().HasForeignKey(n => n.CaseId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(c => c.Goals).WithOne().HasForeignKey(n => n.CaseId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(c => c.Services).WithOne().HasForeignKey(n => n.CaseId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(c => new { c.StationId, c.OpenedOn });
        b.HasIndex(c => c.RecipientId);
    }
}

public sealed class CaseNeedConfiguration : IEntityTypeConfiguration<CaseNeed>
{
    public void Configure(EntityTypeBuilder<CaseNeed> b) => b.Property(n => n.Text).HasMaxLength(500).IsRequired();
}

public sealed class CaseGoalConfiguration : IEntityTypeConfiguration<CaseGoal>
{
    public void Configure(EntityTypeBuilder<CaseGoal> b) => b.Property(n => n.Text).HasMaxLength(500).IsRequired();
}

public sealed class CaseServiceConfiguration : IEntityTypeConfiguration<CaseService>
{
    public void Configure(EntityTypeBuilder<CaseService> b) => b.Property(n => n.Content).HasMaxLength(2000).IsRequired();
}
