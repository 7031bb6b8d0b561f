using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using SocialWorkStation.Web.Features.Audit;
using SocialWorkStation.Web.Infrastructure;

namespace SocialWorkStation.Web.Features.Accounts;

public sealed record EnableTwoFactorRequest(string? Code);

/// <param name="Codes">Ten one-time codes for when the phone is lost; shown this once only.</param>
public sealed record RecoveryCodes(IReadOnlyList<string> Codes);

/// <summary>
/// Two-factor sign-in, step 2: the code the app shows proves it holds the key; then sign-in asks for it. Turning it on
/// renews the security stamp, so every other session of the account ends (the page renews its own cookie; an API
/// client signs in again with its code).
/// </summary>
public static class EnableTwoFactor
{
    public const int RecoveryCodeCount = 10;

    public static async Task<RecoveryCodes> Handle(UserManager<AppUser> users, AuditLog audit, ClaimsPrincipal principal, EnableTwoFactorRequest request)
    {
        new Errors().Required("code", request.Code, "验证码").ThrowIfAny();
        var user = await users.GetUserAsync(principal) ?? throw new NotFoundException("账号不存在");
        if (string.IsNullOrEmpty(await users.GetAuthenticatorKeyAsync(user)))
        {
            throw new BusinessRuleException("请先生成验证器密钥并添加到验证器应用", "code");
        }
        var code = request.Code!.Replace(" ", "").Replace("-", "").Trim();
        if (!await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, code))
        {
            new Errors().Add("code", "验证码不正确，请核对手机时间后输入验证器应用当前显示的6位数字").ThrowIfAny();
        }
        await users.SetTwoFactorEnabledAsync(user, true);
        var codes = (await users.GenerateNewTwoFactorRecoveryCodesAsync(user, RecoveryCodeCount))!.ToList();
        await audit.WriteAsync("twoFactorEnabled", "Account", user.Id);
        return new RecoveryCodes(codes);
    }
}
