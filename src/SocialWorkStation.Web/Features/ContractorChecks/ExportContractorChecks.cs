using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;
using SocialWorkStation.Web.Data;
using SocialWorkStation.Web.Features.Accounts;
using SocialWorkStation.Web.Features.Audit;
using SocialWorkStation.Web.Features.Stations;
using SocialWorkStation.Web.Infrastructure;

namespace SocialWorkStation.Web.Features.ContractorChecks;

/// <summary>
/// The check ledger (项目经理检查指导记录) as an Excel file, with the list's filters. Every typed text goes
/// through ExcelCells.Safe; the export is written to the audit trail with the filter and the number of rows.
/// </summary>
public static class ExportContractorChecks
{
    public const int MaxRows = 50_000;

    public static readonly string[] Columns = ["序号", "站点", "检查日期", "检查人", "检查内容与发现", "指导意见", "跟进事项"];

    public static async Task<(byte[] Bytes, string FileName)> Build(AppDbContext db, AuditLog audit, TimeProvider clock, UserScope scope, ContractorCheckUseCases.Query query, CancellationToken ct)
    {
        var q = ContractorCheckUseCases.Filter(db, scope, query);
        var total = await q.CountAsync(ct);
        if (total > MaxRows)
        {
            throw new BusinessRuleException($"一次最多导出{MaxRows}条检查记录，当前条件下有{total}条，请缩小范围");
        }
        var rows = await q.OrderBy(c => c.CheckedOn).ThenBy(c => c.Id).ToListAsync(ct);
        var stations = await StationRecords.Stations(db, rows.Select(c => c.StationId), ct);
        var n = 0;
        var sheet = rows.Select(c => new Dictionary<string, object?>
        {
            ["序号"] = ++n,
            ["站点"] = ExcelCells.Safe(stations.GetValueOrDefault(c.StationId)?.Name),
            ["检查日期"] = c.CheckedOn.ToString("yyyy-MM-dd"),
            ["检查人"] = ExcelCells.Safe(c.CheckedBy),
            ["检查内容与发现"] = ExcelCells.Safe(c.Findings),
            ["指导意见"] = ExcelCells.Safe(c.Guidance),
            ["跟进事项"] = ExcelCells.Safe(c.FollowUp),
        }).ToList();
        if (sheet.Count == 0)
        {
            sheet.Add(Columns.ToDictionary(c => c, c => (object?)(c == "序号" ? "（没有符合条件的检查记录）" : "")));
        }
        audit.Add("export", nameof(ContractorCheck), null, $"导出项目经理检查记录 {rows.Count} 条{Describe(query)}");
        await db.SaveChangesAsync(ct);
        using var stream = new MemoryStream();
        await stream.SaveAsAsync(sheet, sheetName: "检查指导记录", cancellationToken: ct);
        return (stream.ToArray(), $"项目经理检查记录-{ChinaTime.Today(clock):yyyyMMdd}.xlsx");
    }

    private static string Describe(ContractorCheckUseCases.Query q)
    {
        var parts = new List<string>();
        if (q.StationId is { } s) parts.Add("站点 " + s);
        if (StationRecords.Clean(q.Month) is { } m) parts.Add("月份 " + m);
        if (q.Year is { } y) parts.Add("年份 " + y);
        return parts.Count == 0 ? "" : "，条件：" + string.Join("，", parts);
    }
}
