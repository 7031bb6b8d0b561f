using System.ComponentModel.DataAnnotations.Schema;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SocialWorkStation.Domain.IdNumbers;
using SocialWorkStation.Domain.Staff;
using SocialWorkStation.Web.Features.Accounts;
using SocialWorkStation.Web.Features.Audit;
using SocialWorkStation.Web.Features.Recipients;
using SocialWorkStation.Web.Features.Stations;
using SocialWorkStation.Web.Infrastructure;

namespace SocialWorkStation.Web.Features.Workers;

/// <summary>
/// A resident social worker (驻站社工) or station head of a platform: a station, a village room or the county
/// centre. The API calls the platform "stationId" (docs/requirements/api.md). Past workers stay on record with a leaving date.
/// </summary>
public sealed class Worker : IVersioned, IProtectedPersonalData
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid PlatformId { get; set; }
    public Platform? Platform { get; set; }
    public string Name { get; set; } = "";
    /// <summary>
    /// GB 11643 number; personal data, masked in every answer unless revealed. In memory only: stored encrypted
    /// (<see cref="IdNumberCipher"/>) with a keyed hash for the duplicate check (docs/security.md).
    /// </summary>
    [NotMapped]
    public string IdNumber { get; set; } = "";
    [Sensitive] public byte[]? IdNumberCipher { get; set; }
    /// <summary>Keyed hash of the whole number: the duplicate check without decrypting.</summary>
    [Sensitive] public string? IdNumberHash { get; set; }
    /// <summary>Keyed hash of the last four characters: staff find a worker by them.</summary>
    [Sensitive] public string? IdTailHash { get; set; }
    private string? _sealedIdNumber;
    /// <summary>Derived from the ID number; kept as a column so lists need not parse it.</summary>
    [Sensitive]
    public DateOnly BirthDate { get; set; }
    public Sex Sex { get; set; }
    public WorkerRole Role { get; set; }
    public Education Education { get; set; }
    public string? Major { get; set; }
    public MajorCategory MajorCategory { get; set; }
    public DateOnly HireDate { get; set; }
    /// <summary>The day the worker no longer works here; from that day on not counted.</summary>
    public DateOnly? LeftOn { get; set; }
    /// <summary>When social work practice began (Shenmu art. 11: 2 years' practice for a head).</summary>
    public DateOnly? PracticeStartedOn { get; set; }
    public bool LocalHukou { get; set; }
    public bool ProvincialFreshGraduate { get; set; }
    public bool TrainingBaseIntern { get; set; }
    public List<WorkerCertificate> Certificates { get; set; } = [];
    public List<WorkerTraining> Trainings { get; set; } = [];
    public List<WorkerContactVillage> ContactVillages { get; set; } = [];
    public DateTime CreatedAt { get; set; }
    public int Version { get; set; } = 1;

    public bool ActiveOn(DateOnly day) => HireDate <= day && (LeftOn is null || day < LeftOn);

    public static string Context(Guid id, string field) => ProtectedField.Context("worker", id.ToString("N"), field);

    public static string HashOf(RecipientProtector p, string idNumber) => p.BlindIndex("worker-id", idNumber.Trim().ToUpperInvariant());

    public static string TailHashOf(RecipientProtector p, string tail) => p.BlindIndex("worker-tail", tail.Trim().ToUpperInvariant());

    public void Unprotect(RecipientProtector p)
    {
        IdNumber = ProtectedField.Open(p, IdNumberCipher, Context(Id, "idNumber")) ?? "";
        _sealedIdNumber = IdNumberCipher is null ? null : IdNumber;
    }

    public bool Protect(RecipientProtector p, bool force = false)
    {
        var cipher = IdNumberCipher;
        if (!ProtectedField.Seal(p, IdNumber, ref _sealedIdNumber, ref cipher, Context(Id, "idNumber"), force))
        {
            return false;
        }
        IdNumberCipher = cipher;
        IdNumberHash = string.IsNullOrEmpty(IdNumber) ? null : HashOf(p, IdNumber);
        IdTailHash = IdNumber.Length < 4 ? null : TailHashOf(p, IdNumber[^4..]);
        return true;
    }
}

/// <summary>A social work certificate (职业资格证书) with the day it was obtained and whether it is registered.</summary>
public sealed class WorkerCertificate
{
    // Left empty so EF generates it when the row is added through the collection.
    public Guid Id { get; set; }
    public Guid WorkerId { get; set; }
    public CertificateKind Kind { get; set; }
    public DateOnly ObtainedOn { get; set; }
    /// <summary>Registered under 民发〔2009〕44号 (Ledong asks for it).</summary>
    public bool Registered { get; set; }
}

/// <summary>A training record (培训) with hours; Professional marks social work professional training.</summary>
public sealed class WorkerTraining
{
    public Guid Id { get; set; }
    public Guid WorkerId { get; set; }
    public DateOnly Date { get; set; }
    public decimal Hours { get; set; }
    public string? Provider { get; set; }
    public string? Topic { get; set; }
    public bool Professional { get; set; }
}

/// <summary>A village (community) the worker is the contact for (Wenzhou 六(二)2).</summary>
public sealed class WorkerContactVillage
{
    public Guid Id { get; set; }
    public Guid WorkerId { get; set; }
    public string VillageCode { get; set; } = "";
}

public sealed class WorkerConfiguration : IEntityTypeConfiguration<Worker>
{
    public void Configure(EntityTypeBuilder<Worker> b)
    {
        b.Property(w => w.Name).HasMaxLength(50).IsRequired();
        b.Property(w => w.IdNumberHash).HasMaxLength(44);
        b.Property(w => w.IdTailHash).HasMaxLength(44);
        // The clear column of releases before encryption; emptied at start-up (PersonalDataUpgrade).
        b.LegacyColumn(PersonalDataUpgrade.Legacy, "IdNumber", 18);
        b.Property(w => w.Sex).HasConversion<int>();
        b.Property(w => w.Role).HasConversion<int>();
        b.Property(w => w.Education).HasConversion<int>();
        b.Property(w => w.MajorCategory).HasConversion<int>();
        b.Property(w => w.Major).HasMaxLength(100);
        b.Property(w => w.Version).IsConcurrencyToken();
        b.HasIndex(w => w.PlatformId);
        b.HasIndex(w => w.IdNumberHash);
        b.HasIndex(w => w.IdTailHash);
        b.HasOne(w => w.Platform).WithMany().HasForeignKey(w => w.PlatformId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(w => w.Certificates).WithOne().HasForeignKey(c => c.WorkerId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(w => w.Trainings).WithOne().HasForeignKey(t => t.WorkerId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(w => w.ContactVillages).WithOne().HasForeignKey(v => v.WorkerId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class WorkerCertificateConfiguration : IEntityTypeConfiguration<WorkerCertificate>
{
    public void Configure(EntityTypeBuilder<WorkerCertificate> b) => b.Property(c => c.Kind).HasConversion<int>();
}

public sealed class WorkerTrainingConfiguration : IEntityTypeConfiguration<WorkerTraining>
{
    public void Configure(EntityTypeBuilder<WorkerTraining> b)
    {
        // Summed in memory, never in SQL, so a plain decimal column works on SQLite too.
        b.Property(t => t.Hours).HasPrecision(7, 1);
        b.Property(t => t.Provider).HasMaxLength(100);
        b.Property(t => t.Topic).HasMaxLength(100);
    }
}

public sealed class WorkerContactVillageConfiguration : IEntityTypeConfiguration<WorkerContactVillage>
{
    public void Configure(EntityTypeBuilder<WorkerContactVillage> b) => b.Property(v => v.VillageCode).HasMaxLength(12).IsRequired();
}

public static class WorkerScope
{
    /// <summary>A worker is visible exactly when their platform is (see PlatformScope.VisibleTo).</summary>
    public static IQueryable<Worker> VisibleTo(this IQueryable<Worker> q, UserScope s) => s.Kind switch
    {
        ScopeKind.Platform => q,
        ScopeKind.Region => q.Where(w => w.Platform!.RegionCode.StartsWith(s.RegionPrefix!)),
        ScopeKind.Station => q.Where(w => w.PlatformId == s.StationId || w.Platform!.ParentId == s.StationId),
        _ => q.Where(w => false),
    };
}
