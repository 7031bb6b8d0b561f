using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using SocialWorkStation.Domain.Names;
using SocialWorkStation.Web.Data;
using SocialWorkStation.Web.Features.Accounts;
using SocialWorkStation.Web.Features.Activities;
using SocialWorkStation.Web.Features.Profiles;
using SocialWorkStation.Web.Features.Recipients;
using SocialWorkStation.Web.Features.Shared;
using SocialWorkStation.Web.Features.Stations;
using SocialWorkStation.Web.Infrastructure;

namespace SocialWorkStation.Web.Features.Incidents;

[Authorize(Policy = Permissions.IncidentsRead)]
public sealed class IndexModel(AppDbContext db) : AppPageModel
{
    [BindProperty(SupportsGet = true)] public string? Status { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int? PageNumber { get; set; }
    public Paged<IncidentDto> Result { get; private set; } = new([], 0, 1, 20);
    public PagerModel Pager => PagerModel.For(Result, "/Incidents/Index", new Dictionary<string, string?> { ["status"] = Status });

    public async Task OnGetAsync(CancellationToken ct)
    {
        if (Status is not (null or "" or "open" or "closed" or "unacknowledged")) Status = null;
        Result = await IncidentUseCases.List(db, User, null, Status, new PageRequest(PageNumber ?? 1, 20), ct);
    }
}

[Authorize(Policy = Permissions.IncidentsRead)]
public sealed class DetailsModel(AppDbContext db, TimeProvider clock) : AppPageModel
{
    public IncidentDto Incident { get; private set; } = null!;
    [BindProperty] public string? Closure { get; set; }
    [BindProperty] public string? ClosedOn { get; set; }
    [BindProperty] public string? Actions { get; set; }
    [BindProperty] public int? Version { get; set; }

    public bool CanAcknowledge => Incident is { Urgent: true, Acknowledged: false }
        && User.IsInRole(Incident.ReportTo == "countyBureau" ? Roles.BureauOfficer : Roles.TownshipOfficer);

    public async Task OnGetAsync(Guid id, CancellationToken ct)
    {
        Incident = await IncidentUseCases.Get(db, User, id, ct);
        Actions = Incident.Actions;
        ClosedOn = ChinaTime.Today(clock).ToString("yyyy-MM-dd");
    }

    public async Task<IActionResult> OnPostAcknowledgeAsync(Guid id, CancellationToken ct)
    {
        if (!User.Can(Permissions.IncidentsAcknowledge)) return Forbid();
        return await Save(id, "已确认收到紧急报告。", () => IncidentUseCases.Acknowledge(db, clock, User, id, new AcknowledgeInput(Version), ct), "", ct);
    }

    public async Task<IActionResult> OnPostActionsAsync(Guid id, CancellationToken ct)
    {
        if (!User.Can(Permissions.IncidentsWrite)) return Forbid();
        var current = await IncidentUseCases.Get(db, User, id, ct);
        return await Save(id, "已保存处置措施。", () => IncidentUseCases.Update(db, User, id, new IncidentUpdateInput(current.What, current.Severity, Actions, Version), ct), nameof(Actions), ct);
    }

    public async Task<IActionResult> OnPostCloseAsync(Guid id, CancellationToken ct)
    {
        if (!User.Can(Permissions.IncidentsWrite)) return Forbid();
        return await Save(id, "已结案。", () => IncidentUseCases.Close(db, clock, User, id, new IncidentCloseInput(ClosedOn, Closure, Version), ct), nameof(Closure), ct);
    }

    private async Task<IActionResult> Save(Guid id, string done, Func<Task<IncidentDto>> save, string field, CancellationToken ct)
    {
        try
        {
            await save();
            TempData["Message"] = done;
            return RedirectToPage(new { id });
        }
        catch (RequestValidationException ex)
        {
            foreach (var (key, messages) in ex.Errors) foreach (var m in messages) ModelState.AddModelError(key == "closedOn" ? nameof(ClosedOn) : field, m);
        }
        catch (BusinessRuleException ex)
        {
            ModelState.AddModelError(field, ex.Message);
        }
        catch (Exception ex) when (ex is ConflictException or DbUpdateConcurrencyException)
        {
            ModelState.AddModelError("", "该事件已被他人修改，请查看最新内容后再保存。");
        }
        Incident = await IncidentUseCases.Get(db, User, id, ct);
        return Page();
    }
}

public sealed class IncidentForm
{
    public Guid? StationId { get; set; }
    public string? OccurredOn { get; set; }
    public string? What { get; set; }
    public Guid? RecipientId { get; set; }
    public string? Severity { get; set; } = "minor";
    public string? Actions { get; set; }
    public bool Urgent { get; set; }
    public string? Need { get; set; } = "medical";
}

public sealed record RecipientChoice(Guid Id, string Label);

[Authorize(Policy = Permissions.IncidentsWrite)]
public sealed class CreateModel(AppDbContext db, ProfileCatalog profiles, TimeProvider clock) : AppPageModel
{
    [BindProperty] public IncidentForm Input { get; set; } = new();
    public IReadOnlyList<StationDto> StationOptions { get; private set; } = [];
    public IReadOnlyList<RecipientChoice> RecipientOptions { get; private set; } = [];

    public async Task OnGetAsync(Guid? recipientId, CancellationToken ct)
    {
        Input.OccurredOn = ChinaTime.Today(clock).ToString("yyyy-MM-dd");
        Input.RecipientId = recipientId;
        await Choices(ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        try
        {
            var dto = await IncidentUseCases.Create(db, profiles, clock, User,
                new IncidentInput(Input.StationId, Input.OccurredOn, Input.What, Input.RecipientId, Input.Severity, Input.Actions, Input.Urgent, Input.Need), ct);
            TempData["Message"] = dto.Urgent ? $"已登记，并已报{dto.ReportToText}（{dto.RouteSource}）。" : "已登记。";
            return RedirectToPage("/Incidents/Details", new { id = dto.Id });
        }
        catch (RequestValidationException ex)
        {
            ShowErrors(ex, nameof(Input), typeof(IncidentForm));
        }
        await Choices(ct);
        return Page();
    }

    /// <summary>The stations in scope, and their recipients by masked name and birth year (the name is not written in full here).</summary>
    private async Task Choices(CancellationToken ct)
    {
        StationOptions = await RecordChoices.Stations(db, User.Scope(), ct);
        var rows = await db.Recipients.AsNoTracking().VisibleTo(db, User.Scope()).Where(r => r.Status == Domain.Recipients.RecipientStatus.Active)
            .OrderBy(r => r.Name).Take(300).Select(r => new { r.Id, r.Name, r.BirthYear }).ToListAsync(ct);
        RecipientOptions = rows.Select(r => new RecipientChoice(r.Id, $"{Masking.Name(r.Name)}（{r.BirthYear}年生）")).ToList();
    }
}

public sealed class CountyDocumentForm
{
    public string? CountyCode { get; set; }
    public string? Name { get; set; }
    public string? Title { get; set; }
    public string? FileNumber { get; set; }
    public string? AdoptedOn { get; set; }
}

[Authorize(Policy = Permissions.IncidentsRead)]
public sealed class DocumentsModel(AppDbContext db, ProfileCatalog profiles, TimeProvider clock) : AppPageModel
{
    [BindProperty] public CountyDocumentForm Input { get; set; } = new();
    public CountyDocumentsDto Data { get; private set; } = new([], []);

    public async Task OnGetAsync(CancellationToken ct)
    {
        Data = await IncidentUseCases.ListDocuments(db, profiles, User, ct);
        Input.AdoptedOn = ChinaTime.Today(clock).ToString("yyyy-MM-dd");
        Input.CountyCode = Data.Counties.FirstOrDefault()?.CountyCode;
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!User.Can(Permissions.CountyDocumentsManage)) return Forbid();
        try
        {
            await IncidentUseCases.AddDocument(db, profiles, clock, User, new CountyDocumentInput(Input.CountyCode, Input.Name, Input.Title, Input.FileNumber, Input.AdoptedOn), ct);
            TempData["Message"] = "已登记县级文件。";
            return RedirectToPage();
        }
        catch (RequestValidationException ex)
        {
            ShowErrors(ex, nameof(Input), typeof(CountyDocumentForm));
        }
        Data = await IncidentUseCases.ListDocuments(db, profiles, User, ct);
        return Page();
    }
}
