using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using SocialWorkStation.Domain.Cases;
using SocialWorkStation.Web.Data;
using SocialWorkStation.Web.Features.Accounts;
using SocialWorkStation.Web.Features.Shared;
using SocialWorkStation.Web.Features.Stations;

namespace SocialWorkStation.Web.Features.Cases;

/// <summary>
/// The supervisor's queue (issue 18): plans with goals and evaluations written that wait for review (督导审核), oldest
/// first — a case cannot move to intervention or to closure without it (MZ/T 094-2017, docs/requirements/cases).
/// </summary>
public sealed class CaseReviewHomeQueue(AppDbContext db) : IHomeQueueSource
{
    private const int Shown = 8;

    public int Order => 20;

    public async Task<HomeQueueSection?> GetAsync(ClaimsPrincipal user, CancellationToken ct)
    {
        if (!user.Can(Permissions.CasesReview))
        {
            return null;
        }
        var q = db.Set<Case>().AsNoTracking().VisibleTo(db, user.Scope()).Where(c =>
            (c.Stage == CaseStage.Plan && c.PlanReviewedBy == null && c.Goals.Any())
            || (c.Stage == CaseStage.Evaluation && c.EvaluationReviewedBy == null && c.Evaluation != null));
        var total = await q.CountAsync(ct);
        if (total == 0)
        {
            return null;
        }
        var rows = await q.OrderBy(c => c.StageSince).Take(Shown)
            .Select(c => new { c.Id, c.Stage, c.StageSince, Station = c.Station!.Name, Worker = c.Worker!.Name }).ToListAsync(ct);
        var items = rows.Select(r => new HomeQueueItem(r.Stage == CaseStage.Plan ? "个案服务计划待审核" : "个案评估待审核",
            $"{r.Station}，社工{r.Worker}，{r.StageSince:yyyy-MM-dd}起等待审核", $"/Cases/Details/{r.Id}", StatusKind.Behind)).ToList();
        return new HomeQueueSection("个案督导", items, "/Cases", total);
    }
}
