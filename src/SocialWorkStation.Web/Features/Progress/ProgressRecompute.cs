using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using SocialWorkStation.Domain.Progress;
using SocialWorkStation.Domain.Visits;
using SocialWorkStation.Web.Data;
using SocialWorkStation.Web.Features.Cases;
using SocialWorkStation.Web.Features.Groups;
using SocialWorkStation.Web.Features.Profiles;
using SocialWorkStation.Web.Features.Visits;
using SocialWorkStation.Web.Features.Workers;

namespace SocialWorkStation.Web.Features.Progress;

/// <summary>The kinds of records whose counts are kept together; a change to one recomputes its family.</summary>
public enum ProgressFamily
{
    Visits,
    RecipientFiles,
    Cases,
    Groups,
    Activities,
    NewVolunteers,
    FeaturedCases,
    ContractorChecks,
}

/// <summary>
/// Recomputes the counts of one platform and family from the records (all months, or one month for the
/// families dated by a single column), with the counting rules of Domain/Progress/Counting and the
/// platform's profile. Recomputing rather than adding deltas keeps the counts exact however a record
/// changed (edited, deleted, moved, a child row added); the platform's lock row makes concurrent writers
/// of one platform take turns, so each recount sees the other's committed rows (ADR 0006).
/// </summary>
public static class ProgressRecompute
{
    /// <summary>All months of the family, not just one.</summary>
    public const int AllMonths = 0;

    /// <summary>
    /// Takes the platform's lock for the rest of the transaction, exclusively: on PostgreSQL a transaction-scoped advisory
    /// lock (visit writers take it shared, VisitCredits); SQLite lets one transaction write at a time anyway, and the
    /// lock row (Month 0) is written so the platform's write lock is held from here on.
    /// </summary>
    public static Task LockAsync(AppDbContext db, Guid stationId, CancellationToken ct) =>
        db.Database.IsNpgsql()
            ? db.Database.ExecuteSqlRawAsync("SELECT pg_advisory_xact_lock({0}, {1})", [LockSpace, LockKey(stationId)], ct)
            : db.Database.ExecuteSqlRawAsync(
                """
                INSERT INTO "ProgressStationMonths" ("StationId", "Month", "Slot") VALUES ({0}, 0, 0)
                ON CONFLICT ("StationId", "Month", "Slot") DO UPDATE SET "HomeVisits" = "ProgressStationMonths"."HomeVisits"
                """, [stationId], ct);

    /// <summary>The first key of the platform locks, so they cannot meet another use of advisory locks.</summary>
    public const int LockSpace = 20260006;

    /// <summary>A platform's lock key; two platforms sharing one only take turns more often, they are never wrong.</summary>
    public static int LockKey(Guid stationId)
    {
        Span<byte> b = stackalloc byte[16];
        stationId.TryWriteBytes(b);
        return BitConverter.ToInt32(b[..4]) ^ BitConverter.ToInt32(b[4..8]) ^ BitConverter.ToInt32(b[8..12]) ^ BitConverter.ToInt32(b[12..]);
    }

    public static async Task StationAsync(AppDbContext db, ProfileCatalog profiles, Guid stationId, ProgressFamily family, int month, CancellationToken ct)
    {
        var (first, last) = month == AllMonths ? (DateOnly.MinValue, DateOnly.MaxValue) : Counting.MonthRange(month);
        switch (family)
        {
            case ProgressFamily.Visits:
            {
                // Saves add differences (VisitCredits); a recount of the platform (rebuild, profile change) lands here.
                var credits = await (
                        from w in db.Set<VisitWorker>()
                        join v in db.Visits on w.VisitId equals v.Id
                        where v.StationId == stationId && v.Kind == VisitKind.HomeVisit && v.VisitedOn >= first && v.VisitedOn <= last
                        select new { w.WorkerId, v.VisitedOn })
                    .ToListAsync(ct);
                await SetStation(db, stationId, month, nameof(ProgressStationMonth.HomeVisits), ByMonth(credits.Select(c => c.VisitedOn)), ct);
                await SetWorkers(db, stationId, month, credits.GroupBy(c => (c.WorkerId, Counting.MonthOf(c.VisitedOn))).ToDictionary(g => g.Key, g => g.Count()), ct);
                break;
            }
            case ProgressFamily.RecipientFiles:
            {
                var dates = await db.Recipients.Where(r => r.StationId == stationId && r.RegisteredOn >= first && r.RegisteredOn <= last)
                    .Select(r => r.RegisteredOn).ToListAsync(ct);
                await SetStation(db, stationId, month, nameof(ProgressStationMonth.RecipientFiles), ByMonth(dates), ct);
                break;
            }
            case ProgressFamily.NewVolunteers:
            {
                var dates = await db.Volunteers.Where(r => r.StationId == stationId && r.RegisteredOn >= first && r.RegisteredOn <= last)
                    .Select(r => r.RegisteredOn).ToListAsync(ct);
                await SetStation(db, stationId, month, nameof(ProgressStationMonth.NewVolunteers), ByMonth(dates), ct);
                break;
            }
            case ProgressFamily.FeaturedCases:
            {
                var dates = await db.FeaturedCases.Where(r => r.StationId == stationId && r.WrittenOn >= first && r.WrittenOn <= last)
                    .Select(r => r.WrittenOn).ToListAsync(ct);
                await SetStation(db, stationId, month, nameof(ProgressStationMonth.FeaturedCases), ByMonth(dates), ct);
                break;
            }
            case ProgressFamily.ContractorChecks:
            {
                var dates = await db.ContractorChecks.Where(r => r.StationId == stationId && r.CheckedOn >= first && r.CheckedOn <= last)
                    .Select(r => r.CheckedOn).ToListAsync(ct);
                await SetStation(db, stationId, month, nameof(ProgressStationMonth.ContractorChecks), ByMonth(dates), ct);
                break;
            }
            case ProgressFamily.Cases:
                await CasesAsync(db, profiles, stationId, ct);
                break;
            case ProgressFamily.Groups:
                await GroupsAsync(db, profiles, stationId, ct);
                break;
            case ProgressFamily.Activities:
                await ActivitiesAsync(db, profiles, stationId, ct);
                break;
        }
    }

    /// <summary>Every month of the three families whose count depends on child rows (services, sessions, kinds).</summary>
    public static bool AlwaysAllMonths(ProgressFamily f) => f is ProgressFamily.Cases or ProgressFamily.Groups or ProgressFamily.Activities;

    private static async Task CasesAsync(AppDbContext db, ProfileCatalog profiles, Guid stationId, CancellationToken ct)
    {
        var min = (await StandardsOf(db, profiles, stationId, ct))?.ServicesPerCase?.Value ?? 0;
        var cases = await db.Cases.Where(c => c.StationId == stationId).Select(c => new { c.Id, c.OpenedOn }).ToListAsync(ct);
        var services = await db.Set<CaseService>().Where(s => db.Cases.Any(c => c.Id == s.CaseId && c.StationId == stationId))
            .Select(s => new { s.CaseId, s.On }).ToListAsync(ct);
        var byCase = services.ToLookup(s => s.CaseId, s => s.On);
        var served = cases.Select(c => Counting.CaseServedOn(byCase[c.Id], min)).OfType<DateOnly>();
        await SetStation(db, stationId, AllMonths, nameof(ProgressStationMonth.Cases), ByMonth(cases.Select(c => c.OpenedOn)), ct);
        await SetStation(db, stationId, AllMonths, nameof(ProgressStationMonth.CasesServed), ByMonth(served), ct);
    }

    private static async Task GroupsAsync(AppDbContext db, ProfileCatalog profiles, Guid stationId, CancellationToken ct)
    {
        var s = await StandardsOf(db, profiles, stationId, ct);
        // Without numbers in the profile a group counts from its first session.
        var minSessions = s?.SessionsPerGroup?.Value ?? 1;
        var minTimes = s?.ParticipantTimesPerGroup?.Value ?? 0;
        var sessions = await db.Set<GroupSession>().Where(x => db.Groups.Any(g => g.Id == x.GroupId && g.StationId == stationId))
            .Select(x => new { x.GroupId, x.HeldOn, x.Number, Attendance = x.Attendance.Count }).ToListAsync(ct);
        var completed = sessions.GroupBy(x => x.GroupId)
            .Select(g => Counting.GroupCompletedOn(g.Select(x => new SessionFact(x.HeldOn, x.Number, x.Attendance)), minSessions, minTimes))
            .OfType<DateOnly>();
        await SetStation(db, stationId, AllMonths, nameof(ProgressStationMonth.Groups), ByMonth(completed), ct);
    }

    private static async Task ActivitiesAsync(AppDbContext db, ProfileCatalog profiles, Guid stationId, CancellationToken ct)
    {
        var s = await StandardsOf(db, profiles, stationId, ct);
        var activities = await db.Activities.Where(a => a.StationId == stationId)
            .Select(a => new { a.Date, a.ParticipantCount, Kinds = a.Kinds.Select(k => k.Kind).ToList() }).ToListAsync(ct);
        // Without a per-activity minimum every activity counts (ActivityRules.Progress).
        var counted = activities.Where(a => Domain.Services.ActivityRules.Counts(a.ParticipantCount, s) ?? true).ToList();
        await SetStation(db, stationId, AllMonths, nameof(ProgressStationMonth.Activities), ByMonth(counted.Select(a => a.Date)), ct);
        await SetStation(db, stationId, AllMonths, nameof(ProgressStationMonth.PublicityActivities),
            ByMonth(counted.Where(a => a.Kinds.Contains(Domain.Services.ActivityKind.SocialWorkPublicity)).Select(a => a.Date)), ct);
        await SetStation(db, stationId, AllMonths, nameof(ProgressStationMonth.AdvocacyActivities),
            ByMonth(counted.Where(a => a.Kinds.Contains(Domain.Services.ActivityKind.VolunteerAdvocacy)).Select(a => a.Date)), ct);
    }

    /// <summary>A worker's training hours by month, at the platform the worker now belongs to.</summary>
    public static async Task TrainingAsync(AppDbContext db, Guid workerId, CancellationToken ct)
    {
        var worker = await db.Workers.Where(w => w.Id == workerId).Select(w => new { StationId = w.PlatformId }).FirstOrDefaultAsync(ct);
        await db.Database.ExecuteSqlRawAsync(
            """UPDATE "ProgressWorkerMonths" SET "TrainingTenths" = 0 WHERE "WorkerId" = {0} AND "TrainingTenths" <> 0""", [workerId], ct);
        if (worker is null)
        {
            return;
        }
        var stationId = worker.StationId;
        var rows = await db.Set<WorkerTraining>().Where(t => t.WorkerId == workerId).Select(t => new { t.Date, t.Hours }).ToListAsync(ct);
        var tenths = rows.GroupBy(r => Counting.MonthOf(r.Date)).ToDictionary(g => g.Key, g => (int)Math.Round(g.Sum(r => r.Hours) * 10m));
        await Upsert(db, "ProgressWorkerMonths", ["WorkerId", "StationId", "Month", "Slot"], "TrainingTenths",
            tenths.Select(kv => (new object[] { workerId, stationId, kv.Key, 0 }, kv.Value)).ToList(), ct);
    }

    private static async Task<Domain.Services.ServiceStandards?> StandardsOf(AppDbContext db, ProfileCatalog profiles, Guid stationId, CancellationToken ct)
    {
        var key = await db.Platforms.Where(p => p.Id == stationId).Select(p => p.ProfileKey).FirstOrDefaultAsync(ct);
        return profiles.Find(key)?.Standards;
    }

    private static Dictionary<int, int> ByMonth(IEnumerable<DateOnly> dates) =>
        dates.GroupBy(Counting.MonthOf).ToDictionary(g => g.Key, g => g.Count());

    private static async Task SetStation(AppDbContext db, Guid stationId, int month, string column, Dictionary<int, int> values, CancellationToken ct)
    {
        if (month == AllMonths)
        {
            // The column is one of ProgressColumns, never user input.
            var zero = $$"""UPDATE "ProgressStationMonths" SET "{{column}}" = 0 WHERE "StationId" = {0} AND "Month" <> 0 AND "{{column}}" <> 0""";
            await db.Database.ExecuteSqlRawAsync(zero, [stationId], ct);
        }
        else if (!values.ContainsKey(month))
        {
            values[month] = 0;
        }
        // Recounted values go to slot 0 (the other slots were zeroed above or never hold this column).
        await Upsert(db, "ProgressStationMonths", ["StationId", "Month", "Slot"], column,
            values.Select(kv => (new object[] { stationId, kv.Key, 0 }, kv.Value)).ToList(), ct);
    }

    private static async Task SetWorkers(AppDbContext db, Guid stationId, int month, Dictionary<(Guid Worker, int Month), int> values, CancellationToken ct)
    {
        var sql = month == AllMonths
            ? """UPDATE "ProgressWorkerMonths" SET "HomeVisits" = 0 WHERE "StationId" = {0} AND "HomeVisits" <> 0"""
            : """UPDATE "ProgressWorkerMonths" SET "HomeVisits" = 0 WHERE "StationId" = {0} AND "Month" = {1} AND "HomeVisits" <> 0""";
        await db.Database.ExecuteSqlRawAsync(sql, month == AllMonths ? [stationId] : [stationId, month], ct);
        await Upsert(db, "ProgressWorkerMonths", ["WorkerId", "StationId", "Month", "Slot"], "HomeVisits",
            values.Select(kv => (new object[] { kv.Key.Worker, stationId, kv.Key.Month, 0 }, kv.Value)).ToList(), ct);
    }

    /// <summary>One multi-row INSERT … ON CONFLICT DO UPDATE per chunk, setting the recounted values.</summary>
    private static async Task Upsert(AppDbContext db, string table, string[] keys, string column, List<(object[] Key, int Value)> rows, CancellationToken ct)
    {
        // Bounded so a rebuild of a busy platform stays under the parameter limits of both databases.
        foreach (var chunk in rows.Chunk(500))
        {
            var sql = new StringBuilder();
            var args = new List<object>();
            AppendUpsert(sql, args, table, keys, column, chunk, add: false);
            await db.Database.ExecuteSqlRawAsync(sql.ToString(), args, ct);
        }
    }

    /// <summary>
    /// Appends one multi-row INSERT … ON CONFLICT DO UPDATE (the same SQL on SQLite and PostgreSQL) that sets the
    /// column to the given values, or with <paramref name="add"/> adds them to what the rows hold (VisitCredits).
    /// Table, keys and column are the progress tables' own names, never input; the values are parameters.
    /// </summary>
    public static void AppendUpsert(StringBuilder sql, List<object> args, string table, string[] keys, string column, IReadOnlyList<(object[] Key, int Value)> rows, bool add)
    {
        if (rows.Count == 0)
        {
            return;
        }
        var columns = string.Join(", ", keys.Select(k => $"\"{k}\""));
        sql.Append(CultureInfo.InvariantCulture, $"INSERT INTO \"{table}\" ({columns}, \"{column}\") VALUES ");
        for (var i = 0; i < rows.Count; i++)
        {
            sql.Append(i == 0 ? "(" : ", (");
            foreach (var k in rows[i].Key)
            {
                sql.Append('{').Append(args.Count).Append("}, ");
                args.Add(k);
            }
            sql.Append('{').Append(args.Count).Append("})");
            args.Add(rows[i].Value);
        }
        var value = add ? $"\"{table}\".\"{column}\" + excluded.\"{column}\"" : $"excluded.\"{column}\"";
        sql.Append(CultureInfo.InvariantCulture, $" ON CONFLICT ({columns}) DO UPDATE SET \"{column}\" = {value};\n");
    }
}
