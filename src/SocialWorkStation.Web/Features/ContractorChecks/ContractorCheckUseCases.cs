using System.Globalization;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using SocialWorkStation.Domain.Platforms;
using SocialWorkStation.Domain.Services;
using SocialWorkStation.Web.Data;
using SocialWorkStation.Web.Features.Accounts;
using SocialWorkStation.Web.Features.Attachments;
using SocialWorkStation.Web.Features.Profiles;
using SocialWorkStation.Web.Features.Stations;
using SocialWorkStation.Web.Infrastructure;

namespace SocialWorkStation.Web.Features.ContractorChecks;

/// <summary>Recording, correcting, removing, listing and counting the project manager's station checks.</summary>
public static class ContractorCheckUseCases
{
    public const string OwnerType = "contractorCheck";
    private const string Label = "检查记录";

    /// <summary>List filters: a station, a calendar month (YYYY-MM) and/or a year.</summary>
    public sealed record Query(Guid? StationId = null, string? Month = null, int? Year = null);

    /// <summary>The checks matching the filters inside the scope, filtered in SQL; 400 naming the field for a bad month or year.</summary>
    public static IQueryable<ContractorCheck> Filter(AppDbContext db, UserScope scope, Query query)
    {
        var errors = new Errors();
        DateOnly? monthStart = null;
        if (StationRecords.Clean(query.Month) is { } m)
        {
            if (DateOnly.TryParseExact(m + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed) && parsed.Year is >= 2000 and <= 2100)
            {
                monthStart = parsed;
            }
            else
            {
                errors.Add("month", "月份格式应为 YYYY-MM（如 2026-03），年份在2000到2100之间");
            }
        }
        if (query.Year is < 2000 or > 2100)
        {
            errors.Add("year", "年份应在2000到2100之间");
        }
        errors.ThrowIfAny();
        var q = db.Set<ContractorCheck>().AsNoTracking().VisibleTo(db, scope);
        if (query.StationId is { } s) q = q.Where(c => c.StationId == s);
        if (monthStart is { } first)
        {
            var last = first.AddMonths(1).AddDays(-1);
            q = q.Where(c => c.CheckedOn >= first && c.CheckedOn <= last);
        }
        if (query.Year is { } y)
        {
            var (from, to) = (new DateOnly(y, 1, 1), new DateOnly(y, 12, 31));
            q = q.Where(c => c.CheckedOn >= from && c.CheckedOn <= to);
        }
        return q;
    }

    public static async Task<Paged<ContractorCheckDto>> List(AppDbContext db, UserScope scope, Query query, PageRequest page, CancellationToken ct)
    {
        var result = await Filter(db, scope, query).OrderByDescending(c => c.CheckedOn).ThenByDescending(c => c.Id).ToPageAsync(page, ct);
        return new Paged<ContractorCheckDto>(await ToDtos(db, result.Items, withDetails: false, ct), result.Total, result.Page, result.PageSize);
    }

    public static async Task<ContractorCheck> Load(AppDbContext db, UserScope scope, Guid id, CancellationToken ct, bool tracking = false)
    {
        var q = db.Set<ContractorCheck>().VisibleTo(db, scope);
        if (!tracking) q = q.AsNoTracking();
        return await q.FirstOrDefaultAsync(c => c.Id == id, ct) ?? throw new NotFoundException("检查记录不存在或不在您的权限范围内");
    }

    public static async Task<ContractorCheckDto> Get(AppDbContext db, UserScope scope, Guid id, CancellationToken ct) =>
        (await ToDtos(db, [await Load(db, scope, id, ct)], withDetails: true, ct))[0];

    public static async Task<ContractorCheckDto> Create(AppDbContext db, TimeProvider clock, ClaimsPrincipal user, ContractorCheckInput input, CancellationToken ct)
    {
        var scope = user.Scope();
        var errors = new Errors();
        var station = await StationRecords.Target(db, scope, input.StationId, errors, ct);
        if (station is not null && station.Kind != PlatformKind.Station)
        {
            // Qiongzhong asks for a check of every 工作站: the township stations, not the county centre or a village room.
            errors.Add("stationId", "项目经理检查指导的对象应为乡镇（街道）社工站");
        }
        var c = new ContractorCheck { CreatedAt = clock.GetUtcNow().UtcDateTime };
        Apply(clock, input, errors, c);
        c.StationId = station!.Id;
        db.Add(c);
        await db.SaveChangesAsync(ct);
        return await Get(db, scope, c.Id, ct);
    }

    public static async Task<ContractorCheckDto> Update(AppDbContext db, TimeProvider clock, ClaimsPrincipal user, Guid id, ContractorCheckInput input, CancellationToken ct)
    {
        var scope = user.Scope();
        var c = await Load(db, scope, id, ct, tracking: true);
        Versions.Check(db, c, input.Version, Label);
        Apply(clock, input, new Errors(), c);
        await db.SaveChangesAsync(ct);
        return await Get(db, scope, c.Id, ct);
    }

    /// <summary>
    /// Removes a check recorded in error; the version read is required (409 when stale) so a check corrected
    /// by someone else is not removed unseen. Its attachments go with it (rows kept and marked, files removed).
    /// </summary>
    public static async Task Delete(AppDbContext db, AttachmentStore store, TimeProvider clock, ClaimsPrincipal user, Guid id, int? version, CancellationToken ct)
    {
        var c = await Load(db, user.Scope(), id, ct, tracking: true);
        Versions.Check(db, c, version, Label);
        var attachments = await db.Set<Attachment>().Where(a => a.OwnerType == OwnerType && a.OwnerId == id && a.DeletedAt == null).ToListAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var a in attachments)
        {
            a.DeletedAt = now;
            a.DeletedByName = user.Identity?.Name;
        }
        db.Remove(c);
        await db.SaveChangesAsync(ct);
        foreach (var a in attachments)
        {
            store.Delete(a.StorageKey);
        }
    }

    /// <summary>Checks every field (all problems at once, by JSON field name) and applies them.</summary>
    private static void Apply(TimeProvider clock, ContractorCheckInput input, Errors errors, ContractorCheck c)
    {
        var date = StationRecords.ParseDate(errors, "checkedOn", input.CheckedOn, "检查日期", notAfter: ChinaTime.Today(clock));
        errors.Required("checkedBy", input.CheckedBy, "检查人（项目经理）").MaxLength("checkedBy", input.CheckedBy?.Trim(), ContractorCheckLimits.CheckedBy, "检查人")
            .Required("findings", input.Findings, "检查内容与发现").MaxLength("findings", input.Findings?.Trim(), ContractorCheckLimits.Findings, "检查内容与发现")
            .MaxLength("guidance", input.Guidance?.Trim(), ContractorCheckLimits.Guidance, "指导意见")
            .MaxLength("followUp", input.FollowUp?.Trim(), ContractorCheckLimits.FollowUp, "跟进事项");
        errors.ThrowIfAny();
        c.CheckedOn = date!.Value;
        c.CheckedBy = input.CheckedBy!.Trim();
        c.Findings = input.Findings!.Trim();
        c.Guidance = StationRecords.Clean(input.Guidance);
        c.FollowUp = StationRecords.Clean(input.FollowUp);
    }

    /// <summary>
    /// Per township station in scope (or the one named: 404 outside), the year's months with a check against the
    /// months elapsed, by the station's profile (Qiongzhong: at least one a month). Stations ordered by region code.
    /// </summary>
    public static async Task<Paged<StationCheckCoverageDto>> Coverage(AppDbContext db, ProfileCatalog profiles, TimeProvider clock, UserScope scope,
        Guid? stationId, int? year, PageRequest page, CancellationToken ct)
    {
        var (from, to) = StationRecords.Year(year, clock);
        var stations = db.Platforms.AsNoTracking().VisibleTo(scope).Where(p => p.Kind == PlatformKind.Station);
        if (stationId is { } id)
        {
            var named = await StationRecords.ForQuery(db, scope, id, ct);
            stations = stations.Where(p => p.Id == named.Id);
        }
        var result = await stations.OrderBy(p => p.RegionCode).ThenBy(p => p.Name).ToPageAsync(page, ct);
        var ids = result.Items.Select(p => p.Id).ToList();
        var dates = (await db.Set<ContractorCheck>().AsNoTracking()
                .Where(c => ids.Contains(c.StationId) && c.CheckedOn >= from && c.CheckedOn <= to)
                .Select(c => new { c.StationId, c.CheckedOn }).ToListAsync(ct))
            .ToLookup(c => c.StationId, c => c.CheckedOn);
        var today = ChinaTime.Today(clock);
        var items = result.Items.Select(p => StationCheckCoverageDto.From(p,
            ContractorCheckRules.Coverage(from.Year, today, dates[p.Id], profiles.Find(p.ProfileKey)?.Standards?.ContractorChecksPerMonth))).ToList();
        return new Paged<StationCheckCoverageDto>(items, result.Total, result.Page, result.PageSize);
    }

    private static async Task<List<ContractorCheckDto>> ToDtos(AppDbContext db, IReadOnlyList<ContractorCheck> items, bool withDetails, CancellationToken ct)
    {
        var stations = await StationRecords.Stations(db, items.Select(c => c.StationId), ct);
        var attachments = withDetails ? await AttachmentUseCases.ForOwners(db, OwnerType, items.Select(c => c.Id).ToList(), ct) : [];
        return items.Select(c => new ContractorCheckDto(c.Id, c.StationId, stations.GetValueOrDefault(c.StationId)?.Name, c.CheckedOn.ToString("yyyy-MM-dd"),
            c.CheckedBy, c.Findings, c.Guidance, c.FollowUp, attachments.GetValueOrDefault(c.Id) ?? [], c.CreatedAt, c.Version)).ToList();
    }
}
