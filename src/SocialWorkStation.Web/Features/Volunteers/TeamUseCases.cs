using Microsoft.EntityFrameworkCore;
using SocialWorkStation.Domain.IdNumbers;
using SocialWorkStation.Domain.Names;
using SocialWorkStation.Domain.Services;
using SocialWorkStation.Web.Data;
using SocialWorkStation.Web.Features.Accounts;
using SocialWorkStation.Web.Features.Stations;
using SocialWorkStation.Web.Infrastructure;

namespace SocialWorkStation.Web.Features.Volunteers;

/// <summary>Volunteer teams (志愿服务队) and their members.</summary>
public static class TeamUseCases
{
    public static async Task<Paged<VolunteerTeamDto>> List(AppDbContext db, TimeProvider clock, UserScope scope, Guid? stationId, PageRequest page, CancellationToken ct)
    {
        var q = db.Set<VolunteerTeam>().AsNoTracking().VisibleTo(db, scope);
        if (stationId is { } s) q = q.Where(t => t.StationId == s);
        var result = await q.Include(t => t.Members).ThenInclude(m => m.Volunteer).AsSplitQuery()
            .OrderBy(t => t.StationId).ThenBy(t => t.Name).ToPageAsync(page, ct);
        return new Paged<VolunteerTeamDto>(await ToDtos(db, clock, result.Items, ct), result.Total, result.Page, result.PageSize);
    }

    public static async Task<VolunteerTeam> Load(AppDbContext db, UserScope scope, Guid id, CancellationToken ct, bool tracking = false)
    {
        var q = db.Set<VolunteerTeam>().VisibleTo(db, scope).Include(t => t.Members).ThenInclude(m => m.Volunteer).AsSplitQuery();
        if (!tracking) q = q.AsNoTracking();
        return await q.FirstOrDefaultAsync(t => t.Id == id, ct) ?? throw new NotFoundException("志愿服务队不存在或不在您的权限范围内");
    }

    public static async Task<VolunteerTeamDto> Get(AppDbContext db, TimeProvider clock, UserScope scope, Guid id, CancellationToken ct) =>
        (await ToDtos(db, clock, [await Load(db, scope, id, ct)], ct))[0];

    public static async Task<VolunteerTeamDto> Create(AppDbContext db, TimeProvider clock, System.Security.Claims.ClaimsPrincipal user, VolunteerTeamInput input, CancellationToken ct)
    {
        var scope = user.Scope();
        var errors = new Errors();
        var station = await StationRecords.Target(db, scope, input.StationId, errors, ct);
        var t = new VolunteerTeam { CreatedAt = clock.GetUtcNow().UtcDateTime };
        await Apply(db, clock, input, station?.Id, errors, t, ct);
        t.StationId = station!.Id;
        db.Add(t);
        await db.SaveChangesAsync(ct);
        return await Get(db, clock, scope, t.Id, ct);
    }

    public static async Task<VolunteerTeamDto> Update(AppDbContext db, TimeProvider clock, System.Security.Claims.ClaimsPrincipal user, Guid id, VolunteerTeamInput input, CancellationToken ct)
    {
        var scope = user.Scope();
        var t = await Load(db, scope, id, ct, tracking: true);
        Versions.Check(db, t, input.Version, "志愿服务队");
        await Apply(db, clock, input, t.StationId, new Errors(), t, ct);
        await db.SaveChangesAsync(ct);
        return await Get(db, clock, scope, t.Id, ct);
    }

    private static async Task Apply(AppDbContext db, TimeProvider clock, VolunteerTeamInput input, Guid? stationId, Errors errors, VolunteerTeam t, CancellationToken ct)
    {
        var today = ChinaTime.Today(clock);
        errors.Required("name", input.Name, "服务队名称").MaxLength("name", input.Name, 100, "服务队名称")
            .MaxLength("leader", input.Leader, 50, "队长").MaxLength("leaderPhone", input.LeaderPhone, 30, "队长电话")
            .MaxLength("serviceArea", input.ServiceArea, 200, "服务领域").MaxLength("teamNumber", input.TeamNumber, 50, "团体编号");
        var founded = StationRecords.ParseDate(errors, "foundedOn", input.FoundedOn, "成立日期", notAfter: today);
        var disbanded = StationRecords.ParseDate(errors, "disbandedOn", input.DisbandedOn, "解散日期", required: false);
        if (founded is { } f && disbanded is { } d && d <= f) errors.Add("disbandedOn", "解散日期应晚于成立日期");
        var ids = (input.MemberIds ?? []).Distinct().ToList();
        if (ids.Count > 0 && stationId is { } s)
        {
            var found = await db.Set<Volunteer>().Where(v => ids.Contains(v.Id) && v.StationId == s).Select(v => v.Id).ToListAsync(ct);
            if (found.Count != ids.Count) errors.Add("memberIds", "队员须是本站登记的志愿者");
        }
        errors.ThrowIfAny();
        t.Name = input.Name!.Trim();
        t.FoundedOn = founded!.Value;
        t.DisbandedOn = disbanded;
        t.Leader = StationRecords.Clean(input.Leader);
        // Answers show the phone masked: a form or client sending back what it read keeps the stored number.
        var phone = StationRecords.Clean(input.LeaderPhone);
        t.LeaderPhone = t.LeaderPhone is not null && phone == Masking.Phone(t.LeaderPhone) ? t.LeaderPhone : phone;
        t.ServiceArea = StationRecords.Clean(input.ServiceArea);
        t.TeamNumber = StationRecords.Clean(input.TeamNumber);
        t.Members.RemoveAll(m => !ids.Contains(m.VolunteerId));
        t.Members.AddRange(ids.Where(i => t.Members.All(m => m.VolunteerId != i)).Select(i => new VolunteerTeamMember { TeamId = t.Id, VolunteerId = i }));
    }

    private static async Task<List<VolunteerTeamDto>> ToDtos(AppDbContext db, TimeProvider clock, IReadOnlyList<VolunteerTeam> items, CancellationToken ct)
    {
        var stations = await StationRecords.Stations(db, items.Select(t => t.StationId), ct);
        var today = ChinaTime.Today(clock);
        return items.Select(t => new VolunteerTeamDto(t.Id, t.StationId, stations.GetValueOrDefault(t.StationId)?.Name, t.Name,
            t.FoundedOn.ToString("yyyy-MM-dd"), t.DisbandedOn?.ToString("yyyy-MM-dd"), t.Leader, Masking.Phone(t.LeaderPhone) is { Length: > 0 } masked ? masked : null, t.ServiceArea, t.TeamNumber,
            StationStandards.TeamActiveOn(t.FoundedOn, t.DisbandedOn, today),
            t.Members.Where(m => m.Volunteer is not null).OrderBy(m => m.Volunteer!.Name)
                .Select(m => new TeamMemberDto(m.VolunteerId, m.Volunteer!.Name, IdNumber.MaskBesideBirthDate(m.Volunteer.IdNumber))).ToList(),
            t.CreatedAt, t.Version)).ToList();
    }
}
