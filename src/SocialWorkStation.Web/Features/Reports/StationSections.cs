using Microsoft.EntityFrameworkCore;
using SocialWorkStation.Domain.Platforms;
using SocialWorkStation.Web.Features.Accounts;
using SocialWorkStation.Web.Infrastructure;
using static SocialWorkStation.Web.Features.Reports.Sections;

namespace SocialWorkStation.Web.Features.Reports;

/// <summary>服务标准进度: the year's standards to the period's end, as the progress dashboard shows them on that day.</summary>
public sealed class ProgressSection : IReportSection
{
    public string Key => "progress";
    public string Title => "年度服务标准完成情况";

    public async Task<ReportSection> BuildAsync(ReportDraftContext c, CancellationToken ct)
    {
        var query = new Progress.GetProgress.Query(c.StationId is null ? c.RegionCode : null, c.StationId, null, $"{c.To.Year}-ytd");
        var p = await Progress.GetProgress.Handle(c.Db, c.Profiles, new AsOfClock(c.To), new UserScope(ScopeKind.Platform), query, ct);
        if (p.Standards.Count == 0)
        {
            return new ReportSection(Key, Title, ["适用的政策方案未设定年度服务标准。"], [], new Dictionary<string, decimal>());
        }
        var behind = p.Standards.Count(s => s.Status is "behind" or "farBehind");
        var text = $"截至{c.To:yyyy年M月d日}，按已过天数应完成全年标准的{Percent(p.ExpectedShare)}；{p.Standards.Count}项标准中{behind}项落后于进度。";
        var table = new ReportTable("年度服务标准完成情况（年初至期末）", ["标准", "单位", "年度目标", "已完成", "完成率", "状态"],
            p.Standards.Select(s => (IReadOnlyList<string>)[s.Label, s.Unit, N(s.Target), N(s.Done), Percent(s.Share), s.StatusText]).ToList());
        return new ReportSection(Key, Title, [text], [table], p.Standards.ToDictionary(s => "progress." + s.Key, s => s.Done));
    }

    /// <summary>A clock that reads noon China time on the period's last day, so "year to date" ends there.</summary>
    private sealed class AsOfClock(DateOnly day) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => new(ChinaTime.StartOfDayUtc(day).AddHours(12), TimeSpan.Zero);
    }
}

/// <summary>人员变动: workers on staff at the period's end, hired and left during it.</summary>
public sealed class StaffingSection : IReportSection
{
    public string Key => "staffing";
    public string Title => "人员配备与变动";

    public async Task<ReportSection> BuildAsync(ReportDraftContext c, CancellationToken ct)
    {
        var workers = c.Db.Workers.Where(w => c.PlatformIds.Contains(w.PlatformId));
        var onStaff = await workers.CountAsync(w => w.HireDate <= c.To && (w.LeftOn == null || w.LeftOn > c.To), ct);
        var changes = await workers.Where(w => (w.HireDate >= c.From && w.HireDate <= c.To) || (w.LeftOn >= c.From && w.LeftOn <= c.To))
            .OrderBy(w => w.HireDate).Select(w => new { w.Name, w.HireDate, w.LeftOn }).ToListAsync(ct);
        var hired = changes.Where(w => w.HireDate >= c.From && w.HireDate <= c.To).ToList();
        var left = changes.Where(w => w.LeftOn >= c.From && w.LeftOn <= c.To).ToList();
        var text = $"期末在岗社工{onStaff}名；{c.ThisPeriod}新入职{hired.Count}名、离职{left.Count}名。";
        var rows = hired.Select(w => (IReadOnlyList<string>)[w.Name, "入职", w.HireDate.ToString("yyyy-MM-dd")])
            .Concat(left.Select(w => (IReadOnlyList<string>)[w.Name, "离职", w.LeftOn!.Value.ToString("yyyy-MM-dd")])).ToList();
        var tables = new List<ReportTable> { Counts("人员配备", ("期末在岗社工", "名", onStaff), ("新入职", "名", hired.Count), ("离职", "名", left.Count)) };
        if (rows.Count > 0)
        {
            tables.Add(new ReportTable("人员变动明细", ["姓名", "变动", "日期"], rows));
        }
        return new ReportSection(Key, Title, [text], tables, Figures(Key, ("onStaff", onStaff), ("hired", hired.Count), ("left", left.Count)));
    }
}

/// <summary>合规检查: the station (or each station of the region) checked against its profile on the period's last day.</summary>
public sealed class ComplianceSection : IReportSection
{
    public string Key => "compliance";
    public string Title => "站点与人员合规情况";
    private const int Listed = 50;

    public async Task<ReportSection> BuildAsync(ReportDraftContext c, CancellationToken ct)
    {
        var all = new UserScope(ScopeKind.Platform);
        var stations = c.StationId is { } id
            ? [id]
            : await c.Db.Platforms.Where(p => c.PlatformIds.Contains(p.Id) && p.Kind == PlatformKind.Station).OrderBy(p => p.RegionCode).Select(p => p.Id).ToListAsync(ct);
        var rows = new List<IReadOnlyList<string>>();
        var compliant = 0;
        foreach (var station in stations)
        {
            var result = await Stations.CheckStation.Handle(c.Db, c.Profiles, all, station, c.To, ct);
            compliant += result.Compliant ? 1 : 0;
            var name = c.StationId is null ? await c.Db.Platforms.Where(p => p.Id == station).Select(p => p.Name).FirstAsync(ct) : null;
            rows.AddRange(result.Findings.Where(f => !f.Passed).Select(f => (IReadOnlyList<string>)(name is null
                ? [f.Severity == "error" ? "不符合" : "提醒", f.Message, f.Source]
                : [name, f.Severity == "error" ? "不符合" : "提醒", f.Message, f.Source])));
        }
        var failed = rows.Count;
        var text = c.StationId is not null
            ? failed == 0 ? $"截至{c.To:yyyy年M月d日}，站点与人员均符合政策方案要求。" : $"截至{c.To:yyyy年M月d日}，有{failed}项不符合或需提醒，见下表。"
            : $"截至{c.To:yyyy年M月d日}，{stations.Count}个社工站中{compliant}个符合政策方案要求，共{failed}项不符合或需提醒。";
        var tables = new List<ReportTable>();
        if (rows.Count > 0)
        {
            tables.Add(new ReportTable(rows.Count > Listed ? $"检查发现（前{Listed}项）" : "检查发现",
                c.StationId is null ? ["站点", "结果", "说明", "依据"] : ["结果", "说明", "依据"], rows.Take(Listed).ToList()));
        }
        return new ReportSection(Key, Title, [text], tables, Figures(Key, ("findings", failed), ("compliantStations", compliant), ("stations", stations.Count)));
    }
}
