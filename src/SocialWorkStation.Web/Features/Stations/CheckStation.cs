using Microsoft.EntityFrameworkCore;
using SocialWorkStation.Domain.Common;
using SocialWorkStation.Domain.Platforms;
using SocialWorkStation.Domain.Regions;
using SocialWorkStation.Web.Data;
using SocialWorkStation.Web.Features.Accounts;
using SocialWorkStation.Web.Features.Profiles;
using SocialWorkStation.Web.Features.Regions;
using SocialWorkStation.Web.Infrastructure;

namespace SocialWorkStation.Web.Features.Stations;

/// <summary>docs/requirements/api.md finding; <c>interpretation</c> is the platform's reading where a document is silent or ambiguous.</summary>
public sealed record FindingDto(string Rule, bool Passed, string Severity, string Message, string Source, string? Interpretation = null)
{
    public static FindingDto From(Finding f) => new(f.Rule, f.Passed, f.Severity == Domain.Common.Severity.Error ? "error" : "warning", f.Message, f.Source, f.Interpretation);
}

public sealed record ComplianceDto(bool Compliant, string Date, IReadOnlyList<FindingDto> Findings);

/// <summary>
/// A station checked against its profile on a date (docs/requirements/api.md): name and premises, then staffing (headcount,
/// heads, village rooms, contact workers and each worker's own checks).
/// </summary>
public static class CheckStation
{
    public static async Task<ComplianceDto> Handle(AppDbContext db, ProfileCatalog profiles, UserScope scope, Guid id, DateOnly date, CancellationToken ct)
    {
        var p = await GetStation.Load(db, scope, id, ct);
        var services = profiles.Find(p.ProfileKey)?.Facilities.For(p.Kind)?.ServiceRooms is null ? [] : await Services(db, p.Id, date, ct);
        var findings = Check(profiles, p, await GetRegion.Path(db, p.RegionCode, ct), services).ToList();
        var staffing = await Workers.Staffing.Load(db, profiles, [p], db.Workers.Where(w => w.PlatformId == p.Id), ct);
        findings.AddRange(staffing.Check(profiles.Find(p.ProfileKey)!, p, date));
        return new ComplianceDto(Findings.Compliant(findings), date.ToString("yyyy-MM-dd"), findings.Select(FindingDto.From).ToList());
    }

    /// <summary>
    /// The service projects the station runs on <paramref name="date"/>, read from its records (Wenzhou 六(一)2 rooms
    /// "根据服务项目"; docs/requirements/premises.md "Rooms by service project").
    /// </summary>
    public static async Task<IReadOnlyCollection<string>> Services(AppDbContext db, Guid stationId, DateOnly date, CancellationToken ct)
    {
        var services = new List<string>();
        if (await db.Workers.AnyAsync(w => w.PlatformId == stationId && w.HireDate <= date && (w.LeftOn == null || w.LeftOn > date), ct)) services.Add(StationServices.Workers);
        if (await db.Cases.AnyAsync(c => c.StationId == stationId, ct)) services.Add(StationServices.Cases);
        if (await db.Groups.AnyAsync(g => g.StationId == stationId, ct)) services.Add(StationServices.Groups);
        if (await db.Activities.AnyAsync(a => a.StationId == stationId, ct)) services.Add(StationServices.Activities);
        if (await db.Recipients.AnyAsync(r => r.StationId == stationId, ct)) services.Add(StationServices.RecipientFiles);
        return services;
    }

    public static IReadOnlyList<Finding> Check(ProfileCatalog profiles, Platform p, IReadOnlyList<Region> path, IReadOnlyCollection<string>? services = null)
    {
        var profile = profiles.Find(p.ProfileKey) ?? throw new NotFoundException("站点的政策方案不存在");
        string? Name(RegionLevel level) => path.FirstOrDefault(r => r.Level == level)?.Name;
        var names = new RegionNames(Name(RegionLevel.Province), Name(RegionLevel.City), Name(RegionLevel.County), Name(RegionLevel.Township), Name(RegionLevel.Village));
        var facts = new PlatformFacts(p.Kind, p.Name, names, p.FloorArea,
            p.Rooms.Select(r => r.Name).ToList(), p.Equipment.Where(e => e.Quantity > 0).Select(e => e.Name).ToList(), p.HasFireSafetyEquipment)
        {
            Services = services ?? [],
        };
        return PlatformCheck.Check(profile, facts);
    }

    public static DateOnly ParseDate(string? date, TimeProvider clock)
    {
        if (string.IsNullOrWhiteSpace(date))
        {
            return ChinaTime.Today(clock);
        }
        return DateOnly.TryParseExact(date, "yyyy-MM-dd", out var d) ? d : throw RequestValidationException.For("date", "日期格式应为 YYYY-MM-DD");
    }
}
