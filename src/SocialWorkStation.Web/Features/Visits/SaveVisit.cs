using Microsoft.EntityFrameworkCore;
using SocialWorkStation.Domain.Recipients;
using SocialWorkStation.Domain.Visits;
using SocialWorkStation.Web.Data;
using SocialWorkStation.Web.Features.Accounts;
using SocialWorkStation.Web.Features.Recipients;
using SocialWorkStation.Web.Features.Stations;
using SocialWorkStation.Web.Infrastructure;

namespace SocialWorkStation.Web.Features.Visits;

/// <summary>
/// Records or edits a visit. A record sent again with the same idempotency key (a phone that lost the
/// answer, or an offline queue replayed) answers the record already stored instead of adding another.
/// </summary>
public static class SaveVisit
{
    public static async Task<(VisitDto Visit, bool Created)> Create(AppDbContext db, TimeProvider clock, System.Security.Claims.ClaimsPrincipal user, VisitInput input, CancellationToken ct)
    {
        var scope = user.Scope();
        if (input.IdempotencyKey is { } key && await Existing(db, scope, key, ct) is { } existing)
        {
            return (existing, false);
        }
        var visit = new Visit { CreatedAt = clock.GetUtcNow().UtcDateTime, IdempotencyKey = input.IdempotencyKey };
        var station = await Validate(db, clock, scope, input, visit, ct);
        visit.StationId = station;
        db.Visits.Add(visit);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException) when (input.IdempotencyKey is { } raced)
        {
            // The same record arrived twice at once: the unique index let one in; answer that one.
            db.ChangeTracker.Clear();
            return (await Existing(db, scope, raced, ct) ?? throw new ConflictException("该记录正在提交，请稍后刷新"), false);
        }
        return (await GetVisit.Handle(db, scope, visit.Id, ct), true);
    }

    private static async Task<VisitDto?> Existing(AppDbContext db, UserScope scope, Guid key, CancellationToken ct)
    {
        // Found without scope first, so a record committed a moment ago by a parallel request is seen once.
        var id = await db.Visits.AsNoTracking().Where(v => v.IdempotencyKey == key).Select(v => (Guid?)v.Id).FirstOrDefaultAsync(ct);
        if (id is null)
        {
            return null;
        }
        if (!await db.Visits.VisibleTo(db, scope).AnyAsync(v => v.Id == id, ct))
        {
            // A key used by a record the caller cannot see must not reveal it, nor be stored twice.
            throw RequestValidationException.For("idempotencyKey", "该幂等键已被其他记录使用，请重新生成");
        }
        return await GetVisit.Handle(db, scope, id.Value, ct);
    }

    public static async Task<VisitDto> Update(AppDbContext db, TimeProvider clock, System.Security.Claims.ClaimsPrincipal user, Guid id, VisitInput input, CancellationToken ct)
    {
        var scope = user.Scope();
        var visit = await db.Visits.VisibleTo(db, scope).Include(v => v.Recipients).Include(v => v.Workers)
            .FirstOrDefaultAsync(v => v.Id == id, ct) ?? throw new NotFoundException("走访记录不存在或不在您的权限范围内");
        Versions.Check(db, visit, input.Version, "走访记录");
        // The station of a record does not move; the recipients and workers are checked against it.
        await Validate(db, clock, scope, input with { StationId = visit.StationId }, visit, ct);
        db.Entry(visit).Property(x => x.Version).IsModified = true;
        await db.SaveChangesAsync(ct);
        return await GetVisit.Handle(db, scope, visit.Id, ct);
    }

    /// <summary>Checks the input and writes it onto the visit; answers the station.</summary>
    private static async Task<Guid> Validate(AppDbContext db, TimeProvider clock, UserScope scope, VisitInput input, Visit visit, CancellationToken ct)
    {
        var errors = new Errors();
        var today = ChinaTime.Today(clock);
        var stationId = input.StationId ?? (scope.Kind == ScopeKind.Station ? scope.StationId : null);
        if (stationId is null)
        {
            errors.Add("stationId", "请选择站点");
        }
        else if (!await db.Platforms.VisibleTo(scope).AnyAsync(p => p.Id == stationId, ct))
        {
            errors.Add("stationId", "站点不存在或不在您的权限范围内");
        }
        var kind = VisitKinds.FromApi(input.Kind);
        if (kind is null)
        {
            errors.Add("kind", "请选择走访方式（入户走访 homeVisit 或电话问候 phoneGreeting）");
        }
        if (input.VisitedOn is null)
        {
            errors.Add("visitedOn", "请填写走访日期");
        }
        else if (input.VisitedOn > today)
        {
            errors.Add("visitedOn", "走访日期不能晚于今天");
        }
        if (!VisitDomains.IsKnown(input.Domain))
        {
            errors.Add("domain", "请选择服务领域：" + string.Join("、", VisitDomains.All.Select(d => $"{d.Chinese}（{d.Api}）")));
        }
        errors.Required("findings", input.Findings, "发现问题（情况）").MaxLength("findings", input.Findings, 2000, "发现问题（情况）");
        errors.Required("serviceContent", input.ServiceContent, "服务内容").MaxLength("serviceContent", input.ServiceContent, 2000, "服务内容");
        errors.MaxLength("place", input.Place, 200, "走访地点").MaxLength("followUp", input.FollowUp, 1000, "跟进事项");
        if (input.FollowUpNeeded == true && string.IsNullOrWhiteSpace(input.FollowUp))
        {
            errors.Add("followUp", "需要跟进时请写明跟进事项");
        }
        if (input.Latitude is { } lat && (lat < -90 || lat > 90 || input.Longitude is null))
        {
            errors.Add("latitude", "位置不正确：纬度在 -90 到 90 之间，且与经度一起提供");
        }
        if (input.Longitude is { } lng && (lng < -180 || lng > 180 || input.Latitude is null))
        {
            errors.Add("longitude", "位置不正确：经度在 -180 到 180 之间，且与纬度一起提供");
        }

        // Whom: the recipients named, or every current member of the household named.
        var recipientIds = (input.RecipientIds ?? []).Distinct().ToList();
        if (input.HouseholdId is { } household && stationId is not null)
        {
            var members = await db.Recipients.Where(r => r.HouseholdId == household && r.StationId == stationId && r.Status == RecipientStatus.Active)
                .Select(r => r.Id).ToListAsync(ct);
            if (members.Count == 0)
            {
                errors.Add("householdId", "该家庭不在本站点登记，或没有在册成员");
            }
            recipientIds = recipientIds.Union(members).ToList();
        }
        var recipients = stationId is null ? [] : await db.Recipients.Where(r => recipientIds.Contains(r.Id) && r.StationId == stationId)
            .Select(r => new { r.Id, r.VillageCode }).ToListAsync(ct);
        if (recipientIds.Count == 0)
        {
            errors.Add("recipientIds", "请选择走访对象（一位或多位服务对象，或一个家庭）");
        }
        else if (recipients.Count != recipientIds.Count && stationId is not null)
        {
            errors.Add("recipientIds", "有走访对象不在本站点登记");
        }
        // Who: workers of the station or of its village rooms.
        var workerIds = (input.WorkerIds ?? []).Distinct().ToList();
        var stationAndRooms = db.Platforms.Where(p => p.Id == stationId || p.ParentId == stationId).Select(p => p.Id);
        var workers = await db.Workers.Where(w => workerIds.Contains(w.Id) && stationAndRooms.Contains(w.PlatformId)).Select(w => w.Id).ToListAsync(ct);
        if (workerIds.Count == 0)
        {
            errors.Add("workerIds", "请选择走访人");
        }
        else if (workers.Count != workerIds.Count && stationId is not null)
        {
            errors.Add("workerIds", "有走访人不是本站点的社工");
        }
        errors.ThrowIfAny();

        visit.Kind = kind!.Value;
        visit.VisitedOn = input.VisitedOn!.Value;
        visit.HouseholdId = input.HouseholdId;
        visit.Place = Trim(input.Place);
        visit.Domain = input.Domain!;
        visit.Findings = input.Findings!.Trim();
        visit.ServiceContent = input.ServiceContent!.Trim();
        visit.FollowUpNeeded = input.FollowUpNeeded == true;
        visit.FollowUp = Trim(input.FollowUp);
        visit.Latitude = input.Latitude;
        visit.Longitude = input.Longitude;
        if (visit.Version == 1 && db.Entry(visit).State == EntityState.Detached)
        {
            visit.RecordedOn = today;
        }
        // Back-filled is judged against the day the record was first entered (an edit does not change it).
        visit.BackFilled = VisitRules.IsBackFilled(visit.VisitedOn, visit.RecordedOn);
        visit.VillageCode = recipients.Select(r => r.VillageCode).FirstOrDefault(c => c is not null);
        visit.Recipients.RemoveAll(r => !recipientIds.Contains(r.RecipientId));
        foreach (var r in recipientIds.Where(r => visit.Recipients.All(x => x.RecipientId != r)))
        {
            visit.Recipients.Add(new VisitRecipient { RecipientId = r });
        }
        visit.Workers.RemoveAll(w => !workerIds.Contains(w.WorkerId));
        foreach (var w in workerIds.Where(w => visit.Workers.All(x => x.WorkerId != w)))
        {
            visit.Workers.Add(new VisitWorker { WorkerId = w });
        }
        return stationId!.Value;
    }

    private static string? Trim(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
