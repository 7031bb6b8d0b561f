using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using SocialWorkStation.Web.Data;
using SocialWorkStation.Web.Features.Accounts;
using SocialWorkStation.Web.Features.Activities;
using SocialWorkStation.Web.Features.Audit;
using SocialWorkStation.Web.Features.Profiles;
using SocialWorkStation.Web.Features.Shared;
using SocialWorkStation.Web.Features.Stations;
using SocialWorkStation.Web.Infrastructure;

namespace SocialWorkStation.Web.Features.Volunteers;

public sealed class IndexModel(AppDbContext db, ProfileCatalog profiles, TimeProvider clock) : AppPageModel
{
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public int? Year { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int? PageNumber { get; set; }
    public Paged<VolunteerDto> Result { get; private set; } = new([], 0, 1, 20);
    public ProgressDto? Progress { get; private set; }
    public PagerModel Pager => PagerModel.For(Result, "/Volunteers/Index", new Dictionary<string, string?> { ["q"] = Q, ["year"] = Year?.ToString() });

    public async Task OnGetAsync(CancellationToken ct)
    {
        Result = await VolunteerUseCases.List(db, User.Scope(), null, null, Year, Q, new PageRequest(PageNumber ?? 1, 20), ct);
        if (User.Scope().Kind == ScopeKind.Station)
        {
            Progress = await VolunteerUseCases.Progress(db, profiles, clock, User.Scope(), null, Year, ct);
        }
    }
}

public sealed class DetailsModel(AppDbContext db, AuditLog audit, TimeProvider clock) : AppPageModel
{
    public VolunteerDto Volunteer { get; private set; } = null!;
    public IReadOnlyList<VolunteerServiceDto> Services { get; private set; } = [];
    public IReadOnlyList<ProofDto> Proofs { get; private set; } = [];
    public string? Revealed { get; private set; }
    public string? RevealedPhone { get; private set; }
    [BindProperty] public string? Reason { get; set; }
    [BindProperty] public ProofInputForm Proof { get; set; } = new();
    [BindProperty] public TrainingForm Training { get; set; } = new();
    [BindProperty] public AwardForm Award { get; set; } = new();

    public async Task OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct);

    public Task<IActionResult> OnPostTrainingAsync(Guid id, CancellationToken ct) => Record(id, nameof(Training), typeof(TrainingForm), async () =>
    {
        await TrainingAwardUseCases.AddTraining(db, clock, User, id, new VolunteerTrainingInput(Training.Date, Training.Name, Training.Hours, Training.Organiser), ct);
        return $"已添加培训记录“{Training.Name?.Trim()}”。";
    }, ct);

    public Task<IActionResult> OnPostAwardAsync(Guid id, CancellationToken ct) => Record(id, nameof(Award), typeof(AwardForm), async () =>
    {
        await TrainingAwardUseCases.AddAward(db, clock, User, id, new VolunteerAwardInput(Award.Date, Award.Name, Award.Grantor), ct);
        return $"已添加表彰奖励“{Award.Name?.Trim()}”。";
    }, ct);

    public Task<IActionResult> OnPostRemoveTrainingAsync(Guid id, Guid trainingId, CancellationToken ct) => Record(id, "", GetType(), async () =>
    {
        await TrainingAwardUseCases.RemoveTraining(db, User, id, trainingId, ct);
        return "已删除这条培训记录。";
    }, ct);

    public Task<IActionResult> OnPostRemoveAwardAsync(Guid id, Guid awardId, CancellationToken ct) => Record(id, "", GetType(), async () =>
    {
        await TrainingAwardUseCases.RemoveAward(db, User, id, awardId, ct);
        return "已删除这条表彰奖励记录。";
    }, ct);

    /// <summary>Changes the training or award part of the record; on success back to the volunteer, otherwise the page with the errors under the form.</summary>
    private async Task<IActionResult> Record(Guid id, string prefix, Type formType, Func<Task<string>> change, CancellationToken ct)
    {
        if (!User.Can(Permissions.ServicesRecord)) return Forbid();
        try
        {
            TempData["Message"] = await change();
            return RedirectToPage("/Volunteers/Details", new { id });
        }
        catch (RequestValidationException ex)
        {
            ShowErrors(ex, prefix, formType);
        }
        db.ChangeTracker.Clear();
        await LoadAsync(id, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostRevealAsync(Guid id, CancellationToken ct)
    {
        if (!User.Can(Permissions.VolunteersReveal)) return Forbid();
        try
        {
            var revealed = await VolunteerUseCases.Reveal(db, audit, User.Scope(), id, new RevealInput(Reason), ct);
            (Revealed, RevealedPhone) = (revealed.IdNumber, revealed.Phone);
        }
        catch (RequestValidationException ex)
        {
            ShowErrors(ex, "", GetType());
        }
        await LoadAsync(id, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostProofAsync(Guid id, CancellationToken ct)
    {
        if (!User.Can(Permissions.VolunteersReveal)) return Forbid();
        try
        {
            var proof = await ProofUseCases.Issue(db, audit, clock, User, id,
                new ProofInput(Proof.From, Proof.To, Proof.Issuer, Proof.PersonInCharge, Proof.Contact, Proof.Clerk, Proof.ListTrainingAndAwards), ct);
            return RedirectToPage("/Volunteers/Proof", new { id, proofId = proof.Id });
        }
        catch (RequestValidationException ex)
        {
            ShowErrors(ex, nameof(Proof), typeof(ProofInputForm));
        }
        catch (BusinessRuleException ex)
        {
            ShowError(ex, nameof(Proof), typeof(ProofInputForm));
        }
        await LoadAsync(id, ct);
        return Page();
    }

    private async Task LoadAsync(Guid id, CancellationToken ct)
    {
        Volunteer = await VolunteerUseCases.Get(db, User.Scope(), id, ct);
        Services = (await ServiceUseCases.List(db, User.Scope(), null, id, null, null, null, new PageRequest(1, 200), ct)).Items;
        Proofs = User.Can(Permissions.VolunteersReveal) ? await ProofUseCases.List(db, User.Scope(), id, ct) : [];
    }
}

public sealed class ProofInputForm
{
    public string? From { get; set; }
    public string? To { get; set; }
    public string? Issuer { get; set; }
    public string? PersonInCharge { get; set; }
    public string? Contact { get; set; }
    /// <summary>经办人. Not named "Handler": Razor Pages reads "handler" from the query string, and the form would pick it up.</summary>
    public string? Clerk { get; set; }
    /// <summary>State the period's trainings and awards as other matters (其他需要说明的事项).</summary>
    public bool ListTrainingAndAwards { get; set; }
}

/// <summary>One training for the volunteer's record (培训情况).</summary>
public sealed class TrainingForm
{
    public string? Date { get; set; }
    public string? Name { get; set; }
    public decimal? Hours { get; set; }
    public string? Organiser { get; set; }
}

/// <summary>One award or commendation for the volunteer's record (表彰奖励情况).</summary>
public sealed class AwardForm
{
    public string? Date { get; set; }
    public string? Name { get; set; }
    public string? Grantor { get; set; }
}

[Authorize(Policy = Permissions.VolunteersReveal)]
public sealed class ProofModel(AppDbContext db, AuditLog audit) : AppPageModel
{
    public ProofDto Proof { get; private set; } = null!;

    public async Task OnGetAsync(Guid id, Guid proofId, CancellationToken ct) =>
        Proof = await ProofUseCases.Get(db, audit, User.Scope(), id, proofId, ct);
}

[Authorize(Policy = Permissions.ServicesRecord)]
public sealed class EditModel(AppDbContext db, TimeProvider clock) : AppPageModel
{
    [BindProperty] public VolunteerForm Input { get; set; } = new();
    public Guid? Id { get; private set; }
    public bool IsNew => Id is null;
    public IReadOnlyList<StationDto> StationOptions { get; private set; } = [];
    public ConflictView? Conflict { get; private set; }

    public async Task OnGetAsync(Guid? id, CancellationToken ct)
    {
        Id = id;
        Input = id is { } existing ? VolunteerForm.From(await VolunteerUseCases.Get(db, User.Scope(), existing, ct)) : new VolunteerForm { RegisteredOn = ChinaTime.Today(clock).ToString("yyyy-MM-dd") };
        StationOptions = await RecordChoices.Stations(db, User.Scope(), ct);
    }

    public async Task<IActionResult> OnPostAsync(Guid? id, CancellationToken ct)
    {
        Id = id;
        try
        {
            // Editing keeps the stored ID number unless a new one is typed (the form shows it masked).
            var input = Input.ToInput();
            if (id is { } existing && string.IsNullOrWhiteSpace(Input.IdNumber))
            {
                var stored = await db.Set<Volunteer>().AsNoTracking().VisibleTo(db, User.Scope()).Where(v => v.Id == existing).FirstOrDefaultAsync(ct);
                input = input with { IdNumber = stored?.IdNumber };
            }
            var saved = id is { } e
                ? await VolunteerUseCases.Update(db, clock, User, e, input, ct)
                : await VolunteerUseCases.Create(db, clock, User, input, ct);
            TempData["Message"] = IsNew ? $"已登记志愿者“{saved.Name}”。" : $"已保存“{saved.Name}”的修改。";
            return RedirectToPage("/Volunteers/Details", new { id = saved.Id });
        }
        catch (RequestValidationException ex)
        {
            ShowErrors(ex, nameof(Input), typeof(VolunteerForm));
        }
        catch (ConflictException ex) when (ex.Message.StartsWith("证件号码", StringComparison.Ordinal))
        {
            ModelState.AddModelError("Input.IdNumber", ex.Message);
        }
        catch (Exception ex) when (ex is ConflictException or DbUpdateConcurrencyException && id is not null)
        {
            db.ChangeTracker.Clear();
            var current = await VolunteerUseCases.Get(db, User.Scope(), id!.Value, ct);
            Conflict = StaleSave(Input, VolunteerForm.From(current), current.Version, VolunteerForm.Labels, v => Input.Version = v);
        }
        StationOptions = await RecordChoices.Stations(db, User.Scope(), ct);
        return Page();
    }
}

/// <summary>The volunteer form. On edit the ID number field starts empty (the stored number is only shown masked) and is kept unless retyped.</summary>
public sealed class VolunteerForm
{
    public Guid? StationId { get; set; }
    public string? Name { get; set; }
    public string? IdType { get; set; } = "residentId";
    public string? IdNumber { get; set; }
    public string? MaskedIdNumber { get; set; }
    public string? Phone { get; set; }
    public string? VolunteerNumber { get; set; }
    public string? RegisteredOn { get; set; }
    public string? Skills { get; set; }
    public string? Notes { get; set; }
    public int? Version { get; set; }

    public static readonly IReadOnlyList<(string, string)> Labels =
    [
        (nameof(Name), "姓名"), (nameof(IdType), "证件类型"), (nameof(Phone), "联系电话"), (nameof(VolunteerNumber), "志愿者编号"),
        (nameof(RegisteredOn), "登记日期"), (nameof(Skills), "服务技能"), (nameof(Notes), "备注"),
    ];

    public VolunteerInput ToInput() => new(StationId, Name, IdType, IdNumber, Phone, VolunteerNumber, RegisteredOn, Skills, Notes, Version);

    public static VolunteerForm From(VolunteerDto v) => new()
    {
        StationId = v.StationId, Name = v.Name, IdType = v.IdType, MaskedIdNumber = v.IdNumber, Phone = v.Phone, VolunteerNumber = v.VolunteerNumber,
        RegisteredOn = v.RegisteredOn, Skills = v.Skills, Notes = v.Notes, Version = v.Version,
    };
}

/// <summary>Records one volunteer service (志愿服务记录): the hours never include travel (order No. 67).</summary>
[Authorize(Policy = Permissions.ServicesRecord)]
public sealed class ServiceModel(AppDbContext db, ProfileCatalog profiles, TimeProvider clock) : AppPageModel
{
    [BindProperty] public ServiceForm Input { get; set; } = new();
    public Guid? Id { get; private set; }
    public IReadOnlyList<VolunteerDto> VolunteerOptions { get; private set; } = [];
    public IReadOnlyList<ActivityDto> ActivityOptions { get; private set; } = [];
    public ConflictView? Conflict { get; private set; }

    public async Task OnGetAsync(Guid? id, Guid? volunteerId, Guid? activityId, CancellationToken ct)
    {
        Id = id;
        if (id is { } existing)
        {
            var s = await ServiceUseCases.Get(db, User.Scope(), existing, ct);
            Input = ServiceForm.From(s);
        }
        else
        {
            Input = new ServiceForm { VolunteerId = volunteerId, ActivityId = activityId, Date = ChinaTime.Today(clock).ToString("yyyy-MM-dd") };
        }
        await PrepareAsync(ct);
    }

    public async Task<IActionResult> OnPostAsync(Guid? id, CancellationToken ct)
    {
        Id = id;
        try
        {
            var saved = id is { } e
                ? await ServiceUseCases.Update(db, clock, User, e, Input.ToInput(), ct)
                : await ServiceUseCases.Create(db, clock, User, Input.ToInput(), ct);
            TempData["Message"] = $"已记录{saved.VolunteerName}的志愿服务 {saved.Hours} 小时（不含往返交通时间）。";
            return RedirectToPage("/Volunteers/Details", new { id = saved.VolunteerId });
        }
        catch (RequestValidationException ex)
        {
            ShowErrors(ex, nameof(Input), typeof(ServiceForm));
        }
        catch (Exception ex) when (ex is ConflictException or DbUpdateConcurrencyException && id is not null)
        {
            db.ChangeTracker.Clear();
            var current = await ServiceUseCases.Get(db, User.Scope(), id!.Value, ct);
            Conflict = StaleSave(Input, ServiceForm.From(current), current.Version, ServiceForm.Labels, v => Input.Version = v);
        }
        await PrepareAsync(ct);
        return Page();
    }

    private async Task PrepareAsync(CancellationToken ct)
    {
        VolunteerOptions = (await VolunteerUseCases.List(db, User.Scope(), null, null, null, null, new PageRequest(1, PageRequest.MaxPageSize), ct)).Items;
        ActivityOptions = (await ActivityUseCases.List(db, profiles, User.Scope(), new ActivityUseCases.Query(), new PageRequest(1, 100), ct)).Items;
    }
}

public sealed class ServiceForm
{
    public Guid? VolunteerId { get; set; }
    public Guid? ActivityId { get; set; }
    public string? Date { get; set; }
    public string? StartTime { get; set; }
    public string? EndTime { get; set; }
    public int? TravelMinutes { get; set; }
    public decimal? Hours { get; set; }
    public string? Content { get; set; }
    public int? Version { get; set; }

    public static readonly IReadOnlyList<(string, string)> Labels =
    [
        (nameof(Date), "服务日期"), (nameof(StartTime), "开始时间"), (nameof(EndTime), "结束时间"), (nameof(TravelMinutes), "往返交通（分钟）"),
        (nameof(Hours), "服务时长（小时）"), (nameof(Content), "服务内容"),
    ];

    public VolunteerServiceInput ToInput() =>
        new(VolunteerId, ActivityId, null, Date, StartTime, EndTime, TravelMinutes, string.IsNullOrEmpty(StartTime) ? Hours : null, Content, Version);

    public static ServiceForm From(VolunteerServiceDto s) => new()
    {
        VolunteerId = s.VolunteerId, ActivityId = s.ActivityId, Date = s.Date, StartTime = s.StartTime, EndTime = s.EndTime,
        TravelMinutes = s.TravelMinutes, Hours = s.StartTime is null ? s.Hours : null, Content = s.Content, Version = s.Version,
    };
}

public sealed class TeamsModel(AppDbContext db, TimeProvider clock) : AppPageModel
{
    public Paged<VolunteerTeamDto> Result { get; private set; } = new([], 0, 1, 50);

    public async Task OnGetAsync(CancellationToken ct) =>
        Result = await TeamUseCases.List(db, clock, User.Scope(), null, new PageRequest(1, 100), ct);
}

[Authorize(Policy = Permissions.ServicesRecord)]
public sealed class TeamModel(AppDbContext db, TimeProvider clock) : AppPageModel
{
    [BindProperty] public TeamForm Input { get; set; } = new();
    public Guid? Id { get; private set; }
    public IReadOnlyList<VolunteerDto> VolunteerOptions { get; private set; } = [];
    public IReadOnlyList<StationDto> StationOptions { get; private set; } = [];
    public ConflictView? Conflict { get; private set; }

    public async Task OnGetAsync(Guid? id, CancellationToken ct)
    {
        Id = id;
        Input = id is { } e ? TeamForm.From(await TeamUseCases.Get(db, clock, User.Scope(), e, ct)) : new TeamForm { FoundedOn = ChinaTime.Today(clock).ToString("yyyy-MM-dd") };
        await PrepareAsync(ct);
    }

    public async Task<IActionResult> OnPostAsync(Guid? id, CancellationToken ct)
    {
        Id = id;
        try
        {
            var saved = id is { } e ? await TeamUseCases.Update(db, clock, User, e, Input.ToInput(), ct) : await TeamUseCases.Create(db, clock, User, Input.ToInput(), ct);
            TempData["Message"] = $"已保存志愿服务队“{saved.Name}”。";
            return RedirectToPage("/Volunteers/Teams");
        }
        catch (RequestValidationException ex)
        {
            ShowErrors(ex, nameof(Input), typeof(TeamForm));
        }
        catch (Exception ex) when (ex is ConflictException or DbUpdateConcurrencyException && id is not null)
        {
            db.ChangeTracker.Clear();
            var current = await TeamUseCases.Get(db, clock, User.Scope(), id!.Value, ct);
            Conflict = StaleSave(Input, TeamForm.From(current), current.Version, TeamForm.Labels, v => Input.Version = v);
        }
        await PrepareAsync(ct);
        return Page();
    }

    private async Task PrepareAsync(CancellationToken ct)
    {
        VolunteerOptions = (await VolunteerUseCases.List(db, User.Scope(), Input.StationId, null, null, null, new PageRequest(1, PageRequest.MaxPageSize), ct)).Items;
        StationOptions = await RecordChoices.Stations(db, User.Scope(), ct);
    }
}

public sealed class TeamForm
{
    public Guid? StationId { get; set; }
    public string? Name { get; set; }
    public string? FoundedOn { get; set; }
    public string? DisbandedOn { get; set; }
    public string? Leader { get; set; }
    public string? LeaderPhone { get; set; }
    public string? ServiceArea { get; set; }
    public string? TeamNumber { get; set; }
    public List<Guid> MemberIds { get; set; } = [];
    public int? Version { get; set; }

    public static readonly IReadOnlyList<(string, string)> Labels =
    [
        (nameof(Name), "名称"), (nameof(FoundedOn), "成立日期"), (nameof(DisbandedOn), "解散日期"), (nameof(Leader), "队长"),
        (nameof(LeaderPhone), "队长电话"), (nameof(ServiceArea), "服务领域"), (nameof(TeamNumber), "团体编号"), (nameof(MemberIds), "队员"),
    ];

    public VolunteerTeamInput ToInput() => new(StationId, Name, FoundedOn, DisbandedOn, Leader, LeaderPhone, ServiceArea, TeamNumber, MemberIds, Version);

    public static TeamForm From(VolunteerTeamDto t) => new()
    {
        StationId = t.StationId, Name = t.Name, FoundedOn = t.FoundedOn, DisbandedOn = t.DisbandedOn, Leader = t.Leader, LeaderPhone = t.LeaderPhone,
        ServiceArea = t.ServiceArea, TeamNumber = t.TeamNumber, MemberIds = t.Members.Select(m => m.Id).ToList(), Version = t.Version,
    };
}
