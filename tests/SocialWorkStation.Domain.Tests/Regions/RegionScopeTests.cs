using SocialWorkStation.Domain.Regions;

namespace SocialWorkStation.Domain.Tests.Regions;

public sealed class RegionScopeTests
{
    [Theory]
    [InlineData("460000", RegionLevel.Province, "469030100", true)]
    [InlineData("469000", RegionLevel.City, "469030100", true)]
    [InlineData("469030", RegionLevel.County, "469030100001", true)]
    [InlineData("469030", RegionLevel.County, "469027100", false)]
    [InlineData("469030100", RegionLevel.Township, "469030101", false)]
    [InlineData("110000", RegionLevel.Province, "120101", false)]
    public void A_region_contains_the_codes_that_start_with_its_prefix(string scope, RegionLevel level, string code, bool inside)
    {
        Assert.Equal(inside, RegionScope.Contains(scope, level, code));
    }

    [Theory]
    [InlineData("460000", RegionLevel.Province)]
    [InlineData("469000", RegionLevel.City)]
    [InlineData("469030", RegionLevel.County)]
    [InlineData("469030100", RegionLevel.Township)]
    [InlineData("469030100001", RegionLevel.Village)]
    public void The_level_follows_from_the_code(string code, RegionLevel level)
    {
        Assert.Equal(level, RegionScope.LevelOf(code));
    }

    [Theory]
    [InlineData("4690")]
    [InlineData("46903a")]
    public void Malformed_codes_have_no_level(string code) => Assert.Null(RegionScope.LevelOf(code));
}
