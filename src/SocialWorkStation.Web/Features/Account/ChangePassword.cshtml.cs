using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using SocialWorkStation.Web.Features.Accounts;
using SocialWorkStation.Web.Features.Shared;
using SocialWorkStation.Web.Infrastructure;

namespace SocialWorkStation.Web.Features.Account;

public sealed class ChangePasswordModel(UserManager<AppUser> users, SignInManager<AppUser> signIn) : AppPageModel
{
    [BindProperty] public PasswordForm Input { get; set; } = new();

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!string.IsNullOrEmpty(Input.NewPassword) && Input.NewPassword != Input.ConfirmPassword)
        {
            ModelState.AddModelError("Input.ConfirmPassword", "两次输入的新密码不一致");
            return Page();
        }
        try
        {
            await ChangePassword.Handle(users, User, new ChangePasswordRequest(Input.CurrentPassword, Input.NewPassword));
        }
        catch (RequestValidationException ex)
        {
            ShowErrors(ex, nameof(Input), typeof(PasswordForm));
            return Page();
        }
        // The password change renewed the security stamp; renew the cookie so this session goes on.
        if (await users.GetUserAsync(User) is { } user)
        {
            await signIn.RefreshSignInAsync(user);
        }
        TempData["Message"] = "密码已修改，下次登录请使用新密码。";
        return RedirectToPage("/Account/Index");
    }

    public sealed class PasswordForm
    {
        public string? CurrentPassword { get; set; }
        public string? NewPassword { get; set; }
        public string? ConfirmPassword { get; set; }
    }
}
