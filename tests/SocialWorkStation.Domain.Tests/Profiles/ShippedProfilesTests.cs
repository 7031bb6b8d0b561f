using SocialWorkStation.Domain.Common;
using SocialWorkStation.Domain.Platforms;
using SocialWorkStation.Domain.Profiles;
using Xunit;

namespace SocialWorkStation.Domain.Tests.Profiles;

/// <summary>
/// Tests of the policy profiles shipped in src/SocialWorkStation.Web/Profiles (one per source document in
/// shared/seeds), of <see cref="PolicyProfileParser"/>'s errors, and of <see cref="PlatformCheck"/> against
/// the shipped profiles. The folder is found by walking up from the test assembly to the folder that holds
/// SocialWorkStation.slnx.
/// </summary>
public class ShippedProfilesTests
{
    public static readonly TheoryData<string> Keys = new() { "hainan-ledong", "hainan-qiongzhong", "hunan", "shenmu", "wenzhou" };

    internal static readonly Lazy<string> ProfilesDirectory = new(FindProfilesDirectory);

    private static string FindProfilesDirectory()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "SocialWorkStation.slnx")))
            {
                return Path.Combine(dir.FullName, "src", "SocialWorkStation.Web", "Profiles");
            }
        }
        throw new InvalidOperationException($"SocialWorkStation.slnx not found above {AppContext.BaseDirectory}");
    }

    internal static PolicyProfile Load(string key)
    {
        var fileName = key + ".json";
        return PolicyProfileParser.Parse(fileName, File.ReadAllText(Path.Combine(ProfilesDirectory.Value, fileName)));
    }

    private static PlatformFacts Facts(
        PlatformKind kind,
        string name = "",
        RegionNames? regions = null,
        decimal? floorArea = null,
        string[]? rooms = null,
        string[]? equipment = null,
        bool fireSafety = false) =>
        new(kind, name, regions ?? new RegionNames(null, null, null, null, null), floorArea, rooms ?? [], equipment ?? [], fireSafety);

    private static Finding Single(IReadOnlyList<Finding> findings, string rule) => Assert.Single(findings, f => f.Rule == rule);

    // ---- the shipped files -------------------------------------------------------------------------

    [Fact]
    public void FolderHoldsExactlyTheFiveProfiles()
    {
        var keys = Directory.GetFiles(ProfilesDirectory.Value, "*.json")
            .Select(f => Path.GetFileNameWithoutExtension(f))
            .Order(StringComparer.Ordinal)
            .ToList();

        Assert.Equal(new[] { "hainan-ledong", "hainan-qiongzhong", "hunan", "shenmu", "wenzhou" }, keys);
    }

    [Theory]
    [MemberData(nameof(Keys))]
    public void ProfileParsesAndItsKeyIsItsFileName(string key)
    {
        var profile = Load(key);

        Assert.Equal(key, profile.Key);
        Assert.False(string.IsNullOrWhiteSpace(profile.ShortName));
        Assert.Matches(@"^\d{3}_[0-9a-f]{16}\.txt$", profile.Document.File);
    }

    [Theory]
    [MemberData(nameof(Keys))]
    public void EveryValueNamesItsSource(string key)
    {
        var entries = Load(key).Entries().Where(e => e.Value is not null).ToList();

        Assert.NotEmpty(entries);
        Assert.All(entries, e => Assert.False(string.IsNullOrWhiteSpace(e.Source), $"{key} {e.Path} has no source"));
    }

    [Theory]
    [MemberData(nameof(Keys))]
    public void InterpretationsAreNeverBlankWhenGiven(string key)
    {
        Assert.All(Load(key).Entries(), e => Assert.True(e.Interpretation is null || e.Interpretation.Trim().Length > 0, e.Path));
    }

    [Theory]
    [InlineData("hainan-ledong", "469027", "000_31bc67208e521343.txt")]
    [InlineData("hainan-qiongzhong", "469030", "003_84dbb8db33e8fe87.txt")]
    [InlineData("hunan", "430000", "001_c81ac797ce8e6055.txt")]
    [InlineData("shenmu", "610881", "002_f5812a15a0e201c5.txt")]
    [InlineData("wenzhou", "330300", "004_fa924a84cb06ff89.txt")]
    public void RegionCodeAndSourceFile(string key, string regionCode, string file)
    {
        var profile = Load(key);

        Assert.Equal(regionCode, profile.RegionCode);
        Assert.Equal(file, profile.Document.File);
    }

    [Fact]
    public void ShenmuOfficeIsAtLeast27SquareMetresForCentreAndStation()
    {
        var shenmu = Load("shenmu");

        Assert.Equal(27m, shenmu.Facilities.Station?.MinFloorArea?.Value);
        Assert.Equal("第九条", shenmu.Facilities.Station?.MinFloorArea?.Source);
        Assert.Equal(27m, shenmu.Facilities.CountyCentre?.MinFloorArea?.Value);
        Assert.Null(shenmu.Facilities.VillageRoom);
    }

    [Fact]
    public void WenzhouStationIsAtLeast100SquareMetresWithSafetyFacilitiesApart()
    {
        var wenzhou = Load("wenzhou");

        Assert.Equal(100m, wenzhou.Facilities.Station?.MinFloorArea?.Value);
        Assert.Null(wenzhou.Facilities.Station?.FireSafety);
        Assert.Equal(new[] { "防火设施", "防盗设施", "安全逃生设施" }, (wenzhou.Facilities.Station?.Safety?.Value ?? []).Take(3).Select(i => i.Name));
        Assert.Equal(new[] { "接待区", "展示区" }, wenzhou.Facilities.Station?.RequiredRooms?.Value);
        Assert.Contains(wenzhou.Facilities.Station?.ServiceRooms?.Value ?? [], r => r.Name == "小组活动室" && r.Service == StationServices.Groups);
    }

    [Fact]
    public void LedongHasTwoRoomsTwoCentresAndItsOwnLogo()
    {
        var ledong = Load("hainan-ledong");

        var rooms = ledong.Facilities.Station?.RequiredRooms?.Value;

        Assert.NotNull(rooms);
        Assert.Contains("个案工作室", rooms);
        Assert.Equal(new[] { "社工办公室", "个案工作室", "社工服务中心", "志愿服务中心" }, rooms);
        Assert.Equal("海南社会工作", ledong.Logo?.Value);
        Assert.True(ledong.Facilities.Station?.FireSafety?.Value);
    }

    [Fact]
    public void LogosDifferInsideHainan()
    {
        Assert.Equal("海南社会工作", Load("hainan-ledong").Logo?.Value);
        Assert.Equal("中国社会工作", Load("hainan-qiongzhong").Logo?.Value);
        Assert.Equal("中国社会工作", Load("shenmu").Logo?.Value);
        Assert.Null(Load("hunan").Logo);
        Assert.Null(Load("wenzhou").Logo);
    }

    [Fact]
    public void QiongzhongSignageForYinggen()
    {
        var sign = Load("hainan-qiongzhong").Signage.Station;

        Assert.NotNull(sign);
        Assert.Equal("琼中县营根镇社会工作服务站", Signage.Expected(sign.Value, new RegionNames(null, null, null, "营根镇", null)));
    }

    [Theory]
    [InlineData("hainan-ledong", PlatformKind.Station, "海南省乐东黎族自治县抱由镇社会工作服务站")]
    [InlineData("hunan", PlatformKind.Station, "浏阳市集里街道社会工作服务站")]
    [InlineData("shenmu", PlatformKind.CountyCentre, "神木市社会工作服务总站")]
    [InlineData("shenmu", PlatformKind.Station, "神木市店塔镇社会工作服务站")]
    [InlineData("shenmu", PlatformKind.VillageRoom, "店塔镇石角塔村社会工作服务室")]
    [InlineData("wenzhou", PlatformKind.Station, "五马街道社会工作站")]
    public void SignageFormatsGiveTheDocumentsNames(string key, PlatformKind kind, string expected)
    {
        var regions = key switch
        {
            "hainan-ledong" => new RegionNames("海南省", "省直辖县级行政区划", "乐东黎族自治县", "抱由镇", null),
            "hunan" => new RegionNames("湖南省", "长沙市", "浏阳市", "集里街道", null),
            "shenmu" => new RegionNames("陕西省", "榆林市", "神木市", "店塔镇", kind == PlatformKind.VillageRoom ? "石角塔村" : null),
            _ => new RegionNames("浙江省", "温州市", "鹿城区", "五马街道", null),
        };
        var sign = Load(key).Signage.For(kind);

        Assert.NotNull(sign);
        Assert.Equal(expected, Signage.Expected(sign.Value, regions));
    }

    [Fact]
    public void OnlyShenmuStatesCentreAndVillageRoomSignage()
    {
        foreach (var key in new[] { "hainan-ledong", "hainan-qiongzhong", "hunan", "wenzhou" })
        {
            var profile = Load(key);
            Assert.Null(profile.Signage.CountyCentre);
            Assert.Null(profile.Signage.VillageRoom);
        }
    }

    // ---- parser errors -----------------------------------------------------------------------------

    private const string Minimal = """
        {
          "key": "demo",
          "name": "示例方案",
          "shortName": "示例",
          "region": "示例县",
          "document": { "title": "示例方案", "file": "demo.txt" },
          "logo": { "value": "中国社会工作", "source": "第一条" },
          "signage": { "station": { "value": "{township}社会工作服务站", "source": "第二条" } },
          "facilities": { "station": { "minFloorArea": { "value": 27, "source": "第三条" } } }
        }
        """;

    private static PolicyProfileException ParseFails(string fileName, string json) =>
        Assert.Throws<PolicyProfileException>(() => PolicyProfileParser.Parse(fileName, json));

    [Fact]
    public void MinimalProfileParses()
    {
        var profile = PolicyProfileParser.Parse("demo.json", Minimal);

        Assert.Equal(27m, profile.Facilities.Station?.MinFloorArea?.Value);
    }

    [Fact]
    public void MissingRequiredFieldNamesFileAndField()
    {
        var ex = ParseFails("demo.json", Minimal.Replace("\"file\": \"demo.txt\"", "\"issuer\": \"示例局\""));

        Assert.Equal("demo.json", ex.File);
        Assert.Equal("$.document", ex.Field);
        Assert.Contains("demo.json", ex.Message);
        Assert.Contains("$.document", ex.Message);
        Assert.Contains("'file'", ex.Message);
        Assert.Contains("缺少必填字段", ex.Message);
    }

    [Fact]
    public void MissingSourceOfAValueNamesTheValue()
    {
        var ex = ParseFails("demo.json", Minimal.Replace("\"value\": 27, \"source\": \"第三条\"", "\"value\": 27"));

        Assert.Equal("$.facilities.station.minFloorArea", ex.Field);
        Assert.Contains("demo.json", ex.Message);
        Assert.Contains("$.facilities.station.minFloorArea", ex.Message);
        Assert.Contains("'source'", ex.Message);
    }

    [Fact]
    public void UnknownFieldNamesFileAndField()
    {
        var ex = ParseFails("demo.json", Minimal.Replace("\"minFloorArea\":", "\"maxFloorArea\":"));

        Assert.Equal("$.facilities.station.maxFloorArea", ex.Field);
        Assert.Contains("demo.json", ex.Message);
        Assert.Contains("$.facilities.station.maxFloorArea", ex.Message);
    }

    [Fact]
    public void UnknownTopLevelFieldIsRejected()
    {
        var ex = ParseFails("demo.json", Minimal.Replace("\"region\":", "\"regionName\": \"x\", \"region\":"));

        Assert.Equal("$.regionName", ex.Field);
        Assert.Contains("$.regionName", ex.Message);
    }

    [Theory]
    [InlineData("\"source\": \"第一条\"", "logo.source")]
    [InlineData("\"source\": \"第二条\"", "signage.station.source")]
    [InlineData("\"source\": \"第三条\"", "facilities.station.minFloorArea.source")]
    public void BlankSourceNamesFileAndField(string source, string field)
    {
        var ex = ParseFails("demo.json", Minimal.Replace(source, "\"source\": \"  \""));

        Assert.Equal(field, ex.Field);
        Assert.Contains("demo.json", ex.Message);
        Assert.Contains(field, ex.Message);
        Assert.Contains("缺少出处", ex.Message);
    }

    [Fact]
    public void KeyMustMatchFileName()
    {
        var ex = ParseFails("shenmu.json", Minimal);

        Assert.Equal("key", ex.Field);
        Assert.Contains("shenmu.json", ex.Message);
        Assert.Contains("字段 key", ex.Message);
        Assert.Contains("demo", ex.Message);
    }

    [Fact]
    public void UnknownSignagePlaceholderIsRejected()
    {
        var ex = ParseFails("demo.json", Minimal.Replace("{township}", "{town}"));

        Assert.Equal("signage.station.value", ex.Field);
        Assert.Contains("{town}", ex.Message);
    }

    [Fact]
    public void NonPositiveFloorAreaIsRejected()
    {
        var ex = ParseFails("demo.json", Minimal.Replace("\"value\": 27", "\"value\": 0"));

        Assert.Equal("facilities.station.minFloorArea.value", ex.Field);
        Assert.Contains("demo.json", ex.Message);
    }

    // ---- PlatformCheck against the shipped profiles -------------------------------------------------

    private static readonly RegionNames Yinggen = new("海南省", "省直辖县级行政区划", "琼中黎族苗族自治县", "营根镇", null);

    [Theory]
    [InlineData("琼中县营根镇社会工作服务站")]
    [InlineData("琼中县 营根镇 社会工作服务站")]
    public void SignageMatches(string name)
    {
        var finding = Single(PlatformCheck.Check(Load("hainan-qiongzhong"), Facts(PlatformKind.Station, name, Yinggen)), "signage");

        Assert.True(finding.Passed);
    }

    [Theory]
    [InlineData("琼中县营根镇社工站")]
    [InlineData("琼中县湾岭镇社会工作服务站")]
    [InlineData("营根镇社会工作服务站")]
    public void SignageDoesNotMatch(string name)
    {
        var finding = Single(PlatformCheck.Check(Load("hainan-qiongzhong"), Facts(PlatformKind.Station, name, Yinggen)), "signage");

        Assert.False(finding.Passed);
        Assert.Equal(Severity.Error, finding.Severity);
        Assert.Contains("琼中县营根镇社会工作服务站", finding.Message);
        Assert.Contains("琼中采购需求", finding.Message);
        var q = Load("hainan-qiongzhong");
        Assert.Equal(q.ShortName + q.Signage.Station?.Source, finding.Source);
    }

    [Theory]
    [InlineData("shenmu", PlatformKind.Station, 27)]
    [InlineData("shenmu", PlatformKind.CountyCentre, 27)]
    [InlineData("wenzhou", PlatformKind.Station, 100)]
    public void FloorAreaExactlyAtMinimumPasses(string key, PlatformKind kind, int minimum)
    {
        var finding = Single(PlatformCheck.Check(Load(key), Facts(kind, floorArea: minimum)), "floorArea");

        Assert.True(finding.Passed);
    }

    [Theory]
    [InlineData("shenmu", PlatformKind.Station, 27)]
    [InlineData("shenmu", PlatformKind.CountyCentre, 27)]
    [InlineData("wenzhou", PlatformKind.Station, 100)]
    public void FloorAreaHalfAMetreBelowMinimumFails(string key, PlatformKind kind, int minimum)
    {
        var profile = Load(key);
        var finding = Single(PlatformCheck.Check(profile, Facts(kind, floorArea: minimum - 0.5m)), "floorArea");

        Assert.False(finding.Passed);
        Assert.Equal(Severity.Error, finding.Severity);
        Assert.Contains($"少于要求的{minimum}平方米", finding.Message);
        Assert.Contains(profile.ShortName, finding.Message);
    }

    [Fact]
    public void MissingFloorAreaFails()
    {
        var finding = Single(PlatformCheck.Check(Load("shenmu"), Facts(PlatformKind.Station)), "floorArea");

        Assert.False(finding.Passed);
        Assert.Contains("未填写办公面积", finding.Message);
        Assert.Contains("神木办法第九条", finding.Message);
    }

    [Fact]
    public void NoFloorAreaFindingWhereTheDocumentSetsNone()
    {
        var findings = PlatformCheck.Check(Load("hainan-ledong"), Facts(PlatformKind.Station));

        Assert.DoesNotContain(findings, f => f.Rule == "floorArea");
    }

    [Fact]
    public void MissingRoomIsReportedByName()
    {
        var facts = Facts(PlatformKind.Station, rooms: ["社工办公室/个案工作室", "社工服务中心"]);
        var finding = Single(PlatformCheck.Check(Load("hainan-ledong"), facts), "rooms");

        Assert.False(finding.Passed);
        Assert.StartsWith("缺少功能室：志愿服务中心（乐东方案", finding.Message);
        Assert.DoesNotContain("个案工作室", finding.Message);
    }

    [Fact]
    public void AllRoomsPresentPasses()
    {
        var facts = Facts(PlatformKind.Station, rooms: ["社工办公室", "个案工作室", "社工服务中心", "志愿服务中心"]);
        var finding = Single(PlatformCheck.Check(Load("hainan-ledong"), facts), "rooms");

        Assert.True(finding.Passed);
    }

    [Fact]
    public void MissingRequiredEquipmentIsAnError()
    {
        var facts = Facts(PlatformKind.Station, "神木市店塔镇社会工作服务站",
            new RegionNames("陕西省", "榆林市", "神木市", "店塔镇", null), 30m, ["会议室", "活动场所"], ["桌椅", "电脑", "打印机"]);
        var findings = PlatformCheck.Check(Load("shenmu"), facts);
        var equipment = Single(findings, "equipment");

        Assert.False(equipment.Passed);
        Assert.Equal(Severity.Error, equipment.Severity);
        Assert.Contains("电话", equipment.Message);
        Assert.Contains("宣传栏", equipment.Message);
        Assert.False(Findings.Compliant(findings));
    }

    [Fact]
    public void MissingFireSafetyFailsWhereRequired()
    {
        var finding = Single(PlatformCheck.Check(Load("hainan-ledong"), Facts(PlatformKind.Station)), "fireSafety");

        Assert.False(finding.Passed);
        Assert.Contains("乐东", finding.Message);
    }
}
