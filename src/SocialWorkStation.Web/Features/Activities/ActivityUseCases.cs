using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using SocialWorkStation.Domain.Services;
using SocialWorkStation.Web.Data;
using SocialWorkStation.Web.Features.Accounts;
using SocialWorkStation.Web.Features.Attachments;
using SocialWorkStation.Web.Features.NeedsSurveys;
using SocialWorkStation.Web.Features.Profiles;
using SocialWorkStation.Web.Features.Stations;
using SocialWorkStation.Web.Infrastructure;

namespace SocialWorkStation.Web.Features.Activities;

/// <summary>Recording, correcting, listing and counting community and township activities.</summary>
public static class ActivityUseCases
{
    public const string OwnerType = "activity";

    public sealed record Query(Guid? StationId = null, string? From = null, string? To = null, string? Kind = null, string? Q = null);

    public static async Task<Paged<ActivityDto>> List(AppDbContext db, ProfileCatalog profiles, UserScope scope, Query query, PageRequest page, CancellationToken ct)
    {
        var errors = new Errors();
        var from = StationRecords.ParseDate(errors, "from", query.From, "开始日期", required: false);
        var to = StationRecords.ParseDate(errors, "to", query.To, "结束日期", required: false);
        ActivityKind? kind = null;
        if (query.Kind is not null && (kind = ActivityKinds.FromApi(query.Kind)) is null)
        {
            errors.Add("kind", "活动类型应为：" + ActivityKinds.ApiList);
        }
        errors.ThrowIfAny();
        var q = db.Set<Activity>().AsNoTracking().VisibleTo(db, scope);
        if (query.StationId is { } station) q = q.Where(a => a.StationId == station);
        if (from is { } f) q = q.Where(a => a.Date >= f);
        if (to is { } t) q = q.Where(a => a.Date <= t);
        if (kind is { } k) q = q.Where(a => a.Kinds.Any(x => x.Kind == k));
        if (StationRecords.Clean(query.Q) is { } text) q = q.Where(a => a.Theme.Contains(text) || a.Place.Contains(text));
        var result = await q.Include(a => a.Kinds).Include(a => a.Workers).AsSplitQuery()
            .OrderByDescending(a => a.Date).ThenByDescending(a => a.Id).ToPageAsync(page, ct);
        return new Paged<ActivityDto>(await ToDtos(db, profiles, result.Items, withDetails: false, ct), result.Total, result.Page, result.PageSize);
    }

    public static async Task<Activity> Load(AppDbContext db, UserScope scope, Guid id, CancellationToken ct, bool tracking = false)
    {
        var q = db.Set<Activity>().VisibleTo(db, scope).Include(a => a.Kinds).Include(a => a.Workers).AsSplitQuery();
        if (!tracking) q = q.AsNoTracking();
        return await q.FirstOrDefaultAsync(a => a.Id == id, ct) ?? throw new NotFoundException("活动不存在或不在您的权限范围内");
    }

    public static async Task<ActivityDto> Get(AppDbContext db, ProfileCatalog profiles, UserScope scope, Guid id, CancellationToken ct) =>
        (await ToDtos(db, profiles, [await Load(db, scope, id, ct)], withDetails: true, ct))[0];

    public static async Task<ActivityDto> Create(AppDbContext db, ProfileCatalog profiles, TimeProvider clock, ClaimsPrincipal user, ActivityInput input, CancellationToken ct)
    {
        var scope = user.Scope();
        var errors = new Errors();
        var station = await StationRecords.Target(db, scope, input.StationId, errors, ct);
        var a = new Activity { CreatedAt = clock.GetUtcNow().UtcDateTime, CreatedBy = user.Identity?.Name };
        await Validate(db, clock, input, station, errors, a, ct);
        a.StationId = station!.Id;
        db.Add(a);
        await db.SaveChangesAsync(ct);
        return await Get(db, profiles, scope, a.Id, ct);
    }

    public static async Task<ActivityDto> Update(AppDbContext db, ProfileCatalog profiles, TimeProvider clock, ClaimsPrincipal user, Guid id, ActivityInput input, CancellationToken ct)
    {
        var scope = user.Scope();
        var a = await Load(db, scope, id, ct, tracking: true);
        Versions.Check(db, a, input.Version, "活动记录");
        var station = await db.Platforms.AsNoTracking().FirstAsync(p => p.Id == a.StationId, ct);
        await Validate(db, clock, input, station, new Errors(), a, ct);
        await db.SaveChangesAsync(ct);
        return await Get(db, profiles, scope, a.Id, ct);
    }

    /// <summary>Checks every field (all problems at once, by JSON field name) and applies them to the activity.</summary>
    private static async Task Validate(AppDbContext db, TimeProvider clock, ActivityInput input, Platform? station, Errors errors, Activity a, CancellationToken ct)
    {
        var date = StationRecords.ParseDate(errors, "date", input.Date, "活动日期", notAfter: ChinaTime.Today(clock));
        errors.Required("place", input.Place, "活动地点").MaxLength("place", input.Place, 200, "活动地点")
            .Required("theme", input.Theme, "活动主题").MaxLength("theme", input.Theme, 200, "活动主题")
            .MaxLength("content", input.Content, 4000, "活动内容").MaxLength("outcome", input.Outcome, 4000, "活动成效");
        var kinds = new List<ActivityKind>();
        if (input.Kinds is not { Count: > 0 })
        {
            errors.Add("kinds", "请至少选择一个活动类型");
        }
        else
        {
            foreach (var k in input.Kinds)
            {
                if (ActivityKinds.FromApi(k) is { } kind) { if (!kinds.Contains(kind)) kinds.Add(kind); }
                else errors.Add("kinds", $"未知的活动类型 {k}，应为：{ActivityKinds.ApiList}");
            }
        }
        var workers = (input.Workers ?? []).Select(StationRecords.Clean).OfType<string>().Distinct().ToList();
        if (workers.Count == 0) errors.Add("workers", "请填写参与组织活动的社工");
        if (workers.Any(w => w.Length > 50)) errors.Add("workers", "社工姓名不能超过50个字");
        if (input.ParticipantCount is null) errors.Add("participantCount", "请填写参与人数");
        else if (input.ParticipantCount is < 0 or > 100000) errors.Add("participantCount", "参与人数应在0到100000之间");
        var village = StationRecords.Clean(input.VillageCode);
        await StationRecords.ValidateVillage(db, errors, "villageCode", village, station, ct);
        errors.ThrowIfAny();

        a.Date = date!.Value;
        a.Place = input.Place!.Trim();
        a.Theme = input.Theme!.Trim();
        a.VillageCode = village;
        a.ParticipantCount = input.ParticipantCount!.Value;
        a.Content = StationRecords.Clean(input.Content);
        a.Outcome = StationRecords.Clean(input.Outcome);
        // Kinds are keyed by (activity, kind): keep the ones that stay, so no row is deleted and re-added with the same key.
        a.Kinds.RemoveAll(k => !kinds.Contains(k.Kind));
        a.Kinds.AddRange(kinds.Where(k => a.Kinds.All(x => x.Kind != k)).Select(k => new ActivityKindEntry { ActivityId = a.Id, Kind = k }));
        if (!a.Workers.Select(w => w.Name).SequenceEqual(workers))
        {
            a.Workers.Clear();
            a.Workers.AddRange(workers.Select(w => new ActivityWorker { Name = w }));
        }
    }

    /// <summary>The year's activities of a station against its profile's standard (Qiongzhong: 3 a year, each ≥10 people, with publicity and volunteer advocacy).</summary>
    public static async Task<ProgressDto> Progress(AppDbContext db, ProfileCatalog profiles, TimeProvider clock, UserScope scope, Guid? stationId, int? year, CancellationToken ct)
    {
        var (from, to) = StationRecords.Year(year, clock);
        var station = await StationRecords.ForQuery(db, scope, stationId, ct);
        var rows = await db.Set<Activity>().AsNoTracking()
            .Where(a => a.StationId == station.Id && a.Date >= from && a.Date <= to)
            .Select(a => new { a.Date, a.ParticipantCount, Kinds = a.Kinds.Select(k => k.Kind).ToList() })
            .ToListAsync(ct);
        var facts = rows.Select(r => new ActivityFact(r.Date, r.ParticipantCount, r.Kinds));
        return ProgressDto.Of(station, from, to, ActivityRules.Progress(facts, profiles.Find(station.ProfileKey)?.Standards, from, to));
    }

    private static async Task<List<ActivityDto>> ToDtos(AppDbContext db, ProfileCatalog profiles, IReadOnlyList<Activity> items, bool withDetails, CancellationToken ct)
    {
        var stations = await StationRecords.Stations(db, items.Select(a => a.StationId), ct);
        var ids = items.Select(a => a.Id).ToList();
        var attachments = withDetails ? await AttachmentUseCases.ForOwners(db, OwnerType, ids, ct) : [];
        var needs = withDetails
            ? (await db.Set<NeedActivity>().AsNoTracking().Where(l => ids.Contains(l.ActivityId))
                .Select(l => new { l.ActivityId, l.Need!.Id, l.Need.SurveyId, l.Need.Description, l.Need.Survey!.VillageCode }).ToListAsync(ct))
                .GroupBy(x => x.ActivityId).ToDictionary(g => g.Key, g => g.Select(x => new LinkedNeedDto(x.Id, x.SurveyId, x.Description, x.VillageCode)).ToList())
            : [];
        return items.Select(a =>
        {
            var station = stations.GetValueOrDefault(a.StationId);
            var standards = profiles.Find(station?.ProfileKey)?.Standards;
            var note = ActivityRules.Explain(a.ParticipantCount, standards);
            return new ActivityDto(a.Id, a.StationId, station?.Name, a.Date.ToString("yyyy-MM-dd"), a.Place, a.VillageCode, a.Theme,
                a.Kinds.Select(k => k.Kind).Order().Select(ActivityKinds.ToApi).ToList(), a.Workers.Select(w => w.Name).ToList(),
                a.ParticipantCount, a.Content, a.Outcome, ActivityRules.Counts(a.ParticipantCount, standards),
                note is null ? null : new StandardNoteDto(note.Passed, note.Message, note.Source),
                needs.GetValueOrDefault(a.Id) ?? [], attachments.GetValueOrDefault(a.Id) ?? [], a.CreatedBy, a.CreatedAt, a.Version);
        }).ToList();
    }
}
