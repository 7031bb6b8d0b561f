using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SocialWorkStation.Domain.Platforms;
using SocialWorkStation.Web.Features.Accounts;
using SocialWorkStation.Web.Features.Organisations;
using SocialWorkStation.Web.Infrastructure;

namespace SocialWorkStation.Web.Features.Stations;

/// <summary>
/// A service platform (服务平台): county centre, township station or village room, tied to a region and
/// a policy profile. The API calls them all "stations" (docs/requirements/api.md).
/// </summary>
public sealed class Platform : IVersioned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public string Name { get; set; } = "";
    public PlatformKind Kind { get; set; }
    public string RegionCode { get; set; } = "";
    public string ProfileKey { get; set; } = "";
    /// <summary>The platform above: a village room's station, a station's county centre.</summary>
    public Guid? ParentId { get; set; }
    public Platform? Parent { get; set; }
    public Guid? ContractorId { get; set; }
    public Organisation? Contractor { get; set; }
    public string? Address { get; set; }
    public string? Phone { get; set; }
    public string? OpeningHours { get; set; }
    /// <summary>Office floor area in square metres.</summary>
    public decimal? FloorArea { get; set; }
    public bool HasFireSafetyEquipment { get; set; }
    /// <summary>
    /// The number of resident workers the county set for this station (Wenzhou: 3-8 by resident population and
    /// caseload; Hunan: the number in the service agreement). Set by the bureau.
    /// </summary>
    public int? RequiredStaff { get; set; }
    public List<PlatformRoom> Rooms { get; set; } = [];
    public List<PlatformEquipment> Equipment { get; set; } = [];
    /// <summary>The hand-overs between contractors this station went through (交接, agreements.md §12).</summary>
    public List<Agreements.StationHandover> Handovers { get; set; } = [];
    public DateTime CreatedAt { get; set; }
    public int Version { get; set; } = 1;
}

/// <summary>A functional room (功能室); one room may serve several functions ("个案工作室/心理咨询室").</summary>
public sealed class PlatformRoom
{
    // Left empty so EF generates it when the row is added through the collection (a set key would read as an existing row).
    public Guid Id { get; set; }
    public Guid PlatformId { get; set; }
    public string Name { get; set; } = "";
    public decimal? Area { get; set; }
}

/// <summary>Office equipment (办公设备) with a count.</summary>
public sealed class PlatformEquipment
{
    public Guid Id { get; set; }
    public Guid PlatformId { get; set; }
    public string Name { get; set; } = "";
    public int Quantity { get; set; } = 1;
}

public sealed class PlatformConfiguration : IEntityTypeConfiguration<Platform>
{
    public void Configure(EntityTypeBuilder<Platform> b)
    {
        b.Property(p => p.Name).HasMaxLength(100).IsRequired();
        b.Property(p => p.Kind).HasConversion<int>();
        b.Property(p => p.RegionCode).HasMaxLength(12).IsRequired();
        b.Property(p => p.ProfileKey).HasMaxLength(40).IsRequired();
        b.Property(p => p.Address).HasMaxLength(200);
        b.Property(p => p.Phone).HasMaxLength(30);
        b.Property(p => p.OpeningHours).HasMaxLength(100);
        b.Property(p => p.FloorArea).HasPrecision(10, 2);
        b.Property(p => p.Version).IsConcurrencyToken();
        b.HasIndex(p => p.RegionCode);
        b.HasIndex(p => p.ParentId);
        b.HasOne(p => p.Contractor).WithMany().HasForeignKey(p => p.ContractorId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(p => p.Parent).WithMany().HasForeignKey(p => p.ParentId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(p => p.Rooms).WithOne().HasForeignKey(r => r.PlatformId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(p => p.Equipment).WithOne().HasForeignKey(r => r.PlatformId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class PlatformRoomConfiguration : IEntityTypeConfiguration<PlatformRoom>
{
    public void Configure(EntityTypeBuilder<PlatformRoom> b)
    {
        b.Property(r => r.Name).HasMaxLength(50).IsRequired();
        b.Property(r => r.Area).HasPrecision(10, 2);
    }
}

public sealed class PlatformEquipmentConfiguration : IEntityTypeConfiguration<PlatformEquipment>
{
    public void Configure(EntityTypeBuilder<PlatformEquipment> b) => b.Property(r => r.Name).HasMaxLength(50).IsRequired();
}

public static class PlatformScope
{
    /// <summary>
    /// The one place that decides which platforms a user may see: lists filter with it in SQL, and a
    /// single record outside it is answered with 404.
    /// </summary>
    public static IQueryable<Platform> VisibleTo(this IQueryable<Platform> q, UserScope s)
    {
        var visible = s.Kind switch
        {
            ScopeKind.Platform => q,
            ScopeKind.Region => q.Where(p => p.RegionCode.StartsWith(s.RegionPrefix!)),
            ScopeKind.Station => q.Where(p => p.Id == s.StationId || p.ParentId == s.StationId),
            _ => q.Where(p => false),
        };
        if (s.ContractorOrganisationId is not { } org)
        {
            return visible;
        }
        // 交接 (agreements.md §12): a station its contractor handed over to another, and that station's village rooms, leave
        // the scope of the outgoing contractor's accounts — unless the station has since come back to it.
        return visible.Where(p =>
            !(p.ContractorId != org && p.Handovers.Any(h => h.OutgoingOrganisationId == org))
            && !(p.Parent != null && p.Parent.ContractorId != org && p.Parent.Handovers.Any(h => h.OutgoingOrganisationId == org)));
    }
}
