using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using SocialWorkStation.Domain.Regions;
using SocialWorkStation.Web.Data;
using SocialWorkStation.Web.Features.Organisations;
using SocialWorkStation.Web.Features.Regions;
using SocialWorkStation.Web.Features.Shared;
using SocialWorkStation.Web.Features.Stations;
using SocialWorkStation.Web.Infrastructure;

namespace SocialWorkStation.Web.Features.Accounts;

/// <summary>Creates an account (/Accounts/Edit) or changes one (/Accounts/Edit/{id}) through ManageAccounts.</summary>
[Authorize(Policy = Permissions.AccountsManage)]
public sealed class EditModel(AppDbContext db, UserManager<AppUser> users, TimeProvider clock) : AppPageModel
{
    private const string RegionField = "Input.ScopeRegionCode";

    [BindProperty] public AccountForm Input { get; set; } = new();

    public string? Id { get; private set; }
    public bool IsNew => Id is null;
    public AccountDto? Account { get; private set; }
    public RegionPickerModel Picker { get; private set; } = null!;
    public IReadOnlyList<StationDto> Stations { get; private set; } = [];
    public IReadOnlyList<OrganisationDto> Organisations { get; private set; } = [];

    public async Task OnGetAsync(string? id, CancellationToken ct)
    {
        Id = id;
        if (id is not null)
        {
            Account = await ManageAccounts.Get(db, clock, id, ct);
            Input = AccountForm.From(Account);
        }
        await PrepareAsync(null, ct);
    }

    public async Task<IActionResult> OnPostAsync(string? id, CancellationToken ct)
    {
        Id = id;
        if (id is not null)
        {
            Account = await ManageAccounts.Get(db, clock, id, ct);
        }
        if (ModelState.IsValid)
        {
            try
            {
                var saved = id is null
                    ? await ManageAccounts.Create(db, users, clock, Input.ToInput(), ct)
                    : await ManageAccounts.Update(db, users, clock, id, Input.ToInput(), ct, User.UserId());
                TempData["Message"] = id is null ? $"已创建账号“{saved.UserName}”。" : $"已保存账号“{saved.UserName}”。{(saved.Disabled ? "该账号已停用，不能再登录。" : "")}";
                return RedirectToPage("/Accounts/Index", new { q = saved.UserName });
            }
            catch (RequestValidationException ex)
            {
                ShowErrors(ex, nameof(Input), typeof(AccountForm));
            }
            catch (BusinessRuleException ex)
            {
                ShowError(ex, nameof(Input), typeof(AccountForm));
            }
        }
        Input.Password = null;
        await PrepareAsync(null, ct);
        return Page();
    }

    /// <summary>The region picker without JavaScript.</summary>
    public async Task<IActionResult> OnPostRegionAsync(string? id, CancellationToken ct)
    {
        Id = id;
        if (id is not null)
        {
            Account = await ManageAccounts.Get(db, clock, id, ct);
        }
        var (pick, browse) = RegionPicker.Read(Request.Form, RegionField);
        if (pick is not null)
        {
            Input.ScopeRegionCode = pick;
            Input.ScopeMode = AccountForm.RegionMode;
        }
        ModelState.Clear();
        await PrepareAsync(browse, ct);
        return Page();
    }

    private async Task PrepareAsync(string? browse, CancellationToken ct)
    {
        var scope = User.Scope();
        Picker = await RegionPicker.Build(db, RegionField, "管辖区划", Input.ScopeRegionCode, browse, null, RegionLevel.Township,
            "省、市、县（市、区）或乡镇（街道）；民政局干部一般选县，乡镇干部选乡镇。", ct);
        Stations = (await ListStations.Handle(db, scope, new ListStations.Query(), new PageRequest(1, PageRequest.MaxPageSize), ct)).Items;
        Organisations = (await OrganisationUseCases.List(db, scope, null, new PageRequest(1, PageRequest.MaxPageSize), ct)).Items;
    }
}

/// <summary>The account form: the fields of AccountInput, plus the choice between a region and a station as scope.</summary>
public sealed class AccountForm
{
    public const string RegionMode = "region";
    public const string StationMode = "station";
    public const string NoneMode = "none";

    public string? UserName { get; set; }
    public string? DisplayName { get; set; }
    public string? Password { get; set; }
    public List<string> Roles { get; set; } = [];
    public string ScopeMode { get; set; } = RegionMode;
    public string? ScopeRegionCode { get; set; }
    public Guid? ScopeStationId { get; set; }
    public Guid? OrganisationId { get; set; }
    public bool Disabled { get; set; }
    public string? Phone { get; set; }
    /// <summary>Shown only when the account has two-factor sign-in: reset it when the phone is lost.</summary>
    public bool TwoFactorEnabled { get; set; }
    public bool ResetTwoFactor { get; set; }

    public AccountInput ToInput() => new(
        UserName, DisplayName, string.IsNullOrEmpty(Password) ? null : Password, Roles,
        ScopeMode == RegionMode ? ScopeRegionCode?.Trim() : null,
        ScopeMode == StationMode ? ScopeStationId : null,
        OrganisationId, Disabled, Phone, ResetTwoFactor);

    public static AccountForm From(AccountDto a) => new()
    {
        UserName = a.UserName, DisplayName = a.DisplayName, Roles = a.Roles.ToList(),
        ScopeMode = a.ScopeStationId is not null ? StationMode : a.ScopeRegionCode is not null ? RegionMode : NoneMode,
        ScopeRegionCode = a.ScopeRegionCode, ScopeStationId = a.ScopeStationId, OrganisationId = a.OrganisationId,
        Disabled = a.Disabled, Phone = a.Phone, TwoFactorEnabled = a.TwoFactorEnabled,
    };
}
