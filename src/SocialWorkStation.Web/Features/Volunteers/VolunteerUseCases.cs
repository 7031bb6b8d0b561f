using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using SocialWorkStation.Domain.IdNumbers;
using SocialWorkStation.Domain.Names;
using SocialWorkStation.Domain.Services;
using SocialWorkStation.Domain.Volunteers;
using SocialWorkStation.Web.Data;
using SocialWorkStation.Web.Features.Accounts;
using SocialWorkStation.Web.Features.Audit;
using SocialWorkStation.Web.Features.Profiles;
using SocialWorkStation.Web.Features.Stations;
using SocialWorkStation.Web.Infrastructure;

namespace SocialWorkStation.Web.Features.Volunteers;

/// <summary>Real-name registration of volunteers, the reveal of an ID number, and the yearly counts.</summary>
public static class VolunteerUseCases
{
    public static async Task<Paged<VolunteerDto>> List(AppDbContext db, UserScope scope, Guid? stationId, Guid? teamId, int? registeredYear, string? q, PageRequest page, CancellationToken ct)
    {
        var query = db.Set<Volunteer>().AsNoTracking().VisibleTo(db, scope);
        if (stationId is { } s) query = query.Where(v => v.StationId == s);
        if (teamId is { } t) query = query.Where(v => v.Teams.Any(m => m.TeamId == t));
        if (registeredYear is { } y)
        {
            var (from, to) = (new DateOnly(Math.Clamp(y, 2000, 2100), 1, 1), new DateOnly(Math.Clamp(y, 2000, 2100), 12, 31));
            query = query.Where(v => v.RegisteredOn >= from && v.RegisteredOn <= to);
        }
        if (StationRecords.Clean(q) is { } text)
        {
            // The ID tail is searchable (staff find a person by the last digits), the full number is never shown.
            // Stored encrypted: the last four by their keyed hash (docs/security.md).
            var tail = text.Length == 4 ? Volunteer.TailHashOf(db.Protector(), text) : null;
            query = query.Where(v => v.Name.Contains(text) || (tail != null && v.IdTailHash == tail) || (v.VolunteerNumber != null && v.VolunteerNumber == text));
        }
        var result = await WithRecord(query)
            .OrderByDescending(v => v.RegisteredOn).ThenBy(v => v.Name).ThenBy(v => v.Id).ToPageAsync(page, ct);
        return new Paged<VolunteerDto>(await ToDtos(db, result.Items, ct), result.Total, result.Page, result.PageSize);
    }

    public static async Task<Volunteer> Load(AppDbContext db, UserScope scope, Guid id, CancellationToken ct, bool tracking = false)
    {
        var q = WithRecord(db.Set<Volunteer>().VisibleTo(db, scope));
        if (!tracking) q = q.AsNoTracking();
        return await q.FirstOrDefaultAsync(v => v.Id == id, ct) ?? throw new NotFoundException("志愿者不存在或不在您的权限范围内");
    }

    /// <summary>The volunteer with the parts of the record a page or answer shows: teams, trainings, awards.</summary>
    private static IQueryable<Volunteer> WithRecord(IQueryable<Volunteer> q) =>
        q.Include(v => v.Teams).ThenInclude(m => m.Team).Include(v => v.Trainings).Include(v => v.Awards).AsSplitQuery();

    public static async Task<VolunteerDto> Get(AppDbContext db, UserScope scope, Guid id, CancellationToken ct) =>
        (await ToDtos(db, [await Load(db, scope, id, ct)], ct))[0];

    public static async Task<VolunteerDto> Create(AppDbContext db, TimeProvider clock, ClaimsPrincipal user, VolunteerInput input, CancellationToken ct)
    {
        var scope = user.Scope();
        var errors = new Errors();
        var station = await StationRecords.Target(db, scope, input.StationId, errors, ct);
        var v = new Volunteer { CreatedAt = clock.GetUtcNow().UtcDateTime, CreatedBy = user.Identity?.Name };
        await Apply(db, clock, input, station?.Id, errors, v, ct);
        v.StationId = station!.Id;
        db.Add(v);
        await db.SaveChangesAsync(ct);
        return await Get(db, scope, v.Id, ct);
    }

    public static async Task<VolunteerDto> Update(AppDbContext db, TimeProvider clock, ClaimsPrincipal user, Guid id, VolunteerInput input, CancellationToken ct)
    {
        var scope = user.Scope();
        var v = await Load(db, scope, id, ct, tracking: true);
        Versions.Check(db, v, input.Version, "志愿者信息");
        await Apply(db, clock, input, v.StationId, new Errors(), v, ct);
        await db.SaveChangesAsync(ct);
        return await Get(db, scope, v.Id, ct);
    }

    private static async Task Apply(AppDbContext db, TimeProvider clock, VolunteerInput input, Guid? stationId, Errors errors, Volunteer v, CancellationToken ct)
    {
        var today = ChinaTime.Today(clock);
        errors.Required("name", input.Name, "姓名").MaxLength("name", input.Name, 50, "姓名")
            .MaxLength("phone", input.Phone, 30, "联系电话").MaxLength("volunteerNumber", input.VolunteerNumber, 50, "志愿者编号")
            .MaxLength("skills", input.Skills, 200, "服务技能").MaxLength("notes", input.Notes, 1000, "备注");
        var registered = StationRecords.ParseDate(errors, "registeredOn", input.RegisteredOn ?? today.ToString("yyyy-MM-dd"), "登记日期", notAfter: today);
        var type = input.IdType is null ? IdentityDocumentType.ResidentId : IdentityDocuments.FromApi(input.IdType);
        string? number = null;
        IdNumber? resident = null;
        if (type is null)
        {
            errors.Add("idType", "证件类型应为 residentId、hongKongMacauPermit、taiwanPermit、passport 或 foreignerPermanentResidence");
        }
        else if (string.IsNullOrWhiteSpace(input.IdNumber))
        {
            errors.Add("idNumber", "请填写证件号码（志愿者须实名登记）");
        }
        else
        {
            number = IdentityDocuments.Validate(type.Value, input.IdNumber, today, out var error, out resident);
            if (number is null) errors.Add("idNumber", error!);
        }
        errors.ThrowIfAny();
        var hash = Volunteer.HashOf(db.Protector(), type!.Value, number!);
        if (await db.Set<Volunteer>().AnyAsync(x => x.StationId == stationId && x.IdType == type && x.IdNumberHash == hash && x.Id != v.Id, ct))
        {
            throw new ConflictException($"证件号码 {IdNumber.MaskBesideBirthDate(number)} 已在本站登记为志愿者，请在志愿者名册中查找，不要重复登记。");
        }
        v.Name = input.Name!.Trim();
        v.IdType = type!.Value;
        v.IdNumber = number!;
        v.Sex = resident?.Sex;
        v.BirthDate = resident?.BirthDate;
        // Answers show the phone masked: a form or client sending back what it read keeps the stored number.
        var phone = StationRecords.Clean(input.Phone);
        v.Phone = v.Phone is not null && phone == Masking.Phone(v.Phone) ? v.Phone : phone;
        v.VolunteerNumber = StationRecords.Clean(input.VolunteerNumber);
        v.RegisteredOn = registered!.Value;
        v.Skills = StationRecords.Clean(input.Skills);
        v.Notes = StationRecords.Clean(input.Notes);
    }

    /// <summary>The full ID number, for those whose role needs it, with a reason written to the audit trail.</summary>
    public static async Task<RevealDto> Reveal(AppDbContext db, AuditLog audit, UserScope scope, Guid id, RevealInput input, CancellationToken ct)
    {
        var v = await Load(db, scope, id, ct);
        var reason = StationRecords.Clean(input.Reason);
        if (reason is null || reason.Length > 200)
        {
            throw RequestValidationException.For("reason", "请说明查看完整证件号码的原因（不超过200字），将记入审计日志");
        }
        await audit.WriteAsync("reveal", nameof(Volunteer), v.Id.ToString(), "查看志愿者证件号码和联系电话：" + reason, ct: ct);
        return new RevealDto(v.Id, IdentityDocuments.ToApi(v.IdType), v.IdNumber, v.Phone);
    }

    /// <summary>New registrations of a year and the teams the station has at its end, against the profile (Qiongzhong: 30 and 1; Shenmu: 1 team).</summary>
    public static async Task<ProgressDto> Progress(AppDbContext db, ProfileCatalog profiles, TimeProvider clock, UserScope scope, Guid? stationId, int? year, CancellationToken ct)
    {
        var (from, to) = StationRecords.Year(year, clock);
        var station = await StationRecords.ForQuery(db, scope, stationId, ct);
        var standards = profiles.Find(station.ProfileKey)?.Standards;
        var registered = await db.Set<Volunteer>().CountAsync(v => v.StationId == station.Id && v.RegisteredOn >= from && v.RegisteredOn <= to, ct);
        var teams = await db.Set<VolunteerTeam>().AsNoTracking().Where(t => t.StationId == station.Id)
            .Select(t => new { t.FoundedOn, t.DisbandedOn }).ToListAsync(ct);
        var active = teams.Count(t => StationStandards.TeamActiveOn(t.FoundedOn, t.DisbandedOn, to));
        return ProgressDto.Of(station, from, to, [StationStandards.NewVolunteers(registered, standards), StationStandards.VolunteerTeams(active, standards)]);
    }

    public static async Task<List<VolunteerDto>> ToDtos(AppDbContext db, IReadOnlyList<Volunteer> items, CancellationToken ct)
    {
        var stations = await StationRecords.Stations(db, items.Select(v => v.StationId), ct);
        var ids = items.Select(v => v.Id).ToList();
        var totals = (await db.Set<VolunteerService>().AsNoTracking().Where(s => ids.Contains(s.VolunteerId))
                .GroupBy(s => s.VolunteerId).Select(g => new { g.Key, Minutes = g.Sum(s => s.Minutes), Count = g.Count() }).ToListAsync(ct))
            .ToDictionary(x => x.Key);
        return items.Select(v =>
        {
            var t = totals.GetValueOrDefault(v.Id);
            return new VolunteerDto(v.Id, v.StationId, stations.GetValueOrDefault(v.StationId)?.Name, v.Name, IdentityDocuments.ToApi(v.IdType),
                IdNumber.MaskBesideBirthDate(v.IdNumber), v.Sex is { } sex ? (sex == Sex.Male ? "male" : "female") : null, v.BirthDate?.ToString("yyyy-MM-dd"),
                Masking.Phone(v.Phone), v.VolunteerNumber, v.RegisteredOn.ToString("yyyy-MM-dd"), v.Skills, v.Notes,
                v.Teams.Where(m => m.Team is not null).Select(m => new TeamRefDto(m.TeamId, m.Team!.Name)).ToList(),
                VolunteerHours.ToHours(t?.Minutes ?? 0), t?.Count ?? 0, v.CreatedBy, v.CreatedAt, v.Version,
                v.Trainings.OrderByDescending(x => x.Date).ThenByDescending(x => x.CreatedAt).Select(TrainingAwardUseCases.ToDto).ToList(),
                v.Trainings.Sum(x => x.Hours), v.Awards.OrderByDescending(x => x.Date).ThenByDescending(x => x.CreatedAt).Select(TrainingAwardUseCases.ToDto).ToList());
        }).ToList();
    }
}
