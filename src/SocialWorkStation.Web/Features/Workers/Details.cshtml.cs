using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using SocialWorkStation.Domain.Profiles;
using SocialWorkStation.Web.Data;
using SocialWorkStation.Web.Features.Accounts;
using SocialWorkStation.Web.Features.Audit;
using SocialWorkStation.Web.Features.Profiles;
using SocialWorkStation.Web.Features.Shared;
using SocialWorkStation.Web.Features.Stations;
using SocialWorkStation.Web.Infrastructure;

namespace SocialWorkStation.Web.Features.Workers;

/// <summary>
/// One worker: every finding explained (what was checked, the result, the document and clause, the platform's
/// reading where the document is silent), on today or a chosen date; the full ID number on request with a reason.
/// </summary>
public sealed class DetailsModel(AppDbContext db, ProfileCatalog profiles, TimeProvider clock, AuditLog audit) : AppPageModel
{
    [BindProperty(SupportsGet = true)] public string? Date { get; set; }
    [BindProperty] public string? Reason { get; set; }

    public WorkerDto Worker { get; private set; } = null!;
    public ComplianceDto Compliance { get; private set; } = null!;
    public PolicyProfile? Profile { get; private set; }
    /// <summary>The full number, only after a reveal with a reason (written to the audit trail).</summary>
    public string? RevealedId { get; private set; }
    public bool ShowReveal { get; private set; }

    public async Task OnGetAsync(Guid id, bool reveal, CancellationToken ct)
    {
        ShowReveal = reveal && User.Can(Permissions.WorkersReveal);
        await LoadAsync(id, ct);
    }

    public async Task<IActionResult> OnPostRevealAsync(Guid id, CancellationToken ct)
    {
        if (!User.Can(Permissions.WorkersReveal))
        {
            return Forbid();
        }
        ShowReveal = true;
        try
        {
            RevealedId = (await GetWorker.Reveal(db, audit, User.Scope(), id, new RevealInput(Reason), ct)).IdNumber;
        }
        catch (RequestValidationException ex)
        {
            foreach (var m in ex.Errors.SelectMany(e => e.Value)) ModelState.AddModelError(nameof(Reason), m);
        }
        await LoadAsync(id, ct);
        return Page();
    }

    private async Task LoadAsync(Guid id, CancellationToken ct)
    {
        var scope = User.Scope();
        Worker = await GetWorker.Handle(db, profiles, clock, scope, id, ct);
        Profile = profiles.Find(Worker.ProfileKey);
        var date = ChinaTime.Today(clock);
        if (!string.IsNullOrWhiteSpace(Date))
        {
            if (DateOnly.TryParseExact(Date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
            {
                date = d;
            }
            else
            {
                ModelState.AddModelError(nameof(Date), "日期格式应为 YYYY-MM-DD");
            }
        }
        Compliance = await GetWorker.Compliance(db, profiles, scope, id, date, ct);
    }
}
