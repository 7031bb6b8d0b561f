using System.ComponentModel.DataAnnotations.Schema;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SocialWorkStation.Domain.IdNumbers;
using SocialWorkStation.Domain.Volunteers;
using SocialWorkStation.Web.Features.Activities;
using SocialWorkStation.Web.Features.Audit;
using SocialWorkStation.Web.Features.Recipients;
using SocialWorkStation.Web.Features.Stations;
using SocialWorkStation.Web.Infrastructure;

namespace SocialWorkStation.Web.Features.Volunteers;

/// <summary>
/// A real-name registered volunteer (实名注册志愿者) of a station. Order No. 67 art. 4 lists what a record
/// holds: basic personal information, services, training, awards, evaluations (evaluations are not kept
/// yet). The ID number and the phone are personal information: encrypted at rest with keyed hashes for the
/// duplicate check and the last-four search, masked in every answer unless revealed (docs/security.md).
/// </summary>
public sealed class Volunteer : IVersioned, IStationRecord, IProtectedPersonalData
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid StationId { get; set; }
    public string Name { get; set; } = "";
    public IdentityDocumentType IdType { get; set; } = IdentityDocumentType.ResidentId;
    /// <summary>In memory only; stored in <see cref="IdNumberCipher"/>.</summary>
    [NotMapped] public string IdNumber { get; set; } = "";
    [Sensitive] public byte[]? IdNumberCipher { get; set; }
    [Sensitive] public string? IdNumberHash { get; set; }
    /// <summary>Keyed hash of the number's last four characters: staff find a person by them.</summary>
    [Sensitive] public string? IdTailHash { get; set; }
    public Sex? Sex { get; set; }
    public DateOnly? BirthDate { get; set; }
    /// <summary>In memory only; stored in <see cref="PhoneCipher"/>.</summary>
    [NotMapped] public string? Phone { get; set; }
    [Sensitive] public byte[]? PhoneCipher { get; set; }
    private string? _sealedIdNumber;
    private IdentityDocumentType? _sealedIdType;
    private string? _sealedPhone;
    /// <summary>The number the national volunteer system (全国志愿服务信息系统) gave, once registered there.</summary>
    public string? VolunteerNumber { get; set; }
    /// <summary>The day of real-name registration with the station: counts toward "new volunteers" of that year.</summary>
    public DateOnly RegisteredOn { get; set; }
    public string? Skills { get; set; }
    public string? Notes { get; set; }
    public List<VolunteerTeamMember> Teams { get; set; } = [];
    public List<VolunteerTraining> Trainings { get; set; } = [];
    public List<VolunteerAward> Awards { get; set; } = [];
    public DateTime CreatedAt { get; set; }
    public string? CreatedBy { get; set; }
    public int Version { get; set; } = 1;
    public static string Context(Guid id, string field) => ProtectedField.Context("volunteer", id.ToString("N"), field);

    public static string HashOf(RecipientProtector p, IdentityDocumentType type, string number) =>
        p.BlindIndex("volunteer-id", (int)type + ":" + number.Trim().ToUpperInvariant());

    /// <summary>The last four characters of any kind of document number, upper case.</summary>
    public static string TailHashOf(RecipientProtector p, string tail) => p.BlindIndex("volunteer-tail", tail.Trim().ToUpperInvariant());

    public void Unprotect(RecipientProtector p)
    {
        IdNumber = ProtectedField.Open(p, IdNumberCipher, Context(Id, "idNumber")) ?? "";
        _sealedIdNumber = IdNumberCipher is null ? null : IdNumber;
        _sealedIdType = IdType;
        Phone = ProtectedField.Open(p, PhoneCipher, Context(Id, "phone"));
        _sealedPhone = Phone;
    }

    public bool Protect(RecipientProtector p, bool force = false)
    {
        var changed = false;
        var id = IdNumberCipher;
        // The hash covers the document type too, so a change of type alone re-indexes.
        if (ProtectedField.Seal(p, IdNumber, ref _sealedIdNumber, ref id, Context(Id, "idNumber"), force) || IdType != _sealedIdType)
        {
            _sealedIdType = IdType;
            IdNumberCipher = id;
            IdNumberHash = IdNumber.Length == 0 ? null : HashOf(p, IdType, IdNumber);
            IdTailHash = IdNumber.Length < 4 ? null : TailHashOf(p, IdNumber[^4..]);
            changed = true;
        }
        var phone = PhoneCipher;
        if (ProtectedField.Seal(p, Phone, ref _sealedPhone, ref phone, Context(Id, "phone"), force))
        {
            PhoneCipher = phone;
            changed = true;
        }
        return changed;
    }
}

/// <summary>
/// A training the volunteer took part in (培训情况, order No. 67 art. 4): when, what, how many class hours
/// (学时) and who ran it. Training hours are not service hours and never count toward them.
/// </summary>
public sealed class VolunteerTraining
{
    public Guid Id { get; set; }
    public Guid VolunteerId { get; set; }
    public DateOnly Date { get; set; }
    public string Name { get; set; } = "";
    /// <summary>Class hours (学时), one decimal; summed in memory, never compared in SQL.</summary>
    public decimal Hours { get; set; }
    public string? Organiser { get; set; }
    public DateTime CreatedAt { get; set; }
    public string? CreatedBy { get; set; }
}

/// <summary>An award or commendation (表彰奖励情况, order No. 67 art. 4): when, what, and who granted it.</summary>
public sealed class VolunteerAward
{
    public Guid Id { get; set; }
    public Guid VolunteerId { get; set; }
    public DateOnly Date { get; set; }
    public string Name { get; set; } = "";
    public string Grantor { get; set; } = "";
    public DateTime CreatedAt { get; set; }
    public string? CreatedBy { get; set; }
}

/// <summary>A volunteer team (志愿服务队) of a station.</summary>
public sealed class VolunteerTeam : IVersioned, IStationRecord, IProtectedPersonalData
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid StationId { get; set; }
    public string Name { get; set; } = "";
    public DateOnly FoundedOn { get; set; }
    public DateOnly? DisbandedOn { get; set; }
    public string? Leader { get; set; }
    /// <summary>In memory only; stored in <see cref="LeaderPhoneCipher"/>.</summary>
    [NotMapped] public string? LeaderPhone { get; set; }
    [Sensitive] public byte[]? LeaderPhoneCipher { get; set; }
    private string? _sealedLeaderPhone;
    /// <summary>What the team does (助老, 关爱儿童, 环境整治 …).</summary>
    public string? ServiceArea { get; set; }
    /// <summary>The team's number in the national volunteer system, once registered there.</summary>
    public string? TeamNumber { get; set; }
    public List<VolunteerTeamMember> Members { get; set; } = [];
    public DateTime CreatedAt { get; set; }
    public int Version { get; set; } = 1;

    public static string Context(Guid id) => ProtectedField.Context("volunteerTeam", id.ToString("N"), "leaderPhone");

    public void Unprotect(RecipientProtector p)
    {
        LeaderPhone = ProtectedField.Open(p, LeaderPhoneCipher, Context(Id));
        _sealedLeaderPhone = LeaderPhone;
    }

    public bool Protect(RecipientProtector p, bool force = false)
    {
        var cipher = LeaderPhoneCipher;
        var changed = ProtectedField.Seal(p, LeaderPhone, ref _sealedLeaderPhone, ref cipher, Context(Id), force);
        LeaderPhoneCipher = cipher;
        return changed;
    }
}

public sealed class VolunteerTeamMember
{
    public Guid TeamId { get; set; }
    public VolunteerTeam? Team { get; set; }
    public Guid VolunteerId { get; set; }
    public Volunteer? Volunteer { get; set; }
}

/// <summary>
/// One piece of volunteer service (志愿服务记录): who, when, in which activity, what, and the time served
/// in whole minutes without travel (order No. 67). When start and end are given, the travel inside the
/// span is recorded beside them and left out of <see cref="Minutes"/>.
/// </summary>
public sealed class VolunteerService : IVersioned, IStationRecord
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid StationId { get; set; }
    public Guid VolunteerId { get; set; }
    public Volunteer? Volunteer { get; set; }
    public Guid? ActivityId { get; set; }
    public Guid? TeamId { get; set; }
    public DateOnly Date { get; set; }
    public TimeOnly? StartTime { get; set; }
    public TimeOnly? EndTime { get; set; }
    public int TravelMinutes { get; set; }
    public int Minutes { get; set; }
    public string Content { get; set; } = "";
    public DateTime CreatedAt { get; set; }
    public string? CreatedBy { get; set; }
    public int Version { get; set; } = 1;
}

/// <summary>
/// A proof of volunteer service (志愿服务证明) as issued: the fields of order No. 67 frozen at issue, with
/// a number unique in the station (region code, year, sequence).
/// </summary>
public sealed class VolunteerProof : IStationRecord
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid StationId { get; set; }
    public Guid VolunteerId { get; set; }
    public string Number { get; set; } = "";
    public DateOnly IssuedOn { get; set; }
    public DateOnly From { get; set; }
    public DateOnly To { get; set; }
    public int Minutes { get; set; }
    public int ServiceCount { get; set; }
    /// <summary>The services proven, one line each (date, content, hours).</summary>
    public string Content { get; set; } = "";
    public string Issuer { get; set; } = "";
    public string PersonInCharge { get; set; } = "";
    public string Contact { get; set; } = "";
    public string? Handler { get; set; }
    /// <summary>
    /// Other matters the proof states (其他需要说明的事项), frozen at issue: the trainings and awards of the period
    /// when the issuer chose to list them. The order's own fields do not include them.
    /// </summary>
    public string? Remarks { get; set; }
    public DateTime CreatedAt { get; set; }
    public string? CreatedBy { get; set; }
}

public sealed class VolunteerConfiguration : IEntityTypeConfiguration<Volunteer>
{
    public void Configure(EntityTypeBuilder<Volunteer> b)
    {
        b.ToTable("Volunteers");
        b.Property(v => v.Name).HasMaxLength(50).IsRequired();
        b.Property(v => v.IdType).HasConversion<int>();
        b.Property(v => v.IdNumberHash).HasMaxLength(44);
        b.Property(v => v.IdTailHash).HasMaxLength(44);
        b.Property(v => v.Sex).HasConversion<int?>();
        // The clear columns of releases before encryption; emptied at start-up (PersonalDataUpgrade).
        b.LegacyColumn(PersonalDataUpgrade.Legacy, "IdNumber", 30);
        b.LegacyColumn(PersonalDataUpgrade.LegacyPhone, "Phone", 30);
        b.Property(v => v.VolunteerNumber).HasMaxLength(50);
        b.Property(v => v.Skills).HasMaxLength(200);
        b.Property(v => v.Notes).HasMaxLength(1000);
        b.Property(v => v.CreatedBy).HasMaxLength(256);
        b.Property(v => v.Version).IsConcurrencyToken();
        // One registration per person per station.
        b.HasIndex(v => new { v.StationId, v.IdType, v.IdNumberHash }).IsUnique();
        b.HasIndex(v => new { v.IdTailHash, v.StationId });
        b.HasIndex(v => new { v.StationId, v.RegisteredOn });
        b.HasOne<Platform>().WithMany().HasForeignKey(v => v.StationId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(v => v.Teams).WithOne(m => m.Volunteer).HasForeignKey(m => m.VolunteerId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(v => v.Trainings).WithOne().HasForeignKey(t => t.VolunteerId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(v => v.Awards).WithOne().HasForeignKey(a => a.VolunteerId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class VolunteerTrainingConfiguration : IEntityTypeConfiguration<VolunteerTraining>
{
    public void Configure(EntityTypeBuilder<VolunteerTraining> b)
    {
        b.ToTable("VolunteerTrainings");
        b.Property(t => t.Name).HasMaxLength(100).IsRequired();
        b.Property(t => t.Hours).HasPrecision(6, 1);
        b.Property(t => t.Organiser).HasMaxLength(100);
        b.Property(t => t.CreatedBy).HasMaxLength(256);
        b.HasIndex(t => new { t.VolunteerId, t.Date });
    }
}

public sealed class VolunteerAwardConfiguration : IEntityTypeConfiguration<VolunteerAward>
{
    public void Configure(EntityTypeBuilder<VolunteerAward> b)
    {
        b.ToTable("VolunteerAwards");
        b.Property(a => a.Name).HasMaxLength(100).IsRequired();
        b.Property(a => a.Grantor).HasMaxLength(100).IsRequired();
        b.Property(a => a.CreatedBy).HasMaxLength(256);
        b.HasIndex(a => new { a.VolunteerId, a.Date });
    }
}

public sealed class VolunteerTeamConfiguration : IEntityTypeConfiguration<VolunteerTeam>
{
    public void Configure(EntityTypeBuilder<VolunteerTeam> b)
    {
        b.ToTable("VolunteerTeams");
        b.Property(t => t.Name).HasMaxLength(100).IsRequired();
        b.Property(t => t.Leader).HasMaxLength(50);
        b.LegacyColumn(PersonalDataUpgrade.LegacyPhone, "LeaderPhone", 30);
        b.Property(t => t.ServiceArea).HasMaxLength(200);
        b.Property(t => t.TeamNumber).HasMaxLength(50);
        b.Property(t => t.Version).IsConcurrencyToken();
        b.HasIndex(t => t.StationId);
        b.HasOne<Platform>().WithMany().HasForeignKey(t => t.StationId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(t => t.Members).WithOne(m => m.Team).HasForeignKey(m => m.TeamId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class VolunteerTeamMemberConfiguration : IEntityTypeConfiguration<VolunteerTeamMember>
{
    public void Configure(EntityTypeBuilder<VolunteerTeamMember> b)
    {
        b.ToTable("VolunteerTeamMembers");
        b.HasKey(m => new { m.TeamId, m.VolunteerId });
    }
}

public sealed class VolunteerServiceConfiguration : IEntityTypeConfiguration<VolunteerService>
{
    public void Configure(EntityTypeBuilder<VolunteerService> b)
    {
        b.ToTable("VolunteerServices");
        b.Property(s => s.Content).HasMaxLength(500).IsRequired();
        b.Property(s => s.CreatedBy).HasMaxLength(256);
        b.Property(s => s.Version).IsConcurrencyToken();
        b.HasIndex(s => new { s.StationId, s.Date });
        b.HasIndex(s => new { s.VolunteerId, s.Date });
        b.HasOne<Platform>().WithMany().HasForeignKey(s => s.StationId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(s => s.Volunteer).WithMany().HasForeignKey(s => s.VolunteerId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Activity>().WithMany().HasForeignKey(s => s.ActivityId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<VolunteerTeam>().WithMany().HasForeignKey(s => s.TeamId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class VolunteerProofConfiguration : IEntityTypeConfiguration<VolunteerProof>
{
    public void Configure(EntityTypeBuilder<VolunteerProof> b)
    {
        b.ToTable("VolunteerProofs");
        b.Property(p => p.Number).HasMaxLength(40).IsRequired();
        b.Property(p => p.Content).HasMaxLength(20000).IsRequired();
        b.Property(p => p.Issuer).HasMaxLength(100).IsRequired();
        b.Property(p => p.PersonInCharge).HasMaxLength(50).IsRequired();
        b.Property(p => p.Contact).HasMaxLength(50).IsRequired();
        b.Property(p => p.Handler).HasMaxLength(50);
        b.Property(p => p.Remarks).HasMaxLength(4000);
        b.Property(p => p.CreatedBy).HasMaxLength(256);
        b.HasIndex(p => p.Number).IsUnique();
        b.HasIndex(p => p.VolunteerId);
        b.HasOne<Platform>().WithMany().HasForeignKey(p => p.StationId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Volunteer>().WithMany().HasForeignKey(p => p.VolunteerId).OnDelete(DeleteBehavior.Restrict);
    }
}
