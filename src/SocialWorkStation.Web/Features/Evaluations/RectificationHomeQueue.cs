using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using SocialWorkStation.Domain.Evaluations;
using SocialWorkStation.Web.Data;
using SocialWorkStation.Web.Features.Accounts;
using SocialWorkStation.Web.Features.Shared;
using SocialWorkStation.Web.Features.Stations;
using SocialWorkStation.Web.Infrastructure;

namespace SocialWorkStation.Web.Features.Evaluations;

/// <summary>评估整改 on the station head's and the bureau's home pages: items whose due date has passed and that are not closed (evaluation.md §8).</summary>
public sealed class RectificationHomeQueue(AppDbContext db, TimeProvider clock) : IHomeQueueSource
{
    private const int Shown = 8;

    public int Order => 40;

    public async Task<HomeQueueSection?> GetAsync(ClaimsPrincipal user, CancellationToken ct)
    {
        if (!user.Can(Permissions.RectificationsReport) && !user.Can(Permissions.EvaluationsManage))
        {
            return null;
        }
        var today = ChinaTime.Today(clock);
        var q = db.Set<RectificationItem>().AsNoTracking().VisibleTo(db, user.Scope())
            .Where(i => i.Status != RectificationStatus.Closed && i.DueOn < today);
        var total = await q.CountAsync(ct);
        if (total == 0)
        {
            return null;
        }
        var items = await q.OrderBy(i => i.DueOn).ThenBy(i => i.StationName).Take(Shown)
            .Select(i => new { i.Id, i.StationName, i.IndicatorCode, i.IndicatorName, i.DueOn, i.Status }).ToListAsync(ct);
        return new HomeQueueSection("评估整改", items.Select(i => new HomeQueueItem(
            $"整改逾期：{i.StationName}",
            $"指标 {i.IndicatorCode} {i.IndicatorName}，应于{i.DueOn:yyyy-MM-dd}前完成（{RectificationRules.Chinese(i.Status)}）",
            $"/Evaluations/Rectification/{i.Id}", StatusKind.Severe)).ToList(), "/Evaluations/Rectifications", total);
    }
}
