using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SocialWorkStation.Domain.Names;
using SocialWorkStation.Domain.Recipients;
using SocialWorkStation.Web.Data;
using SocialWorkStation.Web.Features.Accounts;
using SocialWorkStation.Web.Features.Activities;
using SocialWorkStation.Web.Features.Attachments;
using SocialWorkStation.Web.Features.Profiles;
using SocialWorkStation.Web.Features.Recipients;
using SocialWorkStation.Web.Features.Shared;
using SocialWorkStation.Web.Features.Stations;
using SocialWorkStation.Web.Infrastructure;

namespace SocialWorkStation.Web.Features.Groups;

/// <summary>The group list (小组): stage, sessions held and participant-times against the profile, whether it counts.</summary>
public sealed class IndexModel(AppDbContext db, ProfileCatalog profiles) : AppPageModel
{
    [BindProperty(SupportsGet = true, Name = "p")] public int? PageNumber { get; set; }
    public Paged<GroupDto> Result { get; private set; } = new([], 0, 1, 20);
    public PagerModel Pager => PagerModel.For(Result, "/Groups/Index", new Dictionary<string, string?>());

    public async Task OnGetAsync(CancellationToken ct) =>
        Result = await GroupUseCases.List(db, profiles, User.Scope(), null, new PageRequest(PageNumber ?? 1, 20), ct);
}

/// <summary>
/// One group: members, sessions with attendance, each session's photos and sign-in sheets (签到表) with an
/// upload panel, and the add-session form with attendance checkboxes.
/// </summary>
public sealed class DetailsModel(AppDbContext db, ProfileCatalog profiles, AttachmentStore store, IOptions<AttachmentOptions> options, TimeProvider clock)
    : RecordPageModel(db, store, options, clock)
{
    protected override string OwnerType => GroupUseCases.SessionOwnerType;
    public GroupDto Group { get; private set; } = null!;
    /// <summary>The attachments panel of each session, by session id.</summary>
    public IReadOnlyDictionary<Guid, AttachmentsPanel> SessionAttachments { get; private set; } = new Dictionary<Guid, AttachmentsPanel>();
    [BindProperty] public SessionForm Session { get; set; } = new();
    public string Today => ChinaTime.Today(Clock).ToString("yyyy-MM-dd");

    public async Task OnGetAsync(Guid id, CancellationToken ct)
    {
        Group = await GroupUseCases.Get(Db, profiles, User.Scope(), id, ct);
        Session.HeldOn ??= ChinaTime.Today(Clock);
        await LoadAttachmentsAsync(ct);
    }

    /// <summary>Files go to a session of this group only (the upload form names the session).</summary>
    protected override Task<bool> OwnsAsync(Guid id, Guid ownerId, CancellationToken ct) =>
        Db.Set<GroupSession>().AnyAsync(s => s.Id == ownerId && s.GroupId == id, ct);

    private async Task LoadAttachmentsAsync(CancellationToken ct)
    {
        var files = await AttachmentUseCases.ForOwners(Db, GroupUseCases.SessionOwnerType, Group.Sessions.Select(s => s.Id).ToList(), ct);
        SessionAttachments = Group.Sessions.ToDictionary(s => s.Id,
            s => Panel(s.Id, files.GetValueOrDefault(s.Id) ?? [], $"第 {s.Number} 节照片与签到表", nested: true));
    }

    public async Task<IActionResult> OnPostSessionAsync(Guid id, CancellationToken ct)
    {
        if (!User.Can(Permissions.GroupsWrite)) return Forbid();
        try
        {
            var saved = await GroupUseCases.AddSession(Db, profiles, Clock, User, id, new SessionInput(Session.HeldOn, Session.Content, [.. Session.AttendeeIds]), ct);
            var last = saved.Sessions[^1];
            TempData["Message"] = $"已记录第 {last.Number} 节，出席 {last.Attendance} 人；累计 {saved.SessionsHeld} 节、{saved.ParticipantTimes} 人次。";
            return RedirectToPage("/Groups/Details", new { id });
        }
        catch (RequestValidationException ex)
        {
            ShowErrors(ex, nameof(Session), typeof(SessionForm));
        }
        Db.ChangeTracker.Clear();
        Group = await GroupUseCases.Get(Db, profiles, User.Scope(), id, ct);
        await LoadAttachmentsAsync(ct);
        return Page();
    }

    public sealed class SessionForm
    {
        public DateOnly? HeldOn { get; set; }
        public string? Content { get; set; }
        public List<Guid> AttendeeIds { get; set; } = [];
    }
}

/// <summary>The group form (new and edit); a stale save shows both versions side by side.</summary>
[Authorize(Policy = Permissions.GroupsWrite)]
public sealed class EditModel(AppDbContext db, ProfileCatalog profiles, TimeProvider clock) : AppPageModel
{
    [BindProperty] public GroupForm Input { get; set; } = new();
    public Guid? Id { get; private set; }
    public bool IsNew => Id is null;
    public IReadOnlyList<StationDto> StationOptions { get; private set; } = [];
    public IReadOnlyList<(Guid Id, string Name, string Note)> RecipientOptions { get; private set; } = [];
    public ConflictView? Conflict { get; private set; }

    public async Task OnGetAsync(Guid? id, CancellationToken ct)
    {
        Id = id;
        Input = id is { } existing
            ? GroupForm.From(await GroupUseCases.Get(db, profiles, User.Scope(), existing, ct))
            : new GroupForm { StartedOn = ChinaTime.Today(clock), Stage = "preparation" };
        await PrepareAsync(ct);
    }

    public async Task<IActionResult> OnPostAsync(Guid? id, CancellationToken ct)
    {
        Id = id;
        if (ModelState.IsValid)
        {
            try
            {
                var saved = id is { } existing
                    ? await GroupUseCases.Update(db, profiles, clock, User, existing, Input.ToInput(), ct)
                    : await GroupUseCases.Create(db, profiles, clock, User, Input.ToInput(), ct);
                TempData["Message"] = IsNew ? $"已新建小组“{saved.Name}”。" : $"已保存“{saved.Name}”的修改。";
                return RedirectToPage("/Groups/Details", new { id = saved.Id });
            }
            catch (RequestValidationException ex)
            {
                ShowErrors(ex, nameof(Input), typeof(GroupForm));
            }
            catch (Exception ex) when (ex is ConflictException or DbUpdateConcurrencyException && id is not null)
            {
                db.ChangeTracker.Clear();
                var current = await GroupUseCases.Get(db, profiles, User.Scope(), id!.Value, ct);
                Conflict = StaleSave(Input, GroupForm.From(current), current.Version, GroupForm.Labels, v => Input.Version = v);
            }
        }
        await PrepareAsync(ct);
        return Page();
    }

    private async Task PrepareAsync(CancellationToken ct)
    {
        var scope = User.Scope();
        StationOptions = await RecordChoices.Stations(db, scope, ct);
        var stationId = Input.StationId ?? scope.StationId ?? StationOptions.FirstOrDefault()?.Id;
        var rooms = db.Platforms.Where(p => p.Id == stationId || p.ParentId == stationId).Select(p => p.Id);
        var recipients = await db.Recipients.AsNoTracking().VisibleTo(db, scope)
            .Where(r => (r.Status == RecipientStatus.Active || Input.MemberIds.Contains(r.Id)) && (stationId == null || rooms.Contains(r.StationId)))
            .OrderBy(r => r.Name).Take(500).Select(r => new { r.Id, r.Name, r.Address }).ToListAsync(ct);
        RecipientOptions = recipients.Select(r => (r.Id, Masking.Name(r.Name), r.Address ?? "")).ToList();
    }
}

public sealed class GroupForm
{
    public Guid? StationId { get; set; }
    public string? Name { get; set; }
    public string? Purpose { get; set; }
    public string? Stage { get; set; }
    public int? PlannedSessions { get; set; }
    public DateOnly? StartedOn { get; set; }
    public List<Guid> MemberIds { get; set; } = [];
    public int? Version { get; set; }

    public static readonly IReadOnlyList<(string, string)> Labels =
    [
        (nameof(Name), "小组名称"), (nameof(Purpose), "小组目的"), (nameof(Stage), "阶段"), (nameof(PlannedSessions), "计划节数"),
        (nameof(StartedOn), "开始日期"), (nameof(MemberIds), "组员"),
    ];

    public GroupInput ToInput() => new(StationId, Name, Purpose, Stage, PlannedSessions, StartedOn, [.. MemberIds], Version);

    public static GroupForm From(GroupDto g) => new()
    {
        StationId = g.StationId, Name = g.Name, Purpose = g.Purpose, Stage = g.Stage, PlannedSessions = g.PlannedSessions, StartedOn = g.StartedOn,
        MemberIds = g.Members.Select(m => m.RecipientId).ToList(), Version = g.Version,
    };
}
