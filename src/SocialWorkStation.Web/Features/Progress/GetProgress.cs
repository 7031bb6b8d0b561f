using Microsoft.EntityFrameworkCore;
using SocialWorkStation.Domain.Common;
using SocialWorkStation.Domain.Platforms;
using SocialWorkStation.Domain.Profiles;
using SocialWorkStation.Domain.Progress;
using SocialWorkStation.Domain.Regions;
using SocialWorkStation.Web.Data;
using SocialWorkStation.Web.Features.Accounts;
using SocialWorkStation.Web.Features.Profiles;
using SocialWorkStation.Web.Features.Stations;
using SocialWorkStation.Web.Infrastructure;

namespace SocialWorkStation.Web.Features.Progress;

public sealed record StandardProgressDto(
    string Key, string Label, string Unit, decimal Target, decimal Done, decimal Share, decimal ExpectedShare,
    string Status, string StatusText, decimal GapToPace, string Source, string? Interpretation);

/// <summary>A child of the scope (a region, a station or a worker) with its progress per standard; Link drills down.</summary>
public sealed record UnitProgressDto(string Kind, string Id, string Name, string Status, string StatusText, int Behind, string Link,
    IReadOnlyList<StandardProgressDto> Standards);

public sealed record TrendPointDto(int Month, IReadOnlyDictionary<string, decimal> Done);

/// <summary>One standard of one station or worker behind pace: how far, and where to look.</summary>
public sealed record BehindDto(string Kind, string Id, string Name, string Parent, string Link, string Key, string Label,
    decimal Target, decimal Done, decimal GapToPace, string Status, string StatusText);

public sealed record ProgressScopeDto(string Kind, string Id, string Name, string? RegionCode, string? ParentLink, string? ParentName);

public sealed record ProgressReportDto(
    ProgressScopeDto Scope, string Period, string PeriodLabel, string From, string To, string AsOf, decimal ExpectedShare,
    IReadOnlyList<StandardProgressDto> Standards, IReadOnlyList<UnitProgressDto> Children, string ChildrenKind,
    IReadOnlyList<TrendPointDto> Trend, int BehindTotal, IReadOnlyList<BehindDto> Behind);

/// <summary>
/// Progress against the annual standards for a region (province to township), a station or a worker, for a
/// year, quarter, month or the year to date (docs/requirements/domain.md §5): target, done, share, expected pace and
/// status per standard, the children to drill into, a monthly trend and who is behind. Reads the maintained
/// monthly counts (ADR 0006), so a province answers from a few thousand rows. Outside the user's scope: 404.
/// </summary>
public static class GetProgress
{
    public sealed record Query(string? Region = null, Guid? StationId = null, Guid? WorkerId = null, string? Period = null);

    /// <summary>How many of the behind list a report carries (the total says how many there are).</summary>
    public const int BehindShown = 100;

    private sealed record PlatformRow(Guid Id, string Name, PlatformKind Kind, string RegionCode, string ProfileKey, Guid? ParentId);

    private sealed record WorkerRow(Guid Id, string Name, Guid PlatformId, DateOnly HireDate, DateOnly? LeftOn);

    private sealed class Sums
    {
        public long HomeVisits, RecipientFiles, Cases, CasesServed, Groups, Activities, Publicity, Advocacy, NewVolunteers, FeaturedCases, Covered;
        public long TrainingTenths;
        public long Teams;

        public void Add(Sums o)
        {
            HomeVisits += o.HomeVisits; RecipientFiles += o.RecipientFiles; Cases += o.Cases; CasesServed += o.CasesServed; Groups += o.Groups;
            Activities += o.Activities; Publicity += o.Publicity; Advocacy += o.Advocacy; NewVolunteers += o.NewVolunteers;
            FeaturedCases += o.FeaturedCases; Covered += o.Covered; TrainingTenths += o.TrainingTenths; Teams += o.Teams;
        }

        public decimal Done(string key) => key switch
        {
            StandardCatalog.Visits => HomeVisits,
            StandardCatalog.RecipientFiles => RecipientFiles,
            StandardCatalog.Cases => Cases,
            StandardCatalog.CasesServed => CasesServed,
            StandardCatalog.Groups => Groups,
            StandardCatalog.Activities => Activities,
            StandardCatalog.PublicityActivities => Publicity,
            StandardCatalog.AdvocacyActivities => Advocacy,
            StandardCatalog.NewVolunteers => NewVolunteers,
            StandardCatalog.FeaturedCases => FeaturedCases,
            StandardCatalog.ContractorChecks => Covered,
            StandardCatalog.Training => TrainingTenths / 10m,
            StandardCatalog.VolunteerTeams => Teams,
            _ => 0,
        };
    }

    /// <summary>Target and done of one standard for one unit; units add up into regions.</summary>
    private sealed record Cell(TrackedStandard Standard, decimal Target, decimal Done);

    private sealed record Unit(string Kind, string Id, string Name, string Parent, string Link, Sourced<decimal> FarBehind, List<Cell> Cells, string? RegionCode);

    public static async Task<ProgressReportDto> Handle(AppDbContext db, ProfileCatalog profiles, TimeProvider clock, UserScope scope, Query q, CancellationToken ct)
    {
        var asOf = ChinaTime.Today(clock);
        var period = ProgressPeriod.Parse(q.Period, asOf);
        if (period is null)
        {
            new Errors().Add("period", ProgressPeriod.Problem(q.Period)).ThrowIfAny();
        }
        var p = period!;
        var expected = Pace.ExpectedShare(p, asOf);
        if (q.WorkerId is { } workerId)
        {
            return await ForWorker(db, profiles, scope, workerId, p, asOf, expected, ct);
        }
        Guid? stationId = q.StationId ?? (q.Region is null && scope.Kind == ScopeKind.Station ? scope.StationId : null);
        if (stationId is { } sid)
        {
            return await ForStation(db, profiles, scope, sid, p, asOf, expected, ct);
        }
        return await ForRegion(db, profiles, scope, q.Region ?? scope.RegionCode, p, asOf, expected, ct);
    }

    private static async Task<ProgressReportDto> ForRegion(AppDbContext db, ProfileCatalog profiles, UserScope scope, string? code, ProgressPeriod period, DateOnly asOf, decimal expected, CancellationToken ct)
    {
        var prefix = "";
        RegionLevel? level = null;
        string name = "全国";
        if (!string.IsNullOrEmpty(code))
        {
            level = RegionScope.LevelOf(code);
            if (level is null or RegionLevel.Village)
            {
                new Errors().Add("region", "行政区划代码应为6位（省、市、县）或9位（乡镇）").ThrowIfAny();
            }
            prefix = RegionScope.Prefix(code, level!.Value);
            name = await db.Regions.Where(r => r.Code == code).Select(r => r.Name).FirstOrDefaultAsync(ct) ?? throw new NotFoundException();
        }
        var inside = scope.Kind switch
        {
            ScopeKind.Platform => true,
            ScopeKind.Region => prefix.StartsWith(scope.RegionPrefix!, StringComparison.Ordinal),
            _ => false,
        };
        if (!inside)
        {
            throw new NotFoundException();
        }
        var platforms = await db.Platforms.AsNoTracking().Where(x => x.RegionCode.StartsWith(prefix))
            .Select(x => new PlatformRow(x.Id, x.Name, x.Kind, x.RegionCode, x.ProfileKey, x.ParentId)).ToListAsync(ct);
        var sums = await SumsByPlatform(db, db.Platforms.Where(x => x.RegionCode.StartsWith(prefix)), period, Tracks(profiles, platforms, StandardCatalog.Training), ct);
        var workers = await db.Workers.AsNoTracking()
            .Where(w => w.Platform!.RegionCode.StartsWith(prefix) && w.HireDate <= period.To && (w.LeftOn == null || w.LeftOn > period.From))
            .Select(w => new WorkerRow(w.Id, "", w.PlatformId, w.HireDate, w.LeftOn)).ToListAsync(ct);
        var units = StationUnits(profiles, platforms, sums, workers, period);
        var trend = await Trend(db, db.Platforms.Where(x => x.RegionCode.StartsWith(prefix)), period, ct);

        // Children: the next level of regions, or the stations of a county or township.
        List<UnitProgressDto> children;
        string childrenKind;
        if (level is RegionLevel.County or RegionLevel.Township)
        {
            children = units.Select(u => Child(u, expected)).ToList();
            childrenKind = "station";
        }
        else
        {
            var regions = level is null
                ? await db.Regions.AsNoTracking().Where(r => r.Level == RegionLevel.Province).Select(r => new { r.Code, r.Name, r.Level }).ToListAsync(ct)
                : await db.Regions.AsNoTracking().Where(r => r.ParentCode == code).Select(r => new { r.Code, r.Name, r.Level }).ToListAsync(ct);
            children = regions
                .Select(r => (r, prefix: RegionScope.Prefix(r.Code, r.Level)))
                .Select(x => (x.r, members: units.Where(u => u.RegionCode!.StartsWith(x.prefix, StringComparison.Ordinal)).ToList()))
                .Where(x => x.members.Count > 0)
                .OrderBy(x => x.r.Code, StringComparer.Ordinal)
                .Select(x => Child(new Unit("region", x.r.Code, x.r.Name, name, $"?region={x.r.Code}", Common(x.members), Total(x.members), x.r.Code), expected))
                .ToList();
            childrenKind = "region";
        }
        var parentCode = level is null or RegionLevel.Province ? null
            : await db.Regions.Where(r => r.Code == code).Select(r => r.ParentCode).FirstOrDefaultAsync(ct);
        var parentName = parentCode is null ? null : await db.Regions.Where(r => r.Code == parentCode).Select(r => r.Name).FirstOrDefaultAsync(ct);
        var scopeDto = new ProgressScopeDto("region", code ?? "", name, code,
            parentCode is not null && Inside(scope, parentCode) ? $"?region={parentCode}" : null, parentName);
        return Report(scopeDto, period, asOf, expected, Total(units), Common(units), children, childrenKind, trend, units);
    }

    private static bool Inside(UserScope scope, string code) => scope.Kind switch
    {
        ScopeKind.Platform => true,
        ScopeKind.Region => RegionScope.LevelOf(code) is { } l && RegionScope.Prefix(code, l).StartsWith(scope.RegionPrefix!, StringComparison.Ordinal),
        _ => false,
    };

    private static async Task<ProgressReportDto> ForStation(AppDbContext db, ProfileCatalog profiles, UserScope scope, Guid stationId, ProgressPeriod period, DateOnly asOf, decimal expected, CancellationToken ct)
    {
        var station = await db.Platforms.AsNoTracking().VisibleTo(scope).Where(x => x.Id == stationId)
            .Select(x => new PlatformRow(x.Id, x.Name, x.Kind, x.RegionCode, x.ProfileKey, x.ParentId)).FirstOrDefaultAsync(ct)
            ?? throw new NotFoundException();
        var platformsQuery = db.Platforms.Where(x => x.Id == stationId || x.ParentId == stationId);
        var platforms = await platformsQuery.AsNoTracking()
            .Select(x => new PlatformRow(x.Id, x.Name, x.Kind, x.RegionCode, x.ProfileKey, x.ParentId)).ToListAsync(ct);
        var sums = await SumsByPlatform(db, platformsQuery, period, Tracks(profiles, platforms, StandardCatalog.Training), ct);
        var workers = await db.Workers.AsNoTracking()
            .Where(w => (w.PlatformId == stationId || w.Platform!.ParentId == stationId) && w.HireDate <= period.To && (w.LeftOn == null || w.LeftOn > period.From))
            .Select(w => new WorkerRow(w.Id, w.Name, w.PlatformId, w.HireDate, w.LeftOn)).ToListAsync(ct);
        var units = StationUnits(profiles, platforms, sums, workers, period, stationId);
        var unit = units.FirstOrDefault() ?? new Unit("station", stationId.ToString(), station.Name, "", "", FarBehindOf(profiles, station.ProfileKey), [], station.RegionCode);
        var workerUnits = await WorkerUnits(db, profiles.Find(station.ProfileKey), workers, period, station.Name, ct);
        var trend = await Trend(db, platformsQuery, period, ct);
        var county = station.RegionCode.Length >= 6 ? station.RegionCode[..6] : null;
        var countyName = county is null ? null : await db.Regions.Where(r => r.Code == county).Select(r => r.Name).FirstOrDefaultAsync(ct);
        var scopeDto = new ProgressScopeDto("station", stationId.ToString(), station.Name, station.RegionCode,
            county is not null && Inside(scope, county) ? $"?region={county}" : null, countyName);
        return Report(scopeDto, period, asOf, expected, unit.Cells, unit.FarBehind,
            workerUnits.Select(w => Child(w, expected)).ToList(), "worker", trend, [unit, .. workerUnits]);
    }

    private static async Task<ProgressReportDto> ForWorker(AppDbContext db, ProfileCatalog profiles, UserScope scope, Guid workerId, ProgressPeriod period, DateOnly asOf, decimal expected, CancellationToken ct)
    {
        var visible = db.Platforms.VisibleTo(scope).Select(x => x.Id);
        var w = await db.Workers.AsNoTracking().Where(x => x.Id == workerId && visible.Contains(x.PlatformId))
            .Select(x => new { Row = new WorkerRow(x.Id, x.Name, x.PlatformId, x.HireDate, x.LeftOn), x.Platform!.Name, x.Platform.ProfileKey, x.Platform.Kind, x.Platform.ParentId })
            .FirstOrDefaultAsync(ct) ?? throw new NotFoundException();
        // A worker of a village room owes the standards of its station's profile.
        var stationId = w.Kind == PlatformKind.VillageRoom && w.ParentId is { } parent ? parent : w.Row.PlatformId;
        var units = await WorkerUnits(db, profiles.Find(w.ProfileKey), [w.Row], period, w.Name, ct);
        var unit = units[0];
        var months = await db.ProgressWorkerMonths.AsNoTracking()
            .Where(m => m.WorkerId == workerId && m.Month >= period.FirstMonth && m.Month <= period.LastMonth)
            .GroupBy(m => m.Month).Select(g => new { Month = g.Key, Visits = g.Sum(m => m.HomeVisits), Tenths = g.Sum(m => m.TrainingTenths) })
            .ToListAsync(ct);
        var trend = period.Months().Select(m => new TrendPointDto(m, new Dictionary<string, decimal>
        {
            [StandardCatalog.Visits] = months.Where(x => x.Month == m).Sum(x => x.Visits),
            [StandardCatalog.Training] = months.Where(x => x.Month == m).Sum(x => x.Tenths) / 10m,
        })).ToList();
        var scopeDto = new ProgressScopeDto("worker", workerId.ToString(), w.Row.Name, null, $"?stationId={stationId}", w.Name);
        return Report(scopeDto, period, asOf, expected, unit.Cells, unit.FarBehind, [], "none", trend, [unit]);
    }

    /// <summary>Whether any platform's profile tracks the standard (Qiongzhong has no training hours: its province skips that sum).</summary>
    private static bool Tracks(ProfileCatalog profiles, List<PlatformRow> platforms, string key) =>
        platforms.Select(p => p.ProfileKey).Distinct().Any(k => StandardCatalog.TrackedBy(profiles.Find(k)).Any(t => t.Key == key));

    private static async Task<Dictionary<Guid, Sums>> SumsByPlatform(AppDbContext db, IQueryable<Stations.Platform> platforms, ProgressPeriod period, bool training, CancellationToken ct)
    {
        var first = period.FirstMonth;
        var last = period.LastMonth;
        var ids = platforms.Select(x => x.Id);
        var rows = await db.ProgressStationMonths.AsNoTracking()
            .Where(m => m.Month >= first && m.Month <= last && ids.Contains(m.StationId))
            .GroupBy(m => m.StationId)
            .Select(g => new
            {
                g.Key,
                HomeVisits = g.Sum(m => m.HomeVisits), RecipientFiles = g.Sum(m => m.RecipientFiles), Cases = g.Sum(m => m.Cases),
                CasesServed = g.Sum(m => m.CasesServed), Groups = g.Sum(m => m.Groups), Activities = g.Sum(m => m.Activities),
                Publicity = g.Sum(m => m.PublicityActivities), Advocacy = g.Sum(m => m.AdvocacyActivities),
                NewVolunteers = g.Sum(m => m.NewVolunteers), FeaturedCases = g.Sum(m => m.FeaturedCases),
                // Qiongzhong（五）3 asks for one check a month, the only number any profile sets (checked at start-up).
                Covered = g.Sum(m => m.ContractorChecks >= 1 ? 1 : 0),
            })
            .ToListAsync(ct);
        var result = rows.ToDictionary(r => r.Key, r => new Sums
        {
            HomeVisits = r.HomeVisits, RecipientFiles = r.RecipientFiles, Cases = r.Cases, CasesServed = r.CasesServed, Groups = r.Groups,
            Activities = r.Activities, Publicity = r.Publicity, Advocacy = r.Advocacy, NewVolunteers = r.NewVolunteers,
            FeaturedCases = r.FeaturedCases, Covered = r.Covered,
        });
        var hours = !training ? [] : await db.ProgressWorkerMonths.AsNoTracking()
            .Where(m => m.Month >= first && m.Month <= last && m.TrainingTenths != 0 && ids.Contains(m.StationId))
            .GroupBy(m => m.StationId).Select(g => new { g.Key, Tenths = g.Sum(m => m.TrainingTenths) }).ToListAsync(ct);
        foreach (var t in hours)
        {
            Get(result, t.Key).TrainingTenths = t.Tenths;
        }
        var end = period.To;
        var teams = await db.VolunteerTeams.AsNoTracking()
            .Where(t => ids.Contains(t.StationId) && t.FoundedOn <= end && (t.DisbandedOn == null || t.DisbandedOn > end))
            .GroupBy(t => t.StationId).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        foreach (var t in teams)
        {
            Get(result, t.Key).Teams = t.Count;
        }
        return result;
    }

    private static Sums Get(Dictionary<Guid, Sums> d, Guid id)
    {
        if (!d.TryGetValue(id, out var s))
        {
            d[id] = s = new Sums();
        }
        return s;
    }

    private static async Task<List<TrendPointDto>> Trend(AppDbContext db, IQueryable<Stations.Platform> platforms, ProgressPeriod period, CancellationToken ct)
    {
        var first = period.FirstMonth;
        var last = period.LastMonth;
        var ids = platforms.Select(x => x.Id);
        var rows = await db.ProgressStationMonths.AsNoTracking()
            .Where(m => m.Month >= first && m.Month <= last && ids.Contains(m.StationId))
            .GroupBy(m => m.Month)
            .Select(g => new
            {
                g.Key, HomeVisits = g.Sum(m => m.HomeVisits), RecipientFiles = g.Sum(m => m.RecipientFiles), Cases = g.Sum(m => m.Cases),
                Groups = g.Sum(m => m.Groups), Activities = g.Sum(m => m.Activities), NewVolunteers = g.Sum(m => m.NewVolunteers),
            })
            .ToListAsync(ct);
        return period.Months().Select(month =>
        {
            var r = rows.FirstOrDefault(x => x.Key == month);
            return new TrendPointDto(month, new Dictionary<string, decimal>
            {
                [StandardCatalog.Visits] = r?.HomeVisits ?? 0, [StandardCatalog.RecipientFiles] = r?.RecipientFiles ?? 0,
                [StandardCatalog.Cases] = r?.Cases ?? 0, [StandardCatalog.Groups] = r?.Groups ?? 0,
                [StandardCatalog.Activities] = r?.Activities ?? 0, [StandardCatalog.NewVolunteers] = r?.NewVolunteers ?? 0,
            });
        }).ToList();
    }

    /// <summary>Stations (with their village rooms' records) as units with target and done per tracked standard.</summary>
    private static List<Unit> StationUnits(ProfileCatalog profiles, List<PlatformRow> platforms, Dictionary<Guid, Sums> sums, List<WorkerRow> workers, ProgressPeriod period, Guid? only = null)
    {
        var byId = platforms.ToDictionary(x => x.Id);
        Guid UnitOf(Guid platformId) => byId.TryGetValue(platformId, out var x) && x.Kind == PlatformKind.VillageRoom && x.ParentId is { } parent && byId.ContainsKey(parent) ? parent : platformId;
        var unitSums = new Dictionary<Guid, Sums>();
        foreach (var (id, s) in sums)
        {
            Get(unitSums, UnitOf(id)).Add(s);
        }
        var unitWorkers = workers.ToLookup(w => UnitOf(w.PlatformId));
        var units = new List<Unit>();
        foreach (var st in platforms.Where(x => x.Kind == PlatformKind.Station && (only is null || x.Id == only)).OrderBy(x => x.RegionCode, StringComparer.Ordinal).ThenBy(x => x.Name, StringComparer.Ordinal))
        {
            var profile = profiles.Find(st.ProfileKey);
            var s = unitSums.GetValueOrDefault(st.Id) ?? new Sums();
            var cells = StandardCatalog.TrackedBy(profile).Select(t => new Cell(t,
                t.Definition.Level == StandardLevel.Worker
                    ? unitWorkers[st.Id].Sum(w => t.WorkerTargetFor(period, w.HireDate, w.LeftOn))
                    : t.TargetFor(period),
                s.Done(t.Key))).ToList();
            units.Add(new Unit("station", st.Id.ToString(), st.Name, "", $"?stationId={st.Id}", profile?.FarBehindBelow ?? PaceRules.DefaultFarBehindBelow, cells, st.RegionCode));
        }
        return units;
    }

    private static async Task<List<Unit>> WorkerUnits(AppDbContext db, PolicyProfile? profile, List<WorkerRow> workers, ProgressPeriod period, string parent, CancellationToken ct)
    {
        var tracked = StandardCatalog.TrackedBy(profile).Where(t => t.Definition.Level == StandardLevel.Worker).ToList();
        var ids = workers.Select(w => w.Id).ToList();
        var first = period.FirstMonth;
        var last = period.LastMonth;
        var done = await db.ProgressWorkerMonths.AsNoTracking()
            .Where(m => ids.Contains(m.WorkerId) && m.Month >= first && m.Month <= last)
            .GroupBy(m => m.WorkerId).Select(g => new { g.Key, Visits = g.Sum(m => m.HomeVisits), Tenths = g.Sum(m => m.TrainingTenths) })
            .ToDictionaryAsync(x => x.Key, ct);
        var far = profile?.FarBehindBelow ?? PaceRules.DefaultFarBehindBelow;
        return workers.OrderBy(w => w.Name, StringComparer.Ordinal).Select(w =>
        {
            var d = done.GetValueOrDefault(w.Id);
            var cells = tracked.Select(t => new Cell(t, t.WorkerTargetFor(period, w.HireDate, w.LeftOn),
                t.Key == StandardCatalog.Visits ? d?.Visits ?? 0 : (d?.Tenths ?? 0) / 10m)).ToList();
            return new Unit("worker", w.Id.ToString(), w.Name, parent, $"?workerId={w.Id}", far, cells, null);
        }).ToList();
    }

    private static Sourced<decimal> FarBehindOf(ProfileCatalog profiles, string key) => profiles.Find(key)?.FarBehindBelow ?? PaceRules.DefaultFarBehindBelow;

    /// <summary>The threshold the members share, or the platform default when their profiles differ.</summary>
    private static Sourced<decimal> Common(List<Unit> units)
    {
        var distinct = units.Select(u => u.FarBehind).Distinct().ToList();
        return distinct.Count == 1 ? distinct[0] : PaceRules.DefaultFarBehindBelow;
    }

    /// <summary>Targets and done added up per standard over units (standards in catalogue order).</summary>
    private static List<Cell> Total(List<Unit> units) =>
        units.SelectMany(u => u.Cells)
            .GroupBy(c => c.Standard.Key)
            .Select(g => new Cell(g.First().Standard, g.Sum(c => c.Target), g.Sum(c => c.Done)))
            .OrderBy(c => StandardCatalog.All.ToList().FindIndex(d => d.Key == c.Standard.Key))
            .ToList();

    private static ProgressStatus StatusOf(Cell c, decimal expected, decimal farBehind) => Pace.Status(c.Done, c.Target, expected, farBehind);

    private static StandardProgressDto Dto(Cell c, decimal expected, ProgressStatus status)
    {
        var share = c.Target <= 0 ? 1m : Math.Round(c.Done / c.Target, 4);
        var d = c.Standard.Definition;
        return new StandardProgressDto(d.Key, d.Label, d.Unit, Math.Round(c.Target, 1), Math.Round(c.Done, 1), share, Math.Round(expected, 4),
            Pace.ToApi(status), Pace.Chinese(status), Math.Round(Pace.GapToPace(c.Done, c.Target, expected), 1), c.Standard.Source, c.Standard.Interpretation);
    }

    private static UnitProgressDto Child(Unit u, decimal expected)
    {
        var statuses = u.Cells.Select(c => StatusOf(c, expected, u.FarBehind.Value)).ToList();
        var standards = u.Cells.Select((c, i) => Dto(c, expected, statuses[i])).ToList();
        var worst = Pace.Worst(statuses);
        return new UnitProgressDto(u.Kind, u.Id, u.Name, Pace.ToApi(worst), Pace.Chinese(worst),
            statuses.Count(s => s is ProgressStatus.Behind or ProgressStatus.FarBehind), u.Link, standards);
    }

    private static ProgressReportDto Report(ProgressScopeDto scope, ProgressPeriod period, DateOnly asOf, decimal expected, List<Cell> total, Sourced<decimal> farBehind,
        List<UnitProgressDto> children, string childrenKind, List<TrendPointDto> trend, List<Unit> candidates)
    {
        var behind = candidates
            .SelectMany(u => u.Cells.Select(c => (u, c, status: StatusOf(c, expected, u.FarBehind.Value))))
            .Where(x => x.status is ProgressStatus.Behind or ProgressStatus.FarBehind)
            .OrderByDescending(x => x.status)
            .ThenByDescending(x => x.c.Target <= 0 ? 0 : Pace.GapToPace(x.c.Done, x.c.Target, expected) / x.c.Target)
            .ThenBy(x => x.u.Name, StringComparer.Ordinal)
            .ToList();
        return new ProgressReportDto(scope, period.Code, period.Label, period.From.ToString("yyyy-MM-dd"), period.To.ToString("yyyy-MM-dd"),
            asOf.ToString("yyyy-MM-dd"), Math.Round(expected, 4),
            total.Select(c => Dto(c, expected, StatusOf(c, expected, farBehind.Value))).ToList(), children, childrenKind, trend, behind.Count,
            behind.Take(BehindShown).Select(x => new BehindDto(x.u.Kind, x.u.Id, x.u.Name, x.u.Parent, x.u.Link, x.c.Standard.Key,
                x.c.Standard.Definition.Label, Math.Round(x.c.Target, 1), Math.Round(x.c.Done, 1),
                Math.Round(Pace.GapToPace(x.c.Done, x.c.Target, expected), 1), Pace.ToApi(x.status), Pace.Chinese(x.status))).ToList());
    }
}
