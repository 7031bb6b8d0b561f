using SocialWorkStation.Domain.Common;
using SocialWorkStation.Domain.Platforms;
using SocialWorkStation.Domain.Profiles;
using Xunit;

namespace SocialWorkStation.Domain.Tests.Profiles;

/// <summary>
/// Premises against the shipped profiles (docs/requirements/premises.md): each item judged by its document's verb,
/// Shenmu's publicity board, Wenzhou's rooms by service project and its safety facilities apart, Hunan's and
/// Qiongzhong's separate office — and, for every profile, every requirement yields an error when it alone is missing.
/// </summary>
public class PremisesTests
{
    private static readonly RegionNames Names = new("某省", "某市", "某县", "某镇", "某村");

    private static PolicyProfile Load(string key) => ShippedProfilesTests.Load(key);

    /// <summary>A platform that has everything its profile asks for.</summary>
    private static PlatformFacts Complete(PolicyProfile profile, PlatformKind kind)
    {
        var rules = profile.Facilities.For(kind);
        var rooms = (rules?.RequiredRooms?.Value ?? []).Concat((rules?.ServiceRooms?.Value ?? []).Select(r => r.Name)).Append("办公室").ToList();
        var equipment = (rules?.RequiredEquipment?.Value ?? []).Concat(rules?.Safety?.Value ?? []).Select(i => i.Name).ToList();
        var name = profile.Signage.For(kind) is { } sign ? Signage.Expected(sign.Value, Names) : "某站";
        return new PlatformFacts(kind, name, Names, 10000m, rooms, equipment, true) { Services = StationServices.All };
    }

    public static TheoryData<string, PlatformKind, string, string> EveryRequirement()
    {
        var data = new TheoryData<string, PlatformKind, string, string>();
        foreach (var key in new[] { "hainan-ledong", "hainan-qiongzhong", "hunan", "shenmu", "wenzhou" })
        {
            var profile = Load(key);
            foreach (var kind in Enum.GetValues<PlatformKind>())
            {
                if (profile.Signage.For(kind) is not null) data.Add(key, kind, "signage", "");
                if (profile.Facilities.For(kind) is not { } rules) continue;
                if (rules.MinFloorArea is not null) data.Add(key, kind, "floorArea", "");
                if (rules.SeparateOffice is { Value: true }) data.Add(key, kind, "separateOffice", "");
                if (rules.FireSafety is { Value: true }) data.Add(key, kind, "fireSafety", "");
                foreach (var room in rules.RequiredRooms?.Value ?? []) data.Add(key, kind, "rooms", room);
                foreach (var room in rules.ServiceRooms?.Value ?? []) data.Add(key, kind, "serviceRooms", room.Name);
                foreach (var item in (rules.RequiredEquipment?.Value ?? []).Where(i => i.Severity == Severity.Error)) data.Add(key, kind, "equipment", item.Name);
                foreach (var item in (rules.Safety?.Value ?? []).Where(i => i.Severity == Severity.Error)) data.Add(key, kind, "safety", item.Name);
            }
        }
        return data;
    }

    [Fact]
    public void ACompletePlatformIsCompliantUnderEveryProfile()
    {
        foreach (var key in new[] { "hainan-ledong", "hainan-qiongzhong", "hunan", "shenmu", "wenzhou" })
        {
            var profile = Load(key);
            foreach (var kind in Enum.GetValues<PlatformKind>())
            {
                var findings = PlatformCheck.Check(profile, Complete(profile, kind));
                Assert.True(findings.All(f => f.Passed), $"{key} {kind}: {string.Join("; ", findings.Where(f => !f.Passed).Select(f => f.Message))}");
            }
        }
    }

    [Theory]
    [MemberData(nameof(EveryRequirement))]
    public void EveryRequirementAloneMissingIsAnError(string key, PlatformKind kind, string rule, string item)
    {
        var profile = Load(key);
        var facts = Complete(profile, kind);
        facts = rule switch
        {
            "signage" => facts with { Name = "别的名字" },
            "floorArea" => facts with { FloorArea = profile.Facilities.For(kind)!.MinFloorArea!.Value - 0.01m },
            "separateOffice" => facts with { Rooms = facts.Rooms.Where(r => r != "办公室").ToList() },
            "fireSafety" => facts with { HasFireSafetyEquipment = false },
            "rooms" or "serviceRooms" => facts with { Rooms = facts.Rooms.Where(r => r != item).ToList() },
            "safety" when item == "防火设施" => facts with { HasFireSafetyEquipment = false, Equipment = facts.Equipment.Where(e => e != item).ToList() },
            _ => facts with { Equipment = facts.Equipment.Where(e => e != item).ToList() },
        };

        var findings = PlatformCheck.Check(profile, facts);

        var failed = Assert.Single(findings, f => !f.Passed);
        Assert.Equal(rule, failed.Rule);
        Assert.Equal(Severity.Error, failed.Severity);
        Assert.Contains(item, failed.Message);
        Assert.Contains(profile.ShortName, failed.Message);
        Assert.False(Findings.Compliant(findings));
    }

    [Fact]
    public void ShenmuWithoutPublicityBoardIsNotCompliant()
    {
        var profile = Load("shenmu");
        var facts = Complete(profile, PlatformKind.Station);
        facts = facts with { Equipment = facts.Equipment.Where(e => e != "宣传栏").ToList() };

        var finding = Assert.Single(PlatformCheck.Check(profile, facts), f => !f.Passed);

        Assert.Equal("equipment", finding.Rule);
        Assert.Equal(Severity.Error, finding.Severity);
        Assert.Equal("缺少应配备的办公设备：宣传栏（神木办法第九条）", finding.Message);
    }

    [Theory]
    [InlineData("hainan-ledong", "应")]
    [InlineData("hainan-qiongzhong", "须")]
    [InlineData("hunan", "要")]
    [InlineData("shenmu", "应")]
    [InlineData("wenzhou", "需")]
    public void EquipmentCarriesTheDocumentsVerb(string key, string verb)
    {
        var items = Load(key).Facilities.Station!.RequiredEquipment!.Value;

        Assert.All(items, i => Assert.Equal(verb, i.Verb));
        Assert.Contains(items, i => i.Name is "档案柜" or "电话");
    }

    [Theory]
    [InlineData("应", Severity.Error)]
    [InlineData("须", Severity.Error)]
    [InlineData("需", Severity.Error)]
    [InlineData("要", Severity.Error)]
    [InlineData("宜", Severity.Warning)]
    [InlineData("可", Severity.Warning)]
    [InlineData("鼓励", Severity.Warning)]
    public void VerbDecidesSeverity(string verb, Severity severity) => Assert.Equal(severity, Verbs.SeverityOf(verb));

    [Fact]
    public void UnknownVerbIsRefusedByTheParser()
    {
        const string json = """
            {
              "key": "demo", "name": "示例", "shortName": "示例", "region": "示例县",
              "document": { "title": "示例", "file": "demo.txt" },
              "signage": {},
              "facilities": { "station": { "requiredEquipment": { "value": [ { "name": "电脑", "verb": "最好" } ], "source": "第一条" } } }
            }
            """;

        var ex = Assert.Throws<PolicyProfileException>(() => PolicyProfileParser.Parse("demo.json", json));

        Assert.Equal("facilities.station.requiredEquipment.value", ex.Field);
    }

    [Fact]
    public void WenzhouRecommendedInsuranceMissingIsOnlyAWarning()
    {
        var profile = Load("wenzhou");
        var facts = Complete(profile, PlatformKind.Station);
        facts = facts with { Equipment = facts.Equipment.Where(e => e != "公众责任险").ToList() };

        var findings = PlatformCheck.Check(profile, facts);

        var finding = Assert.Single(findings, f => !f.Passed);
        Assert.Equal("safetyRecommended", finding.Rule);
        Assert.Equal(Severity.Warning, finding.Severity);
        Assert.Contains("原文“鼓励”", finding.Message);
        Assert.True(Findings.Compliant(findings));
    }

    [Fact]
    public void WenzhouFireFlagDoesNotStandForTheftAndEscape()
    {
        var profile = Load("wenzhou");
        var facts = Complete(profile, PlatformKind.Station) with { Equipment = ["桌椅", "电脑", "打印机", "档案柜", "文具用品", "防滑提示", "公众责任险"] };

        var finding = Assert.Single(PlatformCheck.Check(profile, facts), f => !f.Passed);

        Assert.Equal("safety", finding.Rule);
        Assert.Contains("防盗设施、安全逃生设施", finding.Message);
        Assert.DoesNotContain("防火设施", finding.Message);
    }

    [Fact]
    public void WenzhouStationWithNoServicesYetNeedsOnlyReceptionAndDisplay()
    {
        var profile = Load("wenzhou");
        var facts = Complete(profile, PlatformKind.Station) with { Rooms = ["综合接待区", "展示区"], Services = [] };

        var findings = PlatformCheck.Check(profile, facts);

        Assert.All(findings, f => Assert.True(f.Passed, f.Message));
    }

    [Fact]
    public void WenzhouStationRunningCasesNeedsACaseRoom()
    {
        var profile = Load("wenzhou");
        var facts = Complete(profile, PlatformKind.Station) with { Rooms = ["综合接待区/展示区", "小组活动室"], Services = [StationServices.Cases, StationServices.Groups] };

        var finding = Assert.Single(PlatformCheck.Check(profile, facts), f => !f.Passed);

        Assert.Equal("serviceRooms", finding.Rule);
        Assert.Equal(Severity.Error, finding.Severity);
        Assert.StartsWith("按服务项目缺少功能室：个案室（已开展个案服务）", finding.Message);
    }

    [Theory]
    [InlineData("办公室", true)]
    [InlineData("社工办公室", true)]
    [InlineData("办公用房", true)]
    [InlineData("社工办公室/个案工作室", false)]
    [InlineData("办公、会议室", false)]
    [InlineData("个案工作室", false)]
    public void SeparateOfficeIsARoomForOfficeWorkAlone(string room, bool separate) =>
        Assert.Equal(separate, PlatformCheck.IsSeparateOffice(room));

    [Theory]
    [InlineData("hunan", "第五部分（一）硬件设置")]
    [InlineData("hainan-qiongzhong", "（五）管理保障第1项“硬件维护”")]
    public void SharedOfficeFailsTheSeparateOfficeRule(string key, string clause)
    {
        var profile = Load(key);
        var facts = Complete(profile, PlatformKind.Station) with { Rooms = ["社工办公室/个案工作室"] };

        var finding = Assert.Single(PlatformCheck.Check(profile, facts), f => f.Rule == "separateOffice");

        Assert.False(finding.Passed);
        Assert.Equal(Severity.Error, finding.Severity);
        Assert.Equal(profile.ShortName + clause, finding.Source);
    }
}
