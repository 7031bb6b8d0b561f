using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using SocialWorkStation.Domain.Evaluations;
using SocialWorkStation.Web.Features.Audit;
using SocialWorkStation.Web.Infrastructure;
using SocialWorkStation.Web.Data;
using SocialWorkStation.Web.Features.Accounts;
using SocialWorkStation.Web.Features.Profiles;
using SocialWorkStation.Web.Features.Shared;
using SocialWorkStation.Web.Features.Stations;

namespace SocialWorkStation.Web.Features.Evaluations;

/// <summary>
/// 评估指标体系: one stored tree version, or the default tree of each profile in the user's scope, and the county's
/// versions; the bureau loads its own tree from Excel here (evaluation.md §2a), every error listed by row and column.
/// </summary>
public sealed class TreesModel(AppDbContext db, ProfileCatalog profiles, AuditLog audit, TimeProvider clock) : AppPageModel
{
    [BindProperty] public IFormFile? Upload { get; set; }
    [BindProperty] public string? ImportName { get; set; }
    [BindProperty] public string? ImportTotal { get; set; }
    [BindProperty] public string? ImportCounty { get; set; }
    /// <summary>The problems of the last sheet sent, each with its row and column.</summary>
    public IReadOnlyList<TreeImportError> ImportErrors { get; private set; } = [];

    public TreeDto? Tree { get; private set; }
    public List<TreeDto> Defaults { get; private set; } = [];
    public IReadOnlyList<GetTrees.TreeListItem> Stored { get; private set; } = [];

    public async Task OnGetAsync(Guid? id, CancellationToken ct)
    {
        var scope = User.Scope();
        if (id is { } treeId)
        {
            Tree = await GetTrees.One(db, scope, treeId, ct);
            return;
        }
        await Load(ct);
    }

    public async Task<IActionResult> OnPostImportAsync(CancellationToken ct)
    {
        if (!User.Can(Permissions.EvaluationsManage))
        {
            return Forbid();
        }
        if (Upload is null || Upload.Length == 0)
        {
            ModelState.AddModelError(nameof(Upload), "请选择要导入的指标体系 Excel 文件（.xlsx）");
        }
        else if (Upload.Length > ImportTree.MaxBytes)
        {
            ModelState.AddModelError(nameof(Upload), "文件不能超过5MB");
        }
        if (ModelState.IsValid)
        {
            try
            {
                await using var stream = Upload!.OpenReadStream();
                var tree = await ImportTree.Handle(db, profiles, audit, clock, User, new TreeImportInput(ImportName, ImportTotal, null, ImportCounty), Upload.FileName, stream, ct);
                TempData["Message"] = $"已导入指标体系“{tree.Name}”第 {tree.Version} 版。";
                return RedirectToPage("/Evaluations/Trees", new { id = tree.Id });
            }
            catch (ImportTree.ImportFailed failed)
            {
                ImportErrors = failed.Errors;
                ModelState.AddModelError(nameof(Upload), $"文件中有 {failed.Errors.Count} 处错误，未导入；请按下表逐项改正后重新上传");
            }
            catch (RequestValidationException ex)
            {
                foreach (var (field, messages) in ex.Errors)
                {
                    var key = field switch { "name" => nameof(ImportName), "total" => nameof(ImportTotal), "countyCode" => nameof(ImportCounty), _ => nameof(Upload) };
                    foreach (var m in messages) ModelState.AddModelError(key, m);
                }
            }
            catch (Exception ex) when (ex is BusinessRuleException or NotFoundException or ConflictException)
            {
                ModelState.AddModelError(nameof(ImportCounty), ex.Message);
            }
        }
        await Load(ct);
        return Page();
    }

    private async Task Load(CancellationToken ct)
    {
        var scope = User.Scope();
        Stored = await GetTrees.List(db, scope, ct);
        var keys = await db.Platforms.AsNoTracking().VisibleTo(scope).Select(p => p.ProfileKey).Distinct().ToListAsync(ct);
        Defaults = keys.Select(profiles.Find).Where(p => p?.Evaluation is not null).Select(p => GetTrees.Default(profiles, p!.Key)).ToList();
    }
}
