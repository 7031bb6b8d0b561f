using SocialWorkStation.Web.Features.Stations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using SocialWorkStation.Domain.Names;
using SocialWorkStation.Domain.Recipients;
using SocialWorkStation.Web.Data;
using SocialWorkStation.Web.Features.Accounts;
using SocialWorkStation.Web.Features.Profiles;
using SocialWorkStation.Web.Features.Recipients;
using SocialWorkStation.Web.Features.Shared;
using SocialWorkStation.Web.Infrastructure;

namespace SocialWorkStation.Web.Features.Visits;

/// <summary>The visit ledger (走访台账) page: filters, cards on a phone, export.</summary>
public sealed class IndexModel(AppDbContext db) : AppPageModel
{
    [BindProperty(SupportsGet = true)] public Guid? WorkerId { get; set; }
    [BindProperty(SupportsGet = true)] public string? VillageCode { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? From { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? To { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int? PageNumber { get; set; }
    public Paged<VisitDto> Result { get; private set; } = new([], 0, 1, 20);
    public PagerModel Pager => PagerModel.For(Result, "/Visits/Index", Filters);

    public Dictionary<string, string?> Filters => new()
    {
        ["workerId"] = WorkerId?.ToString(), ["villageCode"] = VillageCode,
        ["from"] = From?.ToString("yyyy-MM-dd"), ["to"] = To?.ToString("yyyy-MM-dd"),
    };

    /// <summary>Set by the form's script path after a save, so the ledger confirms it as the no-script path does.</summary>
    [BindProperty(SupportsGet = true)] public string? Saved { get; set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        if (Saved is not null && TempData["Message"] is null)
        {
            ViewData["Message"] = DateOnly.TryParse(Saved, System.Globalization.CultureInfo.InvariantCulture, out var on)
                ? $"已保存走访记录（{on:yyyy-MM-dd}）" : "已保存走访记录";
        }
        Result = await ListVisits.Handle(db, User.Scope(), new ListVisits.Query(null, WorkerId, VillageCode, null, From, To), new PageRequest(PageNumber ?? 1, 20), ct);
    }
}

/// <summary>
/// The visit form, phone first. With scripts it posts JSON to the API and, when the phone is offline,
/// keeps the record on the phone until the network returns (wwwroot/js/visit-offline.js); without
/// scripts it posts to this page. Either way the record carries an idempotency key made with the form.
/// </summary>
[Authorize(Policy = Permissions.VisitsWrite)]
public sealed class RecordModel(AppDbContext db, TimeProvider clock) : AppPageModel
{
    public sealed class Form
    {
        public Guid? StationId { get; set; }
        public string Kind { get; set; } = "homeVisit";
        public string? VisitedOn { get; set; }
        public List<Guid> RecipientIds { get; set; } = [];
        public List<Guid> WorkerIds { get; set; } = [];
        public string? Place { get; set; }
        public string? Domain { get; set; }
        public string? Findings { get; set; }
        public string? ServiceContent { get; set; }
        public bool FollowUpNeeded { get; set; }
        public string? FollowUp { get; set; }
        public double? Latitude { get; set; }
        public double? Longitude { get; set; }
        public Guid IdempotencyKey { get; set; } = Guid.NewGuid();
        public int? Version { get; set; }

        public static readonly IReadOnlyList<(string Property, string Label)> Labels =
        [
            (nameof(Kind), "走访方式"), (nameof(VisitedOn), "走访日期"), (nameof(Place), "地点"), (nameof(Domain), "服务领域"),
            (nameof(Findings), "发现问题"), (nameof(ServiceContent), "服务内容"), (nameof(FollowUpNeeded), "需要跟进"), (nameof(FollowUp), "跟进事项"),
        ];

        public static Form From(VisitDto v) => new()
        {
            StationId = v.StationId, Kind = v.Kind, VisitedOn = v.VisitedOn.ToString("yyyy-MM-dd"), RecipientIds = v.Recipients.Select(r => r.Id).ToList(),
            WorkerIds = v.Workers.Select(w => w.Id).ToList(), Place = v.Place, Domain = v.Domain, Findings = v.Findings, ServiceContent = v.ServiceContent,
            FollowUpNeeded = v.FollowUpNeeded, FollowUp = v.FollowUp, Latitude = v.Latitude, Longitude = v.Longitude,
            IdempotencyKey = v.IdempotencyKey ?? Guid.Empty, Version = v.Version,
        };
    }

    [BindProperty] public Form Input { get; set; } = new();
    /// <summary>Masked name, a note (the address) and the pinyin keys the phone's search box matches (initials and full pinyin).</summary>
    public IReadOnlyList<(Guid Id, string Name, string Note, string Keys)> RecipientOptions { get; private set; } = [];
    public IReadOnlyList<(Guid Id, string Name)> WorkerOptions { get; private set; } = [];
    public string Today { get; private set; } = "";
    public Guid? Id { get; private set; }
    public bool IsNew => Id is null;
    public ConflictView? Conflict { get; private set; }

    public async Task OnGetAsync(Guid? id, Guid? recipientId, CancellationToken ct)
    {
        Id = id;
        if (id is { } existing)
        {
            Input = Form.From(await GetVisit.Handle(db, User.Scope(), existing, ct));
            await PrepareAsync(ct);
            return;
        }
        await PrepareAsync(ct);
        Input.VisitedOn = Today;
        if (recipientId is { } r)
        {
            Input.RecipientIds.Add(r);
        }
        // The worker whose name is the account's is ticked: the usual case is one worker recording their own visit.
        var me = WorkerOptions.FirstOrDefault(w => w.Name == User.DisplayName());
        if (me.Id != Guid.Empty)
        {
            Input.WorkerIds.Add(me.Id);
        }
    }

    public async Task<IActionResult> OnPostAsync(Guid? id, CancellationToken ct)
    {
        Id = id;
        if (ModelState.IsValid)
        {
            try
            {
                var visit = id is { } existing
                    ? await SaveVisit.Update(db, clock, User, existing, ToInput() with { Version = Input.Version }, ct)
                    : (await SaveVisit.Create(db, clock, User, ToInput(), ct)).Visit;
                TempData["Message"] = $"已保存{visit.KindLabel}记录（{visit.VisitedOn:yyyy-MM-dd}）";
                return RedirectToPage("/Visits/Index");
            }
            catch (RequestValidationException ex)
            {
                ShowErrors(ex, nameof(Input), typeof(Form));
            }
            catch (Exception ex) when (ex is ConflictException or DbUpdateConcurrencyException && id is not null)
            {
                // Both versions on the page: what was typed and what is saved now.
                db.ChangeTracker.Clear();
                var current = await GetVisit.Handle(db, User.Scope(), id!.Value, ct);
                Conflict = StaleSave(Input, Form.From(current), current.Version, Form.Labels, v => Input.Version = v);
            }
        }
        await PrepareAsync(ct);
        return Page();
    }

    private VisitInput ToInput() => new(Input.StationId, Input.Kind,
        DateOnly.TryParse(Input.VisitedOn, System.Globalization.CultureInfo.InvariantCulture, out var d) ? d : null,
        [.. Input.RecipientIds], null, [.. Input.WorkerIds], Input.Place, Input.Domain, Input.Findings, Input.ServiceContent, Input.FollowUpNeeded,
        Input.FollowUp, Input.Latitude, Input.Longitude, Id is null ? Input.IdempotencyKey : null);

    private async Task PrepareAsync(CancellationToken ct)
    {
        Today = ChinaTime.Today(clock).ToString("yyyy-MM-dd");
        var scope = User.Scope();
        var stationId = Input.StationId ?? scope.StationId;
        var recipients = await db.Recipients.AsNoTracking().VisibleTo(db, scope)
            .Where(r => r.Status == RecipientStatus.Active && (stationId == null || r.StationId == stationId))
            .OrderBy(r => r.Name).Take(500).Select(r => new { r.Id, r.Name, r.Address }).ToListAsync(ct);
        // Sorted by pinyin, as a Chinese reader expects, not by character code (issue 18).
        RecipientOptions = recipients
            .Select(r => (r.Id, Name: Masking.Name(r.Name), Note: r.Address ?? "", Keys: string.Join(' ', NameKeys.For(r.Name).All)))
            .OrderBy(r => r.Keys, StringComparer.Ordinal).ToList();
        var rooms = db.Platforms.Where(p => p.Id == stationId || p.ParentId == stationId).Select(p => p.Id);
        var workers = await db.Workers.AsNoTracking().Where(w => w.LeftOn == null && rooms.Contains(w.PlatformId)).OrderBy(w => w.Name)
            .Select(w => new { w.Id, w.Name }).ToListAsync(ct);
        WorkerOptions = workers.Select(w => (w.Id, w.Name)).ToList();
    }
}
