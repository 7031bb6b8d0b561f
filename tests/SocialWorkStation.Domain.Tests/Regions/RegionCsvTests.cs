using SocialWorkStation.Domain.Regions;
using Xunit;

namespace SocialWorkStation.Domain.Tests.Regions;

/// <summary>
/// Tests of <see cref="RegionCsv"/>. The shipped files are read from the "Regions" folder next to the test
/// assembly: the test project copies src/SocialWorkStation.Web/Data/Regions/* there.
/// </summary>
public class RegionCsvTests
{
    private static string RegionsDir => Path.Combine(AppContext.BaseDirectory, "Regions");

    private static List<RegionRow> Parse(Func<TextReader, IEnumerable<RegionRow>> parser, string csv)
    {
        using var reader = new StringReader(csv);
        return parser(reader).ToList();
    }

    private static List<RegionRow> ParseShipped(string fileName)
    {
        var level = RegionCsv.LevelOfFile(fileName);
        Assert.NotNull(level);
        using var reader = new StreamReader(Path.Combine(RegionsDir, fileName));
        return RegionCsv.Parse(level.Value, reader).ToList();
    }

    [Fact]
    public void ProvinceCodeIsPaddedToSixDigits()
    {
        var rows = Parse(RegionCsv.ParseProvinces, "code,name\n11,\"北京市\"\n46,\"海南省\"\n");

        Assert.Equal(
            [
                new RegionRow("110000", "北京市", RegionLevel.Province, null),
                new RegionRow("460000", "海南省", RegionLevel.Province, null),
            ],
            rows);
    }

    [Fact]
    public void CityCodeIsPaddedAndParentIsPaddedProvince()
    {
        var rows = Parse(RegionCsv.ParseCities, "code,name,provinceCode\n4601,\"海口市\",46\n4690,\"省直辖县级行政区划\",46\n");

        Assert.Equal(
            [
                new RegionRow("460100", "海口市", RegionLevel.City, "460000"),
                new RegionRow("469000", "省直辖县级行政区划", RegionLevel.City, "460000"),
            ],
            rows);
    }

    [Fact]
    public void AreaCodeStaysAndParentIsPaddedCity()
    {
        var rows = Parse(RegionCsv.ParseAreas, "code,name,cityCode,provinceCode\n469030,\"琼中黎族苗族自治县\",4690,46\n");

        Assert.Equal([new RegionRow("469030", "琼中黎族苗族自治县", RegionLevel.County, "469000")], rows);
    }

    [Fact]
    public void AreaThatRepeatsItsCityIsSkipped()
    {
        // 东莞 has no counties; china-division lists a pseudo-area 441900 which is the city's own official code.
        var rows = Parse(
            RegionCsv.ParseAreas,
            "code,name,cityCode,provinceCode\n441900,\"东莞市\",4419,44\n441802,\"清城区\",4418,44\n");

        Assert.Equal([new RegionRow("441802", "清城区", RegionLevel.County, "441800")], rows);
    }

    [Fact]
    public void StreetCodeStaysAndParentIsArea()
    {
        var rows = Parse(
            RegionCsv.ParseStreets,
            "code,name,areaCode,provinceCode,cityCode\n469030100,\"营根镇\",469030,46,4690\n441900003,\"东城街道\",441900,44,4419\n");

        Assert.Equal(
            [
                new RegionRow("469030100", "营根镇", RegionLevel.Township, "469030"),
                new RegionRow("441900003", "东城街道", RegionLevel.Township, "441900"),
            ],
            rows);
    }

    [Fact]
    public void StreetWithoutAreaHangsUnderCity()
    {
        var rows = Parse(
            RegionCsv.ParseStreets,
            "code,name,areaCode,provinceCode,cityCode\n441900003,\"东城街道\",,44,4419\n");

        Assert.Equal([new RegionRow("441900003", "东城街道", RegionLevel.Township, "441900")], rows);
    }

    [Fact]
    public void VillageCodeStaysAndParentIsStreet()
    {
        var rows = Parse(
            RegionCsv.ParseVillages,
            "code,name,streetCode,provinceCode,cityCode,areaCode\n469030100001,\"营根社区居委会\",469030100,46,4690,469030\n");

        Assert.Equal([new RegionRow("469030100001", "营根社区居委会", RegionLevel.Village, "469030100")], rows);
    }

    [Fact]
    public void ColumnsAreFoundByHeaderName()
    {
        var rows = Parse(RegionCsv.ParseCities, "provinceCode,name,code\r\n46,\"三亚市\",4602\r\n");

        Assert.Equal([new RegionRow("460200", "三亚市", RegionLevel.City, "460000")], rows);
    }

    [Fact]
    public void QuotedFieldsMayContainCommasQuotesAndLineBreaks()
    {
        var csv = "code,name,provinceCode\r\n"
            + "\"4601\",\"海口市, \"\"省会\"\"\",\"46\"\r\n"
            + "4602,\"三亚\n市\",46\r\n"
            + "4603,三沙市,46";

        var rows = Parse(RegionCsv.ParseCities, csv);

        Assert.Equal(
            [
                new RegionRow("460100", "海口市, \"省会\"", RegionLevel.City, "460000"),
                new RegionRow("460200", "三亚\n市", RegionLevel.City, "460000"),
                new RegionRow("460300", "三沙市", RegionLevel.City, "460000"),
            ],
            rows);
    }

    [Fact]
    public void ByteOrderMarkAndBlankLinesAreIgnored()
    {
        var rows = Parse(RegionCsv.ParseProvinces, "\uFEFFcode,name\n\n46,\"海南省\"\n\n");

        Assert.Equal([new RegionRow("460000", "海南省", RegionLevel.Province, null)], rows);
    }

    [Fact]
    public void RowWithWrongFieldCountReportsItsLine()
    {
        var ex = Assert.Throws<FormatException>(
            () => Parse(RegionCsv.ParseCities, "code,name,provinceCode\n4601,\"海口市\",46\n4602,\"三亚市\"\n"));

        Assert.StartsWith("Line 3:", ex.Message);
        Assert.Equal(3, ex.Data[RegionCsv.LineNumberKey]);
    }

    [Fact]
    public void LineNumbersCountLineBreaksInsideQuotedFields()
    {
        var ex = Assert.Throws<FormatException>(
            () => Parse(RegionCsv.ParseCities, "code,name,provinceCode\n4601,\"海\n口市\",46\n460,\"三亚市\",46\n"));

        Assert.StartsWith("Line 4:", ex.Message);
        Assert.Contains("'code'", ex.Message);
    }

    [Fact]
    public void UnclosedQuoteReportsTheLineWhereTheFieldStarts()
    {
        var ex = Assert.Throws<FormatException>(
            () => Parse(RegionCsv.ParseProvinces, "code,name\n11,\"北京市\"\n12,\"天津市\n13,河北省\n"));

        Assert.StartsWith("Line 3:", ex.Message);
    }

    [Fact]
    public void StrayQuotesAreRejected()
    {
        var inUnquoted = Assert.Throws<FormatException>(
            () => Parse(RegionCsv.ParseProvinces, "code,name\n11,北京\"市\n"));
        var afterClosing = Assert.Throws<FormatException>(
            () => Parse(RegionCsv.ParseProvinces, "code,name\n11,\"北京\"市\n"));

        Assert.StartsWith("Line 2:", inUnquoted.Message);
        Assert.StartsWith("Line 2:", afterClosing.Message);
    }

    [Fact]
    public void BadCodesAndMissingColumnsAreRejected()
    {
        var notDigits = Assert.Throws<FormatException>(
            () => Parse(RegionCsv.ParseProvinces, "code,name\n11,\"北京市\"\n4x,\"海南省\"\n"));
        var wrongParent = Assert.Throws<FormatException>(
            () => Parse(RegionCsv.ParseAreas, "code,name,cityCode,provinceCode\n469030,\"琼中\",4601,46\n"));
        var emptyName = Assert.Throws<FormatException>(
            () => Parse(RegionCsv.ParseProvinces, "code,name\n46,\"\"\n"));
        var missingColumn = Assert.Throws<FormatException>(
            () => Parse(RegionCsv.ParseStreets, "code,name,provinceCode\n469030100,\"营根镇\",46\n"));
        var empty = Assert.Throws<FormatException>(() => Parse(RegionCsv.ParseProvinces, ""));

        Assert.StartsWith("Line 3:", notDigits.Message);
        Assert.StartsWith("Line 2:", wrongParent.Message);
        Assert.StartsWith("Line 2:", emptyName.Message);
        Assert.StartsWith("Line 1:", missingColumn.Message);
        Assert.Contains("areaCode", missingColumn.Message);
        Assert.StartsWith("Line 1:", empty.Message);
    }

    [Theory]
    [InlineData("provinces.csv", RegionLevel.Province)]
    [InlineData("cities.csv", RegionLevel.City)]
    [InlineData("areas.csv", RegionLevel.County)]
    [InlineData("streets.csv", RegionLevel.Township)]
    [InlineData("villages.csv", RegionLevel.Village)]
    [InlineData("villages-46.csv", RegionLevel.Village)]
    [InlineData("Regions/Streets.CSV", RegionLevel.Township)]
    [InlineData("README.md", null)]
    [InlineData("villages-.csv", null)]
    [InlineData("villages-hn.csv", null)]
    [InlineData("provinces.json", null)]
    public void LevelOfFileMapsFileNames(string fileName, RegionLevel? expected)
    {
        Assert.Equal(expected, RegionCsv.LevelOfFile(fileName));
    }

    [Fact]
    public void ShippedQiongzhongAndItsTownships()
    {
        var county = Assert.Single(ParseShipped("areas.csv"), a => a.Code == "469030");
        Assert.Equal(new RegionRow("469030", "琼中黎族苗族自治县", RegionLevel.County, "469000"), county);

        var towns = ParseShipped("streets.csv").Where(s => s.ParentCode == "469030").ToList();

        // Ten towns and townships (镇/乡) plus the Limushan branch of the Hainan Tropical Rainforest National Park.
        Assert.Equal(
            [
                ("469030100", "营根镇"),
                ("469030101", "湾岭镇"),
                ("469030102", "黎母山镇"),
                ("469030103", "和平镇"),
                ("469030104", "长征镇"),
                ("469030105", "红毛镇"),
                ("469030106", "中平镇"),
                ("469030200", "吊罗山乡"),
                ("469030201", "上安乡"),
                ("469030202", "什运乡"),
                ("469030500", "海南热带雨林国家公园管理局黎母山分局"),
            ],
            towns.Select(t => (t.Code, t.Name)));
        Assert.Equal(10, towns.Count(t => t.Name.EndsWith('镇') || t.Name.EndsWith('乡')));
        Assert.All(towns, t => Assert.Equal(RegionLevel.Township, t.Level));
    }

    [Fact]
    public void ShippedFilesFormOneTree()
    {
        var provinces = ParseShipped("provinces.csv");
        var cities = ParseShipped("cities.csv");
        var areas = ParseShipped("areas.csv");
        var streets = ParseShipped("streets.csv");
        var villages = ParseShipped("villages-46.csv");

        Assert.Equal(31, provinces.Count);
        Assert.Equal(342, cities.Count);
        Assert.Equal(2975, areas.Count); // 2978 rows minus the pseudo-areas 441900, 442000, 460400
        Assert.Equal(41352, streets.Count);
        Assert.Equal(3296, villages.Count);

        List<RegionRow> all = [.. provinces, .. cities, .. areas, .. streets, .. villages];
        var byCode = all.ToDictionary(r => r.Code); // throws on a duplicate code

        var lengths = new Dictionary<RegionLevel, int>
        {
            [RegionLevel.Province] = 6,
            [RegionLevel.City] = 6,
            [RegionLevel.County] = 6,
            [RegionLevel.Township] = 9,
            [RegionLevel.Village] = 12,
        };
        foreach (var row in all)
        {
            Assert.Equal(lengths[row.Level], row.Code.Length);
            if (row.Level == RegionLevel.Province)
            {
                Assert.Null(row.ParentCode);
                continue;
            }

            Assert.NotNull(row.ParentCode);
            Assert.True(byCode.TryGetValue(row.ParentCode, out var parent), $"{row.Code} has unknown parent {row.ParentCode}");
            Assert.True(parent.Level < row.Level, $"{row.Code} is not below its parent {parent.Code}");
        }

        Assert.Equal(RegionLevel.City, byCode[Assert.Single(streets, s => s.Code == "441900003").ParentCode!].Level);
        Assert.All(villages, v => Assert.StartsWith("46", v.Code));
    }
}
