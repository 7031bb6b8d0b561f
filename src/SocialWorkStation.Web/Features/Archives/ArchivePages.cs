using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SocialWorkStation.Web.Data;
using SocialWorkStation.Web.Features.Accounts;
using SocialWorkStation.Web.Features.Activities;
using SocialWorkStation.Web.Features.Attachments;
using SocialWorkStation.Web.Features.Profiles;
using SocialWorkStation.Web.Features.Shared;
using SocialWorkStation.Web.Features.Stations;
using SocialWorkStation.Web.Infrastructure;

namespace SocialWorkStation.Web.Features.Archives;

/// <summary>The station a page is about: the one named, the user's own, or the first one in scope.</summary>
internal static class ArchiveStations
{
    public static async Task<(Guid? Station, IReadOnlyList<StationDto> Options)> Pick(AppDbContext db, System.Security.Claims.ClaimsPrincipal user, Guid? stationId, CancellationToken ct)
    {
        var options = await RecordChoices.Stations(db, user.Scope(), ct);
        var id = stationId ?? user.Scope().StationId ?? options.FirstOrDefault()?.Id;
        return (id, options);
    }
}

[Authorize(Policy = Permissions.ArchivesRead)]
public sealed class IndexModel(AppDbContext db, ProfileCatalog profiles, TimeProvider clock) : AppPageModel
{
    [BindProperty(SupportsGet = true)] public Guid? StationId { get; set; }
    [BindProperty(SupportsGet = true)] public string? Category { get; set; }
    [BindProperty(SupportsGet = true)] public int? Year { get; set; }
    [BindProperty(SupportsGet = true)] public string? Status { get; set; }
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int? PageNumber { get; set; }
    [BindProperty] public string? ArchivistUserName { get; set; }
    [BindProperty] public int? ArchivistVersion { get; set; }
    public IReadOnlyList<StationDto> StationOptions { get; private set; } = [];
    public Paged<ArchiveDto> Result { get; private set; } = new([], 0, 1, 20);
    public ArchivistDto? Archivist { get; private set; }
    public (int Years, string Source) Retention { get; private set; }
    public PagerModel Pager => PagerModel.For(Result, "/Archives/Index", new Dictionary<string, string?>
        { ["stationId"] = StationId?.ToString(), ["category"] = Category, ["year"] = Year?.ToString(), ["status"] = Status, ["q"] = Q });

    public async Task OnGetAsync(CancellationToken ct) => await Load(ct);

    private async Task Load(CancellationToken ct)
    {
        (StationId, StationOptions) = await ArchiveStations.Pick(db, User, StationId, ct);
        if (StationId is not { } station) return;
        if (Status is not (null or "" or "inStock" or "onLoan" or "overdue" or "destroyed" or "retentionEnded")) Status = null;
        if (Domain.Archives.ArchiveCategories.Parse(Category) is null) Category = null;
        Result = await ArchiveUseCases.List(db, User, clock, profiles, station, Category, Year, Status, Q, new PageRequest(PageNumber ?? 1, 20), ct);
        Archivist = await ArchiveUseCases.GetArchivist(db, User, station, ct);
        var key = await db.Platforms.Where(p => p.Id == station).Select(p => p.ProfileKey).FirstAsync(ct);
        Retention = ArchiveUseCases.Retention(profiles, key);
    }

    public async Task<IActionResult> OnPostArchivistAsync(CancellationToken ct)
    {
        if (!User.Can(Permissions.ArchivesManage)) return Forbid();
        try
        {
            await ArchiveUseCases.SetArchivist(db, User, clock, StationId ?? Guid.Empty, new ArchivistInput(ArchivistUserName, ArchivistVersion), ct);
            TempData["Message"] = "已指定档案管理员。";
            return RedirectToPage(new { stationId = StationId });
        }
        catch (RequestValidationException ex)
        {
            foreach (var m in ex.Errors.Values.SelectMany(v => v)) ModelState.AddModelError(nameof(ArchivistUserName), m);
        }
        catch (ConflictException ex)
        {
            ModelState.AddModelError(nameof(ArchivistUserName), ex.Message);
        }
        await Load(ct);
        return Page();
    }
}

public sealed class ArchiveForm
{
    public Guid? StationId { get; set; }
    public string? Category { get; set; } = "service";
    public int? Year { get; set; }
    public string? Title { get; set; }
    public string? Carrier { get; set; } = "paper";
    public string? PaperLocation { get; set; }
    public int? RetentionYears { get; set; }
    public string? Note { get; set; }
}

[Authorize(Policy = Permissions.ArchivesWrite)]
public sealed class CreateModel(AppDbContext db, ProfileCatalog profiles, TimeProvider clock) : AppPageModel
{
    [BindProperty] public ArchiveForm Input { get; set; } = new();
    public IReadOnlyList<StationDto> StationOptions { get; private set; } = [];

    public async Task OnGetAsync(Guid? stationId, CancellationToken ct)
    {
        (Input.StationId, StationOptions) = await ArchiveStations.Pick(db, User, stationId, ct);
        Input.Year = ChinaTime.Today(clock).Year;
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        try
        {
            if (Input.StationId is null) throw RequestValidationException.For("stationId", "请选择站点");
            var dto = await ArchiveUseCases.Create(db, User, clock, profiles, Input.StationId.Value,
                new ArchiveInput(Input.Category, Input.Year, Input.Title, Input.Carrier, Input.PaperLocation, Input.RetentionYears, Input.Note), ct);
            TempData["Message"] = $"已登记，档号 {dto.Code}。";
            return RedirectToPage("/Archives/Details", new { id = dto.Id });
        }
        catch (RequestValidationException ex)
        {
            ShowErrors(ex, nameof(Input), typeof(ArchiveForm));
        }
        catch (BusinessRuleException ex)
        {
            ShowError(ex, nameof(Input), typeof(ArchiveForm));
        }
        (_, StationOptions) = await ArchiveStations.Pick(db, User, Input.StationId, ct);
        return Page();
    }
}

[Authorize(Policy = Permissions.ArchivesRead)]
public sealed class DetailsModel(AppDbContext db, AttachmentStore store, IOptions<AttachmentOptions> options, TimeProvider clock) : RecordPageModel(db, store, options, clock)
{
    protected override string OwnerType => ArchiveUseCases.OwnerType;
    public ArchiveDto Archive { get; private set; } = null!;
    public AttachmentsPanel Attachments { get; private set; } = null!;
    [BindProperty] public string? Borrower { get; set; }
    [BindProperty] public string? Purpose { get; set; }
    [BindProperty] public string? DueOn { get; set; }
    [BindProperty] public string? ReturnedOn { get; set; }
    [BindProperty] public string? Approval { get; set; }
    [BindProperty] public string? DestructionNote { get; set; }
    [BindProperty] public int? Version { get; set; }

    public async Task OnGetAsync(Guid id, CancellationToken ct) => await Load(id, ct);

    private async Task Load(Guid id, CancellationToken ct)
    {
        Archive = await ArchiveUseCases.Get(Db, User, Clock, id, ct);
        Attachments = Panel(id, Archive.Attachments, "电子档案");
    }

    public Task<IActionResult> OnPostLendAsync(Guid id, CancellationToken ct) => Save(id, Permissions.ArchivesWrite, "已登记借出。", nameof(Borrower),
        () => ArchiveUseCases.Lend(Db, User, Clock, id, new LoanInput(Borrower, Purpose, null, DueOn, Version), ct), ct);

    public Task<IActionResult> OnPostReturnAsync(Guid id, Guid loanId, CancellationToken ct) => Save(id, Permissions.ArchivesWrite, "已登记归还。", nameof(ReturnedOn),
        () => ArchiveUseCases.Return(Db, User, Clock, id, loanId, new ReturnInput(ReturnedOn, Version), ct), ct);

    public Task<IActionResult> OnPostDestroyAsync(Guid id, CancellationToken ct) => Save(id, Permissions.ArchivesDestroy, "已销毁并记入销毁记录。", nameof(Approval),
        () => ArchiveUseCases.Destroy(Db, User, Clock, id, new DestroyInput(Approval, DestructionNote, Version), ct), ct);

    private async Task<IActionResult> Save(Guid id, string permission, string done, string field, Func<Task<ArchiveDto>> save, CancellationToken ct)
    {
        if (!User.Can(permission)) return Forbid();
        try
        {
            await save();
            TempData["Message"] = done;
            return RedirectToPage(new { id });
        }
        catch (RequestValidationException ex)
        {
            foreach (var (f, messages) in ex.Errors)
            {
                var key = f switch { "borrower" => nameof(Borrower), "purpose" => nameof(Purpose), "dueOn" => nameof(DueOn), "returnedOn" => nameof(ReturnedOn), "approval" => nameof(Approval), "note" => nameof(DestructionNote), _ => field };
                foreach (var m in messages) ModelState.AddModelError(key, m);
            }
        }
        catch (BusinessRuleException ex)
        {
            ModelState.AddModelError(field, ex.Message);
        }
        catch (Exception ex) when (ex is ConflictException or DbUpdateConcurrencyException)
        {
            ModelState.AddModelError("", "该档案已被他人修改，请查看最新内容后再操作。");
        }
        await Load(id, ct);
        return Page();
    }
}
