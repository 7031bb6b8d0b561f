using MiniExcelLibs;
using SocialWorkStation.Web.Data;
using SocialWorkStation.Web.Features.Accounts;
using SocialWorkStation.Web.Features.Audit;
using SocialWorkStation.Web.Features.Profiles;
using SocialWorkStation.Web.Infrastructure;

namespace SocialWorkStation.Web.Features.Progress;

/// <summary>The dashboard's tables as an Excel workbook: the scope's standards, its children and who is behind.</summary>
public static class ExportProgress
{
    public static async Task<(byte[] Content, string FileName)> Handle(AppDbContext db, ProfileCatalog profiles, TimeProvider clock, AuditLog audit,
        UserScope scope, GetProgress.Query query, CancellationToken ct)
    {
        var r = await GetProgress.Handle(db, profiles, clock, scope, query, ct);
        var standards = r.Standards.Select(s => Row(s, new Dictionary<string, object?> { ["标准"] = s.Label })).ToList();
        var children = r.Children.SelectMany(c => c.Standards.Select(s => Row(s, new Dictionary<string, object?>
        {
            [ChildLabel(r.ChildrenKind)] = ExcelCells.Safe(c.Name), ["标准"] = s.Label,
        }))).ToList();
        var behind = r.Behind.Select(b => new Dictionary<string, object?>
        {
            ["对象"] = ExcelCells.Safe(b.Name), ["所属"] = ExcelCells.Safe(b.Parent), ["标准"] = b.Label, ["目标"] = b.Target,
            ["已完成"] = b.Done, ["距应完成进度差"] = b.GapToPace, ["状态"] = b.StatusText,
        }).ToList();
        var sheets = new Dictionary<string, object>
        {
            ["总体进度"] = standards.Count > 0 ? standards : [new Dictionary<string, object?> { ["说明"] = "该范围适用的政策方案未设定服务标准" }],
            ["下级明细"] = children.Count > 0 ? children : [new Dictionary<string, object?> { ["说明"] = "无下级" }],
            ["进度落后"] = behind.Count > 0 ? behind : [new Dictionary<string, object?> { ["说明"] = "无落后项" }],
            ["说明"] = new[]
            {
                new Dictionary<string, object?> { ["项目"] = "范围", ["内容"] = ExcelCells.Safe(r.Scope.Name) },
                new Dictionary<string, object?> { ["项目"] = "期间", ["内容"] = $"{r.PeriodLabel}（{r.From} 至 {r.To}）" },
                new Dictionary<string, object?> { ["项目"] = "统计日", ["内容"] = r.AsOf },
                new Dictionary<string, object?> { ["项目"] = "应完成进度", ["内容"] = $"{r.ExpectedShare:P1}（按已过天数占期间天数）" },
                new Dictionary<string, object?> { ["项目"] = "落后项总数", ["内容"] = r.BehindTotal > r.Behind.Count ? $"{r.BehindTotal}（表中列出前{r.Behind.Count}项）" : r.BehindTotal.ToString() },
            },
        };
        using var stream = new MemoryStream();
        await MiniExcel.SaveAsAsync(stream, sheets, cancellationToken: ct);
        await audit.WriteAsync("export", "Progress", r.Scope.Id, $"导出服务标准进度：{r.Scope.Name}，{r.PeriodLabel}", ct: ct);
        return (stream.ToArray(), $"服务标准进度-{r.Scope.Name}-{r.Period}.xlsx");
    }

    private static string ChildLabel(string kind) => kind switch
    {
        "region" => "地区",
        "station" => "社工站",
        "worker" => "社工",
        _ => "对象",
    };

    private static Dictionary<string, object?> Row(StandardProgressDto s, Dictionary<string, object?> head)
    {
        head["单位"] = s.Unit;
        head["目标"] = s.Target;
        head["已完成"] = s.Done;
        head["完成率"] = s.Share;
        head["应完成进度"] = s.ExpectedShare;
        head["状态"] = s.StatusText;
        head["距应完成进度差"] = s.GapToPace;
        head["依据"] = s.Source;
        return head;
    }
}
