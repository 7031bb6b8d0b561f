using SocialWorkStation.Web.Features.Stations;
using Microsoft.EntityFrameworkCore;
using SocialWorkStation.Domain.Names;
using SocialWorkStation.Domain.Visits;
using SocialWorkStation.Web.Data;
using SocialWorkStation.Web.Features.Accounts;
using SocialWorkStation.Web.Infrastructure;

namespace SocialWorkStation.Web.Features.Visits;

/// <summary>The visit ledger (走访台账) inside the caller's scope: per worker, station or village, filtered in SQL.</summary>
public static class ListVisits
{
    public sealed record Query(Guid? StationId = null, Guid? WorkerId = null, string? VillageCode = null, Guid? RecipientId = null,
        DateOnly? From = null, DateOnly? To = null, string? Kind = null, bool? FollowUpNeeded = null);

    public static IQueryable<Visit> Filter(AppDbContext db, UserScope scope, Query query)
    {
        var q = db.Visits.AsNoTracking().VisibleTo(db, scope);
        if (query.StationId is { } station)
        {
            q = q.Where(v => v.StationId == station);
        }
        if (query.WorkerId is { } worker)
        {
            q = q.Where(v => v.Workers.Any(w => w.WorkerId == worker));
        }
        if (query.RecipientId is { } recipient)
        {
            q = q.Where(v => v.Recipients.Any(r => r.RecipientId == recipient));
        }
        if (!string.IsNullOrWhiteSpace(query.VillageCode))
        {
            var code = query.VillageCode.Trim();
            q = q.Where(v => v.VillageCode != null && v.VillageCode.StartsWith(code));
        }
        if (query.From is { } from)
        {
            q = q.Where(v => v.VisitedOn >= from);
        }
        if (query.To is { } to)
        {
            q = q.Where(v => v.VisitedOn <= to);
        }
        if (query.Kind is not null)
        {
            var kind = VisitKinds.FromApi(query.Kind) ?? throw RequestValidationException.For("kind", "走访方式应为 homeVisit 或 phoneGreeting");
            q = q.Where(v => v.Kind == kind);
        }
        if (query.FollowUpNeeded is { } follow)
        {
            q = q.Where(v => v.FollowUpNeeded == follow);
        }
        return q;
    }

    public static async Task<Paged<VisitDto>> Handle(AppDbContext db, UserScope scope, Query query, PageRequest page, CancellationToken ct)
    {
        var ids = await Filter(db, scope, query).OrderByDescending(v => v.VisitedOn).ThenByDescending(v => v.Id).Select(v => v.Id).ToPageAsync(page, ct);
        var visits = await GetVisit.Load(db, ids.Items, ct);
        return new Paged<VisitDto>(ids.Items.Select(id => visits[id]).ToList(), ids.Total, ids.Page, ids.PageSize);
    }
}

public static class GetVisit
{
    public const string OwnerType = "visit";

    public static async Task<VisitDto> Handle(AppDbContext db, UserScope scope, Guid id, CancellationToken ct)
    {
        if (!await db.Visits.VisibleTo(db, scope).AnyAsync(v => v.Id == id, ct))
        {
            throw new NotFoundException("走访记录不存在或不在您的权限范围内");
        }
        return (await Load(db, [id], ct))[id];
    }

    /// <summary>The visits with names of recipients (masked), workers, station and village: a fixed number of queries for a page.</summary>
    public static async Task<Dictionary<Guid, VisitDto>> Load(AppDbContext db, IReadOnlyCollection<Guid> ids, CancellationToken ct)
    {
        var rows = await db.Visits.AsNoTracking().Where(v => ids.Contains(v.Id))
            .Select(v => new
            {
                Visit = v,
                StationName = v.Station!.Name,
                Recipients = v.Recipients.OrderBy(r => r.Recipient!.Name).Select(r => new { r.RecipientId, r.Recipient!.Name }).ToList(),
                Workers = v.Workers.OrderBy(w => w.Worker!.Name).Select(w => new { w.WorkerId, w.Worker!.Name }).ToList(),
            })
            .AsSplitQuery().ToListAsync(ct);
        var codes = rows.Select(r => r.Visit.VillageCode).OfType<string>().Distinct().ToList();
        var villages = await db.Regions.AsNoTracking().Where(x => codes.Contains(x.Code)).ToDictionaryAsync(x => x.Code, x => x.Name, ct);
        // Photos and sign-in sheets (签到表), through the shared attachments (owner type "visit").
        var attachments = await Attachments.AttachmentUseCases.ForOwners(db, OwnerType, ids, ct);
        return rows.ToDictionary(r => r.Visit.Id, r =>
        {
            var v = r.Visit;
            return new VisitDto(v.Id, v.StationId, r.StationName, VisitKinds.ToApi(v.Kind), VisitKinds.Chinese(v.Kind), v.VisitedOn, v.RecordedOn, v.BackFilled,
                r.Recipients.Select(x => new VisitPerson(x.RecipientId, Masking.Name(x.Name))).ToList(), v.HouseholdId,
                r.Workers.Select(x => new VisitPerson(x.WorkerId, x.Name)).ToList(), v.VillageCode,
                v.VillageCode is null ? null : villages.GetValueOrDefault(v.VillageCode), v.Place, v.Domain, VisitDomains.Chinese(v.Domain),
                v.Findings, v.ServiceContent, v.FollowUpNeeded, v.FollowUp, v.Latitude, v.Longitude, v.IdempotencyKey,
                attachments.GetValueOrDefault(v.Id) ?? [], v.Version);
        });
    }
}
