using Microsoft.EntityFrameworkCore;
using SocialWorkStation.Domain.Evaluations;
using SocialWorkStation.Web.Data;
using SocialWorkStation.Web.Features.ContractorChecks;
using SocialWorkStation.Web.Features.Progress;

namespace SocialWorkStation.Web.Features.Evaluations;

/// <summary>A platform fact shown beside an indicator: a summary where the platform computes one, else only a link.</summary>
public sealed record StationFact(string Key, string Name, string? Summary, string? Link);

/// <summary>
/// What the platform knows about a station for the indicators that link to facts (docs/requirements/evaluation.md §6):
/// the standards' progress of the service year and the contractor's checks are summarised; the other facts are links
/// to their pages. Shown beside the indicator, never used to score it. Frozen into the round at its close.
/// </summary>
public static class EvaluationFactSource
{
    public static async Task<IReadOnlyList<StationFact>> For(AppDbContext db, Guid stationId, int serviceYear, CancellationToken ct)
    {
        var (from, to) = (serviceYear * 100 + 1, serviceYear * 100 + 12);
        var progress = await db.Set<ProgressStationMonth>().AsNoTracking()
            .Where(m => m.StationId == stationId && m.Month >= from && m.Month <= to)
            .GroupBy(m => m.StationId)
            .Select(g => new
            {
                HomeVisits = g.Sum(m => m.HomeVisits), Files = g.Sum(m => m.RecipientFiles), Cases = g.Sum(m => m.Cases),
                Groups = g.Sum(m => m.Groups), Activities = g.Sum(m => m.Activities), Volunteers = g.Sum(m => m.NewVolunteers),
            })
            .FirstOrDefaultAsync(ct);
        var yearStart = new DateOnly(serviceYear, 1, 1);
        var yearEnd = new DateOnly(serviceYear, 12, 31);
        var checks = await db.Set<ContractorCheck>().AsNoTracking()
            .Where(c => c.StationId == stationId && c.CheckedOn >= yearStart && c.CheckedOn <= yearEnd)
            .Select(c => c.CheckedOn).ToListAsync(ct);
        var progressText = progress is null
            ? $"{serviceYear}年尚无服务记录"
            : $"{serviceYear}年：入户探访{progress.HomeVisits}人次、服务对象档案{progress.Files}份、个案{progress.Cases}个、小组{progress.Groups}个、活动{progress.Activities}场";
        var checksText = checks.Count == 0
            ? $"{serviceYear}年没有项目经理检查记录"
            : $"{serviceYear}年项目经理检查{checks.Count}次，涉及{checks.Select(d => d.Month).Distinct().Count()}个月，最近一次{checks.Max():yyyy-MM-dd}";
        return
        [
            new(EvaluationFacts.Progress, EvaluationFacts.Chinese(EvaluationFacts.Progress), progressText, $"/Progress?stationId={stationId}"),
            new(EvaluationFacts.ContractorChecks, EvaluationFacts.Chinese(EvaluationFacts.ContractorChecks), checksText, $"/ContractorChecks?stationId={stationId}&year={serviceYear}"),
            new(EvaluationFacts.Volunteers, EvaluationFacts.Chinese(EvaluationFacts.Volunteers),
                progress is null ? null : $"{serviceYear}年新增志愿者{progress.Volunteers}名", "/Volunteers"),
            new(EvaluationFacts.Staffing, EvaluationFacts.Chinese(EvaluationFacts.Staffing), null, $"/Workers?station={stationId}"),
            new(EvaluationFacts.Premises, EvaluationFacts.Chinese(EvaluationFacts.Premises), null, $"/Stations/Details/{stationId}"),
            new(EvaluationFacts.Archives, EvaluationFacts.Chinese(EvaluationFacts.Archives), null, "/Recipients"),
            new(EvaluationFacts.Reports, EvaluationFacts.Chinese(EvaluationFacts.Reports), null, "/Reports"),
            new(EvaluationFacts.Funds, EvaluationFacts.Chinese(EvaluationFacts.Funds), "平台尚未记录资金执行，请查阅财务资料", null),
        ];
    }
}
