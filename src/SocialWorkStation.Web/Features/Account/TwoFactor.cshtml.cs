using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using QRCoder;
using SocialWorkStation.Web.Features.Accounts;
using SocialWorkStation.Web.Features.Audit;
using SocialWorkStation.Web.Features.Shared;
using SocialWorkStation.Web.Infrastructure;

namespace SocialWorkStation.Web.Features.Account;

/// <summary>
/// 两步验证: bind an authenticator app (scan the QR code or type the key), confirm with its code, keep the ten recovery
/// codes; turn it off where the roles allow. The page and /api/v1/auth/2fa call the same use cases.
/// </summary>
public sealed class TwoFactorModel(UserManager<AppUser> users, IUserStore<AppUser> store, SignInManager<AppUser> signIn, IOptions<AccountOptions> options, AuditLog audit) : AppPageModel
{
    public TwoFactorStatus Status { get; private set; } = new(false, false, 0);
    public AuthenticatorKey? Key { get; private set; }
    /// <summary>The otpauth:// address drawn as an SVG QR code (no outside service).</summary>
    public string? QrSvg { get; private set; }
    public IReadOnlyList<string>? NewRecoveryCodes { get; private set; }
    [BindProperty] public string? Code { get; set; }

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostEnableAsync()
    {
        try
        {
            NewRecoveryCodes = (await EnableTwoFactor.Handle(users, audit, User, new EnableTwoFactorRequest(Code))).Codes;
        }
        catch (RequestValidationException ex)
        {
            foreach (var m in ex.Errors.SelectMany(e => e.Value)) ModelState.AddModelError(nameof(Code), m);
            await LoadAsync();
            return Page();
        }
        catch (BusinessRuleException ex)
        {
            ModelState.AddModelError("", ex.Message);
            await LoadAsync();
            return Page();
        }
        // Turning it on renewed the security stamp: renew this session's cookie, every other session ends.
        await RenewCookieAsync();
        Status = await SetUpAuthenticator.Status(users, options, User);
        Status = Status with { Enabled = true };
        return Page();
    }

    public async Task<IActionResult> OnPostDisableAsync()
    {
        try
        {
            await DisableTwoFactor.Handle(users, options, audit, User);
        }
        catch (BusinessRuleException ex)
        {
            ModelState.AddModelError("", ex.Message);
            await LoadAsync();
            return Page();
        }
        await RenewCookieAsync();
        TempData["Message"] = "已关闭两步验证。";
        return RedirectToPage();
    }

    private async Task RenewCookieAsync()
    {
        if (await users.GetUserAsync(User) is { } user)
        {
            await signIn.RefreshSignInAsync(user);
        }
    }

    private async Task LoadAsync()
    {
        Status = await SetUpAuthenticator.Status(users, options, User);
        if (Status.Enabled)
        {
            return;
        }
        var user = await users.GetUserAsync(User) ?? throw new NotFoundException("账号不存在");
        var key = await users.GetAuthenticatorKeyAsync(user);
        Key = string.IsNullOrEmpty(key) ? await SetUpAuthenticator.NewKey(users, store, User) : SetUpAuthenticator.Describe(user.UserName!, key);
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(Key.AuthenticatorUri, QRCodeGenerator.ECCLevel.M);
        QrSvg = new SvgQRCode(data).GetGraphic(5);
    }
}
