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
    bool HasFireSafetyEquipment)
{
    /// <summary>The service projects the station runs, as its records show (<see cref="StationServices"/>).</summary>
    public IReadOnlyCollection<string> Services { get; init; } = [];
}

/// <summary>Checks a platform's name and premises against its policy profile (docs/requirements/premises.md).</summary>
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
        if (rules?.ServiceRooms is { } byService)
        {
            // Wenzhou 六(一)2: rooms "根据服务项目" — required once the station runs the service (docs/requirements/premises.md).
            var owed = byService.Value.Where(r => r.Service is { } svc && p.Services.Contains(svc)).ToList();
            var missing = owed.Where(r => !p.Rooms.Any(r.IsMetBy)).ToList();
            findings.Add(new Finding("serviceRooms", missing.Count == 0, Severity.Error,
                missing.Count == 0
                    ? owed.Count == 0 ? "尚未开展需要专门功能室的服务项目" : $"按服务项目应设的功能室齐全：{string.Join("、", owed.Select(r => r.Name))}"
                    : $"按服务项目缺少功能室：{string.Join("、", missing.Select(r => $"{r.Name}（已{StationServices.Chinese(r.Service!)}）"))}（{profile.ShortName}{byService.Source}）",
                profile.ShortName + byService.Source) { Interpretation = byService.Interpretation });
        }
        if (rules?.SeparateOffice is { Value: true } office)
        {
            var ok = p.Rooms.Any(IsSeparateOffice);
            findings.Add(new Finding("separateOffice", ok, Severity.Error,
                ok ? "有单独的办公用房" : $"未登记单独的办公用房（{profile.ShortName}{office.Source}）",
                profile.ShortName + office.Source) { Interpretation = office.Interpretation });
        }
        if (rules?.RequiredEquipment is { } equipment)
        {
            findings.AddRange(Items(profile, "equipment", "办公设备", equipment, p.Equipment));
        }
        if (rules?.FireSafety is { Value: true } fire)
        {
            findings.Add(new Finding("fireSafety", p.HasFireSafetyEquipment, Severity.Error,
                p.HasFireSafetyEquipment ? "已配备消防设施" : $"未配备消防设施（{profile.ShortName}{fire.Source}）",
                profile.ShortName + fire.Source));
        }
        if (rules?.Safety is { } safety)
        {
            // The fire-safety flag on the station stands for the fire item (防火设施); the others are recorded as equipment.
            var recorded = p.HasFireSafetyEquipment ? p.Equipment.Append("消防设施").ToList() : p.Equipment;
            findings.AddRange(Items(profile, "safety", "安全设施", safety, recorded));
        }
        return findings;
    }

    /// <summary>
    /// One finding per severity: the required items missing (error) and the recommended ones missing (warning),
    /// each item judged by its own verb (docs/requirements/premises.md "Verbs").
    /// </summary>
    private static IEnumerable<Finding> Items(PolicyProfile profile, string rule, string what, Sourced<PremisesItem[]> list, IReadOnlyCollection<string> recorded)
    {
        foreach (var group in list.Value.GroupBy(i => i.Severity).OrderBy(g => g.Key))
        {
            var required = group.Key == Severity.Error;
            var missing = group.Where(i => !recorded.Any(i.IsMetBy)).ToList();
            var clauses = string.Join("；", missing.Select(i => i.Source ?? list.Source).Distinct());
            yield return new Finding(required ? rule : rule + "Recommended", missing.Count == 0, group.Key,
                missing.Count == 0
                    ? $"{(required ? "应配备的" : "建议配备的")}{what}齐全：{string.Join("、", group.Select(i => i.Name))}"
                    : required
                        ? $"缺少应配备的{what}：{string.Join("、", missing.Select(i => i.Name))}（{profile.ShortName}{clauses}）"
                        : $"建议配备的{what}尚缺：{string.Join("、", missing.Select(i => $"{i.Name}（原文“{i.Verb}”）"))}（{profile.ShortName}{clauses}）",
                profile.ShortName + list.Source) { Interpretation = list.Interpretation };
        }
    }

    /// <summary>
    /// "单独的办公用房" (Hunan 五(一), Qiongzhong (五)1): a recorded room used as an office and for nothing else — its
    /// name says 办公 and names no second function ("社工办公室/个案工作室" is shared, not separate).
    /// </summary>
    public static bool IsSeparateOffice(string room)
    {
        var name = Signage.Normalize(room);
        return name.Contains("办公", StringComparison.Ordinal) && name.IndexOfAny(['/', '／', '、', ',', '，', ';', '；', '+', '和', '及']) < 0;
    }

    // A recorded room "个案工作室/心理咨询室" satisfies "个案工作室": rooms may be shared (Ledong 三(一)2).
    private static bool Contains(string recorded, string required) =>
        Signage.Normalize(recorded).Contains(Signage.Normalize(required), StringComparison.Ordinal);
}
