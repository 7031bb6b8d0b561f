using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using SocialWorkStation.Web.Data;
using SocialWorkStation.Web.Features.Accounts;
using SocialWorkStation.Web.Features.FeaturedCases;
using SocialWorkStation.Web.Features.Stations;
using SocialWorkStation.Web.Infrastructure;

namespace SocialWorkStation.Web.Features.Public;

public sealed record ContractorDisclosureDto(Guid OrganisationId, string Name, string? BasicInfo, string? Qualifications, string? AnnualFinancialReport,
    string? ProjectExperience, DateTime? UpdatedAt, string? UpdatedBy, int Version);

public sealed record DisclosureDto(Guid StationId, string StationName, string PublicPath, string QrPath, string? ServiceDirectory, string? ServiceGuide,
    string? ServiceListFiledOn, DateTime? UpdatedAt, string? UpdatedBy, int Version, ContractorDisclosureDto? Contractor);

public sealed record StationDisclosureInput(string? ServiceDirectory, string? ServiceGuide, string? ServiceListFiledOn, int? Version);

public sealed record ContractorDisclosureInput(string? BasicInfo, string? Qualifications, string? AnnualFinancialReport, string? ProjectExperience, int? Version);

public sealed record PublishInput(int? Version);

/// <summary>
/// The staff side of the public pages (docs/requirements/public.md §3): what a station and its contractor disclose,
/// and the bureau's approval of case studies for publication. Every use case loads the station through the caller's
/// scope first, so a station outside it is 404.
/// </summary>
public static class DisclosureUseCases
{
    public static string PublicPath(Guid stationId) => $"/public/stations/{stationId}";

    public static string QrPath(Guid stationId) => $"/public/stations/{stationId}/qr.svg";

    public static async Task<DisclosureDto> Get(AppDbContext db, UserScope scope, Guid stationId, CancellationToken ct)
    {
        var station = await GetStation.Load(db, scope, stationId, ct);
        var d = await db.Set<StationDisclosure>().AsNoTracking().FirstOrDefaultAsync(x => x.PlatformId == station.Id, ct);
        ContractorDisclosureDto? contractor = null;
        if (station.Contractor is { } org)
        {
            var c = await db.Set<ContractorDisclosure>().AsNoTracking().FirstOrDefaultAsync(x => x.OrganisationId == org.Id, ct);
            contractor = new ContractorDisclosureDto(org.Id, org.Name, c?.BasicInfo, c?.Qualifications, c?.AnnualFinancialReport, c?.ProjectExperience,
                c?.UpdatedAt, c?.UpdatedBy, c?.Version ?? 0);
        }
        return new DisclosureDto(station.Id, station.Name, PublicPath(station.Id), QrPath(station.Id), d?.ServiceDirectory, d?.ServiceGuide,
            d?.ServiceListFiledOn?.ToString("yyyy-MM-dd"), d?.UpdatedAt, d?.UpdatedBy, d?.Version ?? 0, contractor);
    }

    /// <summary>Writes the station's texts. The first write needs no version; later ones send the version they read (409 when stale).</summary>
    public static async Task<DisclosureDto> SaveStation(AppDbContext db, TimeProvider clock, ClaimsPrincipal user, Guid stationId, StationDisclosureInput input, CancellationToken ct)
    {
        var scope = user.Scope();
        var station = await GetStation.Load(db, scope, stationId, ct);
        var errors = new Errors()
            .MaxLength("serviceDirectory", input.ServiceDirectory, DisclosureLimits.Text, "服务目录")
            .MaxLength("serviceGuide", input.ServiceGuide, DisclosureLimits.Text, "服务指南");
        var filed = StationRecords.ParseDate(errors, "serviceListFiledOn", input.ServiceListFiledOn, "服务清单报送日期", required: false, notAfter: ChinaTime.Today(clock));
        errors.ThrowIfAny();
        var d = await db.Set<StationDisclosure>().FirstOrDefaultAsync(x => x.PlatformId == station.Id, ct);
        if (d is null)
        {
            d = new StationDisclosure { PlatformId = station.Id };
            db.Add(d);
        }
        else
        {
            Versions.Check(db, d, input.Version, "公开信息");
        }
        d.ServiceDirectory = StationRecords.Clean(input.ServiceDirectory);
        d.ServiceGuide = StationRecords.Clean(input.ServiceGuide);
        d.ServiceListFiledOn = filed;
        d.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        d.UpdatedBy = user.Identity?.Name;
        await db.SaveChangesAsync(ct);
        return await Get(db, scope, station.Id, ct);
    }

    /// <summary>Writes the disclosure of the station's contractor (shown on all its stations' pages).</summary>
    public static async Task<DisclosureDto> SaveContractor(AppDbContext db, TimeProvider clock, ClaimsPrincipal user, Guid stationId, ContractorDisclosureInput input, CancellationToken ct)
    {
        var scope = user.Scope();
        var station = await GetStation.Load(db, scope, stationId, ct);
        if (station.ContractorId is not { } orgId)
        {
            throw new BusinessRuleException("该站点尚未指定承接机构，无法填写承接机构公开信息", "contractor");
        }
        new Errors()
            .MaxLength("basicInfo", input.BasicInfo, DisclosureLimits.Text, "基本情况")
            .MaxLength("qualifications", input.Qualifications, DisclosureLimits.Text, "专业资质")
            .MaxLength("annualFinancialReport", input.AnnualFinancialReport, DisclosureLimits.Text, "年度财务报告")
            .MaxLength("projectExperience", input.ProjectExperience, DisclosureLimits.Text, "社会服务项目经验")
            .ThrowIfAny();
        var d = await db.Set<ContractorDisclosure>().FirstOrDefaultAsync(x => x.OrganisationId == orgId, ct);
        if (d is null)
        {
            d = new ContractorDisclosure { OrganisationId = orgId };
            db.Add(d);
        }
        else
        {
            Versions.Check(db, d, input.Version, "承接机构公开信息");
        }
        d.BasicInfo = StationRecords.Clean(input.BasicInfo);
        d.Qualifications = StationRecords.Clean(input.Qualifications);
        d.AnnualFinancialReport = StationRecords.Clean(input.AnnualFinancialReport);
        d.ProjectExperience = StationRecords.Clean(input.ProjectExperience);
        d.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        d.UpdatedBy = user.Identity?.Name;
        await db.SaveChangesAsync(ct);
        return await Get(db, scope, station.Id, ct);
    }

    /// <summary>
    /// The bureau approves a case study for the public page, naming the version it read: a text changed since is 409,
    /// so what goes public is what the bureau read (docs/requirements/public.md §1).
    /// </summary>
    public static async Task<FeaturedCaseDto> Publish(AppDbContext db, TimeProvider clock, ClaimsPrincipal user, Guid caseId, PublishInput input, bool publish, CancellationToken ct)
    {
        var scope = user.Scope();
        var c = await FeaturedCaseUseCases.Load(db, scope, caseId, ct, tracking: true);
        Versions.Check(db, c, input.Version, "特色服务案例");
        c.PublishedAt = publish ? clock.GetUtcNow().UtcDateTime : null;
        c.PublishedBy = publish ? user.Identity?.Name : null;
        await db.SaveChangesAsync(ct);
        return await FeaturedCaseUseCases.Get(db, scope, c.Id, ct);
    }
}
