using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using SocialWorkStation.Domain.Regions;
using SocialWorkStation.Web.Data;
using SocialWorkStation.Web.Features.Stations;
using SocialWorkStation.Web.Infrastructure;

namespace SocialWorkStation.Web.Features.Accounts;

/// <summary>The security administrator creates accounts, sets roles and scopes, resets passwords and disables accounts.</summary>
public static class ManageAccounts
{
    public static async Task<Paged<AccountDto>> List(AppDbContext db, TimeProvider clock, string? q, PageRequest page, CancellationToken ct)
    {
        var users = db.Users.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(q))
        {
            users = users.Where(u => u.UserName!.Contains(q) || u.DisplayName.Contains(q));
        }
        var result = await users.OrderBy(u => u.UserName).ToPageAsync(page, ct);
        var ids = result.Items.Select(u => u.Id).ToList();
        var roles = await RolesOf(db, ids, ct);
        var now = clock.GetUtcNow();
        return new Paged<AccountDto>(result.Items.Select(u => AccountDto.From(u, roles.GetValueOrDefault(u.Id) ?? [], now)).ToList(), result.Total, result.Page, result.PageSize);
    }

    public static async Task<AccountDto> Get(AppDbContext db, TimeProvider clock, string id, CancellationToken ct)
    {
        var u = await db.Users.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct) ?? throw new NotFoundException("账号不存在");
        var roles = await RolesOf(db, [id], ct);
        return AccountDto.From(u, roles.GetValueOrDefault(id) ?? [], clock.GetUtcNow());
    }

    public static async Task<AccountDto> Create(AppDbContext db, UserManager<AppUser> users, TimeProvider clock, AccountInput input, CancellationToken ct)
    {
        var errors = new Errors().Required("userName", input.UserName, "用户名").Required("password", input.Password, "初始密码");
        await ValidateCommon(db, input, errors, ct);
        if (input.UserName is { Length: > 0 } && await users.FindByNameAsync(input.UserName.Trim()) is not null)
        {
            errors.Add("userName", $"用户名“{input.UserName}”已被使用");
        }
        if (input.Password is { Length: > 0 } pwd)
        {
            foreach (var v in users.PasswordValidators)
            {
                var r = await v.ValidateAsync(users, new AppUser { UserName = input.UserName }, pwd);
                foreach (var e in r.Errors) errors.Add("password", e.Description);
            }
        }
        errors.ThrowIfAny();
        var user = new AppUser { UserName = input.UserName!.Trim(), CreatedAt = clock.GetUtcNow().UtcDateTime, LockoutEnabled = true };
        Apply(user, input);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        Check(await users.CreateAsync(user, input.Password!), "userName");
        Check(await users.AddToRolesAsync(user, input.Roles!.Distinct()), "roles");
        await tx.CommitAsync(ct);
        return await Get(db, clock, user.Id, ct);
    }

    public static async Task<AccountDto> Update(AppDbContext db, UserManager<AppUser> users, TimeProvider clock, string id, AccountInput input, CancellationToken ct, string? actingUserId = null)
    {
        var user = await users.FindByIdAsync(id) ?? throw new NotFoundException("账号不存在");
        var current = await users.GetRolesAsync(user);
        var errors = new Errors();
        await ValidateCommon(db, input, errors, ct);
        errors.ThrowIfAny();
        var rolesChanged = !current.ToHashSet().SetEquals(input.Roles!);
        if (actingUserId == id && (input.Disabled == true || rolesChanged))
        {
            // Nobody changes their own roles (三员分立: an administrator cannot make itself auditor), and the last
            // security administrator cannot lock everyone out of account management.
            throw new BusinessRuleException("不能停用自己的账号，也不能修改自己的角色；请由另一位安全管理员办理", input.Disabled == true ? "disabled" : "roles");
        }
        Apply(user, input);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        Check(await users.UpdateAsync(user), "userName");
        Check(await users.RemoveFromRolesAsync(user, current.Except(input.Roles!)), "roles");
        Check(await users.AddToRolesAsync(user, input.Roles!.Except(current).Distinct()), "roles");
        if (!string.IsNullOrEmpty(input.Password))
        {
            var token = await users.GeneratePasswordResetTokenAsync(user);
            Check(await users.ResetPasswordAsync(user, token, input.Password), "password");
        }
        if (input.ResetTwoFactor == true)
        {
            // The phone is lost: the account signs in with its password once more and enrols a new authenticator
            // (required roles are sent to enrol at once). ResetAuthenticatorKeyAsync renews the security stamp.
            Check(await users.SetTwoFactorEnabledAsync(user, false), "resetTwoFactor");
            Check(await users.ResetAuthenticatorKeyAsync(user), "resetTwoFactor");
        }
        if (input.Disabled == true || rolesChanged)
        {
            // Ends sessions everywhere: the next request on any node finds the account disabled, or must sign in
            // again under its new roles (docs/security.md "Sessions").
            await users.UpdateSecurityStampAsync(user);
        }
        await tx.CommitAsync(ct);
        return await Get(db, clock, user.Id, ct);
    }

    private static void Apply(AppUser user, AccountInput input)
    {
        user.DisplayName = input.DisplayName?.Trim() ?? "";
        user.PhoneNumber = input.Phone?.Trim();
        user.OrganisationId = input.OrganisationId;
        user.IsDisabled = input.Disabled ?? false;
        user.ScopeStationId = input.ScopeStationId;
        user.ScopeRegionCode = input.ScopeStationId is null && !string.IsNullOrWhiteSpace(input.ScopeRegionCode) ? input.ScopeRegionCode : null;
        user.ScopeRegionLevel = user.ScopeRegionCode is null ? null : RegionScope.LevelOf(user.ScopeRegionCode);
    }

    private static async Task ValidateCommon(AppDbContext db, AccountInput input, Errors errors, CancellationToken ct)
    {
        errors.Required("displayName", input.DisplayName, "姓名").MaxLength("displayName", input.DisplayName, 50, "姓名");
        if (input.Roles is null || input.Roles.Count == 0)
        {
            errors.Add("roles", "请至少选择一个角色");
        }
        else if (input.Roles.FirstOrDefault(r => !Roles.Exists(r)) is { } bad)
        {
            errors.Add("roles", $"角色“{bad}”不存在");
        }
        else if (input.Roles.Distinct().Count(Roles.IsAdministrator) is var admins && admins > 1)
        {
            errors.Add("roles", "系统管理员、安全管理员、审计管理员三者互斥，一个账号只能担任其一（三员分立）");
        }
        else if (admins == 1 && input.Roles.Any(r => !Roles.IsAdministrator(r)))
        {
            errors.Add("roles", "管理员账号不能兼任业务角色（三员分立）");
        }
        if (input.ScopeStationId is { } station)
        {
            if (!await db.Platforms.AnyAsync(p => p.Id == station, ct)) errors.Add("scopeStationId", "站点不存在");
        }
        else if (!string.IsNullOrWhiteSpace(input.ScopeRegionCode))
        {
            var level = RegionScope.LevelOf(input.ScopeRegionCode);
            if (level is null or RegionLevel.Village || !await db.Regions.AnyAsync(r => r.Code == input.ScopeRegionCode, ct))
            {
                errors.Add("scopeRegionCode", "管辖范围应为存在的省、市、县或乡镇（街道）区划代码");
            }
        }
        else if (input.Roles is { } roles && roles.Any(r => !Roles.IsAdministrator(r)))
        {
            errors.Add("scopeRegionCode", "业务角色须指定管辖范围：一个区划或一个站点");
        }
    }

    private static void Check(IdentityResult result, string field)
    {
        if (!result.Succeeded)
        {
            throw new RequestValidationException(new Dictionary<string, string[]> { [field] = result.Errors.Select(e => e.Description).ToArray() });
        }
    }

    private static async Task<Dictionary<string, List<string>>> RolesOf(AppDbContext db, List<string> userIds, CancellationToken ct) =>
        (await db.UserRoles.Where(ur => userIds.Contains(ur.UserId))
            .Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => new { ur.UserId, r.Name })
            .ToListAsync(ct))
        .GroupBy(x => x.UserId).ToDictionary(g => g.Key, g => g.Select(x => x.Name!).OrderBy(x => x).ToList());
}
