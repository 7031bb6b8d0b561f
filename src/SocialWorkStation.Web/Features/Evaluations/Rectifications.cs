using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using SocialWorkStation.Domain.Evaluations;
using SocialWorkStation.Web.Data;
using SocialWorkStation.Web.Features.Accounts;
using SocialWorkStation.Web.Features.Attachments;
using SocialWorkStation.Web.Features.Stations;
using SocialWorkStation.Web.Infrastructure;

namespace SocialWorkStation.Web.Features.Evaluations;

/// <summary>Raising an item: the station of the round, the indicator, what to fix, the owner (a station head's user name, or none: the station) and the due date.</summary>
public sealed record RectificationInput(Guid? StationId, string? IndicatorCode, string? Requirement, string? OwnerUserName, DateOnly? DueOn);

/// <summary>The station's report of what it did (evidence files go through /api/v1/attachments, ownerType rectification).</summary>
public sealed record RectificationReportInput(int? Version, string? Report);

/// <summary>The bureau's re-check: passed closes the item (合格); not passed returns it with the reason (it stays open).</summary>
public sealed record RectificationReviewInput(int? Version, bool? Passed, string? Comment);

public sealed record RectificationEventDto(string Step, string StepName, string? Text, string By, DateTime At);

public sealed record RectificationDto(Guid Id, Guid RoundId, string RoundTitle, Guid StationId, string StationName, string IndicatorCode, string IndicatorName,
    string Requirement, string? OwnerUserName, string OwnerName, DateOnly DueOn, string Status, string StatusName, bool Overdue, string? Report,
    string RaisedBy, DateTime RaisedAt, string? ClosedBy, DateTime? ClosedAt, int Version,
    IReadOnlyList<RectificationEventDto> History, IReadOnlyList<AttachmentDto> Attachments);

/// <summary>
/// Rectification (整改, docs/requirements/evaluation.md §8): after a round closes, the bureau or the evaluator raises items
/// per indicator for a station; the station head reports what was done with evidence; the bureau re-checks and closes
/// the item (合格) or returns it (it stays open, the history keeps every step). Overdue: the due date has passed and the
/// item is not closed (the due day itself is on time). Scope is the station's (404 outside), writes are versioned (409).
/// </summary>
public static class Rectifications
{
    public const string OwnerType = "rectification";

    public static async Task<IReadOnlyList<RectificationDto>> ForRound(AppDbContext db, TimeProvider clock, ClaimsPrincipal user, Guid roundId, CancellationToken ct)
    {
        var scope = user.Scope();
        var round = await GetRound.Load(db, scope, roundId, ct);
        var items = await db.Set<RectificationItem>().AsNoTracking().VisibleTo(db, scope).Include(i => i.Events)
            .Where(i => i.RoundId == roundId).OrderBy(i => i.StationName).ThenBy(i => i.IndicatorCode).ThenBy(i => i.RaisedAt).ToListAsync(ct);
        return await Dtos(db, clock, items, new Dictionary<Guid, string> { [round.Id] = round.Title }, withFiles: false, ct);
    }

    /// <summary>Items in the caller's scope, open ones first by due date; <paramref name="overdue"/> keeps only those overdue today.</summary>
    public static async Task<IReadOnlyList<RectificationDto>> List(AppDbContext db, TimeProvider clock, ClaimsPrincipal user, string? status, bool? overdue, CancellationToken ct)
    {
        var q = db.Set<RectificationItem>().AsNoTracking().VisibleTo(db, user.Scope());
        if (!string.IsNullOrWhiteSpace(status))
        {
            var s = Enum.GetValues<RectificationStatus>().Cast<RectificationStatus?>().FirstOrDefault(x => RectificationRules.ToApi(x!.Value) == status.Trim())
                ?? throw RequestValidationException.For("status", "状态应为 open（待整改）、reported（待复核）或 closed（已整改）");
            q = q.Where(i => i.Status == s);
        }
        if (overdue == true)
        {
            var today = ChinaTime.Today(clock);
            q = q.Where(i => i.Status != RectificationStatus.Closed && i.DueOn < today);
        }
        var items = await q.Include(i => i.Events).OrderBy(i => i.Status == RectificationStatus.Closed).ThenBy(i => i.DueOn).ThenBy(i => i.StationName).Take(500).ToListAsync(ct);
        var roundIds = items.Select(i => i.RoundId).Distinct().ToList();
        var titles = await db.Set<EvaluationRound>().AsNoTracking().Where(r => roundIds.Contains(r.Id)).ToDictionaryAsync(r => r.Id, r => r.Title, ct);
        return await Dtos(db, clock, items, titles, withFiles: false, ct);
    }

    public static async Task<RectificationDto> Get(AppDbContext db, TimeProvider clock, ClaimsPrincipal user, Guid id, CancellationToken ct)
    {
        var item = await Load(db, user.Scope(), id, track: false, ct);
        var title = await db.Set<EvaluationRound>().AsNoTracking().Where(r => r.Id == item.RoundId).Select(r => r.Title).FirstAsync(ct);
        return (await Dtos(db, clock, [item], new Dictionary<Guid, string> { [item.RoundId] = title }, withFiles: true, ct))[0];
    }

    public static async Task<RectificationDto> Raise(AppDbContext db, TimeProvider clock, ClaimsPrincipal user, Guid roundId, RectificationInput input, CancellationToken ct)
    {
        var scope = user.Scope();
        var round = await GetRound.Load(db, scope, roundId, ct);
        var errors = new Errors();
        var station = input.StationId is { } sid ? round.Stations.FirstOrDefault(s => s.StationId == sid) : null;
        if (input.StationId is null) errors.Add("stationId", "请选择整改的社工站");
        else if (station is null || !await db.Platforms.VisibleTo(scope).AnyAsync(p => p.Id == station.StationId, ct)) errors.Add("stationId", "该社工站不在本轮评估中或不在您的权限范围内");
        var code = input.IndicatorCode?.Trim() ?? "";
        var indicator = round.Tree!.ToTree().Find(code);
        if (code.Length == 0) errors.Add("indicatorCode", "请选择需要整改的指标");
        else if (indicator is null) errors.Add("indicatorCode", $"指标 {code} 不在本轮的指标体系中");
        errors.Required("requirement", input.Requirement, "整改要求");
        errors.MaxLength("requirement", input.Requirement, RectificationLimits.Requirement, "整改要求");
        if (input.DueOn is null) errors.Add("dueOn", "请填写整改期限");
        AppUser? owner = null;
        if (!string.IsNullOrWhiteSpace(input.OwnerUserName) && station is not null)
        {
            var name = input.OwnerUserName.Trim();
            owner = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.UserName == name && u.ScopeStationId == station.StationId && !u.IsDisabled, ct);
            if (owner is null) errors.Add("ownerUserName", "责任人应为该社工站的站长账号（填用户名），不填则由社工站负责");
        }
        errors.ThrowIfAny();
        if (round.Status != RoundStatus.Closed)
        {
            throw new BusinessRuleException("评估结束后才能提出整改事项", "status");
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var by = user.Identity?.Name ?? "";
        var item = new RectificationItem
        {
            RoundId = round.Id, StationId = station!.StationId, StationName = station.StationName, IndicatorCode = indicator!.Code, IndicatorName = indicator.Name,
            Requirement = input.Requirement!.Trim(), OwnerUserName = owner?.UserName, OwnerDisplayName = owner?.DisplayName, DueOn = input.DueOn!.Value,
            Status = RectificationStatus.Open, RaisedBy = by, RaisedAt = now,
        };
        item.Events.Add(new RectificationEvent { Number = 1, Step = RectificationStep.Raised, Text = item.Requirement, By = by, At = now });
        db.Add(item);
        // One SaveChanges: the item and its first history row in one transaction (audited by the interceptor).
        await db.SaveChangesAsync(ct);
        return await Get(db, clock, user, item.Id, ct);
    }

    public static async Task<RectificationDto> Report(AppDbContext db, TimeProvider clock, ClaimsPrincipal user, Guid id, RectificationReportInput input, CancellationToken ct)
    {
        var item = await Load(db, user.Scope(), id, track: true, ct);
        var errors = new Errors();
        if (input.Version is null) errors.Add("version", "请提供读取时的版本号 version");
        errors.Required("report", input.Report, "整改情况");
        errors.MaxLength("report", input.Report, RectificationLimits.Report, "整改情况");
        errors.ThrowIfAny();
        Versions.Check(db, item, input.Version, "整改事项");
        if (!RectificationRules.CanReport(item.Status))
        {
            throw new ConflictException(item.Status == RectificationStatus.Closed ? "该整改事项已复核合格，不能再修改" : "该整改事项已报告，正等待复核");
        }
        var now = clock.GetUtcNow().UtcDateTime;
        item.Report = input.Report!.Trim();
        item.Status = RectificationStatus.Reported;
        item.Events.Add(new RectificationEvent { ItemId = item.Id, Number = item.Events.Count + 1, Step = RectificationStep.Reported, Text = item.Report, By = user.Identity?.Name ?? "", At = now });
        await Save(db, ct);
        return await Get(db, clock, user, id, ct);
    }

    public static async Task<RectificationDto> Review(AppDbContext db, TimeProvider clock, ClaimsPrincipal user, Guid id, RectificationReviewInput input, CancellationToken ct)
    {
        var item = await Load(db, user.Scope(), id, track: true, ct);
        var errors = new Errors();
        if (input.Version is null) errors.Add("version", "请提供读取时的版本号 version");
        if (input.Passed is null) errors.Add("passed", "请选择复核结论：合格（true）或退回（false）");
        if (input.Passed == false) errors.Required("comment", input.Comment, "退回原因");
        errors.MaxLength("comment", input.Comment, RectificationLimits.Comment, "复核意见");
        errors.ThrowIfAny();
        Versions.Check(db, item, input.Version, "整改事项");
        if (!RectificationRules.CanReview(item.Status))
        {
            throw new ConflictException(item.Status == RectificationStatus.Closed ? "该整改事项已复核合格" : "社工站尚未报告整改情况，不能复核");
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var by = user.Identity?.Name ?? "";
        var comment = string.IsNullOrWhiteSpace(input.Comment) ? null : input.Comment.Trim();
        if (input.Passed == true)
        {
            item.Status = RectificationStatus.Closed;
            item.ClosedAt = now;
            item.ClosedBy = by;
        }
        else
        {
            item.Status = RectificationStatus.Open;
        }
        item.Events.Add(new RectificationEvent { ItemId = item.Id, Number = item.Events.Count + 1, Step = input.Passed == true ? RectificationStep.Closed : RectificationStep.Returned, Text = comment, By = by, At = now });
        await Save(db, ct);
        return await Get(db, clock, user, id, ct);
    }

    public static async Task<RectificationItem> Load(AppDbContext db, UserScope scope, Guid id, bool track, CancellationToken ct)
    {
        var q = db.Set<RectificationItem>().Include(i => i.Events).VisibleTo(db, scope);
        if (!track) q = q.AsNoTracking();
        return await q.FirstOrDefaultAsync(i => i.Id == id, ct) ?? throw new NotFoundException("整改事项不存在或不在您的权限范围内");
    }

    private static async Task Save(AppDbContext db, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new ConflictException("该整改事项已被他人修改，请刷新后重试。");
        }
        db.ChangeTracker.Clear();
    }

    private static async Task<IReadOnlyList<RectificationDto>> Dtos(AppDbContext db, TimeProvider clock, IReadOnlyList<RectificationItem> items, IReadOnlyDictionary<Guid, string> titles, bool withFiles, CancellationToken ct)
    {
        var today = ChinaTime.Today(clock);
        var files = withFiles ? await AttachmentUseCases.ForOwners(db, OwnerType, items.Select(i => i.Id).ToList(), ct) : [];
        return items.Select(i => new RectificationDto(i.Id, i.RoundId, titles.GetValueOrDefault(i.RoundId) ?? "", i.StationId, i.StationName, i.IndicatorCode, i.IndicatorName,
            i.Requirement, i.OwnerUserName, i.OwnerDisplayName ?? i.OwnerUserName ?? i.StationName, i.DueOn, RectificationRules.ToApi(i.Status), RectificationRules.Chinese(i.Status),
            RectificationRules.Overdue(i.DueOn, i.Status, today), i.Report, i.RaisedBy, i.RaisedAt, i.ClosedBy, i.ClosedAt, i.Version,
            i.Events.OrderBy(e => e.Number).Select(e => new RectificationEventDto(RectificationRules.ToApi(e.Step), RectificationRules.Chinese(e.Step), e.Text, e.By, e.At)).ToList(),
            files.GetValueOrDefault(i.Id) ?? [])).ToList();
    }
}
