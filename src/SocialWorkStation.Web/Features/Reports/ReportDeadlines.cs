using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using SocialWorkStation.Domain.Calendar;
using SocialWorkStation.Domain.Platforms;
using SocialWorkStation.Domain.Regions;
using SocialWorkStation.Domain.Reports;
using SocialWorkStation.Web.Data;
using SocialWorkStation.Web.Features.Accounts;
using SocialWorkStation.Web.Features.Profiles;
using SocialWorkStation.Web.Infrastructure;

namespace SocialWorkStation.Web.Features.Reports;

/// <summary>One report owed: by whom, for which period, by when, and how far it got.</summary>
public sealed record DueItem(string Kind, string KindName, string Period, string PeriodLabel, string DueOn, int DaysLeft, bool Overdue,
    string Status, string StatusText, Guid? ReportId, Guid? StationId, string RegionCode, string Writer, string? Note);

public sealed record CountyOverdue(string CountyCode, string CountyName, int Owed, int Filed, int Overdue);

/// <summary>What the user must write and by when; as a receiver, who has not filed; overdue counts per county.</summary>
public sealed record DeadlinesDto(string Today, IReadOnlyList<DueItem> Writing, IReadOnlyList<DueItem> NotFiled, int NotFiledTotal, IReadOnlyList<CountyOverdue> OverdueByCounty);

/// <summary>
/// Deadlines (docs/requirements/reports.md): for each kind a writer owes, the last period that has ended (and the one
/// before), with its due day; a report counts as filed once submitted. Receivers see the writers below them that have
/// not filed a report whose due day has passed.
/// </summary>
public static class ReportDeadlines
{
    /// <summary>Items shown to a receiver (the total says how many there are).</summary>
    public const int Listed = 200;

    private sealed record Writer(ReportOwner Owner);

    public static async Task<DeadlinesDto> Handle(AppDbContext db, ProfileCatalog profiles, TimeProvider clock, ClaimsPrincipal user, CancellationToken ct)
    {
        var today = ChinaTime.Today(clock);
        var scope = user.Scope();
        var writing = new List<DueItem>();
        foreach (var owner in await OwnersWritten(db, profiles, user, scope, ct))
        {
            writing.AddRange(await Owed(db, owner, today, ct, periods: 2));
        }
        var notFiled = new List<DueItem>();
        var counties = new List<CountyOverdue>();
        if (user.IsInRole(Roles.BureauOfficer) && scope is { Kind: ScopeKind.Region, Level: { } level } && level <= RegionLevel.County)
        {
            var below = await OwnersBelow(db, profiles, scope, level, ct);
            var items = new List<(DueItem Item, string County)>();
            foreach (var owner in below)
            {
                foreach (var item in await Owed(db, owner, today, ct, periods: 1))
                {
                    items.Add((item, owner.RegionCode[..6]));
                }
            }
            var names = await CountyNames(db, items.Select(i => i.County).Distinct().ToList(), ct);
            counties = items.GroupBy(i => i.County).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => new CountyOverdue(g.Key, names.GetValueOrDefault(g.Key) ?? g.Key,
                g.Count(), g.Count(i => i.Item.Status is "submitted" or "accepted"),
                g.Count(i => i.Item.Overdue))).ToList();
            notFiled = items.Select(i => i.Item).Where(i => i.Overdue).ToList();
        }
        return new DeadlinesDto(today.ToString("yyyy-MM-dd"), writing, notFiled.Take(Listed).ToList(), notFiled.Count, counties);
    }

    /// <summary>The writers whose reports this user writes: their station, the stations a manager runs, their county's or city's bureau.</summary>
    private static async Task<List<ReportOwner>> OwnersWritten(AppDbContext db, ProfileCatalog profiles, ClaimsPrincipal user, UserScope scope, CancellationToken ct)
    {
        if ((user.IsInRole(Roles.StationHead) || user.IsInRole(Roles.SocialWorker)) && scope is { Kind: ScopeKind.Station, StationId: { } id }
            && await db.Platforms.AnyAsync(p => p.Id == id && p.Kind == PlatformKind.Station, ct))
        {
            return [await ReportOwners.ForStation(db, profiles, id, ct)];
        }
        if (user.IsInRole(Roles.ContractorManager) && scope.Kind == ScopeKind.Region)
        {
            return await StationOwners(db, profiles, scope.RegionPrefix!, ct);
        }
        if (user.IsInRole(Roles.BureauOfficer) && scope is { Kind: ScopeKind.Region, Level: RegionLevel.County or RegionLevel.City, RegionCode: { } code }
            && await db.Platforms.AnyAsync(p => p.RegionCode.StartsWith(scope.RegionPrefix!) && p.Kind == PlatformKind.Station, ct))
        {
            return [await ReportOwners.ForRegion(db, profiles, code, ct)];
        }
        return [];
    }

    /// <summary>The writers a receiver oversees: stations below a county, counties below a city, cities below a province.</summary>
    private static async Task<List<ReportOwner>> OwnersBelow(AppDbContext db, ProfileCatalog profiles, UserScope scope, RegionLevel level, CancellationToken ct)
    {
        var owners = await StationOwners(db, profiles, scope.RegionPrefix!, ct);
        if (level <= RegionLevel.City)
        {
            foreach (var county in owners.Select(o => o.RegionCode[..6]).Distinct().Order(StringComparer.Ordinal).ToList())
            {
                owners.Add(await ReportOwners.ForRegion(db, profiles, county, ct));
            }
        }
        if (level == RegionLevel.Province)
        {
            foreach (var city in owners.Where(o => o.StationId is not null).Select(o => o.RegionCode[..4] + "00").Distinct().Order(StringComparer.Ordinal).ToList())
            {
                if (await db.Regions.AnyAsync(r => r.Code == city, ct))
                {
                    owners.Add(await ReportOwners.ForRegion(db, profiles, city, ct));
                }
            }
        }
        return owners;
    }

    private static async Task<List<ReportOwner>> StationOwners(AppDbContext db, ProfileCatalog profiles, string prefix, CancellationToken ct)
    {
        var stations = await db.Platforms.AsNoTracking().Where(p => p.RegionCode.StartsWith(prefix) && p.Kind == PlatformKind.Station)
            .OrderBy(p => p.RegionCode).Select(p => new { p.Id, p.Name, p.RegionCode, p.ProfileKey }).ToListAsync(ct);
        return stations.Where(s => profiles.Find(s.ProfileKey) is not null)
            .Select(s => new ReportOwner(ReportWriter.Station, s.Id, s.RegionCode, s.Name, profiles.Find(s.ProfileKey)!)).ToList();
    }

    /// <summary>The reports an owner owes for the last <paramref name="periods"/> ended periods of each kind it writes.</summary>
    public static async Task<List<DueItem>> Owed(AppDbContext db, ReportOwner owner, DateOnly today, CancellationToken ct, int periods)
    {
        var kinds = (owner.Profile.Reports?.Kinds ?? []).Where(k => k.Writer == owner.Writer).ToList();
        if (kinds.Count == 0)
        {
            return [];
        }
        var keys = kinds.Select(k => k.Key).ToList();
        var reports = await db.Set<Report>().AsNoTracking().Where(r => r.Owner == owner.Key && keys.Contains(r.KindKey) && r.SupersededById == null)
            .Select(r => new { r.Id, r.KindKey, r.PeriodKey, r.Status, r.DueOn }).ToListAsync(ct);
        var result = new List<DueItem>();
        foreach (var kind in kinds)
        {
            foreach (var period in ReportDue.OwedPeriods(kind, today, periods))
            {
                var r = reports.FirstOrDefault(x => x.KindKey == kind.Key && x.PeriodKey == period.Key);
                var due = r is null ? await CreateReport.DueOn(db, kind, period, owner, ct) : new ReportDueDate(r.DueOn, r.DueOn, false, false);
                var filed = r?.Status is ReportStatus.Submitted or ReportStatus.Accepted;
                var status = r is null ? "notStarted" : ReportLabels.Status(r.Status);
                result.Add(new DueItem(kind.Key, kind.Name, period.Key, period.Label, due.Date.ToString("yyyy-MM-dd"), due.DaysLeft(today), !filed && due.IsOverdue(today),
                    status, r is null ? "未起草" : ReportLabels.StatusText(r.Status), r?.Id, owner.StationId, owner.RegionCode, owner.Name,
                    due.Estimated ? WorkingCalendar.China.OnOrNextWorkingDay(due.Nominal).Note : null));
            }
        }
        return result;
    }

    private static Task<Dictionary<string, string>> CountyNames(AppDbContext db, List<string> codes, CancellationToken ct) =>
        db.Regions.AsNoTracking().Where(r => codes.Contains(r.Code)).ToDictionaryAsync(r => r.Code, r => r.Name, ct);
}
