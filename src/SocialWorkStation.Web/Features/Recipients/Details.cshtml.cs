using Microsoft.AspNetCore.Mvc;
using SocialWorkStation.Web.Data;
using SocialWorkStation.Web.Features.Accounts;
using SocialWorkStation.Web.Features.Audit;
using SocialWorkStation.Web.Features.Shared;
using SocialWorkStation.Web.Infrastructure;

namespace SocialWorkStation.Web.Features.Recipients;

/// <summary>
/// One recipient, masked; "查看" with a reason shows the full record for this response only (it is never
/// kept in the session), and the page lists who has looked at the record.
/// </summary>
public sealed class DetailsModel(AppDbContext db, RecipientProtector protector, AuditLog audit, TimeProvider clock) : AppPageModel
{
    public RecipientDto Recipient { get; private set; } = null!;
    public Paged<AccessDto> Access { get; private set; } = new([], 0, 1, 20);
    [BindProperty] public string? Reason { get; set; }
    public bool AskReason { get; private set; }

    public async Task OnGetAsync(Guid id, bool reveal, CancellationToken ct)
    {
        Recipient = await GetRecipient.Handle(db, protector, audit, clock, User, id, ct);
        AskReason = reveal && User.Can(Permissions.RecipientsReveal);
        Access = await GetRecipient.Access(db, User.Scope(), id, new PageRequest(1, 20), ct);
    }

    public async Task<IActionResult> OnPostRevealAsync(Guid id, CancellationToken ct)
    {
        if (!User.Can(Permissions.RecipientsReveal))
        {
            return Forbid();
        }
        try
        {
            Recipient = await GetRecipient.Reveal(db, protector, audit, clock, User, id, new RevealInput(Reason), ct);
        }
        catch (RequestValidationException ex)
        {
            ModelState.AddModelError(nameof(Reason), ex.Errors["reason"][0]);
            Recipient = await GetRecipient.ToDto(db, protector, clock, User.Scope(), await GetRecipient.Load(db, User.Scope(), id, ct), reveal: false, ct);
            AskReason = true;
        }
        Access = await GetRecipient.Access(db, User.Scope(), id, new PageRequest(1, 20), ct);
        return Page();
    }
}
