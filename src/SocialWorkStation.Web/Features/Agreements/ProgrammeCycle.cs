using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SocialWorkStation.Web.Features.Accounts;
using SocialWorkStation.Web.Features.Organisations;
using SocialWorkStation.Web.Features.Stations;
using SocialWorkStation.Web.Infrastructure;

namespace SocialWorkStation.Web.Features.Agreements;

/// <summary>
/// A programme cycle (项目周期, docs/requirements/agreements.md §2): a county bureau buys the service of its stations from
/// one contractor for the number of years its profile sets, signing one agreement each year.
/// </summary>
public sealed class ProgrammeCycle : IVersioned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    /// <summary>The county (6-digit GB/T 2260 code) whose bureau buys.</summary>
    public string CountyCode { get; set; } = "";
    public string ProfileKey { get; set; } = "";
    /// <summary>The buyer (购买方): the county civil affairs bureau, by name.</summary>
    public string BuyerName { get; set; } = "";
    public Guid ContractorId { get; set; }
    public Organisation? Contractor { get; set; }
    public DateOnly StartDate { get; set; }
    /// <summary>The cycle's length in years, copied from the profile when the cycle starts.</summary>
    public int Years { get; set; }
    public List<ProgrammeCycleStation> Stations { get; set; } = [];
    public List<Agreement> Agreements { get; set; } = [];
    public string CreatedBy { get; set; } = "";
    public DateTime CreatedAt { get; set; }
    public int Version { get; set; } = 1;
}

/// <summary>A station a cycle covers.</summary>
public sealed class ProgrammeCycleStation
{
    public Guid CycleId { get; set; }
    public Guid StationId { get; set; }
    public Platform? Station { get; set; }
}

/// <summary>One year's service agreement (年度服务协议) inside a cycle.</summary>
public sealed class Agreement : IVersioned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid CycleId { get; set; }
    public ProgrammeCycle? Cycle { get; set; }
    /// <summary>1..cycle years.</summary>
    public int YearNumber { get; set; }
    public DateOnly SignedOn { get; set; }
    public DateOnly TermStart { get; set; }
    public DateOnly TermEnd { get; set; }
    /// <summary>The contract amount in yuan, exact to the fen.</summary>
    public decimal Amount { get; set; }
    /// <summary>The keys of the required clauses the bureau ticked as contained, comma-separated.</summary>
    public string Clauses { get; set; } = "";
    /// <summary>The day the copy was filed with the city (Hunan 七（三）).</summary>
    public DateOnly? FiledOn { get; set; }
    /// <summary>The day the workers were placed at the stations (Hunan 七（四）).</summary>
    public DateOnly? WorkersPlacedOn { get; set; }
    /// <summary>The year's final evaluation grade entered by the bureau (until the evaluation feature supplies it), for renewal.</summary>
    public Domain.Agreements.FinalGrade? FinalGrade { get; set; }
    /// <summary>The evaluation report: its reference (document number or title) as the bureau enters it.</summary>
    public string? EvaluationReport { get; set; }
    public string CreatedBy { get; set; } = "";
    public DateTime CreatedAt { get; set; }
    public int Version { get; set; } = 1;

    public IReadOnlyList<string> ClauseKeys => Clauses.Split(',', StringSplitOptions.RemoveEmptyEntries);
}

public sealed class ProgrammeCycleConfiguration : IEntityTypeConfiguration<ProgrammeCycle>
{
    public void Configure(EntityTypeBuilder<ProgrammeCycle> b)
    {
        b.Property(c => c.CountyCode).HasMaxLength(6).IsRequired();
        b.Property(c => c.ProfileKey).HasMaxLength(50).IsRequired();
        b.Property(c => c.BuyerName).HasMaxLength(100).IsRequired();
        b.Property(c => c.CreatedBy).HasMaxLength(100);
        b.Property(c => c.Version).IsConcurrencyToken();
        b.HasIndex(c => c.CountyCode);
        b.HasIndex(c => c.ContractorId);
        b.HasOne(c => c.Contractor).WithMany().HasForeignKey(c => c.ContractorId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(c => c.Stations).WithOne().HasForeignKey(s => s.CycleId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(c => c.Agreements).WithOne(a => a.Cycle).HasForeignKey(a => a.CycleId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class ProgrammeCycleStationConfiguration : IEntityTypeConfiguration<ProgrammeCycleStation>
{
    public void Configure(EntityTypeBuilder<ProgrammeCycleStation> b)
    {
        b.HasKey(s => new { s.CycleId, s.StationId });
        b.HasIndex(s => s.StationId);
        b.HasOne(s => s.Station).WithMany().HasForeignKey(s => s.StationId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class AgreementConfiguration : IEntityTypeConfiguration<Agreement>
{
    public void Configure(EntityTypeBuilder<Agreement> b)
    {
        b.Property(a => a.Amount).HasPrecision(14, 2);
        b.Property(a => a.Clauses).HasMaxLength(1000);
        b.Property(a => a.EvaluationReport).HasMaxLength(200);
        b.Property(a => a.CreatedBy).HasMaxLength(100);
        b.Property(a => a.Version).IsConcurrencyToken();
        b.HasIndex(a => new { a.CycleId, a.YearNumber }).IsUnique();
        b.Ignore(a => a.ClauseKeys);
    }
}

public static class ProgrammeCycleScope
{
    /// <summary>
    /// The cycles a user may read: the bureau's county and everything under a city or province; a township its own stations'
    /// cycles; a contractor manager only its own organisation's (filtered by the caller, see <see cref="AgreementAccess"/>).
    /// </summary>
    public static IQueryable<ProgrammeCycle> VisibleTo(this IQueryable<ProgrammeCycle> q, UserScope s) => s.Kind switch
    {
        ScopeKind.Platform => q,
        ScopeKind.Region => q.Where(c => c.CountyCode.StartsWith(s.RegionPrefix!) || c.Stations.Any(x => x.Station!.RegionCode.StartsWith(s.RegionPrefix!))),
        _ => q.Where(c => false),
    };
}
