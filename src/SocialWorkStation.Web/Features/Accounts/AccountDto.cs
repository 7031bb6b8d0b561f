using SocialWorkStation.Domain.Regions;
using SocialWorkStation.Web.Features.Regions;

namespace SocialWorkStation.Web.Features.Accounts;

public sealed record AccountDto(
    string Id, string UserName, string DisplayName, IReadOnlyList<string> Roles,
    string? ScopeRegionCode, string? ScopeRegionLevel, Guid? ScopeStationId, Guid? OrganisationId,
    bool Disabled, bool LockedOut, string? Phone, bool TwoFactorEnabled = false)
{
    public static AccountDto From(AppUser u, IReadOnlyList<string> roles, DateTimeOffset now) => new(
        u.Id, u.UserName ?? "", u.DisplayName, roles, u.ScopeRegionCode,
        u.ScopeRegionLevel is { } l ? RegionDto.LevelName(l) : null, u.ScopeStationId, u.OrganisationId,
        u.IsDisabled, u.LockoutEnd is { } end && end > now, u.PhoneNumber, u.TwoFactorEnabled);
}

/// <summary>Create or change an account. Password only on create (or to reset it).</summary>
public sealed record AccountInput(
    string? UserName, string? DisplayName, string? Password, IReadOnlyList<string>? Roles,
    string? ScopeRegionCode, Guid? ScopeStationId, Guid? OrganisationId, bool? Disabled, string? Phone, bool? ResetTwoFactor = null);

public sealed record ChangePasswordRequest(string? CurrentPassword, string? NewPassword);

public sealed record MeDto(string Id, string UserName, string DisplayName, IReadOnlyList<string> Roles, string Scope, string? ScopeRegionCode, Guid? ScopeStationId);

public static class ScopeText
{
    public static RegionLevel? LevelFor(string code) => RegionScope.LevelOf(code);
}
