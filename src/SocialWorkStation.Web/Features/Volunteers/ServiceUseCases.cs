using Microsoft.EntityFrameworkCore;
using SocialWorkStation.Domain.Volunteers;
using SocialWorkStation.Web.Data;
using SocialWorkStation.Web.Features.Accounts;
using SocialWorkStation.Web.Features.Activities;
using SocialWorkStation.Web.Features.Stations;
using SocialWorkStation.Web.Infrastructure;

namespace SocialWorkStation.Web.Features.Volunteers;

/// <summary>Volunteer service records: the hours counted without travel time (order No. 67).</summary>
public static class ServiceUseCases
{
    public static async Task<Paged<VolunteerServiceDto>> List(AppDbContext db, UserScope scope, Guid? stationId, Guid? volunteerId, Guid? activityId, string? from, string? to, PageRequest page, CancellationToken ct)
    {
        var errors = new Errors();
        var f = StationRecords.ParseDate(errors, "from", from, "开始日期", required: false);
        var t = StationRecords.ParseDate(errors, "to", to, "结束日期", required: false);
        errors.ThrowIfAny();
        var q = db.Set<VolunteerService>().AsNoTracking().VisibleTo(db, scope);
        if (stationId is { } s) q = q.Where(x => x.StationId == s);
        if (volunteerId is { } v) q = q.Where(x => x.VolunteerId == v);
        if (activityId is { } a) q = q.Where(x => x.ActivityId == a);
        if (f is { } ff) q = q.Where(x => x.Date >= ff);
        if (t is { } tt) q = q.Where(x => x.Date <= tt);
        var result = await q.Include(x => x.Volunteer).OrderByDescending(x => x.Date).ThenByDescending(x => x.Id).ToPageAsync(page, ct);
        return new Paged<VolunteerServiceDto>(await ToDtos(db, result.Items, ct), result.Total, result.Page, result.PageSize);
    }

    public static async Task<VolunteerService> Load(AppDbContext db, UserScope scope, Guid id, CancellationToken ct, bool tracking = false)
    {
        var q = db.Set<VolunteerService>().VisibleTo(db, scope).Include(x => x.Volunteer);
        return await (tracking ? q : q.AsNoTracking()).FirstOrDefaultAsync(x => x.Id == id, ct)
            ?? throw new NotFoundException("志愿服务记录不存在或不在您的权限范围内");
    }

    public static async Task<VolunteerServiceDto> Get(AppDbContext db, UserScope scope, Guid id, CancellationToken ct) =>
        (await ToDtos(db, [await Load(db, scope, id, ct)], ct))[0];

    public static async Task<VolunteerServiceDto> Create(AppDbContext db, TimeProvider clock, System.Security.Claims.ClaimsPrincipal user, VolunteerServiceInput input, CancellationToken ct)
    {
        var scope = user.Scope();
        var s = new VolunteerService { CreatedAt = clock.GetUtcNow().UtcDateTime, CreatedBy = user.Identity?.Name };
        var errors = new Errors();
        Volunteer? volunteer = null;
        if (input.VolunteerId is null) errors.Add("volunteerId", "请选择志愿者");
        else if ((volunteer = await db.Set<Volunteer>().AsNoTracking().VisibleTo(db, scope).FirstOrDefaultAsync(v => v.Id == input.VolunteerId, ct)) is null)
            errors.Add("volunteerId", "志愿者不存在或不在您的权限范围内");
        await Apply(db, clock, scope, input, volunteer, errors, s, ct);
        s.VolunteerId = volunteer!.Id;
        s.StationId = volunteer.StationId;
        db.Add(s);
        await db.SaveChangesAsync(ct);
        return await Get(db, scope, s.Id, ct);
    }

    public static async Task<VolunteerServiceDto> Update(AppDbContext db, TimeProvider clock, System.Security.Claims.ClaimsPrincipal user, Guid id, VolunteerServiceInput input, CancellationToken ct)
    {
        var scope = user.Scope();
        var s = await Load(db, scope, id, ct, tracking: true);
        Versions.Check(db, s, input.Version, "志愿服务记录");
        var errors = new Errors();
        if (input.VolunteerId is { } vid && vid != s.VolunteerId) errors.Add("volunteerId", "服务记录的志愿者不能更改，请删除后重新记录");
        await Apply(db, clock, scope, input, s.Volunteer, errors, s, ct);
        await db.SaveChangesAsync(ct);
        return await Get(db, scope, s.Id, ct);
    }

    private static async Task Apply(AppDbContext db, TimeProvider clock, UserScope scope, VolunteerServiceInput input, Volunteer? volunteer, Errors errors, VolunteerService s, CancellationToken ct)
    {
        var date = StationRecords.ParseDate(errors, "date", input.Date, "服务日期", notAfter: ChinaTime.Today(clock));
        errors.Required("content", input.Content, "服务内容").MaxLength("content", input.Content, 500, "服务内容");
        TimeOnly? start = ParseTime(errors, "startTime", input.StartTime, "开始时间"), end = ParseTime(errors, "endTime", input.EndTime, "结束时间");
        int? minutes = null;
        var travel = input.TravelMinutes ?? 0;
        if (start is not null || end is not null)
        {
            if (start is null) errors.Add("startTime", "请同时填写开始时间和结束时间");
            else if (end is null) errors.Add("endTime", "请同时填写开始时间和结束时间");
            else
            {
                minutes = VolunteerHours.FromTimes(start.Value, end.Value, travel, out var error);
                if (minutes is null) errors.Add(travel < 0 || error!.Contains("交通") ? "travelMinutes" : "endTime", error!);
                else if (input.Hours is { } h && VolunteerHours.FromHours(h, out _) != minutes)
                    errors.Add("hours", $"时长与起止时间不符：扣除往返交通{travel}分钟后为{VolunteerHours.ToHours(minutes.Value)}小时（{VolunteerHours.Source}）");
            }
        }
        else if (input.Hours is { } hours)
        {
            if (travel != 0) errors.Add("travelMinutes", "直接填写时长时不要填往返交通时间：时长本身就不含交通时间");
            minutes = VolunteerHours.FromHours(hours, out var error);
            if (minutes is null) errors.Add("hours", error!);
        }
        else
        {
            errors.Add("hours", "请填写服务时长（不含往返交通时间），或填写开始和结束时间");
        }
        if (input.ActivityId is { } aid && volunteer is not null
            && !await db.Set<Activity>().VisibleTo(db, scope).AnyAsync(a => a.Id == aid && a.StationId == volunteer.StationId, ct))
            errors.Add("activityId", "活动不存在或不属于志愿者所在的站点");
        if (input.TeamId is { } tid && volunteer is not null
            && !await db.Set<VolunteerTeam>().AnyAsync(t => t.Id == tid && t.StationId == volunteer.StationId, ct))
            errors.Add("teamId", "志愿服务队不存在或不属于志愿者所在的站点");
        if (date is { } d && volunteer is not null && d < volunteer.RegisteredOn)
            errors.Add("date", $"服务日期早于该志愿者的登记日期（{volunteer.RegisteredOn:yyyy-MM-dd}），请先核对登记日期");
        errors.ThrowIfAny();
        s.Date = date!.Value;
        s.StartTime = start;
        s.EndTime = end;
        s.TravelMinutes = start is null ? 0 : travel;
        s.Minutes = minutes!.Value;
        s.Content = input.Content!.Trim();
        s.ActivityId = input.ActivityId;
        s.TeamId = input.TeamId;
    }

    private static TimeOnly? ParseTime(Errors errors, string field, string? value, string label)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        if (TimeOnly.TryParseExact(value.Trim(), ["HH:mm", "H:mm", "HH:mm:ss"], out var t)) return t;
        errors.Add(field, $"{label}格式应为 HH:mm，如 08:30");
        return null;
    }

    public static async Task<List<VolunteerServiceDto>> ToDtos(AppDbContext db, IReadOnlyList<VolunteerService> items, CancellationToken ct)
    {
        var ids = items.Where(s => s.ActivityId is not null).Select(s => s.ActivityId!.Value).Distinct().ToList();
        var themes = ids.Count == 0 ? [] : await db.Set<Activity>().AsNoTracking().Where(a => ids.Contains(a.Id)).ToDictionaryAsync(a => a.Id, a => a.Theme, ct);
        return items.Select(s => new VolunteerServiceDto(s.Id, s.StationId, s.VolunteerId, s.Volunteer?.Name ?? "", s.ActivityId,
            s.ActivityId is { } a ? themes.GetValueOrDefault(a) : null, s.TeamId, s.Date.ToString("yyyy-MM-dd"),
            s.StartTime?.ToString("HH:mm"), s.EndTime?.ToString("HH:mm"), s.TravelMinutes, VolunteerHours.ToHours(s.Minutes),
            s.Content, s.CreatedBy, s.CreatedAt, s.Version)).ToList();
    }
}
