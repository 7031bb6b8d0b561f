using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SocialWorkStation.Web.Features.Organisations;
using SocialWorkStation.Web.Features.Stations;
using SocialWorkStation.Web.Infrastructure;

namespace SocialWorkStation.Web.Features.Public;

/// <summary>
/// What a station tells the public beyond its name, address, hours and phone (docs/requirements/public.md §1):
/// its service directory and service guide (Shenmu art. 30: 服务目录、服务指南) and the service list it filed with
/// the county bureau and the township (Ledong 五（二）: 服务清单…报送县民政局、镇政府). Written by the station, its
/// contractor or the bureau; every field here is published as written, so it must name no recipient.
/// </summary>
public sealed class StationDisclosure : IVersioned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid PlatformId { get; set; }
    /// <summary>服务目录: the services offered, one per line.</summary>
    public string? ServiceDirectory { get; set; }
    /// <summary>服务指南: how a resident asks for a service (where, when, what to bring, what happens next).</summary>
    public string? ServiceGuide { get; set; }
    /// <summary>The day the station's service list was filed with the county bureau and the township.</summary>
    public DateOnly? ServiceListFiledOn { get; set; }
    public DateTime UpdatedAt { get; set; }
    public string? UpdatedBy { get; set; }
    public int Version { get; set; } = 1;
}

/// <summary>
/// The contractor's public disclosure (Hunan 二（四）: 承接主体应向有关部门和社会公众公开基本情况、专业资质、年度财务报告、
/// 社会服务项目经验等相关信息). One per contractor; shown on the page of every station it runs.
/// </summary>
public sealed class ContractorDisclosure : IVersioned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid OrganisationId { get; set; }
    /// <summary>基本情况.</summary>
    public string? BasicInfo { get; set; }
    /// <summary>专业资质.</summary>
    public string? Qualifications { get; set; }
    /// <summary>年度财务报告 (a summary; the figures the contractor publishes).</summary>
    public string? AnnualFinancialReport { get; set; }
    /// <summary>社会服务项目经验.</summary>
    public string? ProjectExperience { get; set; }
    public DateTime UpdatedAt { get; set; }
    public string? UpdatedBy { get; set; }
    public int Version { get; set; } = 1;
}

public sealed class StationDisclosureConfiguration : IEntityTypeConfiguration<StationDisclosure>
{
    public void Configure(EntityTypeBuilder<StationDisclosure> b)
    {
        b.ToTable("StationDisclosures");
        b.Property(d => d.ServiceDirectory).HasMaxLength(DisclosureLimits.Text);
        b.Property(d => d.ServiceGuide).HasMaxLength(DisclosureLimits.Text);
        b.Property(d => d.UpdatedBy).HasMaxLength(256);
        b.Property(d => d.Version).IsConcurrencyToken();
        b.HasIndex(d => d.PlatformId).IsUnique();
        b.HasOne<Platform>().WithMany().HasForeignKey(d => d.PlatformId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class ContractorDisclosureConfiguration : IEntityTypeConfiguration<ContractorDisclosure>
{
    public void Configure(EntityTypeBuilder<ContractorDisclosure> b)
    {
        b.ToTable("ContractorDisclosures");
        b.Property(d => d.BasicInfo).HasMaxLength(DisclosureLimits.Text);
        b.Property(d => d.Qualifications).HasMaxLength(DisclosureLimits.Text);
        b.Property(d => d.AnnualFinancialReport).HasMaxLength(DisclosureLimits.Text);
        b.Property(d => d.ProjectExperience).HasMaxLength(DisclosureLimits.Text);
        b.Property(d => d.UpdatedBy).HasMaxLength(256);
        b.Property(d => d.Version).IsConcurrencyToken();
        b.HasIndex(d => d.OrganisationId).IsUnique();
        b.HasOne<Organisation>().WithMany().HasForeignKey(d => d.OrganisationId).OnDelete(DeleteBehavior.Cascade);
    }
}

public static class DisclosureLimits
{
    public const int Text = 4000;
}
