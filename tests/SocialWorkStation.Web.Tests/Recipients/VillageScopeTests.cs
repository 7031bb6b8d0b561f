using SocialWorkStation.Web.Tests.Infrastructure;
using static SocialWorkStation.Web.Tests.Recipients.RecipientFixtures;

namespace SocialWorkStation.Web.Tests.Recipients;

/// <summary>Issue 17 item 13: a record's village must lie in its station's township, whatever county the caller may see.</summary>
public sealed class VillageScopeTests
{
    public static TheoryData<string> Providers => Db.Providers;

    [Theory, MemberData(nameof(Providers))]
    public async Task A_village_of_another_county_or_township_is_refused_by_field(string db)
    {
        var app = TestApp.For(db);
        var worker = await app.ClientFor("worker");
        // A real village of Ledong (469027) and one of another Qiongzhong township: both outside 营根镇 (469030100).
        var ledongTownship = (await worker.GetJson("/api/v1/regions/469027/children"))[0].GetProperty("code").GetString()!;
        var ledongVillage = (await worker.GetJson($"/api/v1/regions/{ledongTownship}/children"))[0].GetProperty("code").GetString()!;
        var otherTownship = (await worker.GetJson("/api/v1/regions/469030/children")).EnumerateArray()
            .Select(r => r.GetProperty("code").GetString()!).First(c => c != "469030100");
        var otherVillage = (await worker.GetJson($"/api/v1/regions/{otherTownship}/children"))[0].GetProperty("code").GetString()!;
        foreach (var village in new[] { ledongVillage, otherVillage })
        {
            await (await worker.PostJson("/api/v1/recipients", Body(NewName(), NewId(), villageCode: village))).AssertValidationProblem("villageCode");
        }
        // Its own township's village is accepted.
        var own = (await worker.GetJson("/api/v1/regions/469030100/children"))[0].GetProperty("code").GetString()!;
        var created = await Create(worker, Body(NewName(), NewId(), villageCode: own));
        Assert.Equal(own, created.GetProperty("villageCode").GetString());
    }
}
