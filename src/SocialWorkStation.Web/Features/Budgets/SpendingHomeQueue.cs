using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using SocialWorkStation.Domain.Agreements;
using SocialWorkStation.Web.Data;
using SocialWorkStation.Web.Features.Accounts;
using SocialWorkStation.Web.Features.Shared;

namespace SocialWorkStation.Web.Features.Budgets;

/// <summary>
/// The bureau's queue (issue 18): spending entries recorded and waiting for approval (审批, Shenmu 第二十一条's flow of
/// budget, approval, reimbursement, accounting), per agreement's ledger page.
/// </summary>
public sealed class SpendingHomeQueue(AppDbContext db) : IHomeQueueSource
{
    public int Order => 45;

    public async Task<HomeQueueSection?> GetAsync(ClaimsPrincipal user, CancellationToken ct)
    {
        if (!user.Can(Permissions.BudgetsManage))
        {
            return null;
        }
        var budgets = (await BudgetAccess.Budgets(db, user, ct)).Select(b => b.Id);
        // Waiting entries are few (one approval clears them); they are grouped here, since SQLite sums no decimals.
        var rows = await db.Set<SpendingEntry>().AsNoTracking()
            .Where(s => s.Status == SpendingStatus.Recorded && budgets.Contains(s.BudgetLine!.BudgetId))
            .Select(s => new { s.BudgetLine!.Budget!.AgreementId, Station = s.BudgetLine.Budget.Station!.Name, s.Amount, s.Date })
            .Take(1000).ToListAsync(ct);
        var waiting = rows.GroupBy(r => new { r.AgreementId, r.Station })
            .Select(g => new { g.Key.AgreementId, g.Key.Station, Count = g.Count(), Amount = g.Sum(s => s.Amount), Oldest = g.Min(s => s.Date) }).ToList();
        if (waiting.Count == 0)
        {
            return null;
        }
        var items = waiting.OrderBy(w => w.Oldest).Take(8).Select(w => new HomeQueueItem($"{w.Station}有 {w.Count} 笔支出待审批",
            $"合计 {w.Amount:N2} 元，最早一笔 {w.Oldest:yyyy-MM-dd}", $"/Budgets/{w.AgreementId}", StatusKind.Behind)).ToList();
        return new HomeQueueSection("经费审批", items, null, waiting.Sum(w => w.Count));
    }
}
