using System.Globalization;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using SocialWorkStation.Web.Data;
using SocialWorkStation.Web.Features.Accounts;
using SocialWorkStation.Web.Features.Stations;
using SocialWorkStation.Web.Infrastructure;

namespace SocialWorkStation.Web.Features.Volunteers;

/// <summary>
/// The training (培训情况) and award (表彰奖励情况) parts of a volunteer's record, which order No. 67 art. 4 asks a
/// volunteer service record to hold beside the personal information and the services. Entries are added and, when
/// wrong, removed (the audit trail keeps what they said); the volunteer's scope decides who may see or change them.
/// </summary>
public static class TrainingAwardUseCases
{
    public const string Source = "民政部令第67号《志愿服务记录与证明出具办法（试行）》第四条：志愿服务记录包括个人基本信息、志愿服务情况、培训情况、表彰奖励情况和评价情况";

    public static async Task<VolunteerDto> AddTraining(AppDbContext db, TimeProvider clock, ClaimsPrincipal user, Guid volunteerId, VolunteerTrainingInput input, CancellationToken ct)
    {
        var v = await VolunteerUseCases.Load(db, user.Scope(), volunteerId, ct, tracking: true);
        var errors = new Errors();
        var date = StationRecords.ParseDate(errors, "date", input.Date, "培训日期", notAfter: ChinaTime.Today(clock));
        errors.Required("name", input.Name, "培训名称或内容").MaxLength("name", input.Name, 100, "培训名称或内容")
            .MaxLength("organiser", input.Organiser, 100, "组织单位");
        if (input.Hours is not { } hours) errors.Add("hours", "请填写培训学时");
        else if (hours <= 0 || hours > 1000 || decimal.Round(hours, 1) != hours) errors.Add("hours", "培训学时应大于0、不超过1000，最多一位小数");
        errors.ThrowIfAny();
        v.Trainings.Add(new VolunteerTraining
        {
            Date = date!.Value, Name = input.Name!.Trim(), Hours = input.Hours!.Value, Organiser = StationRecords.Clean(input.Organiser),
            CreatedAt = clock.GetUtcNow().UtcDateTime, CreatedBy = user.Identity?.Name,
        });
        return await Save(db, user, v, ct);
    }

    public static async Task<VolunteerDto> AddAward(AppDbContext db, TimeProvider clock, ClaimsPrincipal user, Guid volunteerId, VolunteerAwardInput input, CancellationToken ct)
    {
        var v = await VolunteerUseCases.Load(db, user.Scope(), volunteerId, ct, tracking: true);
        var errors = new Errors();
        var date = StationRecords.ParseDate(errors, "date", input.Date, "表彰日期", notAfter: ChinaTime.Today(clock));
        errors.Required("name", input.Name, "表彰奖励名称").MaxLength("name", input.Name, 100, "表彰奖励名称")
            .Required("grantor", input.Grantor, "授予单位").MaxLength("grantor", input.Grantor, 100, "授予单位");
        errors.ThrowIfAny();
        v.Awards.Add(new VolunteerAward
        {
            Date = date!.Value, Name = input.Name!.Trim(), Grantor = input.Grantor!.Trim(), CreatedAt = clock.GetUtcNow().UtcDateTime, CreatedBy = user.Identity?.Name,
        });
        return await Save(db, user, v, ct);
    }

    public static Task RemoveTraining(AppDbContext db, ClaimsPrincipal user, Guid volunteerId, Guid trainingId, CancellationToken ct) =>
        Remove(db, user, volunteerId, v => v.Trainings, t => t.Id == trainingId, ct);

    public static Task RemoveAward(AppDbContext db, ClaimsPrincipal user, Guid volunteerId, Guid awardId, CancellationToken ct) =>
        Remove(db, user, volunteerId, v => v.Awards, a => a.Id == awardId, ct);

    /// <summary>Removes a wrong entry; removing one already gone answers the same (DELETE is idempotent).</summary>
    private static async Task Remove<T>(AppDbContext db, ClaimsPrincipal user, Guid volunteerId, Func<Volunteer, List<T>> part, Predicate<T> match, CancellationToken ct)
    {
        var v = await VolunteerUseCases.Load(db, user.Scope(), volunteerId, ct, tracking: true);
        if (part(v).Find(match) is { } entry)
        {
            part(v).Remove(entry);
            await Save(db, user, v, ct);
        }
    }

    /// <summary>A change to a part of the record is a change to the volunteer: its version moves on.</summary>
    private static async Task<VolunteerDto> Save(AppDbContext db, ClaimsPrincipal user, Volunteer v, CancellationToken ct)
    {
        db.Entry(v).Property(x => x.Version).IsModified = true;
        await db.SaveChangesAsync(ct);
        return await VolunteerUseCases.Get(db, user.Scope(), v.Id, ct);
    }

    public static VolunteerTrainingDto ToDto(VolunteerTraining t) =>
        new(t.Id, t.Date.ToString("yyyy-MM-dd"), t.Name, t.Hours, t.Organiser, t.CreatedBy);

    public static VolunteerAwardDto ToDto(VolunteerAward a) => new(a.Id, a.Date.ToString("yyyy-MM-dd"), a.Name, a.Grantor, a.CreatedBy);

    /// <summary>One line a training, for a proof's other matters and the export: 2026-03-01 助老技能培训（4学时，县志愿者协会）.</summary>
    public static string Line(VolunteerTraining t) =>
        $"{t.Date:yyyy-MM-dd} {t.Name}（{t.Hours.ToString("0.#", CultureInfo.InvariantCulture)}学时{(t.Organiser is null ? "" : "，" + t.Organiser)}）";

    public static string Line(VolunteerAward a) => $"{a.Date:yyyy-MM-dd} {a.Name}（{a.Grantor}）";
}
