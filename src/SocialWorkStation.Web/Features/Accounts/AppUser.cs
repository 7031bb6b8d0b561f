using System.ComponentModel.DataAnnotations.Schema;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SocialWorkStation.Domain.Regions;
using SocialWorkStation.Web.Features.Audit;
using SocialWorkStation.Web.Features.Recipients;
using SocialWorkStation.Web.Infrastructure;

namespace SocialWorkStation.Web.Features.Accounts;

/// <summary>An account. Its scope is one region (province, city, county or township) or one station.</summary>
public sealed class AppUser : IdentityUser, IProtectedPersonalData
{
    /// <summary>The account's mobile number; in memory only, stored in <see cref="PhoneNumberCipher"/> (docs/security.md).</summary>
    [NotMapped] public override string? PhoneNumber { get; set; }
    [Sensitive] public byte[]? PhoneNumberCipher { get; set; }
    private string? _sealedPhone;

    public void Unprotect(RecipientProtector p)
    {
        PhoneNumber = ProtectedField.Open(p, PhoneNumberCipher, ProtectedField.Context("account", Id, "phone"));
        _sealedPhone = PhoneNumber;
    }

    public bool Protect(RecipientProtector p, bool force = false)
    {
        var cipher = PhoneNumberCipher;
        var changed = ProtectedField.Seal(p, PhoneNumber, ref _sealedPhone, ref cipher, ProtectedField.Context("account", Id, "phone"), force);
        PhoneNumberCipher = cipher;
        return changed;
    }

    public string DisplayName { get; set; } = "";
    /// <summary>Region scope: the region's code; null when the scope is a station or the whole platform.</summary>
    public string? ScopeRegionCode { get; set; }
    public RegionLevel? ScopeRegionLevel { get; set; }
    /// <summary>Station scope: the platform's id.</summary>
    public Guid? ScopeStationId { get; set; }
    public Guid? OrganisationId { get; set; }
    /// <summary>A disabled account cannot log in and its open sessions stop at the next request.</summary>
    public bool IsDisabled { get; set; }
    public DateTime CreatedAt { get; set; }
}

public sealed class AppUserConfiguration : IEntityTypeConfiguration<AppUser>
{
    public void Configure(EntityTypeBuilder<AppUser> b)
    {
        b.Property(u => u.DisplayName).HasMaxLength(50);
        b.Property(u => u.ScopeRegionCode).HasMaxLength(12);
        b.Property(u => u.ScopeRegionLevel).HasConversion<int?>();
        b.Ignore(u => u.PhoneNumber);
        // The clear column of releases before encryption; emptied at start-up (PersonalDataUpgrade).
        b.LegacyColumn(PersonalDataUpgrade.LegacyPhone, "PhoneNumber");
    }
}
