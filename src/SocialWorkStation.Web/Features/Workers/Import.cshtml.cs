using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using SocialWorkStation.Web.Data;
using SocialWorkStation.Web.Features.Accounts;
using SocialWorkStation.Web.Features.Audit;
using SocialWorkStation.Web.Features.Shared;
using SocialWorkStation.Web.Features.Stations;

namespace SocialWorkStation.Web.Features.Workers;

/// <summary>
/// Import workers from the platform's Excel template into one station: all rows or none, every error listed by
/// sheet, row and column. The same handler as POST /api/v1/workers/import.
/// </summary>
[Authorize(Policy = Permissions.WorkersManage)]
public sealed class ImportModel(AppDbContext db, AuditLog audit, TimeProvider clock) : AppPageModel
{
    [BindProperty(SupportsGet = true)] public Guid? Station { get; set; }
    [BindProperty] public IFormFile? Upload { get; set; }

    public IReadOnlyList<StationDto> Stations { get; private set; } = [];
    public ImportResult? Result { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Station ??= User.Scope() is { Kind: ScopeKind.Station, StationId: { } own } ? own : null;
        Stations = await IndexModel.StationOptions(db, User.Scope(), ct);
    }

    public IActionResult OnGetTemplate() => File(ImportWorkers.Template(), WorkerEndpoints.XlsxType, "驻站社工导入模板.xlsx");

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        Stations = await IndexModel.StationOptions(db, User.Scope(), ct);
        if (Station is null)
        {
            ModelState.AddModelError(nameof(Station), "请选择要导入到的站点");
        }
        if (Upload is null || Upload.Length == 0)
        {
            ModelState.AddModelError(nameof(Upload), "请选择要导入的 Excel 文件（.xlsx）");
        }
        else if (Upload.Length > ImportWorkers.MaxBytes)
        {
            ModelState.AddModelError(nameof(Upload), "文件不能超过5MB");
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        await using var stream = Upload!.OpenReadStream();
        Result = await ImportWorkers.Handle(db, audit, clock, User.Scope(), Station, stream, ct);
        if (Result.Succeeded)
        {
            TempData["Message"] = $"已导入{Result.Imported}名社工。";
            return RedirectToPage("/Workers/Index", new { station = Station });
        }
        return Page();
    }
}
