using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using SocialWorkStation.Domain.Regions;
using SocialWorkStation.Web.Data;
using SocialWorkStation.Web.Features.Accounts;
using SocialWorkStation.Web.Features.Organisations;
using SocialWorkStation.Web.Features.Profiles;
using SocialWorkStation.Web.Features.Stations;
using SocialWorkStation.Web.Infrastructure;

namespace SocialWorkStation.Web.Features.Agreements;

/// <summary>
/// Starts a programme cycle (docs/requirements/agreements.md §2): a county inside the caller's scope, its profile, the
/// buyer (the county bureau), a contractor the profile lets contract (Ledong: 422 naming the clause), the start date and
/// the stations covered (inside the county and visible). The length comes from the profile.
/// </summary>
public static class CreateCycle
{
    public static async Task<ProgrammeCycleDto> Handle(AppDbContext db, ProfileCatalog profiles, TimeProvider clock, ClaimsPrincipal user, CycleInput input, CancellationToken ct)
    {
        var scope = user.Scope();
        var errors = new Errors()
            .Required("countyCode", input.CountyCode, "县（市、区）")
            .Required("profileKey", input.ProfileKey, "政策方案")
            .MaxLength("buyerName", input.BuyerName, 100, "购买方");
        var start = StationRecords.ParseDate(errors, "startDate", input.StartDate, "周期开始日期");
        if (input.ContractorId is null)
        {
            errors.Add("contractorId", "请选择承接机构");
        }
        else if (!await db.Organisations.AnyAsync(o => o.Id == input.ContractorId && o.Kind == OrganisationKind.Contractor, ct))
        {
            errors.Add("contractorId", "承接机构不存在");
        }
        var profile = input.ProfileKey is { Length: > 0 } key ? profiles.Find(key) : null;
        if (input.ProfileKey is { Length: > 0 } && profile is null)
        {
            errors.Add("profileKey", "政策方案不存在");
        }
        var county = input.CountyCode?.Trim() ?? "";
        if (county.Length > 0)
        {
            var region = await db.Regions.AsNoTracking().FirstOrDefaultAsync(r => r.Code == county, ct);
            if (region is null || region.Level != RegionLevel.County)
            {
                errors.Add("countyCode", "请填写县（市、区）的6位行政区划代码");
            }
            else if (!scope.ContainsRegion(county))
            {
                errors.Add("countyCode", "该县（市、区）不在您的管辖范围内");
            }
        }
        var stationIds = input.StationIds ?? [];
        var stations = new List<Platform>();
        for (var i = 0; i < stationIds.Count; i++)
        {
            var s = await db.Platforms.AsNoTracking().VisibleTo(scope).FirstOrDefaultAsync(p => p.Id == stationIds[i], ct);
            if (s is null)
            {
                errors.Add($"stationIds[{i}]", "站点不存在或不在您的权限范围内");
            }
            else if (county.Length > 0 && !s.RegionCode.StartsWith(county, StringComparison.Ordinal))
            {
                errors.Add($"stationIds[{i}]", $"站点“{s.Name}”不在该县（市、区）");
            }
            else if (stations.All(x => x.Id != s.Id))
            {
                stations.Add(s);
            }
        }
        var buyer = input.BuyerName?.Trim();
        if (string.IsNullOrEmpty(buyer) && county.Length > 0)
        {
            buyer = await db.Organisations.AsNoTracking().Where(o => o.Kind == OrganisationKind.Bureau && o.RegionCode == county).Select(o => o.Name).FirstOrDefaultAsync(ct);
            if (buyer is null)
            {
                errors.Add("buyerName", "请填写购买方（县级民政局）名称");
            }
        }
        errors.ThrowIfAny();
        await ContractorRuleCheck.Ensure(db, profile!, input.ContractorId!.Value, "contractorId", ct);
        var rules = profile!.Agreements ?? AgreementDefaults.For(profile);
        var cycle = new ProgrammeCycle
        {
            CountyCode = county, ProfileKey = profile.Key, BuyerName = buyer!, ContractorId = input.ContractorId.Value, StartDate = start!.Value,
            Years = rules.CycleYears.Value, CreatedBy = user.Identity?.Name ?? "", CreatedAt = clock.GetUtcNow().UtcDateTime,
            Stations = stations.Select(s => new ProgrammeCycleStation { StationId = s.Id }).ToList(),
        };
        db.Add(cycle);
        await db.SaveChangesAsync(ct);
        return await ListCycles.One(db, profiles, clock, user, cycle.Id, ct);
    }
}
