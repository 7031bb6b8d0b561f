using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using SocialWorkStation.Web.Data;
using SocialWorkStation.Web.Features.Accounts;
using SocialWorkStation.Web.Features.Profiles;
using SocialWorkStation.Web.Features.Shared;
using SocialWorkStation.Web.Infrastructure;

namespace SocialWorkStation.Web.Features.Agreements;

/// <summary>One agreement: clauses (missing ones flagged), deadlines and which are overdue today, and the bureau's edit form.</summary>
[Authorize(Policy = Permissions.AgreementsRead)]
public sealed class AgreementModel(AppDbContext db, ProfileCatalog profiles, TimeProvider clock) : AppPageModel
{
    public AgreementDto Agreement { get; private set; } = null!;
    public Domain.Profiles.PolicyProfile Profile { get; private set; } = null!;
    [BindProperty] public AgreementForm Input { get; set; } = new();

    public async Task OnGetAsync(Guid id, CancellationToken ct)
    {
        await Load(id, ct);
        Input = AgreementForm.From(Agreement);
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        if (!User.Can(Permissions.AgreementsManage))
        {
            return Forbid();
        }
        try
        {
            await SaveAgreement.Update(db, profiles, clock, User, id, Input.ToInput(Input.Version), ct);
            TempData["Message"] = "已保存。";
            return RedirectToPage("/Agreements/Agreement", new { id });
        }
        catch (RequestValidationException ex)
        {
            ShowErrors(ex, "Input", typeof(AgreementForm));
        }
        catch (BusinessRuleException ex)
        {
            ShowError(ex, "Input", typeof(AgreementForm));
        }
        catch (ConflictException ex)
        {
            await Load(id, ct);
            ModelState.Clear();
            ModelState.AddModelError("", ex.Message + " 下方已显示当前保存的内容。");
            Input = AgreementForm.From(Agreement);
            return Page();
        }
        await Load(id, ct);
        return Page();
    }

    private async Task Load(Guid id, CancellationToken ct)
    {
        Agreement = await SaveAgreement.Get(db, profiles, clock, User, id, ct);
        Profile = AgreementAccess.Profile(profiles, Agreement.ProfileKey);
    }
}
