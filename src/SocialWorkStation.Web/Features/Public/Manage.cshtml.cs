using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using SocialWorkStation.Web.Data;
using SocialWorkStation.Web.Features.Accounts;
using SocialWorkStation.Web.Features.Shared;
using SocialWorkStation.Web.Infrastructure;

namespace SocialWorkStation.Web.Features.Public;

/// <summary>The staff page behind a station's public page: what it discloses, its contractor's disclosure, its door-sign QR code.</summary>
public sealed class ManageModel(AppDbContext db, TimeProvider clock) : AppPageModel
{
    [BindProperty] public StationForm Input { get; set; } = new();
    [BindProperty] public ContractorForm Contractor { get; set; } = new();
    public DisclosureDto Disclosure { get; private set; } = null!;

    public async Task OnGetAsync(Guid id, CancellationToken ct)
    {
        Disclosure = await DisclosureUseCases.Get(db, User.Scope(), id, ct);
        Input = StationForm.From(Disclosure);
        Contractor = ContractorForm.From(Disclosure.Contractor);
    }

    public async Task<IActionResult> OnPostStationAsync(Guid id, CancellationToken ct)
    {
        if (!User.Can(Permissions.PublicWrite)) return Forbid();
        try
        {
            await DisclosureUseCases.SaveStation(db, clock, User, id, new StationDisclosureInput(Input.ServiceDirectory, Input.ServiceGuide, Input.ServiceListFiledOn, Input.Version), ct);
            TempData["Message"] = "已保存站点公开信息。";
            return RedirectToPage(new { id });
        }
        catch (RequestValidationException ex)
        {
            ShowErrors(ex, nameof(Input), typeof(StationForm));
        }
        catch (Exception ex) when (ex is ConflictException or DbUpdateConcurrencyException)
        {
            ModelState.AddModelError("", "公开信息已被他人修改，请刷新页面后重新填写。");
        }
        db.ChangeTracker.Clear();
        Disclosure = await DisclosureUseCases.Get(db, User.Scope(), id, ct);
        Contractor = ContractorForm.From(Disclosure.Contractor);
        return Page();
    }

    public async Task<IActionResult> OnPostContractorAsync(Guid id, CancellationToken ct)
    {
        if (!User.Can(Permissions.PublicContractor)) return Forbid();
        try
        {
            await DisclosureUseCases.SaveContractor(db, clock, User, id, new ContractorDisclosureInput(Contractor.BasicInfo, Contractor.Qualifications,
                Contractor.AnnualFinancialReport, Contractor.ProjectExperience, Contractor.Version), ct);
            TempData["Message"] = "已保存承接机构公开信息。";
            return RedirectToPage(new { id });
        }
        catch (RequestValidationException ex)
        {
            ShowErrors(ex, nameof(Contractor), typeof(ContractorForm));
        }
        catch (BusinessRuleException ex)
        {
            ModelState.AddModelError("", ex.Message);
        }
        catch (Exception ex) when (ex is ConflictException or DbUpdateConcurrencyException)
        {
            ModelState.AddModelError("", "承接机构公开信息已被他人修改，请刷新页面后重新填写。");
        }
        db.ChangeTracker.Clear();
        Disclosure = await DisclosureUseCases.Get(db, User.Scope(), id, ct);
        Input = StationForm.From(Disclosure);
        return Page();
    }

    public sealed class StationForm
    {
        public string? ServiceDirectory { get; set; }
        public string? ServiceGuide { get; set; }
        public string? ServiceListFiledOn { get; set; }
        public int? Version { get; set; }

        public static StationForm From(DisclosureDto d) => new()
        {
            ServiceDirectory = d.ServiceDirectory, ServiceGuide = d.ServiceGuide, ServiceListFiledOn = d.ServiceListFiledOn, Version = d.Version == 0 ? null : d.Version,
        };
    }

    public sealed class ContractorForm
    {
        public string? BasicInfo { get; set; }
        public string? Qualifications { get; set; }
        public string? AnnualFinancialReport { get; set; }
        public string? ProjectExperience { get; set; }
        public int? Version { get; set; }

        public static ContractorForm From(ContractorDisclosureDto? c) => c is null ? new() : new()
        {
            BasicInfo = c.BasicInfo, Qualifications = c.Qualifications, AnnualFinancialReport = c.AnnualFinancialReport, ProjectExperience = c.ProjectExperience,
            Version = c.Version == 0 ? null : c.Version,
        };
    }
}
