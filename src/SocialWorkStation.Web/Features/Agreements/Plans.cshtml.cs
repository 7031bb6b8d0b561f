using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using SocialWorkStation.Domain.Regions;
using SocialWorkStation.Web.Data;
using SocialWorkStation.Web.Features.Accounts;
using SocialWorkStation.Web.Features.Profiles;
using SocialWorkStation.Web.Features.Shared;
using SocialWorkStation.Web.Infrastructure;

namespace SocialWorkStation.Web.Features.Agreements;

/// <summary>年度实施计划: the plans in reach (the county's own, the filed plans of a city's counties) and the county bureau's form to draft one.</summary>
[Authorize(Policy = Permissions.PlansRead)]
public sealed class PlansModel(AppDbContext db, ProfileCatalog profiles, TimeProvider clock) : AppPageModel
{
    public IReadOnlyList<ImplementationPlanDto> Plans { get; private set; } = [];
    /// <summary>The county the caller drafts for (a county-level bureau account), else null.</summary>
    public string? OwnCounty { get; private set; }
    public IReadOnlyList<Domain.Profiles.PolicyProfile> PlanProfiles => profiles.All.Where(p => p.Agreements?.ImplementationPlanSections is not null).ToList();
    [BindProperty] public int? Year { get; set; }
    [BindProperty] public string? ProfileKey { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        await Load(ct);
        Year ??= ChinaTime.Today(clock).Year;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!User.Can(Permissions.PlansManage)) return Forbid();
        var scope = User.Scope();
        try
        {
            var dto = await ImplementationPlans.Create(db, profiles, clock, User, new ImplementationPlanInput(scope.Level == RegionLevel.County ? scope.RegionCode : null,
                Year, ProfileKey, null, null, null, null, null), ct);
            TempData["Message"] = "年度实施计划已创建（草稿）。";
            return RedirectToPage("/Agreements/Plan", new { id = dto.Id });
        }
        catch (RequestValidationException ex)
        {
            foreach (var m in ex.Errors.SelectMany(e => e.Value)) ModelState.AddModelError("", m);
        }
        catch (BusinessRuleException ex)
        {
            ModelState.AddModelError("", ex.Message);
        }
        catch (ConflictException ex)
        {
            ModelState.AddModelError("", ex.Message);
        }
        await Load(ct);
        return Page();
    }

    private async Task Load(CancellationToken ct)
    {
        Plans = await ImplementationPlans.List(db, profiles, User, null, null, ct);
        var scope = User.Scope();
        OwnCounty = scope.Kind == ScopeKind.Region && scope.Level == RegionLevel.County && User.Can(Permissions.PlansManage) ? scope.RegionCode : null;
    }
}
