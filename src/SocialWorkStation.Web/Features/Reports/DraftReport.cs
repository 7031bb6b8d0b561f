using SocialWorkStation.Domain.Reports;
using SocialWorkStation.Web.Data;
using SocialWorkStation.Web.Features.Profiles;

namespace SocialWorkStation.Web.Features.Reports;

/// <summary>
/// Drafts a report from the records of its period and scope: an overview, then each section the kind lists, in
/// order, from the registered <see cref="IReportSection"/> builders; the narrative sections hold what the author
/// wrote; a section without a builder yet (funds, evaluation) says it is pending.
/// </summary>
public sealed class DraftReport(AppDbContext db, ProfileCatalog profiles, IEnumerable<IReportSection> builders)
{
    private readonly Dictionary<string, IReportSection> _builders = builders.ToDictionary(b => b.Key);

    /// <summary>The counts that, all zero, make a period "without records".</summary>
    private static readonly string[] ActivityFigures =
    [
        "visits.home", "visits.phone", "cases.opened", "cases.services", "groups.sessions", "activities.count",
        "volunteers.registered", "volunteers.services", "resources.count", "needs.surveys",
    ];

    private static readonly Dictionary<string, string> PendingTitles = new()
    {
        ["funds"] = "经费执行情况", ["evaluation"] = "评估结果与整改情况",
    };

    private static readonly Dictionary<string, string> PendingFeatures = new()
    {
        ["funds"] = "服务协议与经费", ["evaluation"] = "评估与整改",
    };

    public async Task<ReportContent> BuildAsync(Report report, ReportOwner owner, ReportKindRule kind, DateOnly asOf, CancellationToken ct)
    {
        var period = ReportPeriod.Parse(kind.Frequency, report.PeriodKey)!;
        var ctx = new ReportDraftContext(db, profiles, owner.Profile, kind, period, report.StationId, report.RegionCode, owner.Name);
        var sections = new List<ReportSection>();
        foreach (var key in kind.Sections)
        {
            if (Narrative(key, report, period) is { } narrative)
            {
                sections.Add(narrative);
            }
            else if (_builders.TryGetValue(key, out var builder))
            {
                sections.Add(await builder.BuildAsync(ctx, ct));
            }
            else
            {
                var feature = PendingFeatures.GetValueOrDefault(key, key);
                sections.Add(new ReportSection(key, PendingTitles.GetValueOrDefault(key, key),
                    [$"本部分待“{feature}”功能上线后由平台自动生成；如需说明，请在“存在问题”部分填写。"], [], new Dictionary<string, decimal>(), Pending: true));
            }
        }
        var counted = ActivityFigures.Where(f => sections.Any(s => s.Figures.ContainsKey(f))).ToList();
        var empty = counted.Count > 0 && counted.All(f => sections.Sum(s => s.Figures.GetValueOrDefault(f)) == 0);
        var overview = empty
            ? $"{ctx.ThisPeriod}（{period.From:yyyy年M月d日}至{period.To:yyyy年M月d日}）平台中没有本{(report.StationId is null ? "地区" : "站")}的服务记录：走访、个案、小组、活动、志愿服务、资源链接和需求调研均为0。如确有开展服务，请先补录记录再生成简报。"
            : $"本报告根据平台中{period.From:yyyy年M月d日}至{period.To:yyyy年M月d日}的服务记录生成，数据截至{asOf:yyyy年M月d日}。";
        sections.Insert(0, new ReportSection("overview", "总体情况", [overview], [], new Dictionary<string, decimal>()));
        var due = report.DueOn;
        return new ReportContent(report.Title, owner.Name, string.Join("、", kind.Receivers), period.Label,
            period.From.ToString("yyyy-MM-dd"), period.To.ToString("yyyy-MM-dd"), due.ToString("yyyy-MM-dd"), asOf.ToString("yyyy-MM-dd"), empty, sections);
    }

    public static string NarrativeTitle(string key, ReportPeriod period) => key switch
    {
        "highlights" => "工作亮点与成效",
        "problems" => "存在问题与困难",
        _ => period.Frequency == ReportFrequency.Monthly ? "下月工作计划" : period.Frequency == ReportFrequency.Quarterly ? "下季度工作计划" : "下阶段工作计划",
    };

    private static ReportSection? Narrative(string key, Report r, ReportPeriod period)
    {
        var text = key switch
        {
            "highlights" => r.Highlights,
            "problems" => r.Problems,
            "nextPlan" => r.NextPlan,
            _ => null,
        };
        if (key is not ("highlights" or "problems" or "nextPlan"))
        {
            return null;
        }
        var paragraphs = string.IsNullOrWhiteSpace(text)
            ? ["（待撰写人填写）"]
            : text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
        return new ReportSection(key, NarrativeTitle(key, period), paragraphs, [], new Dictionary<string, decimal>(), Narrative: true);
    }
}
