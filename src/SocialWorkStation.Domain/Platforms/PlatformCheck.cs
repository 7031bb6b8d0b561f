using SocialWorkStation.Domain.Common;
using SocialWorkStation.Domain.Profiles;

namespace SocialWorkStation.Domain.Platforms;

/// <summary>What is recorded about a platform's premises, as the check needs it.</summary>
public sealed record PlatformFacts(
    PlatformKind Kind,
    string Name,
    RegionNames Regions,
    decimal? FloorArea,
    IReadOnlyCollection<string> Rooms,
    IReadOnlyCollection<string> Equipment,
    bool HasFireSafetyEquipment);

/// <summary>Checks a platform's name and premises against its policy profile.</summary>
public static class PlatformCheck
{
    public static IReadOnlyList<Finding> Check(PolicyProfile profile, PlatformFacts p)
    {
        var findings = new List<Finding>();
        var kindName = PlatformKinds.Chinese(p.Kind);
        if (profile.Signage.For(p.Kind) is { } sign)
        {
            var ok = Signage.Matches(p.Name, sign.Value, p.Regions);
            var expected = Signage.Expected(sign.Value, p.Regions);
            findings.Add(new Finding("signage", ok, Severity.Error,
                ok ? $"名称符合标牌格式“{expected}”"
                   : $"名称“{p.Name}”不符合标牌格式，应为“{expected}”（{profile.ShortName}{sign.Source}）",
                profile.ShortName + sign.Source));
        }

        var rules = profile.Facilities.For(p.Kind);
        if (rules?.MinFloorArea is { } area)
        {
            var ok = p.FloorArea is { } a && a >= area.Value;
            findings.Add(new Finding("floorArea", ok, Severity.Error,
                p.FloorArea is null
                    ? $"未填写办公面积；{kindName}办公面积不少于{area.Value:0.##}平方米（{profile.ShortName}{area.Source}）"
                    : ok ? $"办公面积{p.FloorArea:0.##}平方米，不少于{area.Value:0.##}平方米"
                         : $"办公面积{p.FloorArea:0.##}平方米，少于要求的{area.Value:0.##}平方米（{profile.ShortName}{area.Source}）",
                profile.ShortName + area.Source));
        }
        if (rules?.RequiredRooms is { } rooms)
        {
            var missing = rooms.Value.Where(r => !p.Rooms.Any(have => Contains(have, r))).ToList();
            findings.Add(new Finding("rooms", missing.Count == 0, Severity.Error,
                missing.Count == 0
                    ? $"功能室齐全：{string.Join("、", rooms.Value)}"
                    : $"缺少功能室：{string.Join("、", missing)}（{profile.ShortName}{rooms.Source}；场地不足的可混合设置）",
                profile.ShortName + rooms.Source));
        }
        if (rules?.RequiredEquipment is { } equipment)
        {
            var missing = equipment.Value.Where(r => !p.Equipment.Any(have => Contains(have, r))).ToList();
            findings.Add(new Finding("equipment", missing.Count == 0, Severity.Warning,
                missing.Count == 0
                    ? $"办公设备齐全：{string.Join("、", equipment.Value)}"
                    : $"缺少办公设备：{string.Join("、", missing)}（{profile.ShortName}{equipment.Source}）",
                profile.ShortName + equipment.Source));
        }
        if (rules?.FireSafety is { Value: true } fire)
        {
            findings.Add(new Finding("fireSafety", p.HasFireSafetyEquipment, Severity.Error,
                p.HasFireSafetyEquipment ? "已配备消防设施" : $"未配备消防设施（{profile.ShortName}{fire.Source}）",
                profile.ShortName + fire.Source));
        }
        return findings;
    }

    // A recorded room "个案工作室/心理咨询室" satisfies "个案工作室": rooms may be shared (Ledong 三(一)2).
    private static bool Contains(string recorded, string required) =>
        Signage.Normalize(recorded).Contains(Signage.Normalize(required), StringComparison.Ordinal);
}
