using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SocialWorkStation.Domain.Groups;
using SocialWorkStation.Web.Features.Stations;
using SocialWorkStation.Web.Infrastructure;

namespace SocialWorkStation.Web.Features.Groups;

/// <summary>A group (小组, MZ/T 095-2017): purpose, stage, planned sessions and members (recipients).</summary>
public sealed class Group : IVersioned, IStationRecord
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid StationId { get; set; }
    public Platform? Station { get; set; }
    public string Name { get; set; } = "";
    public string Purpose { get; set; } = "";
    public GroupStage Stage { get; set; }
    public int PlannedSessions { get; set; }
    public DateOnly StartedOn { get; set; }
    public List<GroupMember> Members { get; set; } = [];
    public DateTime CreatedAt { get; set; }
    public int Version { get; set; } = 1;
}

public sealed class GroupMember
{
    public Guid Id { get; set; }
    public Guid GroupId { get; set; }
    public Guid RecipientId { get; set; }
}

/// <summary>One session (节) held, with its content, who attended, and photos (attachment owner "groupSession").</summary>
public sealed class GroupSession : IStationRecord
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid GroupId { get; set; }
    public Guid StationId { get; set; }
    public int Number { get; set; }
    public DateOnly HeldOn { get; set; }
    public string Content { get; set; } = "";
    public List<GroupAttendance> Attendance { get; set; } = [];
    public DateTime CreatedAt { get; set; }
}

public sealed class GroupAttendance
{
    public Guid Id { get; set; }
    public Guid SessionId { get; set; }
    public Guid RecipientId { get; set; }
}

public sealed class GroupConfiguration : IEntityTypeConfiguration<Group>
{
    public void Configure(EntityTypeBuilder<Group> b)
    {
        b.ToTable("Groups");
        b.Property(g => g.Name).HasMaxLength(100).IsRequired();
        b.Property(g => g.Purpose).HasMaxLength(2000).IsRequired();
        b.Property(g => g.Stage).HasConversion<int>();
        b.Property(g => g.Version).IsConcurrencyToken();
        b.HasOne(g => g.Station).WithMany().HasForeignKey(g => g.StationId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(g => g.Members).WithOne().HasForeignKey(m => m.GroupId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(g => new { g.StationId, g.StartedOn });
    }
}

public sealed class GroupMemberConfiguration : IEntityTypeConfiguration<GroupMember>
{
    public void Configure(EntityTypeBuilder<GroupMember> b)
    {
        b.HasOne<Recipients.Recipient>().WithMany().HasForeignKey(m => m.RecipientId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(m => new { m.GroupId, m.RecipientId }).IsUnique();
    }
}

public sealed class GroupSessionConfiguration : IEntityTypeConfiguration<GroupSession>
{
    public void Configure(EntityTypeBuilder<GroupSession> b)
    {
        b.Property(s => s.Content).HasMaxLength(4000).IsRequired();
        b.HasOne<Group>().WithMany().HasForeignKey(s => s.GroupId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(s => s.Attendance).WithOne().HasForeignKey(a => a.SessionId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(s => new { s.GroupId, s.Number }).IsUnique();
    }
}

public sealed class GroupAttendanceConfiguration : IEntityTypeConfiguration<GroupAttendance>
{
    public void Configure(EntityTypeBuilder<GroupAttendance> b)
    {
        b.HasOne<Recipients.Recipient>().WithMany().HasForeignKey(a => a.RecipientId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(a => new { a.SessionId, a.RecipientId }).IsUnique();
    }
}
