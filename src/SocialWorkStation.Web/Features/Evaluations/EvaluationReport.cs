using System.Globalization;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using SocialWorkStation.Domain.Evaluations;
using SocialWorkStation.Web.Data;
using SocialWorkStation.Web.Features.Accounts;
using SocialWorkStation.Web.Features.Audit;
using SocialWorkStation.Web.Features.Profiles;
using SocialWorkStation.Web.Features.Reports;
using SocialWorkStation.Web.Infrastructure;

namespace SocialWorkStation.Web.Features.Evaluations;

/// <summary>
/// The Word report of a closed round (docs/requirements/evaluation.md §7; issue 11 "a Word report for the round"),
/// written through <see cref="ReportDocx"/> in the same layout as the filed reports: a summary table of every station,
/// then per station its composite, each party's score, grade, rank within the county, each party's comments and the
/// rectification items. Same reach and the same 422 before the close as the results; the download is audited.
/// </summary>
public static class EvaluationReport
{
    public const string DocxContentType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    public static async Task<(byte[] Bytes, string FileName)> Write(AppDbContext db, ProfileCatalog profiles, AuditLog audit, ClaimsPrincipal user, Guid id, CancellationToken ct)
    {
        var r = await EvaluationResults.Get(db, profiles, user, id, ct);
        var round = await GetRound.Load(db, user.Scope(), id, ct);
        var countyName = await db.Regions.AsNoTracking().Where(x => x.Code == r.CountyCode).Select(x => x.Name).FirstOrDefaultAsync(ct) ?? r.CountyCode;
        var comments = await db.Set<EvaluationSheet>().AsNoTracking().Where(s => s.RoundId == id && s.Comments != null)
            .Select(s => new { s.StationId, s.Party, s.Comments }).ToListAsync(ct);
        var items = await db.Set<RectificationItem>().AsNoTracking().Where(i => i.RoundId == id)
            .OrderBy(i => i.DueOn).ThenBy(i => i.IndicatorCode).ToListAsync(ct);
        var composite = r.Scoring == "composite";
        var ranked = r.Stations.Any(s => s.Rank is not null);

        string N(decimal? v) => v is { } x ? x.ToString("0.00", CultureInfo.InvariantCulture) : "—";
        string Weight(PartyDto p) => p.Weight is { } w ? $"（权重 {w.ToString("0.##", CultureInfo.InvariantCulture)}%）" : "";
        string PassText(bool? passes) => passes switch { true => "是", false => "否", _ => "—" };

        var columns = new List<string> { "排名", "社工站" };
        columns.AddRange(r.Parties.Select(p => p.Name + "得分"));
        if (composite) columns.Add("综合得分");
        columns.AddRange(["等级", "合格及以上"]);
        var summaryRows = r.Stations.Select(s =>
        {
            var row = new List<string> { s.Rank?.ToString(CultureInfo.InvariantCulture) ?? "—", s.StationName };
            row.AddRange(r.Parties.Select(p => N(s.Scores.FirstOrDefault(x => x.Party == p.Party)?.OutOf100)));
            if (composite) row.Add(N(s.Composite));
            row.AddRange([s.Grade ?? "—", PassText(s.Passes)]);
            return (IReadOnlyList<string>)row;
        }).ToList();
        var gradeCounts = r.Stations.Where(s => s.Grade is not null).GroupBy(s => s.Grade!).Select(g => $"{g.Key} {g.Count()} 个");
        var summary = new List<string>
        {
            $"本轮评估共 {r.Stations.Count} 个社工站参评，指标体系为“{round.Tree!.Name}”第 {round.Tree.TreeVersion} 版（满分 {r.TreeTotal:0.##} 分），各评分方得分换算为百分制，保留 {r.Precision} 位小数。",
            composite
                ? $"综合得分按政策方案的权重计算：{string.Join("，", r.Parties.Select(p => p.Name + Weight(p)))}；等级按：{string.Join("；", r.GradeBands)}。"
                : r.Scoring == "single" ? "本轮只有一个评分方，按该评分方的得分评定。" : "政策方案未规定权重和等级，以下列出各评分方的百分制得分，不计算综合得分、等级和排名。",
        };
        if (gradeCounts.Any()) summary.Add($"评定结果：{string.Join("，", gradeCounts)}。");
        var sections = new List<ReportSection>
        {
            new("summary", "评估结果汇总", summary, [new ReportTable(ranked ? "县内排名" : "各站得分", columns, summaryRows)], new Dictionary<string, decimal>()),
        };
        foreach (var s in r.Stations)
        {
            var paragraphs = new List<string>();
            var line = composite ? $"综合得分 {N(s.Composite)} 分" : "各评分方得分见下";
            if (s.Grade is not null) line += $"，等级：{s.Grade}";
            if (s.Rank is not null) line += $"，县内排名第 {s.Rank} 名（共 {r.Stations.Count} 个社工站）";
            paragraphs.Add(line + "。");
            foreach (var p in r.Parties)
            {
                var score = s.Scores.FirstOrDefault(x => x.Party == p.Party);
                paragraphs.Add($"{p.Name}{Weight(p)}：原始得分 {N(score?.Raw)} 分（满分 {r.TreeTotal:0.##} 分），百分制 {N(score?.OutOf100)} 分。");
            }
            foreach (var p in r.Parties)
            {
                var text = comments.FirstOrDefault(c => c.StationId == s.StationId && EvaluationLabels.ToApi(c.Party) == p.Party)?.Comments;
                paragraphs.Add($"{p.Name}评估意见：{(string.IsNullOrWhiteSpace(text) ? "（未填写）" : text.Trim())}");
            }
            var mine = items.Where(i => i.StationId == s.StationId).ToList();
            var tables = new List<ReportTable>();
            if (mine.Count == 0)
            {
                paragraphs.Add("整改事项：本轮未提出整改事项。");
            }
            else
            {
                paragraphs.Add($"整改事项：共 {mine.Count} 项，见下表。");
                tables.Add(new ReportTable("整改事项", ["指标", "整改要求", "责任人", "整改期限", "状态"],
                    mine.Select(i => (IReadOnlyList<string>)[$"{i.IndicatorCode} {i.IndicatorName}", i.Requirement, i.OwnerDisplayName ?? i.OwnerUserName ?? "社工站",
                        i.DueOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), RectificationRules.Chinese(i.Status)]).ToList()));
            }
            sections.Add(new ReportSection("station-" + s.StationId.ToString("N"), s.StationName, paragraphs, tables, new Dictionary<string, decimal>()));
        }
        var closedAt = r.ClosedAt is { } c ? ChinaTime.ToChina(c).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : "";
        var bytes = ReportDocx.Write($"{r.Title}评估报告",
            $"（{r.ServiceYear}年度{EvaluationLabels.Chinese(round.Kind)}，{round.StartsOn:yyyy-MM-dd} 至 {round.EndsOn:yyyy-MM-dd}）",
            [$"组织单位：{countyName}民政局", $"评分方：{string.Join("、", r.Parties.Select(p => p.Name))}", $"结束评估：{closedAt}　　参评社工站：{r.Stations.Count} 个"],
            sections);
        audit.Add("export", nameof(EvaluationRound), r.RoundId.ToString(), $"下载评估报告（Word） {r.Title}，{r.Stations.Count} 个社工站");
        await db.SaveChangesAsync(ct);
        return (bytes, $"评估报告-{r.ServiceYear}-{r.Kind}-{r.RoundId.ToString("N")[..8]}.docx");
    }
}
