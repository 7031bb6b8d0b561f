using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Storage;
using SocialWorkStation.Domain.Progress;
using SocialWorkStation.Web.Data;
using SocialWorkStation.Web.Features.Activities;
using SocialWorkStation.Web.Features.Cases;
using SocialWorkStation.Web.Features.FeaturedCases;
using SocialWorkStation.Web.Features.Groups;
using SocialWorkStation.Web.Features.Profiles;
using SocialWorkStation.Web.Features.Recipients;
using SocialWorkStation.Web.Features.Stations;
using SocialWorkStation.Web.Features.Visits;
using SocialWorkStation.Web.Features.Volunteers;
using SocialWorkStation.Web.Features.Workers;

namespace SocialWorkStation.Web.Features.Progress;

/// <summary>
/// Keeps the progress counts exact in the same transaction as the records (ADR 0006). Before the save it
/// notes which platform, family and month each added, changed or deleted record touches — with its old
/// values as well as its new ones, so a record moved between stations or months is taken off where it was;
/// after the save, still inside the transaction, it locks those platforms in a fixed order and recounts.
/// Bulk ExecuteUpdate/ExecuteDelete bypass it: code that changes counted records that way must call
/// <see cref="ProgressRecompute"/> itself (none does today).
/// </summary>
public sealed class ProgressInterceptor(ProfileCatalog profiles) : SaveChangesInterceptor
{
    private readonly Dictionary<DbContext, Pending> _pending = [];

    private sealed class Pending
    {
        public readonly HashSet<(Guid Station, ProgressFamily Family, int Month)> Stations = [];
        public readonly HashSet<Guid> TrainingWorkers = [];
        /// <summary>Visits whose home-visit credits may change; counted before and after the save, the difference applied.</summary>
        public readonly HashSet<Guid> Visits = [];
        public List<VisitCredits.Credit> CreditsBefore = [];
        public IDbContextTransaction? OwnTransaction;
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result) =>
        SavingChangesAsync(eventData, result).AsTask().GetAwaiter().GetResult();

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result) =>
        SavedChangesAsync(eventData, result).AsTask().GetAwaiter().GetResult();

    public override void SaveChangesFailed(DbContextErrorEventData eventData) =>
        SaveChangesFailedAsync(eventData).GetAwaiter().GetResult();

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken ct = default)
    {
        if (eventData.Context is not AppDbContext db)
        {
            return result;
        }
        var pending = new Pending();
        await CollectAsync(db, pending, ct);
        if (pending.Stations.Count > 0 || pending.TrainingWorkers.Count > 0 || pending.Visits.Count > 0)
        {
            if (db.Database.CurrentTransaction is null)
            {
                pending.OwnTransaction = await db.Database.BeginTransactionAsync(ct);
            }
            if (pending.Visits.Count > 0)
            {
                // Read before the statements run: the credits these visits give now, to be taken off.
                pending.CreditsBefore = await VisitCredits.ReadAsync(db, pending.Visits, ct);
            }
            _pending[db] = pending;
        }
        return result;
    }

    public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken ct = default)
    {
        if (eventData.Context is not AppDbContext db || !_pending.Remove(db, out var pending))
        {
            return result;
        }
        try
        {
            await ApplyAsync(db, pending, ct);
            if (pending.OwnTransaction is { } tx)
            {
                await tx.CommitAsync(ct);
            }
        }
        finally
        {
            if (pending.OwnTransaction is { } tx)
            {
                await tx.DisposeAsync();
            }
        }
        return result;
    }

    public override async Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken ct = default)
    {
        if (eventData.Context is AppDbContext db && _pending.Remove(db, out var pending) && pending.OwnTransaction is { } tx)
        {
            await tx.RollbackAsync(ct);
            await tx.DisposeAsync();
        }
    }

    private async Task ApplyAsync(AppDbContext db, Pending pending, CancellationToken ct)
    {
        var workerStations = pending.TrainingWorkers.Count == 0
            ? []
            : await db.Workers.Where(w => pending.TrainingWorkers.Contains(w.Id)).Select(w => w.PlatformId).ToListAsync(ct);
        // One order for every writer, so two transactions never wait on each other's locks in a cycle.
        foreach (var station in pending.Stations.Select(s => s.Station).Concat(workerStations).Distinct().Order())
        {
            await ProgressRecompute.LockAsync(db, station, ct);
        }
        foreach (var (station, family, month) in pending.Stations.OrderBy(s => s.Station).ThenBy(s => s.Family).ThenBy(s => s.Month))
        {
            // A family recounted for all months needs no month-by-month recount as well.
            if (month != ProgressRecompute.AllMonths && pending.Stations.Contains((station, family, ProgressRecompute.AllMonths)))
            {
                continue;
            }
            await ProgressRecompute.StationAsync(db, profiles, station, family, month, ct);
        }
        foreach (var worker in pending.TrainingWorkers.Order())
        {
            await ProgressRecompute.TrainingAsync(db, worker, ct);
        }
        if (pending.Visits.Count > 0)
        {
            // Last, so the busiest rows (a station's month) stay locked only until the commit that follows.
            await VisitCredits.ApplyAsync(db, pending.CreditsBefore, await VisitCredits.ReadAsync(db, pending.Visits, ct), ct);
        }
    }

    private static async Task CollectAsync(AppDbContext db, Pending p, CancellationToken ct)
    {
        var parents = new List<(ProgressFamily Family, Type Parent, Guid Id)>();
        foreach (var e in db.ChangeTracker.Entries())
        {
            if (e.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted))
            {
                continue;
            }
            switch (e.Entity)
            {
                case Visit visit:
                    p.Visits.Add(visit.Id);
                    break;
                case VisitWorker:
                    p.Visits.Add(Value<Guid>(e, nameof(VisitWorker.VisitId)));
                    break;
                case Recipient:
                    Dated(e, p, ProgressFamily.RecipientFiles, nameof(Recipient.RegisteredOn));
                    break;
                case Volunteer:
                    Dated(e, p, ProgressFamily.NewVolunteers, nameof(Volunteer.RegisteredOn));
                    break;
                case FeaturedCase:
                    Dated(e, p, ProgressFamily.FeaturedCases, nameof(FeaturedCase.WrittenOn));
                    break;
                case ContractorChecks.ContractorCheck:
                    Dated(e, p, ProgressFamily.ContractorChecks, nameof(ContractorChecks.ContractorCheck.CheckedOn));
                    break;
                case Case:
                    Whole(e, p, ProgressFamily.Cases);
                    break;
                case CaseService:
                    parents.Add((ProgressFamily.Cases, typeof(Case), Value<Guid>(e, nameof(CaseService.CaseId))));
                    break;
                case Group:
                case GroupSession:
                    Whole(e, p, ProgressFamily.Groups);
                    break;
                case GroupAttendance:
                    parents.Add((ProgressFamily.Groups, typeof(GroupSession), Value<Guid>(e, nameof(GroupAttendance.SessionId))));
                    break;
                case Activity:
                    Whole(e, p, ProgressFamily.Activities);
                    break;
                case ActivityKindEntry:
                    parents.Add((ProgressFamily.Activities, typeof(Activity), Value<Guid>(e, nameof(ActivityKindEntry.ActivityId))));
                    break;
                case WorkerTraining:
                    p.TrainingWorkers.Add(Value<Guid>(e, nameof(WorkerTraining.WorkerId)));
                    break;
                case Worker when e.State == EntityState.Modified && e.Property(nameof(Worker.PlatformId)).IsModified:
                    p.TrainingWorkers.Add(((Worker)e.Entity).Id);
                    break;
                case Platform when e.State == EntityState.Modified && e.Property(nameof(Platform.ProfileKey)).IsModified:
                    // Another profile means other thresholds: everything of the platform is recounted.
                    foreach (var f in Enum.GetValues<ProgressFamily>())
                    {
                        p.Stations.Add((((Platform)e.Entity).Id, f, ProgressRecompute.AllMonths));
                    }
                    break;
            }
        }
        foreach (var (family, type, id) in parents.Distinct())
        {
            var tracked = db.ChangeTracker.Entries().FirstOrDefault(x => x.Metadata.ClrType == type && Equals(x.Property("Id").CurrentValue, id));
            if (tracked is not null)
            {
                // The parent is tracked: its old and new platform are known without a query.
                foreach (var station in Both<Guid>(tracked, "StationId"))
                {
                    p.Stations.Add((station, family, ProgressRecompute.AllMonths));
                }
                continue;
            }
            // Cases, groups and activities are recounted whole for their platform.
            var stationId = type == typeof(Case)
                ? await db.Cases.Where(c => c.Id == id).Select(c => (Guid?)c.StationId).FirstOrDefaultAsync(ct)
                : type == typeof(GroupSession)
                    ? await db.Set<GroupSession>().Where(s => s.Id == id).Select(s => (Guid?)s.StationId).FirstOrDefaultAsync(ct)
                    : await db.Activities.Where(a => a.Id == id).Select(a => (Guid?)a.StationId).FirstOrDefaultAsync(ct);
            if (stationId is { } sid)
            {
                p.Stations.Add((sid, family, ProgressRecompute.AllMonths));
            }
        }
    }

    /// <summary>A record dated by one column: its old and new platform and month.</summary>
    private static void Dated(EntityEntry e, Pending p, ProgressFamily family, string dateProperty)
    {
        foreach (var station in Both<Guid>(e, "StationId"))
        {
            foreach (var date in Both<DateOnly>(e, dateProperty))
            {
                p.Stations.Add((station, family, ProgressRecompute.AlwaysAllMonths(family) ? ProgressRecompute.AllMonths : Counting.MonthOf(date)));
            }
        }
    }

    private static void Whole(EntityEntry e, Pending p, ProgressFamily family)
    {
        foreach (var station in Both<Guid>(e, "StationId"))
        {
            p.Stations.Add((station, family, ProgressRecompute.AllMonths));
        }
    }

    /// <summary>The value before the change (modified and deleted rows) and the value now (every row not deleted).</summary>
    private static IEnumerable<T> Both<T>(EntityEntry e, string property)
    {
        var prop = e.Property(property);
        if (e.State is EntityState.Modified or EntityState.Deleted && prop.OriginalValue is T before)
        {
            yield return before;
        }
        if (e.State != EntityState.Deleted && prop.CurrentValue is T after)
        {
            yield return after;
        }
    }

    private static T Value<T>(EntityEntry e, string property) =>
        (T)(e.State == EntityState.Deleted ? e.Property(property).OriginalValue : e.Property(property).CurrentValue)!;
}
