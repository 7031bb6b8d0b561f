using System.Net;
using SocialWorkStation.Web.Tests.Infrastructure;

namespace SocialWorkStation.Web.Tests.Profiles;

public sealed class ProfileApiTests
{
    [Fact]
    public async Task Five_profiles_with_sources()
    {
        var client = await TestApp.For("Sqlite").ClientFor("worker");
        var list = await client.GetJson("/api/v1/profiles");
        var keys = list.EnumerateArray().Select(p => p.GetProperty("key").GetString()).ToHashSet();
        Assert.Equal(new HashSet<string?> { "hainan-ledong", "hainan-qiongzhong", "hunan", "shenmu", "wenzhou" }, keys);
        var shenmu = await client.GetJson("/api/v1/profiles/shenmu");
        var area = shenmu.GetProperty("entries").EnumerateArray().Single(e => e.GetProperty("path").GetString() == "facilities.station.minFloorArea");
        Assert.Equal("27", area.GetProperty("value").GetString());
        Assert.False(string.IsNullOrEmpty(area.GetProperty("source").GetString()));
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/v1/profiles/atlantis")).StatusCode);
    }
}
