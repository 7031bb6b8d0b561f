using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using SocialWorkStation.Web.Infrastructure;

namespace SocialWorkStation.Web.Features.Accounts;

public static class ChangePassword
{
    public static async Task Handle(UserManager<AppUser> users, ClaimsPrincipal principal, ChangePasswordRequest request)
    {
        new Errors().Required("currentPassword", request.CurrentPassword, "原密码").Required("newPassword", request.NewPassword, "新密码").ThrowIfAny();
        var user = await users.GetUserAsync(principal) ?? throw new NotFoundException("账号不存在");
        var result = await users.ChangePasswordAsync(user, request.CurrentPassword!, request.NewPassword!);
        if (!result.Succeeded)
        {
            var errors = new Errors();
            foreach (var e in result.Errors)
            {
                errors.Add(e.Code == "PasswordMismatch" ? "currentPassword" : "newPassword", e.Description);
            }
            errors.ThrowIfAny();
        }
    }
}
