using SocialWorkStation.Web.Features.Stations;
using Microsoft.EntityFrameworkCore;
using SocialWorkStation.Domain.Names;
using SocialWorkStation.Web.Data;
using SocialWorkStation.Web.Features.Accounts;
using SocialWorkStation.Web.Features.Audit;
using SocialWorkStation.Web.Features.Workers;
using SocialWorkStation.Web.Infrastructure;

namespace SocialWorkStation.Web.Features.Recipients;

public sealed record AccessDto(DateTime At, string UserName, string Action, string? Note);

/// <summary>
/// One recipient: masked by default, every view written to the audit trail ("read"); a reveal needs the
/// permission and a reason and is written as "reveal" with that reason (docs/requirements/domain.md §8).
/// </summary>
public static class GetRecipient
{
    public const int MinReasonLength = 4;

    public static async Task<Recipient> Load(AppDbContext db, UserScope scope, Guid id, CancellationToken ct, bool tracking = false)
    {
        var q = db.Recipients.VisibleTo(db, scope).Include(r => r.Guardians).Include(r => r.Station).AsSplitQuery();
        if (!tracking)
        {
            q = q.AsNoTracking();
        }
        return await q.FirstOrDefaultAsync(r => r.Id == id, ct) ?? throw new NotFoundException("服务对象不存在或不在您的权限范围内");
    }

    public static async Task<RecipientDto> Handle(AppDbContext db, RecipientProtector protector, AuditLog audit, TimeProvider clock,
        System.Security.Claims.ClaimsPrincipal user, Guid id, CancellationToken ct)
    {
        var r = await Load(db, user.Scope(), id, ct);
        var dto = await ToDto(db, protector, clock, user.Scope(), r, reveal: false, ct);
        await audit.WriteAsync("read", nameof(Recipient), r.Id.ToString(), "查看详情（脱敏）", ct: ct);
        return dto;
    }

    public static async Task<RecipientDto> Reveal(AppDbContext db, RecipientProtector protector, AuditLog audit, TimeProvider clock,
        System.Security.Claims.ClaimsPrincipal user, Guid id, RevealInput input, CancellationToken ct)
    {
        var r = await Load(db, user.Scope(), id, ct);
        var reason = CheckReason(input.Reason);
        var dto = await ToDto(db, protector, clock, user.Scope(), r, reveal: true, ct);
        await audit.WriteAsync("reveal", nameof(Recipient), r.Id.ToString(), "查看完整信息，事由：" + reason, ct: ct);
        return dto;
    }

    /// <summary>
    /// The reason given for reading sensitive personal information (PIPL art. 28; docs/requirements/domain.md §8: every read
    /// logged with why), trimmed; 400 on the field "reason" when it is missing, too short or too long.
    /// </summary>
    public static string CheckReason(string? reason, string what = "完整信息")
    {
        var text = reason?.Trim() ?? "";
        if (text.Length < MinReasonLength)
        {
            throw RequestValidationException.For("reason", $"请说明查看{what}的事由（至少{MinReasonLength}个字），事由将记入审计日志");
        }
        if (text.Length > 200)
        {
            throw RequestValidationException.For("reason", "事由不能超过200个字");
        }
        return text;
    }

    public static async Task<RecipientDto> ToDto(AppDbContext db, RecipientProtector protector, TimeProvider clock, UserScope scope, Recipient r, bool reveal, CancellationToken ct)
    {
        var villageName = r.VillageCode is null ? null : await db.Regions.Where(x => x.Code == r.VillageCode).Select(x => x.Name).FirstOrDefaultAsync(ct);
        var household = new List<HouseholdMemberDto>();
        if (r.HouseholdId is { } hh)
        {
            var members = await db.Recipients.AsNoTracking().VisibleTo(db, scope).Where(o => o.HouseholdId == hh && o.Id != r.Id)
                .OrderBy(o => o.Relation).Select(o => new { o.Id, o.Name, o.Relation }).ToListAsync(ct);
            household.AddRange(members.Select(m => new HouseholdMemberDto(m.Id, reveal ? m.Name : Masking.Name(m.Name), RecipientNames.Api(m.Relation))));
        }
        // Other stations holding the same ID number. Inside the caller's scope they are named with a link, so the two
        // sides can talk; outside it the answer says only that the person is registered elsewhere and whom to ask
        // (the county bureau) — never which station or record (issue 17 item 4, docs/security.md "Data protection").
        var visible = db.Platforms.VisibleTo(scope).Select(p => p.Id);
        var duplicates = (await db.Recipients.AsNoTracking()
            .Where(o => o.IdNumberHash == r.IdNumberHash && o.Id != r.Id)
            .Select(o => new { o.Id, o.StationId, StationName = o.Station!.Name, Visible = visible.Contains(o.StationId) }).ToListAsync(ct))
            .Select(o => o.Visible ? new DuplicateDto(o.Id, o.StationId, o.StationName, false) : DuplicateDto.Elsewhere)
            .Distinct().ToList();
        var workerName = r.WorkerId is { } wid ? await db.Workers.AsNoTracking().VisibleTo(scope).Where(w => w.Id == wid).Select(w => w.Name).FirstOrDefaultAsync(ct) : null;
        return RecipientMapper.ToDto(r, protector, reveal, ChinaTime.Today(clock), r.Station?.Name, villageName, household, duplicates) with { WorkerName = workerName };
    }

    /// <summary>Who looked at, revealed, exported or changed this recipient: the recipient page's access history.</summary>
    public static async Task<Paged<AccessDto>> Access(AppDbContext db, UserScope scope, Guid id, PageRequest page, CancellationToken ct)
    {
        if (!await db.Recipients.VisibleTo(db, scope).AnyAsync(r => r.Id == id, ct))
        {
            throw new NotFoundException("服务对象不存在或不在您的权限范围内");
        }
        var key = id.ToString();
        return await db.AuditEntries.AsNoTracking()
            .Where(e => e.EntityType == nameof(Recipient) && e.EntityId == key)
            .OrderByDescending(e => e.Id)
            .Select(e => new AccessDto(e.At, e.UserName, e.Action, e.Note))
            .ToPageAsync(page, ct);
    }
}
