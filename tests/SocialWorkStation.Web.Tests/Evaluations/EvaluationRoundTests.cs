using System.Net;
using SocialWorkStation.Web.Tests.Infrastructure;

namespace SocialWorkStation.Web.Tests.Evaluations;

/// <summary>Rounds (docs/requirements/evaluation.md §3): started by the bureau for a kind its profile asks for, listed in scope, tree fixed at the start.</summary>
public sealed class EvaluationRoundTests
{
    public static TheoryData<string> Providers => Db.Providers;

    [Theory, MemberData(nameof(Providers))]
    public async Task The_bureau_starts_a_round_that_keeps_its_tree_and_lists_it(string db)
    {
        var app = TestApp.For(db);
        var bureau = await app.ClientFor("bureau");
        var station = await EvaluationTestData.NewStation(app, "琼中县和平镇评估测试站" + Guid.NewGuid().ToString("N")[..4], "469030103", "hainan-qiongzhong");
        var year = app.Today.Year + 20 + Random.Shared.Next(0, 50);
        var response = await bureau.PostJson("/api/v1/evaluation-rounds", new
        {
            kind = "midTerm", serviceYear = year, startsOn = app.Today.ToString("yyyy-MM-dd"), endsOn = app.Today.AddDays(10).ToString("yyyy-MM-dd"), stationIds = new[] { station },
        });
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        var round = await response.ReadJson();
        Assert.Equal("midTerm", round.GetProperty("kind").GetString());
        Assert.Equal("中期评估", round.GetProperty("kindName").GetString());
        Assert.Equal("raw", round.GetProperty("scoring").GetString()); // Qiongzhong names no weights or bands
        Assert.Equal(3, round.GetProperty("parties").GetArrayLength());
        Assert.Equal("469030", round.GetProperty("countyCode").GetString());
        var tree = round.GetProperty("tree");
        Assert.True(tree.GetProperty("isDefault").GetBoolean());
        var id = round.GetProperty("id").GetString();

        var list = await bureau.GetJson($"/api/v1/evaluation-rounds?serviceYear={year}");
        Assert.Contains(list.GetProperty("items").EnumerateArray(), r => r.GetProperty("id").GetString() == id);
        // The township officer of another township does not see it; the evaluator of the county does.
        var township = await app.ClientFor("township");
        Assert.Equal(HttpStatusCode.NotFound, (await township.GetAsync($"/api/v1/evaluation-rounds/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await (await app.ClientFor("evaluator")).GetAsync($"/api/v1/evaluation-rounds/{id}")).StatusCode);

        // The tree is the same stored version for the next round of the county (nothing changed in the profile).
        var treeRow = await bureau.GetJson($"/api/v1/evaluation-trees/{tree.GetProperty("id").GetString()}");
        Assert.Equal(4, treeRow.GetProperty("indicators").GetArrayLength());
        Assert.Equal("项目实施", treeRow.GetProperty("indicators")[0].GetProperty("name").GetString());

        // The same station in a second mid-term round of the year: 409.
        var again = await bureau.PostJson("/api/v1/evaluation-rounds", new
        {
            kind = "midTerm", serviceYear = year, startsOn = app.Today.ToString("yyyy-MM-dd"), endsOn = app.Today.AddDays(10).ToString("yyyy-MM-dd"), stationIds = new[] { station },
        });
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);

        // A kind the profile does not ask for: 422 naming the field.
        var quarterly = await bureau.PostJson("/api/v1/evaluation-rounds", new
        {
            kind = "quarterlyInspection", serviceYear = year, startsOn = app.Today.ToString("yyyy-MM-dd"), endsOn = app.Today.ToString("yyyy-MM-dd"), stationIds = new[] { station },
        });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, quarterly.StatusCode);
        Assert.Contains("kind", await quarterly.Content.ReadAsStringAsync());

        // Missing dates: 400 naming them.
        await (await bureau.PostJson("/api/v1/evaluation-rounds", new { kind = "final", serviceYear = year, stationIds = new[] { station } })).AssertValidationProblem("startsOn");
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task A_station_outside_the_bureaus_county_cannot_be_put_in_a_round(string db)
    {
        var app = TestApp.For(db);
        var ledong = await EvaluationTestData.NewStation(app, "乐东县抱由镇评估测试站" + Guid.NewGuid().ToString("N")[..4], "469027100", "hainan-ledong");
        var bureau = await app.ClientFor("bureau");
        var response = await bureau.PostJson("/api/v1/evaluation-rounds", new
        {
            kind = "midTerm", serviceYear = 2030, startsOn = "2030-06-01", endsOn = "2030-06-30", stationIds = new[] { ledong },
        });
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        // Only the bureau starts rounds.
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.ClientFor("evaluator")).PostJson("/api/v1/evaluation-rounds", new { kind = "midTerm" })).StatusCode);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task The_pages_list_rounds_and_show_the_default_tree(string db)
    {
        var app = TestApp.For(db);
        var bureau = await app.ClientFor("bureau");
        var station = await EvaluationTestData.NewStation(app, "琼中县长征镇评估页面站" + Guid.NewGuid().ToString("N")[..4], "469030102", "hainan-qiongzhong");
        var id = await EvaluationTestData.AddRoundDirect(app, Guid.Parse(station), "469030102", "hainan-qiongzhong");
        var index = await bureau.GetStringAsync("/Evaluations");
        Assert.Contains("发起评估", index);
        var page = await bureau.GetStringAsync($"/Evaluations/Round/{id}");
        Assert.Contains("测试评估", page);
        Assert.Contains("不计综合得分", page);
        var trees = await bureau.GetStringAsync("/Evaluations/Trees");
        Assert.Contains("琼中县社工站评估指标（平台默认）", trees);
        Assert.Contains("入户探访", trees);
    }
}
