using Microsoft.EntityFrameworkCore;
using SocialWorkStation.Web.Data;
using SocialWorkStation.Web.Features.Accounts;
using SocialWorkStation.Web.Features.Profiles;
using SocialWorkStation.Web.Infrastructure;

namespace SocialWorkStation.Web.Features.Reports;

/// <summary>The reports a user may see, filtered in SQL, newest period first; superseded revisions only when asked.</summary>
public static class ListReports
{
    public sealed record Query(string? Kind = null, string? Period = null, Guid? StationId = null, string? Region = null, string? Status = null, bool AllRevisions = false);

    public static async Task<Paged<ReportListItem>> Handle(AppDbContext db, ProfileCatalog profiles, TimeProvider clock, UserScope scope, Query query, PageRequest page, CancellationToken ct)
    {
        var q = db.Set<Report>().AsNoTracking().VisibleTo(scope);
        if (!query.AllRevisions) q = q.Where(r => r.SupersededById == null);
        if (!string.IsNullOrWhiteSpace(query.Kind)) q = q.Where(r => r.KindKey == query.Kind);
        if (!string.IsNullOrWhiteSpace(query.Period)) q = q.Where(r => r.PeriodKey == query.Period);
        if (query.StationId is { } station) q = q.Where(r => r.StationId == station);
        if (!string.IsNullOrWhiteSpace(query.Region)) q = q.Where(r => r.RegionCode.StartsWith(query.Region));
        if (!string.IsNullOrWhiteSpace(query.Status))
        {
            var status = Enum.GetValues<ReportStatus>().Where(s => ReportLabels.Status(s) == query.Status).Cast<ReportStatus?>().FirstOrDefault()
                ?? throw RequestValidationException.For("status", "状态应为 draft、submitted、returned 或 accepted");
            q = q.Where(r => r.Status == status);
        }
        var result = await q.OrderByDescending(r => r.PeriodTo).ThenBy(r => r.RegionCode).ThenBy(r => r.KindKey).ToPageAsync(page, ct);
        var today = ChinaTime.Today(clock);
        return new Paged<ReportListItem>(result.Items.Select(r => ReportLabels.Item(r, profiles.Find(r.ProfileKey), today)).ToList(), result.Total, result.Page, result.PageSize);
    }
}
