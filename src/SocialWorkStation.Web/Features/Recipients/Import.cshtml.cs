using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using SocialWorkStation.Domain.Platforms;
using SocialWorkStation.Web.Data;
using SocialWorkStation.Web.Features.Accounts;
using SocialWorkStation.Web.Features.Audit;
using SocialWorkStation.Web.Features.Shared;
using SocialWorkStation.Web.Features.Stations;
using SocialWorkStation.Web.Infrastructure;

namespace SocialWorkStation.Web.Features.Recipients;

/// <summary>Step 1 of the roster import: choose the roster's category (and station) and upload the Excel file.</summary>
[Authorize(Policy = Permissions.RecipientsImport)]
public sealed class ImportModel(AppDbContext db, RecipientProtector protector, AuditLog audit, TimeProvider clock) : AppPageModel
{
    [BindProperty] public string? Category { get; set; } = "dibao";
    [BindProperty] public Guid? StationId { get; set; }
    [BindProperty(Name = "File")] public IFormFile? RosterFile { get; set; }

    public IReadOnlyList<(Guid Id, string Name)> StationOptions { get; private set; } = [];
    public Paged<RosterImportDto> Recent { get; private set; } = new([], 0, 1, 10);

    public async Task OnGetAsync(CancellationToken ct) => await Load(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        try
        {
            await using var stream = RosterFile?.OpenReadStream() ?? Stream.Null;
            var dto = await ImportRoster.Upload(db, protector, audit, clock, User, StationId ?? User.Scope().StationId, Category, RosterFile?.FileName, stream, ct);
            return RedirectToPage("/Recipients/ImportJob", new { id = dto.Id });
        }
        catch (RequestValidationException ex)
        {
            foreach (var (field, messages) in ex.Errors)
            {
                foreach (var m in messages)
                {
                    ModelState.AddModelError(field switch { "file" => "File", "category" => nameof(Category), "stationId" => nameof(StationId), _ => "" }, m);
                }
            }
        }
        await Load(ct);
        return Page();
    }

    private async Task Load(CancellationToken ct)
    {
        var scope = User.Scope();
        StationOptions = (await db.Platforms.AsNoTracking().VisibleTo(scope).Where(p => p.Kind == PlatformKind.Station)
            .OrderBy(p => p.RegionCode).Select(p => new { p.Id, p.Name }).ToListAsync(ct)).Select(p => (p.Id, p.Name)).ToList();
        Recent = await ImportRoster.List(db, scope, new PageRequest(1, 10), ct);
    }
}
