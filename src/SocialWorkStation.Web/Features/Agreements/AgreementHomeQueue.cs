using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using SocialWorkStation.Domain.Agreements;
using SocialWorkStation.Domain.Calendar;
using SocialWorkStation.Web.Data;
using SocialWorkStation.Web.Features.Accounts;
using SocialWorkStation.Web.Features.Profiles;
using SocialWorkStation.Web.Features.Shared;
using SocialWorkStation.Web.Infrastructure;

namespace SocialWorkStation.Web.Features.Agreements;

/// <summary>服务协议 on the bureau's home page: the steps counted from a signing date (Hunan 七（三）（四）) that are overdue today.</summary>
public sealed class AgreementHomeQueue(AppDbContext db, ProfileCatalog profiles, TimeProvider clock) : IHomeQueueSource
{
    private const int Shown = 8;
    private const int Scanned = 500;

    public int Order => 30;

    public async Task<HomeQueueSection?> GetAsync(ClaimsPrincipal user, CancellationToken ct)
    {
        if (!user.Can(Permissions.AgreementsManage))
        {
            return null;
        }
        var withDeadlines = profiles.All.Where(p => p.Agreements is { FilingWorkingDays: not null } or { WorkersPlacedMonths: not null }).Select(p => p.Key).ToList();
        if (withDeadlines.Count == 0)
        {
            return null;
        }
        var cycles = await AgreementAccess.Cycles(db, user, ct);
        var open = await db.Set<Agreement>().AsNoTracking()
            .Where(a => cycles.Any(c => c.Id == a.CycleId) && withDeadlines.Contains(a.Cycle!.ProfileKey) && (a.FiledOn == null || a.WorkersPlacedOn == null))
            .OrderByDescending(a => a.SignedOn).Take(Scanned)
            .Select(a => new { a.Id, a.YearNumber, a.SignedOn, a.FiledOn, a.WorkersPlacedOn, a.Cycle!.ProfileKey, a.Cycle.BuyerName, Contractor = a.Cycle.Contractor!.Name })
            .ToListAsync(ct);
        var today = ChinaTime.Today(clock);
        var items = new List<(DateOnly Due, HomeQueueItem Item)>();
        foreach (var a in open)
        {
            var profile = profiles.Find(a.ProfileKey);
            if (profile is null) continue;
            foreach (var d in AgreementDeadlines.For(profile.Agreements, profile.ShortName, a.SignedOn, WorkingCalendar.China))
            {
                var done = d.Key == AgreementDeadlines.Filing ? a.FiledOn : a.WorkersPlacedOn;
                if (AgreementDeadlines.State(d.DueOn, done, today).Overdue)
                {
                    items.Add((d.DueOn, new HomeQueueItem($"{d.Name}已逾期",
                        $"{a.Contractor} 第{a.YearNumber}年协议（{a.SignedOn:yyyy-MM-dd}签订），应于{d.DueOn:yyyy-MM-dd}前完成（{d.Source}）",
                        $"/Agreements/Agreement/{a.Id}", StatusKind.Severe)));
                }
            }
        }
        return items.Count == 0 ? null : new HomeQueueSection("服务协议", items.OrderBy(i => i.Due).Select(i => i.Item).Take(Shown).ToList(), "/Agreements", items.Count);
    }
}
