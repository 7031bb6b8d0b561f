using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using SocialWorkStation.Domain.Complaints;
using SocialWorkStation.Web.Data;
using SocialWorkStation.Web.Features.Accounts;
using SocialWorkStation.Web.Features.Shared;
using SocialWorkStation.Web.Infrastructure;

namespace SocialWorkStation.Web.Features.Complaints;

/// <summary>投诉建议 on the home page of those who answer them: the unanswered ones past their due day (the due day itself is on time).</summary>
public sealed class ComplaintHomeQueue(AppDbContext db, TimeProvider clock) : IHomeQueueSource
{
    private const int Shown = 8;

    public int Order => 35;

    public async Task<HomeQueueSection?> GetAsync(ClaimsPrincipal user, CancellationToken ct)
    {
        if (!user.Can(Permissions.ComplaintsHandle))
        {
            return null;
        }
        var today = ChinaTime.Today(clock);
        var q = ComplaintAccess.Visible(db, user).AsNoTracking().Where(c => c.AnsweredOn == null && c.DueOn < today);
        var total = await q.CountAsync(ct);
        if (total == 0)
        {
            return null;
        }
        var rows = await q.OrderBy(c => c.DueOn).Take(Shown)
            .Join(db.Platforms, c => c.StationId, p => p.Id, (c, p) => new { c.Id, c.Kind, c.ReceivedOn, c.DueOn, Station = p.Name })
            .ToListAsync(ct);
        var items = rows.Select(r => new HomeQueueItem($"{ComplaintLabels.Kind(r.Kind)}答复已逾期",
            $"{r.Station}，{r.ReceivedOn:yyyy-MM-dd}收到，应于{r.DueOn:yyyy-MM-dd}前答复", $"/Complaints/Details/{r.Id}", StatusKind.Severe)).ToList();
        return new HomeQueueSection("投诉建议", items, "/Complaints?status=overdue", total);
    }
}
