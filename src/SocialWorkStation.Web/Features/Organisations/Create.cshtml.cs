using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using SocialWorkStation.Domain.Regions;
using SocialWorkStation.Web.Data;
using SocialWorkStation.Web.Features.Accounts;
using SocialWorkStation.Web.Features.Regions;
using SocialWorkStation.Web.Features.Shared;
using SocialWorkStation.Web.Infrastructure;

namespace SocialWorkStation.Web.Features.Organisations;

[Authorize(Policy = Permissions.OrganisationsManage)]
public sealed class CreateModel(AppDbContext db) : AppPageModel
{
    private const string RegionField = "Input.RegionCode";

    [BindProperty] public OrganisationForm Input { get; set; } = new();
    public RegionPickerModel Picker { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken ct)
    {
        Input.RegionCode = User.Scope().RegionCode;
        await PrepareAsync(null, ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (ModelState.IsValid)
        {
            try
            {
                var o = await OrganisationUseCases.Create(db, User.Scope(), Input.ToInput(), ct);
                TempData["Message"] = $"已新建单位“{o.Name}”。";
                return RedirectToPage("/Organisations/Index");
            }
            catch (RequestValidationException ex)
            {
                ShowErrors(ex, nameof(Input), typeof(OrganisationForm));
            }
        }
        await PrepareAsync(null, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostRegionAsync(CancellationToken ct)
    {
        var (pick, browse) = RegionPicker.Read(Request.Form, RegionField);
        if (pick is not null)
        {
            Input.RegionCode = pick;
        }
        ModelState.Clear();
        await PrepareAsync(browse, ct);
        return Page();
    }

    private async Task PrepareAsync(string? browse, CancellationToken ct) =>
        Picker = await RegionPicker.Build(db, RegionField, "所在区划", Input.RegionCode, browse, User.Scope().RegionCode, RegionLevel.Township,
            "民政局选县（市、区），乡镇政府选乡镇（街道），承接机构和评估机构选其服务的县。", ct);
}

public sealed class OrganisationForm
{
    public string? Name { get; set; }
    public string? Kind { get; set; }
    public string? RegionCode { get; set; }
    public string? CreditCode { get; set; }
    public string? LegalForm { get; set; }
    public string? RegisteringAuthority { get; set; }
    public string? Contact { get; set; }
    public string? Phone { get; set; }

    public OrganisationInput ToInput() => new(Name, Kind, RegionCode?.Trim(), CreditCode, Contact, Phone, LegalForm, RegisteringAuthority);
}
