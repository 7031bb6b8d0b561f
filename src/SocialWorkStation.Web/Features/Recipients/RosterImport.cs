using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SocialWorkStation.Domain.Recipients;
using SocialWorkStation.Web.Features.Audit;

namespace SocialWorkStation.Web.Features.Recipients;

public enum RosterImportStatus
{
    /// <summary>File stored, waiting for the column mapping.</summary>
    Uploaded = 0,
    /// <summary>Mapping given; a background job checks every row and computes the diff.</summary>
    QueuedCheck = 1,
    Checking = 2,
    /// <summary>Preview ready: problems by row and column, and who is new, changed and gone.</summary>
    Checked = 3,
    /// <summary>The worker confirmed; a background job writes it in one transaction.</summary>
    QueuedApply = 4,
    Applying = 5,
    Applied = 6,
    Failed = 7,
}

/// <summary>
/// One roster import (低保/特困 名单) and the state of its background job. The state lives here, not in a
/// node's memory, so any web node reports the progress and any node's job runner may pick the job up;
/// a lease lets another node take over a job whose node died. The uploaded file is kept encrypted
/// (it holds ID numbers) and deleted once the import is applied or has failed.
/// </summary>
[NotAudited]
public sealed class RosterImport
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid StationId { get; set; }
    public RecipientCategory Category { get; set; }
    public string FileName { get; set; } = "";
    [Sensitive] public byte[]? FileCipher { get; set; }
    /// <summary>JSON array of the header row's column names.</summary>
    public string HeadersJson { get; set; } = "[]";
    /// <summary>JSON object: field → column name.</summary>
    public string? MappingJson { get; set; }
    public RosterImportStatus Status { get; set; }
    public int Total { get; set; }
    public int Processed { get; set; }
    /// <summary>JSON array of <see cref="RosterProblem"/> (at most <see cref="ImportRoster.MaxProblems"/>).</summary>
    public string? ProblemsJson { get; set; }
    public int ProblemCount { get; set; }
    /// <summary>JSON of <see cref="RosterDiff"/>; names masked.</summary>
    public string? DiffJson { get; set; }
    public string? Error { get; set; }
    public string? LeaseOwner { get; set; }
    public DateTime? LeaseUntil { get; set; }
    public string CreatedBy { get; set; } = "";
    public string? CreatedById { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? FinishedAt { get; set; }
}

/// <summary>The column mapping last used for a station's rosters, offered again at the next upload.</summary>
[NotAudited]
public sealed class RosterMapping
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid StationId { get; set; }
    public string MappingJson { get; set; } = "{}";
    public DateTime UpdatedAt { get; set; }
}

public sealed record RosterProblem(int Row, string? Column, string Message);

public sealed record RosterDiffEntry(int? Row, Guid? RecipientId, string Name, string? Change);

public sealed record RosterDiff(int New, int Changed, int Unchanged, int Left,
    IReadOnlyList<RosterDiffEntry> NewEntries, IReadOnlyList<RosterDiffEntry> ChangedEntries, IReadOnlyList<RosterDiffEntry> LeftEntries);

public sealed class RosterImportConfiguration : IEntityTypeConfiguration<RosterImport>
{
    public void Configure(EntityTypeBuilder<RosterImport> b)
    {
        b.Property(x => x.Category).HasConversion<int>();
        b.Property(x => x.Status).HasConversion<int>();
        b.Property(x => x.FileName).HasMaxLength(200);
        b.Property(x => x.LeaseOwner).HasMaxLength(100);
        b.Property(x => x.CreatedBy).HasMaxLength(256);
        b.Property(x => x.Error).HasMaxLength(2000);
        b.HasOne<Stations.Platform>().WithMany().HasForeignKey(x => x.StationId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => x.Status);
        b.HasIndex(x => new { x.StationId, x.CreatedAt });
    }
}

public sealed class RosterMappingConfiguration : IEntityTypeConfiguration<RosterMapping>
{
    public void Configure(EntityTypeBuilder<RosterMapping> b)
    {
        b.HasIndex(x => x.StationId).IsUnique();
        b.HasOne<Stations.Platform>().WithMany().HasForeignKey(x => x.StationId).OnDelete(DeleteBehavior.Cascade);
    }
}
