using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SocialWorkStation.Domain.Regions;
using SocialWorkStation.Web.Features.Audit;

namespace SocialWorkStation.Web.Features.Regions;

/// <summary>
/// A GB/T 2260 division keyed by its official code (6 digits to county, 9 township, 12 village).
/// Reference data imported in bulk; an import is audited as one summary entry.
/// </summary>
[NotAudited]
public sealed class Region
{
    public string Code { get; set; } = "";
    public string Name { get; set; } = "";
    public RegionLevel Level { get; set; }
    public string? ParentCode { get; set; }
}

public sealed class RegionConfiguration : IEntityTypeConfiguration<Region>
{
    public void Configure(EntityTypeBuilder<Region> b)
    {
        b.HasKey(r => r.Code);
        b.Property(r => r.Code).HasMaxLength(12);
        b.Property(r => r.Name).HasMaxLength(100).IsRequired();
        b.Property(r => r.Level).HasConversion<int>();
        b.Property(r => r.ParentCode).HasMaxLength(12);
        b.HasIndex(r => r.ParentCode);
    }
}

public sealed record RegionDto(string Code, string Name, string Level, string? ParentCode)
{
    public static string LevelName(RegionLevel level) => level switch
    {
        RegionLevel.Province => "province",
        RegionLevel.City => "city",
        RegionLevel.County => "county",
        RegionLevel.Township => "township",
        RegionLevel.Village => "village",
        _ => "",
    };

    public static string LevelChinese(RegionLevel level) => level switch
    {
        RegionLevel.Province => "省",
        RegionLevel.City => "市",
        RegionLevel.County => "县",
        RegionLevel.Township => "乡镇（街道）",
        RegionLevel.Village => "村（社区）",
        _ => "",
    };

    public static RegionDto From(Region r) => new(r.Code, r.Name, LevelName(r.Level), r.ParentCode);
}
