using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;
using SocialWorkStation.Domain.IdNumbers;
using SocialWorkStation.Domain.Names;
using SocialWorkStation.Domain.Recipients;
using SocialWorkStation.Web.Data;
using SocialWorkStation.Web.Features.Accounts;
using SocialWorkStation.Web.Features.Audit;
using SocialWorkStation.Web.Infrastructure;

namespace SocialWorkStation.Web.Features.Recipients;

/// <summary>
/// The filtered list as an Excel file. Masked unless the caller may reveal and gives a reason; each
/// exported recipient gets an "export" entry in the audit trail (it shows on the recipient's access
/// history). Cells that a spreadsheet would read as a formula are neutralised.
/// </summary>
public static class ExportRecipients
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    public const int MaxRows = 50_000;

    public sealed record Input(
        string? Q = null, string? VillageCode = null, string? Category = null, string? RiskLevel = null, Guid? WorkerId = null,
        string? Status = null, Guid? StationId = null, bool? Duplicates = null, bool? Reveal = null, string? Reason = null);

    public static async Task<IResult> Handle(AppDbContext db, RecipientProtector protector, AuditLog audit, TimeProvider clock,
        System.Security.Claims.ClaimsPrincipal user, Input input, CancellationToken ct)
    {
        var (bytes, name) = await Build(db, protector, audit, clock, user, input, ct);
        return TypedResults.File(bytes, ContentType, name);
    }

    public static async Task<(byte[] Bytes, string FileName)> Build(AppDbContext db, RecipientProtector protector, AuditLog audit, TimeProvider clock,
        System.Security.Claims.ClaimsPrincipal user, Input input, CancellationToken ct)
    {
        var reveal = input.Reveal == true;
        string? reason = null;
        if (reveal)
        {
            if (!user.Can(Permissions.RecipientsReveal))
            {
                throw new BusinessRuleException("您的角色不能导出完整的身份证号码等敏感信息，请导出脱敏名单", "reveal");
            }
            reason = GetRecipient.CheckReason(input.Reason);
        }
        var query = new ListRecipients.Query(input.Q, input.VillageCode, input.Category, input.RiskLevel, input.WorkerId, input.Status, input.StationId, input.Duplicates);
        var q = ListRecipients.Filter(db, protector, user.Scope(), query);
        var total = await q.CountAsync(ct);
        if (total > MaxRows)
        {
            throw new BusinessRuleException($"一次最多导出{MaxRows}人，当前条件下有{total}人，请缩小范围");
        }
        var rows = await q.OrderBy(r => r.StationId).ThenBy(r => r.Name).ThenBy(r => r.Id)
            .Select(r => new { Recipient = r, StationName = r.Station!.Name }).ToListAsync(ct);
        var codes = rows.Select(r => r.Recipient.VillageCode).OfType<string>().Distinct().ToList();
        var villages = await db.Regions.AsNoTracking().Where(x => codes.Contains(x.Code)).ToDictionaryAsync(x => x.Code, x => x.Name, ct);
        var today = ChinaTime.Today(clock);
        var sheet = new List<Dictionary<string, object?>>(rows.Count);
        foreach (var row in rows)
        {
            var r = row.Recipient;
            var id = RecipientMapper.IdNumber(r, protector);
            var phone = RecipientMapper.Phone(r, protector);
            var birth = RecipientMapper.BirthDate(r, protector);
            sheet.Add(new Dictionary<string, object?>
            {
                ["站点"] = Cell(row.StationName),
                ["姓名"] = Cell(reveal ? r.Name : Masking.Name(r.Name)),
                ["身份证号码"] = Cell(reveal ? id : Masking.IdNumber(id)),
                ["性别"] = RecipientNames.Chinese(r.Sex),
                ["出生日期"] = reveal ? birth.ToString("yyyy-MM-dd") : $"{r.BirthYear}年",
                ["年龄"] = IdNumber.AgeOn(birth, today),
                ["电话"] = Cell(phone is null ? "" : reveal ? phone : Masking.Phone(phone)),
                ["村（社区）"] = Cell(r.VillageCode is null ? "" : villages.GetValueOrDefault(r.VillageCode, r.VillageCode)),
                ["地址"] = Cell(r.Address ?? ""),
                ["对象类别"] = string.Join("、", RecipientCategories.FromMask(r.CategoryMask).Select(RecipientCategories.Chinese)),
                ["风险等级"] = RecipientNames.Chinese(r.RiskLevel),
                ["状态"] = RecipientNames.Chinese(r.Status),
            });
            audit.Add("export", nameof(Recipient), r.Id.ToString(), reveal ? "导出完整信息，事由：" + reason : "导出脱敏名单");
        }
        audit.Add("export", nameof(Recipient), null, $"导出服务对象名单 {rows.Count} 人（{(reveal ? "完整信息，事由：" + reason : "脱敏")}）");
        await db.SaveChangesAsync(ct);

        using var stream = new MemoryStream();
        if (sheet.Count == 0)
        {
            sheet.Add(new Dictionary<string, object?> { ["站点"] = "（没有符合条件的服务对象）" });
        }
        await stream.SaveAsAsync(sheet, sheetName: "服务对象", cancellationToken: ct);
        return (stream.ToArray(), $"服务对象名单-{today:yyyyMMdd}{(reveal ? "" : "-脱敏")}.xlsx");
    }

    /// <summary>Every text cell goes through the platform's one neutraliser (ExcelCells.Safe: = + - @ tab CR).</summary>
    public static string Cell(string value) => ExcelCells.Safe(value) ?? "";
}
