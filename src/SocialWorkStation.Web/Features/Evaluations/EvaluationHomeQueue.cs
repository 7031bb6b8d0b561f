using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using SocialWorkStation.Domain.Evaluations;
using SocialWorkStation.Web.Data;
using SocialWorkStation.Web.Features.Accounts;
using SocialWorkStation.Web.Features.Shared;
using SocialWorkStation.Web.Features.Stations;
using SocialWorkStation.Web.Infrastructure;

namespace SocialWorkStation.Web.Features.Evaluations;

/// <summary>
/// A scorer's queue (issue 18): the open rounds in their dates where the user's party scores and has stations not yet
/// submitted (docs/requirements/evaluation.md §6). The evaluator opens on this; the bureau and the township see it too.
/// </summary>
public sealed class EvaluationHomeQueue(AppDbContext db, TimeProvider clock) : IHomeQueueSource
{
    public int Order => 25;

    public async Task<HomeQueueSection?> GetAsync(ClaimsPrincipal user, CancellationToken ct)
    {
        if (!user.Can(Permissions.EvaluationsScore) || EvaluationParties.Of(user) is not { } party)
        {
            return null;
        }
        var today = ChinaTime.Today(clock);
        var scope = user.Scope();
        var api = EvaluationLabels.ToApi(party);
        var visible = db.Platforms.VisibleTo(scope).Select(p => p.Id);
        // Per open round in its dates: the user's stations in it and how many of them this party has submitted, in one query.
        var rounds = await db.Set<EvaluationRound>().AsNoTracking().VisibleTo(scope)
            .Where(r => r.Status == RoundStatus.Open && r.StartsOn <= today && r.EndsOn >= today && ("," + r.Parties + ",").Contains("," + api + ","))
            .OrderBy(r => r.EndsOn).Take(10)
            .Select(r => new
            {
                r.Id, r.Title, r.EndsOn,
                Mine = r.Stations.Count(s => visible.Contains(s.StationId)),
                Submitted = db.Set<EvaluationSheet>().Count(s => s.RoundId == r.Id && s.Party == party && s.SubmittedAt != null && visible.Contains(s.StationId)),
            })
            .ToListAsync(ct);
        var items = rounds.Where(r => r.Mine > r.Submitted).Select(r => new HomeQueueItem($"{r.Title}待评分",
            $"还有 {r.Mine - r.Submitted} 个站点未提交评分，{r.EndsOn:yyyy-MM-dd}截止", $"/Evaluations/Round/{r.Id}",
            r.EndsOn.DayNumber - today.DayNumber <= 3 ? StatusKind.Severe : StatusKind.Behind)).ToList();
        return items.Count == 0 ? null : new HomeQueueSection("评估评分", items, "/Evaluations");
    }
}
