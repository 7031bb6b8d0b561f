using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SocialWorkStation.Domain.Platforms;
using SocialWorkStation.Domain.Regions;
using SocialWorkStation.Domain.Reports;
using static SocialWorkStation.Web.Features.Reports.Sections;

namespace SocialWorkStation.Web.Features.Reports;

/// <summary>
/// 下级报告汇总: a county's quarterly report rolls up its stations' filed monthly briefs, a city's half-yearly report
/// its counties' filed quarterly reports — who filed how many of the periods owed, and the sum of their frozen figures.
/// </summary>
public sealed class RollupSection : IReportSection
{
    public string Key => "rollup";
    public string Title => "下级报告报送与汇总";

    /// <summary>The figures summed from the reports below, in this order.</summary>
    public static readonly (string Key, string Label)[] Summed =
    [
        ("visits.home", "入户走访"), ("visits.phone", "电话问候"), ("cases.opened", "新接个案"), ("cases.services", "个案服务"),
        ("groups.sessions", "小组活动节数"), ("activities.count", "社区活动"), ("activities.participants", "活动参与人次"),
        ("volunteers.registered", "新注册志愿者"), ("volunteers.hours", "志愿服务小时"), ("resources.money", "链接资金（元）"),
    ];

    public async Task<ReportSection> BuildAsync(ReportDraftContext c, CancellationToken ct)
    {
        if (c.Kind.RollsUp is not { } childKey)
        {
            return new ReportSection(Key, Title, ["本报告不汇总下级报告。"], [], new Dictionary<string, decimal>());
        }
        var prefix = RegionScope.Prefix(c.RegionCode, RegionScope.LevelOf(c.RegionCode)!.Value);
        var filed = await c.Db.Set<Report>().AsNoTracking()
            .Where(r => r.KindKey == childKey && r.RegionCode.StartsWith(prefix) && r.PeriodFrom >= c.From && r.PeriodTo <= c.To
                && (r.Status == ReportStatus.Submitted || r.Status == ReportStatus.Accepted) && r.SupersededById == null)
            .Select(r => new { r.Owner, r.PeriodKey, r.FiguresJson }).ToListAsync(ct);
        // Who owes them: every station of the region (briefs), or every county with stations (quarterly reports).
        var stations = await c.Db.Platforms.AsNoTracking().Where(p => p.RegionCode.StartsWith(prefix) && p.Kind == PlatformKind.Station)
            .Select(p => new { p.Id, p.Name, p.RegionCode }).ToListAsync(ct);
        var byStation = c.Kind.Writer == ReportWriter.County;
        var owners = byStation
            ? stations.Select(s => (Owner: s.Id.ToString("N"), Name: s.Name)).ToList()
            : await CountyNames(c, stations.Select(s => s.RegionCode[..6]).Distinct().ToList(), ct);
        var perOwner = c.Period.Frequency switch
        {
            ReportFrequency.Quarterly => 3,
            ReportFrequency.HalfYearly or ReportFrequency.FirstHalf => byStation ? 6 : 2,
            _ => byStation ? 12 : 4,
        };
        var totals = Summed.ToDictionary(s => s.Key, _ => 0m);
        var rows = new List<IReadOnlyList<string>>();
        foreach (var (owner, name) in owners)
        {
            var mine = filed.Where(f => f.Owner == owner).ToList();
            var sums = Summed.ToDictionary(s => s.Key, _ => 0m);
            foreach (var f in mine.Where(f => f.FiguresJson is not null))
            {
                var content = JsonSerializer.Deserialize<ReportContent>(f.FiguresJson!, ReportJson.Options)!;
                foreach (var (key, _) in Summed)
                {
                    sums[key] += content.Figure(key);
                }
            }
            foreach (var (key, _) in Summed)
            {
                totals[key] += sums[key];
            }
            rows.Add([name, $"{mine.Select(m => m.PeriodKey).Distinct().Count()}/{perOwner}", .. Summed.Select(s => N(sums[s.Key]))]);
        }
        var reported = filed.Select(f => f.Owner + f.PeriodKey).Distinct().Count();
        var owed = owners.Count * perOwner;
        var text = owners.Count == 0
            ? "本区域尚无社工站。"
            : $"本期应报送{owed}份，已报送{reported}份，未报送{owed - reported}份；以下统计数为已报送报告提交时的数字之和。";
        var table = new ReportTable("下级报告报送与主要统计数", [byStation ? "社工站" : "县（市、区）", "已报送/应报送", .. Summed.Select(s => s.Label)], rows);
        var figures = totals.ToDictionary(t => t.Key, t => t.Value);
        figures["rollup.owed"] = owed;
        figures["rollup.reported"] = reported;
        return new ReportSection(Key, Title, [text], [table], figures);
    }

    private static async Task<List<(string Owner, string Name)>> CountyNames(ReportDraftContext c, List<string> codes, CancellationToken ct)
    {
        var names = await c.Db.Regions.AsNoTracking().Where(r => codes.Contains(r.Code)).ToDictionaryAsync(r => r.Code, r => r.Name, ct);
        return codes.Order(StringComparer.Ordinal).Select(code => (code, names.GetValueOrDefault(code) ?? code)).ToList();
    }
}

public static class ReportJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);
}
