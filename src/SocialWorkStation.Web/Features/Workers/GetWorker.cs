using Microsoft.EntityFrameworkCore;
using SocialWorkStation.Domain.Common;
using SocialWorkStation.Domain.Platforms;
using SocialWorkStation.Domain.Regions;
using SocialWorkStation.Domain.Staff;
using SocialWorkStation.Web.Data;
using SocialWorkStation.Web.Features.Accounts;
using SocialWorkStation.Web.Features.Audit;
using SocialWorkStation.Web.Features.Profiles;
using SocialWorkStation.Web.Features.Stations;
using SocialWorkStation.Web.Infrastructure;

namespace SocialWorkStation.Web.Features.Workers;

/// <summary>One worker, their compliance on a date, and the revealed ID number.</summary>
public static class GetWorker
{
    /// <summary>One worker inside the caller's scope with everything the rules need; anything else is 404.</summary>
    public static async Task<Worker> Load(AppDbContext db, UserScope scope, Guid id, CancellationToken ct, bool tracking = false)
    {
        var q = db.Workers.VisibleTo(scope).Include(w => w.Platform).Include(w => w.Certificates).Include(w => w.Trainings)
            .Include(w => w.ContactVillages).AsSplitQuery();
        if (!tracking)
        {
            q = q.AsNoTracking();
        }
        return await q.FirstOrDefaultAsync(w => w.Id == id, ct) ?? throw new NotFoundException("社工不存在或不在您的权限范围内");
    }

    public static async Task<WorkerDto> Handle(AppDbContext db, ProfileCatalog profiles, TimeProvider clock, UserScope scope, Guid id, CancellationToken ct)
    {
        var w = await Load(db, scope, id, ct);
        var today = ChinaTime.Today(clock);
        var codes = w.ContactVillages.Select(v => v.VillageCode).ToList();
        var names = codes.Count == 0
            ? new Dictionary<string, string>()
            : await db.Regions.AsNoTracking().Where(r => codes.Contains(r.Code)).ToDictionaryAsync(r => r.Code, r => r.Name, ct);
        return WorkerDto.From(w, today, Badge(profiles, w, today), names);
    }

    /// <summary>The worker checked against the profile of their platform on a date (docs/requirements/api.md compliance answer).</summary>
    public static async Task<ComplianceDto> Compliance(AppDbContext db, ProfileCatalog profiles, UserScope scope, Guid id, DateOnly date, CancellationToken ct)
    {
        var w = await Load(db, scope, id, ct);
        var findings = Check(profiles, w, date);
        return new ComplianceDto(Findings.Compliant(findings), date.ToString("yyyy-MM-dd"), findings.Select(FindingDto.From).ToList());
    }

    public static IReadOnlyList<Finding> Check(ProfileCatalog profiles, Worker w, DateOnly date)
    {
        var profile = profiles.Find(w.Platform!.ProfileKey) ?? throw new NotFoundException("站点的政策方案不存在");
        return StaffCheck.Worker(profile, w.ToFacts(w.Platform.Kind), date);
    }

    public static ComplianceBadge? Badge(ProfileCatalog profiles, Worker w, DateOnly date)
    {
        if (w.Platform is null || profiles.Find(w.Platform.ProfileKey) is null)
        {
            return null;
        }
        var findings = Check(profiles, w, date);
        return new ComplianceBadge(Findings.Compliant(findings),
            findings.Count(f => !f.Passed && f.Severity == Severity.Error),
            findings.Count(f => !f.Passed && f.Severity == Severity.Warning));
    }

    /// <summary>The full ID number for someone whose role needs it; the reason is written to the audit trail.</summary>
    public static async Task<RevealDto> Reveal(AppDbContext db, AuditLog audit, UserScope scope, Guid id, RevealInput input, CancellationToken ct)
    {
        // Out of scope is 404 whatever was sent, so nothing is learnt about records one may not see.
        var w = await db.Workers.AsNoTracking().VisibleTo(scope).Where(x => x.Id == id).FirstOrDefaultAsync(ct)
            ?? throw new NotFoundException("社工不存在或不在您的权限范围内");
        var reason = input.Reason?.Trim();
        if (string.IsNullOrEmpty(reason) || reason.Length < 2)
        {
            throw RequestValidationException.For("reason", "请填写查看完整身份证号码的原因（至少2个字）");
        }
        if (reason.Length > 200)
        {
            throw RequestValidationException.For("reason", "原因不能超过200个字");
        }
        await audit.WriteAsync("reveal", nameof(Worker), id.ToString(), "查看完整身份证号码：" + reason, ct: ct);
        return new RevealDto(w.IdNumber);
    }

    /// <summary>The station a worker may be registered at, if the caller can see it, and the villages of its township.</summary>
    public static async Task<WorkerContext> Context(AppDbContext db, UserScope scope, Guid? stationId, DateOnly today, CancellationToken ct)
    {
        var station = stationId is { } sid ? await db.Platforms.AsNoTracking().VisibleTo(scope).FirstOrDefaultAsync(p => p.Id == sid, ct) : null;
        var villages = station is { Kind: PlatformKind.Station }
            ? await db.Regions.AsNoTracking().Where(r => r.ParentCode == station.RegionCode && r.Level == RegionLevel.Village)
                .OrderBy(r => r.Code).ToDictionaryAsync(r => r.Code, r => r.Name, ct)
            : new Dictionary<string, string>();
        return new WorkerContext(station, villages, today);
    }
}
