using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SocialWorkStation.Domain.Services;
using SocialWorkStation.Web.Data;
using SocialWorkStation.Web.Features.Accounts;
using SocialWorkStation.Web.Features.Attachments;
using SocialWorkStation.Web.Features.Profiles;
using SocialWorkStation.Web.Features.Shared;
using SocialWorkStation.Web.Features.Stations;
using SocialWorkStation.Web.Infrastructure;

namespace SocialWorkStation.Web.Features.Activities;

/// <summary>Choices the service-record forms share: the stations one may record for, the villages of a station.</summary>
public static class RecordChoices
{
    /// <summary>Stations and village rooms inside the scope; empty for a station-scoped user (their station is implied).</summary>
    public static async Task<IReadOnlyList<StationDto>> Stations(AppDbContext db, UserScope scope, CancellationToken ct)
    {
        if (scope.Kind == ScopeKind.Station)
        {
            return [];
        }
        var list = await ListStations.Handle(db, scope, new ListStations.Query(), new PageRequest(1, PageRequest.MaxPageSize), ct);
        return list.Items.Where(s => s.Kind != "countyCentre").ToList();
    }

    /// <summary>The villages and communities under a station's township (a village room: its own village).</summary>
    public static async Task<IReadOnlyList<(string Code, string Name)>> Villages(AppDbContext db, UserScope scope, Guid? stationId, CancellationToken ct)
    {
        var id = stationId ?? scope.StationId;
        if (id is null) return [];
        var station = await db.Platforms.AsNoTracking().VisibleTo(scope).FirstOrDefaultAsync(p => p.Id == id, ct);
        if (station is null) return [];
        var rows = await db.Regions.AsNoTracking()
            .Where(r => r.Level == Domain.Regions.RegionLevel.Village && r.Code.StartsWith(station.RegionCode))
            .OrderBy(r => r.Code).Select(r => new { r.Code, r.Name }).ToListAsync(ct);
        return rows.Select(r => (r.Code, r.Name)).ToList();
    }

    /// <summary>
    /// The active recipients of a station and its village rooms inside the scope, names masked (docs/requirements/domain.md §8),
    /// at most 500, with <paramref name="keep"/> listed even when no longer active (the one a record already names).
    /// </summary>
    public static async Task<IReadOnlyList<(Guid Id, string Name, string Note)>> Recipients(AppDbContext db, UserScope scope, Guid? stationId, Guid? keep, CancellationToken ct)
    {
        var id = stationId ?? scope.StationId;
        if (id is null) return [];
        var rooms = db.Platforms.Where(p => p.Id == id || p.ParentId == id).Select(p => p.Id);
        var rows = await db.Recipients.AsNoTracking().VisibleTo(db, scope)
            .Where(r => rooms.Contains(r.StationId) && (r.Status == Domain.Recipients.RecipientStatus.Active || r.Id == keep))
            .OrderBy(r => r.Name).Take(500).Select(r => new { r.Id, r.Name, r.Address }).ToListAsync(ct);
        return rows.Select(r => (r.Id, Domain.Names.Masking.Name(r.Name), r.Address ?? "")).ToList();
    }

    public static string Kinds(IEnumerable<string> kinds) =>
        string.Join("、", kinds.Select(k => ActivityKinds.FromApi(k) is { } x ? ActivityKinds.Chinese(x) : k));
}

public sealed class IndexModel(AppDbContext db, ProfileCatalog profiles, TimeProvider clock) : AppPageModel
{
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public string? Kind { get; set; }
    [BindProperty(SupportsGet = true)] public string? From { get; set; }
    [BindProperty(SupportsGet = true)] public string? To { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int? PageNumber { get; set; }
    public Paged<ActivityDto> Result { get; private set; } = new([], 0, 1, 20);
    public ProgressDto? Progress { get; private set; }
    public PagerModel Pager => PagerModel.For(Result, "/Activities/Index", new Dictionary<string, string?> { ["q"] = Q, ["kind"] = Kind, ["from"] = From, ["to"] = To });

    public async Task OnGetAsync(CancellationToken ct)
    {
        try
        {
            Result = await ActivityUseCases.List(db, profiles, User.Scope(), new ActivityUseCases.Query(null, From, To, Kind, Q), new PageRequest(PageNumber ?? 1, 20), ct);
        }
        catch (RequestValidationException ex)
        {
            ShowErrors(ex, "", GetType());
        }
        if (User.Scope().Kind == ScopeKind.Station)
        {
            Progress = await ActivityUseCases.Progress(db, profiles, clock, User.Scope(), null, null, ct);
        }
    }
}

public sealed class DetailsModel(AppDbContext db, ProfileCatalog profiles, AttachmentStore store, IOptions<AttachmentOptions> options, TimeProvider clock)
    : RecordPageModel(db, store, options, clock)
{
    protected override string OwnerType => ActivityUseCases.OwnerType;
    public ActivityDto Activity { get; private set; } = null!;
    public AttachmentsPanel Attachments { get; private set; } = null!;

    public async Task OnGetAsync(Guid id, CancellationToken ct)
    {
        Activity = await ActivityUseCases.Get(Db, profiles, User.Scope(), id, ct);
        Attachments = Panel(id, Activity.Attachments);
    }
}

[Authorize(Policy = Permissions.ServicesRecord)]
public sealed class EditModel(AppDbContext db, ProfileCatalog profiles, AttachmentStore store, IOptions<AttachmentOptions> options, TimeProvider clock) : AppPageModel
{
    [BindProperty] public ActivityForm Input { get; set; } = new();
    public Guid? Id { get; private set; }
    public bool IsNew => Id is null;
    public IReadOnlyList<StationDto> StationOptions { get; private set; } = [];
    public IReadOnlyList<(string Code, string Name)> VillageOptions { get; private set; } = [];
    public ConflictView? Conflict { get; private set; }

    public async Task OnGetAsync(Guid? id, CancellationToken ct)
    {
        Id = id;
        Input = id is { } existing
            ? ActivityForm.From(await ActivityUseCases.Get(db, profiles, User.Scope(), existing, ct))
            : new ActivityForm { Date = ChinaTime.Today(clock).ToString("yyyy-MM-dd"), Workers = User.DisplayName() };
        await PrepareAsync(ct);
    }

    public async Task<IActionResult> OnPostAsync(Guid? id, List<IFormFile>? photos, CancellationToken ct)
    {
        Id = id;
        if (ModelState.IsValid)
        {
            try
            {
                var saved = id is { } existing
                    ? await ActivityUseCases.Update(db, profiles, clock, User, existing, Input.ToInput(), ct)
                    : await ActivityUseCases.Create(db, profiles, clock, User, Input.ToInput(), ct);
                var uploaded = 0;
                try
                {
                    // Photos chosen on the form are attached once the activity exists, through the same checks as the API.
                    foreach (var photo in photos ?? [])
                    {
                        await AttachmentUseCases.Upload(db, store, options.Value, clock, User, new AttachmentUpload(ActivityUseCases.OwnerType, saved.Id, "photo", photo), ct);
                        uploaded++;
                    }
                }
                catch (RequestValidationException ex)
                {
                    TempData[RecordPageModel.ErrorKey] = $"活动已保存，但有照片未能上传：{string.Join("；", ex.Errors.SelectMany(e => e.Value))}";
                }
                TempData["Message"] = (IsNew ? $"已记录活动“{saved.Theme}”" : $"已保存“{saved.Theme}”的修改") + (uploaded > 0 ? $"，上传照片 {uploaded} 张。" : "。");
                return RedirectToPage("/Activities/Details", new { id = saved.Id });
            }
            catch (RequestValidationException ex)
            {
                ShowErrors(ex, nameof(Input), typeof(ActivityForm));
            }
            catch (Exception ex) when (ex is ConflictException or DbUpdateConcurrencyException && id is not null)
            {
                db.ChangeTracker.Clear();
                var current = await ActivityUseCases.Get(db, profiles, User.Scope(), id!.Value, ct);
                Conflict = StaleSave(Input, ActivityForm.From(current), current.Version, ActivityForm.Labels, v => Input.Version = v);
            }
        }
        await PrepareAsync(ct);
        return Page();
    }

    private async Task PrepareAsync(CancellationToken ct)
    {
        StationOptions = await RecordChoices.Stations(db, User.Scope(), ct);
        VillageOptions = await RecordChoices.Villages(db, User.Scope(), Input.StationId ?? StationOptions.FirstOrDefault()?.Id, ct);
    }
}

/// <summary>The activity form; workers are typed as one line separated by 、 or commas.</summary>
public sealed class ActivityForm
{
    public Guid? StationId { get; set; }
    public string? Date { get; set; }
    public string? Place { get; set; }
    public string? VillageCode { get; set; }
    public string? Theme { get; set; }
    public List<string> Kinds { get; set; } = [];
    public string? Workers { get; set; }
    public int? ParticipantCount { get; set; }
    public string? Content { get; set; }
    public string? Outcome { get; set; }
    public int? Version { get; set; }

    public static readonly IReadOnlyList<(string, string)> Labels =
    [
        (nameof(Date), "活动日期"), (nameof(Place), "地点"), (nameof(VillageCode), "村（社区）"), (nameof(Theme), "主题"),
        (nameof(KindNames), "活动类型"), (nameof(Workers), "组织社工"), (nameof(ParticipantCount), "参与人数"), (nameof(Content), "活动内容"), (nameof(Outcome), "活动成效"),
    ];

    public string KindNames => RecordChoices.Kinds(Kinds);

    public ActivityInput ToInput() => new(StationId, Date, Place, VillageCode, Theme, Kinds,
        (Workers ?? "").Split(['、', ',', '，', ' ', '；', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries), ParticipantCount, Content, Outcome, Version);

    public static ActivityForm From(ActivityDto a) => new()
    {
        StationId = a.StationId, Date = a.Date, Place = a.Place, VillageCode = a.VillageCode, Theme = a.Theme, Kinds = [.. a.Kinds],
        Workers = string.Join("、", a.Workers), ParticipantCount = a.ParticipantCount, Content = a.Content, Outcome = a.Outcome, Version = a.Version,
    };
}
