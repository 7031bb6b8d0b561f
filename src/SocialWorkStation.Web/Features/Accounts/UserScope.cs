using System.Security.Claims;
using SocialWorkStation.Domain.Regions;

namespace SocialWorkStation.Web.Features.Accounts;

public enum ScopeKind { None, Platform, Region, Station }

/// <summary>
/// What part of the country a user may see and change. Built once per request from the database
/// (see <see cref="ScopeClaimsTransformation"/>), carried as claims, read here.
/// </summary>
/// <param name="ContractorOrganisationId">
/// The organisation of an account that works for a contractor (not a bureau or township officer, not an administrator):
/// a station handed over from that organisation to another (交接, docs/requirements/agreements.md §12) leaves the scope
/// (<see cref="Stations.PlatformScope.VisibleTo"/>).
/// </param>
public sealed record UserScope(ScopeKind Kind, string? RegionCode = null, RegionLevel? Level = null, Guid? StationId = null, bool ServiceRecords = true,
    Guid? ContractorOrganisationId = null)
{
    /// <summary>Present (value "no") on the administrators' scope: stations and regions yes, the records of a station's work no.</summary>
    public const string NoRecordsClaim = "sws:scope_no_records";
    public const string KindClaim = "sws:scope";
    public const string RegionClaim = "sws:scope_region";
    public const string LevelClaim = "sws:scope_level";
    public const string StationClaim = "sws:scope_station";
    public const string ContractorOrganisationClaim = "sws:scope_contractor_org";

    public static readonly UserScope Nothing = new(ScopeKind.None);

    /// <summary>The code prefix that every region inside the scope starts with.</summary>
    public string? RegionPrefix => Kind == ScopeKind.Region && RegionCode is not null && Level is not null
        ? RegionScope.Prefix(RegionCode, Level.Value)
        : null;

    public static UserScope From(ClaimsPrincipal user)
    {
        if (user.Identity?.IsAuthenticated != true || !Enum.TryParse<ScopeKind>(user.FindFirstValue(KindClaim), out var kind))
        {
            return Nothing;
        }
        Guid? org = Guid.TryParse(user.FindFirstValue(ContractorOrganisationClaim), out var o) ? o : null;
        return kind switch
        {
            ScopeKind.Platform => new UserScope(ScopeKind.Platform, ServiceRecords: !user.HasClaim(c => c.Type == NoRecordsClaim)),
            ScopeKind.Region when Enum.TryParse<RegionLevel>(user.FindFirstValue(LevelClaim), out var level)
                && user.FindFirstValue(RegionClaim) is { } code => new UserScope(ScopeKind.Region, code, level, ContractorOrganisationId: org),
            ScopeKind.Station when Guid.TryParse(user.FindFirstValue(StationClaim), out var id) => new UserScope(ScopeKind.Station, StationId: id, ContractorOrganisationId: org),
            _ => Nothing,
        };
    }

    public static UserScope Of(AppUser u, IEnumerable<string> roles)
    {
        // A bureau or township officer works for the government side: hand-overs between contractors do not narrow its scope.
        var org = roles.Any(r => r is Roles.BureauOfficer or Roles.TownshipOfficer || Roles.IsAdministrator(r)) ? null : u.OrganisationId;
        if (u.ScopeStationId is { } station)
        {
            return new UserScope(ScopeKind.Station, StationId: station, ContractorOrganisationId: org);
        }
        if (u.ScopeRegionCode is { } code && u.ScopeRegionLevel is { } level)
        {
            return new UserScope(ScopeKind.Region, code, level, ContractorOrganisationId: org);
        }
        // The system and security administrators configure the whole platform but read no service record
        // (三员分立, docs/security.md "Separation of duties"); the auditor reads the audit trail only, no records at all.
        if (roles.Any(r => r is Roles.SystemAdmin or Roles.SecurityAdmin)) return new UserScope(ScopeKind.Platform, ServiceRecords: false);
        return Nothing;
    }

    public IEnumerable<Claim> ToClaims()
    {
        yield return new Claim(KindClaim, Kind.ToString());
        if (RegionCode is not null) yield return new Claim(RegionClaim, RegionCode);
        if (Level is not null) yield return new Claim(LevelClaim, Level.Value.ToString());
        if (StationId is not null) yield return new Claim(StationClaim, StationId.Value.ToString());
        if (!ServiceRecords) yield return new Claim(NoRecordsClaim, "no");
        if (ContractorOrganisationId is not null) yield return new Claim(ContractorOrganisationClaim, ContractorOrganisationId.Value.ToString());
    }

    /// <summary>Whether a region code lies inside this scope (for region-scoped records).</summary>
    public bool ContainsRegion(string code) => Kind switch
    {
        ScopeKind.Platform => true,
        ScopeKind.Region => RegionPrefix is { } p && code.StartsWith(p, StringComparison.Ordinal),
        _ => false,
    };
}
