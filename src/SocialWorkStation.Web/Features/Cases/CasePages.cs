using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using SocialWorkStation.Domain.Cases;
using SocialWorkStation.Domain.Names;
using SocialWorkStation.Domain.Recipients;
using SocialWorkStation.Web.Data;
using SocialWorkStation.Web.Features.Accounts;
using SocialWorkStation.Web.Features.Activities;
using SocialWorkStation.Web.Features.Audit;
using SocialWorkStation.Web.Features.Profiles;
using SocialWorkStation.Web.Features.Recipients;
using SocialWorkStation.Web.Features.Shared;
using SocialWorkStation.Web.Features.Stations;
using SocialWorkStation.Web.Infrastructure;

namespace SocialWorkStation.Web.Features.Cases;

/// <summary>The case list (个案): stage filter, services counted against the profile's minimum, cards on a phone.</summary>
public sealed class IndexModel(AppDbContext db, ProfileCatalog profiles) : AppPageModel
{
    [BindProperty(SupportsGet = true)] public string? Stage { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int? PageNumber { get; set; }
    public Paged<CaseDto> Result { get; private set; } = new([], 0, 1, 20);
    public PagerModel Pager => PagerModel.For(Result, "/Cases/Index", new Dictionary<string, string?> { ["stage"] = Stage });

    public async Task OnGetAsync(CancellationToken ct)
    {
        try
        {
            Result = await CaseUseCases.List(db, profiles, User.Scope(), null, null, string.IsNullOrEmpty(Stage) ? null : Stage, new PageRequest(PageNumber ?? 1, 20), ct);
        }
        catch (RequestValidationException ex)
        {
            ShowErrors(ex, "", GetType());
        }
    }
}

/// <summary>
/// One case: the stages of MZ/T 094-2017 with the current one, needs, goals, services counted, reviews, and
/// the actions the user's role allows, each a small form posting to the same handlers as the API.
/// </summary>
public sealed class DetailsModel(AppDbContext db, ProfileCatalog profiles, RecipientProtector protector, AuditLog audit, TimeProvider clock) : AppPageModel
{
    public CaseDto Case { get; private set; } = null!;
    [BindProperty] public StageForm Move { get; set; } = new();
    [BindProperty] public ServiceForm Service { get; set; } = new();
    [BindProperty] public ReviewForm Review { get; set; } = new();
    /// <summary>Set only after the user asked to read the notes with a reason (an audited read).</summary>
    public CaseNotesDto? Notes { get; private set; }
    /// <summary>Why the user reads the notes; written to the audit trail with the read.</summary>
    [BindProperty] public string? NotesReason { get; set; }
    public string Today => ChinaTime.Today(clock).ToString("yyyy-MM-dd");

    public async Task OnGetAsync(Guid id, CancellationToken ct)
    {
        Case = await CaseUseCases.Get(db, profiles, User.Scope(), id, ct);
        Service.On ??= ChinaTime.Today(clock);
    }

    public Task<IActionResult> OnPostStageAsync(Guid id, CancellationToken ct) => Act(id, Permissions.CasesWrite, "Move", typeof(StageForm), async () =>
    {
        var saved = await CaseUseCases.MoveStage(db, profiles, clock, User, id, new StageInput(Move.To, Move.ReferralOrganisation, Move.Version), ct);
        return saved.Stage == "referred" ? $"已转介至“{saved.ReferredTo}”。" : $"个案已进入“{saved.StageLabel}”阶段。";
    }, ct);

    public Task<IActionResult> OnPostServiceAsync(Guid id, CancellationToken ct) => Act(id, Permissions.CasesWrite, "Service", typeof(ServiceForm), async () =>
    {
        var saved = await CaseUseCases.AddService(db, profiles, clock, User, id, new ServiceInput(Service.On, Service.Content), ct);
        return $"已登记服务，累计 {saved.ServiceCount} 次" + (saved.ServicesRequired is { } n ? $"（方案要求不少于 {n} 次）。" : "。");
    }, ct);

    public Task<IActionResult> OnPostReviewAsync(Guid id, CancellationToken ct) => Act(id, Permissions.CasesReview, "Review", typeof(ReviewForm), async () =>
    {
        await CaseUseCases.Review(db, profiles, clock, User, id, new ReviewInput(Review.What, Review.Version), ct);
        return Review.What == "plan" ? "已审阅服务计划。" : "已审阅评估。";
    }, ct);

    public async Task<IActionResult> OnPostNotesAsync(Guid id, CancellationToken ct)
    {
        if (!User.Can(Permissions.CasesNotes)) return Forbid();
        ModelState.Clear();
        try
        {
            Notes = await CaseUseCases.Notes(db, protector, audit, User, id, new RevealInput(NotesReason), ct);
        }
        catch (RequestValidationException ex)
        {
            ModelState.AddModelError(nameof(NotesReason), ex.Errors["reason"][0]);
        }
        await OnGetAsync(id, ct);
        return Page();
    }

    /// <summary>Runs one action; on success back to the case with a message, otherwise the case again with the error under the form.</summary>
    private async Task<IActionResult> Act(Guid id, string permission, string prefix, Type formType, Func<Task<string>> action, CancellationToken ct)
    {
        if (!User.Can(permission)) return Forbid();
        try
        {
            TempData["Message"] = await action();
            return RedirectToPage("/Cases/Details", new { id });
        }
        catch (RequestValidationException ex)
        {
            ShowErrors(ex, prefix, formType);
        }
        catch (BusinessRuleException ex)
        {
            ShowError(ex, prefix, formType);
        }
        catch (Exception ex) when (ex is ConflictException or DbUpdateConcurrencyException)
        {
            ModelState.AddModelError("", "您打开页面后，这个个案已被他人修改。页面已显示最新内容，请确认后再操作。");
        }
        db.ChangeTracker.Clear();
        Case = await CaseUseCases.Get(db, profiles, User.Scope(), id, ct);
        return Page();
    }

    /// <summary>The stage after the current one in MZ/T 094-2017's order, or null when closed or referred.</summary>
    public static CaseStage? Next(CaseDto c) =>
        CaseStages.FromApi(c.Stage) is { } s && CaseStages.IsOpen(s) && s < CaseStage.Closed ? s + 1 : null;

    public sealed class StageForm
    {
        public string? To { get; set; }
        public string? ReferralOrganisation { get; set; }
        public int? Version { get; set; }
    }

    public sealed class ServiceForm
    {
        public DateOnly? On { get; set; }
        public string? Content { get; set; }
    }

    public sealed class ReviewForm
    {
        public string? What { get; set; }
        public int? Version { get; set; }
    }
}

/// <summary>The intake form (接案) and its edit; a stale save shows both versions side by side.</summary>
[Authorize(Policy = Permissions.CasesWrite)]
public sealed class EditModel(AppDbContext db, ProfileCatalog profiles, RecipientProtector protector, TimeProvider clock) : AppPageModel
{
    [BindProperty] public CaseForm Input { get; set; } = new();
    public Guid? Id { get; private set; }
    public bool IsNew => Id is null;
    public IReadOnlyList<StationDto> StationOptions { get; private set; } = [];
    public IReadOnlyList<(Guid Id, string Name, string Note)> RecipientOptions { get; private set; } = [];
    public IReadOnlyList<(Guid Id, string Name)> WorkerOptions { get; private set; } = [];
    public string? RecipientName { get; private set; }
    public bool HasNotes { get; private set; }
    public ConflictView? Conflict { get; private set; }

    public async Task OnGetAsync(Guid? id, CancellationToken ct)
    {
        Id = id;
        if (id is { } existing)
        {
            var c = await CaseUseCases.Get(db, profiles, User.Scope(), existing, ct);
            Input = CaseForm.From(c);
            RecipientName = c.RecipientName;
            HasNotes = c.HasNotes;
        }
        else
        {
            Input = new CaseForm { OpenedOn = ChinaTime.Today(clock) };
        }
        await PrepareAsync(ct);
        if (IsNew && Input.WorkerId is null && WorkerOptions.FirstOrDefault(w => w.Name == User.DisplayName()) is { Name: not null } me)
        {
            Input.WorkerId = me.Id;
        }
    }

    public async Task<IActionResult> OnPostAsync(Guid? id, CancellationToken ct)
    {
        Id = id;
        if (ModelState.IsValid)
        {
            try
            {
                var saved = id is { } existing
                    ? await CaseUseCases.Update(db, profiles, protector, clock, User, existing, Input.ToInput(), ct)
                    : await CaseUseCases.Create(db, profiles, protector, clock, User, Input.ToInput(), ct);
                TempData["Message"] = IsNew ? $"已为{saved.RecipientName}接案。" : "已保存个案的修改。";
                return RedirectToPage("/Cases/Details", new { id = saved.Id });
            }
            catch (RequestValidationException ex)
            {
                ShowErrors(ex, nameof(Input), typeof(CaseForm));
            }
            catch (BusinessRuleException ex)
            {
                ShowError(ex, nameof(Input), typeof(CaseForm));
            }
            catch (Exception ex) when (ex is ConflictException or DbUpdateConcurrencyException && id is not null)
            {
                db.ChangeTracker.Clear();
                var current = await CaseUseCases.Get(db, profiles, User.Scope(), id!.Value, ct);
                Conflict = StaleSave(Input, CaseForm.From(current), current.Version, CaseForm.Labels, v => Input.Version = v);
            }
        }
        if (id is { } shown)
        {
            db.ChangeTracker.Clear();
            var c = await CaseUseCases.Get(db, profiles, User.Scope(), shown, ct);
            RecipientName = c.RecipientName;
            HasNotes = c.HasNotes;
        }
        await PrepareAsync(ct);
        return Page();
    }

    private async Task PrepareAsync(CancellationToken ct)
    {
        var scope = User.Scope();
        StationOptions = await RecordChoices.Stations(db, scope, ct);
        var stationId = Input.StationId ?? scope.StationId ?? StationOptions.FirstOrDefault()?.Id;
        var recipients = await db.Recipients.AsNoTracking().VisibleTo(db, scope)
            .Where(r => r.Status == RecipientStatus.Active && (stationId == null || r.StationId == stationId))
            .OrderBy(r => r.Name).Take(500).Select(r => new { r.Id, r.Name, r.Address }).ToListAsync(ct);
        RecipientOptions = recipients.Select(r => (r.Id, Masking.Name(r.Name), r.Address ?? "")).ToList();
        var rooms = db.Platforms.Where(p => p.Id == stationId || p.ParentId == stationId).Select(p => p.Id);
        var workers = await db.Workers.AsNoTracking().Where(w => w.LeftOn == null && rooms.Contains(w.PlatformId)).OrderBy(w => w.Name)
            .Select(w => new { w.Id, w.Name }).ToListAsync(ct);
        WorkerOptions = workers.Select(w => (w.Id, w.Name)).ToList();
    }
}

/// <summary>The case form; needs and goals are typed one a line. Notes left empty stay as they are.</summary>
public sealed class CaseForm
{
    public Guid? StationId { get; set; }
    public Guid? RecipientId { get; set; }
    public Guid? WorkerId { get; set; }
    public DateOnly? OpenedOn { get; set; }
    public string? Needs { get; set; }
    public string? Goals { get; set; }
    public string? Assessment { get; set; }
    public string? Evaluation { get; set; }
    public string? Notes { get; set; }
    public int? Version { get; set; }

    public static readonly IReadOnlyList<(string, string)> Labels =
    [
        (nameof(WorkerId), "负责社工"), (nameof(OpenedOn), "接案日期"), (nameof(Needs), "需求"), (nameof(Goals), "服务目标"),
        (nameof(Assessment), "预估"), (nameof(Evaluation), "评估"),
    ];

    private static string[] Lines(string? text) => (text ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public CaseInput ToInput() => new(StationId, RecipientId, WorkerId, OpenedOn, Lines(Needs), Lines(Goals), Assessment ?? "", Evaluation ?? "", Notes, Version);

    public static CaseForm From(CaseDto c) => new()
    {
        StationId = c.StationId, RecipientId = c.RecipientId, WorkerId = c.WorkerId, OpenedOn = c.OpenedOn, Needs = string.Join("\n", c.Needs),
        Goals = string.Join("\n", c.Goals), Assessment = c.Assessment, Evaluation = c.Evaluation, Version = c.Version,
    };
}
