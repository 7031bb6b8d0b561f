using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using SocialWorkStation.Web.Data;
using SocialWorkStation.Web.Features.Accounts;
using SocialWorkStation.Web.Features.Audit;
using SocialWorkStation.Web.Features.Shared;
using SocialWorkStation.Web.Infrastructure;

namespace SocialWorkStation.Web.Features.Recipients;

/// <summary>
/// Steps 2–4 of the roster import: map the columns, watch the background check (a progress bar read from
/// the database, so the user may leave and come back), review problems and the diff, confirm.
/// </summary>
[Authorize(Policy = Permissions.RecipientsImport)]
public sealed class ImportJobModel(AppDbContext db, AuditLog audit, TimeProvider clock) : AppPageModel
{
    [BindProperty] public Dictionary<string, string> Mapping { get; set; } = new();
    public RosterImportDto Import { get; private set; } = null!;

    public bool Running => Import.Status is "queuedCheck" or "checking" or "queuedApply" or "applying";

    public async Task OnGetAsync(Guid id, CancellationToken ct)
    {
        Import = await ImportRoster.Get(db, User.Scope(), id, ct);
        Mapping = new Dictionary<string, string>(Import.Mapping ?? Import.SuggestedMapping);
    }

    /// <summary>The progress fragment polled by htmx; a finished job reloads the whole page to show the result.</summary>
    public async Task<IActionResult> OnGetProgressAsync(Guid id, CancellationToken ct)
    {
        Import = await ImportRoster.Get(db, User.Scope(), id, ct);
        if (!Running)
        {
            Response.Headers["HX-Refresh"] = "true";
        }
        return Partial("_ImportProgress", Import);
    }

    public async Task<IActionResult> OnPostMappingAsync(Guid id, CancellationToken ct)
    {
        try
        {
            await ImportRoster.SetMapping(db, audit, clock, User.Scope(), id, new MappingInput(Mapping), ct);
            return RedirectToPage(new { id });
        }
        catch (RequestValidationException ex)
        {
            foreach (var (field, messages) in ex.Errors)
            {
                foreach (var m in messages) ModelState.AddModelError("Mapping[" + field.Replace("mapping.", "") + "]", m);
            }
        }
        catch (ConflictException ex)
        {
            ModelState.AddModelError("", ex.Message);
        }
        Import = await ImportRoster.Get(db, User.Scope(), id, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostConfirmAsync(Guid id, CancellationToken ct)
    {
        try
        {
            await ImportRoster.Confirm(db, audit, User.Scope(), id, ct);
            return RedirectToPage(new { id });
        }
        catch (Exception ex) when (ex is ConflictException or BusinessRuleException)
        {
            ModelState.AddModelError("", ex.Message);
        }
        Import = await ImportRoster.Get(db, User.Scope(), id, ct);
        Mapping = new Dictionary<string, string>(Import.Mapping ?? Import.SuggestedMapping);
        return Page();
    }
}
