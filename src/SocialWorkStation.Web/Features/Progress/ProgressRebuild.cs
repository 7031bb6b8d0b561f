using Microsoft.EntityFrameworkCore;
using SocialWorkStation.Web.Data;
using SocialWorkStation.Web.Features.Profiles;

namespace SocialWorkStation.Web.Features.Progress;

/// <summary>
/// Recounts every platform's progress from the records and reports how many counts were wrong before
/// (`dotnet run --project src/SocialWorkStation.Web -- rebuild-progress [region code prefix]`; docs/operations.md). Needed after
/// records are changed outside the platform (a bulk load, a restore, SQL by hand) or a profile's thresholds
/// changed; otherwise the counts are kept exact as records are saved and a rebuild finds no differences.
/// </summary>
public static class ProgressRebuild
{
    public sealed record Result(int Platforms, int Workers, int Differences);

    /// <param name="regionPrefix">Only the platforms of this region (a code prefix such as 469030); all when null.</param>
    public static async Task<Result> RunAsync(AppDbContext db, ProfileCatalog profiles, CancellationToken ct, string? regionPrefix = null)
    {
        var scope = db.Platforms.AsNoTracking().Where(p => regionPrefix == null || p.RegionCode.StartsWith(regionPrefix));
        var before = await SnapshotAsync(db, scope, ct);
        var platforms = await scope.OrderBy(p => p.Id).Select(p => p.Id).ToListAsync(ct);
        foreach (var platform in platforms)
        {
            // One short transaction per platform: a rebuild of a province never holds every lock at once.
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            await ProgressRecompute.LockAsync(db, platform, ct);
            foreach (var family in Enum.GetValues<ProgressFamily>())
            {
                await ProgressRecompute.StationAsync(db, profiles, platform, family, ProgressRecompute.AllMonths, ct);
            }
            await tx.CommitAsync(ct);
        }
        var workers = await db.Workers.AsNoTracking().Where(w => scope.Any(p => p.Id == w.PlatformId)).OrderBy(w => w.Id).Select(w => w.Id).ToListAsync(ct);
        foreach (var chunk in workers.Chunk(200))
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            foreach (var worker in chunk)
            {
                await ProgressRecompute.TrainingAsync(db, worker, ct);
            }
            await tx.CommitAsync(ct);
        }
        var after = await SnapshotAsync(db, scope, ct);
        var differences = after.Keys.Union(before.Keys).Count(k => before.GetValueOrDefault(k) != after.GetValueOrDefault(k));
        return new Result(platforms.Count, workers.Count, differences);
    }

    /// <summary>
    /// Every non-zero count, keyed by row and column (slots added up), so two snapshots compare cell by cell. A
    /// rebuild moves visit differences from their slots into slot 0; the sums, and so the snapshot, do not change.
    /// </summary>
    private static async Task<Dictionary<string, int>> SnapshotAsync(AppDbContext db, IQueryable<Stations.Platform> scope, CancellationToken ct)
    {
        var result = new Dictionary<string, int>();
        var ids = scope.Select(p => p.Id);
        foreach (var r in await db.ProgressStationMonths.AsNoTracking().Where(r => r.Month != 0 && ids.Contains(r.StationId)).ToListAsync(ct))
        {
            foreach (var column in ProgressColumns.Station)
            {
                var value = (int)typeof(ProgressStationMonth).GetProperty(column)!.GetValue(r)!;
                if (value != 0)
                {
                    var key = $"{r.StationId}/{r.Month}/{column}";
                    result[key] = result.GetValueOrDefault(key) + value;
                }
            }
        }
        foreach (var r in await db.ProgressWorkerMonths.AsNoTracking().Where(r => ids.Contains(r.StationId)).ToListAsync(ct))
        {
            // Slots add up: a count is the sum of its row's slots.
            if (r.HomeVisits != 0)
            {
                var key = $"{r.WorkerId}/{r.StationId}/{r.Month}/HomeVisits";
                result[key] = result.GetValueOrDefault(key) + r.HomeVisits;
            }
            if (r.TrainingTenths != 0)
            {
                var key = $"{r.WorkerId}/{r.StationId}/{r.Month}/TrainingTenths";
                result[key] = result.GetValueOrDefault(key) + r.TrainingTenths;
            }
        }
        return result;
    }
}
