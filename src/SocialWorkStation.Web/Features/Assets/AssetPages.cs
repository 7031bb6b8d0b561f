using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using SocialWorkStation.Web.Data;
using SocialWorkStation.Web.Features.Accounts;
using SocialWorkStation.Web.Features.Archives;
using SocialWorkStation.Web.Features.Shared;
using SocialWorkStation.Web.Features.Stations;
using SocialWorkStation.Web.Infrastructure;

namespace SocialWorkStation.Web.Features.Assets;

[Authorize(Policy = Permissions.AssetsRead)]
public sealed class IndexModel(AppDbContext db) : AppPageModel
{
    [BindProperty(SupportsGet = true)] public Guid? StationId { get; set; }
    [BindProperty(SupportsGet = true)] public string? Status { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int? PageNumber { get; set; }
    public IReadOnlyList<StationDto> StationOptions { get; private set; } = [];
    public Paged<AssetDto> Result { get; private set; } = new([], 0, 1, 50);
    public IReadOnlyList<AssetCheckDto> Checks { get; private set; } = [];
    public PagerModel Pager => PagerModel.For(Result, "/Assets/Index", new Dictionary<string, string?> { ["stationId"] = StationId?.ToString(), ["status"] = Status });

    public async Task OnGetAsync(CancellationToken ct)
    {
        (StationId, StationOptions) = await ArchiveStations.Pick(db, User, StationId, ct);
        if (StationId is not { } station) return;
        if (Status is not (null or "" or "inUse" or "disposed")) Status = null;
        Result = await AssetUseCases.List(db, User, station, Status, new PageRequest(PageNumber ?? 1, 50), ct);
        Checks = await AssetUseCases.Checks(db, User, station, ct);
    }
}

public sealed class AssetForm
{
    public Guid? StationId { get; set; }
    public string? Name { get; set; }
    public string? Category { get; set; }
    public decimal? Value { get; set; }
    public string? AcquiredOn { get; set; }
    public string? FundingSource { get; set; }
    public string? Location { get; set; }
    public string? Custodian { get; set; }
}

[Authorize(Policy = Permissions.AssetsWrite)]
public sealed class CreateModel(AppDbContext db, TimeProvider clock) : AppPageModel
{
    [BindProperty] public AssetForm Input { get; set; } = new();
    public IReadOnlyList<StationDto> StationOptions { get; private set; } = [];

    public async Task OnGetAsync(Guid? stationId, CancellationToken ct)
    {
        (Input.StationId, StationOptions) = await ArchiveStations.Pick(db, User, stationId, ct);
        Input.AcquiredOn = ChinaTime.Today(clock).ToString("yyyy-MM-dd");
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        try
        {
            if (Input.StationId is null) throw RequestValidationException.For("stationId", "请选择站点");
            var dto = await AssetUseCases.Create(db, User, clock, Input.StationId.Value,
                new AssetInput(Input.Name, Input.Category, Input.Value, Input.AcquiredOn, Input.FundingSource, Input.Location, Input.Custodian), ct);
            TempData["Message"] = $"已登记固定资产“{dto.Name}”。";
            return RedirectToPage("/Assets/Index", new { stationId = dto.StationId });
        }
        catch (RequestValidationException ex)
        {
            ShowErrors(ex, nameof(Input), typeof(AssetForm));
        }
        (_, StationOptions) = await ArchiveStations.Pick(db, User, Input.StationId, ct);
        return Page();
    }
}

[Authorize(Policy = Permissions.AssetsRead)]
public sealed class DetailsModel(AppDbContext db, TimeProvider clock) : AppPageModel
{
    public AssetDto Asset { get; private set; } = null!;
    [BindProperty] public string? Reason { get; set; }
    [BindProperty] public string? Approval { get; set; }
    [BindProperty] public string? DisposedOn { get; set; }
    [BindProperty] public int? Version { get; set; }

    public async Task OnGetAsync(Guid id, CancellationToken ct) => Asset = await AssetUseCases.Get(db, User, id, ct);

    public async Task<IActionResult> OnPostDisposeAsync(Guid id, CancellationToken ct)
    {
        if (!User.Can(Permissions.AssetsWrite)) return Forbid();
        try
        {
            await AssetUseCases.Dispose(db, User, clock, id, new DisposeInput(Reason, Approval, DisposedOn, Version), ct);
            TempData["Message"] = "已登记处置。";
            return RedirectToPage(new { id });
        }
        catch (RequestValidationException ex)
        {
            foreach (var (f, messages) in ex.Errors)
            {
                foreach (var m in messages) ModelState.AddModelError(f switch { "approval" => nameof(Approval), "disposedOn" => nameof(DisposedOn), _ => nameof(Reason) }, m);
            }
        }
        catch (BusinessRuleException ex)
        {
            ModelState.AddModelError(nameof(Reason), ex.Message);
        }
        catch (Exception ex) when (ex is ConflictException or DbUpdateConcurrencyException)
        {
            ModelState.AddModelError("", "该资产已被他人修改，请查看最新内容后再操作。");
        }
        Asset = await AssetUseCases.Get(db, User, id, ct);
        return Page();
    }
}

[Authorize(Policy = Permissions.AssetsWrite)]
public sealed class CheckModel(AppDbContext db, TimeProvider clock) : AppPageModel
{
    [BindProperty(SupportsGet = true)] public Guid? StationId { get; set; }
    [BindProperty] public string? CheckedOn { get; set; }
    [BindProperty] public string? CheckedBy { get; set; }
    [BindProperty] public string? Note { get; set; }
    [BindProperty] public Dictionary<Guid, string> Results { get; set; } = [];
    public IReadOnlyList<AssetDto> Assets { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        await Load(ct);
        CheckedOn = ChinaTime.Today(clock).ToString("yyyy-MM-dd");
    }

    private async Task Load(CancellationToken ct)
    {
        (StationId, _) = await ArchiveStations.Pick(db, User, StationId, ct);
        if (StationId is { } station) Assets = (await AssetUseCases.List(db, User, station, "inUse", new PageRequest(1, PageRequest.MaxPageSize), ct)).Items;
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        try
        {
            var items = Results.Select(r => new CheckItemInput(r.Key, r.Value, null)).ToList();
            await AssetUseCases.Check(db, User, clock, StationId ?? Guid.Empty, new AssetCheckInput(CheckedOn, CheckedBy, Note, items), ct);
            TempData["Message"] = "已记录盘点。";
            return RedirectToPage("/Assets/Index", new { stationId = StationId });
        }
        catch (RequestValidationException ex)
        {
            foreach (var m in ex.Errors.Values.SelectMany(v => v)) ModelState.AddModelError("", m);
        }
        await Load(ct);
        return Page();
    }
}
