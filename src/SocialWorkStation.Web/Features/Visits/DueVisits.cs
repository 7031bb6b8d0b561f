using Microsoft.EntityFrameworkCore;
using SocialWorkStation.Domain.Names;
using SocialWorkStation.Domain.Recipients;
using SocialWorkStation.Domain.Visits;
using SocialWorkStation.Web.Data;
using SocialWorkStation.Web.Features.Accounts;
using SocialWorkStation.Web.Features.Profiles;
using SocialWorkStation.Web.Features.Recipients;
using SocialWorkStation.Web.Features.Stations;
using SocialWorkStation.Web.Infrastructure;

namespace SocialWorkStation.Web.Features.Visits;

/// <summary>
/// Who must be visited (定期巡访): for each active recipient a rule of the station's policy profile names,
/// the last visit (or registration) plus the rule's days is the due date; the day after it is overdue
/// (<see cref="VisitRules"/>). Answers a worker's "due this week" and "overdue" lists and, per station,
/// the share of scheduled recipients whose visit is not overdue.
/// </summary>
public static class DueVisits
{
    public const int MaxItems = 200;

    public sealed record Query(Guid? StationId = null, Guid? WorkerId = null, string? VillageCode = null);

    public sealed record Item(Guid RecipientId, Guid StationId, string Name, string? VillageCode, IReadOnlyList<string> Categories, Guid? WorkerId,
        string Rule, int IntervalDays, bool HomeVisitOnly, DateOnly? LastVisitedOn, DateOnly DueOn, int DaysOverdue);

    public sealed record Result(DateOnly Today, int Scheduled, int OverdueCount, int DueThisWeekCount, int OnTimePercent,
        IReadOnlyList<Item> Overdue, IReadOnlyList<Item> DueThisWeek, string? Source, string? Interpretation);

    public sealed record StationShare(Guid StationId, string StationName, string RegionCode, int Scheduled, int Overdue, int OnTimePercent);

    private sealed record Row(Guid Id, Guid StationId, string Name, string? VillageCode, long CategoryMask, RiskLevel RiskLevel, Guid? WorkerId,
        DateOnly RegisteredOn, DateOnly? LastAny, DateOnly? LastHome);

    public static async Task<Result> Handle(AppDbContext db, ProfileCatalog profiles, TimeProvider clock, UserScope scope, Query query, CancellationToken ct)
    {
        var today = ChinaTime.Today(clock);
        var stations = await Stations(db, scope, query.StationId, ct);
        var items = await Evaluate(db, profiles, stations, query, today, ct);
        var overdue = items.Where(i => i.DaysOverdue > 0).OrderByDescending(i => i.DaysOverdue).ThenBy(i => i.Name).ToList();
        var week = items.Where(i => VisitRules.IsDueThisWeek(i.DueOn.AddDays(-i.IntervalDays), i.IntervalDays, today)).OrderBy(i => i.DueOn).ThenBy(i => i.Name).ToList();
        var schedule = stations.Select(s => profiles.Find(s.ProfileKey)?.VisitSchedule).FirstOrDefault(s => s is not null);
        return new Result(today, items.Count, overdue.Count, week.Count, Percent(items.Count, overdue.Count),
            overdue.Take(MaxItems).ToList(), week.Take(MaxItems).ToList(), schedule?.Intervals.Source, schedule?.Intervals.Interpretation);
    }

    /// <summary>
    /// Per station (township) in scope: how many recipients are scheduled and the share not overdue. Counted in
    /// SQL, grouped per station, so a province (2,000 stations, 1,000,000 recipients) is never read into memory:
    /// for each profile with a schedule and each of its rules in the order <see cref="VisitSchedule.RuleFor"/>
    /// picks them (fewest days first), one query counts the active recipients of that profile's stations the rule
    /// names and no earlier rule names (so each recipient follows exactly the rule the per-station list gives
    /// them), and among them those overdue: no qualifying visit on or after today minus the rule's days, and,
    /// never visited, registered before that day (<see cref="VisitRules.IsOverdue"/>: due on the last day, overdue
    /// the day after).
    /// </summary>
    public static async Task<IReadOnlyList<StationShare>> ByStation(AppDbContext db, ProfileCatalog profiles, TimeProvider clock, UserScope scope, CancellationToken ct)
    {
        var today = ChinaTime.Today(clock);
        var stations = await Stations(db, scope, null, ct);
        var counts = new Dictionary<Guid, (int Scheduled, int Overdue)>();
        foreach (var key in stations.Select(s => s.ProfileKey).Distinct())
        {
            if (profiles.Find(key)?.VisitSchedule is not { } schedule)
            {
                continue;
            }
            var platforms = db.Platforms.VisibleTo(scope).Where(p => p.ProfileKey == key).Select(p => p.Id);
            var earlierMask = 0L;
            var earlierRisk = (RiskLevel)int.MaxValue;
            foreach (var rule in schedule.Intervals.Value.OrderBy(r => r.Days).ThenByDescending(r => r.HomeVisitOnly))
            {
                var mask = RecipientCategories.ToMask(rule.CategoryValues);
                var risk = rule.MinRiskLevel ?? (RiskLevel)int.MaxValue;
                var (notMask, notRisk) = (earlierMask, earlierRisk);
                var cutoff = today.AddDays(-rule.Days);
                var homeOnly = rule.HomeVisitOnly;
                var visits = from x in db.Set<VisitRecipient>()
                             join v in db.Visits on x.VisitId equals v.Id
                             where !homeOnly || v.Kind == VisitKind.HomeVisit
                             select new { x.RecipientId, v.VisitedOn };
                var rows = await db.Recipients.AsNoTracking()
                    .Where(r => platforms.Contains(r.StationId) && r.Status == RecipientStatus.Active
                        && ((r.CategoryMask & mask) != 0 || r.RiskLevel >= risk)
                        && (r.CategoryMask & notMask) == 0 && r.RiskLevel < notRisk)
                    .GroupBy(r => r.StationId)
                    .Select(g => new
                    {
                        StationId = g.Key,
                        Scheduled = g.Count(),
                        Overdue = g.Count(r => !visits.Any(x => x.RecipientId == r.Id && x.VisitedOn >= cutoff)
                            && (r.RegisteredOn < cutoff || visits.Any(x => x.RecipientId == r.Id))),
                    })
                    .ToListAsync(ct);
                foreach (var row in rows)
                {
                    var (scheduled, overdue) = counts.GetValueOrDefault(row.StationId);
                    counts[row.StationId] = (scheduled + row.Scheduled, overdue + row.Overdue);
                }
                earlierMask |= mask;
                earlierRisk = risk < earlierRisk ? risk : earlierRisk;
            }
        }
        return stations.Where(s => profiles.Find(s.ProfileKey)?.VisitSchedule is not null)
            .Select(s =>
            {
                var (count, late) = counts.GetValueOrDefault(s.Id);
                return new StationShare(s.Id, s.Name, s.RegionCode, count, late, Percent(count, late));
            })
            .OrderBy(s => s.RegionCode).ThenBy(s => s.StationName).ToList();
    }

    private static int Percent(int scheduled, int overdue) => scheduled == 0 ? 100 : (int)Math.Floor(100.0 * (scheduled - overdue) / scheduled);

    private sealed record StationRow(Guid Id, string Name, string RegionCode, string ProfileKey);

    private static async Task<List<StationRow>> Stations(AppDbContext db, UserScope scope, Guid? stationId, CancellationToken ct)
    {
        var q = db.Platforms.AsNoTracking().VisibleTo(scope);
        if (stationId is { } id)
        {
            // A station's list includes its village rooms' recipients.
            q = q.Where(p => p.Id == id || p.ParentId == id);
        }
        var rows = await q.Select(p => new StationRow(p.Id, p.Name, p.RegionCode, p.ProfileKey)).ToListAsync(ct);
        if (stationId is not null && rows.All(r => r.Id != stationId))
        {
            throw new NotFoundException("站点不存在或不在您的权限范围内");
        }
        return rows;
    }

    private static async Task<List<Item>> Evaluate(AppDbContext db, ProfileCatalog profiles, List<StationRow> stations, Query query, DateOnly today, CancellationToken ct)
    {
        var schedules = stations.ToDictionary(s => s.Id, s => profiles.Find(s.ProfileKey)?.VisitSchedule);
        var rules = schedules.Values.OfType<VisitSchedule>().SelectMany(s => s.Intervals.Value).ToList();
        if (rules.Count == 0)
        {
            return [];
        }
        // Narrow in SQL to recipients some rule could name: any of the rules' categories, or at least the lowest risk level named.
        var mask = RecipientCategories.ToMask(rules.SelectMany(r => r.CategoryValues));
        var minRisk = rules.Select(r => r.MinRiskLevel).OfType<RiskLevel>().DefaultIfEmpty((RiskLevel)int.MaxValue).Min();
        var ids = schedules.Where(s => s.Value is not null).Select(s => s.Key).ToList();
        var q = db.Recipients.AsNoTracking().Where(r => ids.Contains(r.StationId) && r.Status == RecipientStatus.Active
            && ((r.CategoryMask & mask) != 0 || r.RiskLevel >= minRisk));
        if (query.WorkerId is { } worker)
        {
            q = q.Where(r => r.WorkerId == worker);
        }
        if (!string.IsNullOrWhiteSpace(query.VillageCode))
        {
            var code = query.VillageCode.Trim();
            q = q.Where(r => r.VillageCode != null && r.VillageCode.StartsWith(code));
        }
        var rows = await q.Select(r => new Row(r.Id, r.StationId, r.Name, r.VillageCode, r.CategoryMask, r.RiskLevel, r.WorkerId, r.RegisteredOn,
                db.Visits.Where(v => v.Recipients.Any(x => x.RecipientId == r.Id)).Max(v => (DateOnly?)v.VisitedOn),
                db.Visits.Where(v => v.Kind == VisitKind.HomeVisit && v.Recipients.Any(x => x.RecipientId == r.Id)).Max(v => (DateOnly?)v.VisitedOn)))
            .ToListAsync(ct);
        var items = new List<Item>(rows.Count);
        foreach (var r in rows)
        {
            var categories = RecipientCategories.FromMask(r.CategoryMask);
            if (schedules[r.StationId]?.RuleFor(categories, r.RiskLevel) is not { } rule)
            {
                continue;
            }
            var last = rule.HomeVisitOnly ? r.LastHome : r.LastAny;
            var from = last ?? r.RegisteredOn;
            var due = VisitRules.DueOn(from, rule.Days);
            items.Add(new Item(r.Id, r.StationId, Masking.Name(r.Name), r.VillageCode, categories.Select(RecipientCategories.ToApi).ToList(), r.WorkerId,
                rule.Label, rule.Days, rule.HomeVisitOnly, last, due, VisitRules.IsOverdue(from, rule.Days, today) ? today.DayNumber - due.DayNumber : 0));
        }
        return items;
    }
}
