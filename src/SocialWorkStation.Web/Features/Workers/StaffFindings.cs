using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;
using SocialWorkStation.Domain.Common;
using SocialWorkStation.Domain.Platforms;
using SocialWorkStation.Domain.Staff;
using SocialWorkStation.Web.Data;
using SocialWorkStation.Web.Features.Accounts;
using SocialWorkStation.Web.Features.Audit;
using SocialWorkStation.Web.Features.Profiles;
using SocialWorkStation.Web.Features.Stations;
using SocialWorkStation.Web.Infrastructure;

namespace SocialWorkStation.Web.Features.Workers;

/// <summary>One finding of the county view: a platform's staffing finding (no worker) or a worker's own.</summary>
public sealed record StaffFindingRow(
    Guid StationId, string StationName, string StationKind, string RegionCode, Guid? WorkerId, string? WorkerName,
    string Rule, string RuleName, bool Passed, string Severity, string Message, string Source, string? Interpretation);

/// <summary>A page of findings with the totals of the whole filtered set.</summary>
public sealed record StaffFindingsPage(
    string Date, int Stations, int Workers, int FailedErrors, int FailedWarnings,
    IReadOnlyList<StaffFindingRow> Items, int Total, int Page, int PageSize)
{
    public int PageCount => Total == 0 ? 1 : (Total + PageSize - 1) / PageSize;
}

/// <summary>
/// Every staffing finding of the platforms a user may see (a county for a bureau), filterable by rule, severity
/// and result, exportable to Excel. Computed from one load of platforms, workers and villages: the number of
/// queries does not grow with the number of workers.
/// </summary>
public static class StaffFindings
{
    public sealed record Query(DateOnly Date, string? Rule = null, string? Severity = null, bool? Passed = null, Guid? StationId = null, string? RegionCode = null);

    public static async Task<StaffFindingsPage> Handle(AppDbContext db, ProfileCatalog profiles, UserScope scope, Query query, PageRequest page, CancellationToken ct)
    {
        var (rows, stations, workers) = await Compute(db, profiles, scope, query, ct);
        var items = rows.Skip((page.Page - 1) * page.PageSize).Take(page.PageSize).ToList();
        return new StaffFindingsPage(query.Date.ToString("yyyy-MM-dd"), stations, workers,
            rows.Count(r => !r.Passed && r.Severity == "error"), rows.Count(r => !r.Passed && r.Severity == "warning"),
            items, rows.Count, page.Page, page.PageSize);
    }

    public static void Validate(Query query)
    {
        var errors = new Errors();
        if (query.Rule is not null && !StaffNames.Rules.ContainsKey(query.Rule))
        {
            errors.Add("rule", "检查项不存在，可选：" + string.Join("、", StaffNames.Rules.Keys));
        }
        if (query.Severity is not null and not ("error" or "warning"))
        {
            errors.Add("severity", "级别应为 error（不合格）或 warning（提醒）");
        }
        errors.ThrowIfAny();
    }

    public static async Task<(List<StaffFindingRow> Rows, int Stations, int Workers)> Compute(AppDbContext db, ProfileCatalog profiles, UserScope scope, Query query, CancellationToken ct)
    {
        Validate(query);
        var platformQuery = db.Platforms.AsNoTracking().VisibleTo(scope);
        var workerQuery = db.Workers.VisibleTo(scope);
        if (query.StationId is { } station)
        {
            platformQuery = platformQuery.Where(p => p.Id == station);
            workerQuery = workerQuery.Where(w => w.PlatformId == station);
        }
        if (!string.IsNullOrWhiteSpace(query.RegionCode))
        {
            platformQuery = platformQuery.Where(p => p.RegionCode.StartsWith(query.RegionCode));
            workerQuery = workerQuery.Where(w => w.Platform!.RegionCode.StartsWith(query.RegionCode));
        }
        var platforms = await platformQuery.OrderBy(p => p.RegionCode).ThenBy(p => p.Kind).ThenBy(p => p.Name).ToListAsync(ct);
        var staffing = await Staffing.Load(db, profiles, platforms, workerQuery, ct);

        var rows = new List<StaffFindingRow>();
        var workerCount = 0;
        foreach (var p in platforms)
        {
            var profile = profiles.Find(p.ProfileKey);
            if (profile is null)
            {
                continue;
            }
            var kind = PlatformKinds.ToApi(p.Kind);
            rows.AddRange(staffing.Check(profile, p, query.Date).Select(f => Row(p, kind, null, f)));
            // Past and future workers are history, not findings: only those at work on the date are listed.
            foreach (var w in staffing.WorkersOf(p.Id).Where(w => w.ActiveOn(query.Date)).OrderBy(w => w.Role).ThenBy(w => w.Name))
            {
                workerCount++;
                rows.AddRange(StaffCheck.Worker(profile, w.ToFacts(p.Kind), query.Date).Select(f => Row(p, kind, w, f)));
            }
        }
        var filtered = rows
            .Where(r => query.Rule is null || r.Rule == query.Rule)
            .Where(r => query.Severity is null || r.Severity == query.Severity)
            .Where(r => query.Passed is null || r.Passed == query.Passed)
            .ToList();
        return (filtered, platforms.Count, workerCount);
    }

    private static StaffFindingRow Row(Platform p, string kind, Worker? w, Finding f) => new(
        p.Id, p.Name, kind, p.RegionCode, w?.Id, w?.Name, f.Rule, StaffNames.Rules.GetValueOrDefault(f.Rule, f.Rule), f.Passed,
        f.Severity == Domain.Common.Severity.Error ? "error" : "warning", f.Message, f.Source, f.Interpretation);

    /// <summary>The filtered findings as an .xlsx workbook; the export is written to the audit trail.</summary>
    public static async Task<byte[]> Export(AppDbContext db, ProfileCatalog profiles, AuditLog audit, UserScope scope, Query query, CancellationToken ct)
    {
        var (rows, stations, workers) = await Compute(db, profiles, scope, query, ct);
        // Station and worker names are typed by people: every text cell goes through the formula guard (ExcelCells).
        var sheet = ExcelCells.SafeRows(rows.Select(r => new Dictionary<string, object?>
        {
            ["站点"] = r.StationName,
            ["站点类型"] = PlatformKinds.Chinese(PlatformKinds.FromApi(r.StationKind)!.Value),
            ["社工"] = r.WorkerName ?? "（站点人员配备）",
            ["检查项"] = r.RuleName,
            ["结果"] = r.Passed ? "通过" : "未通过",
            ["级别"] = r.Severity == "error" ? "不合格" : "提醒",
            ["说明"] = r.Message,
            ["依据"] = r.Source,
            ["平台解读"] = r.Interpretation ?? "",
        }));
        if (sheet.Count == 0)
        {
            sheet.Add(new Dictionary<string, object?> { ["站点"] = "（没有符合条件的检查结果）", ["站点类型"] = "", ["社工"] = "", ["检查项"] = "", ["结果"] = "", ["级别"] = "", ["说明"] = "", ["依据"] = "", ["平台解读"] = "" });
        }
        using var stream = new MemoryStream();
        stream.SaveAs(new Dictionary<string, object> { [$"人员检查结果{query.Date:yyyyMMdd}"] = sheet });
        await audit.WriteAsync("export", "StaffFindings", null,
            $"导出人员检查结果{rows.Count}条（检查日期{query.Date:yyyy-MM-dd}，{stations}个站点，{workers}名在岗人员" +
            (query.Rule is null ? "" : $"，检查项{query.Rule}") + (query.Severity is null ? "" : $"，级别{query.Severity}") +
            (query.Passed is null ? "" : query.Passed.Value ? "，仅通过" : "，仅未通过") + "）", ct: ct);
        return stream.ToArray();
    }
}
