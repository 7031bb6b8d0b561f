using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using SocialWorkStation.Domain.Cases;
using SocialWorkStation.Domain.Names;
using SocialWorkStation.Web.Data;
using SocialWorkStation.Web.Features.Accounts;
using SocialWorkStation.Web.Features.Audit;
using SocialWorkStation.Web.Features.Profiles;
using SocialWorkStation.Web.Features.Recipients;
using SocialWorkStation.Web.Features.Stations;
using SocialWorkStation.Web.Infrastructure;

namespace SocialWorkStation.Web.Features.Cases;

public sealed record CaseInput(Guid? StationId = null, Guid? RecipientId = null, Guid? WorkerId = null, DateOnly? OpenedOn = null,
    string[]? Needs = null, string[]? Goals = null, string? Assessment = null, string? Evaluation = null, string? Notes = null, int? Version = null);

public sealed record StageInput(string? To = null, string? ReferralOrganisation = null, int? Version = null);

public sealed record ServiceInput(DateOnly? On = null, string? Content = null);

public sealed record ReviewInput(string? What = null, int? Version = null);

/// <summary>The case notes in clear, as read through the audited handler.</summary>
public sealed record CaseNotesDto(Guid Id, string? Notes);

public sealed record CaseServiceDto(Guid Id, DateOnly On, string Content);

public sealed record CaseDto(
    Guid Id, Guid StationId, string StationName, Guid RecipientId, string RecipientName, Guid WorkerId, string WorkerName, DateOnly OpenedOn,
    string Stage, string StageLabel, DateOnly StageSince, IReadOnlyList<string> Needs, IReadOnlyList<string> Goals, string? Assessment, string? Evaluation,
    string? PlanReviewedBy, DateTime? PlanReviewedAt, string? EvaluationReviewedBy, DateTime? EvaluationReviewedAt, string? ReferredTo,
    bool HasNotes, IReadOnlyList<CaseServiceDto> Services, int ServiceCount, int? ServicesRequired, bool? ServicesMet, string? ServicesSource, int Version);

/// <summary>Cases (个案) of MZ/T 094-2017: scope through the station, stage moves by <see cref="CaseRules"/>.</summary>
public static class CaseUseCases
{
    private const string Label = "个案";
    public const string NotesLabel = "个案记录";

    /// <summary>Why reading the notes asks for a reason: the documents and clauses behind it, shown on the page.</summary>
    public const string NotesSource = "《个人信息保护法》第二十八条（敏感个人信息）；MZ/T 094-2017《社会工作方法 个案工作》保密原则";

    public static async Task<Paged<CaseDto>> List(AppDbContext db, ProfileCatalog profiles, UserScope scope, Guid? stationId, Guid? recipientId, string? stage,
        PageRequest page, CancellationToken ct)
    {
        var q = db.Set<Case>().AsNoTracking().VisibleTo(db, scope);
        if (stationId is { } s) q = q.Where(c => c.StationId == s);
        if (recipientId is { } r) q = q.Where(c => c.RecipientId == r);
        if (stage is not null)
        {
            var st = CaseStages.FromApi(stage) ?? throw RequestValidationException.For("stage", "阶段应为 " + string.Join("、", CaseStages.All.Select(CaseStages.ToApi)));
            q = q.Where(c => c.Stage == st);
        }
        var ids = await q.OrderByDescending(c => c.OpenedOn).ThenByDescending(c => c.Id).Select(c => c.Id).ToPageAsync(page, ct);
        var items = new List<CaseDto>();
        foreach (var id in ids.Items)
        {
            items.Add(await Dto(db, profiles, id, ct));
        }
        return new Paged<CaseDto>(items, ids.Total, ids.Page, ids.PageSize);
    }

    public static async Task<CaseDto> Get(AppDbContext db, ProfileCatalog profiles, UserScope scope, Guid id, CancellationToken ct)
    {
        await Load(db, scope, id, ct, tracking: false);
        return await Dto(db, profiles, id, ct);
    }

    private static async Task<Case> Load(AppDbContext db, UserScope scope, Guid id, CancellationToken ct, bool tracking = true)
    {
        var q = db.Set<Case>().VisibleTo(db, scope).Include(c => c.Needs).Include(c => c.Goals).Include(c => c.Services).AsSplitQuery();
        if (!tracking) q = q.AsNoTracking();
        return await q.FirstOrDefaultAsync(c => c.Id == id, ct) ?? throw new NotFoundException("个案不存在或不在您的权限范围内");
    }

    private static async Task<CaseDto> Dto(AppDbContext db, ProfileCatalog profiles, Guid id, CancellationToken ct)
    {
        var row = await db.Set<Case>().AsNoTracking().Where(c => c.Id == id)
            .Select(c => new { Case = c, StationName = c.Station!.Name, c.Station.ProfileKey, RecipientName = c.Recipient!.Name, WorkerName = c.Worker!.Name })
            .FirstAsync(ct);
        var c = await db.Set<Case>().AsNoTracking().Include(x => x.Needs).Include(x => x.Goals).Include(x => x.Services).AsSplitQuery().FirstAsync(x => x.Id == id, ct);
        var required = profiles.Find(row.ProfileKey)?.Standards?.ServicesPerCase;
        return new CaseDto(c.Id, c.StationId, row.StationName, c.RecipientId, Masking.Name(row.RecipientName), c.WorkerId, row.WorkerName, c.OpenedOn,
            CaseStages.ToApi(c.Stage), CaseStages.Chinese(c.Stage), c.StageSince, c.Needs.Select(n => n.Text).ToList(), c.Goals.Select(g => g.Text).ToList(),
            c.Assessment, c.Evaluation, c.PlanReviewedBy, c.PlanReviewedAt, c.EvaluationReviewedBy, c.EvaluationReviewedAt, c.ReferredTo,
            c.NotesCipher is not null, c.Services.OrderBy(s => s.On).ThenBy(s => s.CreatedAt).Select(s => new CaseServiceDto(s.Id, s.On, s.Content)).ToList(),
            c.Services.Count, required?.Value, required is null ? null : CaseRules.EnoughServices(c.Services.Count, required.Value), required?.Source, c.Version);
    }

    public static async Task<CaseDto> Create(AppDbContext db, ProfileCatalog profiles, RecipientProtector protector, TimeProvider clock, ClaimsPrincipal user,
        CaseInput input, CancellationToken ct)
    {
        var scope = user.Scope();
        var errors = new Errors();
        var station = await StationRecords.Target(db, scope, input.StationId, errors, ct);
        var today = ChinaTime.Today(clock);
        var c = new Case { CreatedAt = clock.GetUtcNow().UtcDateTime, Stage = CaseStage.Intake, StageSince = today };
        await Apply(db, protector, c, input, station?.Id, errors, today, ct, isNew: true);
        db.Add(c);
        await db.SaveChangesAsync(ct);
        return await Dto(db, profiles, c.Id, ct);
    }

    public static async Task<CaseDto> Update(AppDbContext db, ProfileCatalog profiles, RecipientProtector protector, TimeProvider clock, ClaimsPrincipal user,
        Guid id, CaseInput input, CancellationToken ct)
    {
        var c = await Load(db, user.Scope(), id, ct);
        Versions.Check(db, c, input.Version, Label);
        if (!CaseStages.IsOpen(c.Stage))
        {
            throw new BusinessRuleException($"个案已{CaseStages.Chinese(c.Stage)}，不能再修改");
        }
        var errors = new Errors();
        var planBefore = string.Join("\n", c.Goals.Select(g => g.Text));
        var evaluationBefore = c.Evaluation;
        await Apply(db, protector, c, input, c.StationId, errors, ChinaTime.Today(clock), ct, isNew: false);
        // A reviewed plan or evaluation that changes needs a new review.
        if (string.Join("\n", c.Goals.Select(g => g.Text)) != planBefore)
        {
            c.PlanReviewedBy = null;
            c.PlanReviewedAt = null;
        }
        if (c.Evaluation != evaluationBefore)
        {
            c.EvaluationReviewedBy = null;
            c.EvaluationReviewedAt = null;
        }
        await db.SaveChangesAsync(ct);
        return await Dto(db, profiles, c.Id, ct);
    }

    private static async Task Apply(AppDbContext db, RecipientProtector protector, Case c, CaseInput input, Guid? stationId, Errors errors, DateOnly today,
        CancellationToken ct, bool isNew)
    {
        var recipientId = isNew ? input.RecipientId : c.RecipientId;
        if (recipientId is null)
        {
            errors.Add("recipientId", "请选择服务对象");
        }
        else if (stationId is not null && !await db.Recipients.AnyAsync(r => r.Id == recipientId && r.StationId == stationId, ct))
        {
            errors.Add("recipientId", "该服务对象不在本站点登记");
        }
        var workerId = input.WorkerId ?? (isNew ? null : c.WorkerId);
        var rooms = db.Platforms.Where(p => p.Id == stationId || p.ParentId == stationId).Select(p => p.Id);
        if (workerId is null)
        {
            errors.Add("workerId", "请选择负责社工");
        }
        else if (stationId is not null && !await db.Workers.AnyAsync(w => w.Id == workerId && rooms.Contains(w.PlatformId), ct))
        {
            errors.Add("workerId", "负责社工不是本站点的社工");
        }
        var opened = input.OpenedOn ?? (isNew ? today : c.OpenedOn);
        if (opened > today)
        {
            errors.Add("openedOn", "接案日期不能晚于今天");
        }
        var needs = Clean(input.Needs, "needs", "需求", errors);
        var goals = Clean(input.Goals, "goals", "服务目标", errors);
        errors.MaxLength("assessment", input.Assessment, 4000, "预估").MaxLength("evaluation", input.Evaluation, 4000, "评估");
        errors.MaxLength("notes", input.Notes, 8000, "个案记录");
        errors.ThrowIfAny();

        c.StationId = stationId!.Value;
        c.RecipientId = recipientId!.Value;
        c.WorkerId = workerId!.Value;
        c.OpenedOn = opened;
        c.Assessment = input.Assessment?.Trim() ?? (isNew ? null : c.Assessment);
        c.Evaluation = input.Evaluation?.Trim() ?? (isNew ? null : c.Evaluation);
        if (input.Needs is not null)
        {
            Replace(db, c.Needs, needs.Select(t => new CaseNeed { Text = t }).ToList(), isNew);
        }
        if (input.Goals is not null)
        {
            Replace(db, c.Goals, goals.Select(t => new CaseGoal { Text = t }).ToList(), isNew);
        }
        if (input.Notes is not null)
        {
            // Case notes are sensitive personal information (PIPL art. 28; docs/requirements/domain.md §8): stored only encrypted.
            c.NotesCipher = protector.EncryptOrNull(input.Notes.Trim(), Case.NotesContext(c.Id));
        }
    }

    private static void Replace<T>(AppDbContext db, List<T> list, List<T> items, bool isNew) where T : class
    {
        if (!isNew)
        {
            db.RemoveRange(list);
        }
        list.Clear();
        list.AddRange(items);
    }

    private static List<string> Clean(string[]? items, string field, string label, Errors errors)
    {
        var list = (items ?? []).Select(s => s?.Trim() ?? "").Where(s => s.Length > 0).ToList();
        if (list.Any(s => s.Length > 500))
        {
            errors.Add(field, $"每条{label}不超过500字");
        }
        return list;
    }

    public static async Task<CaseDto> MoveStage(AppDbContext db, ProfileCatalog profiles, TimeProvider clock, ClaimsPrincipal user, Guid id, StageInput input, CancellationToken ct)
    {
        var c = await Load(db, user.Scope(), id, ct);
        var to = CaseStages.FromApi(input.To) ?? throw RequestValidationException.For("to", "请选择要进入的阶段：" + string.Join("、", CaseStages.All.Select(s => $"{CaseStages.Chinese(s)}（{CaseStages.ToApi(s)}）")));
        Versions.Check(db, c, input.Version, Label);
        var facts = new CaseFacts(c.Goals.Count, c.PlanReviewedAt is not null, !string.IsNullOrWhiteSpace(c.Evaluation), c.EvaluationReviewedAt is not null,
            input.ReferralOrganisation);
        if (CaseRules.CheckMove(c.Stage, to, facts) is { } refusal)
        {
            throw new BusinessRuleException(refusal, to == CaseStage.Referred ? "referralOrganisation" : "to");
        }
        c.Stage = to;
        c.StageSince = ChinaTime.Today(clock);
        if (to == CaseStage.Referred)
        {
            c.ReferredTo = input.ReferralOrganisation!.Trim();
        }
        await db.SaveChangesAsync(ct);
        return await Dto(db, profiles, c.Id, ct);
    }

    public static async Task<CaseDto> AddService(AppDbContext db, ProfileCatalog profiles, TimeProvider clock, ClaimsPrincipal user, Guid id, ServiceInput input, CancellationToken ct)
    {
        var c = await Load(db, user.Scope(), id, ct);
        var errors = new Errors();
        errors.Required("content", input.Content, "服务内容").MaxLength("content", input.Content, 2000, "服务内容");
        var today = ChinaTime.Today(clock);
        if (input.On is null) errors.Add("on", "请填写服务日期");
        else if (input.On > today) errors.Add("on", "服务日期不能晚于今天");
        else if (input.On < c.OpenedOn) errors.Add("on", "服务日期不能早于接案日期");
        errors.ThrowIfAny();
        if (c.Stage != CaseStage.Intervention)
        {
            throw new BusinessRuleException($"服务记录在介入阶段登记，当前为“{CaseStages.Chinese(c.Stage)}”（{CaseRules.Source}）", "on");
        }
        c.Services.Add(new CaseService { On = input.On!.Value, Content = input.Content!.Trim(), CreatedAt = clock.GetUtcNow().UtcDateTime });
        db.Entry(c).Property(x => x.Version).IsModified = true;
        await db.SaveChangesAsync(ct);
        return await Dto(db, profiles, c.Id, ct);
    }

    public static async Task<CaseDto> Review(AppDbContext db, ProfileCatalog profiles, TimeProvider clock, ClaimsPrincipal user, Guid id, ReviewInput input, CancellationToken ct)
    {
        var c = await Load(db, user.Scope(), id, ct);
        Versions.Check(db, c, input.Version, Label);
        var now = clock.GetUtcNow().UtcDateTime;
        var who = user.DisplayName();
        switch (input.What)
        {
            case "plan" when c.Stage == CaseStage.Plan && c.Goals.Count > 0:
                c.PlanReviewedBy = who;
                c.PlanReviewedAt = now;
                break;
            case "evaluation" when c.Stage == CaseStage.Evaluation && !string.IsNullOrWhiteSpace(c.Evaluation):
                c.EvaluationReviewedBy = who;
                c.EvaluationReviewedAt = now;
                break;
            case "plan" or "evaluation":
                throw new BusinessRuleException(input.What == "plan" ? "只能在计划阶段审阅已写明目标的服务计划" : "只能在评估阶段审阅已填写的评估", "what");
            default:
                throw RequestValidationException.For("what", "请说明审阅的是服务计划（plan）还是评估（evaluation）");
        }
        await db.SaveChangesAsync(ct);
        return await Dto(db, profiles, c.Id, ct);
    }

    /// <summary>
    /// The case notes in clear, for a reason: like a recipient's reveal, a read needs a reason, which is written
    /// with the read to the audit trail as "reveal" (PIPL art. 28; MZ/T 094-2017's confidentiality principle).
    /// Out of scope is 404 before the reason is looked at, so nothing is learnt about cases one may not see.
    /// </summary>
    public static async Task<CaseNotesDto> Notes(AppDbContext db, RecipientProtector protector, AuditLog audit, ClaimsPrincipal user, Guid id,
        RevealInput input, CancellationToken ct)
    {
        var c = await Load(db, user.Scope(), id, ct, tracking: false);
        var reason = GetRecipient.CheckReason(input.Reason, NotesLabel);
        var notes = protector.DecryptOrNull(c.NotesCipher, Case.NotesContext(c.Id));
        await audit.WriteAsync("reveal", nameof(Case), c.Id.ToString(), $"查看{NotesLabel}，事由：{reason}", ct: ct);
        return new CaseNotesDto(c.Id, notes);
    }
}
