using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using SocialWorkStation.Domain.Regions;
using SocialWorkStation.Web.Data;
using SocialWorkStation.Web.Features.Audit;

namespace SocialWorkStation.Web.Features.Regions;

/// <summary>
/// Imports or updates regions from china-division CSV files (provinces, cities, areas, streets,
/// villages or villages-NN). Idempotent: a second run of the same files changes nothing. Regions are
/// never deleted, because records keep the codes they were made with.
/// </summary>
public static class ImportRegions
{
    public sealed record Result(int Added, int Updated, int Unchanged, TimeSpan Elapsed)
    {
        public override string ToString() => $"新增 {Added}，更新 {Updated}，未变 {Unchanged}，用时 {Elapsed.TotalSeconds:0.0} 秒";
    }

    /// <summary>The folder shipped with the platform: the country to townships, and Hainan's villages.</summary>
    public static string ShippedFolder => Path.Combine(AppContext.BaseDirectory, "Data", "Regions");

    /// <param name="villageProvinces">Import villages only of these province codes (2 digits); null for all in the files.</param>
    public static async Task<Result> Handle(AppDbContext db, AuditLog audit, string folder, IReadOnlyCollection<string>? villageProvinces, CancellationToken ct)
    {
        if (!Directory.Exists(folder))
        {
            throw new DirectoryNotFoundException($"找不到文件夹 {folder}");
        }
        var watch = Stopwatch.StartNew();
        var rows = new List<RegionRow>();
        foreach (var file in Directory.GetFiles(folder, "*.csv").OrderBy(f => RegionCsv.LevelOfFile(Path.GetFileName(f)) ?? RegionLevel.Village))
        {
            if (RegionCsv.LevelOfFile(Path.GetFileName(file)) is not { } level)
            {
                continue;
            }
            using var reader = new StreamReader(file);
            var parsed = RegionCsv.Parse(level, reader);
            if (level == RegionLevel.Village && villageProvinces is not null)
            {
                parsed = parsed.Where(r => villageProvinces.Contains(r.Code[..2]));
            }
            rows.AddRange(parsed);
        }
        var result = await Upsert(db, rows, ct) with { Elapsed = watch.Elapsed };
        await audit.WriteAsync("import", nameof(Region), null, $"导入行政区划（{Path.GetFileName(folder.TrimEnd('/'))}）：{result}", ct: ct);
        return result;
    }

    private static async Task<Result> Upsert(AppDbContext db, List<RegionRow> rows, CancellationToken ct)
    {
        var existing = await db.Regions.AsNoTracking().ToDictionaryAsync(r => r.Code, ct);
        int added = 0, updated = 0, unchanged = 0;
        var wasAutoDetect = db.ChangeTracker.AutoDetectChangesEnabled;
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        try
        {
            var pending = 0;
            foreach (var row in rows.DistinctBy(r => r.Code))
            {
                if (!existing.TryGetValue(row.Code, out var old))
                {
                    db.Regions.Add(new Region { Code = row.Code, Name = row.Name, Level = row.Level, ParentCode = row.ParentCode });
                    added++;
                    pending++;
                }
                else if (old.Name != row.Name || old.ParentCode != row.ParentCode || old.Level != row.Level)
                {
                    old.Name = row.Name;
                    old.ParentCode = row.ParentCode;
                    old.Level = row.Level;
                    db.Regions.Update(old);
                    updated++;
                    pending++;
                }
                else
                {
                    unchanged++;
                }
                if (pending >= 5000)
                {
                    await db.SaveChangesAsync(ct);
                    db.ChangeTracker.Clear();
                    pending = 0;
                }
            }
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
            await tx.CommitAsync(ct);
        }
        finally
        {
            db.ChangeTracker.AutoDetectChangesEnabled = wasAutoDetect;
        }
        return new Result(added, updated, unchanged, TimeSpan.Zero);
    }
}
