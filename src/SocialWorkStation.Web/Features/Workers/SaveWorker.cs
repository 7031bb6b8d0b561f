using Microsoft.EntityFrameworkCore;
using SocialWorkStation.Domain.Staff;
using SocialWorkStation.Web.Data;
using SocialWorkStation.Web.Features.Accounts;
using SocialWorkStation.Web.Features.Profiles;
using SocialWorkStation.Web.Features.Stations;
using SocialWorkStation.Web.Infrastructure;

namespace SocialWorkStation.Web.Features.Workers;

/// <summary>
/// Registers or updates a worker. Validation names the JSON field; an update carries the version it read
/// (409 when stale). One person is registered once while at work: a second active record with the same
/// ID number is refused.
/// </summary>
public static class SaveWorker
{
    public static async Task<WorkerDto> Create(AppDbContext db, ProfileCatalog profiles, TimeProvider clock, UserScope scope, WorkerInput input, CancellationToken ct)
    {
        var today = ChinaTime.Today(clock);
        var valid = await ValidateAsync(db, scope, today, input, null, ct);
        var w = new Worker { CreatedAt = clock.GetUtcNow().UtcDateTime };
        valid.ApplyTo(w);
        db.Workers.Add(w);
        await db.SaveChangesAsync(ct);
        return await GetWorker.Handle(db, profiles, clock, scope, w.Id, ct);
    }

    public static async Task<WorkerDto> Update(AppDbContext db, ProfileCatalog profiles, TimeProvider clock, UserScope scope, Guid id, WorkerInput input, CancellationToken ct)
    {
        var w = await GetWorker.Load(db, scope, id, ct, tracking: true);
        if (input.Version is null)
        {
            throw RequestValidationException.For("version", "请提供读取时的版本号 version");
        }
        var today = ChinaTime.Today(clock);
        var valid = await ValidateAsync(db, scope, today, input, w, ct);
        Versions.Check(db, w, input.Version, "社工信息");
        valid.ApplyTo(w);
        await db.SaveChangesAsync(ct);
        return await GetWorker.Handle(db, profiles, clock, scope, w.Id, ct);
    }

    /// <summary>Field checks plus the ones that need the database (scope of the station, duplicates).</summary>
    public static async Task<ValidWorker> ValidateAsync(AppDbContext db, UserScope scope, DateOnly today, WorkerInput input, Worker? existing, CancellationToken ct, bool checkDuplicate = true)
    {
        var errors = new FieldErrors();
        var ctx = await GetWorker.Context(db, scope, input.StationId, today, ct);
        var valid = WorkerValidation.Validate(input, ctx, errors, existing);
        if (valid is not null && checkDuplicate && await ActiveDuplicateExists(db, valid.IdNumber, existing?.Id, today, ct))
        {
            errors.Add("idNumber", "该身份证号码已登记为在岗人员，请勿重复登记（如已调站，请修改原记录的所属站点）");
        }
        errors.ThrowIfAny();
        return valid!;
    }

    private static Task<bool> ActiveDuplicateExists(AppDbContext db, string idNumber, Guid? except, DateOnly today, CancellationToken ct)
    {
        var hash = Worker.HashOf(db.Protector(), idNumber);
        return db.Workers.AnyAsync(w => w.IdNumberHash == hash && w.Id != except && (w.LeftOn == null || w.LeftOn > today), ct);
    }

    /// <summary>A candidate checked before hiring against the profile of the chosen station; nothing is saved.</summary>
    public static async Task<HiringCheckDto> HiringCheck(AppDbContext db, ProfileCatalog profiles, TimeProvider clock, UserScope scope, WorkerInput input, CancellationToken ct)
    {
        var today = ChinaTime.Today(clock);
        var valid = await ValidateAsync(db, scope, today, input, null, ct, checkDuplicate: false);
        var profile = profiles.Find(valid.Station.ProfileKey) ?? throw new NotFoundException("站点的政策方案不存在");
        var result = StaffCheck.Hiring(profile, valid.ToFacts());
        return new HiringCheckDto(result.Compliant, valid.HireDate.ToString("yyyy-MM-dd"),
            result.Findings.Select(FindingDto.From).ToList(),
            result.Hints.Select(h => new HintDto(StaffNames.Api(h.Priority), h.Met, h.Message, h.Source)).ToList());
    }
}
