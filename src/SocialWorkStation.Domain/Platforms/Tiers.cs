using SocialWorkStation.Domain.Common;
using SocialWorkStation.Domain.Profiles;

namespace SocialWorkStation.Domain.Platforms;

/// <summary>
/// How the three tiers hang together (docs/requirements/tiers.md): one county centre or general station per county
/// where the document says so, and a village room under a township station of its own township.
/// </summary>
public sealed record TierRules
{
    /// <summary>Only one county centre / general station (总站) per county (Ledong 二, Shenmu art. 3, Wenzhou 四).</summary>
    public Sourced<bool>? OneCountyCentre { get; init; }
    /// <summary>A village room (社工室) belongs to the township station of its township (Ledong 一(二), Shenmu arts. 3, 12).</summary>
    public Sourced<bool>? VillageRoomUnderStation { get; init; }
}

/// <summary>The platform a new or changed platform would hang under, as the check needs it.</summary>
public sealed record ParentFacts(PlatformKind Kind, string RegionCode);

/// <summary>A broken tier rule: the request field it concerns and the message naming the clause.</summary>
public sealed record TierProblem(string Field, string Message);

public static class TierCheck
{
    /// <summary>
    /// The first tier rule a platform of <paramref name="kind"/> in <paramref name="regionCode"/> under
    /// <paramref name="parent"/> would break, or null. <paramref name="otherCentresInCounty"/>: county centres already
    /// in the same county, not counting this one.
    /// </summary>
    public static TierProblem? Check(PolicyProfile profile, PlatformKind kind, string regionCode, ParentFacts? parent, int otherCentresInCounty)
    {
        var t = profile.Tiers;
        if (kind == PlatformKind.CountyCentre && t?.OneCountyCentre is { Value: true } one && otherCentresInCounty > 0)
        {
            return new TierProblem("kind", $"本县（市、区）已有县级中心（总站），不能再设第二个（{profile.ShortName}{one.Source}）");
        }
        if (kind == PlatformKind.VillageRoom && t?.VillageRoomUnderStation is { Value: true } under)
        {
            if (parent is null)
            {
                return new TierProblem("parentId", $"社工室须隶属于所在乡镇（街道）的社工站，请选择上级社工站（{profile.ShortName}{under.Source}）");
            }
            if (parent.Kind != PlatformKind.Station || !regionCode.StartsWith(parent.RegionCode, StringComparison.Ordinal))
            {
                return new TierProblem("parentId", $"社工室的上级须是本乡镇（街道）的社工站（{profile.ShortName}{under.Source}）");
            }
        }
        return null;
    }
}
