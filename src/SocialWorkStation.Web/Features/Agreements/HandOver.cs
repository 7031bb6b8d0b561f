using System.Security.Claims;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;
using SocialWorkStation.Domain.Agreements;
using SocialWorkStation.Domain.Cases;
using SocialWorkStation.Domain.Groups;
using SocialWorkStation.Web.Data;
using SocialWorkStation.Web.Features.Accounts;
using SocialWorkStation.Web.Features.Audit;
using SocialWorkStation.Web.Features.Organisations;
using SocialWorkStation.Web.Features.Profiles;
using SocialWorkStation.Web.Features.Stations;
using SocialWorkStation.Web.Infrastructure;

namespace SocialWorkStation.Web.Features.Agreements;

/// <param name="IncomingOrganisationId">The incoming contractor (承接机构).</param>
/// <param name="HandoverDay">The hand-over day (yyyy-MM-dd): today or earlier, not before the outgoing agreement's term starts.</param>
/// <param name="Version">The station's version read (409 when stale).</param>
/// <param name="Note">What the bureau adds to the list (optional, up to 500 characters).</param>
public sealed record HandoverInput(Guid? IncomingOrganisationId, string? HandoverDay, int? Version, string? Note = null);

/// <summary>One kind of record the station keeps: how many and which (ids).</summary>
public sealed record HandoverItemDto(string Key, string Name, int Count, IReadOnlyList<Guid> Ids);

/// <summary>A hand-over with its list (交接清单).</summary>
public sealed record HandoverDto(Guid Id, Guid StationId, string StationName, string RegionCode, Guid OutgoingOrganisationId, string OutgoingName,
    Guid IncomingOrganisationId, string IncomingName, Guid? OutgoingAgreementId, string HandoverDay, string? Note, IReadOnlyList<HandoverItemDto> Items,
    string RecordedBy, DateTime RecordedAt);

/// <summary>
/// Hand-over of a station between contractors (交接, docs/requirements/agreements.md §12). In one transaction the station's
/// contractor (and its village rooms') changes, the hand-over list of what the station keeps is written and audited; the
/// records stay where they are (station, CreatedBy), nothing is copied. The outgoing contractor's accounts lose the station
/// through their scope (<see cref="PlatformScope.VisibleTo"/>).
/// </summary>
public static class HandOver
{
    public static async Task<HandoverDto> Create(AppDbContext db, ProfileCatalog profiles, TimeProvider clock, AuditLog audit, ClaimsPrincipal user, Guid stationId,
        HandoverInput input, CancellationToken ct)
    {
        // Scope before the body: a station outside it is 404 whatever is sent.
        var station = await db.Platforms.VisibleTo(user.Scope()).FirstOrDefaultAsync(p => p.Id == stationId, ct)
            ?? throw new NotFoundException("站点不存在或不在您的权限范围内");
        SaveAgreement.CountyLevel(user, station.RegionCode.Length >= 6 ? station.RegionCode[..6] : station.RegionCode);
        var errors = new Errors().MaxLength("note", input.Note, 500, "备注");
        Organisation? incoming = null;
        if (input.IncomingOrganisationId is null)
        {
            errors.Add("incomingOrganisationId", "请选择接收的承接机构");
        }
        else
        {
            incoming = await db.Organisations.AsNoTracking().FirstOrDefaultAsync(o => o.Id == input.IncomingOrganisationId && o.Kind == OrganisationKind.Contractor, ct);
            if (incoming is null)
            {
                errors.Add("incomingOrganisationId", "承接机构不存在");
            }
        }
        var day = StationRecords.ParseDate(errors, "handoverDay", input.HandoverDay, "交接日");
        if (input.Version is null)
        {
            errors.Add("version", "请提供读取时的站点版本号 version");
        }
        errors.ThrowIfAny();

        var outgoingId = station.ContractorId;
        // The outgoing contractor's agreements covering the station: its service began with the first one's term.
        var agreements = outgoingId is { } o
            ? await db.Set<Agreement>().AsNoTracking()
                .Where(a => a.Cycle!.ContractorId == o && a.Cycle.Stations.Any(s => s.StationId == station.Id))
                .Select(a => new { a.Id, a.TermStart, a.TermEnd }).ToListAsync(ct)
            : [];
        var firstStart = agreements.Count == 0 ? (DateOnly?)null : agreements.Min(a => a.TermStart);
        if (HandoverRules.Problem(outgoingId, incoming!.Id, day!.Value, ChinaTime.Today(clock), firstStart) is { } problem)
        {
            throw new BusinessRuleException(problem.Message, problem.Field);
        }
        if (profiles.Find(station.ProfileKey) is { } profile)
        {
            // Ledong 一、（三）: a company registered with the market regulator may not take a station over either.
            await ContractorRuleCheck.Ensure(db, profile, incoming.Id, "incomingOrganisationId", ct);
        }
        var outgoing = await db.Organisations.AsNoTracking().FirstAsync(x => x.Id == outgoingId, ct);
        var inForce = agreements.Where(a => a.TermStart <= day && day <= a.TermEnd).OrderByDescending(a => a.TermStart).FirstOrDefault()
            ?? agreements.Where(a => a.TermStart <= day).OrderByDescending(a => a.TermStart).FirstOrDefault();
        Versions.Check(db, station, input.Version, "站点");

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var rooms = await db.Platforms.Where(p => p.ParentId == station.Id && p.ContractorId == outgoingId).ToListAsync(ct);
        var items = await List(db, station.Id, day.Value, ct);
        station.ContractorId = incoming.Id;
        foreach (var room in rooms)
        {
            room.ContractorId = incoming.Id;
        }
        var handover = new StationHandover
        {
            StationId = station.Id, StationName = station.Name, RegionCode = station.RegionCode,
            OutgoingOrganisationId = outgoing.Id, OutgoingName = outgoing.Name, IncomingOrganisationId = incoming.Id, IncomingName = incoming.Name,
            OutgoingAgreementId = inForce?.Id, HandoverDay = day.Value, Note = string.IsNullOrWhiteSpace(input.Note) ? null : input.Note.Trim(),
            ListJson = JsonSerializer.Serialize(items), RecordedBy = user.Identity?.Name ?? "", RecordedAt = clock.GetUtcNow().UtcDateTime,
        };
        db.Add(handover);
        audit.Add("handover", nameof(Platform), station.Id.ToString(),
            $"站点“{station.Name}”于 {day:yyyy-MM-dd} 由“{outgoing.Name}”移交“{incoming.Name}”：" + string.Join("，", items.Select(i => $"{i.Name}{i.Count}")));
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return ToDto(handover);
    }

    /// <summary>What the station (and its village rooms) keeps, read inside the hand-over's transaction.</summary>
    private static async Task<List<HandoverItemDto>> List(AppDbContext db, Guid stationId, DateOnly day, CancellationToken ct)
    {
        var platforms = db.Platforms.Where(p => p.Id == stationId || p.ParentId == stationId).Select(p => p.Id);
        static HandoverItemDto Item(string key, string name, List<Guid> ids) => new(key, name, ids.Count, ids);
        return
        [
            Item("recipients", "服务对象", await db.Recipients.Where(r => platforms.Contains(r.StationId)).OrderBy(r => r.Id).Select(r => r.Id).ToListAsync(ct)),
            Item("openCases", "在办个案", await db.Cases.Where(c => platforms.Contains(c.StationId) && c.Stage != CaseStage.Closed && c.Stage != CaseStage.Referred)
                .OrderBy(c => c.Id).Select(c => c.Id).ToListAsync(ct)),
            Item("schedules", "已排期活动（交接日及以后）", await db.Activities.Where(a => platforms.Contains(a.StationId) && a.Date >= day).OrderBy(a => a.Id).Select(a => a.Id).ToListAsync(ct)),
            Item("groups", "进行中的小组", await db.Groups.Where(g => platforms.Contains(g.StationId) && g.Stage != GroupStage.Ending).OrderBy(g => g.Id).Select(g => g.Id).ToListAsync(ct)),
            Item("volunteers", "志愿者", await db.Volunteers.Where(v => platforms.Contains(v.StationId)).OrderBy(v => v.Id).Select(v => v.Id).ToListAsync(ct)),
            Item("attachments", "附件", await db.Attachments.Where(a => platforms.Contains(a.StationId) && a.DeletedAt == null).OrderBy(a => a.Id).Select(a => a.Id).ToListAsync(ct)),
            Item("archives", "档案（未销毁）", await db.Set<Archives.ArchiveFile>().Where(a => platforms.Contains(a.StationId) && a.DestroyedOn == null).OrderBy(a => a.Id).Select(a => a.Id).ToListAsync(ct)),
            Item("assets", "固定资产（在用）", await db.Set<Assets.FixedAsset>().Where(a => platforms.Contains(a.StationId) && a.DisposedOn == null).OrderBy(a => a.Id).Select(a => a.Id).ToListAsync(ct)),
            Item("budgets", "站点预算", await db.Set<Budgets.Budget>().Where(b => platforms.Contains(b.StationId)).OrderBy(b => b.Id).Select(b => b.Id).ToListAsync(ct)),
        ];
    }

    public static HandoverDto ToDto(StationHandover h) => new(h.Id, h.StationId, h.StationName, h.RegionCode, h.OutgoingOrganisationId, h.OutgoingName,
        h.IncomingOrganisationId, h.IncomingName, h.OutgoingAgreementId, AgreementAccess.D(h.HandoverDay), h.Note,
        JsonSerializer.Deserialize<List<HandoverItemDto>>(h.ListJson) ?? [], h.RecordedBy, h.RecordedAt);

    /// <summary>
    /// Who reads hand-overs: the bureau and the township by the station's region (not by the station's current scope, so the
    /// list outlives the hand-over); a contractor manager only those its organisation gave or took, within its region or station.
    /// </summary>
    public static IQueryable<StationHandover> Visible(AppDbContext db, ClaimsPrincipal user)
    {
        var s = user.Scope();
        var q = db.Set<StationHandover>().AsNoTracking();
        q = s.Kind switch
        {
            ScopeKind.Platform when s.ServiceRecords => q,
            ScopeKind.Region => q.Where(h => h.RegionCode.StartsWith(s.RegionPrefix!)),
            ScopeKind.Station => q.Where(h => h.StationId == s.StationId),
            _ => q.Where(h => false),
        };
        if (user.IsInRole(Roles.ContractorManager) && !user.IsInRole(Roles.BureauOfficer) && !user.IsInRole(Roles.TownshipOfficer))
        {
            var org = s.ContractorOrganisationId;
            q = org is { } id ? q.Where(h => h.OutgoingOrganisationId == id || h.IncomingOrganisationId == id) : q.Where(h => false);
        }
        return q;
    }

    public static async Task<HandoverDto> Get(AppDbContext db, ClaimsPrincipal user, Guid id, CancellationToken ct) =>
        ToDto(await Visible(db, user).FirstOrDefaultAsync(h => h.Id == id, ct) ?? throw new NotFoundException("交接记录不存在或不在您的权限范围内"));

    /// <summary>A station's hand-overs the caller may read, newest first (an empty list when none is readable).</summary>
    public static async Task<List<HandoverDto>> ForStation(AppDbContext db, ClaimsPrincipal user, Guid stationId, CancellationToken ct)
    {
        var rows = await Visible(db, user).Where(h => h.StationId == stationId).ToListAsync(ct);
        if (rows.Count == 0 && !await db.Platforms.VisibleTo(user.Scope()).AnyAsync(p => p.Id == stationId, ct))
        {
            throw new NotFoundException("站点不存在或不在您的权限范围内");
        }
        return rows.OrderByDescending(h => h.HandoverDay).ThenByDescending(h => h.RecordedAt).Select(ToDto).ToList();
    }

    /// <summary>The hand-over list as an Excel workbook: 概况 (both parties, the day, the counts) and 明细 (one row per record id). Audited.</summary>
    public static async Task<(byte[] Bytes, string FileName)> Export(AppDbContext db, AuditLog audit, ClaimsPrincipal user, Guid id, CancellationToken ct)
    {
        var h = await Get(db, user, id, ct);
        var summary = new List<Dictionary<string, object?>>
        {
            Row("站点", h.StationName), Row("行政区划代码", h.RegionCode), Row("移交方（原承接机构）", h.OutgoingName), Row("接收方（新承接机构）", h.IncomingName),
            Row("交接日", h.HandoverDay), Row("备注", h.Note), Row("登记人", h.RecordedBy), Row("登记时间（UTC）", h.RecordedAt.ToString("yyyy-MM-dd HH:mm")),
        };
        summary.AddRange(h.Items.Select(i => Row(i.Name, i.Count)));
        var n = 0;
        var detail = h.Items.SelectMany(i => i.Ids.Select(x => new Dictionary<string, object?>
        {
            ["序号"] = ++n, ["类别"] = ExcelCells.Safe(i.Name), ["记录编号"] = x.ToString(),
        })).ToList();
        if (detail.Count == 0)
        {
            detail.Add(new Dictionary<string, object?> { ["序号"] = null, ["类别"] = "（无）", ["记录编号"] = null });
        }
        audit.Add("export", nameof(StationHandover), h.Id.ToString(), $"导出交接清单：{h.StationName} {h.HandoverDay}");
        await db.SaveChangesAsync(ct);
        using var stream = new MemoryStream();
        await stream.SaveAsAsync(new Dictionary<string, object> { ["概况"] = summary, ["明细"] = detail }, cancellationToken: ct);
        return (stream.ToArray(), $"交接清单-{h.HandoverDay.Replace("-", "")}-{h.Id.ToString("N")[..8]}.xlsx");

        static Dictionary<string, object?> Row(string item, object? value) => new()
        {
            ["项目"] = item, ["内容"] = value is string s ? ExcelCells.Safe(s) : value,
        };
    }
}
