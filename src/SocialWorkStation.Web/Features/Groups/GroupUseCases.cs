using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using SocialWorkStation.Domain.Groups;
using SocialWorkStation.Domain.Names;
using SocialWorkStation.Web.Data;
using SocialWorkStation.Web.Features.Accounts;
using SocialWorkStation.Web.Features.Profiles;
using SocialWorkStation.Web.Features.Stations;
using SocialWorkStation.Web.Infrastructure;

namespace SocialWorkStation.Web.Features.Groups;

public sealed record GroupInput(Guid? StationId = null, string? Name = null, string? Purpose = null, string? Stage = null, int? PlannedSessions = null,
    DateOnly? StartedOn = null, Guid[]? MemberIds = null, int? Version = null);

public sealed record SessionInput(DateOnly? HeldOn = null, string? Content = null, Guid[]? AttendeeIds = null);

public sealed record GroupMemberDto(Guid RecipientId, string Name);

public sealed record GroupSessionDto(Guid Id, int Number, DateOnly HeldOn, string Content, int Attendance, IReadOnlyList<Guid> AttendeeIds);

public sealed record GroupDto(Guid Id, Guid StationId, string StationName, string Name, string Purpose, string Stage, string StageLabel, int PlannedSessions,
    DateOnly StartedOn, IReadOnlyList<GroupMemberDto> Members, IReadOnlyList<GroupSessionDto> Sessions, int SessionsHeld, int ParticipantTimes,
    int? SessionsRequired, int? ParticipantTimesRequired, bool? Counts, string? Source, int Version);

/// <summary>Groups (小组, MZ/T 095-2017): sessions held and participant-times counted against the profile.</summary>
public static class GroupUseCases
{
    /// <summary>The attachment owner kind of a session's photos and sign-in sheets (签到表).</summary>
    public const string SessionOwnerType = "groupSession";

    public static async Task<Paged<GroupDto>> List(AppDbContext db, ProfileCatalog profiles, UserScope scope, Guid? stationId, PageRequest page, CancellationToken ct)
    {
        var q = db.Set<Group>().AsNoTracking().VisibleTo(db, scope);
        if (stationId is { } s) q = q.Where(g => g.StationId == s);
        var ids = await q.OrderByDescending(g => g.StartedOn).ThenByDescending(g => g.Id).Select(g => g.Id).ToPageAsync(page, ct);
        var items = new List<GroupDto>();
        foreach (var id in ids.Items) items.Add(await Dto(db, profiles, id, ct));
        return new Paged<GroupDto>(items, ids.Total, ids.Page, ids.PageSize);
    }

    public static async Task<GroupDto> Get(AppDbContext db, ProfileCatalog profiles, UserScope scope, Guid id, CancellationToken ct)
    {
        await Load(db, scope, id, ct);
        return await Dto(db, profiles, id, ct);
    }

    private static async Task<Group> Load(AppDbContext db, UserScope scope, Guid id, CancellationToken ct) =>
        await db.Set<Group>().VisibleTo(db, scope).Include(g => g.Members).FirstOrDefaultAsync(g => g.Id == id, ct)
        ?? throw new NotFoundException("小组不存在或不在您的权限范围内");

    private static async Task<GroupDto> Dto(AppDbContext db, ProfileCatalog profiles, Guid id, CancellationToken ct)
    {
        var row = await db.Set<Group>().AsNoTracking().Include(g => g.Members).Where(g => g.Id == id)
            .Select(g => new { Group = g, StationName = g.Station!.Name, g.Station.ProfileKey }).FirstAsync(ct);
        var g = row.Group;
        var memberIds = g.Members.Select(m => m.RecipientId).ToList();
        var names = await db.Recipients.AsNoTracking().Where(r => memberIds.Contains(r.Id)).ToDictionaryAsync(r => r.Id, r => r.Name, ct);
        var sessions = await db.Set<GroupSession>().AsNoTracking().Include(s => s.Attendance).Where(s => s.GroupId == id).OrderBy(s => s.Number).ToListAsync(ct);
        var times = GroupRules.ParticipantTimes(sessions.Select(s => s.Attendance.Count));
        var standards = profiles.Find(row.ProfileKey)?.Standards;
        var (reqSessions, reqTimes) = (standards?.SessionsPerGroup, standards?.ParticipantTimesPerGroup);
        bool? counts = reqSessions is null || reqTimes is null ? null : GroupRules.Counts(sessions.Count, times, reqSessions.Value, reqTimes.Value);
        return new GroupDto(g.Id, g.StationId, row.StationName, g.Name, g.Purpose, GroupStages.ToApi(g.Stage), GroupStages.Chinese(g.Stage), g.PlannedSessions,
            g.StartedOn, memberIds.Select(m => new GroupMemberDto(m, Masking.Name(names.GetValueOrDefault(m)))).ToList(),
            sessions.Select(s => new GroupSessionDto(s.Id, s.Number, s.HeldOn, s.Content, s.Attendance.Count, s.Attendance.Select(a => a.RecipientId).ToList())).ToList(),
            sessions.Count, times, reqSessions?.Value, reqTimes?.Value, counts, reqSessions?.Source, g.Version);
    }

    public static async Task<GroupDto> Create(AppDbContext db, ProfileCatalog profiles, TimeProvider clock, ClaimsPrincipal user, GroupInput input, CancellationToken ct)
    {
        var errors = new Errors();
        var station = await StationRecords.Target(db, user.Scope(), input.StationId, errors, ct);
        var g = new Group { CreatedAt = clock.GetUtcNow().UtcDateTime };
        await Apply(db, clock, g, input, station?.Id, errors, isNew: true, ct);
        db.Add(g);
        await db.SaveChangesAsync(ct);
        return await Dto(db, profiles, g.Id, ct);
    }

    public static async Task<GroupDto> Update(AppDbContext db, ProfileCatalog profiles, TimeProvider clock, ClaimsPrincipal user, Guid id, GroupInput input, CancellationToken ct)
    {
        var g = await Load(db, user.Scope(), id, ct);
        Versions.Check(db, g, input.Version, "小组");
        await Apply(db, clock, g, input, g.StationId, new Errors(), isNew: false, ct);
        await db.SaveChangesAsync(ct);
        return await Dto(db, profiles, g.Id, ct);
    }

    private static async Task Apply(AppDbContext db, TimeProvider clock, Group g, GroupInput input, Guid? stationId, Errors errors, bool isNew, CancellationToken ct)
    {
        errors.Required("name", input.Name, "小组名称").MaxLength("name", input.Name, 100, "小组名称");
        errors.Required("purpose", input.Purpose, "小组目的").MaxLength("purpose", input.Purpose, 2000, "小组目的");
        var stage = input.Stage is null ? GroupStage.Preparation : GroupStages.FromApi(input.Stage);
        if (stage is null)
        {
            errors.Add("stage", "阶段应为筹备期、形成期、转折期、成熟期或结束期（" + string.Join("、", GroupStages.All.Select(GroupStages.ToApi)) + "）");
        }
        if (input.PlannedSessions is not (> 0 and <= 100))
        {
            errors.Add("plannedSessions", "请填写计划节数（1到100）");
        }
        var members = (input.MemberIds ?? []).Distinct().ToList();
        if (stationId is not null && members.Count > 0)
        {
            var rooms = db.Platforms.Where(p => p.Id == stationId || p.ParentId == stationId).Select(p => p.Id);
            var found = await db.Recipients.CountAsync(r => members.Contains(r.Id) && rooms.Contains(r.StationId), ct);
            if (found != members.Count)
            {
                errors.Add("memberIds", "有组员不在本站点登记");
            }
        }
        var started = input.StartedOn ?? ChinaTime.Today(clock);
        errors.ThrowIfAny();
        g.StationId = stationId!.Value;
        g.Name = input.Name!.Trim();
        g.Purpose = input.Purpose!.Trim();
        g.Stage = stage!.Value;
        g.PlannedSessions = input.PlannedSessions!.Value;
        g.StartedOn = started;
        if (input.MemberIds is not null)
        {
            var keep = g.Members.Where(m => members.Contains(m.RecipientId)).ToList();
            if (!isNew)
            {
                db.RemoveRange(g.Members.Except(keep));
            }
            g.Members = keep.Concat(members.Where(m => keep.All(k => k.RecipientId != m)).Select(m => new GroupMember { RecipientId = m })).ToList();
        }
    }

    public static async Task<GroupDto> AddSession(AppDbContext db, ProfileCatalog profiles, TimeProvider clock, ClaimsPrincipal user, Guid id, SessionInput input, CancellationToken ct)
    {
        var g = await Load(db, user.Scope(), id, ct);
        var errors = new Errors();
        errors.Required("content", input.Content, "本节内容").MaxLength("content", input.Content, 4000, "本节内容");
        if (input.HeldOn is null) errors.Add("heldOn", "请填写开展日期");
        else if (input.HeldOn > ChinaTime.Today(clock)) errors.Add("heldOn", "开展日期不能晚于今天");
        var attendees = (input.AttendeeIds ?? []).Distinct().ToList();
        if (attendees.Any(a => g.Members.All(m => m.RecipientId != a)))
        {
            errors.Add("attendeeIds", "出席者须是本小组的组员");
        }
        errors.ThrowIfAny();
        var number = await db.Set<GroupSession>().Where(s => s.GroupId == id).Select(s => (int?)s.Number).MaxAsync(ct) ?? 0;
        db.Add(new GroupSession
        {
            GroupId = id, StationId = g.StationId, Number = number + 1, HeldOn = input.HeldOn!.Value, Content = input.Content!.Trim(),
            CreatedAt = clock.GetUtcNow().UtcDateTime, Attendance = attendees.Select(a => new GroupAttendance { RecipientId = a }).ToList(),
        });
        db.Entry(g).Property(x => x.Version).IsModified = true;
        await db.SaveChangesAsync(ct);
        return await Dto(db, profiles, id, ct);
    }
}
