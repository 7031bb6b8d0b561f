using Microsoft.EntityFrameworkCore;
using SocialWorkStation.Domain.Staff;
using SocialWorkStation.Web.Data;
using SocialWorkStation.Web.Features.Accounts;
using SocialWorkStation.Web.Features.Profiles;
using SocialWorkStation.Web.Infrastructure;

namespace SocialWorkStation.Web.Features.Workers;

/// <summary>
/// The workers a user may see, filtered in SQL, paged, each with a compliance badge for today. The page's
/// workers are loaded with their certificates and trainings in a fixed number of queries, so the badges
/// cost no query per worker.
/// </summary>
public static class ListWorkers
{
    /// <param name="Active">true: at work today; false: left (or not yet started); null: everyone.</param>
    public sealed record Query(Guid? StationId = null, string? Q = null, string? Role = null, bool? Active = null);

    public static async Task<Paged<WorkerDto>> Handle(AppDbContext db, ProfileCatalog profiles, TimeProvider clock, UserScope scope, Query query, PageRequest page, CancellationToken ct)
    {
        var today = ChinaTime.Today(clock);
        var q = db.Workers.AsNoTracking().VisibleTo(scope);
        if (query.StationId is { } station)
        {
            q = q.Where(w => w.PlatformId == station);
        }
        if (query.Role is not null)
        {
            var role = StaffNames.FromApi<WorkerRole>(query.Role) ?? throw RequestValidationException.For("role", "岗位应为 head（站长）或 worker（社工）");
            q = q.Where(w => w.Role == role);
        }
        if (query.Active is { } active)
        {
            q = active
                ? q.Where(w => w.HireDate <= today && (w.LeftOn == null || w.LeftOn > today))
                : q.Where(w => w.HireDate > today || (w.LeftOn != null && w.LeftOn <= today));
        }
        if (!string.IsNullOrWhiteSpace(query.Q))
        {
            var text = query.Q.Trim();
            // A name fragment, or the last four characters of an ID number (the tail the mask shows), found by their
            // keyed hash: the number itself is stored encrypted (docs/security.md).
            if (text.Length == 4 && text.All(c => char.IsAsciiDigit(c) || c is 'X' or 'x'))
            {
                var tail = Worker.TailHashOf(db.Protector(), text);
                q = q.Where(w => w.Name.Contains(text) || w.IdTailHash == tail);
            }
            else
            {
                q = q.Where(w => w.Name.Contains(text));
            }
        }
        var result = await q.Include(w => w.Platform).Include(w => w.Certificates).Include(w => w.Trainings).Include(w => w.ContactVillages)
            .AsSplitQuery()
            .OrderBy(w => w.Platform!.RegionCode).ThenBy(w => w.PlatformId).ThenBy(w => w.Role).ThenBy(w => w.Name).ThenBy(w => w.Id)
            .ToPageAsync(page, ct);
        return new Paged<WorkerDto>(result.Items.Select(w => WorkerDto.From(w, today, GetWorker.Badge(profiles, w, today))).ToList(),
            result.Total, result.Page, result.PageSize);
    }
}
