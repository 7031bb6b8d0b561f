using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using SocialWorkStation.Web.Data;
using SocialWorkStation.Web.Features.Accounts;
using SocialWorkStation.Web.Features.Audit;
using SocialWorkStation.Web.Features.Profiles;

namespace SocialWorkStation.Web.Features.Reports;

/// <summary>
/// A report as Word or Excel. A filed report's Word file is the one kept at submission (its SHA-256 matches); its Excel
/// tables come from the frozen figures. A draft is rendered from the records now.
/// </summary>
public static class DownloadReport
{
    public const string DocxType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    public static async Task<(byte[] Content, string ContentType, string FileName)> Handle(AppDbContext db, ProfileCatalog profiles, DraftReport drafts, TimeProvider clock,
        AuditLog audit, ClaimsPrincipal user, Guid id, string format, CancellationToken ct)
    {
        var r = await GetReport.Load(db, user.Scope(), id, ct);
        var name = r.Title + (r.Revision > 1 ? $"（更正第{r.Revision - 1}版）" : "") + (r.FiguresJson is null ? "（草稿）" : "");
        byte[] content;
        if (format == "docx" && r.FiguresJson is not null && await db.Set<ReportFile>().AsNoTracking().Where(f => f.ReportId == r.Id).Select(f => f.Content).FirstOrDefaultAsync(ct) is { } kept)
        {
            content = kept;
        }
        else
        {
            var owner = await GetReport.Owner(db, profiles, r, ct);
            var c = await GetReport.Content(db, profiles, drafts, clock, r, owner, ct);
            content = format == "docx" ? ReportDocx.Write(c) : ReportXlsx.Write(c);
        }
        await audit.WriteAsync("export", nameof(Report), r.Id.ToString(), $"下载报告{(format == "docx" ? "Word" : "Excel")}：{name}", ct: ct);
        return format == "docx"
            ? (content, DocxType, name + ".docx")
            : (content, Infrastructure.ExcelCells.XlsxContentType, name + ".xlsx");
    }
}
