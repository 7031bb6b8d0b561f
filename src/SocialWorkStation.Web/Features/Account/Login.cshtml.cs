using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using SocialWorkStation.Web.Features.Accounts;
using SocialWorkStation.Web.Features.Audit;
using SocialWorkStation.Web.Features.Shared;

namespace SocialWorkStation.Web.Features.Account;

[AllowAnonymous]
public sealed class LoginModel(SignInManager<AppUser> signIn, AuditLog audit) : AppPageModel
{
    /// <summary>The same words for every failure, so the page never tells which accounts exist.</summary>
    public const string Failed = "用户名或密码不正确，或账号已被锁定";

    [BindProperty] public LoginForm Input { get; set; } = new();
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (string.IsNullOrWhiteSpace(Input.UserName))
        {
            ModelState.AddModelError("Input.UserName", "请填写用户名");
        }
        if (string.IsNullOrEmpty(Input.Password))
        {
            ModelState.AddModelError("Input.Password", "请填写密码");
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var outcome = await Login.Handle(signIn, audit, new LoginRequest(Input.UserName, Input.Password), persistent: false, IdentityConstants.ApplicationScheme);
        if (outcome == Login.Outcome.Success)
        {
            return LocalRedirect(SafeReturnUrl(ReturnUrl));
        }
        Input.Password = null;
        if (outcome == Login.Outcome.TwoFactorRequired)
        {
            // The password was right; the second step asks for the code (the password is not sent again).
            AskForCode = true;
            return Page();
        }
        ModelState.AddModelError("", Failed);
        return Page();
    }

    /// <summary>The second step of an account with two-factor sign-in: the authenticator code or a recovery code.</summary>
    public async Task<IActionResult> OnPostCodeAsync()
    {
        AskForCode = true;
        if (string.IsNullOrWhiteSpace(Input.Code) && string.IsNullOrWhiteSpace(Input.RecoveryCode))
        {
            ModelState.AddModelError("Input.Code", "请填写验证器应用显示的6位验证码");
            return Page();
        }
        var outcome = await Login.CompleteOnPage(signIn, audit, Input.Code, Input.RecoveryCode);
        if (outcome == Login.Outcome.Success)
        {
            return LocalRedirect(SafeReturnUrl(ReturnUrl));
        }
        ModelState.AddModelError("", "验证码不正确或已过期，请重新输入；多次输错账号将被锁定");
        ModelState.Remove("Input.Code");
        ModelState.Remove("Input.RecoveryCode");
        Input.Code = null;
        Input.RecoveryCode = null;
        return Page();
    }

    public bool AskForCode { get; private set; }

    public sealed class LoginForm
    {
        public string? UserName { get; set; }
        public string? Password { get; set; }
        public string? Code { get; set; }
        public string? RecoveryCode { get; set; }
    }
}
