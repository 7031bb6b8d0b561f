using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using SocialWorkStation.Domain.Services;
using SocialWorkStation.Web.Data;
using SocialWorkStation.Web.Features.Accounts;
using SocialWorkStation.Web.Features.Activities;
using SocialWorkStation.Web.Features.Attachments;
using SocialWorkStation.Web.Features.Stations;
using SocialWorkStation.Web.Infrastructure;

namespace SocialWorkStation.Web.Features.NeedsSurveys;

/// <summary>Needs surveys per village, the needs list, and the link from each need to the activities answering it.</summary>
public static class NeedsSurveyUseCases
{
    public const string OwnerType = "needsSurvey";

    public static async Task<Paged<NeedsSurveyDto>> List(AppDbContext db, UserScope scope, Guid? stationId, string? villageCode, PageRequest page, CancellationToken ct)
    {
        var q = db.Set<NeedsSurvey>().AsNoTracking().VisibleTo(db, scope);
        if (stationId is { } s) q = q.Where(x => x.StationId == s);
        if (StationRecords.Clean(villageCode) is { } v) q = q.Where(x => x.VillageCode == v);
        var result = await q.Include(x => x.Needs).ThenInclude(n => n.Activities).AsSplitQuery()
            .OrderByDescending(x => x.ConductedOn).ThenByDescending(x => x.Id).ToPageAsync(page, ct);
        return new Paged<NeedsSurveyDto>(await ToDtos(db, result.Items, false, ct), result.Total, result.Page, result.PageSize);
    }

    public static async Task<NeedsSurvey> Load(AppDbContext db, UserScope scope, Guid id, CancellationToken ct, bool tracking = false)
    {
        var q = db.Set<NeedsSurvey>().VisibleTo(db, scope).Include(x => x.Needs).ThenInclude(n => n.Activities).AsSplitQuery();
        if (!tracking) q = q.AsNoTracking();
        return await q.FirstOrDefaultAsync(x => x.Id == id, ct) ?? throw new NotFoundException("需求调研不存在或不在您的权限范围内");
    }

    public static async Task<NeedsSurveyDto> Get(AppDbContext db, UserScope scope, Guid id, CancellationToken ct) =>
        (await ToDtos(db, [await Load(db, scope, id, ct)], true, ct))[0];

    public static async Task<NeedsSurveyDto> Create(AppDbContext db, TimeProvider clock, ClaimsPrincipal user, NeedsSurveyInput input, CancellationToken ct)
    {
        var scope = user.Scope();
        var errors = new Errors();
        var station = await StationRecords.Target(db, scope, input.StationId, errors, ct);
        var s = new NeedsSurvey { CreatedAt = clock.GetUtcNow().UtcDateTime, CreatedBy = user.Identity?.Name };
        await Apply(db, clock, scope, input, station, errors, s, ct);
        s.StationId = station!.Id;
        db.Add(s);
        await db.SaveChangesAsync(ct);
        return await Get(db, scope, s.Id, ct);
    }

    public static async Task<NeedsSurveyDto> Update(AppDbContext db, TimeProvider clock, ClaimsPrincipal user, Guid id, NeedsSurveyInput input, CancellationToken ct)
    {
        var scope = user.Scope();
        var s = await Load(db, scope, id, ct, tracking: true);
        Versions.Check(db, s, input.Version, "需求调研");
        var station = await db.Platforms.AsNoTracking().FirstAsync(p => p.Id == s.StationId, ct);
        await Apply(db, clock, scope, input, station, new Errors(), s, ct);
        await db.SaveChangesAsync(ct);
        return await Get(db, scope, s.Id, ct);
    }

    private static async Task Apply(AppDbContext db, TimeProvider clock, UserScope scope, NeedsSurveyInput input, Platform? station, Errors errors, NeedsSurvey s, CancellationToken ct)
    {
        var date = StationRecords.ParseDate(errors, "conductedOn", input.ConductedOn, "调研日期", notAfter: ChinaTime.Today(clock));
        errors.Required("title", input.Title, "调研名称").MaxLength("title", input.Title, 200, "调研名称")
            .Required("villageCode", input.VillageCode, "调研的村（社区）")
            .MaxLength("method", input.Method, 100, "调研方式").MaxLength("summary", input.Summary, 4000, "调研小结");
        if (input.Respondents is < 0 or > 1000000) errors.Add("respondents", "受访人数应在0到1000000之间");
        var village = StationRecords.Clean(input.VillageCode);
        await StationRecords.ValidateVillage(db, errors, "villageCode", village, station, ct);
        var needs = input.Needs ?? [];
        var linked = needs.SelectMany(n => n.ActivityIds ?? []).Distinct().ToList();
        var activities = station is null || linked.Count == 0
            ? []
            : await db.Set<Activity>().AsNoTracking().VisibleTo(db, scope).Where(a => linked.Contains(a.Id) && a.StationId == station.Id).Select(a => a.Id).ToListAsync(ct);
        for (var i = 0; i < needs.Count; i++)
        {
            var n = needs[i];
            errors.Required($"needs[{i}].description", n.Description, "需求内容").MaxLength($"needs[{i}].description", n.Description, 500, "需求内容");
            if (n.Domain is not null && ActivityKinds.FromApi(n.Domain) is null) errors.Add($"needs[{i}].domain", "服务领域应为：" + ActivityKinds.ApiList);
            if (n.Priority is not null && NeedNames.Priority(n.Priority) is null) errors.Add($"needs[{i}].priority", "优先级应为 high、medium 或 low");
            if (n.Status is not null && NeedNames.Status(n.Status) is null) errors.Add($"needs[{i}].status", "状态应为 open、inProgress 或 met");
            if (n.AffectedCount is < 0) errors.Add($"needs[{i}].affectedCount", "涉及人数不能为负数");
            if (n.Id is { } nid && s.Needs.All(x => x.Id != nid)) errors.Add($"needs[{i}].id", "该需求不属于本次调研");
            foreach (var aid in n.ActivityIds ?? [])
            {
                if (!activities.Contains(aid)) errors.Add($"needs[{i}].activityIds", "活动不存在或不属于本站");
            }
        }
        errors.ThrowIfAny();

        s.VillageCode = village!;
        s.Title = input.Title!.Trim();
        s.ConductedOn = date!.Value;
        s.Method = StationRecords.Clean(input.Method);
        s.Respondents = input.Respondents;
        s.Summary = StationRecords.Clean(input.Summary);
        var keep = needs.Where(n => n.Id is not null).Select(n => n.Id!.Value).ToHashSet();
        s.Needs.RemoveAll(n => !keep.Contains(n.Id));
        foreach (var n in needs)
        {
            var need = n.Id is { } id ? s.Needs.First(x => x.Id == id) : new Need();
            need.Description = n.Description!.Trim();
            need.Domain = ActivityKinds.FromApi(n.Domain);
            need.Priority = NeedNames.Priority(n.Priority) ?? NeedPriority.Medium;
            need.Status = NeedNames.Status(n.Status) ?? NeedStatus.Open;
            need.AffectedCount = n.AffectedCount;
            var ids = (n.ActivityIds ?? []).Distinct().ToList();
            need.Activities.RemoveAll(l => !ids.Contains(l.ActivityId));
            need.Activities.AddRange(ids.Where(a => need.Activities.All(l => l.ActivityId != a)).Select(a => new NeedActivity { NeedId = need.Id, ActivityId = a }));
            if (n.Id is null) s.Needs.Add(need);
        }
    }

    /// <summary>The needs list (需求清单): every need of the visible surveys, by village and status.</summary>
    public static async Task<Paged<NeedDto>> Needs(AppDbContext db, UserScope scope, Guid? stationId, string? villageCode, string? status, PageRequest page, CancellationToken ct)
    {
        NeedStatus? st = null;
        if (status is not null && (st = NeedNames.Status(status)) is null) throw RequestValidationException.For("status", "状态应为 open、inProgress 或 met");
        var surveys = db.Set<NeedsSurvey>().AsNoTracking().VisibleTo(db, scope);
        if (stationId is { } s) surveys = surveys.Where(x => x.StationId == s);
        if (StationRecords.Clean(villageCode) is { } v) surveys = surveys.Where(x => x.VillageCode == v);
        var q = db.Set<Need>().AsNoTracking().Where(n => surveys.Select(x => x.Id).Contains(n.SurveyId));
        if (st is { } x2) q = q.Where(n => n.Status == x2);
        var result = await q.Include(n => n.Survey).Include(n => n.Activities)
            .OrderBy(n => n.Survey!.VillageCode).ThenBy(n => n.Priority).ThenBy(n => n.Id).ToPageAsync(page, ct);
        var names = await StationRecords.RegionNames(db, result.Items.Select(n => n.Survey!.VillageCode), ct);
        var activities = await ActivitiesOf(db, result.Items, ct);
        return new Paged<NeedDto>(result.Items.Select(n => ToDto(n, n.Survey!, names, activities)).ToList(), result.Total, result.Page, result.PageSize);
    }

    private static async Task<Dictionary<Guid, NeedActivityDto>> ActivitiesOf(AppDbContext db, IEnumerable<Need> needs, CancellationToken ct)
    {
        var ids = needs.SelectMany(n => n.Activities.Select(a => a.ActivityId)).Distinct().ToList();
        return ids.Count == 0 ? [] : await db.Set<Activity>().AsNoTracking().Where(a => ids.Contains(a.Id))
            .ToDictionaryAsync(a => a.Id, a => new NeedActivityDto(a.Id, a.Date.ToString("yyyy-MM-dd"), a.Theme), ct);
    }

    private static NeedDto ToDto(Need n, NeedsSurvey s, Dictionary<string, string> villages, Dictionary<Guid, NeedActivityDto> activities) =>
        new(n.Id, s.Id, s.Title, s.VillageCode, villages.GetValueOrDefault(s.VillageCode), n.Description,
            n.Domain is { } d ? ActivityKinds.ToApi(d) : null, NeedNames.Priority(n.Priority), n.AffectedCount, NeedNames.Status(n.Status),
            n.Activities.Select(l => activities.GetValueOrDefault(l.ActivityId)).OfType<NeedActivityDto>().OrderBy(a => a.Date).ToList());

    private static async Task<List<NeedsSurveyDto>> ToDtos(AppDbContext db, IReadOnlyList<NeedsSurvey> items, bool withDetails, CancellationToken ct)
    {
        var stations = await StationRecords.Stations(db, items.Select(x => x.StationId), ct);
        var villages = await StationRecords.RegionNames(db, items.Select(x => x.VillageCode), ct);
        var activities = await ActivitiesOf(db, items.SelectMany(x => x.Needs), ct);
        var attachments = withDetails ? await AttachmentUseCases.ForOwners(db, OwnerType, items.Select(x => x.Id).ToList(), ct) : [];
        return items.Select(s => new NeedsSurveyDto(s.Id, s.StationId, stations.GetValueOrDefault(s.StationId)?.Name, s.VillageCode,
            villages.GetValueOrDefault(s.VillageCode), s.Title, s.ConductedOn.ToString("yyyy-MM-dd"), s.Method, s.Respondents, s.Summary,
            s.Needs.OrderBy(n => n.Priority).ThenBy(n => n.Id).Select(n => ToDto(n, s, villages, activities)).ToList(),
            attachments.GetValueOrDefault(s.Id) ?? [], s.CreatedBy, s.CreatedAt, s.Version)).ToList();
    }

    public static void Map(RouteGroupBuilder api)
    {
        var g = api.MapGroup("/needs-surveys").WithTags("需求调研 Needs surveys");
        g.MapGet("/", (Guid? stationId, string? villageCode, int? page, int? pageSize, AppDbContext db, HttpContext http, CancellationToken ct) =>
                List(db, http.User.Scope(), stationId, villageCode, PageRequest.From(page, pageSize), ct))
            .WithSummary("Needs surveys inside the caller's scope (filters: stationId, villageCode)");
        g.MapGet("/needs", (Guid? stationId, string? villageCode, string? status, int? page, int? pageSize, AppDbContext db, HttpContext http, CancellationToken ct) =>
                Needs(db, http.User.Scope(), stationId, villageCode, status, PageRequest.From(page, pageSize), ct))
            .WithSummary("The needs list (需求清单) per village, with the activities answering each need (status: open, inProgress, met)");
        g.MapGet("/{id:guid}", (Guid id, AppDbContext db, HttpContext http, CancellationToken ct) => Get(db, http.User.Scope(), id, ct))
            .WithSummary("One survey with its needs (404 outside the caller's scope)");
        g.MapPost("/", async (NeedsSurveyInput input, AppDbContext db, TimeProvider clock, HttpContext http, CancellationToken ct) =>
            {
                var dto = await Create(db, clock, http.User, input, ct);
                return TypedResults.Created($"/api/v1/needs-surveys/{dto.Id}", dto);
            })
            .RequireAuthorization(Permissions.ServicesRecord)
            .WithSummary("Record a needs survey with its needs");
        g.MapPut("/{id:guid}", (Guid id, NeedsSurveyInput input, AppDbContext db, TimeProvider clock, HttpContext http, CancellationToken ct) =>
                Update(db, clock, http.User, id, input, ct))
            .RequireAuthorization(Permissions.ServicesRecord)
            .WithSummary("Correct a survey and its needs (needs with id are kept, without are added, left out are removed); send the version you read (409 when stale)");
    }
}
