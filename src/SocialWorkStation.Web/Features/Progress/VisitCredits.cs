using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using SocialWorkStation.Domain.Progress;
using SocialWorkStation.Domain.Visits;
using SocialWorkStation.Web.Data;
using SocialWorkStation.Web.Features.Visits;

namespace SocialWorkStation.Web.Features.Progress;

/// <summary>
/// The write path of the busiest standard. Visits are nearly all the records, and one station's workers write into the
/// same station-month row all day, so instead of recounting the month under the platform's lock (as the other families
/// do) a save reads the home-visit credits of the visits it touches before and after its statements — by primary key,
/// cheap however busy the station — and adds the difference. The difference is exact because a visit can only be
/// changed by one save at a time (its version); increments from different saves commute. The station-month row stays
/// locked only from that last statement to the commit, and each save picks one of several slots of that row at random,
/// so a busy station's writers rarely wait for each other at all. A recount of a platform (rebuild, profile change) excludes these
/// writers: they hold its advisory lock shared on PostgreSQL (SQLite has one writer at a time anyway).
/// </summary>
public static class VisitCredits
{
    /// <summary>One worker's credit for one home visit: where and when it counts.</summary>
    public sealed record Credit(Guid StationId, Guid WorkerId, int Month);

    public static async Task<List<Credit>> ReadAsync(AppDbContext db, IReadOnlyCollection<Guid> visitIds, CancellationToken ct)
    {
        var ids = visitIds.ToList();
        var rows = await (
                from w in db.Set<VisitWorker>()
                join v in db.Visits on w.VisitId equals v.Id
                where ids.Contains(v.Id) && v.Kind == VisitKind.HomeVisit
                select new { v.StationId, w.WorkerId, v.VisitedOn })
            .ToListAsync(ct);
        return rows.Select(r => new Credit(r.StationId, r.WorkerId, Counting.MonthOf(r.VisitedOn))).ToList();
    }

    public static async Task ApplyAsync(AppDbContext db, List<Credit> before, List<Credit> after, CancellationToken ct)
    {
        var station = Delta(before, after, c => (c.StationId, c.Month));
        var worker = Delta(before, after, c => (c.WorkerId, c.StationId, c.Month));
        if (station.Count == 0 && worker.Count == 0)
        {
            return;
        }
        var sql = new StringBuilder();
        var args = new List<object>();
        if (db.Database.IsNpgsql())
        {
            foreach (var id in station.Keys.Select(k => k.StationId).Distinct().Order())
            {
                sql.Append(CultureInfo.InvariantCulture, $"SELECT pg_advisory_xact_lock_shared({ProgressRecompute.LockSpace}, {ProgressRecompute.LockKey(id)});\n");
            }
        }
        // One slot per save, picked at random: saves of one busy station spread over the slots instead of queueing on one row.
        var slot = Random.Shared.Next(1, ProgressColumns.Slots);
        // Keys in one order for every writer, so two saves never wait on each other in a cycle; one round trip for all.
        ProgressRecompute.AppendUpsert(sql, args, "ProgressStationMonths", ["StationId", "Month", "Slot"], nameof(ProgressStationMonth.HomeVisits),
            station.OrderBy(kv => kv.Key.StationId).ThenBy(kv => kv.Key.Month).Select(kv => (new object[] { kv.Key.StationId, kv.Key.Month, slot }, kv.Value)).ToList(), add: true);
        ProgressRecompute.AppendUpsert(sql, args, "ProgressWorkerMonths", ["WorkerId", "StationId", "Month", "Slot"], nameof(ProgressWorkerMonth.HomeVisits),
            worker.OrderBy(kv => kv.Key.WorkerId).ThenBy(kv => kv.Key.StationId).ThenBy(kv => kv.Key.Month)
                .Select(kv => (new object[] { kv.Key.WorkerId, kv.Key.StationId, kv.Key.Month, slot }, kv.Value)).ToList(), add: true);
        await db.Database.ExecuteSqlRawAsync(sql.ToString(), args, ct);
    }

    private static Dictionary<TKey, int> Delta<TKey>(List<Credit> before, List<Credit> after, Func<Credit, TKey> key) where TKey : notnull
    {
        var d = new Dictionary<TKey, int>();
        foreach (var c in after)
        {
            d[key(c)] = d.GetValueOrDefault(key(c)) + 1;
        }
        foreach (var c in before)
        {
            d[key(c)] = d.GetValueOrDefault(key(c)) - 1;
        }
        return d.Where(kv => kv.Value != 0).ToDictionary();
    }
}
