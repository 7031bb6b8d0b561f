using Microsoft.EntityFrameworkCore;
using SocialWorkStation.Domain.Platforms;
using SocialWorkStation.Domain.Services;
using SocialWorkStation.Web.Data;
using SocialWorkStation.Web.Features.Accounts;
using SocialWorkStation.Web.Features.FeaturedCases;
using SocialWorkStation.Web.Features.Profiles;
using SocialWorkStation.Web.Features.Progress;
using SocialWorkStation.Web.Infrastructure;

namespace SocialWorkStation.Web.Features.Public;

/// <summary>One annual standard in aggregate: the station's count, never a worker's or a recipient's.</summary>
public sealed record PublicProgressRow(string Label, string Unit, decimal Target, decimal Done, decimal Share, string Status, string StatusText);

/// <summary>A case study the bureau approved for publication.</summary>
public sealed record PublicFeaturedCase(string Title, string? Domain, string WrittenOn, string? Summary, string Body);

public sealed record PublicContractor(string Name, string? CreditCode, string? BasicInfo, string? Qualifications, string? AnnualFinancialReport,
    string? ProjectExperience, string? UpdatedOn);

/// <summary>
/// Everything a public station page shows, and nothing else: the allow-list of docs/requirements/public.md §2. Each
/// field is copied here by name from a record that is public by nature (the platform's name, address, hours and office
/// phone; the disclosure texts the station wrote for the public; station-level counts; approved case studies). No
/// recipient, household, worker, visit, case or volunteer is read to build it.
/// </summary>
public sealed record PublicStationPage(
    Guid Id, string Name, string KindText, string? RegionName, string? ParentName, string? Address, string? OpeningHours, string? Phone,
    string? ServiceDirectory, string? ServiceGuide, string? ServiceListFiledOn,
    string ProgressPeriod, IReadOnlyList<PublicProgressRow> Progress,
    IReadOnlyList<PublicFeaturedCase> FeaturedCases, PublicContractor? Contractor);

public static class GetPublicStation
{
    /// <summary>How many approved case studies the page shows (newest first).</summary>
    public const int CasesShown = 5;

    public static async Task<PublicStationPage> Handle(AppDbContext db, ProfileCatalog profiles, TimeProvider clock, Guid id, CancellationToken ct)
    {
        var p = await db.Platforms.AsNoTracking().Where(x => x.Id == id)
            .Select(x => new { x.Id, x.Name, x.Kind, x.RegionCode, x.ParentId, x.Address, x.OpeningHours, x.Phone, x.ContractorId })
            .FirstOrDefaultAsync(ct) ?? throw new NotFoundException("站点不存在");
        var region = await db.Regions.AsNoTracking().Where(r => r.Code == p.RegionCode).Select(r => r.Name).FirstOrDefaultAsync(ct);
        var parent = p.ParentId is { } pid ? await db.Platforms.AsNoTracking().Where(x => x.Id == pid).Select(x => x.Name).FirstOrDefaultAsync(ct) : null;
        var disclosure = await db.Set<StationDisclosure>().AsNoTracking().Where(d => d.PlatformId == id)
            .Select(d => new { d.ServiceDirectory, d.ServiceGuide, d.ServiceListFiledOn }).FirstOrDefaultAsync(ct);

        // Station-level standards only: the progress report's children (the workers by name) are dropped here.
        var progress = await GetProgress.Handle(db, profiles, clock, new UserScope(ScopeKind.Station, StationId: id), new GetProgress.Query(StationId: id), ct);
        var rows = progress.Standards.Select(s => new PublicProgressRow(s.Label, s.Unit, s.Target, s.Done, s.Share, s.Status, s.StatusText)).ToList();

        var cases = await db.Set<FeaturedCase>().AsNoTracking().Where(c => c.StationId == id && c.PublishedAt != null)
            .OrderByDescending(c => c.WrittenOn).ThenByDescending(c => c.Id).Take(CasesShown)
            .Select(c => new { c.Title, c.Domain, c.WrittenOn, c.Summary, c.Body }).ToListAsync(ct);

        PublicContractor? contractor = null;
        if (p.ContractorId is { } cid)
        {
            var org = await db.Organisations.AsNoTracking().Where(o => o.Id == cid).Select(o => new { o.Name, o.CreditCode }).FirstOrDefaultAsync(ct);
            var d = await db.Set<ContractorDisclosure>().AsNoTracking().Where(x => x.OrganisationId == cid)
                .Select(x => new { x.BasicInfo, x.Qualifications, x.AnnualFinancialReport, x.ProjectExperience, x.UpdatedAt }).FirstOrDefaultAsync(ct);
            if (org is not null)
            {
                contractor = new PublicContractor(org.Name, org.CreditCode, d?.BasicInfo, d?.Qualifications, d?.AnnualFinancialReport, d?.ProjectExperience,
                    d is null ? null : ChinaTime.ToChina(d.UpdatedAt).ToString("yyyy-MM-dd"));
            }
        }

        return new PublicStationPage(p.Id, p.Name, PlatformKinds.Chinese(p.Kind), region, parent, p.Address, p.OpeningHours, p.Phone,
            disclosure?.ServiceDirectory, disclosure?.ServiceGuide, disclosure?.ServiceListFiledOn?.ToString("yyyy-MM-dd"),
            progress.PeriodLabel, rows,
            cases.Select(c => new PublicFeaturedCase(c.Title, c.Domain is { } k ? ActivityKinds.Chinese(k) : null, c.WrittenOn.ToString("yyyy-MM-dd"), c.Summary, c.Body)).ToList(),
            contractor);
    }
}
