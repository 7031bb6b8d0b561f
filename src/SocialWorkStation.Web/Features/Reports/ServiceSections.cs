using Microsoft.EntityFrameworkCore;
using SocialWorkStation.Domain.Cases;
using SocialWorkStation.Domain.Visits;
using static SocialWorkStation.Web.Features.Reports.Sections;

namespace SocialWorkStation.Web.Features.Reports;

/// <summary>走访探访: home visits and phone greetings made in the period, people reached, follow-ups.</summary>
public sealed class VisitsSection : IReportSection
{
    public string Key => "visits";
    public string Title => "走访探访";

    public async Task<ReportSection> BuildAsync(ReportDraftContext c, CancellationToken ct)
    {
        var visits = c.Db.Visits.Where(v => c.PlatformIds.Contains(v.StationId) && v.VisitedOn >= c.From && v.VisitedOn <= c.To);
        var byKind = await visits.GroupBy(v => v.Kind).Select(g => new { g.Key, Count = g.Count(), FollowUps = g.Count(v => v.FollowUpNeeded) }).ToListAsync(ct);
        var home = byKind.Where(k => k.Key == VisitKind.HomeVisit).Sum(k => k.Count);
        var phone = byKind.Where(k => k.Key == VisitKind.PhoneGreeting).Sum(k => k.Count);
        var followUps = byKind.Sum(k => k.FollowUps);
        var people = await c.Db.Set<Visits.VisitRecipient>().Where(r => visits.Select(v => v.Id).Contains(r.VisitId)).Select(r => r.RecipientId).Distinct().CountAsync(ct);
        var text = home + phone == 0
            ? $"{c.ThisPeriod}无走访探访记录。"
            : $"{c.ThisPeriod}入户走访{home}次、电话问候{phone}次，共探访服务对象{people}人，其中{followUps}次需后续跟进。";
        return new ReportSection(Key, Title, [text],
            [Counts("走访探访", ("入户走访", "次", home), ("电话问候", "次", phone), ("探访服务对象", "人", people), ("需跟进", "次", followUps))],
            Figures(Key, ("home", home), ("phone", phone), ("people", people), ("followUps", followUps)));
    }
}

/// <summary>个案服务 (MZ/T 094-2017): cases opened, closed and referred in the period, open at its end, services given.</summary>
public sealed class CasesSection : IReportSection
{
    public string Key => "cases";
    public string Title => "个案服务";

    public async Task<ReportSection> BuildAsync(ReportDraftContext c, CancellationToken ct)
    {
        var cases = c.Db.Cases.Where(x => c.PlatformIds.Contains(x.StationId));
        var opened = await cases.CountAsync(x => x.OpenedOn >= c.From && x.OpenedOn <= c.To, ct);
        var closed = await cases.CountAsync(x => x.Stage == CaseStage.Closed && x.StageSince >= c.From && x.StageSince <= c.To, ct);
        var referred = await cases.CountAsync(x => x.Stage == CaseStage.Referred && x.StageSince >= c.From && x.StageSince <= c.To, ct);
        var open = await cases.CountAsync(x => x.OpenedOn <= c.To && (!(x.Stage == CaseStage.Closed || x.Stage == CaseStage.Referred) || x.StageSince > c.To), ct);
        var services = await c.Db.Set<Cases.CaseService>().CountAsync(s => cases.Select(x => x.Id).Contains(s.CaseId) && s.On >= c.From && s.On <= c.To, ct);
        var text = opened + closed + referred + services == 0
            ? $"{c.ThisPeriod}无个案服务记录；期末在案{open}个。"
            : $"{c.ThisPeriod}新接个案{opened}个，结案{closed}个，转介{referred}个，开展个案服务{services}次；期末在案{open}个。";
        return new ReportSection(Key, Title, [text],
            [Counts("个案服务", ("新接个案", "个", opened), ("结案", "个", closed), ("转介", "个", referred), ("个案服务", "次", services), ("期末在案", "个", open))],
            Figures(Key, ("opened", opened), ("closed", closed), ("referred", referred), ("services", services), ("open", open)));
    }
}

/// <summary>小组工作 (MZ/T 095-2017): groups started, sessions held and participant-times in the period.</summary>
public sealed class GroupsSection : IReportSection
{
    public string Key => "groups";
    public string Title => "小组工作";

    public async Task<ReportSection> BuildAsync(ReportDraftContext c, CancellationToken ct)
    {
        var started = await c.Db.Groups.CountAsync(g => c.PlatformIds.Contains(g.StationId) && g.StartedOn >= c.From && g.StartedOn <= c.To, ct);
        var sessions = c.Db.Set<Groups.GroupSession>().Where(s => c.PlatformIds.Contains(s.StationId) && s.HeldOn >= c.From && s.HeldOn <= c.To);
        var held = await sessions.CountAsync(ct);
        var times = await c.Db.Set<Groups.GroupAttendance>().CountAsync(a => sessions.Select(s => s.Id).Contains(a.SessionId), ct);
        var text = started + held == 0
            ? $"{c.ThisPeriod}无小组工作记录。"
            : $"{c.ThisPeriod}新开小组{started}个，开展小组活动{held}节，参与{times}人次。";
        return new ReportSection(Key, Title, [text],
            [Counts("小组工作", ("新开小组", "个", started), ("小组活动", "节", held), ("参与", "人次", times))],
            Figures(Key, ("started", started), ("sessions", held), ("participantTimes", times)));
    }
}

/// <summary>社区（乡镇）活动: events held in the period with their participants, listed.</summary>
public sealed class ActivitiesSection : IReportSection
{
    public string Key => "activities";
    public string Title => "社区活动";
    private const int Listed = 30;

    public async Task<ReportSection> BuildAsync(ReportDraftContext c, CancellationToken ct)
    {
        var q = c.Db.Activities.Where(a => c.PlatformIds.Contains(a.StationId) && a.Date >= c.From && a.Date <= c.To);
        var count = await q.CountAsync(ct);
        var people = await q.SumAsync(a => (int?)a.ParticipantCount, ct) ?? 0;
        var list = count == 0 ? [] : await q.OrderBy(a => a.Date).Take(Listed).Select(a => new { a.Date, a.Theme, a.Place, a.ParticipantCount }).ToListAsync(ct);
        var text = count == 0
            ? $"{c.ThisPeriod}无社区活动记录。"
            : $"{c.ThisPeriod}开展社区活动{count}场，参与{people}人次。" + (count > Listed ? $"下表列出前{Listed}场。" : "");
        var tables = new List<ReportTable> { Counts("社区活动", ("活动", "场", count), ("参与", "人次", people)) };
        if (list.Count > 0)
        {
            tables.Add(new ReportTable("活动一览", ["日期", "主题", "地点", "参与人数"],
                list.Select(a => (IReadOnlyList<string>)[a.Date.ToString("yyyy-MM-dd"), a.Theme, a.Place, N(a.ParticipantCount)]).ToList()));
        }
        return new ReportSection(Key, Title, [text], tables, Figures(Key, ("count", count), ("participants", people)));
    }
}
