using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using SocialWorkStation.Web.Data;
using SocialWorkStation.Web.Features.Profiles;
using SocialWorkStation.Web.Infrastructure;

namespace SocialWorkStation.Web.Features.Agreements;

/// <summary>The programme cycles a caller may read, newest start first, paged; and one cycle (404 outside).</summary>
public static class ListCycles
{
    public static async Task<Paged<ProgrammeCycleDto>> Handle(AppDbContext db, ProfileCatalog profiles, TimeProvider clock, ClaimsPrincipal user, string? countyCode, PageRequest page, CancellationToken ct)
    {
        var q = (await AgreementAccess.Cycles(db, user, ct)).AsNoTracking();
        if (!string.IsNullOrWhiteSpace(countyCode))
        {
            q = q.Where(c => c.CountyCode == countyCode);
        }
        var result = await q.Include(c => c.Contractor).Include(c => c.Stations).ThenInclude(s => s.Station).Include(c => c.Agreements).AsSplitQuery()
            .OrderByDescending(c => c.StartDate).ThenBy(c => c.CountyCode).ThenBy(c => c.Id)
            .ToPageAsync(page, ct);
        var today = ChinaTime.Today(clock);
        return new Paged<ProgrammeCycleDto>(result.Items.Select(c => AgreementAccess.ToDto(c, AgreementAccess.Profile(profiles, c.ProfileKey), today)).ToList(),
            result.Total, result.Page, result.PageSize);
    }

    public static async Task<ProgrammeCycleDto> One(AppDbContext db, ProfileCatalog profiles, TimeProvider clock, ClaimsPrincipal user, Guid id, CancellationToken ct)
    {
        var c = await AgreementAccess.LoadCycle(db, user, id, ct);
        return AgreementAccess.ToDto(c, AgreementAccess.Profile(profiles, c.ProfileKey), ChinaTime.Today(clock));
    }
}
