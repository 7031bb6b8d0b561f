using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using SocialWorkStation.Domain.Platforms;
using SocialWorkStation.Domain.Profiles;
using SocialWorkStation.Domain.Regions;
using SocialWorkStation.Domain.Reports;
using SocialWorkStation.Web.Data;
using SocialWorkStation.Web.Features.Accounts;
using SocialWorkStation.Web.Features.Profiles;
using SocialWorkStation.Web.Infrastructure;

namespace SocialWorkStation.Web.Features.Reports;

/// <summary>A report's writer: a station, or a county's or city's bureau, with its name, region and profile.</summary>
public sealed record ReportOwner(ReportWriter Writer, Guid? StationId, string RegionCode, string Name, PolicyProfile Profile)
{
    public string Key => StationId?.ToString("N") ?? RegionCode;
}

/// <summary>Who writes and who receives (docs/requirements/reports.md), and which profile governs a writer.</summary>
public static class ReportOwners
{
    public static async Task<ReportOwner> ForStation(AppDbContext db, ProfileCatalog profiles, Guid stationId, CancellationToken ct)
    {
        var p = await db.Platforms.AsNoTracking().Where(x => x.Id == stationId && x.Kind == PlatformKind.Station)
            .Select(x => new { x.Name, x.RegionCode, x.ProfileKey }).FirstOrDefaultAsync(ct) ?? throw new NotFoundException("社工站不存在或不在您的权限范围内");
        return new ReportOwner(ReportWriter.Station, stationId, p.RegionCode, p.Name, profiles.Find(p.ProfileKey) ?? throw new NotFoundException("站点的政策方案不存在"));
    }

    /// <summary>A county's or city's bureau: named after its region, governed by the profile most of its stations follow.</summary>
    public static async Task<ReportOwner> ForRegion(AppDbContext db, ProfileCatalog profiles, string code, CancellationToken ct)
    {
        var level = RegionScope.LevelOf(code);
        if (level is not (RegionLevel.County or RegionLevel.City))
        {
            throw RequestValidationException.For("regionCode", "县级或市级报告的行政区划代码应为6位县（市、区）或市代码");
        }
        var name = await db.Regions.AsNoTracking().Where(r => r.Code == code).Select(r => r.Name).FirstOrDefaultAsync(ct) ?? throw new NotFoundException();
        var prefix = RegionScope.Prefix(code, level.Value);
        var key = await db.Platforms.AsNoTracking().Where(p => p.RegionCode.StartsWith(prefix) && p.Kind == PlatformKind.Station)
            .GroupBy(p => p.ProfileKey).OrderByDescending(g => g.Count()).Select(g => g.Key).FirstOrDefaultAsync(ct);
        var profile = (key is null ? null : profiles.Find(key)) ?? throw new BusinessRuleException($"{name}尚无社工站，无法确定适用的政策方案", "regionCode");
        return new ReportOwner(level == RegionLevel.County ? ReportWriter.County : ReportWriter.City, null, code, name + "民政局", profile);
    }

    public static ReportKindRule Kind(ReportOwner owner, string? key)
    {
        var kind = owner.Profile.Reports?.Find(key ?? "") ?? throw RequestValidationException.For("kind",
            $"{owner.Profile.ShortName}没有该报告类型；可用：{string.Join("、", (owner.Profile.Reports?.Kinds ?? []).Select(k => $"{k.Key}（{k.Name}）"))}");
        if (kind.Writer != owner.Writer)
        {
            throw RequestValidationException.For("kind", $"{kind.Name}由{WriterText(kind.Writer)}撰写");
        }
        return kind;
    }

    public static string WriterText(ReportWriter w) => w switch
    {
        ReportWriter.Station => "社工站（承接机构）",
        ReportWriter.County => "县级民政部门",
        _ => "市级民政部门",
    };

    /// <summary>
    /// Whether the user writes this report: a station's own staff or the contractor's manager over it for a station's
    /// report; a bureau officer of exactly that county or city for the bureau's own report.
    /// </summary>
    public static bool MayWrite(ClaimsPrincipal user, Report r)
    {
        var s = user.Scope();
        if (r.StationId is { } station)
        {
            return (user.IsInRole(Roles.StationHead) || user.IsInRole(Roles.SocialWorker)) && s.Kind == ScopeKind.Station && s.StationId == station
                || user.IsInRole(Roles.ContractorManager) && s.Kind == ScopeKind.Region && s.ContainsRegion(r.RegionCode);
        }
        return user.IsInRole(Roles.BureauOfficer) && s.Kind == ScopeKind.Region && s.RegionCode == r.RegionCode;
    }

    /// <summary>Whether the user receives it: a bureau officer whose region holds the writer's and lies above it.</summary>
    public static bool MayReview(ClaimsPrincipal user, Report r)
    {
        var s = user.Scope();
        if (!user.IsInRole(Roles.BureauOfficer) || s.Kind != ScopeKind.Region || s.Level is not { } level || !s.ContainsRegion(r.RegionCode))
        {
            return false;
        }
        var writerLevel = r.StationId is not null ? RegionLevel.Township : RegionScope.LevelOf(r.RegionCode) ?? RegionLevel.Township;
        return level < writerLevel && level <= RegionLevel.County;
    }
}
