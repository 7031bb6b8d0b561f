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
        ModelState.AddModelError("", Failed);
        return Page();
    }

    public sealed class LoginForm
    {
        public string? UserName { get; set; }
        public string? Password { get; set; }
    }
}
