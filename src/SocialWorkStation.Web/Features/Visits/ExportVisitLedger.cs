using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;
using SocialWorkStation.Domain.Recipients;
using SocialWorkStation.Web.Data;
using SocialWorkStation.Web.Features.Accounts;
using SocialWorkStation.Web.Features.Audit;
using SocialWorkStation.Web.Features.Recipients;
using SocialWorkStation.Web.Infrastructure;

namespace SocialWorkStation.Web.Features.Visits;

/// <summary>
/// The visit ledger (走访台账) as an Excel file with the columns a bureau's ledger has. Names are masked;
/// the export is written to the audit trail with the filter and the number of rows.
/// </summary>
public static class ExportVisitLedger
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    public const int MaxRows = 50_000;

    public static readonly string[] Columns = ["序号", "日期", "走访对象", "村（社区）", "对象类别", "走访方式", "走访人", "发现问题", "服务内容", "跟进事项"];

    public static async Task<(byte[] Bytes, string FileName)> Build(AppDbContext db, AuditLog audit, TimeProvider clock, UserScope scope, ListVisits.Query query, CancellationToken ct)
    {
        var q = ListVisits.Filter(db, scope, query);
        var total = await q.CountAsync(ct);
        if (total > MaxRows)
        {
            throw new BusinessRuleException($"一次最多导出{MaxRows}条走访记录，当前条件下有{total}条，请缩小范围");
        }
        var ids = await q.OrderBy(v => v.VisitedOn).ThenBy(v => v.Id).Select(v => v.Id).ToListAsync(ct);
        var visits = await GetVisit.Load(db, ids, ct);
        var recipientIds = visits.Values.SelectMany(v => v.Recipients.Select(r => r.Id)).Distinct().ToList();
        var categories = await db.Recipients.AsNoTracking().Where(r => recipientIds.Contains(r.Id)).ToDictionaryAsync(r => r.Id, r => r.CategoryMask, ct);
        var sheet = new List<Dictionary<string, object?>>(ids.Count);
        var n = 0;
        foreach (var id in ids)
        {
            var v = visits[id];
            var kinds = v.Recipients.SelectMany(r => RecipientCategories.FromMask(categories.GetValueOrDefault(r.Id))).Distinct().Select(RecipientCategories.Chinese);
            sheet.Add(new Dictionary<string, object?>
            {
                ["序号"] = ++n,
                ["日期"] = v.VisitedOn.ToString("yyyy-MM-dd") + (v.BackFilled ? "（补录）" : ""),
                ["走访对象"] = ExportRecipients.Cell(string.Join("、", v.Recipients.Select(r => r.Name))),
                ["村（社区）"] = ExportRecipients.Cell(v.VillageName ?? v.VillageCode ?? ""),
                ["对象类别"] = string.Join("、", kinds),
                ["走访方式"] = v.KindLabel,
                ["走访人"] = ExportRecipients.Cell(string.Join("、", v.Workers.Select(w => w.Name))),
                ["发现问题"] = ExportRecipients.Cell(v.Findings),
                ["服务内容"] = ExportRecipients.Cell(v.ServiceContent),
                ["跟进事项"] = ExportRecipients.Cell(v.FollowUpNeeded ? v.FollowUp ?? "" : "无"),
            });
        }
        if (sheet.Count == 0)
        {
            sheet.Add(Columns.ToDictionary(c => c, c => (object?)(c == "序号" ? "（没有符合条件的走访记录）" : "")));
        }
        audit.Add("export", nameof(Visit), null, $"导出走访台账 {ids.Count} 条（对象姓名脱敏）{Describe(query)}");
        await db.SaveChangesAsync(ct);
        using var stream = new MemoryStream();
        await stream.SaveAsAsync(sheet, sheetName: "走访台账", cancellationToken: ct);
        var today = ChinaTime.Today(clock);
        return (stream.ToArray(), $"走访台账-{today:yyyyMMdd}.xlsx");
    }

    private static string Describe(ListVisits.Query q)
    {
        var parts = new List<string>();
        if (q.StationId is { } s) parts.Add("站点 " + s);
        if (q.WorkerId is { } w) parts.Add("走访人 " + w);
        if (q.VillageCode is { } v) parts.Add("村（社区） " + v);
        if (q.From is { } f) parts.Add("自 " + f.ToString("yyyy-MM-dd"));
        if (q.To is { } t) parts.Add("至 " + t.ToString("yyyy-MM-dd"));
        return parts.Count == 0 ? "" : "，条件：" + string.Join("，", parts);
    }
}
