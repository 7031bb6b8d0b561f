using System.Security.Claims;
using SocialWorkStation.Web.Data;
using SocialWorkStation.Web.Features.Profiles;
using SocialWorkStation.Web.Features.Shared;

namespace SocialWorkStation.Web.Features.Reports;

/// <summary>
/// 报告报送 on the home page: a writer sees the reports due within <see cref="SoonDays"/> days and those overdue; a
/// receiver sees who has not filed a report whose due day has passed.
/// </summary>
public sealed class ReportHomeQueue(AppDbContext db, ProfileCatalog profiles, TimeProvider clock) : IHomeQueueSource
{
    public const int SoonDays = 7;
    private const int Shown = 8;

    public int Order => 40;

    public async Task<HomeQueueSection?> GetAsync(ClaimsPrincipal user, CancellationToken ct)
    {
        var d = await ReportDeadlines.Handle(db, profiles, clock, user, ct);
        var items = d.Writing.Where(i => i.Status is not ("submitted" or "accepted") && (i.Overdue || i.DaysLeft <= SoonDays))
            .OrderBy(i => i.DueOn, StringComparer.Ordinal)
            .Select(i => new HomeQueueItem(
                i.Overdue ? $"{i.KindName}逾期未报送" : i.Status == "returned" ? $"{i.KindName}被退回，请修改后重新报送" : $"{i.KindName}待报送",
                $"{i.Writer} {i.PeriodLabel}，应于{i.DueOn}前报送{(i.Overdue ? $"（已逾期{-i.DaysLeft}天）" : $"（还有{i.DaysLeft}天）")}",
                Link(i), i.Overdue ? StatusKind.Severe : StatusKind.Behind))
            .Concat(d.NotFiled.Select(i => new HomeQueueItem($"{i.Writer}未报送{i.KindName}",
                $"{i.PeriodLabel}，应于{i.DueOn}前报送，已逾期{-i.DaysLeft}天（{i.StatusText}）", Link(i), StatusKind.Severe)))
            .ToList();
        return items.Count == 0 ? null : new HomeQueueSection("报告报送", items.Take(Shown).ToList(), "/Reports", items.Count - d.NotFiled.Count + d.NotFiledTotal);
    }

    private static string Link(DueItem i) => i.ReportId is { } id
        ? $"/Reports/Details/{id}"
        : $"/Reports?kind={i.Kind}&period={i.Period}" + (i.StationId is { } s ? $"&stationId={s}" : $"&regionCode={i.RegionCode}");
}
