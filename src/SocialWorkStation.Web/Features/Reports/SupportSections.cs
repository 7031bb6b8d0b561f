using Microsoft.EntityFrameworkCore;
using static SocialWorkStation.Web.Features.Reports.Sections;

namespace SocialWorkStation.Web.Features.Reports;

/// <summary>志愿服务: volunteers newly registered, services and hours in the period, teams active at its end.</summary>
public sealed class VolunteersSection : IReportSection
{
    public string Key => "volunteers";
    public string Title => "志愿服务";

    public async Task<ReportSection> BuildAsync(ReportDraftContext c, CancellationToken ct)
    {
        var registered = await c.Db.Volunteers.CountAsync(v => c.PlatformIds.Contains(v.StationId) && v.RegisteredOn >= c.From && v.RegisteredOn <= c.To, ct);
        var services = c.Db.VolunteerServices.Where(s => c.PlatformIds.Contains(s.StationId) && s.Date >= c.From && s.Date <= c.To);
        var count = await services.CountAsync(ct);
        var minutes = await services.SumAsync(s => (int?)s.Minutes, ct) ?? 0;
        var teams = await c.Db.VolunteerTeams.CountAsync(t => c.PlatformIds.Contains(t.StationId) && t.FoundedOn <= c.To && (t.DisbandedOn == null || t.DisbandedOn > c.To), ct);
        var hours = Math.Round(minutes / 60m, 1, MidpointRounding.AwayFromZero);
        var text = registered + count == 0
            ? $"{c.ThisPeriod}无志愿服务记录；期末有志愿服务队{teams}支。"
            : $"{c.ThisPeriod}新注册志愿者{registered}名，志愿服务{count}人次、{N(hours)}小时；期末有志愿服务队{teams}支。";
        return new ReportSection(Key, Title, [text],
            [Counts("志愿服务", ("新注册志愿者", "名", registered), ("志愿服务", "人次", count), ("服务时长", "小时", hours), ("志愿服务队", "支", teams))],
            Figures(Key, ("registered", registered), ("services", count), ("hours", hours), ("teams", teams)));
    }
}

/// <summary>资源链接: resources received in the period, money and estimated value (yuan).</summary>
public sealed class ResourcesSection : IReportSection
{
    public string Key => "resources";
    public string Title => "资源链接";

    public async Task<ReportSection> BuildAsync(ReportDraftContext c, CancellationToken ct)
    {
        var q = c.Db.Resources.Where(r => c.PlatformIds.Contains(r.StationId) && r.ReceivedOn >= c.From && r.ReceivedOn <= c.To);
        var rows = await q.Select(r => new { r.Amount, r.EstimatedValue }).ToListAsync(ct); // decimal sums in memory: SQLite has no decimal SUM
        var money = rows.Sum(r => r.Amount ?? 0m);
        var value = rows.Sum(r => r.EstimatedValue ?? 0m);
        var text = rows.Count == 0
            ? $"{c.ThisPeriod}无资源链接记录。"
            : string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{c.ThisPeriod}链接资源{rows.Count}笔，其中资金¥{money:N2}，物资及服务折价¥{value:N2}。");
        return new ReportSection(Key, Title, [text],
            [Counts("资源链接", ("链接资源", "笔", rows.Count), ("资金", "元", money), ("折价", "元", value))],
            Figures(Key, ("count", rows.Count), ("money", money), ("value", value)));
    }
}

/// <summary>需求调研: surveys made and needs found in the period, and needs still open at its end.</summary>
public sealed class NeedsSection : IReportSection
{
    public string Key => "needs";
    public string Title => "需求调研";

    public async Task<ReportSection> BuildAsync(ReportDraftContext c, CancellationToken ct)
    {
        var surveys = c.Db.NeedsSurveys.Where(s => c.PlatformIds.Contains(s.StationId));
        var held = await surveys.CountAsync(s => s.ConductedOn >= c.From && s.ConductedOn <= c.To, ct);
        var found = await c.Db.Set<NeedsSurveys.Need>().CountAsync(n => surveys.Where(s => s.ConductedOn >= c.From && s.ConductedOn <= c.To).Select(s => s.Id).Contains(n.SurveyId), ct);
        var open = await c.Db.Set<NeedsSurveys.Need>().CountAsync(n => surveys.Where(s => s.ConductedOn <= c.To).Select(s => s.Id).Contains(n.SurveyId) && n.Status != NeedsSurveys.NeedStatus.Met, ct);
        var text = held == 0
            ? $"{c.ThisPeriod}未开展需求调研；尚未满足的需求{open}项。"
            : $"{c.ThisPeriod}开展需求调研{held}次，发现需求{found}项；尚未满足的需求{open}项。";
        return new ReportSection(Key, Title, [text],
            [Counts("需求调研", ("需求调研", "次", held), ("发现需求", "项", found), ("未满足需求", "项", open))],
            Figures(Key, ("surveys", held), ("found", found), ("open", open)));
    }
}
